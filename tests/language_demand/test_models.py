from datetime import date

import pytest
from django.db import IntegrityError, transaction

from language_demand.models import LanguageDemand
from tests.factories import make_page

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 2)


def test_languages_are_ranked_by_all_their_demand(page):
    other = make_page()
    LanguageDemand.objects.create(day=DAY, language="de", count=3)
    LanguageDemand.objects.create(day=date(2026, 11, 3), language="de", count=2)
    LanguageDemand.objects.create(day=DAY, language="ti", page=page, count=4)
    LanguageDemand.objects.create(day=DAY, language="ti", page=other, count=3)
    LanguageDemand.objects.create(day=DAY, language="zh", count=1)
    ranked = list(LanguageDemand.objects.ranked_languages())
    assert [(row["language"], row["total"]) for row in ranked] == [
        ("ti", 7),
        ("de", 5),
        ("zh", 1),
    ]
    assert (ranked[0]["unserved"], ranked[0]["missing"]) == (0, 7)
    assert (ranked[1]["unserved"], ranked[1]["missing"]) == (5, 0)


def test_pages_are_ranked_per_language(page):
    other = make_page()
    LanguageDemand.objects.create(day=DAY, language="so", page=page, count=2)
    LanguageDemand.objects.create(day=date(2026, 11, 3), language="so", page=page, count=2)
    LanguageDemand.objects.create(day=DAY, language="ti", page=other, count=3)
    LanguageDemand.objects.create(day=DAY, language="de", count=9)
    ranked = [
        (row["page"], row["language"], row["total"])
        for row in LanguageDemand.objects.ranked_pages()
    ]
    assert ranked == [(page.pk, "so", 4), (other.pk, "ti", 3)]


def test_one_counter_a_day_per_language_and_page(page):
    LanguageDemand.objects.create(day=DAY, language="de")
    LanguageDemand.objects.create(day=DAY, language="ti", page=page)
    for duplicate in ({"language": "de"}, {"language": "ti", "page": page}):
        with pytest.raises(IntegrityError), transaction.atomic():
            LanguageDemand.objects.create(day=DAY, **duplicate)
