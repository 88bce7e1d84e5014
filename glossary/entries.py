"""Glossary terms as a reader of one language sees them."""

from dataclasses import dataclass

from django.utils.translation import get_language_info

from glossary.models import Term
from portal.languages import direction
from portal.text_folding import fold


@dataclass(frozen=True)
class Entry:
    term: Term
    meaning: str
    explanation: str
    # The explanation's language, and its direction, when it is not the reader's.
    language: str
    dir: str
    is_fallback: bool

    @property
    def language_name(self):
        return get_language_info(self.language)["name_translated"]


def glossary_entry(term, code):
    language = term.explanation_language(code)
    text = term.text(language)
    return Entry(
        term=term,
        # The Swedish word is always shown; a Swedish "meaning" would repeat it.
        meaning="" if text["meaning"].casefold() == term.term.casefold() else text["meaning"],
        explanation=text["explanation"],
        language=language,
        dir=direction(language),
        is_fallback=language != code,
    )


def glossary_entries(terms, code):
    return [glossary_entry(term, code) for term in terms]


def terms_matching(query, code, terms=None):
    """Terms whose Swedish word, other forms or meaning in ``code`` contain ``query``.

    Compared folded (any case, with or without å, ä, ö), so a reader without a
    Swedish keyboard finds "genomgångsbostad" by typing "genomgangsbostad".
    """
    wanted = fold(query.strip())
    if not wanted:
        return []
    terms = Term.objects.all() if terms is None else terms
    return [
        term
        for term in terms
        if any(
            wanted in fold(text)
            for text in (*term.forms(), getattr(term, f"meaning_{code}", "") or "")
        )
    ]
