"""Every text of the frozen demo content, to show that a rewrite changes no output."""

import hashlib
import json
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "data" / "demo_snapshot"


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in sorted(value):
            yield from strings(value[key])
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def demo_digests(transform):
    """Per snapshot file, a digest of ``transform`` applied to each of its texts."""
    digests = {}
    for path in sorted(SNAPSHOT.glob("*.json")):
        texts = strings(json.loads(path.read_text(encoding="utf-8")))
        output = "\x1e".join(transform(text) for text in texts)
        digests[path.stem] = hashlib.sha256(output.encode()).hexdigest()[:16]
    return digests
