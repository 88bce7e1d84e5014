"""The head, the sitemap and the API agree on a page's language versions (sharing.alternates)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.urls import resolve
from django.utils import translation

from sharing.alternates import canonical_language, real_languages
from tests.factories import make_page

pytestmark = pytest.mark.django_db

BASE = "https://bostad.goteborg.se"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
HEAD_LINKS = Template("{% load language_links %}{% head_language_links %}")


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.PORTAL_BASE_URL = BASE
    settings.ALLOWED_HOSTS = ["bostad.goteborg.se", "testserver"]


def head(client, path, **extra):
    response = client.get(path, HTTP_HOST="bostad.goteborg.se", secure=True, **extra)
    assert response.status_code == 200, path
    return response.content.decode().split("</head>")[0]


def head_alternates(client, path):
    return ALTERNATE.findall(head(client, path))


def sitemap_alternates(client, location):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own sitemap)
    for url in root.findall("s:url", NS):
        if url.find("s:loc", NS).text == location:
            return [(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)]
    raise AssertionError(f"{location} is not in the sitemap")


def test_head_sitemap_and_api_list_the_same_real_language_versions(client):
    # Not translated into Tigrinya.
    page = make_page(title_ti="", body_ti="")
    in_head = head_alternates(client, f"/ar/{page.slug}/")
    in_sitemap = sitemap_alternates(client, f"{BASE}/ar/{page.slug}/")
    api = client.get(f"/api/v1/pages/{page.slug}/").json()
    assert in_head == in_sitemap
    assert [code for code, _url in in_head] == [*api["languages"], "x-default"]
    assert api["languages"] == real_languages(page) == ["sv", "en", "ar"]
    assert dict(in_head)["x-default"] == api["permalink"] == f"{BASE}/p/{page.slug}/"


def test_every_page_has_exactly_one_x_default_and_one_canonical(client):
    page = make_page()
    for path in (
        "/ar/",
        f"/ar/{page.slug}/",
        f"/ar/topics/{page.topic.slug}/",
        "/ar/glossary/",
        "/ar/contacts/",
        "/ar/what-applies-to-me/",
        "/ar/partners/api/",
    ):
        content = head(client, path)
        codes = [code for code, _url in ALTERNATE.findall(content)]
        assert codes.count("x-default") == 1, path
        assert len(CANONICAL.findall(content)) == 1, path


def test_each_address_is_its_own_canonical(client):
    page = make_page()
    for path in ("/ti/", f"/ti/{page.slug}/", f"/ti/topics/{page.topic.slug}/", "/ti/glossary/"):
        assert CANONICAL.findall(head(client, path)) == [f"{BASE}{path}"], path


def test_a_page_shown_through_a_fallback_names_the_shown_version_as_canonical(client):
    page = make_page(title_ti="", body_ti="")
    content = head(client, f"/ti/{page.slug}/")
    assert CANONICAL.findall(content) == [f"{BASE}/en/{page.slug}/"]
    assert "ti" not in [code for code, _url in ALTERNATE.findall(content)]
    assert canonical_language(page, "ti") == "en"


def test_a_query_string_is_not_part_of_the_canonical_address(client):
    assert CANONICAL.findall(head(client, "/sv/search/?q=boplats")) == [f"{BASE}/sv/search/"]


def test_topics_exist_in_every_language_with_their_permalink_as_x_default(client, settings):
    page = make_page()
    path = f"/sv/topics/{page.topic.slug}/"
    in_head = head_alternates(client, path)
    assert len(in_head) == len(settings.LANGUAGES) + 1
    assert in_head[-1] == ("x-default", f"{BASE}/t/{page.topic.slug}/")
    assert in_head == sitemap_alternates(client, f"{BASE}{path}")


def test_x_default_of_the_home_page_is_the_root_and_of_other_lists_the_swedish_page(client):
    assert dict(head_alternates(client, "/ar/"))["x-default"] == f"{BASE}/"
    assert dict(head_alternates(client, "/ar/glossary/"))["x-default"] == f"{BASE}/sv/glossary/"


def test_favicon_is_linked_and_answers_at_the_root(client):
    assert 'rel="icon" href="/static/favicon.svg"' in head(client, "/sv/")
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    assert finders.find("favicon.ico") and finders.find("favicon.svg")


def test_the_printable_view_and_poster_name_the_page_in_their_language_as_canonical(client):
    page = make_page()
    for path in (f"/ti/{page.slug}/print/", f"/ti/{page.slug}/poster/"):
        assert CANONICAL.findall(head(client, path)) == [f"{BASE}/ti/{page.slug}/"], path


def head_links_for(rf, path):
    request = rf.get(path)
    request.resolver_match = resolve(path)
    return HEAD_LINKS.render(Context({"request": request}))


def test_an_address_outside_the_language_prefix_claims_no_language_versions(rf):
    with translation.override("sv"):
        assert head_links_for(rf, "/api/") == ""
        assert 'hreflang="x-default"' in head_links_for(rf, "/sv/glossary/")
