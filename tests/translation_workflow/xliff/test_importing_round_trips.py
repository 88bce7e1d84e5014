"""Round trips: export, translation in translate-toolkit or another CAT tool, import, the page."""

import copy
import re

import pytest
from django.test import Client
from django.utils import translation
from lxml import etree

from housing_info.models import Page
from tests.factories import make_page
from tests.translation_workflow.xliff.rich_body import RICH_CKB, RICH_SV
from tests.translation_workflow.xliff.validity import assert_valid
from tests.translation_workflow.xliff_files import NS, SORANI, fill_targets
from translation_workflow.services import save_page_text
from translation_workflow.versions import (
    SwedishChange,
    TranslationState,
    language_version,
    translation_state,
)
from translation_workflow.xliff import XLIFF_NAMESPACE, export_xliff, import_xliff

pytestmark = pytest.mark.django_db


def test_round_trip_export_translate_import_shows_on_the_public_page(editor):
    page = make_page()
    data = fill_targets(export_xliff([page], "ckb"), SORANI)

    import_xliff(data, "ckb", editor)

    page.refresh_from_db()
    assert page.title_ckb == SORANI["title"]
    assert translation_state(page, "ckb") == TranslationState.UP_TO_DATE
    version = language_version(page, "ckb")
    assert version.source_revision == page.source_revision
    assert version.source_date == page.source_changed_on
    assert page.history.first().history_change_reason == "imported ckb"
    response = Client().get(f"/ckb/{page.slug}/")
    content = response.content.decode()
    assert SORANI["title"] in content
    assert '<article class="page" lang="ckb" dir="rtl">' in content


def translate_strings(elements, words):
    """Replace the text of translate-toolkit rich elements, keeping their placeables."""
    for element in elements:
        for index, sub in enumerate(element.sub):
            if isinstance(sub, str) and sub.strip() in words:
                element.sub[index] = sub.replace(sub.strip(), words[sub.strip()])
            elif not isinstance(sub, str):
                translate_strings([sub], words)


def test_round_trip_through_translate_toolkit_keeps_the_markup(editor):
    from translate.storage import xliff as toolkit_xliff

    page = make_page(body_sv=RICH_SV)
    store = toolkit_xliff.xlifffile.parsestring(export_xliff([page], "ckb"))
    words = {
        "Kontraktet": "گرێبەستەکە",
        "Du har ett": "تۆ",
        "andrahandskontrakt": "گرێبەستی دەستی دووەمت",
        "i högst": "هەیە بۆ",
        "fyra år": "چوار ساڵ",
        ".": ".",
        "Det kan inte tas över.": "ناتوانرێت وەربگیرێت.",
    }
    for unit in store.units:
        name = unit.getid().rsplit("-", 1)[-1]
        if name == "body":
            rich = [element.copy() for element in unit.rich_source]
            translate_strings(rich, words)
            unit.rich_target = rich
        else:
            unit.target = SORANI[name]
        unit.markapproved(True)
    data = bytes(store)
    assert b"<g " in data and b"&lt;p" not in data

    import_xliff(data, "ckb", editor)

    page.refresh_from_db()
    # The line break the Swedish text has between its heading and paragraph may stay.
    assert re.sub(r">\s+<", "><", page.body_ckb) == (
        "<h2>گرێبەستەکە</h2><p>تۆ <strong>گرێبەستی دەستی دووەمت</strong> هەیە بۆ "
        '<a href="https://goteborg.se/bostad">چوار ساڵ</a>.<br>ناتوانرێت وەربگیرێت.</p>'
    )
    assert translation_state(page, "ckb") == TranslationState.UP_TO_DATE
    content = Client().get(f"/ckb/{page.slug}/").content.decode()
    assert reader_notice("ckb", "Translated from the Swedish version of %(date)s.") in content


def reader_notice(code, message):
    """The part of a notice before its first placeholder, in ``code``."""
    with translation.override(code):
        return translation.gettext(message).split("%")[0].strip()


