"""Inline markup on import (``xliff.markup_checks``): tags rebuilt, or dropped, added, refused."""

import pytest

from tests.translation_workflow.xliff.rich_body import RICH_CKB, rich_page
from tests.translation_workflow.xliff.validity import rejected
from tests.translation_workflow.xliff_files import SORANI, fill_targets
from translation_workflow.xliff import export_xliff, import_xliff

pytestmark = pytest.mark.django_db


def import_body(editor, page, body, **options):
    data = fill_targets(export_xliff([page], "ckb"), {**SORANI, "body": body})
    return import_xliff(data, "ckb", editor, **options)


def test_the_import_rebuilds_the_html_from_the_swedish_tags(editor):
    page = rich_page()
    import_body(editor, page, RICH_CKB)
    page.refresh_from_db()
    assert page.body_ckb == (
        "<h2>گرێبەستەکە</h2><p>تۆ <strong>گرێبەستی دەستی دووەمت</strong> هەیە بۆ "
        '<a href="https://goteborg.se/bostad">چوار ساڵ</a>.<br>ناتوانرێت وەربگیرێت.</p>'
    )


def test_reordered_inline_elements_with_the_right_ids_are_accepted(editor):
    page = rich_page()
    reordered = (
        '<g id="1">گرێبەستەکە</g><g id="2"><g id="4">چوار ساڵ</g> بۆ '
        '<g id="3">گرێبەستی دەستی دووەمت</g> هەیە.<x id="5"/>ناتوانرێت.</g>'
    )
    import_body(editor, page, reordered)
    page.refresh_from_db()
    assert page.body_ckb.startswith('<h2>گرێبەستەکە</h2><p><a href="https://goteborg.se/bostad">')


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Every tag removed: the paragraphs would vanish.
        ("گرێبەستەکە تۆ گرێبەستت هەیە.", "leaves out tags of the Swedish text: <h2> (1), <p> (2)"),
        (
            RICH_CKB.replace('<x id="5" ctype="lb"/>', ""),
            "leaves out tags of the Swedish text: <br> (5)",
        ),
        (
            RICH_CKB.replace('id="3"', 'id="9"'),
            'adds tags that are not in the Swedish text: <g id="9">',
        ),
        (
            RICH_CKB + '<g id="1">دووبارە</g>',
            "adds tags that are not in the Swedish text: <h2> (1)",
        ),
        # A paired tag where the Swedish has an empty one.
        (RICH_CKB.replace('<x id="5" ctype="lb"/>', '<g id="5">x</g>'), '<g id="5">'),
        # The bold text moved out of its paragraph into the heading.
        (
            '<g id="1">سەر <g id="3">گرێبەست</g></g>'
            '<g id="2">تۆ <g id="4">چوار</g>.<x id="5"/></g>',
            "moves tags out of the tag they belong in: <strong> (3)",
        ),
        # The old way: HTML typed as text, which tools offer for translation.
        ("&lt;h2&gt;سەر&lt;/h2&gt;&lt;p&gt;دەق", "HTML tags written as text"),
        # An unclosed tag that would bold the rest of the page.
        (
            RICH_CKB + "&lt;strong&gt;",
            "HTML tags written as text instead of the tool's protected tags: <strong>",
        ),
    ],
)
def test_dropped_added_and_broken_markup_is_rejected(editor, body, expected):
    page = rich_page()
    data = fill_targets(export_xliff([page], "ckb"), {**SORANI, "body": body})
    problems = rejected(data, "ckb", editor)
    # A tag with a wrong id is both added and, under its right id, left out.
    assert 1 <= len(problems) <= 2
    assert all(
        problem.startswith(f"The translation of “body” on the page “{page.title_sv}”")
        for problem in problems
    )
    assert any(expected in problem for problem in problems)


@pytest.mark.parametrize(
    "script",
    [
        '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>',
        "<script>alert(1)</script>",
        '<x:script xmlns:x="urn:example">alert(1)</x:script>',
    ],
)
def test_a_script_element_in_a_target_is_rejected(editor, script):
    page = rich_page()
    body = RICH_CKB.replace("ناتوانرێت", f"{script}ناتوانرێت")
    data = fill_targets(export_xliff([page], "ckb"), {**SORANI, "body": body})
    problems = rejected(data, "ckb", editor)
    assert problems == [
        f"The translation of “body” on the page “{page.title_sv}” contains elements that are "
        "not allowed: <script>."
    ]
