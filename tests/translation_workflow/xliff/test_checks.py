"""Rejected imports (``xliff.checks``): the file, languages, sources, fingerprints, targets."""

import pytest
from django.test import Client
from django.utils import translation
from lxml import etree

from housing_info.models import Page
from tests.factories import make_page, make_user
from tests.translation_workflow.xliff.rich_body import RICH_CKB, rich_page
from tests.translation_workflow.xliff.validity import rejected
from tests.translation_workflow.xliff_files import NS, SORANI, fill_targets
from translation_workflow.services import save_page_text
from translation_workflow.xliff import XLIFF_NAMESPACE, Xliff12File, export_xliff, import_xliff

pytestmark = pytest.mark.django_db


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


def test_a_source_changed_since_the_export_is_rejected(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)
    page.summary_sv = "En ny sammanfattning."
    save_page_text(page, user=None, swedish_change=None)
    problems = rejected(data, "ckb", editor)
    assert len(problems) == 1 and page.title_sv in problems[0]


def test_a_unit_whose_language_version_changed_after_the_export_is_refused(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)
    # A translator corrects the Sorani title in the admin while the agency works.
    Page.objects.filter(pk=page.pk).update(title_ckb="خانووی کاتی (ڕاستکراوە)")
    problems = rejected(data, "ckb", editor)
    assert problems == [
        f"The Central Kurdish (Sorani) text of “title” on the page “{page.title_sv}” "
        f"(unit page-{page.pk}-title) has been changed in the portal since the export. "
        "Export the page again, so that the change is not overwritten."
    ]
    assert Page.objects.get(pk=page.pk).title_ckb == "خانووی کاتی (ڕاستکراوە)"


def test_the_refused_unit_is_listed_in_swedish(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)
    Page.objects.filter(pk=page.pk).update(summary_ckb="پوختەی نوێ")
    with translation.override("sv"):
        [problem] = rejected(data, "ckb", editor)
    assert f"(enhet page-{page.pk}-summary)" in problem
    assert "har ändrats i portalen sedan exporten" in problem


def test_a_file_whose_tool_dropped_the_versions_still_imports(editor):
    page = make_page()
    root = etree.fromstring(fill_targets(export_xliff([page], "ckb"), SORANI))
    for unit in root.iter(f"{{{NS['x']}}}trans-unit"):
        del unit.attrib["extradata"]
    import_xliff(etree.tostring(root), "ckb", editor)
    assert Page.objects.get(pk=page.pk).title_ckb == SORANI["title"]


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


def test_an_unknown_state_is_rejected(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI, state="done")
    problems = rejected(data, "ckb", editor)
    assert any("done" in problem for problem in problems)


# Targets that are not a translation -------------------------------------------


@pytest.mark.parametrize("state", ["final", "translated"])
def test_a_target_that_copies_the_swedish_is_rejected(editor, state):
    page = make_page()
    copied = {**SORANI, "title": f"  {page.title_sv}\n"}
    problems = rejected(
        fill_targets(export_xliff([page], "ckb"), copied, state=state), "ckb", editor
    )
    assert problems == [
        f"The translation of “title” on the page “{page.title_sv}” is the Swedish text "
        "copied unchanged."
    ]


def test_a_body_that_copies_the_swedish_is_rejected(editor):
    page = make_page()
    copied = {**SORANI, "body": '<g id="1">Du har ett andrahandskontrakt i högst fyra år.</g>'}
    problems = rejected(fill_targets(export_xliff([page], "ckb"), copied), "ckb", editor)
    assert len(problems) == 1 and "copied unchanged" in problems[0]


@pytest.mark.parametrize("empty", ["", "   ", '<g id="1" ctype="x-html-p"> </g>'])
def test_an_empty_target_is_rejected(editor, empty):
    page = make_page()
    problems = rejected(
        fill_targets(export_xliff([page], "ckb"), {**SORANI, "body": empty}), "ckb", editor
    )
    assert problems == [f"“body” on the page “{page.title_sv}” has no translation."]


def test_plain_fields_are_trimmed(editor):
    page = make_page()
    texts = {**SORANI, "title": "\n   خانووی\n  کاتی \n", "summary": f" {SORANI['summary']}\n"}
    import_xliff(fill_targets(export_xliff([page], "ckb"), texts), "ckb", editor)
    page.refresh_from_db()
    assert page.title_ckb == "خانووی کاتی"
    assert page.summary_ckb == SORANI["summary"]
    content = Client().get(f"/ckb/{page.slug}/").content.decode()
    assert "<h1>خانووی کاتی</h1>" in content or ">خانووی کاتی</h1>" in content
    assert "<title>خانووی کاتی" in content


def test_a_source_that_differs_only_in_whitespace_between_tags_is_accepted(editor):
    page = make_page(
        body_sv="<h2>Kontraktet</h2><p>Du har   ett\nkontrakt.</p><ul><li>Ett</li><li>Två</li></ul>"
    )
    data = export_xliff([page], "ckb")
    source = f'<source xmlns="{XLIFF_NAMESPACE}">\n  <g id="1" ctype="x-html-h2">Kontraktet</g>\n  '
    source += (
        '<g id="2" ctype="x-html-p">Du har ett kontrakt.</g>\n  <g id="3" ctype="x-html-ul">\n'
    )
    source += '    <g id="4" ctype="x-html-li">Ett</g>\n    <g id="5" ctype="x-html-li">Två</g>\n'
    source += "  </g>\n</source>"
    root = etree.fromstring(data)
    unit = root.find(f".//x:trans-unit[@id='page-{page.pk}-body']", NS)
    unit.replace(unit.find("x:source", NS), etree.fromstring(source))
    body = (
        '<g id="1">گرێبەست</g><g id="2">تۆ گرێبەستت هەیە.</g>'
        '<g id="3"><g id="4">یەک</g><g id="5">دوو</g></g>'
    )
    data = fill_targets(etree.tostring(root), {**SORANI, "body": body})
    import_xliff(data, "ckb", editor)
    page.refresh_from_db()
    assert (
        page.body_ckb == "<h2>گرێبەست</h2><p>تۆ گرێبەستت هەیە.</p><ul><li>یەک</li><li>دوو</li></ul>"
    )


def test_a_source_whose_words_or_tags_changed_is_still_rejected(editor):
    page = rich_page()
    data = fill_targets(export_xliff([page], "ckb"), {**SORANI, "body": RICH_CKB})
    for before, after in [
        ("fyra år", "tre år"),
        ('ctype="bold"', 'ctype="italic"'),
        ("Du har ett", "Du har  ett "),
    ]:
        changed = data.replace(before.encode(), after.encode(), 1)
        if before == "Du har ett":
            # Whitespace inside a sentence is re-wrapping, not a change.
            import_xliff(changed, "ckb", editor)
            continue
        problems = rejected(changed, "ckb", editor)
        assert problems and "has changed since the export" in problems[0]
