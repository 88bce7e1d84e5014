"""Translated fields in one requested language, falling back like the public pages."""

from portal.shown_text import shown_text, text_language


def field_text(obj, field, code):
    return getattr(obj, f"{field}_{text_language(obj, field, code)}", "") or ""


def is_machine_translation(obj, field, code):
    """Whether ``field`` as shown for ``code`` is a machine translation, as the pages say."""
    return shown_text(obj, field, code).is_machine


def is_outdated_translation(obj, field, code):
    """Whether ``field`` as shown for ``code`` was translated from an earlier Swedish text."""
    return shown_text(obj, field, code).is_outdated
