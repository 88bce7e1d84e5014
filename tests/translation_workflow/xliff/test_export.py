"""XLIFF export (``xliff.export``): sources, targets and their states, notes, inline markup."""

import pytest
from lxml import etree

from housing_info.models import Page
from tests.factories import make_page
from tests.translation_workflow.xliff.rich_body import RICH_SV, rich_page
from tests.translation_workflow.xliff_files import NS, SORANI
from translation_workflow.services import save_page_text
from translation_workflow.states import set_held_back
from translation_workflow.versions import SwedishChange, TranslationState
from translation_workflow.xliff import XLIFF_NAMESPACE, export_xliff, pages_needing_translation

pytestmark = pytest.mark.django_db


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
    # The markup travels as inline elements, for the translation tool to protect.
    paragraph = body.find("x:source/x:g", NS)
    assert (paragraph.get("id"), paragraph.get("ctype")) == ("1", "x-html-p")
    assert paragraph.text == "Du har ett andrahandskontrakt i högst fyra år."
    assert (
        body.find("x:target/x:g[@id='1']", NS).text
        == "لديك عقد إيجار من الباطن لمدة أقصاها أربع سنوات."
    )
    assert body.find("x:target", NS).get("state") == "final"
    assert body.get("datatype") == "html" and body.find("x:note", NS).text
    title = root.find(f".//x:trans-unit[@id='page-{page.pk}-title']", NS)
    assert title.get("maxwidth") == "200"


def test_export_of_an_outdated_version_asks_for_review_of_its_target():
    page = make_page()
    page.body_sv = "<p>Högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=None)
    root = etree.fromstring(export_xliff([Page.objects.get(pk=page.pk)], "ar"))
    target = root.find(f".//x:trans-unit[@id='page-{page.pk}-body']/x:target", NS)
    assert target.get("state") == "needs-review-translation"


def test_pages_needing_translation_are_the_missing_and_outdated_ones():
    current = make_page()
    missing = make_page(title_ckb="", body_ckb="")
    outdated = make_page(title_ckb="سەردێڕ", body_ckb="<p>دەق</p>")
    outdated.body_sv = "<p>Ny regel.</p>"
    save_page_text(outdated, user=None, swedish_change=None)
    Page.objects.filter(pk=current.pk).update(title_ckb="سەردێڕ", body_ckb="<p>دەق</p>")
    assert {p.pk for p in pages_needing_translation("ckb")} == {missing.pk, outdated.pk}


def test_the_export_writes_paired_tags_as_g_and_empty_ones_as_x():
    page = rich_page()
    root = etree.fromstring(export_xliff([page], "ckb"))
    source = root.find(f".//x:trans-unit[@id='page-{page.pk}-body']/x:source", NS)
    inline = [
        (e.tag.split("}")[1], e.get("id"), e.get("ctype")) for e in source.iter() if e is not source
    ]
    assert inline == [
        ("g", "1", "x-html-h2"),
        ("g", "2", "x-html-p"),
        ("g", "3", "bold"),
        ("g", "4", "link"),
        ("x", "5", "lb"),
    ]
    # No HTML travels as text, where a tool would offer it for translation.
    assert "<" not in "".join(source.itertext())


def test_an_outdated_translation_whose_tags_no_longer_match_travels_as_an_alternative():
    page = make_page(title_ckb=SORANI["title"], body_ckb="<p>کۆن</p>")
    page.body_sv = RICH_SV
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    root = etree.fromstring(export_xliff([Page.objects.get(pk=page.pk)], "ckb"))
    unit = root.find(f".//x:trans-unit[@id='page-{page.pk}-body']", NS)
    assert unit.find("x:target", NS) is None
    assert unit.find("x:alt-trans/x:target", NS).text == "کۆن"
    title = root.find(f".//x:trans-unit[@id='page-{page.pk}-title']/x:target", NS)
    assert title.get("state") == "needs-review-translation"


def test_a_machine_translation_is_exported_as_one():
    page = make_page()
    save_page_text(
        page, user=None, swedish_change=None, states_declared={"ar": TranslationState.MACHINE}
    )
    root = etree.fromstring(export_xliff([Page.objects.get(pk=page.pk)], "ar"))
    target = root.find(f".//x:trans-unit[@id='page-{page.pk}-title']/x:target", NS)
    assert (target.get("state"), target.get("state-qualifier")) == (
        "needs-review-translation",
        "mt-suggestion",
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "final"),
        ({"body_ckb": ""}, "needs-translation"),
    ],
)
def test_an_exported_target_says_how_far_its_version_is(fields, expected):
    page = make_page(**{"title_ckb": SORANI["title"], "body_ckb": "<p>دەق</p>", **fields})
    held = make_page(title_ckb=SORANI["title"], body_ckb="<p>دەق</p>")
    set_held_back(held, "ckb", True)
    save_page_text(held, user=None, swedish_change=None)
    root = etree.fromstring(export_xliff([page, Page.objects.get(pk=held.pk)], "ckb"))
    title = root.find(f".//x:trans-unit[@id='page-{page.pk}-title']/x:target", NS)
    assert title.get("state") == expected
    held_title = root.find(f".//x:trans-unit[@id='page-{held.pk}-title']/x:target", NS)
    assert held_title.get("state") == "translated"
