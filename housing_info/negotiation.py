"""Choosing a served language from a visitor's Accept-Language header."""

from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

from portal.languages import BROWSER_TAGS

# Tags that browsers send for languages we serve under another code (the
# language table's ``browser_tags``): Afghan Persian must reach Dari.
LANGUAGE_ALIASES = BROWSER_TAGS

# Django's parser refuses longer headers; longer ones are garbage or an attack.
MAX_HEADER_LENGTH = 500


def preferred_language(request):
    """The best served language for this request, or None when none matches."""
    header = request.headers.get("Accept-Language", "")[:MAX_HEADER_LENGTH]
    for tag, _quality in parse_accept_lang_header(header):
        if tag == "*":
            continue
        tag = LANGUAGE_ALIASES.get(tag.lower(), tag)
        try:
            return get_supported_language_variant(tag)
        except LookupError:
            continue
    return None
