"""The question flow's texts as a reader is shown them.

modeltranslation falls back to English, then Swedish, when a language is
missing; a reader's page must then mark that text with its own ``lang`` and
``dir`` and say so (``{% shown_in_marker %}``). Which language and state a
text is shown in is the portal's one policy (``portal.shown_text``).
"""

from portal.shown_text import ShownText as Text
from portal.shown_text import shown_text as shown

__all__ = ["Text", "shown"]
