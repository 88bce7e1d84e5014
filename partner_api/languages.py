"""Language codes as partners write them: any case, with or without a region."""

from portal import negotiation


def served_language(value):
    """The served language ``value`` names ("AR", "ar-SE", "ar_SE" → "ar"), or None.

    Case and a region are ignored as in an Accept-Language header, with the
    same aliases (``fa-AF`` is Dari).
    """
    tag = (value or "").strip().replace("_", "-").lower()
    if not tag:
        return None
    return negotiation.served_language(tag)
