import pytest

from language_demand.models import LanguageDemand

pytestmark = pytest.mark.django_db

GERMAN = "de-DE,de;q=0.9,en;q=0.5"


def unserved():
    return {d.language: d.count for d in LanguageDemand.objects.unserved_languages()}


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


def test_arriving_from_another_site_is_a_new_visit(client, page):
    client.get(f"/en/{page.slug}/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    client.get(
        f"/en/{page.slug}/", HTTP_ACCEPT_LANGUAGE=GERMAN, HTTP_REFERER="https://example.org/"
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


def test_counting_sets_no_cookie_and_stores_only_counters(client):
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE=GERMAN, REMOTE_ADDR="203.0.113.9")
    assert not response.cookies
    fields = {field.name for field in LanguageDemand._meta.get_fields()}
    assert fields == {"id", "day", "language", "page", "count"}
    stored = LanguageDemand.objects.values_list("day", "language", "page", "count").get()
    assert "203.0.113.9" not in str(stored)
