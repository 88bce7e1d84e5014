"""PDFs and posters as stored files: canonical address only, one render per version."""

import io

import pytest
from pypdf import PdfReader

from housing_info.models import Page
from tests.factories import make_page
from tests.sharing.conftest import needs_renderer, pdf_bytes, stored_pdfs

pytestmark = [pytest.mark.django_db, needs_renderer]

PREPARING_SV = "PDF-filen för den här sidan håller på att tas fram"
UNAVAILABLE_SV = "Det går inte att göra en PDF-fil av den här sidan"


@pytest.mark.parametrize("suffix", ["pdf/", "poster/pdf/"])
def test_a_query_string_is_redirected_to_the_canonical_address_and_renders_nothing(
    client, page, renders, media_root, suffix
):
    for query in ("?v=1", "?download=1&x=" + "a" * 200):
        response = client.get(f"/sv/{page.slug}/{suffix}{query}")
        assert response.status_code == 301, query
        assert response["Location"] == f"/sv/{page.slug}/{suffix}"
    # A control character is refused before any view runs (portal/request_limits.py).
    assert client.get(f"/sv/{page.slug}/{suffix}?%00").status_code == 400
    assert renders == []
    assert stored_pdfs(media_root) == []


def test_in_development_the_pdf_is_rendered_at_once_and_sent_as_a_file(client, page, renders):
    response = client.get(f"/ar/{page.slug}/pdf/")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{page.slug}-ar.pdf"'
    assert "public" in response["Cache-Control"]
    assert "max-age=600" in response["Cache-Control"]
    etag = response["ETag"]
    assert pdf_bytes(response).startswith(b"%PDF")
    assert len(renders) == 1

    again = client.get(f"/ar/{page.slug}/pdf/")
    assert again["ETag"] == etag
    assert pdf_bytes(again).startswith(b"%PDF")
    assert len(renders) == 1, "the stored file is served, not rendered again"

    unchanged = client.get(f"/ar/{page.slug}/pdf/", HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged["ETag"] == etag


def test_pages_posters_and_languages_are_separate_files(client, page, renders, media_root):
    for path in ("/sv/{}/pdf/", "/ar/{}/pdf/", "/sv/{}/poster/pdf/"):
        assert client.get(path.format(page.slug))["Content-Type"] == "application/pdf"
    poster = client.get(f"/sv/{page.slug}/poster/pdf/")
    assert poster["Content-Disposition"] == f'inline; filename="{page.slug}-poster-sv.pdf"'
    assert len(renders) == 3
    assert len(stored_pdfs(media_root)) == 3


def test_a_change_readers_see_gives_a_new_version_and_drops_the_old_file(
    client, page, renders, media_root
):
    first = client.get(f"/sv/{page.slug}/pdf/")
    page.title_sv = "Genomgångsbostad, ny rubrik"
    page.save()
    second = client.get(f"/sv/{page.slug}/pdf/")
    assert second["ETag"] != first["ETag"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes(second))).pages)
    assert "ny rubrik" in text
    assert len(renders) == 2
    assert len(stored_pdfs(media_root)) == 1


def test_a_change_in_another_language_keeps_this_languages_pdf(client, page, renders):
    first = client.get(f"/sv/{page.slug}/pdf/")
    Page.objects.filter(pk=page.pk).update(title_ar="عنوان جديد")
    page.refresh_from_db()
    page.save()  # a save readers of Arabic see, but not readers of Swedish
    second = client.get(f"/sv/{page.slug}/pdf/")
    assert second["ETag"] == first["ETag"]
    assert len(renders) == 1


def test_a_page_over_the_size_budget_gets_the_printable_view_and_no_render(
    client, settings, renders, media_root
):
    settings.PDF_MAX_HTML_BYTES = 20_000
    page = make_page(body_sv="<p>Hyresgästen betalar hyran i tid.</p>" * 600)
    for suffix in ("pdf/", "pdf/"):
        response = client.get(f"/sv/{page.slug}/{suffix}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        content = response.content.decode()
        assert UNAVAILABLE_SV in content
        assert "Hyresgästen betalar hyran i tid." in content
        assert "no-store" in response["Cache-Control"]
    assert renders == []
    assert stored_pdfs(media_root) == []
    # The short poster of the same page stays within the budget.
    assert client.get(f"/sv/{page.slug}/poster/pdf/")["Content-Type"] == "application/pdf"


def test_a_render_that_fails_gives_the_printable_view_with_a_note(client, page, monkeypatch):
    from sharing import tasks

    def broken_render(html, base_url):
        raise RuntimeError("Pango crashed")

    monkeypatch.setattr(tasks, "render_pdf", broken_render)
    response = client.get(f"/sv/{page.slug}/pdf/")
    assert response.status_code == 200
    assert UNAVAILABLE_SV in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_staff_get_the_pdf_of_an_unpublished_page_and_readers_a_404(client, staff_client, renders):
    page = make_page(published=False)
    assert staff_client.get(f"/sv/{page.slug}/pdf/")["Content-Type"] == "application/pdf"
    client.logout()
    assert client.get(f"/sv/{page.slug}/pdf/").status_code == 404
