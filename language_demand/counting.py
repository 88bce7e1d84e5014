"""Counting language demand on page views: in the store, never in the database.

Two kinds of demand are counted, each at most once per client address, counter
and day (the address is hashed with a daily salt, never stored; see
``store.client_token``):

- a visit whose most preferred language (Accept-Language) the portal does not
  serve, counted when it arrives from outside the portal;
- a view of a published page in a served language it is not yet translated
  into.

The page view tells the middleware what it showed through an attribute of the
request (``portal.page_language``); nothing of it is put on the response, so
nothing of it is stored with a cached page. For a view that the page cache
answers, the store remembers which cached addresses are missing translations.
"""

import ipaddress
import logging
import re
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from language_demand.counters import Counter
from language_demand.language_tags import is_known_language, unserved_language
from language_demand.store import demand_store
from portal.client_address import client_address
from portal.page_language import noted_page_language

logger = logging.getLogger(__name__)

# Crawlers are not readers. The header is read here and never stored.
CRAWLER = re.compile(r"bot|crawl|spider|slurp|preview|monitor", re.IGNORECASE)

# Set on the request when a view runs, i.e. the page cache did not answer.
VIEW_RAN = "language_demand_view_ran"


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


def client(request):
    """The client's address as counted: an IPv6 client by its /64, which it may roam in."""
    address = client_address(request) or ""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:100]
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def is_page_a_reader_sees(request, response):
    """Only pages: not redirects (the root view sends a reader on to their
    language, which would count the visit twice), not errors, not the admin."""
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not request.path.startswith(reverse("admin:index"))
    )


def count_page_view(request, response):
    """Count the demand this page view shows; never raises because of the store."""
    store = demand_store()
    view_ran = getattr(request, VIEW_RAN, False)
    noted = noted_page_language(request)
    if view_ran and noted is not False and request.method in ("GET", "HEAD"):
        # For the views that the page cache will answer from this render.
        store.remember_missing(request.path, *(noted or ()))
    if not (is_reader(request) and is_page_a_reader_sees(request, response)):
        return
    day = timezone.localdate()
    missing = noted if view_ran else store.missing_at(request.path)
    if missing:
        language, page_id = missing
        store.record(Counter(day, language, page_id), client(request))
    if is_arrival(request):
        language = unserved_language(request.headers.get("Accept-Language", ""))
        if language:
            store.record(Counter(day, language), client(request), is_known_language(language))
