"""The state of each language version of a page: the types, and reading them.

``Page.language_versions`` stores one ``LanguageVersion`` per language as JSON;
only ``translation_workflow.services`` writes it.
"""

from dataclasses import asdict, dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.languages import SOURCE_LANGUAGE


class TranslationState(models.TextChoices):
    """Where a language version of a page stands against the Swedish source."""

    MISSING = "missing", _("Missing")
    IN_TRANSLATION = "in_translation", _("In translation")
    MACHINE = "machine", _("Machine translation, not yet reviewed")
    UP_TO_DATE = "up_to_date", _("Up to date")
    OUTDATED = "outdated", _("Outdated")


class SwedishChange(models.TextChoices):
    """What a save did to the Swedish text, as the person saving says."""

    MEANING = "meaning", _("It changes the meaning: the other language versions become outdated")
    TYPO = "typo", _("Only a typo or wording fix: the other language versions stay up to date")


# States in which a reader is shown the language version's own text.
READABLE_STATES = frozenset(
    {TranslationState.MACHINE, TranslationState.UP_TO_DATE, TranslationState.OUTDATED}
)


@dataclass(frozen=True)
class LanguageVersion:
    """Where one language version of a page stands against the Swedish source.

    ``source_revision`` and ``source_date`` name the Swedish version it was
    translated from (``Page.source_revision`` counts Swedish text changes).
    """

    state: str = TranslationState.MISSING
    source_revision: int | None = None
    source_date: date | None = None
    held_back: bool = False
    reviewed_on: date | None = None
    reviewed_by: str = ""
    sent_on: date | None = None

    @classmethod
    def from_json(cls, data):
        data = dict(data or {})
        for name in ("source_date", "reviewed_on", "sent_on"):
            if data.get(name):
                data[name] = date.fromisoformat(data[name])
        known = cls.__dataclass_fields__
        return cls(**{name: value for name, value in data.items() if name in known})

    def to_json(self):
        data = asdict(self)
        for name in ("source_date", "reviewed_on", "sent_on"):
            if data[name]:
                data[name] = data[name].isoformat()
        return data


def visible_state(version, has_text):
    """The state of a language version, given whether its text exists.

    The text is the truth about "missing": a record saying otherwise is stale.
    """
    if not has_text:
        if version.state == TranslationState.IN_TRANSLATION:
            return TranslationState.IN_TRANSLATION
        return TranslationState.MISSING
    if version.state in READABLE_STATES:
        return TranslationState(version.state)
    # Text without a record: written before states were kept, or by a bulk update.
    return TranslationState.UP_TO_DATE


def language_version(page, code):
    """The LanguageVersion record of ``code`` on ``page`` (a blank one when there is none)."""
    return LanguageVersion.from_json((page.language_versions or {}).get(code))


def set_language_version(page, code, version):
    page.language_versions = {**(page.language_versions or {}), code: version.to_json()}


def translation_state(page, code):
    """The state of ``page``'s ``code`` version (a TranslationState)."""
    if code == SOURCE_LANGUAGE:
        return TranslationState.UP_TO_DATE
    return visible_state(language_version(page, code), page.has_text_in(code))
