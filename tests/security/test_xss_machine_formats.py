"""Script injection through what partners' machines read: the API, the feed, the sitemap.

Caseworkers' text comes back as data: JSON strings in the API (never an HTML
response, whatever the client asks for), text escaped by the XML writer in the
Atom feed and the sitemap, so that no element or attribute appears from it.
"""

import json
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own responses

import pytest
from django.conf import settings
from django.test import Client
from lxml import html as lxml_html

from housing_info.models import ContactPoint, Page, Topic
from tests.factories import make_contact_point, make_page, make_topic
from tests.security.payloads import PAYLOADS, text_fields

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OURS = {ATOM, SITEMAP, "{http://www.w3.org/1999/xhtml}"}


@pytest.fixture
def partner():
    return Client()


def content_with(payload):
    topic = make_topic(slug="rent", **text_fields(Topic, payload))
    fields = text_fields(Page, payload)
    # A body the sanitizer empties would leave the page untranslated: keep some text.
    fields |= {name: f"<p>Text</p>{payload}" for name in fields if name.startswith("body_")}
    page = make_page(topic=topic, **fields)
    contact = make_contact_point(**text_fields(ContactPoint, payload))
    contact.topics.add(topic)
    page.contact_points.add(contact)
    return page


def json_data(response):
    assert response["Content-Type"].split(";")[0] == "application/json", response["Content-Type"]
    assert response["X-Content-Type-Options"] == "nosniff"
    return json.loads(response.content)


def strings_in(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)
    elif isinstance(data, str):
        yield data


@pytest.mark.parametrize("payload", PAYLOADS)
def test_api_returns_caseworker_text_as_json_data(partner, payload):
    page = content_with(payload)
    for code in ("sv", "ar", "ti"):
        detail = json_data(partner.get(f"/api/v1/pages/{page.slug}/", {"language": code}))
        # The text comes back exactly as written, as a JSON string.
        assert detail["title"] == payload
        assert detail["summary"] == payload
        for path in ("/api/v1/pages/", "/api/v1/topics/", "/api/v1/contact-points/"):
            listing = json_data(partner.get(path, {"language": code}))
            assert payload in set(strings_in(listing)), path


@pytest.mark.parametrize("payload", PAYLOADS)
def test_api_never_answers_html_even_when_asked_for_it(partner, payload):
    page = content_with(payload)
    for path, query in (
        (f"/api/v1/pages/{page.slug}/", {"language": "ar"}),
        ("/api/v1/pages/", {"topic": payload}),
        ("/api/v1/pages/", {"language": payload, "kind": payload}),
        ("/api/v1/contact-points/", {"topic": payload, "page": payload}),
        ("/api/v1/pages/", {"changed_since": payload, "page_size": payload}),
        (f"/api/v1/{payload}/", {}),
    ):
        response = partner.get(path, query, HTTP_ACCEPT="text/html,application/xhtml+xml")
        data = json_data(response)
        assert response.status_code in {200, 400, 404, 406}, (path, query)
        if response.status_code != 200:
            assert isinstance(data["detail"], str)


def parse_xml(response, content_type):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)  # noqa: S314 - our own response


def foreign_elements(root):
    """Elements that are not Atom, sitemap or xhtml-link elements: they came from text."""
    return [
        element.tag
        for element in root.iter()
        if not any(element.tag.startswith(namespace) for namespace in OURS)
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_atom_feed_escapes_caseworker_text(partner, payload):
    content_with(payload)
    for code in ("sv", "ar", "ti"):
        feed = parse_xml(partner.get(f"/{code}/feed.atom"), "application/atom+xml")
        assert foreign_elements(feed) == []
        entry = feed.find(f"{ATOM}entry")
        assert entry.find(f"{ATOM}title").text == payload
        summary = entry.find(f"{ATOM}summary")
        # The summary is HTML (the feed marks a fallback notice's language in
        # it): the caseworker's text must come out as text, not as elements.
        assert summary.get("type") == "html"
        shown = lxml_html.fragment_fromstring(summary.text, create_parent="div")
        assert payload in shown.text_content()
        assert {element.tag for element in shown.iter()} <= {"div", "p", "span"}
        assert entry.find(f"{ATOM}category").get("term") == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sitemap_is_well_formed_whatever_the_text(partner, payload):
    page = content_with(payload)
    sitemap = parse_xml(partner.get("/sitemap.xml"), "application/xml")
    assert foreign_elements(sitemap) == []
    locations = [element.text for element in sitemap.iter(f"{SITEMAP}loc")]
    assert f"{settings.PORTAL_BASE_URL}/ar/{page.slug}/" in locations
    assert payload not in sitemap.itertext()
