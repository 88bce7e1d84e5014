"""The demo loader: content in every language, states from the language files, idempotence."""

import json
import re

import pytest
from django.core.management import call_command

from housing_info.demo_content import DEMO_DIR, read_demo_files
from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from portal.languages import PORTAL_LANGUAGES, SOURCE_LANGUAGE
from translation_workflow.services import load_demo_content
from translation_workflow.versions import TranslationState, translation_state

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<[^>]+>")
# The Swedish source and the English version are written by the City; every
# other language is a machine-assisted translation that the City reviews.
WRITTEN_BY_THE_CITY = {SOURCE_LANGUAGE, "en"}


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("pk", "slug"))
        for model in (Topic, ContactPoint, Page, PathwayStep)
    } | {"changed": sorted(Page.objects.values_list("slug", "updated_at"))}


def test_demo_content_has_at_least_fifteen_example_pages_in_swedish_and_english():
    load_demo_content()
    pages = Page.objects.all()
    assert pages.count() >= 15
    for page in pages:
        assert page.is_example and page.published
        assert page.is_translated_into("sv") and page.is_translated_into("en"), page.slug


def test_running_the_loader_twice_changes_nothing():
    call_command("load_demo_content")
    before = snapshot()
    assert load_demo_content() == 0
    assert snapshot() == before


def test_loader_updates_a_page_whose_demo_text_changed(tmp_path):
    for path in DEMO_DIR.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    load_demo_content(tmp_path)
    english = json.loads((tmp_path / "en.json").read_text(encoding="utf-8"))
    english["pages"]["transitional-flat"]["title"] = "Your transitional flat (genomgångsbostad)"
    (tmp_path / "en.json").write_text(json.dumps(english, ensure_ascii=False), encoding="utf-8")
    assert load_demo_content(tmp_path) == 1
    assert Page.objects.get(slug="transitional-flat").title_en.startswith("Your transitional flat")


LANGUAGE_CODES = [language.code for language in PORTAL_LANGUAGES]


