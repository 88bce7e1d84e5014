"""Finding pages in the reader's language.

On PostgreSQL: full-text search with the language's own text search
configuration (stemming, stop words) where PostgreSQL has one and ``simple``
elsewhere, titles ranked above summaries above bodies, plus trigram similarity
(pg_trgm), compared without accents (unaccent), so that misspelt words and
Swedish words typed without å, ä, ö still find their page. On SQLite, used for
development, a plain comparison of folded text that finds the same pages with a
simpler ranking and without forgiving misspellings.

A search that finds nothing in the reader's language also looks in the Swedish
and English texts; the outcome says that it did.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache

from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import BooleanField, Case, F, FloatField, Q, Value, When
from django.db.models.functions import Greatest
from django.utils.html import strip_tags

from housing_info.models import Page
from portal.text_folding import fold

# PostgreSQL's own configurations for the languages we serve; the others
# (Dari, Persian, Pashto, Sorani, Kurmanji, Somali, Tigrinya, Ukrainian) have
# none and use "simple": whole words and word beginnings, without stemming.
TEXT_SEARCH_CONFIGS = {"sv": "swedish", "en": "english", "ar": "arabic", "ru": "russian"}
SIMPLE_CONFIG = "simple"

# Where a search with no result in the reader's language looks next.
FALLBACK_LANGUAGES = ("sv", "en")

# Below this, trigram similarity is chance; above it, a misspelling of a word
# in the page ("genomgangsbostad", "bostadbidrag") or its title.
TRIGRAM_THRESHOLD = 0.6
MAX_WORDS = 10
MAX_RESULTS = 20


@dataclass(frozen=True)
class Outcome:
    """The pages found, best first, and the languages whose texts were searched."""

    pages: list
    languages: tuple
    fell_back: bool = False


def search_pages(query, code):
    """Published pages matching ``query`` for a reader of ``code``, best first."""
    pages = matching_pages(query, code)
    if pages:
        return Outcome(pages, (code,))
    others = tuple(language for language in FALLBACK_LANGUAGES if language != code)
    found = {}
    for language in others:
        for page in matching_pages(query, language):
            found.setdefault(page.pk, page)
    return Outcome(list(found.values())[:MAX_RESULTS], others, fell_back=True)


def matching_pages(query, code):
    """Pages in ``code`` with every word of ``query``; failing that, with any of them.

    Readers often type a whole question ("how long can I stay in the flat");
    in languages without stop words in PostgreSQL, every word rarely matches.
    One query answers both: pages with any word, those with every word first.
    """
    if not query_words(query):
        return []
    if connection.vendor == "postgresql":
        pages = list(postgres_matches(query, code)[:MAX_RESULTS])
    else:
        pages = plain_matches(query, code)[:MAX_RESULTS]
    if pages and pages[0].has_every_word:
        return [page for page in pages if page.has_every_word]
    return pages


def readable_pages(code):
    """Published pages a reader can read in ``code``: title and body are written in it."""
    return Page.objects.published().filter(**{f"title_{code}__gt": "", f"body_{code}__gt": ""})


def query_words(query):
    """The words of a query: letters, their marks and digits; everything else separates.

    Keeping combining marks inside words keeps Arabic-script words with vowel
    marks whole; dropping everything else keeps text-search operators out.
    """
    words, word = [], []
    for char in query:
        if unicodedata.category(char)[0] in "LMN":
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return words[:MAX_WORDS]


@cache
def installed_text_search_configs():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def text_search_config(code):
    """PostgreSQL's configuration for ``code`` when the server has it, else "simple"."""
    config = TEXT_SEARCH_CONFIGS.get(code, SIMPLE_CONFIG)
    return config if config in installed_text_search_configs() else SIMPLE_CONFIG


def postgres_matches(query, code):
    """Pages with any word of ``query``; ``has_every_word`` first, then by score.

    A page with every word is ranked against all of them, as before a search
    for any word; the others against any of them.
    """
    config = text_search_config(code)
    title = SearchVector(f"title_{code}", weight="A", config=config)
    document = (
        title
        + SearchVector(f"summary_{code}", weight="B", config=config)
        + SearchVector(f"body_{code}", weight="C", config=config)
    )
    # Every word, also as the beginning of a longer word: "bostad" finds
    # "bostadsbidrag", which matters in Swedish, where words are compounded.
    words = query_words(query)
    every_word, any_word = (
        SearchQuery(operator.join(f"{word}:*" for word in words), search_type="raw", config=config)
        for operator in (" & ", " | ")
    )
    # Compared without accents: "genomgangsbostad" is one letter from
    # "genomgångsbostad" here, not three trigrams away.
    typed = Unaccent(Value(" ".join(words)))

    def similarity(field):
        return TrigramWordSimilarity(typed, Unaccent(f"{field}_{code}"))

    close = Q(title_similarity__gte=TRIGRAM_THRESHOLD) | Q(text_similarity__gte=TRIGRAM_THRESHOLD)

    def by_mode(for_every_word, for_any_word):
        return Case(
            When(has_every_word=True, then=for_every_word),
            default=for_any_word,
            output_field=FloatField(),
        )

    def in_title(text_query):
        return Case(
            When(title_document=text_query, then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )

    return (
        readable_pages(code)
        .annotate(
            document=document,
            title_document=title,
            title_similarity=similarity("title"),
            text_similarity=Greatest(similarity("summary"), similarity("body")),
        )
        .filter(Q(document=any_word) | close)
        .annotate(
            has_every_word=Case(
                When(Q(document=every_word) | close, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .annotate(
            # Cover density: words close together count, however often a long
            # body repeats one of them.
            rank=by_mode(
                SearchRank(document, every_word, cover_density=True),
                SearchRank(document, any_word, cover_density=True),
            ),
            in_title=by_mode(in_title(every_word), in_title(any_word)),
        )
        # The words in the title count most, whether typed well or misspelt.
        .annotate(
            score=F("in_title") + F("rank") + F("title_similarity") + F("text_similarity") / 4
        )
        .order_by("-has_every_word", "-score", "topic__order", "order")
    )


def plain_matches(query, code):
    """Pages whose text contains any word of ``query``: those with every word
    first (``has_every_word``), titles counting most."""
    words = [fold(word) for word in query_words(query)]
    scored = []
    for page in readable_pages(code).select_related("topic"):
        title = fold(getattr(page, f"title_{code}"))
        summary = fold(getattr(page, f"summary_{code}") or "")
        body = fold(strip_tags(getattr(page, f"body_{code}")))
        found = [word in title or word in summary or word in body for word in words]
        if any(found):
            page.has_every_word = all(found)
            score = sum(
                3 * (word in title) + 2 * (word in summary) + (word in body) for word in words
            )
            scored.append((not page.has_every_word, -score, page.topic.order, page.order, page))
    return [page for *_order, page in sorted(scored, key=lambda item: item[:4])]
