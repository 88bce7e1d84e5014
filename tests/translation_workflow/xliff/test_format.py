"""The file the portal writes (``xliff.format``): target fingerprints, the OASIS strict schema."""

import pytest
from django.conf import settings
from lxml import etree

from housing_info.models import Page
from tests.factories import make_page, make_page_in
from tests.translation_workflow.xliff.rich_body import RICH_SV
from tests.translation_workflow.xliff.validity import assert_valid
from tests.translation_workflow.xliff_files import NS, SORANI
from translation_workflow.services import save_page_text
from translation_workflow.versions import SwedishChange, TranslationState
from translation_workflow.xliff import export_xliff, target_version

pytestmark = pytest.mark.django_db


def test_every_unit_carries_the_version_of_its_target_at_the_export():
    page = make_page(title_ckb=SORANI["title"])
    units = etree.fromstring(export_xliff([page], "ckb")).findall(".//x:trans-unit", NS)
    versions = {unit.get("id"): unit.get("extradata") for unit in units}
    assert versions[f"page-{page.pk}-title"] == target_version(page, "title", "ckb")
    assert versions[f"page-{page.pk}-body"] == target_version(page, "body", "ckb")
    assert versions[f"page-{page.pk}-title"] != versions[f"page-{page.pk}-body"]


# The OASIS strict schema ---------------------------------------------------------


def test_exports_in_every_language_pass_the_strict_schema(strict_schema):
    """Several pages, every state a target can be exported in, rtl and Ethiopic text."""
    written = make_page_in("prs", "so", "uk", "ar", "ti", body_sv=RICH_SV)
    plain_page = make_page(
        title_fa="خانه", body_fa="<p>متن</p>", title_ru="Жильё", body_ru="<p>Текст</p>"
    )
    outdated = make_page(
        title_kmr="Xanî", body_kmr="<p>Nivîs</p>", title_ps="کور", body_ps="<p>متن</p>"
    )
    outdated.body_sv = RICH_SV
    save_page_text(outdated, user=None, swedish_change=SwedishChange.MEANING)
    machine = make_page()
    save_page_text(
        machine, user=None, swedish_change=None, states_declared={"ar": TranslationState.MACHINE}
    )
    pages = list(Page.objects.order_by("pk"))
    assert {written.pk, plain_page.pk, outdated.pk, machine.pk} <= {page.pk for page in pages}
    codes = [code for code, _name in settings.LANGUAGES if code != "sv"]
    # Every target language: the eleven of the first wave at least, and any added since.
    assert len(codes) >= 11
    for code in codes:
        data = export_xliff(pages, code)
        assert_valid(strict_schema, data)
    arabic = etree.fromstring(export_xliff(pages, "ar"))
    # The file holds what the schema was asked to check: inline markup, states, alternatives.
    assert arabic.find(".//x:source/x:g/x:g", NS) is not None
    assert arabic.find(".//x:target[@state-qualifier='mt-suggestion']", NS) is not None
    kurmanji = etree.fromstring(export_xliff(pages, "kmr"))
    assert kurmanji.find(".//x:alt-trans", NS) is not None


def test_the_schema_check_catches_an_invalid_file(strict_schema):
    """The check above can fail: a unit without its source is not XLIFF 1.2."""
    page = make_page()
    root = etree.fromstring(export_xliff([page], "ar"))
    unit = root.find(".//x:trans-unit", NS)
    unit.remove(unit.find("x:source", NS))
    assert not strict_schema.validate(root)
