import pytest

from sharing.permalinks import absolute_url, page_languages, page_permalink, topic_permalink
from tests.factories import make_page

pytestmark = pytest.mark.django_db


def test_permalinks_are_absolute_on_the_configured_base_url(settings, page):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    assert page_permalink(page) == f"https://bostad.goteborg.se/p/{page.slug}/"
    assert topic_permalink(page.topic) == f"https://bostad.goteborg.se/t/{page.topic.slug}/"
    assert absolute_url("/sitemap.xml") == "https://bostad.goteborg.se/sitemap.xml"


def test_page_languages_lists_swedish_and_each_translation_only():
    page = make_page(title_ti="", body_ti="")
    assert page_languages(page) == ["sv", "en", "ar"]
