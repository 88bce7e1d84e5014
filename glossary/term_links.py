"""Where each glossary word links to, read from the database once per content generation.

Every page body needs the glossary's words and the addresses of their
explanations, but they change only when someone edits the glossary, and every
such change starts a new cache generation on every app instance
(``page_cache.invalidation``). So each process reads them once per generation
and language, not on every page view. Without a generation (the cache cannot be
reached, or this thread's transaction changed content it has not committed),
or inside a transaction that might still be rolled back, they are read every
time and not remembered. The remembered links are shared by the process's
threads and replaced whole, never changed in place.
"""

import threading
from types import MappingProxyType

from django.db import connection
from django.urls import reverse
from django.utils import translation

from glossary.models import Term
from page_cache import generation

# (generation, {language code: links}), for one generation only. Readers take
# the pair as it is; a writer replaces it whole, under the lock, so no thread
# ever sees a dictionary change under it.
_remembered = (None, MappingProxyType({}))
_writing = threading.Lock()


def read_term_links(language_code):
    """{word form: address of its explanation in ``language_code``}, from the database."""
    with translation.override(language_code):
        glossary = reverse("glossary:index")
    return {
        form: f"{glossary}#{term.slug}"
        for term in Term.objects.only("slug", "term", "other_forms")
        for form in term.forms()
    }


def term_links(language_code):
    """The glossary's links for ``language_code`` (read-only), remembered per generation."""
    global _remembered
    current = generation.current()
    seen, by_language = _remembered
    if current is not None and seen == current and language_code in by_language:
        return by_language[language_code]
    links = MappingProxyType(read_term_links(language_code))
    # What a transaction read may still be rolled back: keep it to itself.
    if current is not None and not connection.in_atomic_block:
        with _writing:
            seen, by_language = _remembered
            kept = dict(by_language) if seen == current else {}
            kept[language_code] = links
            _remembered = (current, MappingProxyType(kept))
    return links
