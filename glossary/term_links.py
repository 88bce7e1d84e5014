"""Where each glossary word links to, read from the database once per content generation.

Every page body needs the glossary's words and the addresses of their
explanations, but they change only when someone edits the glossary: each
process reads them once per generation and language, not on every page view
(``page_cache.remembered``).
"""

from types import MappingProxyType

from django.urls import reverse
from django.utils import translation

from glossary.models import Term
from page_cache.remembered import PerGeneration


def read_term_links(language_code):
    """{word form: address of its explanation in ``language_code``}, from the database."""
    with translation.override(language_code):
        glossary = reverse("glossary:index")
    return {
        form: f"{glossary}#{term.slug}"
        for term in Term.objects.only("slug", "term", "other_forms")
        for form in term.forms()
    }


#: The glossary's links for a language (read-only), remembered per generation.
term_links = PerGeneration(lambda language_code: MappingProxyType(read_term_links(language_code)))
