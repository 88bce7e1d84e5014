"""Finding pages in the reader's language.

On PostgreSQL: full-text search with the language's own text search
configuration (stemming, stop words) where PostgreSQL has one and ``simple``
elsewhere, titles ranked above summaries above bodies, plus trigram similarity
(pg_trgm), compared without accents (unaccent), so that misspelt words and
Swedish words typed without å, ä, ö still find their page. PostgreSQL keeps
each page's text search document per language in a stored generated column and
indexes it and the texts' trigrams (search/migrations/0002), so a search reads
only the pages it finds, whichever way their text was written. On SQLite, used for
development, a plain comparison of folded text that finds the same pages with a
simpler ranking and without forgiving misspellings.

A search that finds nothing in the reader's language also looks in the Swedish
and English texts; the outcome says that it did.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.utils.html import strip_tags

from housing_info.models import Page
from housing_info.reader_columns import reader_columns
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
        for page in matching_pages(query, language, reader=code):
            found.setdefault(page.pk, page)
    return Outcome(list(found.values())[:MAX_RESULTS], others, fell_back=True)


def matching_pages(query, code, reader=None):
    """Pages in ``code`` with every word of ``query``; failing that, with any of them.

    ``reader`` is the language of the reader they are shown to (``code`` unless
    the search fell back to another language's texts).

    Readers often type a whole question ("how long can I stay in the flat");
    in languages without stop words in PostgreSQL, every word rarely matches.
    One query answers both: pages with any word, those with every word first.
    """
    if not query_words(query):
        return []
    if connection.vendor == "postgresql":
        pages = postgres_matches(query, code, reader)
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


def postgres_matches(query, code, reader=None):
    """Pages with any word of ``query``; ``has_every_word`` first, then by score.

    A page with every word is ranked against all of them, as before a search
    for any word; the others against any of them. Pages come with the columns
    a reader of ``reader`` (by default ``code``) is shown, and no others.
    """
    words = query_words(query)
    return list(
        Page.objects.raw(
            search_sql(code, reader or code),
            {
                "config": text_search_config(code),
                # Every word, also as the beginning of a longer word: "bostad" finds
                # "bostadsbidrag", which matters in Swedish, where words are compounded.
                "every_word": " & ".join(f"{word}:*" for word in words),
                "any_word": " | ".join(f"{word}:*" for word in words),
                # Compared without accents: "genomgangsbostad" is one letter from
                # "genomgångsbostad" here, not three trigrams away.
                "typed": " ".join(words),
                "threshold": TRIGRAM_THRESHOLD,
                "limit": MAX_RESULTS,
            },
        )
    )


@cache
def search_sql(code, reader):
    """The search in ``code``'s texts, selecting what a reader of ``reader`` is shown.

    It reads the stored document (``search_document_<code>``, title, summary
    and body weighted A, B, C) that PostgreSQL keeps current and indexes (see
    search/migrations/0002_stored_search_documents.py), and compares the typed
    words with titles, summaries and bodies through the trigram indexes:
    ``typed <% text`` is ``word_similarity(typed, text) >=
    pg_trgm.word_similarity_threshold`` (0.6 unless the server is configured
    otherwise), which lets PostgreSQL use the index; the comparison with
    TRIGRAM_THRESHOLD then decides. Each similarity is computed once per page.
    """
    page = Page._meta
    columns = ", ".join(
        f'page."{page.get_field(name).column}"' for name in reader_columns(Page, reader)
    )
    title, summary, body = (f'page."{field}_{code}"' for field in ("title", "summary", "body"))
    document = f'page."search_document_{code}"'
    every_word = "to_tsquery(%(config)s::regconfig, %(every_word)s)"
    any_word = "to_tsquery(%(config)s::regconfig, %(any_word)s)"
    typed = "unaccent(%(typed)s)"
    title_document = f"to_tsvector(%(config)s::regconfig, COALESCE({title}, ''))"

    def close(text, similarity):
        # The operator for the index, the threshold for the decision.
        return f"({typed} <%% search_unaccent({text}) AND {similarity} >= %(threshold)s)"

    def in_title(text_query):
        return f"CASE WHEN {title_document} @@ {text_query} THEN 1.0 ELSE 0.0 END"

    # Only column names and fixed SQL are put in; the typed words are parameters.
    return f"""
        SELECT {columns}, found.has_every_word
        FROM housing_info_page AS page
        JOIN housing_info_topic AS topic ON topic.id = page.topic_id
        CROSS JOIN LATERAL (
            SELECT word_similarity({typed}, search_unaccent({title})) AS title,
                   word_similarity({typed}, search_unaccent({summary})) AS summary,
                   word_similarity({typed}, search_unaccent({body})) AS body
        ) AS similarity
        CROSS JOIN LATERAL (
            SELECT COALESCE(
                {document} @@ {every_word}
                OR similarity.title >= %(threshold)s
                OR GREATEST(similarity.summary, similarity.body) >= %(threshold)s,
                false
            ) AS has_every_word
        ) AS found
        WHERE page.published AND {title} > '' AND {body} > '' AND (
            {document} @@ {any_word}
            OR {close(title, "similarity.title")}
            OR {close(summary, "similarity.summary")}
            OR {close(body, "similarity.body")}
        )
        ORDER BY
            found.has_every_word DESC,
            -- The words in the title count most, whether typed well or misspelt;
            -- cover density: words close together count, however often a long
            -- body repeats one of them.
            CASE WHEN found.has_every_word
                THEN {in_title(every_word)} + ts_rank_cd({document}, {every_word})
                ELSE {in_title(any_word)} + ts_rank_cd({document}, {any_word})
            END + similarity.title + GREATEST(similarity.summary, similarity.body) / 4 DESC,
            topic."order", page."order", page.slug
        LIMIT %(limit)s
    """  # noqa: S608


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
