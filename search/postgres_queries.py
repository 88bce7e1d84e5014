"""The search on PostgreSQL: one SQL query over the reader's languages, ranked.

Full-text search in each language's configuration, with the word forms
``search.word_forms`` describes (stemming, a dictionary or word
beginnings), titles and keywords ranked above summaries above bodies, plus
strict trigram similarity (pg_trgm) of the whole typed words, compared without
accents (unaccent), so that misspelt words and Swedish words typed without å,
ä, ö still find their page, and a word never matches the inside of another
("борг" does not find "Гетеборг"). Every match is found through a GIN index
on a stored document or on the texts' trigrams (search/migrations/0002 and
0004): a search reads, and ranks, only the pages it finds. The statement is
prepared once per connection and language, and planned once
(``search.prepared``).
"""

from dataclasses import dataclass
from functools import cache

from django.db import connection

from housing_info.models import Page
from housing_info.reader_columns import reader_columns
from portal.languages import fallback_chain
from search import dictionaries
from search.prepared import execute_statement, fetch_instances, prepared
from search.word_forms import (
    SHORTEST_PREFIX,
    SIMPLE_CONFIG,
    TEXT_SEARCH_CONFIGS,
    UKRAINIAN_CONFIG,
    UKRAINIAN_DICTIONARY,
    tsquery_text,
)

# Below this, trigram similarity of whole words is chance; above it, a
# misspelling ("genomgangsbostad", "bostadbidrag", "insurence") of a word in the
# page. pg_trgm's default strict_word_similarity_threshold, which its index uses.
TRIGRAM_THRESHOLD = 0.5


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


def postgres_matches(words, code, limit):
    """At most ``limit`` pages with any of ``words``; ``has_every_word`` first, then by score.

    The statement is prepared once per connection and planned once
    (``search.prepared``): only its values change from one search to the next.
    """
    if code == "uk":
        dictionaries.note_if_degraded()
    sql, values = execute_statement(search_statement(code), search_params(words, code, limit))
    return fetch_instances(Page, sql, values)


@cache
def search_statement(code):
    """``search_sql(code)`` as a statement to prepare, with its parameters' types."""
    types = {"typed": "text", "words": "text[]", "threshold": "float8", "limit": "integer"}
    for number in range(len(fallback_chain(code))):
        types |= {
            f"config_{number}": "text",
            f"every_{number}": "text",
            f"any_{number}": "text",
            f"terms_{number}": "text[]",
        }
    return prepared(f"portal_search_{code}", search_sql(code), types)


def search_params(words, code, limit):
    """The parameters of ``search_sql(code)`` for ``words``, for at most ``limit`` pages."""
    params = {
        # Compared without accents: "genomgangsbostad" is one letter from
        # "genomgångsbostad" here, not three trigrams away.
        "typed": " ".join(words),
        "words": words,
        "threshold": TRIGRAM_THRESHOLD,
        "limit": limit,
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
    # What the typed words make is computed once per search (a sub-select
    # PostgreSQL runs once), not once per page found and score: in the one plan
    # kept for every search (search.prepared) it cannot be computed in advance.
    typed = "(SELECT search_unaccent(%(typed)s))"

    def text_query(number, kind):
        return f"(SELECT to_tsquery(%(config_{number})s::regconfig, %({kind}_{number})s))"

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
            f"COALESCE(strict_word_similarity(word.typed, search_unaccent({column})), 0)"
            for column in scored_texts
        )
        match = f"match_{number}"
        # Each word's query is built once per search, not once per page.
        words.append(
            f"words_{number} AS MATERIALIZED ("  # noqa: S608
            f"SELECT to_tsquery(%(config_{number})s::regconfig, word.term) AS query,"
            " search_unaccent(word.typed) AS typed"
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
        FROM {page_table} AS page
        JOIN housing_info_topic AS topic ON topic.id = page.topic_id
        LEFT JOIN search_pagekeywords AS keywords ON keywords.page_id = page.id
        {nl.join(laterals)}
        CROSS JOIN LATERAL (
            SELECT {" OR ".join(every)} AS has_every_word,
                   GREATEST({", ".join(scores)}) AS score
        ) AS scored
        WHERE page.id = ANY (ARRAY(SELECT id FROM candidates))
            AND page.published AND ({readable})
        ORDER BY scored.has_every_word DESC, scored.score DESC, {own} DESC,
            topic."order", page."order", page.slug
        LIMIT %(limit)s
    """  # noqa: S608
