"""XLIFF 1.2 exchange: export, a translated round trip, and every rejected import."""

import pytest
from django.test import Client
from django.utils import translation
from lxml import etree

from housing_info.models import Page, SwedishChange, TranslationState
from tests.factories import make_page, make_user
from translation_workflow.xliff import (
    XLIFF_NAMESPACE,
    ImportRejected,
    Xliff12File,
    export_xliff,
    import_xliff,
    pages_needing_translation,
)

pytestmark = pytest.mark.django_db

NS = {"x": XLIFF_NAMESPACE}
SORANI = {
    "title": "خانووی کاتی",
    "summary": "خانوویەکی کاتی کە شار بە کرێی دووەم پێت دەدات.",
    "body": "<p>تۆ گرێبەستی دەستی دووەمت هەیە بۆ ماوەی چوار ساڵ.</p>",
}


@pytest.fixture(autouse=True)
def in_english():
    """Problems are written in the active language; these tests read them in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def editor():
    return make_user("Editor")


def fill_targets(data, texts):
    """What a translation agency does: write a target for every unit."""
    store = Xliff12File.parsestring(data)
    for unit in store.units:
        name = unit.getid().rsplit("-", 1)[-1]
        unit.target = texts[name]
    return bytes(store)


def database_state():
    return (
        list(Page.objects.order_by("pk").values()),
        Page.history.count(),
    )


def test_export_is_xliff_1_2_with_sources_existing_targets_and_notes():
    page = make_page()
    data = export_xliff([page], "ar")
    root = etree.fromstring(data)
    assert root.tag == f"{{{XLIFF_NAMESPACE}}}xliff" and root.get("version") == "1.2"
    file_node = root.find("x:file", NS)
    assert file_node.get("source-language") == "sv" and file_node.get("target-language") == "ar"
    # The header comes before the body, as the XLIFF 1.2 schema requires.
    assert [etree.QName(child).localname for child in file_node] == ["header", "body"]
    assert page.title_sv in file_node.find("x:header/x:note", NS).text
    body = root.find(f".//x:trans-unit[@id='page-{page.pk}-body']", NS)
    assert body.find("x:source", NS).text == page.body_sv
    assert body.find("x:target", NS).text == page.body_ar
    assert body.get("datatype") == "html" and body.find("x:note", NS).text
    title = root.find(f".//x:trans-unit[@id='page-{page.pk}-title']", NS)
    assert title.get("maxwidth") == "200"


def test_export_of_an_outdated_version_asks_for_review_of_its_target():
    page = make_page()
    page.body_sv = "<p>Högst tre år.</p>"
    page.save()
    root = etree.fromstring(export_xliff([Page.objects.get(pk=page.pk)], "ar"))
    target = root.find(f".//x:trans-unit[@id='page-{page.pk}-body']/x:target", NS)
    assert target.get("state") == "needs-review-translation"


def test_pages_needing_translation_are_the_missing_and_outdated_ones():
    current = make_page()
    missing = make_page(title_ckb="", body_ckb="")
    outdated = make_page(title_ckb="سەردێڕ", body_ckb="<p>دەق</p>")
    outdated.body_sv = "<p>Ny regel.</p>"
    outdated.save()
    Page.objects.filter(pk=current.pk).update(title_ckb="سەردێڕ", body_ckb="<p>دەق</p>")
    assert {p.pk for p in pages_needing_translation("ckb")} == {missing.pk, outdated.pk}


def test_round_trip_export_translate_import_shows_on_the_public_page(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)

    import_xliff(data, "ckb", editor)

    page.refresh_from_db()
    assert page.title_ckb == SORANI["title"]
    assert page.translation_state("ckb") == TranslationState.UP_TO_DATE
    version = page.language_version("ckb")
    assert version.source_revision == page.source_revision
    assert version.source_date == page.source_changed_on
    assert page.history.first().history_change_reason == "imported ckb"
    response = Client().get(f"/ckb/{page.slug}/")
    content = response.content.decode()
    assert SORANI["title"] in content
    assert '<article class="page" lang="ckb" dir="rtl">' in content


def test_import_makes_an_outdated_version_up_to_date_with_the_current_swedish(editor):
    page = make_page(title_ckb=SORANI["title"], body_ckb=SORANI["body"])
    page.body_sv = "<p>Högst tre år.</p>"
    page.swedish_change = SwedishChange.MEANING
    page.save()
    page = Page.objects.get(pk=page.pk)
    assert page.translation_state("ckb") == TranslationState.OUTDATED
    texts = {**SORANI, "body": "<p>بۆ ماوەی سێ ساڵ.</p>"}
    import_xliff(fill_targets(export_xliff([page], "ckb"), texts), "ckb", editor)
    page.refresh_from_db()
    assert page.translation_state("ckb") == TranslationState.UP_TO_DATE
    assert page.language_version("ckb").source_revision == 2


def test_import_can_hold_the_versions_back_until_review(editor):
    page = make_page()
    import_xliff(fill_targets(export_xliff([page], "ckb"), SORANI), "ckb", editor, hold_back=True)
    page.refresh_from_db()
    assert not page.is_translated_into("ckb")


def rejected(data, code, user):
    before = database_state()
    with pytest.raises(ImportRejected) as rejection:
        import_xliff(data, code, user)
    assert database_state() == before, "a rejected import changed the database"
    return rejection.value.problems


def test_malformed_xml_is_rejected_and_changes_nothing(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)[:-40]
    problems = rejected(data, "ckb", editor)
    assert len(problems) == 1 and "XML" in problems[0]


def test_a_file_that_is_not_xliff_1_2_is_rejected(editor):
    make_page()
    problems = rejected(b'<?xml version="1.0"?><xliff version="2.0"/>', "ckb", editor)
    assert "XLIFF 1.2" in problems[0]


def test_a_doctype_is_rejected(editor):
    data = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>'
    )
    assert "DOCTYPE" in rejected(data, "ckb", editor)[0]


def test_the_wrong_target_language_is_rejected(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "fa"), SORANI)
    problems = rejected(data, "ckb", editor)
    assert any("fa" in problem for problem in problems)


def test_unknown_units_are_rejected(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)
    data = data.replace(f"page-{page.pk}-summary".encode(), b"page-999999-summary")
    problems = rejected(data, "ckb", editor)
    assert any("999999" in problem for problem in problems)


def test_a_source_changed_since_the_export_is_rejected(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)
    page.summary_sv = "En ny sammanfattning."
    page.save()
    problems = rejected(data, "ckb", editor)
    assert len(problems) == 1 and page.title_sv in problems[0]


def test_target_html_the_sanitizer_would_change_is_rejected(editor):
    page = make_page()
    texts = {**SORANI, "body": '<p onclick="steal()">دەق</p><script>alert(1)</script>'}
    problems = rejected(fill_targets(export_xliff([page], "ckb"), texts), "ckb", editor)
    assert len(problems) == 1
    assert "<script>" in problems[0] and "onclick" in problems[0]


def test_target_html_that_only_differs_in_spelling_of_markup_is_accepted(editor):
    page = make_page()
    texts = {**SORANI, "body": "<p>خانوو & کرێ<br/>دەق</p>"}
    import_xliff(fill_targets(export_xliff([page], "ckb"), texts), "ckb", editor)
    page.refresh_from_db()
    assert "&amp;" in page.body_ckb


def test_html_in_a_plain_text_field_is_rejected(editor):
    page = make_page()
    texts = {**SORANI, "title": "<b>خانوو</b>"}
    assert rejected(fill_targets(export_xliff([page], "ckb"), texts), "ckb", editor)


def test_an_oversized_file_is_rejected(editor, settings):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)
    settings.TRANSLATION_IMPORT_MAX_BYTES = len(data) - 1
    problems = rejected(data, "ckb", editor)
    assert "too large" in problems[0]


def test_a_missing_translation_is_rejected(editor):
    page = make_page()
    store = Xliff12File.parsestring(export_xliff([page], "ckb"))
    for unit in store.units:
        if not unit.getid().endswith("-body"):
            unit.target = SORANI[unit.getid().rsplit("-", 1)[-1]]
    assert rejected(bytes(store), "ckb", make_user("Editor"))


def test_every_problem_is_reported_and_one_bad_page_keeps_the_good_one_out(editor):
    good, bad = make_page(), make_page()
    data = fill_targets(export_xliff([good, bad], "ckb"), SORANI)
    bad.title_sv = "Ändrad"
    bad.save()
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
