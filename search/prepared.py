"""Statements PostgreSQL plans once per connection, not once per search.

The search (``search.postgres_queries``) is one long statement over two or
three languages. Planning it took PostgreSQL longer than running it (at 2,000
pages, a search for "boplats": about 2-5 ms of planning, under 1 ms of
execution), and it planned it afresh for every search. Here it is prepared
once per database connection (``PREPARE``) and each search only runs it
(``EXECUTE`` with the search's values); the connection setting
``plan_cache_mode = force_generic_plan`` (``portal/settings/base.py``) has
PostgreSQL keep one plan for every value instead of planning again for each
one. Prepared statements last as long as their connection (Django keeps it for
``CONN_MAX_AGE``), and survive a rolled-back transaction; a changed table is
planned again by PostgreSQL itself.

A statement's name holds a hash of its text: another text, another statement.
"""

import hashlib
import re
import weakref
from dataclasses import dataclass
from functools import cache

from django.db import connection

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")

# {psycopg connection: names of the statements prepared on it}. A new
# connection (Django closes and opens them) starts with none.
_prepared_on = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Prepared:
    name: str
    statement: str  # PREPARE name (types) AS ...
    parameters: tuple  # the names of $1, $2 ...


def prepared(prefix, sql, types):
    """``sql`` (``%(name)s`` placeholders, ``%%`` for %) to prepare as ``prefix``_<hash>.

    ``types``: {placeholder name: PostgreSQL type of its value}.
    """
    names = []

    def number(match):
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"${names.index(match.group(1)) + 1}"

    body = _PLACEHOLDER.sub(number, sql).replace("%%", "%")
    name = f"{prefix}_{hashlib.sha256(body.encode()).hexdigest()[:16]}"
    declared = ", ".join(types[parameter] for parameter in names)
    return Prepared(name, f"PREPARE {name} ({declared}) AS {body}", tuple(names))


def execute_statement(statement, params):
    """The ``EXECUTE`` of ``statement`` with ``params`` ({name: value}), and its values.

    Prepares it first on this connection if it is not yet.
    """
    # The cursor first: Django may replace a connection that failed its health
    # check there, and the statement must be prepared on the one that runs it.
    with connection.cursor() as cursor:
        names = _prepared_on.setdefault(connection.connection, set())
        if statement.name not in names:
            cursor.execute(statement.statement)
            names.add(statement.name)
    values = [params[name] for name in statement.parameters]
    return f"EXECUTE {statement.name} ({', '.join(['%s'] * len(values))})", values


def fetch_instances(model, sql, values):
    """Instances of ``model`` for the rows of ``sql``, its other columns as attributes.

    As ``model.objects.raw(sql, values)`` makes them, without working out
    again for every query which column is which field (half the CPU time of
    reading a search's results).
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        rows = cursor.fetchall()
        reading = row_reading(model, tuple(column.name for column in cursor.description))
    return [reading.instance(row) for row in rows]


@dataclass(frozen=True)
class RowReading:
    model: type
    names: tuple  # the fields' attribute names, in the model's order
    positions: tuple  # where each is in the row
    others: tuple  # (position, name) of the other columns
    converters: tuple  # (position, converters, column) where the field converts its value

    def instance(self, row):
        row = list(row)
        for position, converters, column in self.converters:
            for converter in converters:
                row[position] = converter(row[position], column, connection)
        instance = self.model.from_db(
            connection.alias, self.names, [row[position] for position in self.positions]
        )
        for position, name in self.others:
            setattr(instance, name, row[position])
        return instance


@cache
def row_reading(model, columns):
    """How a row of ``columns`` makes a ``model`` (once per process, model and columns)."""
    fields = [field for field in model._meta.concrete_fields if field.column in columns]
    converters = []
    for field in fields:
        column = field.get_col(model._meta.db_table)
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if found:
            converters.append((columns.index(field.column), tuple(found), column))
    known = {field.column for field in fields}
    return RowReading(
        model=model,
        names=tuple(field.attname for field in fields),
        positions=tuple(columns.index(field.column) for field in fields),
        others=tuple(
            (position, name) for position, name in enumerate(columns) if name not in known
        ),
        converters=tuple(converters),
    )
