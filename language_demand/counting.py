"""Counting language demand: one atomic increment per event, never a record of the reader."""

import logging
import re
from urllib.parse import urlsplit

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

from housing_info.negotiation import LANGUAGE_ALIASES, MAX_HEADER_LENGTH
from language_demand.models import LanguageDemand

logger = logging.getLogger(__name__)

# A language tag as BCP 47 writes it: a 2-3 letter language, then subtags.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$")

# Crawlers are not readers. The header is read here and never stored.
CRAWLER = re.compile(r"bot|crawl|spider|slurp|preview|monitor", re.IGNORECASE)


def increment(language, page=None, day=None):
    """Add one to the counter of ``language`` (and ``page``) for ``day``.

    The increment happens in the database (``count = count + 1``), so requests
    counting at the same time never lose each other's visits.
    """
    # ``page`` is a Page or its primary key (as the middleware reads it from a response).
    page_id = getattr(page, "pk", page)
    lookup = {"day": day or timezone.localdate(), "language": language, "page_id": page_id}
    counters = LanguageDemand.objects.filter(**lookup)
    if counters.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            LanguageDemand.objects.create(count=1, **lookup)
    except IntegrityError:
        # Another request created today's counter in the meantime.
        counters.update(count=F("count") + 1)


def unserved_language(accept_language):
    """The reader's most preferred language, normalized (e.g. "de"), when we do not serve it.

    None when the portal serves it, or the header names no language.
    """
    for tag, _quality in parse_accept_lang_header(accept_language[:MAX_HEADER_LENGTH]):
        if tag == "*":
            continue
        tag = LANGUAGE_ALIASES.get(tag.lower(), tag.lower())
        if not LANGUAGE_TAG.match(tag):
            return None
        try:
            get_supported_language_variant(tag)
        except LookupError:
            return tag.split("-")[0]
        return None
    return None


def is_reader(request):
    """A GET from a browser, not a crawler or a HEAD check."""
    return request.method == "GET" and not CRAWLER.search(request.headers.get("User-Agent", ""))


def is_arrival(request):
    """Whether the request comes from outside the portal: a visit starts here.

    Within the portal browsers send our own address as Referer (our
    Referrer-Policy is same-origin), so each visit is counted once, without a
    cookie telling one visitor from another.
    """
    referer = request.headers.get("Referer", "")
    try:
        return not referer or urlsplit(referer).netloc != request.get_host()
    except ValueError:
        # Not an address at all ("http://["): no page of ours sent it.
        return True


def count_safely(language, page=None):
    """Count, but never let counting break the page a reader asked for."""
    try:
        increment(language, page)
    except DatabaseError:
        logger.exception("Could not count language demand for %s", language)


def record_unserved_language(request):
    """Count a visit whose most preferred language the portal does not serve."""
    if not (is_reader(request) and is_arrival(request)):
        return
    language = unserved_language(request.headers.get("Accept-Language", ""))
    if language:
        count_safely(language)


def record_missing_translation(request, page, language):
    """Count a reader's view of ``page``, which is not yet available in ``language``."""
    # Unpublished pages are staff previews, not demand.
    if page.published and is_reader(request):
        count_safely(language, page)


# A page view in a language the page is missing in is marked on the response
# and counted by the middleware, which sits outside the page cache: a view
# served from the cache is counted as well. The header never leaves the portal.
MISSING_TRANSLATION_HEADER = "X-Missing-Translation"


def mark_missing_translation(response, page, language):
    """Mark ``response`` as a view of ``page``, which is missing in ``language``."""
    # Unpublished pages are staff previews, not demand.
    if page.published:
        response[MISSING_TRANSLATION_HEADER] = f"{language}:{page.pk}"


def record_marked_missing_translation(request, response):
    """Count the view marked by ``mark_missing_translation`` and remove the mark."""
    marker = response.get(MISSING_TRANSLATION_HEADER)
    if marker is None:
        return
    del response[MISSING_TRANSLATION_HEADER]
    language, _colon, page_id = marker.partition(":")
    if is_reader(request) and page_id.isdigit():
        count_safely(language, int(page_id))
