import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from housing_info.models import ContactPoint, Page, Topic
from housing_info.reader_columns import reader_columns, reader_languages
from portal.languages import PORTAL_LANGUAGES
from tests.factories import make_contact_point, make_page, make_pathway_step


def test_a_reader_is_shown_their_language_then_english_then_swedish():
    assert reader_languages("ti") == ("ti", "en", "sv")
    assert reader_languages("en") == ("en", "sv")


def test_reads_the_readers_and_the_fallback_languages_columns_only():
    columns = reader_columns(Page, "ar")
    assert {"title_ar", "title_en", "title_sv", "body_ar", "next_steps_sv"} <= set(columns)
    assert not {"title_ti", "body_fa", "summary_ru"} & set(columns)
    # The untranslated column of a translated field is never read.
    assert "title" not in columns


def test_keeps_every_column_that_is_not_translated():
    columns = reader_columns(Page, "sv")
    assert {"id", "slug", "topic", "published", "language_versions", "updated_at"} <= set(columns)
    assert {"id", "slug", "phone", "email", "url"} <= set(reader_columns(ContactPoint, "so"))


def test_names_columns_through_a_relation_and_narrows_translated_fields():
    columns = reader_columns(Topic, "uk", via="topic")
    assert "topic__title_uk" in columns
    assert "topic__slug" in columns
    listed = reader_columns(Page, "uk", translated_fields=("title",))
    assert "title_uk" in listed
    assert "summary_uk" not in listed
    assert "slug" in listed


@pytest.mark.django_db
def test_no_language_reads_a_column_it_left_out(client):
    """Every language's page views read as often as Swedish ones: no deferred loads.

    (Views of a page missing in the reader's language also count that, with writes.)
    """
    page = make_page(
        title_fa="خانهٔ انتقالی",
        summary_fa="آپارتمانی موقت.",
        body_fa="<p>متن به فارسی.</p>",
        next_steps_fa="در Boplats ثبت نام کنید.",
    )
    page.contact_points.add(make_contact_point(name_ti="ቦፕላትስ", helps_with_ti="ገዛ"))
    make_pathway_step(page=page)
    paths = ["/{code}/", f"/{{code}}/{page.slug}/", f"/{{code}}/topics/{page.topic.slug}/"]
    counts = {}
    for language in PORTAL_LANGUAGES:
        for path in paths:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path.format(code=language.code))
            assert response.status_code == 200
            reads = [query for query in queries if query["sql"].startswith("SELECT")]
            counts[path.format(code=language.code)] = len(reads)
    swedish = [counts[path.format(code="sv")] for path in paths]
    for language in PORTAL_LANGUAGES:
        assert [counts[path.format(code=language.code)] for path in paths] == swedish, counts


@pytest.mark.django_db
def test_a_page_shows_the_same_text_as_the_whole_row_would(client):
    page = make_page(body_sv="<p>Bara på svenska.</p>", body_ar="")
    full = Page.objects.get(pk=page.pk)
    content = client.get(f"/ar/{page.slug}/").content.decode()
    # Without an Arabic body, the English text is shown, as the model says.
    shown = full.text_language("ar")
    assert shown == "en"
    assert full.text(shown)["title"] in content
    assert full.text(shown)["summary"] in content
