"""The languages the portal serves, in one table.

Every per-language fact lives in a row here: the code and names, the writing
direction and script (which picks the font stack), the CLDR locale for dates,
the fontconfig tag for PDFs, the tags browsers send for it, and the PostgreSQL
text search configuration. Django's own ``LANG_INFO`` lacks some of the
languages newly arrived people in Gothenburg read (Dari, Pashto, Kurmanji,
Somali, Tigrinya); the rows below give Django what it needs for those as well.

A row is not all a language needs (a catalogue, translated columns, maybe a
font stack): ``docs/adding-a-language.md`` lists every step, and
``tests/portal/test_language_table.py`` names whatever a row still lacks.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import locale
from django.utils.translation import get_language_info, gettext_noop


@dataclass(frozen=True)
class Language:
    """A served language; ``name`` is English and marked for translation."""

    code: str
    name: str
    name_local: str
    bidi: bool = False
    #: ISO 15924 script: "Arab" and "Ethi" have their own font stack in portal.css.
    script: str = "Latn"
    #: CLDR's locale for dates when it differs from ``code`` (Babel, portal/dates.py).
    cldr: str = ""
    #: fontconfig's language tag when it differs from ``code`` (PDF fonts).
    fontconfig: str = ""
    #: Lower-case tags browsers send for this language that Django would not map to it.
    browser_tags: tuple = ()
    #: PostgreSQL text search configuration: a Snowball stemmer, a dictionary
    #: configuration the search app creates, or "simple" (word beginnings).
    text_search: str = "simple"

    @property
    def cldr_locale(self):
        return self.cldr or self.code

    @property
    def fontconfig_language(self):
        return self.fontconfig or self.code


# Swedish first: it is the source language and the default.
PORTAL_LANGUAGES = (
    Language("sv", gettext_noop("Swedish"), "Svenska", text_search="swedish"),
    # Gothenburg's English is British.
    Language("en", gettext_noop("English"), "English", cldr="en_GB", text_search="english"),
    Language(
        "ar", gettext_noop("Arabic"), "العربيّة", bidi=True, script="Arab", text_search="arabic"
    ),
    # Dari is often sent as Afghan Persian; it must reach Dari, not Iranian Persian.
    Language(
        "prs",
        gettext_noop("Dari"),
        "دری",
        bidi=True,
        script="Arab",
        cldr="fa_AF",
        fontconfig="fa",
        browser_tags=("fa-af",),
    ),
    Language("fa", gettext_noop("Persian"), "فارسی", bidi=True, script="Arab"),
    Language("ps", gettext_noop("Pashto"), "پښتو", bidi=True, script="Arab", fontconfig="ps-af"),
    Language(
        "ckb",
        gettext_noop("Central Kurdish (Sorani)"),
        "کوردی (سۆرانی)",
        bidi=True,
        script="Arab",
        fontconfig="ku-iq",
        browser_tags=("ckb-iq", "ckb-ir", "ku-arab"),
    ),
    Language(
        "kmr",
        gettext_noop("Northern Kurdish (Kurmanji)"),
        "Kurdî (Kurmancî)",
        cldr="ku",
        fontconfig="ku-tr",
        browser_tags=("ku-latn",),
    ),
    Language("so", gettext_noop("Somali"), "Soomaali"),
    Language("ti", gettext_noop("Tigrinya"), "ትግርኛ", script="Ethi", fontconfig="ti-er"),
    # Ukrainian word forms through Debian's hunspell-uk (search/dictionaries.py);
    # without the dictionary files the configuration matches word beginnings.
    Language(
        "uk", gettext_noop("Ukrainian"), "Українська", script="Cyrl", text_search="portal_ukrainian"
    ),
    Language("ru", gettext_noop("Russian"), "Русский", script="Cyrl", text_search="russian"),
)

SOURCE_LANGUAGE = "sv"

#: Where a text is missing in the reader's language, the first of these that has
#: it is shown instead (with a notice saying so).
FALLBACK_LANGUAGES = ("en", SOURCE_LANGUAGE)


# Asked for each text of a page (some 150 times for the home page), of a few codes.
@lru_cache(maxsize=64)
def fallback_chain(code):
    """The languages to try, in order, for a reader of ``code``: theirs, then the fallbacks."""
    return tuple(dict.fromkeys((code, *FALLBACK_LANGUAGES)))


BY_CODE = {language.code: language for language in PORTAL_LANGUAGES}

#: Browser tags that mean a served language under another code ("fa-af" is Dari).
BROWSER_TAGS = {
    tag: language.code for language in PORTAL_LANGUAGES for tag in language.browser_tags
}


def register_with_django(languages=PORTAL_LANGUAGES):
    """Give Django's LANG_INFO an entry for each language it does not ship."""
    for language in languages:
        locale.LANG_INFO.setdefault(
            language.code,
            {
                "bidi": language.bidi,
                "code": language.code,
                "name": language.name,
                "name_local": language.name_local,
            },
        )


def direction(code):
    """The writing direction, "rtl" or "ltr", of a served language."""
    row = BY_CODE.get(code)
    return "rtl" if row is not None and row.bidi else "ltr"


#: The states of a text in the reader's own language that a reader is told
#: about, as ``Page.language_versions`` and the translation workflow store them.
MACHINE = "machine"
OUTDATED = "outdated"
TOLD_STATES = frozenset({MACHINE, OUTDATED})


@dataclass(frozen=True)
class ShownIn:
    """What a reader is shown of a text: in which language, and in what state.

    ``is_fallback``: the text is not in the reader's language (see
    ``fallback_chain``). ``is_machine``: it is a machine translation nobody at
    the City has checked. ``is_outdated``: the Swedish text changed after it
    was translated. Every output tells the reader each of these, in their
    language, with the same marker (``{% shown_in_marker %}``) or notice.
    """

    language: str
    dir: str
    is_fallback: bool
    is_machine: bool = field(default=False, kw_only=True)
    is_outdated: bool = field(default=False, kw_only=True)

    @property
    def language_name(self):
        """The shown language's name in the reader's language."""
        return get_language_info(self.language)["name_translated"]

    @property
    def needs_marker(self):
        """Whether the reader must be told anything about this text."""
        return self.is_fallback or self.is_machine or self.is_outdated


def shown_in(language, reader_code, state=""):
    """``ShownIn``'s fields for text in ``language`` shown to a reader of ``reader_code``.

    ``state`` is the stored state of that language version (``MACHINE``,
    ``OUTDATED`` or anything else for a checked, current text); the Swedish
    source is never a translation.
    """
    translated = language != SOURCE_LANGUAGE
    return {
        "language": language,
        "dir": direction(language),
        "is_fallback": language != reader_code,
        "is_machine": translated and state == MACHINE,
        "is_outdated": translated and state == OUTDATED,
    }
