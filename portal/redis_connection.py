"""Redis connections that leave an unreachable Redis alone for a few seconds.

Every Redis client of the portal uses them: django-redis (the page cache and
counters, ``settings.redis_cache``) and the language-demand store
(``redis_client``), so an outage is reported once, whoever meets it first.

django-redis, with ``IGNORE_EXCEPTIONS``, turns every failed call into a cache
miss, so a Redis outage only means that pages are rendered from the database.
Two things it does not do are done here, at the connection, where redis-py
lets a project plug in its own class (``CONNECTION_POOL_KWARGS``):

- **Say it once.** The first failed connection logs ``Redis cache unavailable``,
  the first one that works again ``Redis cache available again``; nothing in
  between, rather than a traceback for every call of every page view.
- **Do not wait for it.** After a failed connection, no new one is tried for
  ``retry_after`` seconds: calls fail at once instead of each waiting for the
  connect timeout (which is what an unreachable host, rather than a stopped
  server, costs).

The state is kept per Redis address for the whole process, since every cache
alias and thread that talks to the same Redis sees the same outage.
"""

import logging
import threading
import time

import redis
from redis.connection import Connection, SSLConnection
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)


class _Outage:
    """Whether the Redis at one address is taken to be down, and until when."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0

    def waiting(self):
        return self.down and time.monotonic() < self.retry_at

    def failed(self, address, error, retry_after):
        with self.lock:
            if not self.down:
                logger.error(
                    "Redis cache unavailable at %s; pages are served without it and "
                    "language demand is not counted: %s",
                    address,
                    error,
                )
            self.down = True
            self.retry_at = time.monotonic() + retry_after

    def succeeded(self, address):
        if not self.down:
            return
        with self.lock:
            if self.down:
                logger.warning("Redis cache available again at %s.", address)
            self.down = False


_outages = {}
_outages_lock = threading.Lock()


def outage_at(address):
    with _outages_lock:
        return _outages.setdefault(address, _Outage())


class OutageAwareMixin:
    def __init__(self, *args, retry_after=5.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.retry_after = float(retry_after)
        self.outage = outage_at(f"{self.host}:{self.port}")

    def connect(self):
        if self._sock is not None:
            return
        address = f"{self.host}:{self.port}"
        if self.outage.waiting():
            raise ConnectionError(
                f"Redis at {address} was unreachable moments ago; not retried yet."
            )
        try:
            super().connect()
        except (ConnectionError, TimeoutError, OSError) as error:
            self.outage.failed(address, error, self.retry_after)
            raise
        self.outage.succeeded(address)


class OutageAwareConnection(OutageAwareMixin, Connection):
    """A plain TCP connection (``redis://``)."""


class OutageAwareSSLConnection(OutageAwareMixin, SSLConnection):
    """A TLS connection (``rediss://``)."""


def redis_client(url, retry_after=5.0, **kwargs):
    """A redis-py client at ``url`` with these connections (``rediss://`` over TLS)."""
    connection_class = (
        OutageAwareSSLConnection if url.startswith("rediss://") else OutageAwareConnection
    )
    return redis.Redis.from_url(
        url, connection_class=connection_class, retry_after=retry_after, **kwargs
    )


class OnlyUnexpectedRedisErrors(logging.Filter):
    """Lets through django-redis's "Exception ignored" records, except connection failures.

    Those are reported once per outage above; an error Redis answers with
    (out of memory, read-only replica) is still logged every time.
    """

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        return not isinstance(cause, ConnectionError | TimeoutError | OSError)
