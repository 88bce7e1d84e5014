"""The rules of how each language version's state changes: plain functions.

Nothing here saves a page or runs on a signal: ``translation_workflow.services``
is the one path through which anything changes a page's texts and states, and it
calls these rules with what the caller said explicitly.

- A change to the Swedish text raises ``Page.source_revision`` (any change,
  even a typo fix: a translation records exactly which Swedish text it was
  made from, ``LanguageVersion.source_revision``).
- A version is outdated when the Swedish it was made from changed in meaning
  since. The question is asked where readers would otherwise be misled: when
  the Swedish text of a published page changes, and when a page is published
  whose translations were made from an older Swedish text than the one last
  published (``publish_needs_meaning_answer``). The answer "typo fix" keeps them;
  "change of meaning" outdates every up-to-date or machine-translated version
  made from an older Swedish revision. ``Page.published_source_revision``
  remembers the Swedish version whose meaning translations were last checked
  against, so a draft change asks again at the next publishing.
- Reordering, changing topic, kind or contacts, saving only another language's
  text, and saving with no change to the text never outdate anything.
- Text entered where a version was missing (or in translation) makes it up to
  date, translated from the current Swedish version. Editing a version that
  exists keeps its state: a fix to an outdated translation does not make it
  current; the translator says so by choosing "up to date" (``declared``).
- A version whose text is emptied becomes missing again.
"""

from django.utils import timezone

from housing_info.models import Page
from portal.languages import SOURCE_LANGUAGE
from translation_workflow.roles import translation_languages
from translation_workflow.versions import (
    LanguageVersion,
    TranslationState,
    language_version,
    set_language_version,
    translation_state,
)

# Fields whose change is not a change worth a revision of its own.
UNTRACKED_FIELDS = frozenset({"updated_at"})


def text_fields(code):
    return [f"{field}_{code}" for field in Page.TEXT_FIELDS]


def normalized(value):
    """Empty text is stored as "" or NULL; both mean no text."""
    return "" if value is None else value


def text_changed(page, previous, code):
    return any(
        normalized(getattr(page, name)) != normalized(previous.get(name))
        for name in text_fields(code)
    )


def compared_fields():
    """Concrete fields compared to tell whether a save changed anything."""
    translated = set(Page.TEXT_FIELDS)
    return [
        field.attname
        for field in Page._meta.concrete_fields
        if field.attname not in translated and field.attname not in UNTRACKED_FIELDS
    ]


def load_previous(page):
    """The stored values of ``page`` (None for a new page)."""
    if page.pk is None:
        return None
    return Page.objects.filter(pk=page.pk).values(*compared_fields()).first()


def readable_versions_older_than(page, revision):
    """Codes of up-to-date or machine versions made from a Swedish revision before ``revision``."""
    return [
        code
        for code in translation_languages()
        if translation_state(page, code) in (TranslationState.UP_TO_DATE, TranslationState.MACHINE)
        and (language_version(page, code).source_revision or 0) < revision
    ]


def publish_needs_meaning_answer(page, source_revision):
    """Whether publishing ``page`` at Swedish ``source_revision`` must ask the meaning question.

    Yes when the Swedish text changed since it was last published (or it was
    never published) and some translation was made from an older Swedish text.
    """
    last = page.published_source_revision
    if last is not None and last >= source_revision:
        return False
    return bool(readable_versions_older_than(page, source_revision))


def edit_needs_meaning_answer(previous, swedish_changed):
    """Whether a save of a page that stays published changed what readers read in Swedish."""
    return previous is not None and previous["published"] and swedish_changed


def change_reason(page, previous, *, publishing, meaning):
    if previous is None:
        return "created"
    if not text_changed(page, previous, SOURCE_LANGUAGE):
        changed = [code for code in translation_languages() if text_changed(page, previous, code)]
        if changed:
            return f"text {','.join(changed)}"
        if publishing and meaning is not None:
            return "published meaning" if meaning else "published typo"
        return ""
    if not previous["published"] and not publishing:
        return "swedish draft"
    return "swedish meaning" if meaning else "swedish typo"


def next_source(page, previous, today):
    """(Swedish revision, date it changed) after this save."""
    if previous is None:
        return 1, today
    if text_changed(page, previous, SOURCE_LANGUAGE):
        return previous["source_revision"] + 1, today
    return previous["source_revision"], previous["source_changed_on"]


def apply_versions(page, previous, *, declared, outdating):
    """Bring every language version of ``page`` up to date with this save's texts."""
    for code in translation_languages():
        version = language_version(page, code)
        changed = previous is None or text_changed(page, previous, code)
        version = next_version(page, code, version, declared.get(code), changed, outdating)
        set_language_version(page, code, version)


def next_version(page, code, version, declared, changed, outdating):
    current_source = {
        "source_revision": page.source_revision,
        "source_date": page.source_changed_on,
    }
    if not page.has_text_in(code):
        if declared == TranslationState.IN_TRANSLATION or (
            version.state == TranslationState.IN_TRANSLATION
            and declared != TranslationState.MISSING
        ):
            return LanguageVersion(
                state=TranslationState.IN_TRANSLATION,
                sent_on=version.sent_on or timezone.localdate(),
                held_back=version.held_back,
            )
        return LanguageVersion(held_back=version.held_back)
    if changed:
        # Edited text is no longer the text a reviewer checked.
        version = replace(version, reviewed_on=None, reviewed_by="")
    if declared in (TranslationState.UP_TO_DATE, TranslationState.MACHINE):
        return replace(version, state=declared, sent_on=None, **current_source)
    if declared == TranslationState.OUTDATED:
        return replace(version, state=TranslationState.OUTDATED)
    if version.state not in (
        TranslationState.UP_TO_DATE,
        TranslationState.MACHINE,
        TranslationState.OUTDATED,
    ):
        # New text where there was none: translated from the Swedish text of now.
        return replace(version, state=TranslationState.UP_TO_DATE, sent_on=None, **current_source)
    if (
        outdating
        and version.state in (TranslationState.UP_TO_DATE, TranslationState.MACHINE)
        and (version.source_revision or 0) < page.source_revision
    ):
        return replace(version, state=TranslationState.OUTDATED)
    return version


def replace(version, **changes):
    return LanguageVersion(**{**version.__dict__, **changes})


def unchanged(page, previous):
    return all(
        normalized(getattr(page, name)) == normalized(previous[name]) for name in compared_fields()
    )


def set_held_back(page, code, held_back):
    set_language_version(page, code, replace(language_version(page, code), held_back=held_back))
