"""Translated text together with the language it is really in.

modeltranslation falls back to English, then Swedish, when a language is
missing; a reader's page must then mark that text with its own ``lang`` and
``dir``, so that screen readers pronounce it right and it is laid out right.
"""

from dataclasses import dataclass

from portal.languages import SOURCE_LANGUAGE, direction

FALLBACK_LANGUAGES = ("en", SOURCE_LANGUAGE)


@dataclass(frozen=True)
class Text:
    value: str
    language: str

    @property
    def dir(self):
        return direction(self.language)

    def __str__(self):
        return self.value

    def __bool__(self):
        return bool(self.value)


def shown(instance, field, code):
    """``instance.field`` in ``code``, or in the first fallback language that has it."""
    for language in (code, *FALLBACK_LANGUAGES):
        value = getattr(instance, f"{field}_{language}", "") or ""
        if value:
            return Text(value, language)
    return Text("", code)
