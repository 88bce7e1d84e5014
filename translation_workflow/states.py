"""How the state of each language version changes, and which saves count.

Swedish is the source. Every save of a page passes through ``record_save`` (on
``pre_save``), which compares the stored page with the one being saved:

- A change to the Swedish text raises ``Page.source_revision`` (any change,
  even a typo fix: a translation records exactly which Swedish text it was
  made from).
- It outdates the other language versions only when all of these hold: the
  Swedish text really changed, the page was published before the save (a draft
  save does not count: nobody has read it yet), and the person saving did not
  call it a typo fix. Then versions that were up to date or machine translated
  become outdated; missing, in-translation and already outdated ones stay.
- Publishing or unpublishing, reordering, changing topic, kind or contacts,
  saving only another language's text, and saving with no change to the text
  never outdate anything.
- Text entered where a version was missing (or in translation) makes it up to
  date, translated from the current Swedish version. Editing a version that
  exists keeps its state: a fix to an outdated translation does not make it
  current; the translator says so by choosing "up to date" (``declared_states``).
- A version whose text is emptied becomes missing again.

A restore from history (``Page.restoring``) takes the language versions of the
restored revision as they were: they belong to the text restored with them.
"""

from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from housing_info.models import LanguageVersion, Page, SwedishChange, TranslationState
from portal.languages import SOURCE_LANGUAGE
from translation_workflow.roles import translation_languages

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


def counts_as_change_of_meaning(page, previous):
    """Whether this save outdates the other language versions."""
    return (
        previous is not None
        and previous["published"]
        and text_changed(page, previous, SOURCE_LANGUAGE)
        and page.swedish_change != SwedishChange.TYPO
    )


def change_reason(page, previous):
    if previous is None:
        return "created"
    if not text_changed(page, previous, SOURCE_LANGUAGE):
        changed = [code for code in translation_languages() if text_changed(page, previous, code)]
        return f"text {','.join(changed)}" if changed else ""
    if not previous["published"]:
        return "swedish draft"
    if page.swedish_change == SwedishChange.TYPO:
        return "swedish typo"
    return "swedish meaning"


def record_save(page, previous):
    """Bring ``page.language_versions`` and the Swedish revision up to date before saving."""
    today = timezone.localdate()
    if previous is None:
        page.source_revision, page.source_changed_on = 1, today
    elif text_changed(page, previous, SOURCE_LANGUAGE):
        page.source_revision, page.source_changed_on = previous["source_revision"] + 1, today
    else:
        page.source_revision = previous["source_revision"]
        page.source_changed_on = previous["source_changed_on"]
    if page.restoring:
        return

    declared = page.declared_states or {}
    outdating = counts_as_change_of_meaning(page, previous)
    for code in translation_languages():
        version = page.language_version(code)
        changed = previous is None or text_changed(page, previous, code)
        version = next_version(page, code, version, declared.get(code), changed, outdating)
        page.set_language_version(code, version)


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
    if outdating and version.state in (TranslationState.UP_TO_DATE, TranslationState.MACHINE):
        return replace(version, state=TranslationState.OUTDATED)
    return version


def replace(version, **changes):
    return LanguageVersion(**{**version.__dict__, **changes})


def before_page_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    previous = load_previous(instance)
    record_save(instance, previous)
    if not getattr(instance, "_change_reason", None):
        reason = change_reason(instance, previous)
        if reason:
            instance._change_reason = reason
    # A save that changes nothing keeps no revision (simple-history checks hasattr).
    if previous is not None and unchanged(instance, previous):
        instance.skip_history_when_saving = True


def unchanged(page, previous):
    return all(
        normalized(getattr(page, name)) == normalized(previous[name]) for name in compared_fields()
    )


def after_page_save(sender, instance, raw=False, **kwargs):
    # What a save declared applies to that save only.
    instance.swedish_change = None
    instance.declared_states = None
    instance.restoring = False
    for name in ("skip_history_when_saving", "_change_reason"):
        instance.__dict__.pop(name, None)


def connect_signals():
    pre_save.connect(before_page_save, sender=Page, dispatch_uid="translation_workflow_pre_save")
    # After django-simple-history's receiver, which reads what this one resets.
    post_save.connect(after_page_save, sender=Page, dispatch_uid="translation_workflow_post_save")


def mark_reviewed(page, code, user):
    """A reviewer checked the ``code`` version against the current Swedish text.

    It becomes up to date with the current Swedish version (whether it was a
    machine translation, outdated, or already up to date) and is released if it
    was held back.
    """
    if code == SOURCE_LANGUAGE or not page.has_text_in(code):
        raise ValueError(f"No {code} version to review on page {page.pk}")
    version = page.language_version(code)
    page.set_language_version(
        code,
        replace(
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
    save_with_reason(page, user, f"reviewed {code}")


def mark_sent_for_translation(page, code, user):
    """The ``code`` version was sent to be translated: a missing one is now in translation."""
    version = page.language_version(code)
    state = page.translation_state(code)
    if state == TranslationState.MISSING:
        version = replace(version, state=TranslationState.IN_TRANSLATION)
    elif state not in (TranslationState.OUTDATED, TranslationState.IN_TRANSLATION):
        return False
    page.set_language_version(code, replace(version, sent_on=timezone.localdate()))
    save_with_reason(page, user, f"sent {code}")
    return True


def set_held_back(page, code, held_back):
    page.set_language_version(code, replace(page.language_version(code), held_back=held_back))


def save_with_reason(page, user, reason):
    page._history_user = user
    page._change_reason = reason
    page.save()
