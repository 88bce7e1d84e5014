"""History: what changed between revisions, and restoring all of one with its states.

Restoring per language: tests/translation_workflow/test_services.py.
"""

import pytest
from django.conf import settings
from django.utils import translation

from housing_info.models import Page
from tests.factories import make_page, make_topic, make_user
from translation_workflow.revisions import (
    changes_between,
    describe_reason,
    restore_problems,
    word_diff,
)
from translation_workflow.services import restore_revision, save_page_text
from translation_workflow.versions import (
    SwedishChange,
    TranslationState,
    language_version,
    translation_state,
)

pytestmark = pytest.mark.django_db

ALL = [code for code, _name in settings.LANGUAGES]


def test_word_diff_marks_removed_and_added_words_and_escapes_text():
    diff = word_diff("<p>högst fyra år</p>", "<p>högst tre år &lt;script&gt;</p>")
    assert "<del>fyra</del>" in diff
    assert "<ins>tre</ins>" in diff
    assert "&lt;script&gt;" in diff and "<script>" not in diff


def test_word_diff_compares_rich_text_as_it_reads_with_link_addresses():
    old = '<ul><li>Ring <a href="tel:031-3650000">oss</a></li></ul>'
    new = '<ul><li>Ring <a href="tel:031-3651111">oss</a></li></ul>'
    diff = word_diff(old, new)
    assert diff.startswith("• Ring oss")
    assert "<del>(tel:031-3650000)</del>" in diff and "<ins>(tel:031-3651111)</ins>" in diff
    assert "&lt;li&gt;" not in diff


def test_changes_between_revisions_name_the_languages_fields_and_states():
    page = make_page()
    page.title_sv = "Ny rubrik"
    page.body_ar = "<p>نص جديد.</p>"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    new, old = page.history.all()[:2]
    with translation.override("en"):
        groups = {group.heading: group for group in changes_between(old, new)}
    assert [change.label for change in groups["Swedish"].changes] == ["title"]
    assert [change.label for change in groups["Arabic"].changes] == ["body"]
    english = next(c for c in groups["Language versions"].changes if c.label == "English")
    assert (english.old, english.new) == ("Up to date", "Outdated")


def test_restore_brings_back_the_text_with_the_states_it_had_and_is_a_revision():
    editor = make_user("Editor")
    page = make_page()
    first = page.history.first()
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    page = Page.objects.get(pk=page.pk)
    page.body_en = "<p>At most three years.</p>"
    save_page_text(
        page, user=None, swedish_change=None, states_declared={"en": TranslationState.UP_TO_DATE}
    )
    page = Page.objects.get(pk=page.pk)
    assert translation_state(page, "ar") == TranslationState.OUTDATED
    revisions_before = page.history.count()

    restore_revision(page, first, languages=ALL, swedish_change=None, user=editor)

    page = Page.objects.get(pk=page.pk)
    assert page.body_sv == first.body_sv and page.body_en == first.body_en
    # The Arabic text belongs to the restored Swedish text again: up to date.
    assert translation_state(page, "ar") == TranslationState.UP_TO_DATE
    assert translation_state(page, "en") == TranslationState.UP_TO_DATE
    assert language_version(page, "en").source_revision == 1
    # A new Swedish version number, never reused.
    assert page.source_revision == 3
    latest = page.history.first()
    assert page.history.count() == revisions_before + 1
    assert latest.history_change_reason == f"restored {first.history_id} {','.join(ALL)}"
    assert latest.history_user == editor


def test_restore_keeps_publishing_as_it_is():
    page = make_page(published=False)
    first = page.history.first()
    page.published = True
    page.save()
    restore_revision(
        Page.objects.get(pk=page.pk),
        first,
        languages=ALL,
        swedish_change=SwedishChange.TYPO,
        user=make_user("Editor"),
    )
    assert Page.objects.get(pk=page.pk).published


def test_a_revision_whose_topic_or_address_is_gone_cannot_be_restored():
    page = make_page()
    first = page.history.first()
    old_topic = page.topic
    page.topic = make_topic()
    page.slug = "new-address"
    page.save()
    make_page(slug=first.slug)
    old_topic.delete()
    problems = restore_problems(page, first)
    assert len(problems) == 2


def test_reasons_are_described_in_the_readers_language():
    with translation.override("sv"):
        text = describe_reason("reviewed ar")
    assert "arabiska" in text.lower()
    assert describe_reason("swedish typo") != "swedish typo"
