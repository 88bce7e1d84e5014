import pytest
from django.db import connection

from search.queries import (
    TEXT_SEARCH_CONFIGS,
    installed_text_search_configs,
    query_words,
    readable_pages,
    search_pages,
    text_search_config,
)
from tests.factories import make_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("hyra i andra hand", ["hyra", "i", "andra", "hand"]),
        ("سجّل في طابور", ["سجّل", "في", "طابور"]),  # the shadda stays inside the word
        ("መሰጋገሪ፡ገዛ", ["መሰጋገሪ", "ገዛ"]),  # Ethiopic word space separates
        ("rent' & !(boplats):* <-> x|y", ["rent", "boplats", "x", "y"]),
        ("   ", []),
    ],
)
def test_query_words_keep_words_whole_and_drop_operators(query, words):
    assert query_words(query) == words


def test_at_most_ten_words_are_searched():
    assert len(query_words("ord " * 30)) == 10


def test_only_published_pages_written_in_the_language_are_readable():
    readable = make_page()
    make_page(published=False)
    make_page(title_ar="", body_ar="")
    make_page(body_ar=None)
    assert list(readable_pages("ar")) == [readable]


def test_unpublished_pages_are_never_found():
    make_page(published=False, title_en="Secret housing plan", body_en="<p>Secret</p>")
    outcome = search_pages("secret", "en")
    assert outcome.pages == []


def test_untranslated_page_is_found_through_swedish_and_english():
    page = make_page(title_ti="", body_ti="", title_en="Home insurance")
    outcome = search_pages("insurance", "ti")
    assert outcome.fell_back and outcome.pages == [page]


def test_a_search_without_words_finds_nothing():
    make_page()
    assert search_pages("?!", "sv").pages == []


def test_search_with_results_in_the_readers_language_does_not_fall_back():
    page = make_page()
    outcome = search_pages("السكن", "ar")
    assert (outcome.pages, outcome.languages, outcome.fell_back) == ([page], ("ar",), False)


@pytest.mark.postgres
def test_postgres_has_the_configurations_we_use_and_pg_trgm():
    assert set(TEXT_SEARCH_CONFIGS.values()) <= installed_text_search_configs()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("code", "config"),
    [("sv", "swedish"), ("en", "english"), ("ar", "arabic"), ("ru", "russian"),
     ("uk", "simple"), ("ti", "simple"), ("prs", "simple")],
)  # fmt: skip
def test_each_language_uses_its_own_configuration_or_simple(code, config):
    assert text_search_config(code) == config


@pytest.mark.postgres
def test_swedish_stemming_finds_other_forms_of_a_word():
    page = make_page(title_sv="Lägenheter i Göteborg", body_sv="<p>Många lägenheter.</p>")
    assert search_pages("lägenhet", "sv").pages == [page]


def test_a_whole_question_finds_pages_with_some_of_its_words():
    page = make_page(title_so="Safka guryaha ee Boplats", body_so="<p>Is diiwaangeli maanta.</p>")
    make_page(title_so="Caymiska guriga", body_so="<p>Caymis.</p>")
    outcome = search_pages("sidee baan isugu diiwaangeliyaa safka", "so")
    assert not outcome.fell_back
    assert outcome.pages[0] == page


def test_when_every_word_matches_pages_with_only_some_are_left_out():
    both = make_page(title_en="Pay the rent", body_en="<p>Rent is paid monthly.</p>")
    make_page(title_en="Rent a room", body_en="<p>Lodging.</p>")
    assert search_pages("pay rent", "en").pages == [both]
