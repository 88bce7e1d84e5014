import pytest

from glossary.entries import glossary_entry, terms_matching
from tests.factories import make_term

pytestmark = pytest.mark.django_db


def test_entry_in_the_readers_language():
    entry = glossary_entry(make_term(), "ar")
    assert (entry.language, entry.dir, entry.is_fallback) == ("ar", "rtl", False)
    assert entry.meaning == "الشقة الانتقالية"


def test_entry_falls_back_to_english_with_its_direction():
    entry = glossary_entry(make_term(explanation_fa=""), "fa")
    assert (entry.language, entry.dir, entry.is_fallback) == ("en", "ltr", True)
    assert entry.explanation.startswith("A flat")


def test_swedish_entry_does_not_repeat_the_word_as_its_meaning():
    entry = glossary_entry(make_term(term="hyresavi", meaning_sv="Hyresavi"), "sv")
    assert entry.meaning == ""


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("genomgangsbostad", "ar"),  # typed without å
        ("GENOMGÅNGSBOSTAD", "en"),
        ("الانتقالية", "ar"),  # the meaning in the reader's language
        ("transitional", "en"),
    ],
)
def test_terms_match_folded_word_forms_and_meaning(query, code):
    term = make_term(term="genomgångsbostad")
    make_term(term="hyresavi", meaning_en="rent bill", meaning_ar="فاتورة الإيجار")
    assert terms_matching(query, code) == [term]


def test_blank_query_matches_nothing():
    make_term()
    assert terms_matching("  ", "sv") == []
