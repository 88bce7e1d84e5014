import pytest
from django.template import Context, Template

from tests.factories import make_page, make_term

pytestmark = pytest.mark.django_db


def render(body, code):
    template = Template("{% load glossary_links %}{{ body|link_glossary_terms:code|safe }}")
    return template.render(Context({"body": body, "code": code}))


def test_links_terms_to_the_glossary_in_the_readers_language():
    make_term(slug="genomgangsbostad", term="genomgångsbostad")
    html = render("<p>الشقة الانتقالية (genomgångsbostad)</p>", "ar")
    assert '<a class="glossary-term" href="/ar/glossary/#genomgangsbostad" lang="sv">' in html


def test_other_forms_of_the_word_link_too():
    make_term(slug="bostadsko", term="bostadskö", other_forms="bostadskön, bostadsköer")
    html = render("<p>Ställ dig i bostadskön.</p>", "ti")
    assert 'href="/ti/glossary/#bostadsko" lang="sv">bostadskön</a>' in html


def test_without_safe_the_output_is_escaped():
    make_term(term="bostadskö")
    template = Template("{% load glossary_links %}{{ body|link_glossary_terms:'sv' }}")
    html = template.render(Context({"body": "<p>bostadskö</p>"}))
    assert "&lt;a" in html


def test_page_body_links_terms_without_changing_stored_text(client):
    make_term(slug="andrahandskontrakt", term="andrahandskontrakt")
    body_ar = "<p>تحصل على عقد من الباطن (andrahandskontrakt).</p>"
    page = make_page(body_ar=body_ar)
    content = client.get(f"/ar/{page.slug}/").content.decode()
    # Linked, and isolated as a left-to-right run inside the Arabic text.
    link = 'href="/ar/glossary/#andrahandskontrakt" lang="sv">'
    assert f'{link}<bdi dir="ltr">andrahandskontrakt</bdi></a>' in content
    page.refresh_from_db()
    assert page.body_ar == body_ar


def test_page_title_is_never_linked(client):
    make_term(slug="genomgangsbostad", term="genomgångsbostad")
    page = make_page(title_sv="Genomgångsbostad", body_sv="<p>Text utan ordet.</p>")
    content = client.get(f"/sv/{page.slug}/").content.decode()
    assert "<h1>Genomgångsbostad</h1>" in content
    assert 'class="glossary-term"' not in content
