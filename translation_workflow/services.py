"""The one path through which a page's texts and translation states change.

The admin, the XLIFF import, restoring a revision, the demo loader and any
later machine-translation draft call these functions; each call says what the
change is: whether a change to the Swedish text changes its meaning
(``swedish_change``, a ``SwedishChange`` or None when the caller makes no
claim), which languages, from which Swedish revision, in which state. The
rules themselves are plain functions in ``states``; nothing runs on a signal,
so saving a ``Page`` through the ORM changes no translation state.

``swedish_change=None`` where the question is needed counts as a change of
meaning: the safe answer, which at worst asks for a translation to be checked.
"""

from django.db import transaction
from django.utils import timezone

from housing_info import demo_content
from housing_info.models import Page
from portal.languages import SOURCE_LANGUAGE
from translation_workflow import states
from translation_workflow.roles import translation_languages
from translation_workflow.versions import (
    LanguageVersion,
    SwedishChange,
    TranslationState,
    language_version,
    set_language_version,
    translation_state,
)

# Page settings a restore of the Swedish text brings back with it; publishing
# needs a permission of its own and stays as it is.
RESTORED_WITH_SWEDISH = (
    "slug",
    "kind",
    "topic_id",
    "order",
    "is_example",
    "last_reviewed",
    "review_by",
)


def save_page_text(
    page, *, user, swedish_change, states_declared=None, made_from=None, reason=None
):
    """Save ``page`` as it is in memory, with the translation states this change makes.

    ``swedish_change`` answers the meaning question (needed when the Swedish
    text of a published page changed, or when a page is published whose
    translations were made from an older Swedish text); ``states_declared``
    is {language code: TranslationState} the caller sets explicitly;
    ``made_from`` is {language code: Swedish revision} for translations made
    from a Swedish text older than today's (they are outdated at once);
    ``reason`` overrides the history reason worked out from the change.
    """
    previous = states.load_previous(page)
    publishing = page.published and (previous is None or not previous["published"])
    swedish_changed = previous is not None and states.text_changed(page, previous, SOURCE_LANGUAGE)
    page.source_revision, page.source_changed_on = states.next_source(
        page, previous, timezone.localdate()
    )
    meaning = None
    if states.edit_needs_meaning_answer(previous, swedish_changed) or (
        publishing and states.publish_needs_meaning_answer(page, page.source_revision)
    ):
        meaning = swedish_change != SwedishChange.TYPO
    states.apply_versions(page, previous, declared=states_declared or {}, outdating=bool(meaning))
    for code, revision in (made_from or {}).items():
        if revision < page.source_revision:
            version = language_version(page, code)
            set_language_version(
                page,
                code,
                states.replace(
                    version,
                    state=TranslationState.OUTDATED,
                    source_revision=revision,
                    source_date=None,
                ),
            )
    if page.published and (previous is None or meaning is not None or publishing):
        # Readers now read this Swedish version; translations were checked against it.
        page.published_source_revision = page.source_revision
    reason = reason or states.change_reason(page, previous, publishing=publishing, meaning=meaning)
    _save(
        page, user, reason, skip_history=previous is not None and states.unchanged(page, previous)
    )
    return page


def publish_page(page, *, user, swedish_change):
    """Publish ``page``.

    ``swedish_change`` answers whether its Swedish text changed in meaning since
    it was last published; it counts only when that question arises
    (``states.publish_needs_meaning_answer``).
    """
    page.published = True
    return save_page_text(page, user=user, swedish_change=swedish_change)


def unpublish_page(page, *, user):
    """Take ``page`` off the portal; no translation state changes."""
    page.published = False
    return save_page_text(page, user=user, swedish_change=None)


def import_translations(page, code, texts, *, state, held_back, source_revision, user):
    """Store translated ``texts`` ({field: text}) of ``code`` made from Swedish ``source_revision``.

    ``state`` is what the translation is (up to date, or a machine translation);
    ``held_back`` holds it back from readers until a reviewer checks it (False
    leaves a version that is held back as it is).
    """
    for name, text in texts.items():
        setattr(page, f"{name}_{code}", text)
    if held_back:
        states.set_held_back(page, code, True)
    return save_page_text(
        page,
        user=user,
        swedish_change=None,
        states_declared={code: state},
        made_from={code: source_revision},
        reason=f"imported {code}",
    )


def save_machine_draft(page, code, texts, *, source_revision, user):
    """A machine translation of Swedish ``source_revision``, shown as such, until reviewed."""
    return import_translations(
        page,
        code,
        texts,
        state=TranslationState.MACHINE,
        held_back=False,
        source_revision=source_revision,
        user=user,
    )


