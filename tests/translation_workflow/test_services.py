"""Every path of the one service that changes a page's texts and states.

Each test asserts the resulting state and what a reader of that language is
told on the public page, in the reader's language.
"""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from lxml import etree

from housing_info.models import Page
from tests.factories import make_page, make_user, page_form_data
from tests.translation_workflow.xliff_files import NS, SORANI, fill_targets
from translation_workflow.services import (
    import_translations,
    load_demo_content,
    publish_page,
    restore_revision,
    save_machine_draft,
    save_page_text,
    unpublish_page,
)
from translation_workflow.versions import (
    SwedishChange,
    TranslationState,
    language_version,
    translation_state,
)
from translation_workflow.xliff import (
    XLIFF_NAMESPACE,
    ImportRejected,
    TranslatedUnits,
    export_xliff,
    import_xliff,
)

pytestmark = pytest.mark.django_db

UP_TO_DATE = TranslationState.UP_TO_DATE
OUTDATED = TranslationState.OUTDATED
MACHINE = TranslationState.MACHINE
MISSING = TranslationState.MISSING

ARTICLE = re.compile(r'<article class="page" lang="([\w-]+)"')


def in_language(code, message):
    with translation.override(code):
        return translation.gettext(message)


def notice(code, page):
    """(language shown, what the reader is told) on the public page in ``code``.

    What they are told is "outdated", "machine", "translated" (the source
    date), "fallback" or "" ; each is checked in the reader's own language.
    """
    html = Client().get(f"/{code}/{page.slug}/").content.decode()
    shown = ARTICLE.search(html).group(1)
    if "notice--outdated" in html:
        assert in_language(code, "Read the current Swedish version") in html
        return shown, "outdated"
    if "notice--machine" in html:
        assert in_language(code, "Read the Swedish version") in html
        return shown, "machine"
    if shown != code:
        with translation.override(code):
            name = translation.get_language_info(shown)["name_translated"]
            expected = translation.gettext(
                "This page is not yet available in your language. Here it is in %(language)s."
            ) % {"language": name}
        assert expected in html
        return shown, "fallback"
    if 'class="translation-source"' in html:
        return shown, "translated"
    return shown, ""


def fresh(page):
    return Page.objects.get(pk=page.pk)


@pytest.fixture
def editor():
    return make_user("Editor")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def change_url(page):
    return reverse("admin:housing_info_page_change", args=[page.pk])


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


# The XLIFF import, in every state a unit can have


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


# Restore, per language


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


# Publishing


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
