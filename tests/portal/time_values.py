"""The HTML standard's grammar for a ``<time datetime>`` value, as a checker for tests.

From "4.5.14 The time element" and "2.3.5 Dates and times" of the WHATWG HTML
standard: the value is a valid month, date, yearless date, time, local date and
time, time-zone offset, global date and time, week, year (four or more digits)
or duration string. Seconds take at most three fraction digits.
"""

import calendar
import re
from datetime import date

YEAR = r"(?P<year>\d{4,})"
MONTH = r"(?P<month>\d\d)"
DAY = r"(?P<day>\d\d)"
TIME = r"(?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.\d{1,3})?)?"
OFFSET = r"(?:Z|[+-](?P<offset_hour>\d\d):?(?P<offset_minute>\d\d))"

FORMS = {
    "month": rf"{YEAR}-{MONTH}",
    "date": rf"{YEAR}-{MONTH}-{DAY}",
    "yearless date": rf"(?:--)?{MONTH}-{DAY}",
    "time": TIME,
    "local date and time": rf"{YEAR}-{MONTH}-{DAY}[T ]{TIME}",
    "time-zone offset": OFFSET,
    "global date and time": rf"{YEAR}-{MONTH}-{DAY}[T ]{TIME}{OFFSET}",
    "week": rf"{YEAR}-W(?P<week>\d\d)",
    "year": YEAR,
    "duration": (r"P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?"),
    "duration components": (
        r"\s*(?:\d+\s*[Ww]\s*)?(?:\d+\s*[Dd]\s*)?(?:\d+\s*[Hh]\s*)?(?:\d+\s*[Mm]\s*)?"
        r"(?:\d+(?:\.\d{1,3})?\s*[Ss]\s*)?"
    ),
}
PATTERNS = {name: re.compile(pattern) for name, pattern in FORMS.items()}


def weeks_in(year):
    """52 or 53: a year has 53 weeks when it starts on a Thursday, or a Wednesday in a leap year."""
    return date(year, 12, 28).isocalendar().week


def fields_are_in_range(fields):
    year = int(fields["year"]) if fields.get("year") else None
    if year is not None and year == 0:
        return False
    month = int(fields["month"]) if fields.get("month") else None
    if month is not None and not 1 <= month <= 12:
        return False
    if fields.get("day"):
        # A yearless date allows 29 February: the year is any leap year.
        days = calendar.monthrange(year or 2000, month)[1]
        if not 1 <= int(fields["day"]) <= days:
            return False
    if fields.get("hour") and not (int(fields["hour"]) <= 23 and int(fields["minute"]) <= 59):
        return False
    if fields.get("second") and int(fields["second"]) > 59:
        return False
    if fields.get("offset_hour") and not (
        int(fields["offset_hour"]) <= 23 and int(fields["offset_minute"]) <= 59
    ):
        return False
    return not (fields.get("week") and not 1 <= int(fields["week"]) <= weeks_in(year))


def datetime_value_form(value):
    """The name of the form ``value`` is valid in, or None when the standard rejects it."""
    for name, pattern in PATTERNS.items():
        match = pattern.fullmatch(value)
        if match and match.group(0).strip() and fields_are_in_range(match.groupdict()):
            return name
    return None
