"""Glossary terms as a reader of one language sees them."""

from dataclasses import dataclass

from glossary.models import Term
from housing_info.reader_columns import reader_columns
from page_cache.remembered import PerGeneration
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


def searched_texts(term, code):
    """What a search compares with: the Swedish word, its other forms, its meaning in ``code``."""
    return tuple(fold(text) for text in (*term.forms(), getattr(term, f"meaning_{code}", "") or ""))


def terms_matching(query, code, terms=None):
    """Terms whose Swedish word, other forms or meaning in ``code`` contain ``query``.

    Compared folded (any case, with or without å, ä, ö), so a reader without a
    Swedish keyboard finds "genomgångsbostad" by typing "genomgangsbostad".
    """
    terms = Term.objects.all() if terms is None else terms
    return matching(query, [(term, searched_texts(term, code)) for term in terms])


def matching(query, searched):
    """The terms of ``searched`` ((term, its ``searched_texts``) pairs) that ``query`` is in."""
    wanted = fold(query.strip())
    if not wanted:
        return []
    return [term for term, texts in searched if any(wanted in text for text in texts)]


def read_searched_terms(code):
    """Every term, with what a reader of ``code`` is shown of it, and its searched texts."""
    return tuple(
        (term, searched_texts(term, code))
        for term in Term.objects.only(*reader_columns(Term, code))
    )


#: ``read_searched_terms(code)``, read once per content generation and language.
searched_terms = PerGeneration(read_searched_terms)


def terms_found(query, code):
    """``terms_matching`` for the search page: over the terms remembered for the generation."""
    return matching(query, searched_terms(code))
