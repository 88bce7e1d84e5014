"""Which files `docker build` sends to the builder, by Docker's own .dockerignore rules.

A transcription of how BuildKit reads the file (moby/buildkit's
`dockerignore.ReadAll`) and matches paths (moby/patternmatcher): patterns are
Go `filepath.Match` patterns on slash-separated paths relative to the context,
cleaned like `filepath.Clean` with a leading slash dropped; `**` matches any
number of directories; `!` re-includes; the last pattern that matches a path
or one of its parent directories wins. Matching is case-sensitive, as on Linux
(the Docker SDK for Python lower-cases both sides, so it is not used here).
"""

import os
import posixpath
import re
from pathlib import Path


def read_patterns(text):
    """The patterns of a .dockerignore file, in order, as BuildKit cleans them."""
    patterns = []
    for number, line in enumerate(text.splitlines()):
        if number == 0:
            line = line.removeprefix("\ufeff")
        if line.startswith("#"):
            continue
        line = line.strip()
        if not line:
            continue
        exclusion = line.startswith("!")
        if exclusion:
            line = line[1:].strip()
        if line:
            line = posixpath.normpath(line)
            if len(line) > 1 and line.startswith("/"):
                line = line[1:]
        patterns.append(("!" if exclusion else "") + line)
    return patterns


def _pattern_regex(pattern):
    """patternmatcher's translation of one cleaned pattern into a regular expression."""
    regex = "^"
    index = 0
    while index < len(pattern):
        char = pattern[index]
        index += 1
        if char == "*":
            if index < len(pattern) and pattern[index] == "*":
                index += 1
                if index < len(pattern) and pattern[index] == "/":
                    index += 1
                regex += ".*" if index >= len(pattern) else "(.*/)?"
            else:
                regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif char == "\\":
            if index < len(pattern):
                regex += "\\" + pattern[index]
                index += 1
            else:
                regex += "\\\\"
        elif char in ".+()|{}$":
            regex += "\\" + char
        else:
            # Letters, "/", "[", "]" and what stands inside a class go as they are.
            regex += char
    return re.compile(regex + "$", re.DOTALL)


class DockerIgnore:
    def __init__(self, patterns):
        self.rules = []
        for pattern in patterns:
            exclusion = pattern.startswith("!")
            cleaned = pattern[1:] if exclusion else pattern
            if not cleaned:
                raise ValueError(f"illegal exclusion pattern: {pattern!r}")
            self.rules.append((exclusion, cleaned, _pattern_regex(cleaned)))

    @classmethod
    def from_file(cls, path):
        return cls(read_patterns(Path(path).read_text(encoding="utf-8")))

    def excludes(self, path):
        """patternmatcher's MatchesOrParentMatches: the path or a parent matched last."""
        parents = path.split("/")[:-1]
        excluded = False
        for exclusion, _, regex in self.rules:
            match = regex.match(path) is not None
            if not match:
                match = any(
                    regex.match("/".join(parents[: depth + 1])) for depth in range(len(parents))
                )
            if match:
                excluded = not exclusion
        return excluded

    def _may_include_below(self, directory):
        """Whether an exception could bring back something inside an excluded directory."""
        return any(
            cleaned.startswith(directory + "/") or any(char in cleaned for char in "*?[\\")
            for exclusion, cleaned, _ in self.rules
            if exclusion
        )

    def sent_files(self, root):
        """Every file (relative, slash-separated) the builder would receive from root."""
        root = Path(root)
        sent = set()
        for folder, directories, files in os.walk(root):
            relative = Path(folder).relative_to(root).as_posix()
            prefix = "" if relative == "." else relative + "/"
            directories[:] = [
                name
                for name in directories
                if not self.excludes(prefix + name) or self._may_include_below(prefix + name)
            ]
            sent.update(prefix + name for name in files if not self.excludes(prefix + name))
        return sent