def mark_reviewed(page, code, user):
    """A reviewer checked the ``code`` version against the current Swedish text.

    It becomes up to date with the current Swedish version (whether it was a
    machine translation, outdated, or already up to date) and is released if it
    was held back.
    """
    if code == SOURCE_LANGUAGE or not page.has_text_in(code):
        raise ValueError(f"No {code} version to review on page {page.pk}")
    version = language_version(page, code)
    set_language_version(
        page,
        code,
        states.replace(
            version,
            state=TranslationState.UP_TO_DATE,
            source_revision=page.source_revision,
            source_date=page.source_changed_on,
            held_back=False,
            reviewed_on=timezone.localdate(),
            reviewed_by=user.get_username(),
            sent_on=None,
        ),
    )
    _save(page, user, f"reviewed {code}", skip_history=False)


def mark_sent_for_translation(page, code, user):
    """The ``code`` version was sent to be translated: a missing one is now in translation."""
    version = language_version(page, code)
    state = translation_state(page, code)
    if state == TranslationState.MISSING:
        version = states.replace(version, state=TranslationState.IN_TRANSLATION)
    elif state not in (TranslationState.OUTDATED, TranslationState.IN_TRANSLATION):
        return False
    set_language_version(page, code, states.replace(version, sent_on=timezone.localdate()))
    _save(page, user, f"sent {code}", skip_history=False)
    return True


def restore_revision(page, record, *, languages, swedish_change, user):
    """Restore the texts of history ``record`` for ``languages`` only; a new revision.

    Restoring Swedish brings back the Swedish text and the page settings, and
    is a change to the Swedish text like an edit: ``swedish_change`` says
    whether it changes the meaning, and the translations that are kept become
    outdated by the same rule. A restored translation comes back with the
    state it had beside its text, outdated if the Swedish text differs from
    the one it stood beside. Languages not chosen keep their text and state.
    """
    languages = [code for code in (SOURCE_LANGUAGE, *translation_languages()) if code in languages]
    if SOURCE_LANGUAGE in languages:
        for name in RESTORED_WITH_SWEDISH:
            setattr(page, name, getattr(record, name))
    for code in languages:
        for base in Page.TEXT_FIELDS:
            setattr(page, f"{base}_{code}", getattr(record, f"{base}_{code}"))
    restored_versions = {
        code: LanguageVersion.from_json((record.language_versions or {}).get(code))
        for code in languages
        if code != SOURCE_LANGUAGE
    }
    reason = f"restored {record.history_id} {','.join(languages)}"
    previous = states.load_previous(page)
    page.source_revision, page.source_changed_on = states.next_source(
        page, previous, timezone.localdate()
    )
    swedish_changed = states.text_changed(page, previous, SOURCE_LANGUAGE)
    meaning = None
    if states.edit_needs_meaning_answer(previous, swedish_changed):
        meaning = swedish_change != SwedishChange.TYPO
    states.apply_versions(page, previous, declared={}, outdating=bool(meaning))
    for code, version in restored_versions.items():
        if not page.has_text_in(code):
            set_language_version(page, code, LanguageVersion(held_back=version.held_back))
            continue
        if version.state in (
            TranslationState.UP_TO_DATE,
            TranslationState.MACHINE,
        ) and normalized_swedish(record) != normalized_swedish(page):
            version = states.replace(version, state=TranslationState.OUTDATED)
        set_language_version(page, code, version)
    if page.published and meaning is not None:
        page.published_source_revision = page.source_revision
    _save(page, user, reason, skip_history=False)
    return page


def normalized_swedish(record):
    return [
        states.normalized(getattr(record, f"{base}_{SOURCE_LANGUAGE}")) for base in Page.TEXT_FIELDS
    ]


def save_demo_page(lookup, values, *, machine_translated):
    """Create or update a demo page so that its text and states are those of the files.

    Every language version with text is up to date with the Swedish text of
    the files, or a machine translation for the languages in
    ``machine_translated``. Returns (page, whether anything was written).
    """
    wanted = {}
    for code in translation_languages():
        if values.get(f"title_{code}") and values.get(f"body_{code}"):
            machine = code in machine_translated
            wanted[code] = TranslationState.MACHINE if machine else TranslationState.UP_TO_DATE
    page = Page.objects.filter(**lookup).first()
    if page is None:
        page = Page(**lookup, **values)
    else:
        changed = [name for name, value in values.items() if getattr(page, name) != value]
        stale = [code for code, state in wanted.items() if translation_state(page, code) != state]
        if not changed and not stale:
            return page, False
        for name in changed:
            setattr(page, name, values[name])
    # The files are one consistent set: every translation is of their Swedish text.
    save_page_text(
        page, user=None, swedish_change=SwedishChange.TYPO, states_declared=wanted, reason="demo"
    )
    return page, True


def load_demo_content(directory=demo_content.DEMO_DIR):
    """Load or refresh the demo content, pages through ``save_demo_page``."""
    return demo_content.load_demo_content(directory, write_page=save_demo_page)


@transaction.atomic
def _save(page, user, reason, *, skip_history):
    page._history_user = user
    if reason:
        page._change_reason = reason
    if skip_history:
        # A save that changes nothing keeps no revision (simple-history checks hasattr).
        page.skip_history_when_saving = True
    try:
        page.save()
    finally:
        for name in ("skip_history_when_saving", "_change_reason", "_history_user"):
            page.__dict__.pop(name, None)
