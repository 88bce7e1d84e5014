import pytest

from housing_info.models import Page
from partner_api import views
from tests.factories import make_contact_point, make_page, make_topic
from translation_workflow.versions import TranslationState

pytestmark = pytest.mark.django_db


def results(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_pages_come_in_the_requested_language_with_state_and_permalink(client, settings):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    page = make_page(slug="transitional-flat")
    [item] = results(client, "/api/v1/pages/", language="ar")
    assert item["title"] == page.title_ar
    assert item["body"] == page.body_ar
    assert item["language"] == item["text_language"] == "ar"
    assert item["is_fallback"] is False
    assert item["translation_state"] == TranslationState.UP_TO_DATE
    assert item["permalink"] == "https://bostad.goteborg.se/p/transitional-flat/"
    assert item["url"] == "https://bostad.goteborg.se/ar/transitional-flat/"
    assert item["languages"] == ["sv", "en", "ar", "ti"]


def test_untranslated_page_is_flagged_as_a_fallback(client):
    page = make_page(title_ti="", summary_ti="", body_ti="")
    [item] = results(client, "/api/v1/pages/", language="ti")
    assert item["is_fallback"] is True
    assert item["text_language"] == "en"
    assert item["title"] == page.title_en
    assert item["translation_state"] == TranslationState.MISSING
    assert "ti" not in item["languages"]


def test_page_detail_by_slug_in_a_language(client):
    page = make_page()
    response = client.get(f"/api/v1/pages/{page.slug}/", {"language": "ti"})
    assert response.status_code == 200
    assert response.json()["title"] == page.title_ti


def test_unpublished_pages_are_not_in_the_api(client):
    hidden = make_page(published=False)
    assert results(client, "/api/v1/pages/") == []
    assert client.get(f"/api/v1/pages/{hidden.slug}/").status_code == 404


def test_pages_filter_by_topic_kind_and_availability(client):
    topic = make_topic(slug="rights")
    right = make_page(topic=topic, kind=Page.Kind.RIGHT, title_ti="", body_ti="")
    make_page(topic=topic, kind=Page.Kind.OBLIGATION)
    make_page(kind=Page.Kind.RIGHT)
    assert [p["slug"] for p in results(client, "/api/v1/pages/", topic="rights", kind="right")] == [
        right.slug
    ]
    available = results(client, "/api/v1/pages/", topic="rights", available_in="ti")
    assert right.slug not in [p["slug"] for p in available]
    assert len(available) == 1


def test_pages_filter_by_changed_since_date_or_datetime(client):
    old = make_page()
    Page.objects.filter(pk=old.pk).update(updated_at="2024-01-10T12:00:00+01:00")
    new = make_page()
    Page.objects.filter(pk=new.pk).update(updated_at="2025-03-01T08:00:00+01:00")
    for since in ("2025-01-01", "2025-03-01T07:00:00+01:00", "2025-03-01T06:30:00Z"):
        assert [p["slug"] for p in results(client, "/api/v1/pages/", changed_since=since)] == [
            new.slug
        ], since


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"language": "de"}, "language"),
        ({"kind": "castle"}, "kind"),
        ({"topic": "no-such-topic"}, "topic"),
        ({"changed_since": "last tuesday"}, "changed_since"),
        ({"changed_since": "2025-13-45"}, "changed_since"),
        ({"available_in": "xx"}, "available_in"),
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"kind": ""}, "kind"),
    ],
)
def test_bad_query_parameters_get_a_400_naming_the_parameter(client, page, params, parameter):
    response = client.get("/api/v1/pages/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["detail"]
    assert parameter in body["errors"]


def test_page_beyond_the_last_is_a_json_404(client, page):
    response = client.get("/api/v1/pages/", {"page": "99"})
    assert response.status_code == 404
    assert response.json()["detail"]


def test_unknown_slug_and_unknown_address_are_json_404s(client):
    for url in (
        "/api/v1/pages/no-such-page/",
        "/api/v1/topics/nope/",
        "/api/v1/nothing/",
        "/api/v2/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json", url
        assert response.json()["detail"], url


def test_errors_are_in_the_readers_language_where_we_have_it(client, page):
    response = client.get("/api/v1/pages/", {"kind": "castle"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.json()["detail"] != "Some query parameters are not valid."


def test_pagination_with_page_size(client):
    for _number in range(3):
        make_page()
    first = client.get("/api/v1/pages/", {"page_size": 2}).json()
    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert "page=2" in first["next"]


def test_the_api_is_read_only(client, page):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(f"/api/v1/pages/{page.slug}/")
        assert response.status_code in {403, 405}, method
        assert response["Content-Type"] == "application/json"


def test_topics_and_contact_points_in_a_language(client):
    topic = make_topic(slug="help")
    contact = make_contact_point(slug="boplats")
    contact.topics.add(topic)
    [item] = results(client, "/api/v1/topics/", language="ar")
    assert item["title"] == topic.title_ar
    assert item["embed_url"].endswith("/ar/topics/help/embed/")
    [contact_item] = results(client, "/api/v1/contact-points/", language="ar", topic="help")
    assert contact_item["name"] == contact.name_ar
    assert contact_item["topics"] == ["help"]
    assert results(client, "/api/v1/contact-points/", topic=make_topic().slug) == []


def test_topics_and_contact_points_say_their_language_and_machine_translation(client):
    """As the pages do: a partner can tell its readers, in the portal's words."""
    topic = make_topic(slug="help", title_ti="", description_ti="")
    topic.machine_translated = ["ar"]
    topic.save()
    contact = make_contact_point(slug="boplats", name_ti="")
    contact.machine_translated = ["ar"]
    contact.save()
    [arabic_topic] = results(client, "/api/v1/topics/", language="ar")
    assert arabic_topic["text_language"] == "ar"
    assert arabic_topic["is_machine_translation"] is True
    [tigrinya_topic] = results(client, "/api/v1/topics/", language="ti")
    assert tigrinya_topic["text_language"] == "en"
    assert tigrinya_topic["title"] == topic.title_en
    assert tigrinya_topic["is_machine_translation"] is False
    [arabic_contact] = results(client, "/api/v1/contact-points/", language="ar")
    assert arabic_contact["text_language"] == "ar"
    assert arabic_contact["is_machine_translation"] is True
    [tigrinya_contact] = results(client, "/api/v1/contact-points/", language="ti")
    # No English name either: the Swedish one, and the API says so.
    assert tigrinya_contact["text_language"] == "sv"
    assert tigrinya_contact["name"] == contact.name_sv
    assert tigrinya_contact["is_machine_translation"] is False
    assert not any(
        item["is_outdated_translation"]
        for item in (arabic_topic, tigrinya_topic, arabic_contact, tigrinya_contact)
    )


def test_topics_and_contact_points_say_when_a_swedish_change_outdated_their_text(client):
    make_topic(slug="help", outdated_translations=["en"])
    make_contact_point(slug="boplats", name_ti="", outdated_translations=["ar"])
    [english_topic] = results(client, "/api/v1/topics/", language="en")
    [arabic_topic] = results(client, "/api/v1/topics/", language="ar")
    assert (english_topic["is_outdated_translation"], arabic_topic["is_outdated_translation"]) == (
        True,
        False,
    )
    [arabic_contact] = results(client, "/api/v1/contact-points/", language="ar")
    assert arabic_contact["is_outdated_translation"] is True


def test_any_origin_may_read_the_api(client, page):
    response = client.get("/api/v1/pages/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/pages/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_cross_origin_headers_only_on_the_api(client, page):
    response = client.get(f"/sv/{page.slug}/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in response


def test_api_sets_no_cookies(client, page):
    assert not client.get("/api/v1/pages/").cookies


def test_api_index_points_to_the_version_schema_and_docs(client):
    index = client.get("/api/").json()
    assert index["v1"].endswith("/api/v1/")
    assert index["schema"].endswith("/api/v1/schema/")
    assert set(client.get("/api/v1/").json()) == {"topics", "pages", "contact-points"}


def test_openapi_schema_is_served_at_a_stable_address(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for path in (
        "/api/v1/pages/",
        "/api/v1/pages/{slug}/",
        "/api/v1/topics/",
        "/api/v1/contact-points/",
    ):
        assert path in schema["paths"]


def test_partner_docs_page_lists_every_operation_without_outside_resources(client):
    response = client.get("/api/v1/docs/", HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert response.redirect_chain == [("/en/partners/api/", 302)]
    assert response.status_code == 200
    content = response.content.decode()
    assert "GET /api/v1/pages/" in content
    assert "changed_since" in content
    assert 'href="/api/v1/schema/"' in content
    assert "<script" not in content
    assert "cdn" not in content.lower()


def test_errors_are_in_english_for_a_client_that_asks_for_no_language(client, page):
    response = client.get("/api/v1/pages/", {"kind": "castle"})
    assert response.status_code == 400
    assert response["Content-Language"] == "en"
    body = response.json()
    assert body["detail"] == "Check these query parameters: kind."
    assert list(body["errors"]) == ["kind"]
    assert "castle" in body["errors"]["kind"][0]


def test_errors_name_every_parameter_that_is_wrong(client, page):
    body = client.get("/api/v1/pages/", {"kind": "castle", "language": "de"}).json()
    assert body["detail"] == "Check these query parameters: language, kind."
    assert set(body["errors"]) == {"kind", "language"}


def test_a_page_past_the_last_is_a_404_naming_the_parameter_and_the_range(client):
    make_page()
    response = client.get("/api/v1/pages/", {"page": 7})
    assert response.status_code == 404
    body = response.json()
    assert body["detail"] == "Check these query parameters: page."
    assert body["errors"] == {"page": ["There is no page 7: the last page is 1."]}


def test_an_unencoded_plus_in_a_date_is_explained(client, page):
    # What a partner's code sends when it does not percent-encode the query.
    response = client.get("/api/v1/pages/?changed_since=2026-01-01T00:00:00+01:00")
    assert response.status_code == 400
    [message] = response.json()["errors"]["changed_since"]
    assert "“+” arrived as a space (2026-01-01T00:00:00 01:00)" in message
    assert "%2B" in message
    encoded = client.get("/api/v1/pages/?changed_since=2026-01-01T00:00:00%2B01:00")
    assert encoded.status_code == 200


def test_a_date_that_is_simply_wrong_keeps_the_plain_message(client, page):
    [message] = client.get("/api/v1/pages/", {"changed_since": "yesterday"}).json()["errors"][
        "changed_since"
    ]
    assert "%2B" not in message


@pytest.mark.parametrize("code", ["ar", "AR", "ar-SE", "ar_se", "AR-se"])
def test_a_language_code_is_read_in_any_case_and_with_a_region(client, code):
    page = make_page()
    [item] = results(client, "/api/v1/pages/", language=code)
    assert item["language"] == "ar"
    assert item["title"] == page.title_ar
    detail = client.get(f"/api/v1/pages/{page.slug}/", {"language": code}).json()
    assert detail["title"] == page.title_ar
    assert results(client, "/api/v1/pages/", available_in=code.replace("ar", "ti"))


def test_dari_sent_as_afghan_persian_is_dari(client):
    page = make_page(title_prs="خانه انتقالی", body_prs="<p>متن</p>")
    [item] = results(client, "/api/v1/pages/", language="fa-AF")
    assert item["language"] == "prs"
    assert item["title"] == page.title_prs


def test_the_docs_page_switches_to_english_and_back(client):
    english = client.get("/en/partners/api/", HTTP_ACCEPT_LANGUAGE="sv")
    content = english.content.decode()
    assert '<html lang="en"' in content
    assert "Partner API" in content
    assert 'href="/sv/partners/api/" lang="sv" hreflang="sv"' in content
    swedish = client.get("/sv/partners/api/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="sv"' in swedish


def test_the_docs_page_renders_the_descriptions_markdown(client):
    content = client.get("/en/partners/api/").content.decode()
    assert "<code>ar-SE</code>" in content
    assert "`ar-SE`" not in content


def test_markdown_in_descriptions_is_sanitized():
    html = views.rendered_markdown(
        "Use `x` and **y**. <script>alert(1)</script> [link](javascript:alert(1))"
    )
    assert "<code>x</code>" in html and "<strong>y</strong>" in html
    assert "<script" not in html
    assert "href" not in html


def test_the_plus_message_is_translated_for_a_client_that_asks_in_swedish(client, page):
    response = client.get(
        "/api/v1/pages/?changed_since=2026-01-01T00:00:00+01:00&page=1", HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert response["Content-Language"] == "sv"
    [message] = response.json()["errors"]["changed_since"]
    assert message.startswith("Tidszonens ”+” kom fram som ett mellanslag")
    assert "%2B" in message and "%%" not in message


def test_descriptions_not_yet_translated_are_marked_as_english_on_the_docs_page(client):
    content = client.get("/sv/partners/api/").content.decode()
    # A docstring (English) is marked; a translated parameter label is not.
    assert (
        '<div class="api-description" lang="en" dir="ltr"><p>Published pages, each in one '
        "language with its translation state.</p>"
    ) in content
    assert '<p class="api-description__language" lang="sv" dir="ltr">På engelska</p>' in content
    assert '<div class="api-description"><p>Bara sidor av det här slaget.</p>' in content


@pytest.mark.parametrize(
    "value", ["0722-09-03T05:07:10+16:09", "0001-01-01T00:00:00+10:00", "9999-12-31T23:59:59-10:00"]
)
def test_any_iso_offset_is_an_answer_not_a_database_error(client, page, value):
    # PostgreSQL takes offsets up to 15:59 only; ISO 8601 up to 23:59.
    response = client.get("/api/v1/pages/", {"changed_since": value})
    assert response.status_code == 200
    expected = [page.slug] if value.startswith("0") else []
    assert [item["slug"] for item in response.json()["results"]] == expected
