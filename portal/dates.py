"""Every date a reader sees, written one way per language, and its machine-readable value.

One source of truth: CLDR, through Babel. Django's formats know only the
languages Django ships; for Dari, Pashto, Kurmanji, Somali and Tigrinya we had
our own formats with month names from machine-assisted catalogues, so one page
could spell the same month two ways. CLDR has all twelve languages, reviewed by
native speakers, with the grammar a format string cannot express: Ukrainian and
Russian genitive months and year suffix ("3 березня 2026 р."), Sorani's izafe
("3ی ئازاری 2026"), Kurmanji case endings ("3ê adara 2026an"). Digits are
Western in every language, as on the rest of the portal.

``reader_date`` is the visible date (pages, notices, print, PDF); ``machine_date``
is the ``datetime`` attribute of ``<time>`` and the feed's timestamps: a date
``2026-03-03`` or a local date-time to the second with its offset
``2026-12-06T14:00:00+01:00``, never microseconds (the HTML validator rejects
them). The staff admin keeps Django's formats (``portal/formats/``).
"""

import re
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from portal.languages import BY_CODE


def cldr_locale(code):
    """CLDR's locale for a served language (the language table's ``cldr``)."""
    row = BY_CODE.get(code)
    return row.cldr_locale if row is not None else code


def calendar_day(value):
    """The day of ``value`` in the portal's time zone (a date stays itself)."""
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def reader_date(value, code=None):
    """``value`` as a long date in ``code`` (the active language by default): 3 March 2026."""
    if not value:
        return ""
    code = code or translation.get_language() or "sv"
    return long_date(calendar_day(value), cldr_locale(code))


# Formatting takes Babel a while; the same few dates are shown again and again.
@lru_cache(maxsize=1024)
def long_date(day, locale):
    return format_date(day, "long", locale=locale)


def to_the_second(value):
    """An aware date-time in the portal's time zone, without fractions of a second."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).replace(microsecond=0)


def machine_date(value):
    """The ``datetime`` attribute for ``value``: ``2026-03-03`` or ``2026-12-06T14:00:00+01:00``."""
    if not value:
        return ""
    if isinstance(value, datetime):
        return to_the_second(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not a date: {value!r}")


def time_element(value, code=None):
    """``<time datetime="…">`` around the reader's date; empty for no date."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', machine_date(value), reader_date(value, code)
    )


# A full stop right after a date that already ends with one ("2026 р." then
# "."), with only the date's closing </time> between them; an ellipsis is kept.
DOUBLED_FULL_STOP = re.compile(r"(?<!\.)\.((?:</time>)?)\.(?!\.)")


def single_full_stops(text):
    """``text`` without the full stop doubled after a date ending in an abbreviation."""
    result = DOUBLED_FULL_STOP.sub(r".\1", str(text))
    if isinstance(text, SafeString):
        return mark_safe(result)  # noqa: S308 - safe HTML with only a full stop removed
    return result
