"""A limit on how much feedback one connection can send, without storing who sent it.

The connection's IP address (the reader's, behind the load balancer: see
``portal.client_address``) is turned into a keyed hash whose key changes every
day; the hash lives only as a cache key that expires within the hour, and is
never written to the database. Many readers share one address (a library, a
school, a hostel's Wi-Fi), so the limit is generous.

The counts live in the shared cache (Redis in production), so that every app
process counts the same connection together. When the shared cache does not
answer, the limit neither lets everything through nor refuses every reader: it
counts in the process's own memory until the cache is back, so one connection
can send at most the limit per process. A reader's answer is worth more than
a perfect count during an outage. The switch is logged once each way.
"""

import logging

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from portal.client_address import client_address

logger = logging.getLogger(__name__)

MAX_ANSWERS = 20
WINDOW_SECONDS = 60 * 60

# Counts kept while the shared cache is away: this process only.
_local_counts = LocMemCache(
    "feedback-rate-limit-fallback",
    {"TIMEOUT": WINDOW_SECONDS, "OPTIONS": {"MAX_ENTRIES": 10_000}},
)
_shared_cache_down = False


def connection_key(request, day=None):
    """A cache key for this connection today; tomorrow the same address gets another."""
    day = day or timezone.now().date()
    digest = salted_hmac(
        f"feedback.rate_limit.{day.isoformat()}",
        client_address(request) or "",
        algorithm="sha256",
    ).hexdigest()
    return f"feedback:rate:{digest}"


def _count(store, key):
    """Add one to the count under key; the new count, or None if the store did not answer."""
    if store.add(key, 1, timeout=WINDOW_SECONDS):
        return 1
    try:
        count = store.incr(key)
    except ValueError:
        # The key expired between add() and incr().
        store.add(key, 1, timeout=WINDOW_SECONDS)
        return 1
    return count if isinstance(count, int) else None


def _shared_count(key):
    global _shared_cache_down
    try:
        count = _count(cache, key)
    except Exception as error:  # whatever a cache backend raises when its server is away
        count, reason = None, error
    else:
        reason = "no answer"
    if count is None:
        if not _shared_cache_down:
            logger.warning(
                "Feedback rate limit: shared cache unavailable (%s), counting in this "
                "process only until it answers again.",
                reason,
            )
        _shared_cache_down = True
    elif _shared_cache_down:
        logger.warning("Feedback rate limit: shared cache available again.")
        _shared_cache_down = False
    return count


def allow(request):
    """Count one answer from this connection; False when it has sent too many."""
    key = connection_key(request)
    count = _shared_count(key)
    if count is None:
        count = _count(_local_counts, key)
    return count <= MAX_ANSWERS
