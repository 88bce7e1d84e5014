"""Restoring a revision through the service, per language.

Each test asserts the resulting state and what a reader of that language is
told on the public page, in the reader's language.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_page
from tests.translation_workflow.service_checks import OUTDATED, UP_TO_DATE, fresh, notice
from translation_workflow.services import restore_revision, save_page_text
from translation_workflow.versions import SwedishChange, language_version, translation_state

pytestmark = pytest.mark.django_db


def edited_twice(editor):
    """A page whose Swedish changed in meaning, then got a new Arabic translation."""
    page = make_page()
    first = page.history.first()
    page.body_sv = "<p>Du har ett andrahandskontrakt i högst tre år.</p>"
    save_page_text(page, user=editor, swedish_change=SwedishChange.MEANING)
    page = fresh(page)
    page.body_ar = "<p>لديك عقد لمدة أقصاها ثلاث سنوات.</p>"
    save_page_text(page, user=editor, swedish_change=None, states_declared={"ar": UP_TO_DATE})
    return fresh(page), first


def test_restoring_swedish_keeps_later_translations_and_outdates_them_by_the_answer(editor):
    page, first = edited_twice(editor)
    assert translation_state(page, "ar") == UP_TO_DATE
    restore_revision(
        page, first, languages=["sv"], swedish_change=SwedishChange.MEANING, user=editor
    )
    page = fresh(page)
    assert page.body_sv == first.body_sv
    # The Arabic translation made after that revision is kept, and now outdated.
    assert page.body_ar == "<p>لديك عقد لمدة أقصاها ثلاث سنوات.</p>"
    assert translation_state(page, "ar") == OUTDATED
    assert notice("ar", page) == ("ar", "outdated")
    latest = page.history.first()
    assert latest.history_change_reason == f"restored {first.history_id} sv"
    assert latest.history_user == editor


def test_restoring_swedish_as_a_wording_fix_keeps_translations_current(editor):
    page, first = edited_twice(editor)
    restore_revision(page, first, languages=["sv"], swedish_change=SwedishChange.TYPO, user=editor)
    assert translation_state(fresh(page), "ar") == UP_TO_DATE
    assert notice("ar", page) == ("ar", "translated")


def test_restoring_one_translation_leaves_swedish_and_the_others(editor):
    page, first = edited_twice(editor)
    english = language_version(page, "en")
    restore_revision(page, first, languages=["ar"], swedish_change=None, user=editor)
    page = fresh(page)
    assert page.body_ar == first.body_ar
    assert page.body_sv == "<p>Du har ett andrahandskontrakt i högst tre år.</p>"
    # Made from a Swedish text that is no longer the current one.
    assert translation_state(page, "ar") == OUTDATED
    assert language_version(page, "en") == english
    assert notice("ar", page) == ("ar", "outdated")


def test_a_restore_is_undone_by_restoring_the_revision_before_it(editor):
    page, first = edited_twice(editor)
    before = page.history.first()
    restore_revision(
        page, first, languages=["sv", "ar"], swedish_change=SwedishChange.MEANING, user=editor
    )
    restore_revision(
        fresh(page), before, languages=["sv", "ar"], swedish_change=SwedishChange.TYPO, user=editor
    )
    page = fresh(page)
    assert page.body_sv == before.body_sv and page.body_ar == before.body_ar
    assert translation_state(page, "ar") == UP_TO_DATE
    assert notice("ar", page) == ("ar", "translated")


def test_the_admin_restore_lists_what_changes_per_language_and_asks_the_meaning(
    editor_client, editor
):
    page, first = edited_twice(editor)
    url = reverse("admin:housing_info_page_restore", args=[page.pk, first.pk])
    with translation.override("en"):
        content = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="languages" value="sv"' in content and 'name="languages" value="ar"' in content
    # English changed state since (outdated now); Somali is missing in both: not offered.
    assert 'name="languages" value="en"' in content
    assert 'name="languages" value="so"' not in content
    assert "<del>tre</del>" in content and "<ins>fyra</ins>" in content
    # Restoring Swedish of a published page needs the answer.
    seen = page.history.first().history_id
    response = editor_client.post(url, {"languages": ["sv"], "seen_revision": seen})
    assert response.status_code == 200
    assert fresh(page).body_sv != first.body_sv
    response = editor_client.post(
        url, {"languages": ["sv"], "swedish_change": "meaning", "seen_revision": seen}
    )
    assert response.status_code == 302
    assert translation_state(fresh(page), "ar") == OUTDATED
