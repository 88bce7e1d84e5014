"""Comparing words the way newcomers type them: any case, with or without accents.

A reader without a Swedish keyboard types "genomgangsbostad" for
"genomgångsbostad"; Cyrillic and Greek have case, Arabic has optional vowel
marks (harakat). Folding removes all of these differences.
"""

import unicodedata


def fold(text):
    """``text`` in lower case, without accents or other combining marks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
