"""``flush`` in the test suite: on PostgreSQL, the tables that hold rows are emptied
with DELETE instead of every table with TRUNCATE.

After each test that commits (``transaction=True``, the live server), Django's
TransactionTestCase, which pytest-django uses, empties the database with
``flush``. On PostgreSQL Django's flush TRUNCATEs every table of the portal,
which gives each table and each of its indexes a new file: 0.3 s or more a
test, longer than most of those tests take. A test that commits fills only a
few tables, and DELETE of their few rows takes milliseconds.

The result is the one Django's flush gives: every table empty (the foreign keys
Django creates on PostgreSQL are checked at the commit, so the order does not
matter), sequences left as they are (as TransactionTestCase asks), then
post_migrate sent, so the content types and permissions are there again.
Only as the test teardown calls it (not interactive, sequences kept); otherwise,
and on SQLite (whose flush is a DELETE already), Django's own.
"""

import contextlib
from importlib import import_module

from django.apps import apps
from django.core.management.commands import flush
from django.core.management.sql import emit_post_migrate_signal
from django.db import connections, transaction


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options["database"]]
        if (
            connection.vendor != "postgresql"
            or options["interactive"]
            or options.get("reset_sequences", True)
        ):
            return super().handle(**options)
        # As Django's flush: each app's management module registers its post_migrate receivers.
        for app_config in apps.get_app_configs():
            with contextlib.suppress(ImportError):
                import_module(".management", app_config.name)
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        delete_rows(connection, tables)
        if tables and not options.get("inhibit_post_migrate", False):
            emit_post_migrate_signal(options["verbosity"], False, options["database"])


def delete_rows(connection, tables):
    """Delete every row of ``tables`` in one transaction; the tables that held rows."""
    if not tables:
        return []
    # Table names from Django's introspection of its own tables, quoted.
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})"  # noqa: S608
                for table in tables
            ),
            tables,
        )
        holding_rows = [table for (table,) in cursor.fetchall()]
        for table in holding_rows:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
    return holding_rows
