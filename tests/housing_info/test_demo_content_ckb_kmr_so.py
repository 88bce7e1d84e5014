"""Demo content in Sorani, Kurmanji and Somali: complete, same markup, right letters.

Sorani (ckb) is Kurdish in Arabic script: Arabic letters that look like the
Kurdish ones (ي for ی, ك for ک, ة for ە) break search and read as a foreign
spelling. Kurmanji (kmr) is Latin script with ê î û ç ş, not Turkish ı ğ.
"""

import json
import re

import pytest

from glossary.models import Term
from glossary.seeding import SEED_DIR, load_glossary
from housing_info.demo_content import DEMO_DIR
from housing_info.models import Page
from smart_answers.demo_questions import DEMO_DIR as FLOW_DIR
from smart_answers.demo_questions import load_demo_questions
from smart_answers.models import Answer, Question, Rule
from translation_workflow.services import load_demo_content
from translation_workflow.versions import TranslationState, translation_state

LANGUAGES = ("ckb", "kmr", "so")
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NOT_IN_LANGUAGE = {"ckb": set("\u0629\u0643\u0649\u064a"), "kmr": set("ıİğĞ"), "so": set()}


def read(directory, code):
    return json.loads((directory / f"{code}.json").read_text(encoding="utf-8"))


def texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def pairs(swedish, translated, path=()):
    """(where, Swedish text, translated text) for every text the Swedish file has."""
    if isinstance(swedish, str):
        yield "/".join(path), swedish, translated if isinstance(translated, str) else None
    else:
        for key, value in swedish.items():
            other = translated.get(key, {}) if isinstance(translated, dict) else {}
            yield from pairs(value, other, (*path, key))


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize(
    "directory, sections",
    [
        (DEMO_DIR, ("topics", "contacts", "pages", "pathway")),
        (FLOW_DIR, ("questions", "answers", "rules")),
        (SEED_DIR, None),
    ],
    ids=["content", "flow", "glossary"],
)
def test_every_swedish_text_has_a_translation(directory, sections, code):
    swedish, translated = read(directory, "sv"), read(directory, code)
    if sections:
        swedish = {section: swedish[section] for section in sections}
    missing = [where for where, source, text in pairs(swedish, translated) if source and not text]
    assert missing == [], code


@pytest.mark.parametrize("code", LANGUAGES)
def test_page_bodies_keep_the_swedish_markup(code):
    swedish, translated = read(DEMO_DIR, "sv")["pages"], read(DEMO_DIR, code)["pages"]
    for slug, page in swedish.items():
        tags = re.findall(r"<[^>]+>", translated[slug]["body"])
        assert tags == re.findall(r"<[^>]+>", page["body"]), (code, slug)


@pytest.mark.parametrize("code", LANGUAGES)
def test_texts_use_the_letters_of_the_language_and_no_bidi_controls(code):
    for directory in (DEMO_DIR, FLOW_DIR, SEED_DIR):
        for text in texts(read(directory, code)):
            assert not set(text) & BIDI_CONTROLS, (code, text[:60])
            assert not set(text) & NOT_IN_LANGUAGE[code], (code, text[:60])


def test_sorani_is_written_in_kurdish_letters():
    content = "".join(texts(read(DEMO_DIR, "ckb")["pages"]))
    for letter in "ەێۆڕڵ":
        assert letter in content, letter


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_flow_text_and_glossary_word_loads_as_machine_translation(code):
    load_demo_content()
    load_demo_questions()
    load_glossary()
    for page in Page.objects.all():
        assert translation_state(page, code) == TranslationState.MACHINE, (code, page.slug)
    assert all(getattr(question, f"text_{code}") for question in Question.objects.all())
    assert all(getattr(answer, f"label_{code}") for answer in Answer.objects.all())
    assert all(getattr(rule, f"note_{code}") for rule in Rule.objects.exclude(note_sv="")), code
    assert all(getattr(term, f"meaning_{code}") for term in Term.objects.all()), code
