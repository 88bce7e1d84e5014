"""Every state transition, and precisely which saves outdate translations."""

import pytest

from housing_info.models import Page
from tests.factories import make_contact_point, make_page, make_topic, make_user
from translation_workflow.services import mark_reviewed, mark_sent_for_translation, save_page_text
from translation_workflow.states import set_held_back
from translation_workflow.versions import (
    SwedishChange,
    TranslationState,
    language_version,
    translation_state,
)

pytestmark = pytest.mark.django_db

UP_TO_DATE = TranslationState.UP_TO_DATE
OUTDATED = TranslationState.OUTDATED
MACHINE = TranslationState.MACHINE
MISSING = TranslationState.MISSING
IN_TRANSLATION = TranslationState.IN_TRANSLATION


def states(page, codes=("en", "ar", "ti", "so")):
    page = Page.objects.get(pk=page.pk)
    return {code: translation_state(page, code) for code in codes}


def with_machine_arabic(**fields):
    page = make_page(**fields)
    save_page_text(page, user=None, swedish_change=None, states_declared={"ar": MACHINE})
    return Page.objects.get(pk=page.pk)


def test_a_new_page_has_its_translated_languages_up_to_date_and_the_rest_missing():
    page = make_page()
    assert states(page) == {"en": UP_TO_DATE, "ar": UP_TO_DATE, "ti": UP_TO_DATE, "so": MISSING}
    assert language_version(page, "ar").source_revision == 1
    assert page.source_revision == 1


def test_a_change_of_meaning_outdates_up_to_date_and_machine_versions_only():
    page = with_machine_arabic(title_so="", body_so="")
    mark_sent_for_translation(page, "so", make_user("Editor"))
    page = Page.objects.get(pk=page.pk)
    page.body_sv = "<p>Du har ett andrahandskontrakt i högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    assert states(page) == {"en": OUTDATED, "ar": OUTDATED, "ti": OUTDATED, "so": IN_TRANSLATION}
    page.refresh_from_db()
    assert page.source_revision == 2
    assert language_version(page, "ar").source_revision == 1


def test_a_typo_fix_raises_the_swedish_version_but_outdates_nothing():
    page = with_machine_arabic()
    page.summary_sv = "En tillfällig lägenhet som staden hyr ut i andrahand."
    save_page_text(page, user=None, swedish_change=SwedishChange.TYPO)
    assert states(page, ("en", "ar")) == {"en": UP_TO_DATE, "ar": MACHINE}
    page.refresh_from_db()
    assert page.source_revision == 2


def test_a_swedish_change_nobody_classified_counts_as_a_change_of_meaning():
    page = make_page()
    page.title_sv = "Lägenhet med tidsgräns"
    save_page_text(page, user=None, swedish_change=None)
    assert states(page, ("en",)) == {"en": OUTDATED}


def test_a_draft_save_never_outdates():
    page = make_page(published=False)
    page.body_sv = "<p>Helt ny regel.</p>"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    assert states(page, ("en", "ar")) == {"en": UP_TO_DATE, "ar": UP_TO_DATE}
    page.refresh_from_db()
    assert page.source_revision == 2


@pytest.mark.parametrize(
    ("answer", "expected"), [(SwedishChange.MEANING, OUTDATED), (SwedishChange.TYPO, UP_TO_DATE)]
)
def test_publishing_a_text_changed_since_the_translations_follows_the_meaning_answer(
    answer, expected
):
    page = make_page(published=False)
    page.published = True
    page.body_sv = "<p>Texten som publiceras.</p>"
    save_page_text(page, user=None, swedish_change=answer)
    assert states(page, ("en",)) == {"en": expected}


def test_publishing_an_unchanged_text_asks_nothing_and_outdates_nothing():
    page = make_page(published=False)
    page.published = True
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    assert states(page, ("en",)) == {"en": UP_TO_DATE}


def test_unpublishing_never_outdates():
    page = make_page()
    page.published = False
    save_page_text(page, user=None, swedish_change=None)
    assert states(page, ("en",)) == {"en": UP_TO_DATE}


@pytest.mark.parametrize("change", ["order", "topic", "kind", "contacts", "review_by"])
def test_changes_to_page_settings_never_outdate_nor_raise_the_swedish_version(change):
    page = make_page()
    if change == "order":
        page.order = 7
    elif change == "topic":
        page.topic = make_topic()
    elif change == "kind":
        page.kind = Page.Kind.RIGHT
    elif change == "review_by":
        page.review_by = "2027-01-31"
    else:
        page.contact_points.add(make_contact_point())
    save_page_text(page, user=None, swedish_change=None)
    assert states(page, ("en", "ar")) == {"en": UP_TO_DATE, "ar": UP_TO_DATE}
    page.refresh_from_db()
    assert page.source_revision == 1


def test_saving_only_another_language_outdates_nothing_and_keeps_that_versions_state():
    page = make_page()
    page.title_sv = "Ny rubrik"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    page = Page.objects.get(pk=page.pk)
    page.body_ar = "<p>تصحيح صغير في النص العربي.</p>"
    save_page_text(page, user=None, swedish_change=None)
    # Fixing an outdated translation does not make it current by itself.
    assert states(page, ("en", "ar")) == {"en": OUTDATED, "ar": OUTDATED}
    page.refresh_from_db()
    assert page.source_revision == 2


