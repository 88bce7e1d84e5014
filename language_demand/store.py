"""Where language demand is counted between flushes: Redis, or this process's memory.

A page view must never write to the database, so views are counted in a store
and written to ``LanguageDemand`` by ``flushing.flush_counts`` every few
minutes. With ``REDIS_URL`` the store is ``redis_store.RedisStore``, shared by
every process; without Redis (local development) ``local_store.LocalStore``,
in this process's memory. Both count a ``counters.Counter`` and hand their
counts to the flush as a ``counters.Batch``.
"""

from functools import cache

from django.conf import settings

from language_demand.local_store import LocalStore
from language_demand.redis_store import RedisStore


@cache
def store_for(url):
    return RedisStore(url) if url else LocalStore()


def demand_store():
    """The store for the configured Redis (``REDIS_URL``), or this process's memory."""
    return store_for(getattr(settings, "REDIS_URL", ""))
