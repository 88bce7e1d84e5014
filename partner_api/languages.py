"""Language codes as partners write them: any case, with or without a region."""

from django.utils.translation import get_supported_language_variant

from housing_info.negotiation import LANGUAGE_ALIASES


def served_language(value):
    """The served language ``value`` names ("AR", "ar-SE", "ar_SE" → "ar"), or None.

    Case and a region are ignored as in an Accept-Language header, with the
    same aliases (``fa-AF`` is Dari).
    """
    tag = (value or "").strip().replace("_", "-").lower()
    if not tag:
        return None
    tag = LANGUAGE_ALIASES.get(tag, tag)
    try:
        return get_supported_language_variant(tag)
    except LookupError:
        return None
