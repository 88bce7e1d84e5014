"""The test suite's flush (tests/database_reset/management/commands/flush.py)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_contact_point, make_page

# As TransactionTestCase calls it after each test that commits.
TEARDOWN = {"verbosity": 0, "interactive": False, "reset_sequences": False}
# What post_migrate makes again after a flush.
MADE_AGAIN = {ContentType, Permission}


def fill(django_user_model):
    page = make_page()
    page.contact_points.add(make_contact_point())
    django_user_model.objects.create_user(username="caseworker", password="pw")


@pytest.mark.django_db(transaction=True)
def test_every_table_is_empty_after_it_and_content_types_and_permissions_are_back(
    django_user_model,
):
    fill(django_user_model)
    call_command("flush", **TEARDOWN)
    holding_rows = [
        model._meta.label
        for model in apps.get_models(include_auto_created=True)
        if model not in MADE_AGAIN and model._default_manager.exists()
    ]
    assert holding_rows == []
    assert Permission.objects.filter(codename="change_page").exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_only_the_tables_holding_rows_are_emptied_with_delete(django_user_model):
    fill(django_user_model)
    with CaptureQueriesContext(connection) as queries:
        call_command("flush", **TEARDOWN)
    statements = [query["sql"] for query in queries.captured_queries]
    assert not [sql for sql in statements if sql.startswith("TRUNCATE")]
    deleted = {sql.split('"')[1] for sql in statements if sql.startswith("DELETE FROM")}
    assert {"housing_info_page", "housing_info_page_contact_points", "auth_user"} <= deleted
    assert "housing_info_topic" in deleted  # the page's topic, made by the factory
    assert "glossary_term" not in deleted  # empty: left alone


@pytest.mark.django_db(transaction=True)
def test_called_otherwise_it_is_djangos_own_flush():
    """Asked to reset the sequences (the fast way keeps them), it is Django's flush."""
    make_page()
    make_page()
    call_command("flush", verbosity=0, interactive=False, reset_sequences=True)
    assert make_page().pk == 1