def test_a_save_without_any_change_outdates_nothing_and_keeps_no_revision():
    page = make_page()
    revisions = page.history.count()
    page = Page.objects.get(pk=page.pk)
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    assert states(page, ("en",)) == {"en": UP_TO_DATE}
    assert page.history.count() == revisions


def test_text_entered_where_a_version_was_missing_is_up_to_date_with_the_current_swedish():
    page = make_page(title_so="", body_so="")
    page.title_sv = "Ny rubrik"
    save_page_text(page, user=None, swedish_change=None)
    page = Page.objects.get(pk=page.pk)
    page.title_so = "Guri ku-meel-gaadh ah"
    page.body_so = "<p>Waxaad heysataa heshiis kiro labaad.</p>"
    save_page_text(page, user=None, swedish_change=None)
    page.refresh_from_db()
    assert translation_state(page, "so") == UP_TO_DATE
    assert language_version(page, "so").source_revision == 2


def test_a_declared_machine_translation_is_machine():
    page = make_page(title_so="", body_so="")
    page.title_so, page.body_so = "Guri", "<p>Qoraal mashiin.</p>"
    save_page_text(page, user=None, swedish_change=None, states_declared={"so": MACHINE})
    assert states(page, ("so",)) == {"so": MACHINE}


def test_an_emptied_version_is_missing_again():
    page = make_page()
    page.body_ti = ""
    save_page_text(page, user=None, swedish_change=None)
    assert states(page, ("ti",)) == {"ti": MISSING}


def test_declaring_an_updated_outdated_version_up_to_date_links_it_to_the_current_swedish():
    page = make_page()
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=None)
    page = Page.objects.get(pk=page.pk)
    page.body_en = "<p>At most three years.</p>"
    save_page_text(page, user=None, swedish_change=None, states_declared={"en": UP_TO_DATE})
    page.refresh_from_db()
    assert translation_state(page, "en") == UP_TO_DATE
    assert language_version(page, "en").source_revision == 2


def test_review_makes_a_machine_translation_up_to_date_and_releases_a_held_back_version():
    reviewer = make_user("Reviewer")
    page = with_machine_arabic()
    set_held_back(page, "ar", True)
    save_page_text(page, user=None, swedish_change=None)
    assert not Page.objects.get(pk=page.pk).is_translated_into("ar")
    mark_reviewed(Page.objects.get(pk=page.pk), "ar", reviewer)
    page = Page.objects.get(pk=page.pk)
    version = language_version(page, "ar")
    assert translation_state(page, "ar") == UP_TO_DATE
    assert not version.held_back
    assert version.reviewed_by == reviewer.username and version.reviewed_on
    assert page.is_translated_into("ar")
    assert page.history.first().history_change_reason == "reviewed ar"


def test_review_of_an_outdated_version_links_it_to_the_current_swedish():
    page = make_page()
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=None)
    mark_reviewed(Page.objects.get(pk=page.pk), "en", make_user("Reviewer"))
    page.refresh_from_db()
    assert translation_state(page, "en") == UP_TO_DATE
    assert language_version(page, "en").source_revision == 2


def test_editing_reviewed_text_clears_the_review():
    page = make_page()
    mark_reviewed(page, "ar", make_user("Reviewer"))
    page = Page.objects.get(pk=page.pk)
    page.summary_ar = "ملخص جديد."
    save_page_text(page, user=None, swedish_change=None)
    page.refresh_from_db()
    assert language_version(page, "ar").reviewed_on is None


def test_sending_for_translation_marks_missing_versions_in_translation_and_dates_outdated_ones():
    editor = make_user("Editor")
    page = make_page(title_so="", body_so="")
    page.title_sv = "Ny rubrik"
    save_page_text(page, user=None, swedish_change=None)
    page = Page.objects.get(pk=page.pk)
    assert mark_sent_for_translation(page, "so", editor)
    assert mark_sent_for_translation(Page.objects.get(pk=page.pk), "en", editor)
    assert not mark_sent_for_translation(Page.objects.get(pk=page.pk), "sv", editor)
    page.refresh_from_db()
    assert translation_state(page, "so") == IN_TRANSLATION
    assert translation_state(page, "en") == OUTDATED
    assert language_version(page, "en").sent_on


def test_a_version_in_translation_becomes_up_to_date_when_its_text_arrives():
    page = make_page(title_so="", body_so="")
    mark_sent_for_translation(page, "so", make_user("Editor"))
    page = Page.objects.get(pk=page.pk)
    page.title_so, page.body_so = "Guri", "<p>Qoraal.</p>"
    save_page_text(page, user=None, swedish_change=None)
    assert states(page, ("so",)) == {"so": UP_TO_DATE}


def test_history_records_why_the_swedish_text_changed():
    page = make_page()
    page.title_sv = "Rättad rubrik"
    save_page_text(page, user=None, swedish_change=SwedishChange.TYPO)
    page = Page.objects.get(pk=page.pk)
    page.published = False
    save_page_text(page, user=None, swedish_change=None)
    page = Page.objects.get(pk=page.pk)
    page.title_sv = "Utkast"
    save_page_text(page, user=None, swedish_change=None)
    reasons = list(page.history.values_list("history_change_reason", flat=True))
    assert reasons[0] == "swedish draft" and reasons[2] == "swedish typo"
    assert reasons[-1] == "created"
