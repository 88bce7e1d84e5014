import io
import sys

import pytest
from pypdf import PdfReader

from sharing import fonts, pdf
from tests.factories import make_page

pytestmark = pytest.mark.django_db

needs_renderer = pytest.mark.skipif(
    pdf.load_renderer() is None, reason="WeasyPrint or its system libraries are missing"
)


@pytest.fixture
def fresh_caches():
    pdf.renderer.cache_clear()
    fonts.has_font_for.cache_clear()
    yield
    pdf.renderer.cache_clear()
    fonts.has_font_for.cache_clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf_bytes(response):
    """The body of a PDF, which the portal sends as a stored file."""
    return b"".join(response.streaming_content)


def pdf_text(content):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@needs_renderer
@pytest.mark.parametrize(
    ("code", "fields"), [("ar", ("title_ar", "summary_ar")), ("ti", ("title_ti", "summary_ti"))]
)
def test_pdf_contains_the_pages_own_words_in_arabic_and_tigrinya(client, page, code, fields):
    response = client.get(f"/{code}/{page.slug}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(pdf_bytes(response))
    for field in fields:
        for word in getattr(page, field).split():
            assert word.strip("።.") in text, word


@needs_renderer
def test_arabic_pdf_is_laid_out_right_to_left(client, page):
    # Arabic text extracted in logical order proves shaping kept the characters;
    # the body must run right to left: its lines end at the right margin.
    response = client.get(f"/ar/{page.slug}/pdf/")
    reader = PdfReader(io.BytesIO(pdf_bytes(response)))
    page_width = float(reader.pages[0].mediabox.width)
    positions = []

    def visitor(text, cm, tm, font_dict, font_size):
        if "السكن" in text or "شقة" in text:
            positions.append(tm[4])

    reader.pages[0].extract_text(visitor_text=visitor)
    assert positions, "the Arabic title or summary was not found"
    assert all(x > page_width / 3 for x in positions)


@needs_renderer
def test_pdf_of_ethiopic_page_embeds_an_ethiopic_font(client, page):
    response = client.get(f"/ti/{page.slug}/pdf/")
    reader = PdfReader(io.BytesIO(pdf_bytes(response)))
    font_names = set()
    for pdf_page in reader.pages:
        for font in pdf_page["/Resources"]["/Font"].values():
            font_names.add(str(font.get_object()["/BaseFont"]))
    assert any("Ethiopic" in name for name in font_names), font_names


@needs_renderer
def test_poster_pdf_has_the_title_and_permalink(client, settings, page):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    response = client.get(f"/ar/{page.slug}/poster/pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(pdf_bytes(response))
    assert page.title_ar.split()[0] in text
    assert f"bostad.goteborg.se/p/{page.slug}/" in text.replace("\n", "")


@needs_renderer
def test_pdf_fetcher_serves_our_stylesheet_and_refuses_other_servers():
    fetcher = pdf.static_only_fetcher()
    with pytest.raises(ValueError, match="tracker.example"):
        fetcher.fetch("https://tracker.example/pixel.png")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    response = fetcher.fetch("http://testserver/static/css/portal.css")
    assert b"@media print" in response.read()


@needs_renderer
def test_page_with_a_picture_on_another_server_still_renders(client):
    page = make_page(body_sv='<p>Hyra<img src="https://tracker.example/pixel.png"></p>')
    response = client.get(f"/sv/{page.slug}/pdf/")
    assert response.status_code == 200
    assert "Hyra" in pdf_text(pdf_bytes(response))


def test_without_weasyprint_pages_link_the_printable_view(client, page, monkeypatch, fresh_caches):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    content = client.get(f"/ar/{page.slug}/").content.decode()
    assert f'href="/ar/{page.slug}/pdf/"' not in content
    assert f'href="/ar/{page.slug}/print/"' in content
    response = client.get(f"/ar/{page.slug}/pdf/")
    assert response.status_code == 302
    assert response["Location"] == f"/ar/{page.slug}/print/"


def test_when_system_libraries_are_missing_the_portal_still_runs(monkeypatch, fresh_caches):
    import builtins

    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing_import)
    assert pdf.renderer() is None
    assert not pdf.pdf_available("sv")


def test_without_a_font_for_the_script_the_pdf_link_becomes_the_printable_view(
    client, page, monkeypatch, fresh_caches
):
    monkeypatch.setattr(pdf, "has_font_for", lambda code: code != "ti")
    content = client.get(f"/ti/{page.slug}/").content.decode()
    assert f'href="/ti/{page.slug}/pdf/"' not in content
    assert client.get(f"/ti/{page.slug}/poster/pdf/")["Location"] == f"/ti/{page.slug}/poster/"


@needs_renderer
def test_with_weasyprint_and_fonts_pages_link_the_pdf(client, page, fresh_caches):
    content = client.get(f"/ti/{page.slug}/").content.decode()
    assert f'href="/ti/{page.slug}/pdf/"' in content
