"""The notice a reader gets about the language version of a page, as a template tag.

The page view belongs to the content app, which never imports this app; the
template asks for the notice instead (``{% page_translation_notice page
shown_language as notice %}``), so the content app names nothing of the
workflow in Python.
"""

from django import template
from django.utils import translation

from translation_workflow.notices import translation_notice

register = template.Library()


@register.simple_tag
def page_translation_notice(page, shown_language):
    """The TranslationNotice for a reader in the active language shown ``shown_language``."""
    return translation_notice(page, translation.get_language(), shown_language)
