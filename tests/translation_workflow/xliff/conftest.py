"""Fixtures of the XLIFF tests: problems read in English, the OASIS strict schema.

``editor`` comes from ``tests/translation_workflow/conftest.py``.
"""

import os
from pathlib import Path

import pytest
from django.utils import translation
from lxml import etree


@pytest.fixture(autouse=True)
def in_english():
    """Problems are written in the active language; these tests read them in English."""
    with translation.override("en"):
        yield


REPOSITORY = Path(__file__).resolve().parents[3]
SCHEMA = Path("shared", "standards", "xliff-core-1.2-strict.xsd")


@pytest.fixture(scope="module")
def strict_schema():
    """The OASIS XLIFF 1.2 strict schema, from ``../shared/standards/`` (or further up)."""
    for folder in REPOSITORY.parents:
        if (folder / SCHEMA).exists():
            return etree.XMLSchema(etree.parse(str(folder / SCHEMA)))
    message = (
        f"The OASIS XLIFF 1.2 strict schema is missing: put xliff-core-1.2-strict.xsd and "
        f"xml.xsd in {REPOSITORY.parent / SCHEMA.parent} (beside the repository)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
