"""Dates as readers write them, for templates: see ``portal/dates.py``.

``{{ day|reader_date }}`` is the visible date, ``{{ day|machine_date }}`` the
``datetime`` attribute, ``{{ day|time_element }}`` both in a ``<time>``,
``{{ moment|calendar_day }}`` the day of a date-time (for print: a PDF names the
day, not the second), and
``{% filter single_full_stops %}…{% endfilter %}`` around a sentence that ends
with a date keeps "2026 р." from becoming "2026 р..".
"""

from django import template

from portal import dates

register = template.Library()


@register.filter
def reader_date(value, code=None):
    return dates.reader_date(value, code)


@register.filter
def calendar_day(value):
    """The day of a date-time in Gothenburg: for documents that name the day only."""
    return dates.calendar_day(value)


@register.filter
def machine_date(value):
    return dates.machine_date(value)


@register.filter
def time_element(value, code=None):
    return dates.time_element(value, code)


@register.filter(is_safe=True)
def single_full_stops(value):
    return dates.single_full_stops(value)
