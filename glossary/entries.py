"""Glossary terms as a reader of one language sees them."""

from dataclasses import dataclass

from glossary.models import Term
from portal.languages import ShownIn, shown_in
from portal.shown_text import record_state
from portal.text_folding import fold


@dataclass(frozen=True)
class Entry(ShownIn):
    term: Term
    meaning: str
    explanation: str


def glossary_entry(term, code):
    language = term.explanation_language(code)
    text = term.text(language)
    return Entry(
        term=term,
        # The Swedish word is always shown; a Swedish "meaning" would repeat it.
        meaning="" if text["meaning"].casefold() == term.term.casefold() else text["meaning"],
        explanation=text["explanation"],
        **shown_in(language, code, record_state(term, language)),
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
