"""The document a PDF is rendered from, and its version."""

import re

import pytest
from django.utils import translation

from sharing import printing
from tests.factories import make_contact_point, make_page

pytestmark = pytest.mark.django_db


def contact_heading(html):
    return re.search(r'<div class="contact">\s*<h3>(.*?)</h3>', html, re.S).group(1)


def test_the_pdf_document_isolates_swedish_names_in_arabic_as_the_printable_page_does(client):
    page = make_page()
    page.contact_points.add(make_contact_point(name_ar="Boplats Göteborg"))
    with translation.override("ar"):
        html = printing.pdf_html(page, "page")
    printable = client.get(f"/ar/{page.slug}/print/").content.decode()
    assert '<bdi dir="ltr">' in contact_heading(html)
    assert contact_heading(html) == contact_heading(printable)


def test_the_version_follows_the_document_and_the_kind_only():
    html = "<html><body><h1>Genomgångsbostad</h1></body></html>"
    assert printing.version_of("page", html) == printing.version_of("page", html)
    assert printing.version_of("page", html) != printing.version_of("poster", html)
    assert printing.version_of("page", html) != printing.version_of("page", html + " ")


def test_the_version_changes_with_the_stylesheet(monkeypatch):
    html = "<html></html>"
    before = printing.version_of("page", html)
    monkeypatch.setattr(printing, "stylesheet_digest", lambda: "another stylesheet")
    assert printing.version_of("page", html) != before


# The version is remembered only under a committed generation.
@pytest.mark.django_db(transaction=True)
def test_the_version_is_worked_out_once_per_generation(monkeypatch):
    page = make_page()
    rendered = []
    real_html = printing.pdf_html
    monkeypatch.setattr(
        printing, "pdf_html", lambda *args: rendered.append(args) or real_html(*args)
    )
    with translation.override("sv"):
        first = printing.pdf_version(page, "page")
        assert printing.remembered_version(page.pk, "page") == first
        assert printing.pdf_version(page, "page") == first
        assert len(rendered) == 1
        page.title_sv = "Ny rubrik"
        page.save()  # a new generation
        assert printing.remembered_version(page.pk, "page") is None
        assert printing.pdf_version(page, "page") != first
    assert len(rendered) == 2
