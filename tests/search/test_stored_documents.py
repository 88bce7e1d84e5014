"""The stored search documents of search/migrations/0002 (PostgreSQL only)."""

import pytest
from django.conf import settings
from django.db import connection

from housing_info.models import Page
from search.postgres_queries import search_params, search_sql
from search.queries import MAX_RESULTS, search_pages
from tests.factories import make_page, make_topic

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# Every served language, the first twelve of 0002 and any added by a later migration.
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def test_every_language_has_a_stored_document_and_its_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'housing_info_page' AND is_generated = 'ALWAYS'"
            " AND column_name LIKE 'search_document_%%'"
        )
        columns = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'housing_info_page'")
        indexes = {row[0] for row in cursor.fetchall()}
    assert columns == {f"search_document_{code}" for code in LANGUAGES}
    for code in LANGUAGES:
        assert {
            f"search_page_document_{code}",
            f"search_page_title_trgm_{code}",
            f"search_page_summary_trgm_{code}",
            f"search_page_body_trgm_{code}",
        } <= indexes


def test_the_document_follows_every_change_of_the_text_however_it_is_written():
    page = make_page(body_sv="<p>Om hemförsäkring.</p>")
    assert search_pages("hemförsäkring", "sv").pages == [page]
    # Not through save(): no signal, no Python, the database keeps it current.
    Page.objects.filter(pk=page.pk).update(body_sv="<p>Om uppsägningstid.</p>")
    assert search_pages("uppsägningstid", "sv").pages == [page]
    assert search_pages("hemförsäkring", "sv").pages == []
    page.refresh_from_db()
    page.title_sv = "Bostadsbidrag"
    page.save()
    assert search_pages("bostadsbidrag", "sv").pages == [page]


def plan(code, words):
    params = search_params(words, code, MAX_RESULTS)
    with connection.cursor() as cursor:
        # Whether the planner prefers the GIN indexes depends on statistics that
        # earlier tests leave behind (it may walk another index and filter every
        # row); what must hold is that the query can use them at all. With scans
        # of every row discouraged, an index that does not match the query's
        # expressions still leaves only such a scan, and the test fails.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + search_sql(code), params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_on_a_large_table_the_search_uses_the_indexes_not_a_scan_of_every_page():
    topic = make_topic()
    Page.objects.bulk_create(
        [
            Page(
                slug=f"filler-{number}",
                topic=topic,
                published=True,
                title_sv=f"Sida {number} om boende",
                summary_sv="En kort sammanfattning.",
                body_sv=f"<p>Text nummer {number} om boende i Göteborg.</p>",
                title_so=f"Bogga {number}",
                body_so="<p>Qoraal ku saabsan guriyeynta.</p>",
            )
            for number in range(2000)
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE housing_info_page")
    for code, index in (("sv", "search_page_document_sv"), ("so", "search_page_document_so")):
        explained = plan(code, ["boplats"])
        assert f"Bitmap Index Scan on {index}" in explained, explained
        for language in (code, "en", "sv"):  # the reader's, then the fallbacks
            for index in (
                f"search_page_document_{language}",
                f"search_keywords_document_{language}",
                f"search_page_body_trgm_{language}",
            ):
                assert f"Bitmap Index Scan on {index}" in explained, explained
        assert "Seq Scan on housing_info_page" not in explained, explained
