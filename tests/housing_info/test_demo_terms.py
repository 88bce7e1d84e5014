"""The City's terms are written one way in each language, in every demo text.

Each ``housing_info/demo/<code>.json`` names, under ``"city_terms"``, how six
Swedish names are written in that language: ``use`` is the one spelling (a
stem found in every inflected form, such as Ukrainian "Гетебор" for Гетеборг,
Гетеборга, Гетеборзі) and ``avoid`` lists spellings that must not appear.
Wherever a Swedish text (page, topic, contact, pathway step, glossary entry,
question flow) contains the Swedish term, the same text in the other language
must contain its ``use`` spelling, so a reader meets one name for one place or
authority on every page, in the glossary and in "What applies to me?".
"""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from portal.languages import PORTAL_LANGUAGES, SOURCE_LANGUAGE

ROOT = Path(settings.BASE_DIR)
DEMO_DIR = ROOT / "housing_info" / "demo"
GLOSSARY_DIR = ROOT / "glossary" / "seed"
FLOW_DIR = ROOT / "smart_answers" / "demo"

CITY_TERMS = (
    "Göteborg",
    "Boplats",
    "Migrationsverket",
    "Försäkringskassan",
    "Skatteverket",
    "Hyresgästföreningen",
)

# Organisations whose Swedish name contains a city term and that a translation
# may write as in Swedish, usually with an explanation: where the translation
# keeps the name, that occurrence of the term needs no translated spelling.
KEPT_NAMES = (
    "Göteborgs Stads kontaktcenter",
    "Göteborgs Rättighetscenter",
    "Hyresnämnden i Göteborg",
    "Boplats Göteborg",
    "Konsument Göteborg",
    "Göteborgs Stad",
)

LANGUAGES = [language.code for language in PORTAL_LANGUAGES]
TAG = re.compile(r"<[^>]+>")


def read(path):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def visible(text):
    """The words a reader sees: tags and their attributes (link addresses) left out."""
    return TAG.sub(" ", text)


def texts(code):
    """Every demo text in one language, as {(file, section, key, field): text}."""
    found = {}
    demo = read(DEMO_DIR / f"{code}.json")
    for section in ("topics", "contacts", "pages", "pathway"):
        for key, record in demo.get(section, {}).items():
            for field, text in record.items():
                found[("housing_info", section, key, field)] = text
    for key, record in read(GLOSSARY_DIR / f"{code}.json").items():
        for field, text in record.items():
            found[("glossary", "terms", key, field)] = text
    for section, records in read(FLOW_DIR / f"{code}.json").items():
        for key, record in records.items():
            for field, text in record.items():
                found[("smart_answers", section, key, field)] = text
    return {item: visible(text) for item, text in found.items() if isinstance(text, str)}


def city_terms(code):
    return read(DEMO_DIR / f"{code}.json").get("city_terms", {})


def without_kept_names(source, translation):
    """The Swedish text without the organisation names the translation keeps as they are."""
    for name in KEPT_NAMES:
        if name in translation:
            source = source.replace(name, "")
    return source


def describe(item):
    file, section, key, field = item
    return f"{file} {section}/{key}/{field}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_names_its_spelling_of_each_city_term(code):
    terms = city_terms(code)
    assert terms, f"{code}: housing_info/demo/{code}.json has no city_terms"
    missing = [term for term in CITY_TERMS if term not in terms]
    assert not missing, f"{code}: city_terms lacks {', '.join(missing)}"
    for term in CITY_TERMS:
        entry = terms[term]
        assert isinstance(entry.get("use"), str) and entry["use"].strip(), (
            f"{code}: city_terms[{term!r}] has no 'use' spelling"
        )
        assert isinstance(entry.get("avoid"), list), (
            f"{code}: city_terms[{term!r}]['avoid'] must be a list"
        )
        assert entry["use"].casefold() not in [s.casefold() for s in entry["avoid"]], (
            f"{code}: city_terms[{term!r}] avoids its own 'use' spelling"
        )


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_text_whose_swedish_names_a_city_term_uses_the_one_spelling(code):
    terms = city_terms(code)
    assert terms, f"{code}: housing_info/demo/{code}.json has no city_terms"
    source = texts(SOURCE_LANGUAGE)
    problems = []
    for item, translation in texts(code).items():
        swedish = without_kept_names(source.get(item, ""), translation).casefold()
        for term in CITY_TERMS:
            use = terms.get(term, {}).get("use", "")
            if term.casefold() in swedish and use.casefold() not in translation.casefold():
                problems.append(f"{code}: {describe(item)}: Swedish says {term}, no {use!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_text_uses_a_spelling_to_avoid(code):
    terms = city_terms(code)
    assert terms, f"{code}: housing_info/demo/{code}.json has no city_terms"
    problems = []
    for item, text in texts(code).items():
        for term, entry in terms.items():
            for spelling in entry.get("avoid", []):
                if spelling.casefold() in text.casefold():
                    problems.append(
                        f"{code}: {describe(item)}: {spelling!r} for {term}, "
                        f"write {entry.get('use')!r}"
                    )
    assert not problems, "\n".join(problems)


def test_a_kept_organisation_name_excuses_only_its_own_occurrence():
    swedish = "Du kommer till Göteborg. Registrera dig hos Boplats Göteborg."
    kept = without_kept_names(swedish, "Register with Boplats Göteborg.")
    assert "göteborg" in kept.casefold()
    assert "göteborg" not in without_kept_names("Hos Boplats Göteborg.", "Boplats Göteborg")
    assert "göteborg" in without_kept_names("Hos Boplats Göteborg.", "Boplats").casefold()
