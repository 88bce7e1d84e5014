"""Every path of the one service that changes a page's texts and states: saving.

Each test asserts the resulting state and what a reader of that language is
told on the public page, in the reader's language.
"""

import re
from pathlib import Path

import pytest

from housing_info.models import Page
from tests.factories import make_page, page_form_data
from tests.translation_workflow.service_checks import (
    MACHINE,
    OUTDATED,
    UP_TO_DATE,
    change_url,
    fresh,
    notice,
)
from translation_workflow.services import load_demo_content
from translation_workflow.versions import language_version, translation_state

pytestmark = pytest.mark.django_db


# Nothing but the service


def test_saving_a_page_through_the_orm_changes_no_translation_state():
    page = make_page()
    versions, revision = page.language_versions, page.source_revision
    page = fresh(page)
    page.body_sv = "<p>Högst tre år.</p>"
    page.title_ar = ""
    page.save()
    page = fresh(page)
    assert page.language_versions == versions
    assert page.source_revision == revision
    assert notice("ar", page) == ("en", "fallback")
    assert notice("en", page) == ("en", "translated")


def test_only_the_service_calls_the_rules_that_change_states():
    root = Path(__file__).resolve().parents[2]
    callers = {
        path.relative_to(root).as_posix()
        for app in ("housing_info", "translation_workflow", "partner_api", "sharing", "search")
        for path in (root / app).rglob("*.py")
        if re.search(r"\b(apply_versions|next_version|next_source)\(", path.read_text())
    }
    assert callers <= {"translation_workflow/services.py", "translation_workflow/states.py"}


# The admin's save


def test_admin_save_with_a_change_of_meaning_outdates_translations(editor_client):
    page = make_page()
    data = page_form_data(page, body_sv="<p>Högst tre år.</p>", swedish_change="meaning")
    assert editor_client.post(change_url(page), data).status_code == 302
    assert translation_state(fresh(page), "ar") == OUTDATED
    assert notice("ar", page) == ("ar", "outdated")
    assert fresh(page).history.first().history_change_reason == "swedish meaning"


def test_admin_save_with_a_typo_fix_keeps_translations_up_to_date(editor_client):
    page = make_page()
    data = page_form_data(page, body_sv="<p>Högst fyra år!</p>", swedish_change="typo")
    assert editor_client.post(change_url(page), data).status_code == 302
    assert translation_state(fresh(page), "ar") == UP_TO_DATE
    assert notice("ar", page) == ("ar", "translated")
    assert fresh(page).source_revision == 2


# The demo loader


def test_the_demo_loader_sets_states_through_the_service():
    directory = Path(__file__).resolve().parents[1] / "data" / "demo_snapshot"
    assert load_demo_content(directory) > 0
    page = Page.objects.get(slug="transitional-flat")
    assert translation_state(page, "en") == UP_TO_DATE
    assert translation_state(page, "ar") == MACHINE
    assert language_version(page, "ar").source_revision == page.source_revision
    assert page.history.first().history_change_reason == "demo"
    assert notice("ar", page) == ("ar", "machine")
    assert notice("en", page) == ("en", "translated")
    assert load_demo_content(directory) == 0
