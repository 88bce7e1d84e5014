"""The XLIFF 1.2 file as the portal writes it: unit ids, the 1.2 store, target fingerprints."""

import hashlib
import re

from translate.storage import xliff

from portal.languages import SOURCE_LANGUAGE
from translation_workflow.inline_markup import (
    XLIFF_NAMESPACE,
)
from translation_workflow.versions import TranslationState

UNIT_ID = re.compile(r"^page-(?P<page>\d+)-(?P<field>[a-z_]+)$")
RICH_TEXT_FIELDS = frozenset({"body"})
NEEDS_TRANSLATION = frozenset(
    {TranslationState.MISSING, TranslationState.IN_TRANSLATION, TranslationState.OUTDATED}
)


class Xliff12Unit(xliff.xliffunit):
    namespace = XLIFF_NAMESPACE


class Xliff12File(xliff.xlifffile):
    """translate-toolkit's XLIFF store, writing version 1.2 (its default is 1.1)."""

    UnitClass = Xliff12Unit
    namespace = XLIFF_NAMESPACE
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version="1.2" xmlns="{XLIFF_NAMESPACE}">
<file original="NoName" source-language="{SOURCE_LANGUAGE}" datatype="plaintext">
<body>
</body>
</file>
</xliff>"""


TARGET_VERSION_PREFIX = "portal-target-version:"


def target_version(page, name, code):
    """A fingerprint of the stored ``code`` text of field ``name``, as sent in an export."""
    text = (getattr(page, f"{name}_{code}") or "").encode()
    return TARGET_VERSION_PREFIX + hashlib.sha256(text).hexdigest()[:20]


def unit_id(page, name):
    return f"page-{page.pk}-{name}"
