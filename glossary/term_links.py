"""Where each glossary word links to, read from the database once per content generation.

Every page body needs the glossary's words and the addresses of their
explanations, but they change only when someone edits the glossary, and every
such change starts a new cache generation on every app instance
(``page_cache.invalidation``). So each process reads them once per generation
and language, not on every page view. Without a generation (the cache cannot be
reached), or inside a transaction that might still be rolled back, they are
read every time and not remembered.
"""

from types import MappingProxyType

from django.db import connection
from django.urls import reverse
from django.utils import translation

from glossary.models import Term
from page_cache import generation

# {(generation, language code): links}, for the current generation only.
_remembered = {}


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
    current = generation.current()
    key = (current, language_code)
    links = _remembered.get(key)
    if links is not None:
        return links
    links = MappingProxyType(read_term_links(language_code))
    # What a transaction read may still be rolled back: keep it to itself.
    if current is not None and not connection.in_atomic_block:
        if any(generation_seen != current for generation_seen, _code in _remembered):
            _remembered.clear()
        _remembered[key] = links
    return links
