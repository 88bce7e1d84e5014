from datetime import date

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from language_demand import flushing
from language_demand.counters import Counter
from language_demand.flushing import flush_counts, flush_counts_safely
from language_demand.models import LanguageDemand
from language_demand.redis_store import RedisStore
from tests.factories import make_page
from tests.servers import free_port

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 2)
ADMIN = reverse("admin:language_demand_languagedemand_changelist")


def counts():
    return {
        (demand.day, demand.language, demand.page_id): demand.count
        for demand in LanguageDemand.objects.all()
    }


@pytest.fixture(params=["local", "redis"])
def store(request):
    if request.param == "local":
        return request.getfixturevalue("local_store")
    return request.getfixturevalue("redis_store")


def test_a_flush_adds_the_counts_to_the_database(store, page):
    LanguageDemand.objects.create(day=DAY, language="de", count=3)
    store.record(Counter(DAY, "de"), "203.0.113.9")
    store.record(Counter(DAY, "ti", page.pk), "203.0.113.9")
    store.record(Counter(DAY, "ti", page.pk), "198.51.100.7")
    assert flush_counts() == 3
    assert counts() == {(DAY, "de", None): 4, (DAY, "ti", page.pk): 2}
    assert flush_counts() == 0
    assert counts() == {(DAY, "de", None): 4, (DAY, "ti", page.pk): 2}


def test_counts_of_a_page_deleted_meanwhile_are_left_out(store):
    page = make_page()
    store.record(Counter(DAY, "ti", page.pk), "203.0.113.9")
    store.record(Counter(DAY, "de"), "203.0.113.9")
    page.delete()
    assert flush_counts() == 2
    assert counts() == {(DAY, "de", None): 1}


def test_counts_that_could_not_be_written_are_written_next_time(store, monkeypatch):
    store.record(Counter(DAY, "de"), "203.0.113.9")
    real_add = flushing.add_to_counter

    def database_down(counter, count):
        raise DatabaseError("connection lost")

    monkeypatch.setattr(flushing, "add_to_counter", database_down)
    with pytest.raises(DatabaseError):
        flush_counts()
    assert flush_counts_safely() == 0
    assert counts() == {}
    monkeypatch.setattr(flushing, "add_to_counter", real_add)
    assert flush_counts() == 1
    assert counts() == {(DAY, "de", None): 1}


def test_views_counted_in_redis_are_shown_in_the_admin_after_a_flush(redis_store, staff_client):
    page = make_page(title_ti="", body_ti="", title_en="Transitional flat")
    visitor = Client()
    for address in ["203.0.113.9", "198.51.100.7", "198.51.100.7"]:
        visitor.get(f"/ti/{page.slug}/", HTTP_ACCEPT_LANGUAGE="om-ET", REMOTE_ADDR=address)
    assert not LanguageDemand.objects.exists()
    assert flush_counts() == 4
    response = staff_client.get(ADMIN, HTTP_ACCEPT_LANGUAGE="en")
    ranking = response.content.decode().split("Languages most asked for")[1]
    assert "Tigrinya (ti)" in ranking
    assert [(row["language"], row["total"]) for row in response.context["ranked_languages"]] == [
        ("om", 2),
        ("ti", 2),
    ]
    assert [(row["language"], row["total"]) for row in response.context["ranked_pages"]] == [
        ("ti", 2)
    ]


def test_the_admin_writes_pending_counts_before_it_lists_them(local_store, staff_client):
    local_store.record(Counter(DAY, "de"), "203.0.113.9")
    response = staff_client.get(ADMIN)
    assert [(row["language"], row["total"]) for row in response.context["ranked_languages"]] == [
        ("de", 1)
    ]


def test_the_admin_shows_the_counters_while_redis_is_down(settings, staff_client, caplog):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/2"
    LanguageDemand.objects.create(day=DAY, language="de", count=3)
    response = staff_client.get(ADMIN)
    assert response.status_code == 200
    assert [row["total"] for row in response.context["ranked_languages"]] == [3]
    assert "Could not write language demand counts" in caplog.text


def test_a_page_is_served_while_redis_is_down(settings, client, caplog):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/2"
    page = make_page(title_ti="", body_ti="")
    for _ in range(2):
        response = client.get(f"/ti/{page.slug}/", HTTP_ACCEPT_LANGUAGE="zz")
        assert response.status_code == 200
    assert "Could not count language demand" not in caplog.text
    assert isinstance(flushing.demand_store(), RedisStore)
