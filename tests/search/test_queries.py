import pytest
from django.db import connection

from search.postgres_queries import (
    TRIGRAM_THRESHOLD,
    search_params,
    search_sql,
    search_statement,
    text_search_config,
    text_search_setup,
)
from search.prepared import execute_statement
from search.queries import query_words, search_pages
from search.results import page_results
from search.word_forms import SNOWBALL_CONFIGS
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


def test_a_page_not_written_in_any_of_the_readers_languages_is_not_found():
    make_page(
        title_en="", body_en="", title_sv="Hemförsäkring", body_sv="", title_ti="", body_ti=""
    )
    assert search_pages("hemförsäkring", "ti").pages == []


def test_unpublished_pages_are_never_found():
    make_page(published=False, title_en="Secret housing plan", body_en="<p>Secret</p>")
    outcome = search_pages("secret", "en")
    assert outcome.pages == []


def test_untranslated_page_is_found_through_swedish_and_english():
    page = make_page(title_ti="", body_ti="", title_en="Home insurance")
    outcome = search_pages("insurance", "ti")
    assert outcome.pages == [page]


def test_a_search_without_words_finds_nothing():
    make_page()
    assert search_pages("?!", "sv").pages == []


def test_a_search_reads_the_readers_language_then_english_and_swedish():
    page = make_page()
    outcome = search_pages("السكن", "ar")
    assert (outcome.pages, outcome.languages) == ([page], ("ar", "en", "sv"))


@pytest.mark.postgres
def test_postgres_has_the_configurations_we_use_and_pg_trgm():
    assert {*SNOWBALL_CONFIGS.values(), "portal_ukrainian"} <= text_search_setup().configs
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("code", "config"),
    [("sv", "swedish"), ("en", "english"), ("ar", "arabic"), ("ru", "russian"),
     ("uk", "portal_ukrainian"), ("ti", "simple"), ("prs", "simple")],
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
    assert outcome.pages[0] == page


def test_when_every_word_matches_pages_with_only_some_are_left_out():
    both = make_page(title_en="Pay the rent", body_en="<p>Rent is paid monthly.</p>")
    make_page(title_en="Rent a room", body_en="<p>Lodging.</p>")
    assert search_pages("pay rent", "en").pages == [both]


def test_a_search_reads_its_pages_with_one_query(django_assert_num_queries):
    page = make_page()
    search_pages("warm up", "ar")  # once per process: PostgreSQL's text search configurations
    with django_assert_num_queries(1):
        assert search_pages("السكن", "ar").pages == [page]


def test_a_search_over_three_languages_reads_what_its_reader_is_shown_with_one_query(
    django_assert_num_queries,
):
    page = make_page(title_ti="", body_ti="", title_en="Home insurance")
    search_pages("warm up", "ti")
    with django_assert_num_queries(1):  # Tigrinya, English and Swedish at once
        outcome = search_pages("insurance", "ti")
    with django_assert_num_queries(0):
        results = page_results(outcome.pages, "ti")
    assert [(result.page, result.language, result.title) for result in results] == [
        (page, "en", "Home insurance")
    ]


@pytest.mark.postgres
def test_postgres_search_reads_the_stored_document_and_the_trigram_indexes():
    sql = search_sql("ar")
    for code in ("ar", "en", "sv"):
        assert f'WHERE "search_document_{code}" @@' in sql
        assert f'(SELECT search_unaccent(%(typed)s)) <<%% search_unaccent("body_{code}")' in sql
    assert "to_tsvector" not in sql


def trigram_index_scans(query, code):
    """How many trigram comparisons of texts PostgreSQL ran, and how many it planned."""
    words = query_words(query)
    # The plan PostgreSQL keeps for the prepared search, as every search runs it.
    sql, values = execute_statement(search_statement(code), search_params(words, code, limit=20))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, values)
        plan = cursor.fetchone()[0]
    scans = []

    def walk(node):
        # Through a trigram index, or (on a small table) a scan filtered by the operator.
        conditions = (node.get(key, "") for key in ("Index Cond", "Filter"))
        if "Scan" in node["Node Type"] and any("<<%" in c or "%>>" in c for c in conditions):
            scans.append(node.get("Actual Loops", 0))
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    return sum(1 for loops in scans if loops), len(scans)


@pytest.mark.postgres
def test_trigram_indexes_are_read_only_when_a_word_is_in_no_text():
    page = make_page(title_sv="Boplats Göteborg", body_sv="<p>Ställ dig i bostadskön.</p>")
    search_pages("warm up", "sv")
    # Every word is in a text (as written, or as a form of it): no trigram index is read.
    read, planned = trigram_index_scans("boplats bostadskö", "sv")
    assert planned and not read
    assert search_pages("boplats bostadskö", "sv").pages == [page]
    # A misspelt word makes the search read them all, and still finds the page.
    read, planned = trigram_index_scans("boplats bostadsköö", "sv")
    assert read == planned > 0
    assert search_pages("bopplats", "sv").pages == [page]


@pytest.mark.postgres
def test_the_trigram_operator_threshold_is_the_searchs():
    """The index finds pages at pg_trgm's threshold; fewer than ours would be missed."""
    search_pages("warm up", "sv")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('pg_trgm.strict_word_similarity_threshold')")
        assert float(cursor.fetchone()[0]) <= TRIGRAM_THRESHOLD
