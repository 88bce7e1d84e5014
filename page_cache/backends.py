"""A Redis cache that a Redis outage cannot take the portal down with.

Django's RedisCache raises when Redis is unreachable. Here every call degrades
to a cache miss instead (``get`` gives the default, ``set`` does nothing), the
outage is logged once, and Redis is left alone for ``RETRY_AFTER`` seconds so
that visitors do not each wait for a connection timeout. Pages are then simply
rendered from the database.

It also keeps one Redis client per connection pool. Django's client makes a
new ``redis.Redis`` for every call, and building one (with its table of reply
handlers) took longer than the round trip to Redis; a client is safe to share
between threads, as it takes a connection from the pool for each command.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

FAILURES = (RedisError, OSError)


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self.retry_after = float(params.get("RETRY_AFTER", 5))
        self._down_until = 0.0
        self._down = False

    @property
    def available(self):
        return not self._down

    def _call(self, method, fallback, *args, **kwargs):
        if self._down and time.monotonic() < self._down_until:
            return fallback
        try:
            result = method(*args, **kwargs)
        except FAILURES as error:
            if not self._down:
                logger.error("Redis cache unavailable, serving pages without it: %s", error)
            self._down = True
            self._down_until = time.monotonic() + self.retry_after
            return fallback
        if self._down:
            logger.warning("Redis cache available again.")
            self._down = False
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, None, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, None)
