import threading

import pytest
from django.db import connection, connections
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from housing_info.compiled_queries import CompiledQuery, CompiledRows, compiled
from housing_info.models import ContactPoint, Page
from tests.factories import make_contact_point, make_page

pytestmark = pytest.mark.django_db

MARKER = "\x00marker"


def pages_by_slug(language):
    return Page.objects.select_related("topic").filter(slug=MARKER), MARKER


def contacts_by_name(language):
    return ContactPoint.objects.filter(slug__startswith="contact-", name_sv__gt=MARKER), MARKER


def field_values(instance):
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


def test_gives_the_same_instances_as_the_queryset():
    page = make_page(title_ar="الشقة الانتقالية")
    make_page()
    query = CompiledQuery(*pages_by_slug("sv"))

    (found,) = query(page.slug)
    expected = Page.objects.select_related("topic").get(slug=page.slug)

    assert field_values(found) == field_values(expected)
    # The JSON column comes back as data, the date as a date, on either database.
    assert found.language_versions["ar"]["state"] == expected.language_versions["ar"]["state"]
    assert found.updated_at == expected.updated_at
    assert query("no-such-page") == []


def test_fills_the_related_object_it_selects_without_another_query():
    page = make_page()
    query = CompiledQuery(*pages_by_slug("sv"))

    with CaptureQueriesContext(connection) as queries:
        (found,) = query(page.slug)
        topic_title = found.topic.title_sv

    assert len(queries) == 1
    assert topic_title == page.topic.title_sv


def test_runs_with_a_new_value_each_time():
    first, second = make_page(), make_page()
    query = CompiledQuery(*pages_by_slug("sv"))

    assert query(first.slug)[0].pk == first.pk
    assert query(second.slug)[0].pk == second.pk


def test_leaves_out_the_columns_the_queryset_leaves_out():
    page = make_page(title_ar="الشقة الانتقالية")
    query = CompiledQuery(Page.objects.only("slug", "title_ar").filter(pk=-1), -1)

    (found,) = query(page.pk)

    assert found.title_ar == "الشقة الانتقالية"
    assert "body_sv" in found.get_deferred_fields()


def test_sets_annotations_on_the_instances_as_the_queryset_would():
    page = make_page()
    queryset = Page.objects.annotate(topic_order=F("topic__order") + 7).filter(pk=-1)

    (found,) = CompiledQuery(queryset, -1)(page.pk)

    assert found.topic_order == page.topic.order + 7


def test_refuses_a_marker_that_is_missing_or_repeated():
    with pytest.raises(ValueError):
        CompiledQuery(Page.objects.filter(slug="transitional-flat"), MARKER)
    with pytest.raises(ValueError):
        CompiledQuery(Page.objects.filter(slug=MARKER, title_sv=MARKER), MARKER)


def test_orders_by_the_columns_of_the_language_it_was_compiled_in():
    make_contact_point(name_sv="Alfa", name_ar="ي")
    make_contact_point(name_sv="Beta", name_ar="ا")

    swedish = [contact.name_sv for contact in compiled(contacts_by_name, "sv")("")]
    arabic = [contact.name_sv for contact in compiled(contacts_by_name, "ar")("")]

    assert swedish == ["Alfa", "Beta"]
    assert arabic == ["Beta", "Alfa"]


def test_compiles_once_per_language_and_thread():
    with translation.override("uk"):
        assert compiled(pages_by_slug, "sv") is compiled(pages_by_slug, "sv")
    assert compiled(pages_by_slug, "sv") is not compiled(pages_by_slug, "ar")

    in_thread = []
    thread = threading.Thread(
        target=lambda: (
            in_thread.append(compiled(pages_by_slug, "sv")),
            connections.close_all(),
        )
    )
    thread.start()
    thread.join()

    # Another thread has its own connection, so it compiles its own query.
    assert in_thread[0] is not compiled(pages_by_slug, "sv")


def test_rows_give_the_values_list_by_name_with_annotations_and_converters():
    page = make_page()
    queryset = (
        Page.objects.filter(slug=MARKER)
        .annotate(topic_order=F("topic__order"))
        .values_list("language_versions", "slug", "topic_order")
    )
    rows = CompiledRows(queryset, MARKER)(page.slug)
    assert rows == [
        {
            "slug": page.slug,
            "language_versions": page.language_versions,  # parsed from JSON
            "topic_order": page.topic.order,
        }
    ]


def test_a_query_without_a_marker_runs_as_it_is():
    page = make_page()
    assert CompiledRows(Page.objects.values_list("slug"), None)() == [{"slug": page.slug}]
    assert CompiledQuery(Page.objects.all(), None)() == [page]
