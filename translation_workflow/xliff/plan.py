"""What an import found: outcomes per unit and per page, before anything is written."""

from dataclasses import dataclass, field
from enum import Enum

from django.db import models
from django.utils.translation import gettext_lazy as _l

from housing_info.models import Page


class ImportRejected(Exception):
    """The file was not imported; ``problems`` says why, in the caseworker's language."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


class UnitOutcome(Enum):
    """What a unit's state in the file makes of its translation."""

    FINAL = "final"  # final, signed-off or approved: up to date
    TRANSLATED = "translated"  # translated (or no state): the caseworker's choice
    MACHINE = "machine"  # a machine translation nobody signed off
    UNFINISHED = "unfinished"  # new, needs-translation, needs-review-…: not imported


FINISHED_STATES = frozenset({"final", "signed-off"})
UNFINISHED_STATES = frozenset(
    {
        "new",
        "needs-translation",
        "needs-adaptation",
        "needs-l10n",
        "needs-review-translation",
        "needs-review-adaptation",
        "needs-review-l10n",
    }
)
MACHINE_QUALIFIERS = frozenset({"mt-suggestion", "leveraged-mt"})


class TranslatedUnits(models.TextChoices):
    """What becomes of texts the file calls "translated" (not signed off)."""

    REVIEW = "review", _l("Held back until a reviewer has checked them (safer)")
    UP_TO_DATE = "up_to_date", _l("Up to date at once")


@dataclass
class PageImport:
    """What the file brings for one page."""

    # {field name: text to store}
    targets: dict = field(default_factory=dict)
    outcomes: set = field(default_factory=set)
    # (field name, state in the file) of units that are not finished.
    unfinished: list = field(default_factory=list)


@dataclass
class ImportResult:
    """What an import did to one page's language version."""

    page: Page
    state: str
    held_back: bool
    imported: bool
    unfinished: list


@dataclass
class ImportPlan:
    code: str
    # {page pk: PageImport}
    pages: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    # (page pk, field name) of every unit in the file, good or bad.
    seen: set = field(default_factory=set)
