"""What public pages read, compiled once per language (see compiled_queries).

Only the reader's and the fallback languages' columns are read (reader_columns).
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    Window,
)
from django.db.models.functions import RowNumber

from housing_info.addresses import slug_urls
from housing_info.compiled_queries import compiled
from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from housing_info.reader_columns import reader_columns, reader_languages
from portal.languages import ShownIn, shown_in
from portal.shown_text import shown_text

# Stand-ins for the value that varies, replaced on every run; never real values.
SLUG = "\x00slug"
PAGE_ID = -7_000_001

# The home page shows the first pages of each topic and links to the rest, so
# it stays light on a phone however many pages the City writes.
HOME_PAGES_PER_TOPIC = 6


def _page_with_topic(language):
    pages = Page.objects.select_related("topic").only(
        *reader_columns(Page, language), *reader_columns(Topic, language, via="topic")
    )
    return pages.filter(slug=SLUG), SLUG


def _contact_points(language):
    contacts = ContactPoint.objects.only(*reader_columns(ContactPoint, language))
    return contacts.filter(pages=PAGE_ID), PAGE_ID


def page_with_topic(slug, language):
    """The page with ``slug`` and its topic, published or not, or None."""
    found = compiled(_page_with_topic, language)(slug)
    return found[0] if found else None


def contact_points(page, language):
    """The page's contact points, in the order a reader sees them."""
    return compiled(_contact_points, language)(page.pk)


def _home_topics(language):
    """Every topic, in order (the home page leaves out those without published pages)."""
    return Topic.objects.values_list(*reader_columns(Topic, language)), None


def _home_pages(language):
    """The first published pages of each topic, in order within their topic.

    A list shows a page's title in the reader's language or says which language
    it is in, which takes its titles and whether it has a body: not the body.
    The pages are numbered within their topics on their ids alone, not on
    whole rows.
    """
    languages = reader_languages(language)
    pages = (
        Page.objects.filter(_is_first_page())
        .annotate(**{f"has_body_{code}": has_text(f"body_{code}") for code in languages})
        .order_by("order", "slug")
        .values_list(
            "topic_id",
            "slug",
            "language_versions",
            *(f"title_{code}" for code in languages),
            *(f"has_body_{code}" for code in languages),
        )
    )
    return pages, None


class AnyOf(Func):
    """``value = ANY(array)`` on PostgreSQL: whether ``array`` holds ``value``."""

    arg_joiner = " = ANY("
    template = "%(expressions)s)"
    output_field = BooleanField()


def _is_first_page():
    """Whether a page is one of the first HOME_PAGES_PER_TOPIC published pages of
    its topic, or the one after them: the home page then links to the rest.

    On PostgreSQL each topic reads its first pages from the index on (topic,
    order, slug) of published pages and stops (about 0.1 ms at 2,000 pages);
    numbering every published page per topic would sort them all (1.5 ms and
    more). The pages are then read by id from an array (``= ANY``): against
    ``IN (subquery)`` PostgreSQL, not knowing how few ids there are, read every
    page and hashed the ids (1.6 ms against 0.5 ms at 2,000 pages). Elsewhere
    (SQLite in development and tests) the pages are numbered.
    """
    if connection.vendor == "postgresql":
        first_in_topic = (
            Page.objects.published()
            .filter(topic_id=OuterRef("pk"))
            .order_by("order", "slug")
            .values("pk")[: HOME_PAGES_PER_TOPIC + 1]
        )
        unnested = Func(
            ArraySubquery(first_in_topic), function="unnest", output_field=BigIntegerField()
        )
        ids = Topic.objects.order_by().annotate(page_id=unnested).values("page_id")
        return AnyOf(F("pk"), ArraySubquery(ids))
    numbered = (
        Page.objects.published()
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=F("topic_id"),
                order_by=(F("order").asc(), F("slug").asc()),
            )
        )
        .filter(position__lte=HOME_PAGES_PER_TOPIC + 1)
        .values("pk")
    )
    return Q(pk__in=numbered)


def has_text(field):
    """Whether ``field`` is neither NULL nor empty, without reading a long text.

    An inequality would compare the whole (toasted) text in the collation's
    order; an equality with '' only looks at its length.
    """
    written = Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})
    return ExpressionWrapper(written, output_field=BooleanField())


def _pathway_steps(language):
    """The steps, each with its page's titles and whether the page has a body.

    A step links to its page: no text of the page is shown, but the reader is
    told which language it opens in (Page.text_language), which takes its
    titles and whether it has a body: not the body, as the home lists.
    """
    steps = (
        PathwayStep.objects.select_related("page")
        .only(
            *reader_columns(PathwayStep, language),
            *reader_columns(Page, language, via="page", translated_fields=("title",)),
        )
        .annotate(
            **{
                f"page_has_body_{code}": has_text(f"page__body_{code}")
                for code in reader_languages(language)
            }
        )
    )
    return steps, None


class ListedPage:
    """A page in a list: its ``url`` and its title in the language a reader is shown
    (``shown_title``, ``shown_language``).

    Which language that is follows Page's own rules (``Page.text_language``),
    applied to the only columns a list needs: titles, whether there is a body,
    and the language versions' states.
    """

    has_text_in = Page.has_text_in
    is_translated_into = Page.is_translated_into
    text_language = Page.text_language
    text_state = Page.text_state

    def __init__(self, row, language, url_of):
        self.slug = row["slug"]
        self.language_versions = row["language_versions"]
        for code in reader_languages(language):
            setattr(self, f"title_{code}", row[f"title_{code}"])
            setattr(self, f"has_body_{code}", row[f"has_body_{code}"])
        self.shown_language = self.text_language(language)
        self.shown_title = getattr(self, f"title_{self.shown_language}")
        self.shown = ShownIn(
            **shown_in(self.shown_language, language, self.text_state(self.shown_language))
        )
        # The language to mark on the link, when it is not the reader's.
        self.other_language = "" if self.shown_language == language else self.shown_language
        self.url = url_of(self.slug)

    def get_absolute_url(self):
        return self.url


def home_topics(language):
    """Topics with published pages, in order, each with its title as a reader of
    ``language`` is shown it (``shown_title``), its ``url``, its first
    ``published_pages`` (ListedPage) and whether it has more (``has_more_pages``):
    one query for each list. Whether a topic has more is told by the one page more
    that is read, rather than by counting every published page."""
    fields = reader_columns(Topic, language)
    topic_url = slug_urls("housing_info:topic", language)
    topics = {}
    for row in compiled(_home_topics, language)():
        topic = Topic.from_db(Topic.objects.db, fields, [row[name] for name in fields])
        topic.shown_title = shown_text(topic, "title", language)
        topic.url = topic_url(topic.slug)
        topic.published_pages = []
        topic.has_more_pages = False
        topics[topic.pk] = topic
    url_of = slug_urls("housing_info:page", language)
    for row in compiled(_home_pages, language)():
        # A topic made after the topics were read is not listed this time.
        topic = topics.get(row["topic_id"])
        if topic is None:
            continue
        if len(topic.published_pages) == HOME_PAGES_PER_TOPIC:
            topic.has_more_pages = True
        else:
            topic.published_pages.append(ListedPage(row, language, url_of))
    return [topic for topic in topics.values() if topic.published_pages]


def pathway_steps(language):
    """The pathway's steps with the page each links to, read with one query."""
    steps = compiled(_pathway_steps, language)()
    for step in steps:
        if step.page is not None:
            for code in reader_languages(language):
                setattr(step.page, f"has_body_{code}", getattr(step, f"page_has_body_{code}"))
    return steps
