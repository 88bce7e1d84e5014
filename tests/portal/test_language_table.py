"""Everything a row of the language table needs besides the row itself.

Each check names the language and what it lacks, so that someone adding a
language (docs/adding-a-language.md) learns the next step from the failure.
"""

import re
from pathlib import Path

import polib
import pytest
from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.db import connection
from django.utils import formats, translation
from modeltranslation.translator import translator

from housing_info.models import Page
from portal.languages import BROWSER_TAGS, BY_CODE, PORTAL_LANGUAGES, direction
from sharing.fonts import fontconfig_language

ROOT = Path(settings.BASE_DIR)
STYLESHEET = ROOT / "static" / "css" / "portal.css"
CODES = [language.code for language in PORTAL_LANGUAGES]
# Scripts whose letters the system Latin font stack lacks on common phones.
SCRIPTS_WITH_A_FONT_STACK = {"Arab", "Ethi"}


@pytest.mark.parametrize("code", CODES)
def test_the_language_has_both_catalogues(code):
    for domain in ("django", "djangojs"):
        catalogue = ROOT / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
        assert catalogue.exists(), f"{code}: no catalogue {catalogue.relative_to(ROOT)}"


@pytest.mark.parametrize("code", CODES)
def test_the_catalogue_translates_the_portal(code):
    """A message every public page shows is translated (the messages are written in English).

    Without a catalogue Django falls back to the default language's, so the
    text must differ from the Swedish one too.
    """
    if code == "en":
        return
    message = "Skip to main content"
    with translation.override("sv"):
        swedish = translation.gettext(message)
    with translation.override(code):
        shown = translation.gettext(message)
    assert shown != message and (code == "sv" or shown != swedish), (
        f"{code}: the catalogue does not translate the public pages "
        "(compile it with manage.py compile_catalogues)"
    )


@pytest.mark.parametrize("code", CODES)
def test_every_catalogue_names_the_language(code):
    """The row's English name is a message, translated, in every served language's catalogue."""
    name = BY_CODE[code].name
    lacking = []
    for other in CODES:
        catalogue = ROOT / "locale" / other / "LC_MESSAGES" / "django.po"
        if not catalogue.exists():
            continue  # test_the_language_has_both_catalogues names it
        entry = polib.pofile(str(catalogue)).find(name)
        if entry is None or not entry.msgstr:
            lacking.append(other)
    assert not lacking, (
        f"{code}: the catalogues of {', '.join(lacking)} do not translate the name {name!r}: "
        "append it to the end of each"
    )


@pytest.mark.parametrize("code", CODES)
def test_cldr_has_dates_for_the_language(code):
    locale = BY_CODE[code].cldr_locale
    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        pytest.fail(f"{code}: CLDR (Babel) has no locale {locale!r}; set the row's cldr")


@pytest.mark.parametrize("code", CODES)
def test_django_has_formats_for_the_language(code):
    """The staff admin writes dates with Django's formats: Django's own or portal/formats/."""
    with translation.override(code):
        module_paths = [module.__name__ for module in formats.get_format_modules(code)]
    assert module_paths, (
        f"{code}: neither Django nor portal/formats/{code}/formats.py has date formats"
    )


@pytest.mark.parametrize("code", CODES)
def test_the_stylesheet_has_a_font_stack_for_the_script(code):
    row = BY_CODE[code]
    if row.script not in SCRIPTS_WITH_A_FONT_STACK:
        return
    rules = [
        line
        for line in STYLESHEET.read_text(encoding="utf-8").splitlines()
        if "font-family" in line
    ]
    assert any(re.search(rf":lang\({code}\)", line) for line in rules), (
        f"{code}: {STYLESHEET.relative_to(ROOT)} has no :lang({code}) font-family line "
        f"for the {row.script} script"
    )


@pytest.mark.parametrize("code", CODES)
def test_direction_follows_the_row(code):
    assert direction(code) == ("rtl" if BY_CODE[code].bidi else "ltr")
    with translation.override(code):
        assert translation.get_language_bidi() is BY_CODE[code].bidi, (
            f"{code}: Django's LANGUAGES_BIDI disagrees with the row"
        )


def test_browser_tags_reach_served_languages_only():
    for tag, code in BROWSER_TAGS.items():
        assert code in BY_CODE
        assert tag == tag.lower(), f"browser tag {tag!r} must be lower case"


def test_pdf_fonts_use_the_rows_fontconfig_tag():
    assert fontconfig_language("prs") == "fa"
    assert fontconfig_language("sv") == "sv"


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_every_translated_model_has_columns_for_the_language(code):
    """Translated fields need a column per language: a migration in each app that has them."""
    missing = []
    with connection.cursor() as cursor:
        for model in translator.get_registered_models():
            if model._meta.proxy or not model._meta.managed:
                continue
            columns = {
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, model._meta.db_table
                )
            }
            options = translator.get_options_for_model(model)
            for field_name in options.fields:
                column = f"{field_name}_{code.replace('-', '_')}"
                if column not in columns:
                    missing.append(f"{model._meta.label}.{column}")
    assert not missing, (
        f"{code}: no database column for {', '.join(missing)}: "
        "run manage.py makemigrations for each app listed and commit the migrations"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_postgresql_has_the_rows_text_search_configuration(code):
    if connection.vendor != "postgresql":
        pytest.skip("text search configurations are PostgreSQL's")
    config = BY_CODE[code].text_search
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [config])
        assert cursor.fetchone(), f"{code}: PostgreSQL has no text search configuration {config!r}"


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_postgresql_has_the_languages_stored_search_document(code):
    """Search on PostgreSQL reads a generated column per language that no model declares."""
    if connection.vendor != "postgresql":
        pytest.skip("stored search documents are PostgreSQL's")
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, Page._meta.db_table
            )
        }
    assert f"search_document_{code}" in columns, (
        f"{code}: no stored search document {Page._meta.db_table}.search_document_{code}: "
        "add a search migration that runs add_language_sql() for it "
        "(docs/adding-a-language.md, step 5)"
    )
