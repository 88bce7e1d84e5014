import pytest
from django.utils import translation

from glossary.models import Term
from tests.factories import make_term

pytestmark = pytest.mark.django_db


def test_forms_are_the_word_then_its_other_forms():
    term = make_term(term="bostadskö", other_forms=" bostadskön, ,bostadsköer ")
    assert term.forms() == ["bostadskö", "bostadskön", "bostadsköer"]


def test_explanation_falls_back_to_english_then_swedish():
    term = make_term(explanation_en="In English.", explanation_ar="")
    assert term.explanation_language("ar") == "en"
    assert term.explanation_language("ti") == "ti"
    term.explanation_en = ""
    assert term.explanation_language("ar") == "sv"


def test_text_is_in_exactly_one_language():
    term = make_term(meaning_so="", explanation_so="")
    assert term.text("so") == {"meaning": "", "explanation": ""}
    assert term.text("ar")["explanation"].startswith("شقة")


def test_swedish_words_sort_with_a_ring_a_umlaut_o_umlaut_last():
    words = ["öppen", "ålder", "ärende", "zon", "andra", "éxpress"]
    terms = [make_term(term=word) for word in words]
    ordered = [term.term for term in sorted(terms, key=lambda term: term.sort_key)]
    assert ordered == ["andra", "éxpress", "zon", "ålder", "ärende", "öppen"]


def test_address_points_to_the_entry_on_the_glossary_page_in_the_active_language():
    term = make_term(slug="hyresavi")
    with translation.override("ar"):
        assert Term.objects.get(pk=term.pk).get_absolute_url() == "/ar/glossary/#hyresavi"
