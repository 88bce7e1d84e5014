from datetime import date

import pytest
from django.utils import translation

from language_demand.models import LanguageDemand
from language_demand.ranking import language_name, ranked_languages, ranked_pages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "name"),
    [("de", "German (de)"), ("ti", "Tigrinya (ti)"), ("prs", "Dari (prs)"), ("qq", "qq")],
)
def test_language_name_in_the_caseworkers_language(code, name):
    with translation.override("en"):
        assert language_name(code) == name


def test_ranked_lists_carry_names_and_pages(page):
    LanguageDemand.objects.create(day=date(2026, 11, 2), language="ti", page=page, count=2)
    with translation.override("en"):
        languages = ranked_languages(LanguageDemand.objects.all())
        pages = ranked_pages(LanguageDemand.objects.all())
    assert languages[0]["name"] == "Tigrinya (ti)"
    assert pages[0]["page"] == page
