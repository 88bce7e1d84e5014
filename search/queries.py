"""Finding pages for a reader: one ranked list over their language, English and Swedish.

A reader of ``code`` is shown each page in the first language of
``portal.languages.fallback_chain(code)`` it is written in (their own, then
English, then Swedish). The search reads the same languages: every page's
text and keywords in the reader's language (a page whose body is not
translated may have a translated title or keywords), and in English and
Swedish (pages not in the reader's language; Swedish words from a letter). The
pages found come in one list, best first, each shown, and marked, in its
language (``search.results``).

On PostgreSQL: full-text search in each language's configuration, with the
word forms ``search.word_forms`` describes (stemming, a dictionary or word
beginnings), titles and keywords ranked above summaries above bodies, plus
strict trigram similarity (pg_trgm) of the whole typed words, compared without
accents (unaccent), so that misspelt words and Swedish words typed without å,
ä, ö still find their page, and a word never matches the inside of another
("борг" does not find "Гетеборг"). Every match is found through a GIN index
on a stored document or on the texts' trigrams (search/migrations/0002 and
0004): a search reads, and ranks, only the pages it finds.

On SQLite, used for development: the same languages and word beginnings,
compared in Python without accents, with a simpler ranking and without
forgiving misspellings.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.utils.html import strip_tags

from housing_info.models import Page
from housing_info.reader_columns import reader_columns
from portal.languages import fallback_chain
from portal.text_folding import fold
from search import dictionaries
from search.word_forms import (
    SIMPLE_CONFIG,
    TEXT_SEARCH_CONFIGS,
    UKRAINIAN_CONFIG,
    UKRAINIAN_DICTIONARY,
    plain_forms,
    tsquery_text,
)

# Below this, trigram similarity of whole words is chance; above it, a
# misspelling ("genomgangsbostad", "bostadbidrag", "insurence") of a word in the
# page. pg_trgm's default strict_word_similarity_threshold, which its index uses.
TRIGRAM_THRESHOLD = 0.5
MAX_WORDS = 10
MAX_RESULTS = 20
# Words this short match only themselves, not as a beginning: "i" or "в" would
# otherwise find nearly every page.
SHORTEST_PREFIX = 3


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
    if not query_words(query):
        return []
    if connection.vendor == "postgresql":
        pages = postgres_matches(query, code)
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


@dataclass(frozen=True)
class TextSearchSetup:
    configs: frozenset
    ukrainian_dictionary: bool


@cache
def text_search_setup():
    """PostgreSQL's configurations, and whether hunspell-uk is mapped (once per process)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cfgname FROM pg_ts_config"
            " UNION ALL SELECT '' FROM pg_ts_config_map map"
            " JOIN pg_ts_config config ON config.oid = map.mapcfg"
            " JOIN pg_ts_dict dict ON dict.oid = map.mapdict"
            " WHERE config.cfgname = %s AND dict.dictname = %s",
            [UKRAINIAN_CONFIG, UKRAINIAN_DICTIONARY],
        )
        names = [row[0] for row in cursor.fetchall()]
    return TextSearchSetup(frozenset(names) - {""}, "" in names)


def text_search_config(code):
    """PostgreSQL's configuration for ``code`` when the server has it, else "simple"."""
    config = TEXT_SEARCH_CONFIGS.get(code, SIMPLE_CONFIG)
    return config if config in text_search_setup().configs else SIMPLE_CONFIG


def knows_word_forms(code):
    """Whether PostgreSQL reads ``code``'s word forms (a stemmer or a dictionary)."""
    config = text_search_config(code)
    if config == UKRAINIAN_CONFIG:
        return text_search_setup().ukrainian_dictionary
    return config != SIMPLE_CONFIG


def language_params(code, words, number):
    """The parameters of language number ``number`` of a search in ``code``'s texts."""
    knows = knows_word_forms(code)
    return {
        f"config_{number}": text_search_config(code),
        # Every word, also as the beginning of a longer word: "bostad" finds
        # "bostadsbidrag", which matters in Swedish, where words are compounded.
        f"every_{number}": tsquery_text(words, knows, "&", SHORTEST_PREFIX),
        f"any_{number}": tsquery_text(words, knows, "|", SHORTEST_PREFIX),
        # Each word alone, to tell whether every word is found, typed well or misspelt.
        f"terms_{number}": [tsquery_text([word], knows, "&", SHORTEST_PREFIX) for word in words],
    }


