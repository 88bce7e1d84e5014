"""Publishing through the service: whether a draft's change outdates the translations.

Each test asserts the resulting state and what a reader of that language is
told on the public page, in the reader's language.
"""

import pytest

from tests.factories import make_page, page_form_data
from tests.translation_workflow.service_checks import (
    OUTDATED,
    UP_TO_DATE,
    change_url,
    fresh,
    notice,
)
from translation_workflow.services import publish_page, save_page_text, unpublish_page
from translation_workflow.versions import SwedishChange, translation_state

pytestmark = pytest.mark.django_db


def test_republishing_after_a_draft_change_of_meaning_outdates_translations(editor):
    page = make_page()
    unpublish_page(page, user=editor)
    page = fresh(page)
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=editor, swedish_change=None)
    # A draft change outdates nothing yet: nobody read it.
    assert translation_state(fresh(page), "ar") == UP_TO_DATE
    publish_page(fresh(page), user=editor, swedish_change=SwedishChange.MEANING)
    page = fresh(page)
    assert translation_state(page, "ar") == OUTDATED
    assert page.published_source_revision == page.source_revision
    assert notice("ar", page) == ("ar", "outdated")


def test_republishing_after_a_draft_wording_fix_keeps_translations(editor):
    page = make_page()
    unpublish_page(page, user=editor)
    page = fresh(page)
    page.body_sv = "<p>Du har ett andrahandskontrakt i högst fyra (4) år.</p>"
    save_page_text(page, user=editor, swedish_change=None)
    publish_page(fresh(page), user=editor, swedish_change=SwedishChange.TYPO)
    assert translation_state(fresh(page), "ar") == UP_TO_DATE
    assert notice("ar", page) == ("ar", "translated")
    # Unpublished and published again without a change: nothing to ask, nothing changes.
    unpublish_page(fresh(page), user=editor)
    publish_page(fresh(page), user=editor, swedish_change=SwedishChange.MEANING)
    assert translation_state(fresh(page), "ar") == UP_TO_DATE


def test_a_translation_made_from_the_latest_draft_stays_current_on_publishing(editor):
    page = make_page(published=False)
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=editor, swedish_change=None)
    page = fresh(page)
    page.body_ar = "<p>ثلاث سنوات.</p>"
    save_page_text(page, user=editor, swedish_change=None, states_declared={"ar": UP_TO_DATE})
    publish_page(fresh(page), user=editor, swedish_change=SwedishChange.MEANING)
    page = fresh(page)
    # Arabic was made from the Swedish now published; English from the older draft.
    assert translation_state(page, "ar") == UP_TO_DATE
    assert translation_state(page, "en") == OUTDATED
    assert notice("ar", page) == ("ar", "translated")
    assert notice("en", page) == ("en", "outdated")


def test_the_admin_asks_the_meaning_question_when_republishing_a_changed_text(editor_client):
    page = make_page()
    editor_client.post(change_url(page), page_form_data(page, published=None))
    page = fresh(page)
    assert not page.published
    editor_client.post(change_url(page), page_form_data(page, body_sv="<p>Högst tre år.</p>"))
    page = fresh(page)
    response = editor_client.post(change_url(page), page_form_data(page, published="on"))
    assert response.status_code == 200
    assert 'name="swedish_change"' in response.content.decode()
    assert not fresh(page).published
    response = editor_client.post(
        change_url(page), page_form_data(page, published="on", swedish_change="meaning")
    )
    assert response.status_code == 302
    assert translation_state(fresh(page), "ar") == OUTDATED
    assert notice("ar", page) == ("ar", "outdated")
