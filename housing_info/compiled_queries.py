"""Querysets turned into SQL once, then only run.

Django builds a queryset's SQL afresh each time it is evaluated. For the
translated models that was most of the time it took to read a page: each
translated field has a column per language, django-modeltranslation rewrites
every field name, and the compiler walks some forty columns, which took about
four times as long as PostgreSQL took to answer. A ``CompiledQuery`` does that
work once, keeps the SQL and how its columns become model instances (as
Django's own ``ModelIterable`` does, ``select_related`` included), and from
then on only sends the SQL with a new value.

It is for the few lookups every public page makes, whose shape never changes
between requests: at most one value varies (a slug, a page's id). The value is
given when the queryset is built as a ``marker`` that occurs once among the
query's parameters and is replaced on each run. Annotations become attributes
of the model instances, as Django sets them; a ``values_list()`` queryset gives
rows (``CompiledRows``), annotations included.
The compiled queries are kept per thread, as Django keeps a database connection
per thread, and per language, since django-modeltranslation orders by the
active language's columns.
"""

import threading

from django.db import connections
from django.db.models.query import get_related_populators
from django.utils import translation


class CompiledQuery:
    """A queryset's SQL and row-to-instance plan, run with one varying value."""

    def __init__(self, queryset, marker):
        self.db = queryset.db
        compiler = queryset.query.get_compiler(using=self.db)
        self.sql, self.params, self.slot = _sql(compiler, marker)
        select, klass_info = compiler.select, compiler.klass_info
        # Each annotation's name and column, set on the instance as Django's ModelIterable does.
        self.annotations = tuple(compiler.annotation_col_map.items())
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.related_populators = get_related_populators(klass_info, select, self.db)
        self.compiler = compiler
        self.converters = compiler.get_converters([column[0] for column in select])

    def __call__(self, value=None):
        """The model instances the queryset would give with ``value`` for the marker."""
        rows = _run(self, value)
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        instances = []
        for row in rows:
            instance = self.model.from_db(self.db, self.init_list, row[self.start : self.end])
            for populator in self.related_populators:
                populator.populate(row, instance)
            for name, column in self.annotations:
                setattr(instance, name, row[column])
            instances.append(instance)
        return instances


class CompiledRows:
    """A ``values_list()`` queryset's SQL, run with at most one varying value.

    Gives each row as a dict of the queryset's names (fields and annotations).
    """

    def __init__(self, queryset, marker):
        self.db = queryset.db
        compiler = queryset.query.get_compiler(using=self.db)
        self.sql, self.params, self.slot = _sql(compiler, marker)
        select = compiler.select[: compiler.col_count]
        # Each column's alias, in the SQL's order, whatever values_list() was given.
        self.names = tuple(alias for _expression, _sql, alias in select)
        self.compiler = compiler
        self.converters = compiler.get_converters([column[0] for column in select])

    def __call__(self, value=None):
        rows = _run(self, value)
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        return [dict(zip(self.names, row, strict=True)) for row in rows]


def _sql(compiler, marker):
    """The SQL, its parameters and where the marker is among them (None: no marker)."""
    sql, params = compiler.as_sql()
    params = tuple(params)
    if marker is None:
        return sql, params, None
    if params.count(marker) != 1:
        raise ValueError("The marker must occur exactly once among the query's parameters.")
    return sql, params, params.index(marker)


def _run(compiled_query, value):
    params = list(compiled_query.params)
    if compiled_query.slot is not None:
        params[compiled_query.slot] = value
    with connections[compiled_query.db].cursor() as cursor:
        cursor.execute(compiled_query.sql, params)
        return cursor.fetchall()


# A compiled query holds its thread's connection: each thread compiles its own,
# and they go when the thread does.
class _PerThread(threading.local):
    def __init__(self):
        self.queries = {}


_compiled = _PerThread()


def compiled(build, language, using="default"):
    """The ``CompiledQuery`` (or ``CompiledRows``) of ``build(language)``, compiled on first use.

    ``build`` returns ``(queryset, marker)``, the marker None when nothing
    varies; it is called, and the queryset compiled, with ``language`` active.
    """
    key = (using, build, language)
    query = _compiled.queries.get(key)
    if query is None:
        with translation.override(language):
            queryset, marker = build(language)
            kind = CompiledRows if queryset.query.values_select else CompiledQuery
            query = _compiled.queries[key] = kind(queryset.using(using), marker)
    return query
