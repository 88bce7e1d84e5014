"""Load the glossary shipped in ``glossary/seed/`` into the database.

``terms.json`` holds the Swedish words; ``<language code>.json`` holds what
each word means and its explanation in one language. A translator adds a
language by adding one file. Loading is idempotent: a term is written only
when a value differs.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from glossary.models import Term
from housing_info.demo_content import is_machine_translated, write

SEED_DIR = Path(__file__).resolve().parent / "seed"


@transaction.atomic
def load_glossary(directory=SEED_DIR):
    """Load or refresh the glossary; returns how many terms were written."""
    words = json.loads((directory / "terms.json").read_text(encoding="utf-8"))["terms"]
    texts = {}
    for code, _name in settings.LANGUAGES:
        path = directory / f"{code}.json"
        if path.exists():
            texts[code] = json.loads(path.read_text(encoding="utf-8"))
    written = 0
    for word in words:
        values = {"term": word["term"], "other_forms": ", ".join(word.get("other_forms", []))}
        values["machine_translated"] = sorted(
            code
            for code, language_texts in texts.items()
            if language_texts.get(word["slug"]) and is_machine_translated(code, language_texts)
        )
        for code, language_texts in texts.items():
            entry = language_texts.get(word["slug"], {})
            values[f"meaning_{code}"] = entry.get("meaning", "")
            values[f"explanation_{code}"] = entry.get("explanation", "")
        _term, changed = write(Term, {"slug": word["slug"]}, values)
        written += changed
    return written
