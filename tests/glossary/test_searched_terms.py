"""The glossary terms the search page compares with: read once per content generation.

Outside a test transaction (``transaction=True``), as page views run in
production: what is read inside a transaction is not kept.
"""

import pytest

from glossary.entries import terms_found, terms_matching
from tests.factories import make_term

pytestmark = pytest.mark.django_db(transaction=True)


def test_terms_are_read_from_the_database_once_per_generation_and_language(
    django_assert_num_queries,
):
    term = make_term(term="genomgångsbostad")
    assert terms_found("genomgangsbostad", "ar") == [term]
    with django_assert_num_queries(0):
        assert terms_found("الانتقالية", "ar") == [term]  # its meaning in Arabic
        assert terms_found("GENOMGÅNGSBOSTAD", "ar") == [term]
    with django_assert_num_queries(1):
        assert terms_found("transitional", "en") == [term]


def test_they_find_what_the_terms_in_the_database_find():
    make_term(term="genomgångsbostad")
    make_term(term="hyresavi", other_forms="hyresavin", meaning_en="rent bill")
    for query, code in (("avin", "sv"), ("rent", "en"), ("bostad", "ar"), ("  ", "sv")):
        assert terms_found(query, code) == terms_matching(query, code), query


def test_a_new_changed_or_deleted_term_is_found_as_it_is_at_once():
    assert terms_found("inneboende", "sv") == []
    term = make_term(term="inneboende")
    assert terms_found("inneboende", "sv") == [term]
    term.meaning_en = "lodger"
    term.save()
    assert [found.meaning_en for found in terms_found("inneboende", "en")] == ["lodger"]
    term.delete()
    assert terms_found("inneboende", "sv") == []
