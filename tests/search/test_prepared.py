"""The search statement is prepared once per connection and planned once (PostgreSQL)."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test.utils import CaptureQueriesContext

from housing_info.models import Page
from search.postgres_queries import search_statement
from search.prepared import execute_statement, fetch_instances, prepared
from search.queries import search_pages
from tests.factories import make_page

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def total(statement, a, b):
    sql, values = execute_statement(statement, {"a": a, "b": b})
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchone()[0]


def statement_verbs(queries):
    return [query["sql"].split()[0] for query in queries]


def test_a_statement_is_prepared_once_then_only_executed_with_new_values():
    # Its own text: prepared by this test only, whatever ran before on the connection.
    statement = prepared(
        "test_sum", "SELECT %(a)s + %(b)s * 10 + %(a)s", {"a": "integer", "b": "integer"}
    )
    assert statement.parameters == ("a", "b")
    with CaptureQueriesContext(connection) as queries:
        assert [total(statement, 1, 2), total(statement, 3, 4)] == [22, 46]
    assert statement_verbs(queries) == ["PREPARE", "EXECUTE", "EXECUTE"]
    assert statement.name in queries[0]["sql"] and "%" not in queries[0]["sql"]


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_the_statement_again():
    statement = prepared("test_again", "SELECT %(a)s + %(b)s", {"a": "integer", "b": "integer"})
    assert total(statement, 1, 2) == 3
    connection.close()  # as Django does after CONN_MAX_AGE, or when the server went away
    with CaptureQueriesContext(connection) as queries:
        assert total(statement, 3, 4) == 7
    assert statement_verbs(queries) == ["PREPARE", "EXECUTE"]


@pytest.mark.django_db(transaction=True)
def test_a_connection_replaced_after_a_failed_health_check_prepares_it_again(monkeypatch):
    statement = prepared("test_health", "SELECT %(a)s - %(b)s", {"a": "integer", "b": "integer"})
    assert total(statement, 3, 1) == 2
    # The first query of the next request finds the server gone: Django reconnects.
    wrapper = connections[DEFAULT_DB_ALIAS]
    monkeypatch.setattr(wrapper, "health_check_enabled", True)
    monkeypatch.setattr(wrapper, "health_check_done", False)
    monkeypatch.setattr(type(wrapper), "is_usable", lambda self: False)
    assert total(statement, 5, 1) == 4
    assert total(statement, 9, 1) == 8


def test_postgres_plans_the_search_once_for_every_value():
    """With ``plan_cache_mode = force_generic_plan``: never again for the next search's words."""
    page = make_page(title_sv="Boplats Göteborg", body_sv="<p>Ställ dig i bostadskön.</p>")
    with CaptureQueriesContext(connection) as queries:
        for query in ("boplats", "bostadskö", "bopplats", "boplats kö", "göteborg", "ställ"):
            assert search_pages(query, "sv").pages == [page], query
    assert statement_verbs(queries)[-1] == "EXECUTE"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = %s",
            [search_statement("sv").name],
        )
        generic, custom = cursor.fetchone()
    assert (generic >= 6, custom) == (True, 0)


def test_instances_are_made_as_raw_makes_them():
    """Fields in any column order, the others deferred, converted (JSON), extras as attributes."""
    page = make_page()
    sql = (
        'SELECT "title_sv", "language_versions", "topic_id", "id", 1 AS extra'
        " FROM housing_info_page WHERE id = %s"
    )
    [fetched] = fetch_instances(Page, sql, [page.pk])
    [raw] = Page.objects.raw(sql, [page.pk])
    assert {**vars(fetched), "_state": None} == {**vars(raw), "_state": None}
    assert fetched.get_deferred_fields() == raw.get_deferred_fields()
    assert (fetched.extra, fetched.topic_id) == (1, page.topic_id)
    assert isinstance(fetched.language_versions, dict)
    assert fetched._state.db == "default" and not fetched._state.adding