def as_another_tool_writes_it(data):
    """Re-serialise a filled-in file the way other CAT tools write XLIFF 1.2.

    An ``xlf:`` namespace prefix, a translator's note and a translation-memory
    match (``<alt-trans>``) on every unit, the source segmented in
    ``<seg-source>`` with ``<mrk mtype="seg">``, and the target's segments
    marked the same way.
    """
    original = etree.fromstring(data)

    def rebuilt(element, parent=None):
        if not isinstance(element.tag, str):
            return None
        if parent is None:
            copy_ = etree.Element(element.tag, nsmap={"xlf": XLIFF_NAMESPACE})
        else:
            copy_ = etree.SubElement(parent, element.tag)
        copy_.attrib.update(element.attrib)
        copy_.text, copy_.tail = element.text, element.tail
        for child in element:
            rebuilt(child, copy_)
        return copy_

    root = rebuilt(original)
    for unit in root.iter(f"{{{XLIFF_NAMESPACE}}}trans-unit"):
        source = unit.find("x:source", NS)
        target = unit.find("x:target", NS)
        segmented = etree.Element(f"{{{XLIFF_NAMESPACE}}}seg-source")
        mark = etree.SubElement(segmented, f"{{{XLIFF_NAMESPACE}}}mrk", mtype="seg", mid="1")
        mark.text = source.text
        for child in source:
            mark.append(copy.deepcopy(child))
        source.addnext(segmented)
        target_mark = etree.Element(f"{{{XLIFF_NAMESPACE}}}mrk", mtype="seg", mid="1")
        target_mark.text, target.text = target.text, None
        for child in list(target):
            target_mark.append(child)
        target.append(target_mark)
        etree.SubElement(
            unit, f"{{{XLIFF_NAMESPACE}}}note", **{"from": "translator"}
        ).text = "Checked against the glossary."
        alternative = etree.SubElement(
            unit, f"{{{XLIFF_NAMESPACE}}}alt-trans", origin="TM", **{"match-quality": "87"}
        )
        etree.SubElement(alternative, f"{{{XLIFF_NAMESPACE}}}target").text = "پێشنیار"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize(
    ("state", "qualifier", "notice_class", "notice"),
    [
        ("final", None, "translation-source", "Translated from the Swedish version of %(date)s."),
        (
            "translated",
            "mt-suggestion",
            "notice--machine",
            "Machine translation of the Swedish version of %(date)s. It has not been checked "
            "by the City and may contain mistakes.",
        ),
    ],
)
def test_round_trip_through_a_file_another_tool_wrote(
    editor, strict_schema, state, qualifier, notice_class, notice
):
    page = make_page(body_sv=RICH_SV)
    filled = fill_targets(
        export_xliff([page], "ckb"), {**SORANI, "body": RICH_CKB}, state=state, qualifier=qualifier
    )
    data = as_another_tool_writes_it(filled)
    assert b"<xlf:seg-source><xlf:mrk" in data and b"<xlf:alt-trans" in data
    # What the other tool wrote is still XLIFF 1.2, as the import expects.
    assert_valid(strict_schema, data)

    import_xliff(data, "ckb", editor)

    page.refresh_from_db()
    assert page.body_ckb.startswith("<h2>گرێبەستەکە</h2><p>تۆ <strong>")
    assert page.title_ckb == SORANI["title"]
    content = Client().get(f"/ckb/{page.slug}/").content.decode()
    assert notice_class in content
    assert reader_notice("ckb", notice) in content


def test_round_trip_of_an_outdated_version_returned_unchanged_keeps_it_outdated(editor):
    """The issue's case: the agency sent the outdated Arabic back, marked for review."""
    page = make_page()
    page.body_sv = "<p>Du har ett andrahandskontrakt i högst tre år.</p>"
    save_page_text(page, user=None, swedish_change=SwedishChange.MEANING)
    page = Page.objects.get(pk=page.pk)
    data = as_another_tool_writes_it(export_xliff([page], "ar"))
    assert b'state="needs-review-translation"' in data
    import_xliff(data, "ar", editor)
    page.refresh_from_db()
    assert translation_state(page, "ar") == TranslationState.OUTDATED
    content = Client().get(f"/ar/{page.slug}/").content.decode()
    assert "notice--outdated" in content and "أربع سنوات" in content
    assert reader_notice("ar", "Read the current Swedish version") in content
