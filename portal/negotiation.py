"""Choosing a served language from a visitor's Accept-Language header.

The header is parsed here (RFC 9110, section 12.5.4) rather than with Django's
private ``trans_real.parse_accept_lang_header``: a malformed range is skipped
instead of discarding the whole header, and nothing depends on internals that
may change between Django releases.
"""

import re

from django.utils.translation import get_supported_language_variant

from portal.languages import BROWSER_TAGS

# No browser sends more; a longer header is garbage or an attack, and not read.
MAX_HEADER_LENGTH = 500

# A language range: "*" or a tag of 1-8 letters, then subtags of 1-8 letters or digits.
LANGUAGE_RANGE = re.compile(r"\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*")
# A weight: q=0 to q=1 with at most three decimals.
WEIGHT = re.compile(r"q=(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)")


def accept_language_ranges(header):
    """The ranges of an Accept-Language header, most preferred first, lower case.

    Ranges of equal weight keep the header's order; a range with weight 0 is
    "not acceptable" and left out, as is any malformed range.
    """
    if len(header) > MAX_HEADER_LENGTH:
        return ()
    weighted = []
    for position, item in enumerate(header.split(",")):
        name, *parameters = (part.strip().lower() for part in item.split(";"))
        if not LANGUAGE_RANGE.fullmatch(name):
            continue
        weight = 1.0
        for parameter in parameters:
            match = WEIGHT.fullmatch(parameter.replace(" ", ""))
            if match is None:
                break
            weight = float(match.group(1))
        else:
            if weight > 0:
                weighted.append((-weight, position, name))
    return tuple(name for _weight, _position, name in sorted(weighted))


def served_language(tag):
    """The served language a lower-case tag names ("fa-af" is Dari), or None."""
    tag = BROWSER_TAGS.get(tag, tag)
    try:
        return get_supported_language_variant(tag)
    except LookupError:
        return None


def preferred_language(request):
    """The best served language for this request, or None when none matches."""
    for tag in accept_language_ranges(request.headers.get("Accept-Language", "")):
        if tag == "*":
            continue
        code = served_language(tag)
        if code is not None:
            return code
    return None