def demo_file(code):
    return json.loads((DEMO_DIR / f"{code}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_language_file_has_every_text_the_swedish_has(code):
    """Each language file holds all 18 pages, topics, contacts and steps, field by field."""
    swedish = demo_file(SOURCE_LANGUAGE)
    language = demo_file(code)
    missing = []
    for section in ("topics", "contacts", "pages", "pathway"):
        for key, record in swedish[section].items():
            translated = language.get(section, {}).get(key, {})
            fields = [field for field, text in record.items() if text and not translated.get(field)]
            if fields:
                missing.append(f"{section}/{key}" + ("" if not translated else f" {fields}"))
    assert not missing, f"{code}: housing_info/demo/{code}.json lacks " + ", ".join(missing)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_translated_page_keeps_the_swedish_markup(code):
    """Same tags in the same order, same link addresses: only the words are translated."""
    swedish = demo_file(SOURCE_LANGUAGE)["pages"]
    pages = demo_file(code).get("pages", {})
    differ = [
        slug
        for slug, page in pages.items()
        if TAG.findall(page.get("body", "")) != TAG.findall(swedish[slug]["body"])
    ]
    assert not differ, f"{code}: body markup differs from the Swedish in {differ}"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_page_and_step_loads_in_every_language(code):
    load_demo_content()
    untranslated = [page.slug for page in Page.objects.all() if not page.is_translated_into(code)]
    assert not untranslated, f"{code}: no {code} version of {untranslated}"
    assert all(getattr(step, f"title_{code}") for step in PathwayStep.objects.all()), code
    assert all(getattr(topic, f"title_{code}") for topic in Topic.objects.all()), code
    assert all(getattr(contact, f"name_{code}") for contact in ContactPoint.objects.all()), code
    machine = code not in WRITTEN_BY_THE_CITY
    assert all(
        (translation_state(page, code) == TranslationState.MACHINE) == machine
        for page in Page.objects.all()
    ), code


@pytest.fixture
def demo_dir(tmp_path):
    structure = {
        "topics": [{"slug": "transitional-flat", "order": 1}],
        "contacts": [],
        "pages": [
            {
                "slug": "transitional-flat",
                "kind": "housing_option",
                "topic": "transitional-flat",
                "order": 1,
                "review_by": "2027-03-01",
            }
        ],
        "pathway": [],
    }
    texts = {
        "sv": (False, "Genomgångsbostad", "<p>Högst fyra år.</p>"),
        "en": (False, "Transitional flat", "<p>At most four years.</p>"),
        "ar": (True, "السكن الانتقالي", "<p>أربع سنوات على الأكثر.</p>"),
        "ti": (True, "ናይ መሰጋገሪ ገዛ", "<p>ክሳብ ኣርባዕተ ዓመት።</p>"),
    }
    (tmp_path / "structure.json").write_text(json.dumps(structure), encoding="utf-8")
    for code, (machine, title, body) in texts.items():
        content = {
            "machine_translated": machine,
            "topics": {"transitional-flat": {"title": title}},
            "pages": {"transitional-flat": {"title": title, "summary": title, "body": body}},
        }
        (tmp_path / f"{code}.json").write_text(json.dumps(content), encoding="utf-8")
    return tmp_path


def test_language_files_give_the_states(demo_dir):
    load_demo_content(demo_dir)
    page = Page.objects.get(slug="transitional-flat")
    assert translation_state(page, "en") == TranslationState.UP_TO_DATE
    assert translation_state(page, "ar") == TranslationState.MACHINE
    assert translation_state(page, "ti") == TranslationState.MACHINE
    assert translation_state(page, "so") == TranslationState.MISSING
    assert page.review_by.isoformat() == "2027-03-01"


def test_loading_twice_changes_nothing_not_even_history(demo_dir):
    load_demo_content(demo_dir)
    page = Page.objects.get(slug="transitional-flat")
    before = (page.updated_at, page.language_versions, page.history.count())
    assert load_demo_content(demo_dir) == 0
    page.refresh_from_db()
    assert (page.updated_at, page.language_versions, page.history.count()) == before


def test_a_changed_machine_flag_changes_the_state_and_nothing_else(demo_dir):
    load_demo_content(demo_dir)
    arabic = json.loads((demo_dir / "ar.json").read_text(encoding="utf-8"))
    arabic["machine_translated"] = False
    (demo_dir / "ar.json").write_text(json.dumps(arabic), encoding="utf-8")
    # The page's state, and the Arabic mark of the topics, contacts and steps.
    assert load_demo_content(demo_dir) == 2
    page = Page.objects.get(slug="transitional-flat")
    assert translation_state(page, "ar") == TranslationState.UP_TO_DATE
    assert page.source_revision == 1
    assert "ar" not in page.topic.machine_translated
    assert "ti" in page.topic.machine_translated


def test_city_terms_in_a_language_file_are_not_loaded_as_content(demo_dir):
    english = json.loads((demo_dir / "en.json").read_text(encoding="utf-8"))
    english["city_terms"] = {"Göteborg": {"use": "Gothenburg", "avoid": ["Gothenborg"]}}
    (demo_dir / "en.json").write_text(json.dumps(english), encoding="utf-8")
    _structure, texts = read_demo_files(demo_dir)
    assert "city_terms" not in texts["en"]
    assert texts["en"]["pages"]["transitional-flat"]["title"] == "Transitional flat"
    load_demo_content(demo_dir)
    assert Page.objects.get(slug="transitional-flat").title_en == "Transitional flat"


def test_a_file_without_a_machine_flag_follows_the_demo_content_of_its_language():
    from housing_info.demo_content import is_machine_translated

    # The question flow's and glossary's files carry no flag of their own.
    assert is_machine_translated("ar", {"questions": {}}) is True
    assert is_machine_translated("en", {"questions": {}}) is False
    assert is_machine_translated("sv", {}) is False
    assert is_machine_translated("en", {"machine_translated": True}) is True
