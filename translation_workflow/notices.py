"""What a visitor is told about the language version they read."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import translation

from portal.languages import SOURCE_LANGUAGE
from translation_workflow.versions import TranslationState, language_version, translation_state


@dataclass(frozen=True)
class TranslationNotice:
    reader_language: str
    shown_language: str
    state: str
    source_date: date | None
    held_back_preview: bool
    source_url: str

    @property
    def is_fallback(self):
        return self.shown_language != self.reader_language

    @property
    def is_translation(self):
        return self.shown_language != SOURCE_LANGUAGE

    @property
    def is_machine(self):
        return self.state == TranslationState.MACHINE

    @property
    def is_outdated(self):
        return self.state == TranslationState.OUTDATED


def translation_notice(page, reader_language, shown_language):
    """The notice for a reader of ``reader_language`` shown ``shown_language``."""
    version = language_version(page, shown_language)
    with translation.override(SOURCE_LANGUAGE):
        source_url = reverse("housing_info:page", kwargs={"slug": page.slug})
    return TranslationNotice(
        reader_language=reader_language,
        shown_language=shown_language,
        state=translation_state(page, shown_language),
        source_date=version.source_date,
        # Staff see a held-back version; visitors of that language do not.
        held_back_preview=shown_language == reader_language
        and shown_language != SOURCE_LANGUAGE
        and version.held_back,
        source_url=source_url,
    )
