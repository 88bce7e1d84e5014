"""The demo loader: content in every language, states from the language files, idempotence."""

import json

import pytest
from django.core.management import call_command

from housing_info.demo_content import DEMO_DIR
from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from translation_workflow.services import load_demo_content
from translation_workflow.versions import TranslationState, translation_state

pytestmark = pytest.mark.django_db


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


def test_pathway_and_three_key_pages_exist_in_arabic():
    load_demo_content()
    steps = PathwayStep.objects.all()
    assert steps.count() >= 5
    assert all(step.title_ar for step in steps)
    assert sum(page.is_translated_into("ar") for page in Page.objects.all()) >= 3


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


def test_pathway_and_five_key_pages_exist_in_every_language(settings):
    load_demo_content()
    for code, _name in settings.LANGUAGES:
        assert all(getattr(step, f"title_{code}") for step in PathwayStep.objects.all()), code
        assert all(getattr(topic, f"title_{code}") for topic in Topic.objects.all()), code
        translated = [page for page in Page.objects.all() if page.is_translated_into(code)]
        assert len(translated) >= 5, code


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


def test_a_file_without_a_machine_flag_follows_the_demo_content_of_its_language():
    from housing_info.demo_content import is_machine_translated

    # The question flow's and glossary's files carry no flag of their own.
    assert is_machine_translated("ar", {"questions": {}}) is True
    assert is_machine_translated("en", {"questions": {}}) is False
    assert is_machine_translated("sv", {}) is False
    assert is_machine_translated("en", {"machine_translated": True}) is True
