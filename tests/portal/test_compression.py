"""Text is gzipped; files that are compressed already pass through untouched."""

import gzip

import pytest
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory

from portal.compression import TextGZipMiddleware

TEXT = "<p>Genomgångsbostad: högst fyra år.</p>" * 50


def respond_with(response):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    return TextGZipMiddleware(lambda request: response)(request)


def test_html_is_gzipped_as_before():
    response = respond_with(HttpResponse(TEXT, content_type="text/html; charset=utf-8"))
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).decode() == TEXT


@pytest.mark.parametrize("media_type", ["application/pdf", "image/png"])
def test_a_compressed_file_is_sent_as_it_is_with_its_strong_etag(tmp_path, media_type):
    stored = tmp_path / "file"
    stored.write_bytes(b"%PDF-1.7 " + bytes(range(256)) * 40)
    response = FileResponse(stored.open("rb"), content_type=media_type)
    response["ETag"] = '"0b11b777890e59ce348c7981"'
    answered = respond_with(response)
    assert not answered.has_header("Content-Encoding")
    assert answered["ETag"] == '"0b11b777890e59ce348c7981"'
    assert b"".join(answered.streaming_content) == stored.read_bytes()


@pytest.mark.django_db
def test_a_stored_pdf_reaches_the_reader_without_gzip(client, page):
    pytest.importorskip("weasyprint")
    response = client.get(f"/sv/{page.slug}/pdf/", HTTP_ACCEPT_ENCODING="gzip")
    if response["Content-Type"] != "application/pdf":
        pytest.skip("no PDF renderer for this script here")
    assert not response.has_header("Content-Encoding")
    assert not response["ETag"].startswith("W/")
