"""Template tags for the admin's own pages (not for readers)."""

from django import template
from django.utils.html import json_script

from translation_workflow.revisions import language_name
from translation_workflow.roles import all_languages

register = template.Library()


@register.simple_tag
def admin_language_names():
    """The served languages' names in the active language, as a JSON data block.

    ``admin_languages.js`` puts them on modeltranslation's tabs, which would
    otherwise show bare codes (PRS, CKB) and the browser's own names.
    """
    names = {code: language_name(code) for code in all_languages()}
    return json_script(names, "admin-language-names")
