"""Translated fields in one requested language, falling back like the public pages."""

from housing_info.models import FALLBACK_LANGUAGES


def field_language(obj, field, code):
    """The first language, from ``code`` through the fallbacks, with ``field`` filled in."""
    for candidate in (code, *FALLBACK_LANGUAGES):
        if getattr(obj, f"{field}_{candidate}", ""):
            return candidate
    return FALLBACK_LANGUAGES[-1]


def field_text(obj, field, code):
    return getattr(obj, f"{field}_{field_language(obj, field, code)}", "") or ""
