"""Each page's search document per language, kept by PostgreSQL, and indexes to find it.

A search used to build every published page's text search vector (title,
summary and body, weighted A, B, C) and its trigram similarities at query
time: 12 to 14 ms of PostgreSQL's time per search at 2,000 pages. Now, per
language:

- ``housing_info_page.search_document_<code>``: a stored generated column with
  exactly the vector the search built, so PostgreSQL itself keeps it current
  on every insert and update, however the row is written (admin, import,
  ``QuerySet.update()``, raw SQL); Django's model does not know the column and
  never reads it;
- a GIN index on it, and GIN trigram indexes on the title, summary and body
  compared without accents (``search_unaccent``, an immutable wrapper of
  ``unaccent`` with its dictionary named, which an index needs).

PostgreSQL only; SQLite keeps its plain search. A later migration that changes
the type of a ``title_``, ``summary_`` or ``body_`` column must drop the
language's column first and add it again (PostgreSQL refuses to alter a column
a generated column reads); a new language needs its own column and indexes
(``add_language_sql``).
"""

from django.db import migrations

# Frozen here: the languages served and PostgreSQL's configurations when this
# migration was written (search.queries.TEXT_SEARCH_CONFIGS at the time).
LANGUAGES = ("sv", "en", "ar", "prs", "fa", "ps", "ckb", "kmr", "so", "ti", "uk", "ru")
CONFIGS = {"sv": "swedish", "en": "english", "ar": "arabic", "ru": "russian"}
TABLE = "housing_info_page"
TRIGRAM_FIELDS = ("title", "summary", "body")


def installed_configs(cursor):
    cursor.execute("SELECT cfgname FROM pg_ts_config")
    return {row[0] for row in cursor.fetchall()}


def add_language_sql(code, config):
    """The statements that add ``code``'s stored document and its indexes."""

    def vector(field, weight):
        return f"setweight(to_tsvector('{config}'::regconfig, COALESCE({field}_{code}, '')), '{weight}')"

    document = " || ".join(
        vector(field, weight) for field, weight in (("title", "A"), ("summary", "B"), ("body", "C"))
    )
    statements = [
        f"ALTER TABLE {TABLE} ADD COLUMN search_document_{code} tsvector "
        f"GENERATED ALWAYS AS ({document}) STORED",
        f"CREATE INDEX search_page_document_{code} ON {TABLE} "
        f"USING gin (search_document_{code})",
    ]
    statements += [
        f"CREATE INDEX search_page_{field}_trgm_{code} ON {TABLE} "
        f"USING gin (search_unaccent({field}_{code}) gin_trgm_ops)"
        for field in TRIGRAM_FIELDS
    ]
    return statements


def add_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'"
        )
        schema = cursor.fetchone()[0]
        # unaccent() is only STABLE (its dictionary could change); naming the
        # dictionary makes the result depend on the text alone, as an index needs.
        cursor.execute(
            "CREATE FUNCTION search_unaccent(text) RETURNS text "
            "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
            f"AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$"
        )
        installed = installed_configs(cursor)
        for code in LANGUAGES:
            config = CONFIGS.get(code, "simple")
            for statement in add_language_sql(code, config if config in installed else "simple"):
                cursor.execute(statement)


def remove_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for code in LANGUAGES:
            # Dropping the column drops its index; the trigram indexes go with the function.
            cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN search_document_{code}")
        cursor.execute("DROP FUNCTION search_unaccent(text) CASCADE")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_trigram_and_unaccent_extensions"),
        ("housing_info", "0003_record_existing_language_versions"),
    ]

    operations = [migrations.RunPython(add_documents, remove_documents)]
