"""Translations of a record that a change of its Swedish text has left behind.

Pages keep each language version's state through the translation workflow
(``translation_workflow.services``). Every other translated record (topics,
contact points, pathway steps, questions, answers, rules, glossary words)
keeps the languages whose text was translated from an earlier Swedish text in
``outdated_translations`` (``portal.shown_text.OutdatedTranslationLanguages``),
and readers are told "Outdated translation" wherever such a text is shown
(``portal.shown_text.record_state``).

``note_text_changes`` is the rule, called by the admin when a record is saved
(``OutdatedTranslationsAdminMixin``): when a Swedish text changes, every
language that has a text and was not written anew in the same save is
outdated, until someone unticks it in the admin once its text is checked.
"""

from django.contrib import messages
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext
from modeltranslation.translator import translator

from portal.languages import PORTAL_LANGUAGES, SOURCE_LANGUAGE


def translated_fields(model):
    """The names of ``model``'s translated fields ("title", "description" ...)."""
    return tuple(translator.get_options_for_model(model).fields)


def changed_languages(before, after):
    """The languages in which any translated text of ``after`` differs from ``before``."""
    fields = translated_fields(type(after))
    return {
        language.code
        for language in PORTAL_LANGUAGES
        if any(
            (getattr(before, f"{name}_{language.code}") or "")
            != (getattr(after, f"{name}_{language.code}") or "")
            for name in fields
        )
    }


def has_text(record, code):
    return any(getattr(record, f"{name}_{code}") for name in translated_fields(type(record)))


def note_text_changes(before, after):
    """Update ``after.outdated_translations`` for a save over ``before`` (None: a new record).

    Returns the languages this save made outdated.
    """
    if before is None:
        return set()
    changed = changed_languages(before, after)
    # Only a person unticks a language: a small change to a translation (a
    # comma) does not make it say what the new Swedish says.
    outdated = set(after.outdated_translations or ())
    newly = set()
    if SOURCE_LANGUAGE in changed:
        newly = {
            language.code
            for language in PORTAL_LANGUAGES
            if language.code != SOURCE_LANGUAGE
            and language.code not in changed
            and language.code not in outdated
            and has_text(after, language.code)
        }
    after.outdated_translations = sorted(outdated | newly)
    return newly


class OutdatedTranslationsAdminMixin:
    """Keeps ``outdated_translations`` current when the admin saves a record,
    or records in its inlines (a question's answers), and tells the editor."""

    def save_model(self, request, obj, form, change):
        before = type(obj).objects.filter(pk=obj.pk).first() if change else None
        newly = note_text_changes(before, obj)
        super().save_model(request, obj, form, change)
        tell_outdated(request, obj, newly)

    def save_formset(self, request, form, formset, change):
        noted = []
        for inline_form in formset.forms:
            record = inline_form.instance
            if not hasattr(record, "outdated_translations") or record.pk is None:
                continue
            if inline_form.has_changed():
                before = type(record).objects.filter(pk=record.pk).first()
                noted.append((record, note_text_changes(before, record)))
        super().save_formset(request, form, formset, change)
        for record, newly in noted:
            tell_outdated(request, record, newly)


def tell_outdated(request, record, newly):
    if not newly:
        return
    names = ", ".join(
        capfirst(str(get_language_info(language.code)["name_translated"]))
        for language in PORTAL_LANGUAGES
        if language.code in newly
    )
    messages.warning(
        request,
        gettext(
            "“%(record)s”: the Swedish text changed, so the translations into "
            "%(languages)s are marked as translations of an earlier text, and readers "
            "are told so. Untick each language once its text is checked."
        )
        % {"record": record, "languages": names},
    )
