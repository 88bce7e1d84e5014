"""Dates written as a reader of the page's language writes them (CLDR data via Babel).

Django formats dates only for the languages it ships; Babel knows all of ours.
"""

from functools import lru_cache

from babel.dates import format_date
from django import template
from django.utils import translation

register = template.Library()

# Our language codes where CLDR's differ, or where Gothenburg's English is British.
CLDR_LOCALES = {"en": "en_GB", "prs": "fa_AF", "kmr": "ku"}


def cldr_locale(code):
    return CLDR_LOCALES.get(code, code)


@register.filter
def reader_date(value, code=None):
    """``value`` as a long date in ``code`` (the active language by default): 3 March 2026."""
    if not value:
        return ""
    return long_date(value, cldr_locale(code or translation.get_language()))


# Formatting takes Babel a while; the same few dates are shown again and again.
@lru_cache(maxsize=1024)
def long_date(value, locale):
    return format_date(value, "long", locale=locale)
