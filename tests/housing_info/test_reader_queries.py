import json

import pytest
from django.utils import translation

from housing_info.reader_queries import (
    HOME_PAGES_PER_TOPIC,
    contact_points,
    home_topics,
    page_with_topic,
    pathway_steps,
)
from page_cache import generation
from tests.factories import make_contact_point, make_page, make_pathway_step, make_topic
from translation_workflow.versions import LanguageVersion, TranslationState, set_language_version

pytestmark = pytest.mark.django_db


def test_finds_a_page_with_its_topic_in_the_readers_languages():
    page = make_page(title_ti="ግዝያዊ ገዛ", title_ar="الشقة الانتقالية", published=False)

    found = page_with_topic(page.slug, "ti")

    assert found.pk == page.pk
    assert found.title_ti == "ግዝያዊ ገዛ"
    assert found.topic.slug == page.topic.slug
    # Another reader's language is left out; unpublished pages are found (the view decides).
    assert "title_ar" in found.get_deferred_fields()
    assert found.published is False


def test_finds_nothing_for_an_unknown_slug():
    make_page()

    assert page_with_topic("does-not-exist", "sv") is None


def test_gives_the_pages_contact_points_only():
    page = make_page()
    other = make_page()
    first = make_contact_point(name_sv="Boplats Göteborg", helps_with_so="Guri")
    second = make_contact_point(name_sv="Ansökan om bostad")
    page.contact_points.add(first, second)
    other.contact_points.add(make_contact_point(name_sv="Någon annan"))

    found = contact_points(page, "so")

    assert {contact.pk for contact in found} == {first.pk, second.pk}
    assert "Guri" in {contact.helps_with_so for contact in found}
    # In alphabetical order of the names a Swedish reader is shown.
    assert [contact.pk for contact in contact_points(page, "sv")] == [second.pk, first.pk]
    assert contact_points(make_page(), "so") == []


def test_home_topics_list_the_first_published_pages_of_each_topic_in_order():
    first, second = make_topic(order=2), make_topic(order=1)
    pages = [make_page(topic=first, order=number) for number in range(HOME_PAGES_PER_TOPIC + 1)]
    make_page(topic=first, order=0, published=False)
    only = make_page(topic=second)
    make_topic()  # no pages: not listed

    topics = home_topics("sv")

    assert [topic.pk for topic in topics] == [second.pk, first.pk]
    assert [page.slug for page in topics[1].published_pages] == [
        page.slug for page in pages[:HOME_PAGES_PER_TOPIC]
    ]
    assert (topics[1].has_more_pages, topics[0].has_more_pages) == (True, False)
    assert topics[0].published_pages[0].url == f"/sv/{only.slug}/"


def test_home_topics_take_pages_of_equal_order_by_slug_and_each_topic_its_own_first():
    # Both ways of reading the lists (per topic from the index on PostgreSQL,
    # numbered elsewhere) give the same pages.
    busy, quiet = make_topic(order=1), make_topic(order=2)
    slugs = [f"listed-{letter}" for letter in "hgfedcba"]
    for slug in slugs:
        make_page(topic=busy, slug=slug, order=5)
    make_page(topic=quiet, slug="quiet-first", order=9)
    make_page(topic=quiet, slug="quiet-draft", order=1, published=False)

    busy_pages, quiet_pages = (topic.published_pages for topic in home_topics("sv"))

    assert [page.slug for page in busy_pages] == sorted(slugs)[:HOME_PAGES_PER_TOPIC]
    assert [page.slug for page in quiet_pages] == ["quiet-first"]


def test_home_lists_a_page_in_the_language_its_page_shows_the_reader():
    topic = make_topic()
    own = make_page(topic=topic, order=1)
    untranslated = make_page(topic=topic, order=2, title_ti="", body_ti="")
    held_back = make_page(topic=topic, order=3)
    set_language_version(
        held_back, "ti", LanguageVersion(state=TranslationState.MACHINE, held_back=True)
    )
    held_back.save()
    no_body = make_page(topic=topic, order=4, body_ti=None)

    with translation.override("ti"):
        listed = home_topics("ti")[0].published_pages

    shown = [(page.shown_language, page.shown_title) for page in listed]
    expected = [page.text_language("ti") for page in (own, untranslated, held_back, no_body)]
    assert [language for language, _title in shown] == expected == ["ti", "en", "en", "en"]
    assert shown[0][1] == own.title_ti and shown[1][1] == untranslated.title_en


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_home_page_reads_each_list_with_one_query(client, code, django_assert_num_queries):
    for topic in (make_topic(), make_topic()):
        for order in range(HOME_PAGES_PER_TOPIC + 2):
            make_page(topic=topic, order=order)
    make_pathway_step(page=make_page())
    client.get(f"/{code}/")  # compiles the queries and reads the glossary once
    generation.bump()
    # topics, their first pages, the pathway's steps
    with django_assert_num_queries(3):
        response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "hit"


def test_home_lists_link_to_the_language_asked_for_whatever_language_is_active():
    page = make_page()
    with translation.override("ar"):
        (topic,) = home_topics("sv")
    assert [listed.url for listed in topic.published_pages] == [f"/sv/{page.slug}/"]


def test_pathway_steps_tell_the_language_their_pages_open_in_without_reading_bodies(
    django_assert_num_queries,
):
    own = make_page(body_ti="<p>" + "ጽሑፍ " * 5000 + "</p>")
    untranslated = make_page(title_ti="", body_ti="")
    no_body = make_page(body_ti="")
    for order, page in enumerate((own, untranslated, no_body, None)):
        make_pathway_step(page=page, order=order)

    with translation.override("ti"), django_assert_num_queries(1):
        steps = pathway_steps("ti")
        opens_in = [step.page and step.page.shown_in("ti").language for step in steps]

    assert opens_in == ["ti", "en", "en", None]
    assert opens_in[:3] == [page.text_language("ti") for page in (own, untranslated, no_body)]
    for step in steps[:3]:
        assert {"body_ti", "body_en", "body_sv"} <= step.page.get_deferred_fields()


@pytest.mark.postgres
def test_the_home_page_reads_its_pages_by_id_not_every_page():
    """At 2,000 pages PostgreSQL read every page to find the 84 listed when the
    ids were given as ``IN (subquery)``; from an array it reads them by id."""
    from django.db import connection

    from housing_info.models import Page, Topic
    from housing_info.reader_queries import _home_pages

    topics = Topic.objects.bulk_create(
        Topic(slug=f"topic-{number}", order=number, title_sv=f"Ämne {number}")
        for number in range(12)
    )
    Page.objects.bulk_create(
        Page(
            topic=topics[number % 12],
            slug=f"page-{number}",
            order=number,
            published=True,
            title_sv=f"Sida {number}",
            body_sv="<p>Text</p>",
        )
        for number in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE housing_info_page, housing_info_topic")
    pages, _ = _home_pages("sv")
    plan = json.loads(pages.explain(format="json", analyze=True))[0]["Plan"]

    def scans(node):
        if node.get("Relation Name") == "housing_info_page":
            yield node["Node Type"], node["Actual Rows"] * node["Actual Loops"]
        for child in node.get("Plans", []):
            yield from scans(child)

    read = list(scans(plan))
    assert sum(rows for _type, rows in read) <= 2 * 12 * (HOME_PAGES_PER_TOPIC + 1), read
    assert "Seq Scan" not in {node_type for node_type, _rows in read}, read
    assert len(list(pages)) == 12 * (HOME_PAGES_PER_TOPIC + 1)
