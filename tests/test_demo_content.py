"""The demo loader: states from the language files, and idempotence with history."""

import json

import pytest

from housing_info.demo_content import load_demo_content
from housing_info.models import Page, TranslationState

pytestmark = pytest.mark.django_db


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
    assert page.translation_state("en") == TranslationState.UP_TO_DATE
    assert page.translation_state("ar") == TranslationState.MACHINE
    assert page.translation_state("ti") == TranslationState.MACHINE
    assert page.translation_state("so") == TranslationState.MISSING
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
    assert load_demo_content(demo_dir) == 1
    page = Page.objects.get(slug="transitional-flat")
    assert page.translation_state("ar") == TranslationState.UP_TO_DATE
    assert page.source_revision == 1
