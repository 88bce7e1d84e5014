from datetime import date

import pytest
from django.utils import translation

from translation_workflow.templatetags.reader_dates import reader_date

MARCH_3 = date(2026, 3, 3)


@pytest.mark.parametrize(
    ("code", "written"),
    [
        ("sv", "3 mars 2026"),
        ("en", "3 March 2026"),
        ("uk", "3 березня 2026"),
        ("ti", "መጋቢት 3, 2026"),
        ("so", "Maarso 3, 2026"),
    ],
)
def test_a_date_is_written_as_readers_of_the_language_write_it(code, written):
    assert reader_date(MARCH_3, code).startswith(written)


def test_the_active_language_is_the_default_and_no_date_is_empty():
    with translation.override("ar"):
        assert reader_date(MARCH_3) == reader_date(MARCH_3, "ar")
    assert reader_date(None) == ""


@pytest.mark.parametrize("code", ["prs", "ps", "ckb", "kmr", "fa"])
def test_languages_django_lacks_still_get_their_own_month_names(code):
    assert "March" not in reader_date(MARCH_3, code)
