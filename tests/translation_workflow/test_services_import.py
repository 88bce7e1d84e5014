"""Translations coming in through the service: an XLIFF import in every state a unit can
have, a translation of an older Swedish revision, a machine draft.

Each test asserts the resulting state and what a reader of that language is
told on the public page, in the reader's language.
"""

import pytest
from lxml import etree

from tests.factories import make_page
from tests.translation_workflow.service_checks import (
    MACHINE,
    MISSING,
    OUTDATED,
    UP_TO_DATE,
    fresh,
    notice,
)
from tests.translation_workflow.xliff_files import NS, SORANI, fill_targets
from translation_workflow.services import import_translations, save_machine_draft, save_page_text
from translation_workflow.versions import SwedishChange, language_version, translation_state
from translation_workflow.xliff import (
    XLIFF_NAMESPACE,
    ImportRejected,
    TranslatedUnits,
    export_xliff,
    import_xliff,
)

pytestmark = pytest.mark.django_db


def sorani_file(page, **options):
    return fill_targets(export_xliff([page], "ckb"), SORANI, **options)


@pytest.mark.parametrize(
    ("options", "translated_units", "state", "held_back", "told"),
    [
        ({"state": "final"}, TranslatedUnits.REVIEW, UP_TO_DATE, False, ("ckb", "translated")),
        ({"state": "signed-off"}, TranslatedUnits.REVIEW, UP_TO_DATE, False, ("ckb", "translated")),
        (
            {"state": "translated", "approved": "yes"},
            TranslatedUnits.REVIEW,
            UP_TO_DATE,
            False,
            ("ckb", "translated"),
        ),
        ({"state": "translated"}, TranslatedUnits.REVIEW, UP_TO_DATE, True, ("en", "fallback")),
        (
            {"state": "translated"},
            TranslatedUnits.UP_TO_DATE,
            UP_TO_DATE,
            False,
            ("ckb", "translated"),
        ),
        ({"state": None}, TranslatedUnits.UP_TO_DATE, UP_TO_DATE, False, ("ckb", "translated")),
        (
            {"state": "translated", "qualifier": "mt-suggestion"},
            TranslatedUnits.UP_TO_DATE,
            MACHINE,
            False,
            ("ckb", "machine"),
        ),
        ({"state": "new"}, TranslatedUnits.UP_TO_DATE, MISSING, False, ("en", "fallback")),
        (
            {"state": "needs-translation"},
            TranslatedUnits.UP_TO_DATE,
            MISSING,
            False,
            ("en", "fallback"),
        ),
        (
            {"state": "needs-review-translation"},
            TranslatedUnits.UP_TO_DATE,
            MISSING,
            False,
            ("en", "fallback"),
        ),
    ],
)
def test_import_in_every_xliff_state_goes_through_the_service(
    editor, options, translated_units, state, held_back, told
):
    page = make_page()
    import_xliff(sorani_file(page, **options), "ckb", editor, translated_units=translated_units)
    page = fresh(page)
    assert translation_state(page, "ckb") == state
    assert language_version(page, "ckb").held_back is held_back
    if state != MISSING:
        assert language_version(page, "ckb").source_revision == page.source_revision
    assert notice("ckb", page) == told


def test_an_outdated_translation_returned_as_needs_review_stays_outdated(editor):
    page = make_page(title_ckb=SORANI["title"], body_ckb="<p>بۆ ماوەی چوار ساڵ.</p>")
    page.body_sv = "<p>Du har ett andrahandskontrakt i högst tre år.</p>"
    save_page_text(page, user=editor, swedish_change=SwedishChange.MEANING)
    page = fresh(page)
    assert translation_state(page, "ckb") == OUTDATED
    texts = {**SORANI, "body": '<g id="1" ctype="x-html-p">بۆ ماوەی سێ ساڵ.</g>'}
    data = fill_targets(export_xliff([page], "ckb"), texts, state="needs-review-translation")
    import_xliff(data, "ckb", editor)
    assert translation_state(fresh(page), "ckb") == OUTDATED
    assert notice("ckb", page) == ("ckb", "outdated")


@pytest.mark.parametrize(("state", "refused"), [("translated", True), ("needs-translation", False)])
def test_the_swedish_source_copied_into_the_targets_changes_nothing(editor, state, refused):
    """Copied as translated it is refused; as needs-translation (a CAT tool's copy) left out."""
    page = make_page()
    data = export_xliff([page], "ckb")
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{XLIFF_NAMESPACE}}}trans-unit"):
        source = unit.find("x:source", NS)
        target = etree.SubElement(unit, f"{{{XLIFF_NAMESPACE}}}target", state=state)
        target.text = source.text
        for child in source:
            target.append(etree.fromstring(etree.tostring(child)))
    data = etree.tostring(root)
    if refused:
        with pytest.raises(ImportRejected):
            import_xliff(data, "ckb", editor, translated_units=TranslatedUnits.UP_TO_DATE)
    else:
        [result] = import_xliff(data, "ckb", editor, translated_units=TranslatedUnits.UP_TO_DATE)
        assert not result.imported
    page = fresh(page)
    assert translation_state(page, "ckb") == MISSING and not page.title_ckb
    assert notice("ckb", page) == ("en", "fallback")


def test_a_translation_of_an_older_swedish_revision_is_outdated_at_once(editor):
    page = make_page()
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=editor, swedish_change=SwedishChange.MEANING)
    import_translations(
        fresh(page),
        "ckb",
        {"title": SORANI["title"], "body": "<p>چوار ساڵ.</p>"},
        state=UP_TO_DATE,
        held_back=False,
        source_revision=1,
        user=editor,
    )
    page = fresh(page)
    assert translation_state(page, "ckb") == OUTDATED
    assert language_version(page, "ckb").source_revision == 1
    assert notice("ckb", page) == ("ckb", "outdated")


def test_a_machine_draft_is_shown_as_machine_translation(editor):
    page = make_page()
    save_machine_draft(
        page,
        "so",
        {"title": "Guri ku-meel-gaar ah", "body": "<p>Ilaa afar sano.</p>"},
        source_revision=page.source_revision,
        user=editor,
    )
    assert translation_state(fresh(page), "so") == MACHINE
    assert notice("so", page) == ("so", "machine")
