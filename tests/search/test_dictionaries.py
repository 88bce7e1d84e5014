"""Ukrainian word forms through hunspell-uk, and the search without it."""

import logging
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from search import dictionaries
from search.postgres_queries import text_search_setup
from search.queries import search_pages
from tests.factories import make_page

pytestmark = pytest.mark.django_db


def require_hunspell_files():
    """Skip where Debian's hunspell-uk is missing; CI installs it and must not skip."""
    missing = [path for path in dictionaries.HUNSPELL_FILES if not path.exists()]
    if missing and not os.environ.get("CI"):
        pytest.skip("apt-get install hunspell-uk")
    assert not missing, missing


@pytest.fixture
def fresh_setup():
    text_search_setup.cache_clear()
    dictionaries._logged = False
    yield
    text_search_setup.cache_clear()
    dictionaries._logged = False


@pytest.mark.postgres
def test_the_command_installs_hunspell_uk_and_ukrainian_word_forms_then_match(fresh_setup):
    require_hunspell_files()
    page = make_page(title_uk="Сплачуйте оренду вчасно", body_uk="<p>Оренда щомісяця.</p>")
    call_command("install_search_dictionaries", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("install_search_dictionaries", "--check", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert dictionaries.status().installed
    with connection.cursor() as cursor:
        cursor.execute("SELECT ts_lexize(%s, 'оренди')", [dictionaries.UKRAINIAN_DICTIONARY])
        assert cursor.fetchone()[0] == ["оренда"]
    # The stored document was computed again with the dictionary.
    assert search_pages("орендою", "uk").pages == [page]


@pytest.mark.postgres
def test_without_the_dictionary_ukrainian_is_matched_by_word_beginnings_and_logged(
    fresh_setup, caplog
):
    with connection.cursor() as cursor:
        # As on a server without the files; undone with the test's transaction.
        cursor.execute(
            "ALTER TEXT SEARCH CONFIGURATION portal_ukrainian"
            " ALTER MAPPING FOR word, hword, hword_part WITH simple"
        )
    page = make_page(title_uk="Сплачуйте оренду вчасно", body_uk="<p>Оренда щомісяця.</p>")
    assert not dictionaries.status().installed
    with pytest.raises(CommandError):
        call_command("install_search_dictionaries", "--check")
    with caplog.at_level(logging.WARNING, logger="search.dictionaries"):
        assert search_pages("оренди", "uk").pages == [page]
        search_pages("оренди", "uk")
    assert caplog.text.count("Ukrainian search without a dictionary") == 1


def test_the_command_refuses_a_database_that_is_not_postgresql():
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("install_search_dictionaries")
