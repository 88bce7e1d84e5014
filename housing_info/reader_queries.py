"""What a content page reads, compiled once per language (see compiled_queries).

Only the reader's and the fallback languages' columns are read (reader_columns).
"""

from housing_info.compiled_queries import compiled
from housing_info.models import ContactPoint, Page, Topic
from housing_info.reader_columns import reader_columns

# Stand-ins for the value that varies, replaced on every run; never real values.
SLUG = "\x00slug"
PAGE_ID = -7_000_001


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
