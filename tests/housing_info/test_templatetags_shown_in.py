"""The <title> of a page whose heading is in another language says which ({{ text|in_title }})."""

import re
from html import unescape

import pytest

from tests.factories import make_page, make_topic

pytestmark = pytest.mark.django_db


def title(client, address):
    content = client.get(address).content.decode()
    return unescape(re.search(r"<title>(.*?)</title>", content, re.S).group(1))


def test_a_topic_in_the_readers_language_has_its_title_alone(client):
    topic = make_topic()
    make_page(topic=topic)
    assert title(client, f"/ar/topics/{topic.slug}/").startswith(f"{topic.title_ar} – ")


def test_a_topic_shown_in_english_names_english_in_the_title(client):
    topic = make_topic(title_ti="")
    make_page(topic=topic)
    assert title(client, f"/ti/topics/{topic.slug}/").startswith(f"{topic.title_en} (እንግሊዝኛ) – ")


def test_a_page_shown_in_english_names_english_in_the_title(client):
    page = make_page(title_ar="", summary_ar="", body_ar="", title_en="Deposit <and> rent")
    assert title(client, f"/ar/{page.slug}/").startswith("Deposit <and> rent (الإنجليزية) – ")
    assert title(client, f"/sv/{page.slug}/").startswith(f"{page.title_sv} – ")
