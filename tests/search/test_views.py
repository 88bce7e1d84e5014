import pytest
from django.utils import translation
from django.utils.translation import get_language_info

from tests.factories import make_page, make_term

pytestmark = pytest.mark.django_db


def test_every_page_has_a_search_box(client, page):
    for url in ("/ar/", f"/ar/{page.slug}/", "/ar/glossary/"):
        content = client.get(url).content.decode()
        assert 'role="search"' in content and 'action="/ar/search/"' in content, url


def test_results_are_shown_in_the_readers_language(client):
    page = make_page()
    response = client.get("/ar/search/", {"q": "السكن الانتقالي"})
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<a href="/ar/{page.slug}/" lang="ar" dir="rtl">{page.title_ar}</a>' in content
    assert '<meta name="robots" content="noindex">' in content
    assert not response.cookies


def test_results_in_english_are_listed_with_the_readers_own_and_marked(client):
    own = make_page(title_ti="ውሕስነት ገዛ", body_ti="<p>ውሕስነት ገዛ insurance።</p>")
    english = make_page(title_ti="", body_ti="", title_en="Home insurance")
    content = client.get("/ti/search/", {"q": "insurance"}).content.decode()
    assert f'lang="ti" dir="ltr">{own.title_ti}</a>' in content
    assert f'lang="en" dir="ltr" hreflang="en">{english.title_en}</a>' in content
    with translation.override("ti"):
        # The marker names the language in the reader's language.
        assert str(get_language_info("en")["name_translated"]) in content
    assert 'class="shown-in" lang="ti" dir="ltr" data-shown-in="en' in content


@pytest.mark.parametrize("code", ["en", "ar", "ti", "uk"])
def test_no_result_leads_on_to_the_question_flow_the_contacts_and_the_glossary(client, code):
    make_page()
    content = client.get(f"/{code}/search/", {"q": "zzzzqqq"}).content.decode()
    for address in (f"/{code}/what-applies-to-me/", f"/{code}/contacts/", f"/{code}/glossary/"):
        assert f'href="{address}"' in content, address
    with translation.override(code):
        assert translation.gettext("What applies to me?") in content


def test_matching_glossary_words_are_shown_with_their_explanation(client):
    term = make_term(term="genomgångsbostad", slug="genomgangsbostad")
    content = client.get("/ar/search/", {"q": "genomgangsbostad"}).content.decode()
    assert 'href="/ar/glossary/#genomgangsbostad"' in content
    assert term.explanation_ar in content


def test_a_too_long_query_gets_a_clear_error_not_a_crash(client):
    response = client.get("/ar/search/", {"q": "س" * 101})
    assert response.status_code == 200
    assert 'id="search-q-error"' in response.content.decode()


def test_an_empty_query_shows_the_form_with_a_hint(client):
    response = client.get("/sv/search/", {"q": ""})
    assert 'id="search-q-error"' in response.content.decode()
    assert 'id="search-q-error"' not in client.get("/sv/search/").content.decode()
