import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from language_demand.flushing import flush_counts
from language_demand.models import LanguageDemand
from tests.factories import make_page

pytestmark = pytest.mark.django_db

GERMAN = "de-DE,de;q=0.9,en;q=0.5"
WRITES = ("INSERT", "UPDATE", "DELETE")


def unserved():
    flush_counts()
    return {d.language: d.count for d in LanguageDemand.objects.unserved_languages()}


def missing():
    flush_counts()
    return {(d.language, d.page_id): d.count for d in LanguageDemand.objects.missing_translations()}


def writes(queries):
    return [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith(WRITES)]


def test_a_visit_whose_first_language_is_not_served_is_counted(client, page):
    client.get(f"/en/{page.slug}/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    client.get("/en/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert unserved() == {"de": 1, "zh": 1}


def test_moving_on_within_the_portal_is_the_same_visit(client, page):
    client.get("/en/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    client.get(
        f"/en/{page.slug}/", HTTP_ACCEPT_LANGUAGE=GERMAN, HTTP_REFERER="http://testserver/en/"
    )
    assert unserved() == {"de": 1}


def test_arriving_again_the_same_day_is_not_counted_again(client, page):
    client.get(f"/en/{page.slug}/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    client.get(
        f"/en/{page.slug}/", HTTP_ACCEPT_LANGUAGE=GERMAN, HTTP_REFERER="https://example.org/"
    )
    client.get(
        f"/en/{page.slug}/",
        HTTP_ACCEPT_LANGUAGE=GERMAN,
        HTTP_REFERER="https://example.org/",
        REMOTE_ADDR="198.51.100.7",
    )
    assert unserved() == {"de": 2}


def test_root_redirect_is_not_counted_but_the_page_it_leads_to_is(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    assert response.status_code == 302
    assert unserved() == {}
    client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=GERMAN)
    assert unserved() == {"de": 1}


def test_the_language_chooser_counts_a_visit(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN").status_code == 200
    assert unserved() == {"zh": 1}


def test_served_languages_errors_admin_and_crawlers_are_not_counted(client):
    client.get("/ar/", HTTP_ACCEPT_LANGUAGE="ar")
    client.get("/en/no-such-page/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    client.get("/en/", HTTP_ACCEPT_LANGUAGE=GERMAN, HTTP_USER_AGENT="bingbot/2.0")
    assert unserved() == {}


def test_crawlers_head_requests_and_staff_previews_are_not_counted(client, staff_client):
    page = make_page(title_so="", body_so="")
    client.get(f"/so/{page.slug}/", HTTP_USER_AGENT="Googlebot/2.1")
    client.head(f"/so/{page.slug}/")
    staff_client.get(f"/so/{page.slug}/")
    draft = make_page(published=False, title_so="", body_so="")
    staff_client.get(f"/so/{draft.slug}/")
    assert missing() == {}


# Pages are cached only once the content they show is committed.
@pytest.mark.django_db(transaction=True)
def test_a_view_the_page_cache_answers_is_counted_too(client):
    page = make_page(title_ti="", body_ti="")
    first = client.get(f"/ti/{page.slug}/", REMOTE_ADDR="203.0.113.9")
    second = client.get(f"/ti/{page.slug}/", REMOTE_ADDR="198.51.100.7")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert missing() == {("ti", page.pk): 2}


# Pages are cached only once the content they show is committed.
@pytest.mark.django_db(transaction=True)
def test_a_crawler_rendering_the_page_first_does_not_hide_later_views(client):
    page = make_page(title_ti="", body_ti="")
    client.get(f"/ti/{page.slug}/", HTTP_USER_AGENT="Googlebot/2.1")
    assert client.get(f"/ti/{page.slug}/")["X-Page-Cache"] == "hit"
    assert missing() == {("ti", page.pk): 1}


def test_a_page_translated_since_is_no_longer_counted(client):
    page = make_page(title_ti="", body_ti="")
    client.get(f"/ti/{page.slug}/", REMOTE_ADDR="203.0.113.9")
    page.title_ti, page.body_ti = "ናይ መሰጋገሪ ገዛ", "<p>ውዕል</p>"
    page.save()
    for address in ["198.51.100.7", "198.51.100.8"]:  # a miss, then a hit
        client.get(f"/ti/{page.slug}/", REMOTE_ADDR=address)
    assert missing() == {("ti", page.pk): 1}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_a_page_view_never_writes_to_the_database(client, database):
    """Uncached and cached, missing in the reader's language, from an unserved language."""
    if connection.vendor != database:
        pytest.skip(f"runs on {database}")
    page = make_page(title_ti="", body_ti="")
    statuses = []
    with CaptureQueriesContext(connection) as queries:
        for address in ["203.0.113.9", "198.51.100.7"]:
            response = client.get(
                f"/ti/{page.slug}/", HTTP_ACCEPT_LANGUAGE="zz", REMOTE_ADDR=address
            )
            statuses.append((response.status_code, response["X-Page-Cache"]))
    assert statuses == [(200, "miss"), (200, "hit")]
    assert queries.captured_queries, "the miss reads the page"
    assert writes(queries.captured_queries) == []
    assert missing() == {("ti", page.pk): 2}
    assert unserved() == {"zz": 2}


# Pages are cached only once the content they show is committed.
@pytest.mark.django_db(transaction=True)
def test_nothing_of_the_count_is_on_the_response_or_in_the_cached_page(client):
    page = make_page(title_ti="", body_ti="")
    responses = [client.get(f"/ti/{page.slug}/") for _ in range(2)]
    assert responses[1]["X-Page-Cache"] == "hit"
    for response in responses:
        names = {name.lower() for name in response.headers}
        assert "x-missing-translation" not in names
        assert not any(str(page.pk) == value for value in response.headers.values())


def test_counting_sets_no_cookie_and_stores_only_counters(client):
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE=GERMAN, REMOTE_ADDR="203.0.113.9")
    assert not response.cookies
    fields = {field.name for field in LanguageDemand._meta.get_fields()}
    assert fields == {"id", "day", "language", "page", "count"}
    assert unserved() == {"de": 1}
    stored = LanguageDemand.objects.values_list("day", "language", "page", "count").get()
    assert "203.0.113.9" not in str(stored)


def test_a_malformed_referer_neither_breaks_the_page_nor_the_count(client, page):
    response = client.get(
        f"/sv/{page.slug}/", HTTP_REFERER="http://[", HTTP_ACCEPT_LANGUAGE="de, sv;q=0.5"
    )
    assert response.status_code == 200
    assert unserved() == {"de": 1}


def test_counting_never_breaks_the_page(client, monkeypatch, caplog):
    from language_demand.local_store import LocalStore

    def broken(*args, **kwargs):
        raise RuntimeError("store broken")

    monkeypatch.setattr(LocalStore, "record", broken)
    page = make_page(title_so="", body_so="")
    assert client.get(f"/so/{page.slug}/").status_code == 200
    assert "Could not count language demand" in caplog.text
