"""Translated fields in one requested language, falling back like the public pages."""

from portal.shown_text import text_language


def field_language(obj, field, code):
    """The first language, from ``code`` through the fallback chain, with ``field`` filled in."""
    return text_language(obj, field, code)


def field_text(obj, field, code):
    return getattr(obj, f"{field}_{field_language(obj, field, code)}", "") or ""
