import pytest

from tests.factories import make_term

pytestmark = pytest.mark.django_db


def test_glossary_shows_the_swedish_word_and_the_explanation_in_arabic(client):
    term = make_term(slug="genomgangsbostad", term="genomgångsbostad")
    response = client.get("/ar/glossary/")
    assert response.status_code == 200
    assert not response.cookies
    content = response.content.decode()
    assert 'id="genomgangsbostad"' in content
    assert (
        '<span class="glossary__term" lang="sv" dir="ltr" translate="no">genomgångsbostad</span>'
        in content
    )
    assert f'<p lang="ar" dir="rtl">{term.explanation_ar}</p>' in content


def test_missing_explanation_falls_back_to_english_marked_as_english(client):
    term = make_term(explanation_so="")
    content = client.get("/so/glossary/").content.decode()
    assert f'<p lang="en" dir="ltr">{term.explanation_en}</p>' in content
    assert 'class="shown-in" lang="so" dir="ltr" data-shown-in="en' in content


def test_glossary_lists_words_in_swedish_alphabetical_order(client):
    for word in ("överlåtelse", "andrahandskontrakt", "ändring"):
        make_term(term=word, slug=word.encode("ascii", "ignore").decode() or "x")
    content = client.get("/en/glossary/").content.decode()
    positions = [
        content.index(f">{word}<") for word in ("andrahandskontrakt", "ändring", "överlåtelse")
    ]
    assert positions == sorted(positions)


def test_empty_glossary_says_so(client):
    content = client.get("/en/glossary/").content.decode()
    assert "The glossary is empty." in content
