"""XLIFF import (``xliff.importing``): who may, all or nothing, what each unit's state makes."""

import pytest
from django.test import Client
from django.utils import translation

from housing_info.models import Page
from tests.factories import make_page, make_user
from tests.translation_workflow.xliff.validity import rejected
from tests.translation_workflow.xliff_files import SORANI, fill_targets
from translation_workflow.services import save_page_text
from translation_workflow.versions import (
    SwedishChange,
    TranslationState,
    language_version,
    translation_state,
)
from translation_workflow.xliff import export_xliff, import_xliff

pytestmark = pytest.mark.django_db


def test_import_makes_an_outdated_version_up_to_date_with_the_current_swedish(editor):
    page = make_page(title_ckb=SORANI["title"], body_ckb="<p>بۆ ماوەی چوار ساڵ.</p>")
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    page = Page.objects.get(pk=page.pk)
    assert translation_state(page, "ckb") == TranslationState.OUTDATED
    texts = {**SORANI, "body": '<g id="1">بۆ ماوەی سێ ساڵ.</g>'}
    import_xliff(fill_targets(export_xliff([page], "ckb"), texts), "ckb", editor)
    page.refresh_from_db()
    assert translation_state(page, "ckb") == TranslationState.UP_TO_DATE
    assert language_version(page, "ckb").source_revision == 2


def test_import_can_hold_the_versions_back_until_review(editor):
    page = make_page()
    import_xliff(fill_targets(export_xliff([page], "ckb"), SORANI), "ckb", editor, hold_back=True)
    page.refresh_from_db()
    assert not page.is_translated_into("ckb")


def test_unknown_units_are_rejected(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)
    data = data.replace(f"page-{page.pk}-summary".encode(), b"page-999999-summary")
    problems = rejected(data, "ckb", editor)
    assert any("999999" in problem for problem in problems)


def test_every_problem_is_reported_and_one_bad_page_keeps_the_good_one_out(editor):
    good, bad = make_page(), make_page()
    data = fill_targets(export_xliff([good, bad], "ckb"), SORANI)
    bad.title_sv = "Ändrad"
    save_page_text(bad, user=None, swedish_change=None)
    data = data.replace(f"page-{good.pk}-summary".encode(), b"page-0-nothing")
    problems = rejected(data, "ckb", editor)
    # The unknown unit, the missing summary it replaced, the changed Swedish title.
    assert len(problems) == 3
    assert any("page-0-nothing" in p for p in problems)
    assert any("Ändrad" in p for p in problems)
    good.refresh_from_db()
    assert not good.title_ckb


def test_a_translator_cannot_import_a_language_not_assigned_to_them():
    page = make_page()
    translator = make_user("Translator", languages=["fa"])
    data = fill_targets(export_xliff([page], "ckb"), SORANI)
    assert rejected(data, "ckb", translator)
    import_xliff(fill_targets(export_xliff([page], "fa"), SORANI), "fa", translator)
    page.refresh_from_db()
    assert page.title_fa == SORANI["title"]


# Import honours each unit's state ------------------------------------------------


def outdated_sorani_page():
    page = make_page(title_ckb=SORANI["title"], body_ckb="<p>بۆ ماوەی چوار ساڵ.</p>")
    page.summary_ckb = SORANI["summary"]
    save_page_text(page, user=None, swedish_change=None)
    page.body_sv = "<p>Du har ett andrahandskontrakt i högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    page = Page.objects.get(pk=page.pk)
    assert translation_state(page, "ckb") == TranslationState.OUTDATED
    return page


UNFINISHED_STATES = [
    "new",
    "needs-translation",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-translation",
    "needs-review-adaptation",
    "needs-review-l10n",
]


@pytest.mark.parametrize("state", UNFINISHED_STATES)
def test_an_unfinished_unit_keeps_an_outdated_version_outdated(editor, state):
    page = outdated_sorani_page()
    texts = {**SORANI, "body": '<g id="1">بۆ ماوەی سێ ساڵ.</g>'}
    data = fill_targets(export_xliff([page], "ckb"), texts, states={"body": state})

    results = import_xliff(data, "ckb", editor)

    assert [(r.imported, r.unfinished) for r in results] == [(False, [("body", state)])]
    page.refresh_from_db()
    assert translation_state(page, "ckb") == TranslationState.OUTDATED
    assert page.body_ckb == "<p>بۆ ماوەی چوار ساڵ.</p>"
    content = Client().get(f"/ckb/{page.slug}/").content.decode()
    assert "notice--outdated" in content
    with translation.override("ckb"):
        assert translation.gettext("Read the current Swedish version") in content


def test_the_swedish_copied_into_unfinished_targets_of_a_missing_version_is_not_imported(editor):
    """CAT tools copy the source into untranslated targets (state needs-translation)."""
    page = make_page()
    data = export_xliff([page], "ckb")
    copied = {
        "title": page.title_sv,
        "summary": page.summary_sv,
        "body": '<g id="1">Du har ett andrahandskontrakt i högst fyra år.</g>',
    }
    import_xliff(fill_targets(data, copied, state="needs-translation"), "ckb", editor)
    page.refresh_from_db()
    assert page.title_ckb in ("", None)
    assert translation_state(page, "ckb") == TranslationState.MISSING
    # Readers of Sorani get the English page, not Swedish shown right to left.
    content = Client().get(f"/ckb/{page.slug}/").content.decode()
    assert page.title_en in content and page.title_sv not in content


@pytest.mark.parametrize(
    ("state", "approved"), [("final", None), ("signed-off", None), ("translated", "yes")]
)
def test_a_signed_off_unit_makes_the_version_up_to_date(editor, state, approved):
    page = outdated_sorani_page()
    texts = {**SORANI, "body": '<g id="1">بۆ ماوەی سێ ساڵ.</g>'}
    data = fill_targets(export_xliff([page], "ckb"), texts, state=state, approved=approved)
    import_xliff(data, "ckb", editor)
    page.refresh_from_db()
    assert translation_state(page, "ckb") == TranslationState.UP_TO_DATE
    assert not language_version(page, "ckb").held_back
    content = Client().get(f"/ckb/{page.slug}/").content.decode()
    assert "notice--outdated" not in content and "سێ ساڵ" in content
    assert 'class="translation-source"' in content


@pytest.mark.parametrize("state", ["translated", None])
def test_a_translated_unit_is_held_back_for_review_by_default(editor, state):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI, state=state)
    import_xliff(data, "ckb", editor)
    page.refresh_from_db()
    assert translation_state(page, "ckb") == TranslationState.UP_TO_DATE
    assert language_version(page, "ckb").held_back
    assert SORANI["title"] not in Client().get(f"/ckb/{page.slug}/").content.decode()


def test_a_translated_unit_is_up_to_date_when_the_caseworker_says_so(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI, state="translated")
    import_xliff(data, "ckb", editor, translated_units="up_to_date")
    page.refresh_from_db()
    assert translation_state(page, "ckb") == TranslationState.UP_TO_DATE
    assert not language_version(page, "ckb").held_back


@pytest.mark.parametrize("qualifier", ["mt-suggestion", "leveraged-mt"])
@pytest.mark.parametrize("state", ["translated", "needs-review-translation", None])
def test_a_machine_translated_unit_makes_a_machine_translation(editor, qualifier, state):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI, state=state, qualifier=qualifier)
    import_xliff(data, "ckb", editor)
    page.refresh_from_db()
    assert translation_state(page, "ckb") == TranslationState.MACHINE
    content = Client().get(f"/ckb/{page.slug}/").content.decode()
    assert "notice--machine" in content and SORANI["title"] in content
