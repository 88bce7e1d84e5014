from datetime import date

import pytest
from django.urls import reverse

from language_demand.models import LanguageDemand
from tests.factories import make_page

pytestmark = pytest.mark.django_db

URL = reverse("admin:language_demand_languagedemand_changelist")


def test_caseworkers_see_languages_and_pages_ranked(staff_client):
    page = make_page(title_en="Transitional flat")
    LanguageDemand.objects.create(day=date(2026, 11, 2), language="de", count=2)
    LanguageDemand.objects.create(day=date(2026, 11, 2), language="ti", page=page, count=5)
    response = staff_client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    content = response.content.decode()
    ranking = content[content.index("Languages most asked for") :]
    assert ranking.index("Tigrinya (ti)") < ranking.index("German (de)")
    assert "Transitional flat" in content


def test_ranking_follows_the_chosen_filter(staff_client, page):
    LanguageDemand.objects.create(day=date(2026, 11, 2), language="de", count=2)
    LanguageDemand.objects.create(day=date(2026, 11, 2), language="ti", page=page, count=5)
    response = staff_client.get(URL, {"kind": "unserved"})
    assert [row["language"] for row in response.context["ranked_languages"]] == ["de"]


def test_counters_cannot_be_added_or_changed_in_the_admin(staff_client):
    demand = LanguageDemand.objects.create(day=date(2026, 11, 2), language="de", count=2)
    assert staff_client.get(reverse("admin:language_demand_languagedemand_add")).status_code == 403
    change_url = reverse("admin:language_demand_languagedemand_change", args=[demand.pk])
    staff_client.post(change_url, {"language": "xx", "count": 99})
    demand.refresh_from_db()
    assert (demand.language, demand.count) == ("de", 2)
