"""Which language a reader asked for: normalised, well formed and bounded.

Accept-Language is whatever a client chooses to send, so only the primary
language subtag of a well-formed BCP 47 tag is kept ("ar-SE" and "AR" are
"ar", "zh-Hant-TW" is "zh", the old "iw" is "he"), and only when the portal
does not serve it.
"""

import re
from functools import cache

from babel import Locale
from babel.core import get_global
from django.conf.locale import LANG_INFO
from django.utils.translation import get_supported_language_variant

from portal.languages import BROWSER_TAGS, PORTAL_LANGUAGES
from portal.negotiation import MAX_HEADER_LENGTH, accept_language_ranges

# A language tag as BCP 47 writes it: a 2-3 letter language, then subtags.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$")

# Codes that name no language a page could be translated into: undetermined,
# multiple, no linguistic content, uncoded, and the private-use range.
NOT_A_LANGUAGE = re.compile(r"^(?:und|mul|zxx|mis|q[a-t][a-z])$")


@cache
def known_languages():
    """Every language code CLDR, Django or the portal has a name for (about 650)."""
    cldr = {code for code in Locale("en").languages if code.isalpha() and code.islower()}
    return frozenset(
        code
        for code in cldr | set(LANG_INFO) | {language.code for language in PORTAL_LANGUAGES}
        if LANGUAGE_TAG.match(code) and "-" not in code
    )


def is_known_language(code):
    return code in known_languages()


def primary_language(tag):
    """The normalised primary subtag of a well-formed tag, or None.

    Deprecated codes become their current ones (CLDR's aliases: "iw" is "he",
    "ger" and "deu" are "de").
    """
    tag = tag.strip().lower()
    if not LANGUAGE_TAG.match(tag):
        return None
    primary = tag.split("-")[0]
    alias = get_global("language_aliases").get(primary)
    if alias:
        primary = alias.split("_")[0].lower()
    if NOT_A_LANGUAGE.match(primary) or not LANGUAGE_TAG.match(primary):
        return None
    return primary


def unserved_language(accept_language):
    """The reader's most preferred language, normalised (e.g. "de"), when we do not serve it.

    None when the portal serves it, or the header names no language. A header
    longer than any browser sends is garbage or an attack, and not read at all.
    """
    if len(accept_language) > MAX_HEADER_LENGTH:
        return None
    for tag in accept_language_ranges(accept_language):
        if tag == "*":
            continue
        tag = BROWSER_TAGS.get(tag, tag)
        if not LANGUAGE_TAG.match(tag):
            return None
        if is_served(tag):
            return None
        primary = primary_language(tag)
        # A deprecated code may name a served language ("per" is Persian).
        return None if primary is None or is_served(primary) else primary
    return None


def is_served(tag):
    try:
        get_supported_language_variant(tag)
    except LookupError:
        return False
    return True
