"""Debian's hunspell-uk as PostgreSQL's Ukrainian text search dictionary.

PostgreSQL has no Ukrainian stemmer, but its ``ispell`` template reads
Hunspell's files once they are copied, as ``<name>.affix`` and ``<name>.dict``,
into the server's ``$(pg_config --sharedir)/tsearch_data/``. ``install()``
does that (on the database server's own machine), creates the dictionary and
maps the ``portal_ukrainian`` configuration to it (unknown words then go to
``simple``), and has PostgreSQL recompute the stored Ukrainian documents.

Without the files the configuration stays a copy of ``simple`` and Ukrainian
is matched by word beginnings (``search.word_forms``); ``status()`` says which,
and the search logs it once per process.
"""

import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.db import DatabaseError, connection, transaction

from search.word_forms import UKRAINIAN_CONFIG, UKRAINIAN_DICTIONARY

logger = logging.getLogger(__name__)

#: Where Debian's hunspell-uk puts its files.
HUNSPELL_FILES = (Path("/usr/share/hunspell/uk_UA.aff"), Path("/usr/share/hunspell/uk_UA.dic"))
FILE_NAME = "portal_uk"
#: The parser's token types that hold words.
WORD_TOKENS = ("word", "hword", "hword_part")

# The stored documents that read the Ukrainian configuration.
DOCUMENT_TABLES = ("housing_info_page", "search_pagekeywords")


@dataclass(frozen=True)
class Status:
    installed: bool
    detail: str


def status():
    """Whether the Ukrainian configuration uses the hunspell dictionary, and can load it."""
    if connection.vendor != "postgresql":
        return Status(False, "not PostgreSQL: the plain search matches word beginnings")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_ts_config_map map"
            " JOIN pg_ts_config config ON config.oid = map.mapcfg"
            " JOIN pg_ts_dict dict ON dict.oid = map.mapdict"
            " WHERE config.cfgname = %s AND dict.dictname = %s",
            [UKRAINIAN_CONFIG, UKRAINIAN_DICTIONARY],
        )
        if not cursor.fetchone():
            return Status(False, "hunspell-uk is not installed: Ukrainian matches word beginnings")
        try:
            with transaction.atomic():
                cursor.execute("SELECT ts_lexize(%s, 'оренди')", [UKRAINIAN_DICTIONARY])
                lemmas = cursor.fetchone()[0]
        except DatabaseError as error:  # the files are gone or unreadable
            return Status(False, f"the dictionary cannot be loaded: {error}")
    return Status(True, f"hunspell-uk installed ('оренди' is read as {lemmas})")


def server_sharedir():
    """PostgreSQL's share directory, as the server says (superusers) or ``pg_config`` here."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")
            return Path(cursor.fetchone()[0])
    except DatabaseError:
        # Only superusers may read the pg_config view; the database may not exist yet.
        output = subprocess.run(
            ["pg_config", "--sharedir"], capture_output=True, text=True, check=True
        )
        return Path(output.stdout.strip())


def copy_files(sharedir, files=HUNSPELL_FILES):
    """Copy the hunspell files into ``sharedir``'s tsearch_data, as PostgreSQL names them."""
    affix, dictionary = files
    target = sharedir / "tsearch_data"
    shutil.copyfile(affix, target / f"{FILE_NAME}.affix")
    shutil.copyfile(dictionary, target / f"{FILE_NAME}.dict")


@transaction.atomic
def map_configuration():
    """Create the dictionary, map the Ukrainian configuration to it, recompute the documents."""
    with connection.cursor() as cursor:
        # Never dropped and created again: the configuration, and through it the
        # stored documents, depend on it. PostgreSQL reads the files afresh in
        # each new connection, so new files need no new dictionary.
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [UKRAINIAN_DICTIONARY])
        if not cursor.fetchone():
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {UKRAINIAN_DICTIONARY}"
                f" (TEMPLATE = ispell, DictFile = {FILE_NAME}, AffFile = {FILE_NAME})"
            )
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {UKRAINIAN_CONFIG}"
            f" ALTER MAPPING FOR {', '.join(WORD_TOKENS)} WITH {UKRAINIAN_DICTIONARY}, simple"
        )
        # A stored generated column is computed again on every update of its row.
        for table in DOCUMENT_TABLES:
            cursor.execute(f"UPDATE {table} SET id = id")  # noqa: S608 - fixed names


def install(files=HUNSPELL_FILES):
    """Install hunspell-uk into the database server; return the resulting ``Status``.

    Where the database does not exist yet or is not migrated, only the files
    are copied: search/migrations/0004 maps the configuration when it runs
    (so does every test database created from the migrations).
    """
    missing = [str(path) for path in files if not path.exists()]
    if missing:
        raise FileNotFoundError(", ".join(missing))
    copy_files(server_sharedir(), files)
    if not configuration_exists():
        return Status(False, "files installed; the search migrations map them when they run")
    map_configuration()
    return status()


def configuration_exists():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [UKRAINIAN_CONFIG])
            return cursor.fetchone() is not None
    except DatabaseError:
        return False


_logged = False


def note_if_degraded():
    """Log once per process when Ukrainian is matched by word beginnings only."""
    global _logged
    if _logged:
        return
    _logged = True
    current = status()
    if not current.installed:
        logger.warning("Ukrainian search without a dictionary: %s", current.detail)
