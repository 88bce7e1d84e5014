"""A Ukrainian text search configuration, and stored search documents of the keywords.

- ``portal_ukrainian``: created as a copy of ``simple`` (what Ukrainian used
  until now), so that it exists on every PostgreSQL; where the server already
  has hunspell-uk's files in its tsearch_data (``manage.py
  install_search_dictionaries`` puts them there), it is mapped to them here,
  as that command does for an existing database. Ukrainian's stored page
  document is rebuilt here with it.
- ``search_pagekeywords.search_document_<code>``: a stored generated column of
  each language's keywords, in the language's configuration, with a GIN
  index, and a GIN trigram index on the keywords compared without accents,
  as search/migrations/0002 does for the pages' texts.

PostgreSQL only; SQLite's plain search reads the keywords' columns directly.
"""

from django.db import DatabaseError, migrations, transaction

# Frozen here: the languages and configurations when this migration was written.
LANGUAGES = ("sv", "en", "ar", "prs", "fa", "ps", "ckb", "kmr", "so", "ti", "uk", "ru")
CONFIGS = {
    "sv": "swedish",
    "en": "english",
    "ar": "arabic",
    "ru": "russian",
    "uk": "portal_ukrainian",
}
PAGES = "housing_info_page"
KEYWORDS = "search_pagekeywords"


def page_document(code, config):
    def vector(field, weight):
        return f"setweight(to_tsvector('{config}'::regconfig, COALESCE({field}_{code}, '')), '{weight}')"

    return " || ".join(
        vector(field, weight) for field, weight in (("title", "A"), ("summary", "B"), ("body", "C"))
    )


def config_for(code, installed):
    config = CONFIGS.get(code, "simple")
    return config if config in installed else "simple"


def map_dictionary_if_installed(connection, cursor):
    """Map the configuration to hunspell-uk if the server has its files, else keep ``simple``."""
    try:
        # PostgreSQL reads the files when the dictionary is created, and refuses without them.
        with transaction.atomic(using=connection.alias):
            cursor.execute(
                "CREATE TEXT SEARCH DICTIONARY portal_uk_hunspell"
                " (TEMPLATE = ispell, DictFile = portal_uk, AffFile = portal_uk)"
            )
    except DatabaseError:  # no files, no dictionary: Ukrainian stays "simple"
        return
    cursor.execute(
        "ALTER TEXT SEARCH CONFIGURATION portal_ukrainian"
        " ALTER MAPPING FOR word, hword, hword_part WITH portal_uk_hunspell, simple"
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_ukrainian'")
        if not cursor.fetchone():
            cursor.execute("CREATE TEXT SEARCH CONFIGURATION portal_ukrainian (COPY = simple)")
            map_dictionary_if_installed(schema_editor.connection, cursor)
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        installed = {row[0] for row in cursor.fetchall()}
        cursor.execute(f"ALTER TABLE {PAGES} DROP COLUMN search_document_uk")
        cursor.execute(
            f"ALTER TABLE {PAGES} ADD COLUMN search_document_uk tsvector "
            f"GENERATED ALWAYS AS ({page_document('uk', 'portal_ukrainian')}) STORED"
        )
        cursor.execute(
            f"CREATE INDEX search_page_document_uk ON {PAGES} USING gin (search_document_uk)"
        )
        for code in LANGUAGES:
            config = config_for(code, installed)
            cursor.execute(
                f"ALTER TABLE {KEYWORDS} ADD COLUMN search_document_{code} tsvector "
                f"GENERATED ALWAYS AS (to_tsvector('{config}'::regconfig, "
                f"COALESCE(keywords_{code}, ''))) STORED"
            )
            cursor.execute(
                f"CREATE INDEX search_keywords_document_{code} ON {KEYWORDS} "
                f"USING gin (search_document_{code})"
            )
            cursor.execute(
                f"CREATE INDEX search_keywords_trgm_{code} ON {KEYWORDS} "
                f"USING gin (search_unaccent(keywords_{code}) gin_trgm_ops)"
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for code in LANGUAGES:
            cursor.execute(f"DROP INDEX search_keywords_trgm_{code}")
            cursor.execute(f"ALTER TABLE {KEYWORDS} DROP COLUMN search_document_{code}")
        cursor.execute(f"ALTER TABLE {PAGES} DROP COLUMN search_document_uk")
        cursor.execute(
            f"ALTER TABLE {PAGES} ADD COLUMN search_document_uk tsvector "
            f"GENERATED ALWAYS AS ({page_document('uk', 'simple')}) STORED"
        )
        cursor.execute(
            f"CREATE INDEX search_page_document_uk ON {PAGES} USING gin (search_document_uk)"
        )
        # The configuration stays: a dictionary mapped to it by
        # install_search_dictionaries may be in use elsewhere.


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_page_keywords"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
