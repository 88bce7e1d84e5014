from django import template
from django.urls import reverse
from django.utils import translation

from glossary.linking import link_terms
from glossary.models import Term

register = template.Library()


@register.filter
def link_glossary_terms(html, language_code):
    """Link glossary words in ``html`` to their explanation in ``language_code``.

    Returns plain text: mark it safe at the end of the chain, as the page body
    already is (``{{ text.body|link_glossary_terms:LANGUAGE_CODE|safe }}``).
    """
    with translation.override(language_code):
        glossary = reverse("glossary:index")
    links = {
        form: f"{glossary}#{term.slug}"
        for term in Term.objects.only("slug", "term", "other_forms")
        for form in term.forms()
    }
    return link_terms(str(html or ""), links)
