import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_page

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap, not untrusted)
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        entries[location] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
    return entries


def test_sitemap_lists_each_page_in_the_languages_it_exists_in(client, settings):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    page = make_page(slug="transitional-flat", title_ti="", body_ti="")
    base = "https://bostad.goteborg.se"
    entries = sitemap_entries(client)
    page_urls = {url for url in entries if url.endswith("/transitional-flat/")}
    assert page_urls == {f"{base}/{code}/transitional-flat/" for code in ("sv", "en", "ar")}
    alternates = entries[f"{base}/ar/transitional-flat/"]
    assert alternates == {
        "sv": f"{base}/sv/transitional-flat/",
        "en": f"{base}/en/transitional-flat/",
        "ar": f"{base}/ar/transitional-flat/",
        "x-default": f"{base}/p/transitional-flat/",
    }
    assert entries[f"{base}/sv/transitional-flat/"]["x-default"] == f"{base}/p/{page.slug}/"


def test_sitemap_leaves_out_unpublished_pages(client):
    hidden = make_page(published=False)
    make_page()
    assert not any(f"/{hidden.slug}/" in url for url in sitemap_entries(client))


def test_sitemap_lists_topics_in_every_language(client, settings):
    page = make_page()
    entries = sitemap_entries(client)
    topic_urls = [url for url in entries if f"/topics/{page.topic.slug}/" in url]
    assert len(topic_urls) == len(settings.LANGUAGES)
