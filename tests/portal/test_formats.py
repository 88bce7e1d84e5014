"""Django's date and number formats, also where Django has none (staff admin, form input).

Dates a reader sees are written by ``portal/dates.py``: see ``tests/portal/test_dates.py``.
"""

from datetime import date

import pytest
from django.utils import formats, translation

MARCH_5 = date(2026, 3, 5)

# Languages Django ships no formats or month names for; ours follow CLDR.
OWN_FORMATS = {
    "prs": "5 مارچ 2026",
    "ps": "5 مارچ 2026",
    "kmr": "5 adar 2026",
    "so": "5 Maarso 2026",
    "ti": "5 መጋቢት 2026",
}


def long_date(code, value=MARCH_5):
    with translation.override(code):
        return formats.date_format(value, "DATE_FORMAT")


@pytest.mark.parametrize("code", OWN_FORMATS)
def test_languages_django_lacks_get_a_long_date_with_their_month_name(code):
    assert long_date(code) == OWN_FORMATS[code]


def test_languages_django_has_keep_djangos_formats():
    assert long_date("sv") == "5 mars 2026"
    assert long_date("ar") == "5 مارس، 2026"
    assert long_date("uk") == "05 березня 2026 р."


def test_no_served_language_shows_an_english_month_name(settings):
    for code, _name in settings.LANGUAGES:
        if code != "en":
            assert "March" not in long_date(code), code


def test_numbers_and_week_start_follow_the_language():
    with translation.override("kmr"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1.234,5"
    with translation.override("so"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1,234.5"
    with translation.override("prs"):
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 6
