"""Exchange with translation agencies: XLIFF 1.2 export and import.

The file format is read and written with translate-toolkit. One ``<file>`` per
page, one ``<trans-unit>`` per text field with Swedish text; a unit's id names
the page and the field (``page-12-body``). The body's HTML travels as XLIFF
inline elements (``inline_markup``), so translation tools protect the tags.

An import honours what the file says about each unit: its ``state``,
``state-qualifier`` and ``approved`` decide the state of the language version
(``unit_outcome``), and a target that is empty, the Swedish text copied, or
drops, adds or moves the Swedish markup is refused.

Each unit carries, in its ``extradata`` attribute (the place XLIFF 1.2 keeps
for a tool's own data, valid under the strict schema), a fingerprint of the
target language's text as it was at the export (``target_version``): an import
refuses a unit whose text in the portal changed after the export, so that a
translator's later correction is not overwritten by the agency's file.

An import is checked completely before anything is written, and then applied
in one transaction: a file with any problem changes nothing, and the caseworker
gets every problem listed in their own language.

The package is the interface; its modules each do one job: ``format`` (unit
ids, the 1.2 store, fingerprints), ``export``, ``plan`` (what an import found),
``markup_checks``, ``checks`` (each unit and the file) and ``importing``.
"""

from translation_workflow.inline_markup import XLIFF_NAMESPACE
from translation_workflow.xliff.export import (
    export_xliff,
    pages_needing_translation,
    send_for_translation,
)
from translation_workflow.xliff.format import Xliff12File, target_version, unit_id
from translation_workflow.xliff.importing import import_xliff, read_xliff
from translation_workflow.xliff.plan import ImportRejected, ImportResult, TranslatedUnits

__all__ = [
    "XLIFF_NAMESPACE",
    "ImportRejected",
    "ImportResult",
    "TranslatedUnits",
    "Xliff12File",
    "export_xliff",
    "import_xliff",
    "pages_needing_translation",
    "read_xliff",
    "send_for_translation",
    "target_version",
    "unit_id",
]
