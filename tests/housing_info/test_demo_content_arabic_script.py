"""Demo content in Arabic, Dari, Persian and Pashto: complete, same markup, one spelling per term.

The Swedish files are the source. Each of these languages carries every page,
the question flow and the glossary; page bodies keep the Swedish markup; and
each language's ``city_terms`` table (in ``housing_info/demo/<code>.json``)
names the one spelling of the City's proper names that its texts use.
"""

import json
import re
from html.parser import HTMLParser

import pytest

from glossary.seeding import SEED_DIR
from housing_info.demo_content import DEMO_DIR
from housing_info.models import Page
from smart_answers.demo_questions import DEMO_DIR as FLOW_DIR
from translation_workflow.services import load_demo_content
from translation_workflow.versions import TranslationState, translation_state

LANGUAGES = ("ar", "prs", "fa", "ps")
CITY_TERMS = (
    "Göteborg",
    "Boplats",
    "Migrationsverket",
    "Försäkringskassan",
    "Skatteverket",
    "Hyresgästföreningen",
)
# Left-to-right and right-to-left marks, embeddings, overrides and isolates:
# the templates isolate mixed-direction text, the content must not.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ARABIC_YEH_AND_KAF = re.compile("[\u064a\u0643]")


def read(directory, code):
    return json.loads((directory / f"{code}.json").read_text(encoding="utf-8"))


def paired_texts(code):
    """(where, Swedish text, text in ``code``) for every text the reader sees."""
    sv, other = read(DEMO_DIR, "sv"), read(DEMO_DIR, code)
    for section in ("topics", "contacts", "pages", "pathway"):
        for key, record in sv[section].items():
            for field, text in record.items():
                yield f"{section}.{key}.{field}", text, other[section][key][field]
    sv, other = read(FLOW_DIR, "sv"), read(FLOW_DIR, code)
    for section, records in sv.items():
        for key, record in records.items():
            for field, text in record.items():
                yield f"flow.{section}.{key}.{field}", text, other[section][key][field]
    sv, other = read(SEED_DIR, "sv"), read(SEED_DIR, code)
    for key, record in sv.items():
        yield f"glossary.{key}", record["explanation"], other[key]["explanation"]


class Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, ()))


def markup(body):
    parser = Markup()
    parser.feed(body)
    return parser.tags


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_text_the_swedish_has_is_there_and_marked_machine_translated(code):
    texts = read(DEMO_DIR, code)
    assert texts["machine_translated"] is True
    for where, swedish, text in paired_texts(code):
        assert bool(text.strip()) == bool(swedish.strip()), where


@pytest.mark.parametrize("code", LANGUAGES)
def test_page_bodies_keep_the_swedish_markup(code):
    sv, other = read(DEMO_DIR, "sv"), read(DEMO_DIR, code)
    for slug, page in sv["pages"].items():
        assert markup(other["pages"][slug]["body"]) == markup(page["body"]), slug


@pytest.mark.parametrize("code", LANGUAGES)
def test_glossary_and_flow_have_exactly_the_swedish_keys(code):
    assert read(SEED_DIR, code).keys() == read(SEED_DIR, "sv").keys()
    assert all(entry["meaning"] for entry in read(SEED_DIR, code).values())
    sv, other = read(FLOW_DIR, "sv"), read(FLOW_DIR, code)
    assert {section: records.keys() for section, records in other.items()} == {
        section: records.keys() for section, records in sv.items()
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_bidi_control_characters(code):
    for where, _swedish, text in paired_texts(code):
        assert not BIDI_CONTROLS.search(text), where


@pytest.mark.parametrize("code", ["prs", "fa"])
def test_dari_and_persian_use_persian_yeh_and_keheh(code):
    for where, _swedish, text in paired_texts(code):
        assert not ARABIC_YEH_AND_KAF.search(text), where
    glossary_meanings = " ".join(entry["meaning"] for entry in read(SEED_DIR, code).values())
    assert not ARABIC_YEH_AND_KAF.search(glossary_meanings)


@pytest.mark.parametrize("code", LANGUAGES)
def test_city_terms_have_one_spelling(code):
    table = read(DEMO_DIR, code)["city_terms"]
    assert set(table) == set(CITY_TERMS)
    for where, swedish, text in paired_texts(code):
        for term, spelling in table.items():
            if term in swedish:
                assert spelling["use"] in text, (where, term)
            for avoided in spelling["avoid"]:
                assert avoided not in text, (where, avoided)
    for entry in read(SEED_DIR, code).values():
        for spelling in table.values():
            assert not any(avoided in entry["meaning"] for avoided in spelling["avoid"])


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_demo_page_loads_as_a_machine_translation(code):
    load_demo_content()
    for page in Page.objects.all():
        assert page.is_translated_into(code), page.slug
        assert translation_state(page, code) == TranslationState.MACHINE, page.slug
