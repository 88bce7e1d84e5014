"""Which text of a translated record a reader is shown, in which language and state.

The one place where the fallback chain (``portal.languages.fallback_chain``)
meets a record's fields: the first language of the chain that has the field
filled in is shown, together with what the reader must be told about it
(``ShownIn``). Records other than pages keep the languages whose text is a
machine translation in a ``machine_translated`` field
(``MachineTranslatedLanguages``), and those translated from an earlier Swedish
text in ``outdated_translations`` (``OutdatedTranslationLanguages``,
``portal.outdated_translations``); a page keeps each language version's state
in ``Page.language_versions`` (``Page.shown_in``).
"""

from dataclasses import dataclass

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal.languages import (
    MACHINE,
    OUTDATED,
    PORTAL_LANGUAGES,
    SOURCE_LANGUAGE,
    ShownIn,
    fallback_chain,
    shown_in,
)


@dataclass(frozen=True)
class ShownText(ShownIn):
    """A text as a reader is shown it, with its language and state."""

    value: str

    def __str__(self):
        return self.value

    def __bool__(self):
        return bool(self.value)


def record_state(record, language):
    """The stored state of ``record``'s text in ``language``: OUTDATED, MACHINE or "".

    A translation of an earlier Swedish text is outdated, machine translated
    or not: what a reader must know first is that it may no longer be true.
    """
    if language in (getattr(record, "outdated_translations", None) or ()):
        return OUTDATED
    return MACHINE if language in (getattr(record, "machine_translated", None) or ()) else ""


def text_language(record, field, code):
    """The first language of ``code``'s fallback chain with ``field`` filled in."""
    for language in fallback_chain(code):
        if getattr(record, f"{field}_{language}", ""):
            return language
    return SOURCE_LANGUAGE


def shown_text(record, field, code):
    """``record.field`` as a reader of ``code`` is shown it (a ``ShownText``)."""
    language = text_language(record, field, code)
    value = getattr(record, f"{field}_{language}", "") or ""
    if not value:
        return ShownText(value="", **shown_in(code, code))
    return ShownText(value=value, **shown_in(language, code, record_state(record, language)))


def translated_language_choices():
    return [
        (language.code, capfirst(language.name_local))
        for language in PORTAL_LANGUAGES
        if language.code != SOURCE_LANGUAGE
    ]


class TranslationLanguages(models.JSONField):
    """Languages (codes, a JSON list) of a record's translations in some state;
    the admin shows a box per language. Each kind says what it holds in
    ``verbose_name`` and ``help_text``."""

    verbose_name = ""
    help_text = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", type(self).verbose_name)
        kwargs.setdefault("help_text", type(self).help_text)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            required=False,
            choices=translated_language_choices,
            widget=forms.CheckboxSelectMultiple,
        )


class MachineTranslatedLanguages(TranslationLanguages):
    """The languages in which a record's text is a machine translation not yet
    checked by the City."""

    verbose_name = _("machine translation, not yet checked")
    help_text = _(
        "Tick each language whose text is a machine translation nobody at the City "
        "has checked yet. Readers are told so."
    )


class OutdatedTranslationLanguages(TranslationLanguages):
    """The languages in which a record's text was translated from an earlier
    Swedish text (``portal.outdated_translations``)."""

    verbose_name = _("translation of an earlier Swedish text")
    help_text = _(
        "Ticked for every translation when the Swedish text changes. Untick a "
        "language once its text says what the Swedish says. Readers are told so."
    )