def postgres_matches(query, code):
    """Pages with any word of ``query``; ``has_every_word`` first, then by score."""
    if code == "uk":
        dictionaries.note_if_degraded()
    return list(Page.objects.raw(search_sql(code), search_params(query_words(query), code)))


def search_params(words, code):
    """The parameters of ``search_sql(code)`` for ``words``."""
    params = {
        # Compared without accents: "genomgangsbostad" is one letter from
        # "genomgångsbostad" here, not three trigrams away.
        "typed": " ".join(words),
        "words": words,
        "threshold": TRIGRAM_THRESHOLD,
        "limit": MAX_RESULTS,
    }
    for number, language in enumerate(fallback_chain(code)):
        params |= language_params(language, words, number)
    return params


# The texts compared by trigrams: (table, alias, key, field), each with a trigram
# index per language on search_unaccent(<field>_<code>) (search migrations 0002, 0004).
TRIGRAM_TEXTS = (
    ("housing_info_page", "page", "id", "title"),
    ("housing_info_page", "page", "id", "summary"),
    ("housing_info_page", "page", "id", "body"),
    ("search_pagekeywords", "keywords", "page_id", "keywords"),
)


@cache
def search_sql(code):
    """The search for a reader of ``code``, selecting the columns they are shown.

    For each language of their fallback chain it reads the stored documents
    (``housing_info_page.search_document_<code>``: title, summary and body
    weighted A, B, C; ``search_pagekeywords.search_document_<code>``: the
    keywords) that PostgreSQL keeps current and indexes, and compares the
    typed words with titles, summaries, bodies and keywords through the
    trigram indexes: ``typed <<% text`` is ``strict_word_similarity(typed,
    text) >= pg_trgm.strict_word_similarity_threshold`` (0.5 unless the server
    is configured otherwise), which lets PostgreSQL use the index. The
    candidates are the union of what the indexes find; only they are scored.

    The trigram indexes are read only when some typed word, in all its forms,
    is in no page's document or keywords in any of the languages: a word
    written as the texts write it needs no forgiving, and a short common
    beginning ("bo", in "boplats" and in every "bostad" and "boende") makes
    a trigram index read many rows to find none (``typed_words``).

    A page has every word (in one language) when each word, alone, is in its
    document or keywords, or is as close as TRIGRAM_THRESHOLD to a word of its
    texts: "rent Boplats" is close to "The Boplats queue" as a whole, but
    "rent" is in none of its words.
    """
    languages = fallback_chain(code)
    page_table = Page._meta.db_table
    columns = ", ".join(
        f'page."{Page._meta.get_field(name).column}"' for name in reader_columns(Page, code)
    )
    typed = "search_unaccent(%(typed)s)"

    def text_query(number, kind):
        return f"to_tsquery(%(config_{number})s::regconfig, %({kind}_{number})s)"

    candidates, words, laterals, every, scores, known = [], [], [], [], [], []
    for number, language in enumerate(languages):
        document = f'"search_document_{language}"'
        any_word = text_query(number, "any")
        texts = [f'{alias}."{field}_{language}"' for _table, alias, _key, field in TRIGRAM_TEXTS]
        # Only fixed table and column names are put in; the typed words are parameters.
        candidates += [
            f"SELECT id FROM {page_table} WHERE {document} @@ {any_word}",  # noqa: S608
            f"SELECT page_id FROM search_pagekeywords WHERE {document} @@ {any_word}",  # noqa: S608
            # Only while some word is in no text: a condition on the search
            # alone, which PostgreSQL checks once, before it reads the index.
            *(
                f"SELECT {key} FROM {table}"  # noqa: S608
                f" WHERE (SELECT misspelt FROM typed_words)"
                f' AND {typed} <<%% search_unaccent("{field}_{language}")'
                for table, _alias, key, field in TRIGRAM_TEXTS
            ),
        ]
        # Whether the word (its forms, as typed) is in some text of this language.
        term = f"to_tsquery(%(config_{number})s::regconfig, word.term_{number})"
        known.append(
            # Only fixed table and column names are put in; the words are parameters.
            f"numnode({term}) = 0"  # noqa: S608
            f" OR EXISTS (SELECT FROM {page_table} WHERE {document} @@ {term})"
            f" OR EXISTS (SELECT FROM search_pagekeywords WHERE {document} @@ {term})"
        )
        # Scored by similarity: the short texts. A body is searched through its
        # trigram index (above), but comparing every found page's body with the
        # typed words cost more than the rest of the search together.
        scored_texts = [texts[0], texts[1], texts[3]]  # title, summary, keywords
        title, summary, keywords = (
            f"COALESCE(strict_word_similarity({typed}, search_unaccent({column})), 0)"
            for column in scored_texts
        )
        word_similarity = ", ".join(
            f"COALESCE(strict_word_similarity(search_unaccent(word.typed), "
            f"search_unaccent({column})), 0)"
            for column in scored_texts
        )
        match = f"match_{number}"
        # Each word's query is built once per search, not once per page.
        words.append(
            f"words_{number} AS MATERIALIZED ("  # noqa: S608
            f"SELECT to_tsquery(%(config_{number})s::regconfig, word.term) AS query, word.typed"
            f" FROM unnest(%(terms_{number})s::text[], %(words)s::text[]) AS word(term, typed))"
        )
        laterals.append(
            f"""CROSS JOIN LATERAL (
                SELECT page.{document} AS document, keywords.{document} AS keywords,
                       GREATEST({title}, {keywords}) AS title, {summary} AS text
            ) AS {match}
            CROSS JOIN LATERAL (
                SELECT COALESCE(bool_and(
                    numnode(word.query) = 0
                    OR {match}.document @@ word.query
                    OR COALESCE({match}.keywords @@ word.query, false)
                    OR GREATEST({word_similarity}) >= %(threshold)s
                ), false) AS every
                FROM words_{number} AS word
            ) AS every_{number}"""  # noqa: S608
        )
        every.append(f"every_{number}.every")

        def rank(kind, number=number, match=match):
            text_query_ = text_query(number, kind)
            # The words in the title or the keywords count most, whether typed
            # well or misspelt; cover density: words close together count,
            # however often a long body repeats one of them.
            return (
                f"(ts_filter({match}.document, '{{a}}') @@ {text_query_})::int"
                f" + COALESCE({match}.keywords @@ {text_query_}, false)::int"
                f" + ts_rank_cd({match}.document, {text_query_})"
                f" + {match}.title + {match}.text / 2"
            )

        scores.append(f"CASE WHEN every_{number}.every THEN {rank('every')} ELSE {rank('any')} END")

    readable = " OR ".join(
        f"(page.\"title_{language}\" > '' AND page.\"body_{language}\" > '')"
        for language in languages
    )
    own = f"(page.\"title_{code}\" > '' AND page.\"body_{code}\" > '')"
    nl = "\n"
    term_columns = ", ".join(f"term_{number}" for number in range(len(languages)))
    term_arrays = ", ".join(f"%(terms_{number})s::text[]" for number in range(len(languages)))
    return f"""
        WITH typed_words AS MATERIALIZED (
            SELECT NOT COALESCE(bool_and({" OR ".join(f"({item})" for item in known)}), false)
                AS misspelt
            FROM unnest({term_arrays}) AS word({term_columns})
        ), candidates AS (
            {f"{nl}            UNION ".join(candidates)}
        ), {", ".join(words)}
        SELECT {columns}, scored.has_every_word
        FROM candidates
        JOIN {page_table} AS page ON page.id = candidates.id
        JOIN housing_info_topic AS topic ON topic.id = page.topic_id
        LEFT JOIN search_pagekeywords AS keywords ON keywords.page_id = page.id
        {nl.join(laterals)}
        CROSS JOIN LATERAL (
            SELECT {" OR ".join(every)} AS has_every_word,
                   GREATEST({", ".join(scores)}) AS score
        ) AS scored
        WHERE page.published AND ({readable})
        ORDER BY scored.has_every_word DESC, scored.score DESC, {own} DESC,
            topic."order", page."order", page.slug
        LIMIT %(limit)s
    """  # noqa: S608


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
