"""Finding pages for a reader: one ranked list over their language, English and Swedish.

A reader of ``code`` is shown each page in the first language of
``portal.languages.fallback_chain(code)`` it is written in (their own, then
English, then Swedish). The search reads the same languages: every page's
text and keywords in the reader's language (a page whose body is not
translated may have a translated title or keywords), and in English and
Swedish (pages not in the reader's language; Swedish words from a letter). The
pages found come in one list, best first, each shown, and marked, in its
language (``search.results``).

On PostgreSQL: full-text search and trigram similarity over indexed stored
documents (``search.postgres_queries``).

On SQLite, used for development: the same languages and word beginnings,
compared in Python without accents, with a simpler ranking and without
forgiving misspellings.
"""

import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.utils.html import strip_tags

from housing_info.models import Page
from portal.languages import fallback_chain
from portal.text_folding import fold
from search.postgres_queries import postgres_matches
from search.word_forms import SHORTEST_PREFIX, plain_forms

MAX_WORDS = 10
MAX_RESULTS = 20


@dataclass(frozen=True)
class Outcome:
    """The pages found, best first, and the languages whose texts were searched."""

    pages: list
    languages: tuple


def search_pages(query, code):
    """Published pages matching ``query`` for a reader of ``code``, best first."""
    return Outcome(matching_pages(query, code), fallback_chain(code))


def matching_pages(query, code):
    """Pages with every word of ``query``; failing that, with any of them.

    Readers often type a whole question ("how long can I stay in the flat");
    in languages without stop words in PostgreSQL, every word rarely matches.
    One query answers both: pages with any word, those with every word first.
    """
    words = query_words(query)
    if not words:
        return []
    if connection.vendor == "postgresql":
        pages = postgres_matches(words, code, MAX_RESULTS)
    else:
        pages = plain_matches(query, code)[:MAX_RESULTS]
    if pages and pages[0].has_every_word:
        return [page for page in pages if page.has_every_word]
    return pages


def query_words(query):
    """The words of a query, at most ``MAX_WORDS``: see ``split_words``."""
    return split_words(query)[:MAX_WORDS]


def split_words(text):
    """Words: letters, their marks and digits; everything else separates.

    Keeping combining marks inside words keeps Arabic-script words with vowel
    marks whole; dropping everything else keeps text-search operators out.
    """
    words, word = [], []
    for char in text:
        if unicodedata.category(char)[0] in "LMN":
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return words


def plain_words(text):
    return [fold(word) for word in split_words(text)]


def plain_found(forms, text_words):
    """Whether a word, by any of its forms, begins a word of the text (or is one)."""
    return any(
        text_word == form if len(form) < SHORTEST_PREFIX else text_word.startswith(form)
        for form in forms
        for text_word in text_words
    )


def plain_matches(query, code):
    """Pages whose texts in ``code``'s languages have any word of ``query`` (SQLite).

    Those with every word first (``has_every_word``), titles and keywords
    counting most; a word matches the beginning of a word, never its inside.
    """
    languages = fallback_chain(code)
    forms = [plain_forms(word) for word in query_words(query)]
    scored = []
    pages = Page.objects.published().select_related("topic", "search_keywords")
    for page in pages:
        if not any(page.has_text_in(language) for language in languages):
            continue
        keywords = getattr(page, "search_keywords", None)
        best = None
        for language in languages:
            fields = {
                "title": getattr(page, f"title_{language}") or "",
                "summary": getattr(page, f"summary_{language}") or "",
                "body": strip_tags(getattr(page, f"body_{language}") or ""),
                "keywords": (getattr(keywords, f"keywords_{language}", "") or "")
                if keywords
                else "",
            }
            words = {name: plain_words(text) for name, text in fields.items()}
            found = [
                {name for name, text_words in words.items() if plain_found(word, text_words)}
                for word in forms
            ]
            if not any(found):
                continue
            weight = {"title": 3, "keywords": 3, "summary": 2, "body": 1}
            score = sum(weight[name] for names in found for name in names)
            candidate = (all(found), score)
            best = max(best, candidate) if best else candidate
        if best:
            page.has_every_word = best[0]
            own = page.has_text_in(code)
            scored.append((not best[0], -best[1], not own, page.topic.order, page.order, page))
    return [page for *_order, page in sorted(scored, key=lambda item: item[:5])]
