"""What a process reads from the database once per content generation, not on every page.

Reader content changes only when someone saves it, and every such change
starts a new cache generation on every app instance (``page_cache.invalidation``).
So what is read from it (the glossary's links, the glossary terms a search
compares with) can be read once per generation and key (a language) by each
process. Without a generation (the cache cannot be reached, or this thread's
transaction changed content it has not committed), or inside a transaction
that might still be rolled back, it is read every time and not remembered.
What is remembered is shared by the process's threads and replaced whole,
never changed in place: remember only values no one changes (a tuple, a
``MappingProxyType``).
"""

import threading
from types import MappingProxyType

from django.db import connection

from page_cache import generation


class PerGeneration:
    """``read(key)``, remembered for the current generation only."""

    def __init__(self, read):
        self.read = read
        # (generation, {key: value}), for one generation only. Readers take
        # the pair as it is; a writer replaces it whole, under the lock, so no
        # thread ever sees a dictionary change under it.
        self._remembered = (None, MappingProxyType({}))
        self._writing = threading.Lock()

    def __call__(self, key):
        current = generation.current()
        seen, by_key = self._remembered
        if current is not None and seen == current and key in by_key:
            return by_key[key]
        value = self.read(key)
        # What a transaction read may still be rolled back: keep it to itself.
        if current is not None and not connection.in_atomic_block:
            with self._writing:
                seen, by_key = self._remembered
                kept = dict(by_key) if seen == current else {}
                kept[key] = value
                self._remembered = (current, MappingProxyType(kept))
        return value
