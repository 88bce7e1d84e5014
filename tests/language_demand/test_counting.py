from datetime import date

import pytest
from django.db import connection
from django.test.client import RequestFactory
from django.test.utils import CaptureQueriesContext

from language_demand.counting import (
    increment,
    is_arrival,
    record_missing_translation,
    unserved_language,
)
from language_demand.models import LanguageDemand
from tests.factories import make_page

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 2)


def counts():
    return {
        (demand.day, demand.language, demand.page_id): demand.count
        for demand in LanguageDemand.objects.all()
    }


def test_first_event_creates_a_counter_and_later_ones_add_to_it():
    increment("de", day=DAY)
    increment("de", day=DAY)
    increment("de", day=date(2026, 11, 3))
    assert counts() == {(DAY, "de", None): 2, (date(2026, 11, 3), "de", None): 1}


def test_pages_and_languages_have_counters_of_their_own(page):
    increment("ti", page, day=DAY)
    increment("ti", page, day=DAY)
    increment("so", page, day=DAY)
    increment("ti", day=DAY)
    assert counts() == {
        (DAY, "ti", page.pk): 2,
        (DAY, "so", page.pk): 1,
        (DAY, "ti", None): 1,
    }


def test_increment_adds_in_the_database_not_in_python():
    increment("de", day=DAY)
    with CaptureQueriesContext(connection) as queries:
        increment("de", day=DAY)
    updates = [query["sql"] for query in queries.captured_queries if "UPDATE" in query["sql"]]
    assert len(updates) == 1
    assert '"count" = ("language_demand_languagedemand"."count" + ' in updates[0]


def test_a_counter_created_meanwhile_is_incremented_not_duplicated(monkeypatch):
    """Two requests see no counter; the second one's create fails and it updates."""
    increment("de", day=DAY)
    real_update = LanguageDemand.objects.none().update
    calls = []

    def first_update_misses(self, **values):
        calls.append(values)
        if len(calls) == 1:
            return 0  # as if the other request had not committed yet
        return real_update.__func__(self, **values)

    monkeypatch.setattr(type(LanguageDemand.objects.none()), "update", first_update_misses)
    increment("de", day=DAY)
    assert counts() == {(DAY, "de", None): 2}
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("de-DE,de;q=0.9,en;q=0.5", "de"),
        ("zh-Hans-CN,zh;q=0.8", "zh"),
        ("sv;q=0.3,tr;q=0.9", "tr"),  # the most preferred, not the first written
        ("ku", "ku"),
        ("ar-SE,ar;q=0.9", None),
        ("fa-AF", None),  # Dari: served as prs
        ("en-US", None),
        ("ti-ER", None),
        ("*", None),
        ("", None),
        ("x" * 600, None),
        ("<script>", None),
        ("1234", None),
    ],
)
def test_unserved_language_is_the_normalized_first_choice_we_do_not_serve(header, language):
    assert unserved_language(header) == language


@pytest.mark.parametrize(
    ("referer", "arrival"),
    [
        ("", True),
        ("https://www.google.com/search?q=bostad", True),
        ("http://testserver/sv/", False),
        # Malformed addresses, on which urlsplit raises, come from no page of ours.
        ("http://[", True),
        ("https://[testserver]/sv/", True),
    ],
)
def test_a_visit_arrives_from_outside_the_portal(referer, arrival):
    headers = {"HTTP_REFERER": referer} if referer else {}
    assert is_arrival(RequestFactory().get("/sv/", **headers)) is arrival


def test_views_of_a_missing_translation_are_counted_per_page_and_language(client):
    page = make_page(title_ti="", body_ti="")
    client.get(f"/ti/{page.slug}/")
    client.get(f"/ti/{page.slug}/")
    client.get(f"/ar/{page.slug}/")  # translated: not counted
    assert {(d.language, d.page_id): d.count for d in LanguageDemand.objects.all()} == {
        ("ti", page.pk): 2
    }


def test_crawlers_head_requests_and_unpublished_pages_are_not_counted(staff_client):
    page = make_page(title_so="", body_so="")
    staff_client.get(f"/so/{page.slug}/", HTTP_USER_AGENT="Googlebot/2.1")
    staff_client.head(f"/so/{page.slug}/")
    draft = make_page(published=False, title_so="", body_so="")
    staff_client.get(f"/so/{draft.slug}/")
    assert not LanguageDemand.objects.exists()


def test_counting_never_breaks_the_page(client, monkeypatch):
    from django.db import DatabaseError

    import language_demand.counting as counting

    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(counting, "increment", broken)
    page = make_page(title_so="", body_so="")
    assert client.get(f"/so/{page.slug}/").status_code == 200
    record_missing_translation(RequestFactory().get("/"), page, "so")


def test_a_malformed_referer_neither_breaks_the_page_nor_the_count(client, page):
    response = client.get(
        f"/sv/{page.slug}/", HTTP_REFERER="http://[", HTTP_ACCEPT_LANGUAGE="de, sv;q=0.5"
    )
    assert response.status_code == 200
    assert LanguageDemand.objects.get(language="de", page=None).count == 1
