from django import template

from glossary.linking import link_terms
from glossary.term_links import term_links

register = template.Library()


@register.filter
def link_glossary_terms(html, language_code):
    """Link glossary words in ``html`` to their explanation in ``language_code``.

    Returns plain text: mark it safe at the end of the chain, as the page body
    already is (``{{ text.body|link_glossary_terms:LANGUAGE_CODE|safe }}``).
    """
    return link_terms(str(html or ""), term_links(language_code))
