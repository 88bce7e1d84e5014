"""A limit on how much feedback one connection can send, without storing who sent it.

The connection's IP address is turned into a keyed hash whose key changes every
day; the hash lives only as a cache key that expires within the hour, and is
never written to the database. Many readers share one address (a library, a
school, a hostel's Wi-Fi), so the limit is generous.
"""

from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

MAX_ANSWERS = 20
WINDOW_SECONDS = 60 * 60


def connection_key(request, day=None):
    """A cache key for this connection today; tomorrow the same address gets another."""
    day = day or timezone.now().date()
    digest = salted_hmac(
        f"feedback.rate_limit.{day.isoformat()}",
        # The direct peer: a proxy in front of the portal must pass the reader's
        # address as REMOTE_ADDR (e.g. gunicorn's --forwarded-allow-ips).
        request.META.get("REMOTE_ADDR", ""),
        algorithm="sha256",
    ).hexdigest()
    return f"feedback:rate:{digest}"


def allow(request):
    """Count one answer from this connection; False when it has sent too many."""
    key = connection_key(request)
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return True
    try:
        return cache.incr(key) <= MAX_ANSWERS
    except ValueError:
        # The key expired between add() and incr().
        cache.add(key, 1, timeout=WINDOW_SECONDS)
        return True
