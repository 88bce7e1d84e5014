"""The page lists of the home page and a topic's page ({% page_list %})."""

from html.parser import HTMLParser

import pytest

from tests.factories import make_page, make_topic

pytestmark = pytest.mark.django_db


class ListItems(HTMLParser):
    """Each ``<li>`` of the first ``ul.page-list``: its link's attributes, and its text."""

    def __init__(self):
        super().__init__()
        self.items, self.depth, self.done = [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and attrs.get("class") == "page-list" and not self.done:
            self.depth = 1
        elif self.depth and tag == "li":
            self.items.append({"text": ""})
        elif self.depth and tag == "a" and "href" not in self.items[-1]:
            self.items[-1].update(attrs)

    def handle_endtag(self, tag):
        if self.depth and tag == "ul":
            self.depth, self.done = 0, True

    def handle_data(self, data):
        if self.depth and self.items:
            self.items[-1]["text"] += data


def listed(content):
    parser = ListItems()
    parser.feed(content)
    return parser.items


@pytest.mark.parametrize("address", ["/ti/", "/ti/topics/{topic}/"])
def test_a_page_in_the_readers_language_is_linked_without_a_marker(client, address):
    topic = make_topic()
    page = make_page(topic=topic)
    [item] = listed(client.get(address.format(topic=topic.slug)).content.decode())
    assert item["href"] == f"/ti/{page.slug}/"
    assert (item["lang"], item["dir"]) == ("ti", "ltr")
    assert "hreflang" not in item
    assert item["text"].strip() == page.title_ti


@pytest.mark.parametrize("address", ["/ar/", "/ar/topics/{topic}/"])
def test_a_page_shown_in_english_says_so_on_its_link_and_in_its_marker(client, address):
    topic = make_topic()
    page = make_page(
        topic=topic, title_en="Rent <and> deposit", title_ar="", summary_ar="", body_ar=""
    )
    [item] = listed(client.get(address.format(topic=topic.slug)).content.decode())
    assert item["href"] == f"/ar/{page.slug}/"
    assert (item["lang"], item["dir"], item["hreflang"]) == ("en", "ltr", "en")
    # The title is escaped, and the marker names English in Arabic.
    assert item["text"].startswith("Rent <and> deposit")
    assert "الإنجليزية" in item["text"]


def test_pages_are_listed_in_their_topics_order(client):
    topic = make_topic()
    pages = [make_page(topic=topic, order=order) for order in (3, 1, 2)]
    items = listed(client.get(f"/sv/topics/{topic.slug}/").content.decode())
    expected = sorted(pages, key=lambda page: page.order)
    assert [item["href"] for item in items] == [f"/sv/{page.slug}/" for page in expected]
