"""The home page's topic sections ({% topic_sections %})."""

import pytest
from django.template import Context, Template
from django.utils import translation

from housing_info.reader_queries import HOME_PAGES_PER_TOPIC, home_topics
from tests.factories import make_page, make_topic

pytestmark = pytest.mark.django_db


def sections(code):
    with translation.override(code):
        template = Template("{% load topic_sections %}{% topic_sections topics %}")
        return template.render(Context({"topics": home_topics(code)}))


def test_a_topic_heading_links_to_its_page_in_the_readers_language():
    topic = make_topic(title_ti="ገዛ")
    make_page(topic=topic)
    html = sections("ti")
    assert f'<section class="topic" aria-labelledby="topic-{topic.slug}">' in html
    assert (
        f'<h3 id="topic-{topic.slug}"><a href="/ti/topics/{topic.slug}/" lang="ti" dir="ltr">'
        "ገዛ</a></h3>"
    ) in html
    assert "shown-in" not in html.split("</h3>")[0]


def test_a_topic_title_in_another_language_is_escaped_and_marked():
    topic = make_topic(title_en="Rent <and> deposit", title_ar="")
    make_page(topic=topic)
    html = sections("ar")
    heading = html.split("</h3>")[0]
    assert (
        f'<a href="/ar/topics/{topic.slug}/" lang="en" dir="ltr">Rent &lt;and&gt; deposit</a>'
    ) in heading
    # The marker names English, in Arabic.
    assert 'class="shown-in"' in heading and "الإنجليزية" in heading


def test_a_big_topic_links_to_all_its_pages_with_its_title_in_its_own_language():
    topic = make_topic(title_en="Rent & deposit", title_ar="")
    for order in range(HOME_PAGES_PER_TOPIC + 1):
        make_page(topic=topic, order=order)
    html = sections("ar")
    assert html.count('<li><a href="/ar/') == HOME_PAGES_PER_TOPIC
    assert (
        f'<p class="topic__more"><a href="/ar/topics/{topic.slug}/">كل الصفحات عن '
        '<bdi class="shown-text" lang="en" dir="ltr">Rent &amp; deposit</bdi></a></p>'
    ) in html


def test_a_short_topic_has_no_link_to_more_pages():
    make_page(topic=make_topic())
    assert "topic__more" not in sections("sv")
