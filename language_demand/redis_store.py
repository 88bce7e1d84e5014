"""Language demand counted in Redis (``REDIS_URL``), shared by every process.

Each change is one Lua script, so it is atomic however many processes count
at once.

What is kept, and for how long:

- ``counts``: one number per day, language and page, until the next flush.
- ``seen:<day>``: a keyed hash of each client address with what it was counted
  for (see ``client_token``), so that one client counts once per counter and
  day; kept two days. The address itself is never stored.
- ``unknown:<day>``: the codes counted that day that no language list knows
  (at most ``MAX_UNKNOWN_LANGUAGES``), so random codes cannot grow the counts.
- ``salt:<day>``: the day's random salt of the client hashes; it expires with
  the day's hashes, after which nobody can tell which address they came from.
- ``missing:<path>``: which language and page a cached address is a missing
  translation of, written when the page is rendered and read when the page
  cache answers, so cached views are counted too. Each process reads it, and
  deletes it for a page that is missing nothing, at most once a minute.

A flush takes all counts at once (RENAME of the hash into a batch of its own),
so requests that count meanwhile start a new hash and nothing is counted twice
or lost. A batch that could not be written is given back; one whose flusher
died is taken over after ``BATCH_LEASE_SECONDS``.
"""

import logging
import secrets
import time
import uuid

import redis

from language_demand.counters import (
    LOCAL_MEMO_ENTRIES,
    MAX_CLIENTS_A_DAY,
    MAX_UNKNOWN_LANGUAGES,
    Batch,
    Counter,
    StoreUnavailable,
    client_token,
    missing_value,
    parse_missing,
    path_key,
)
from portal.redis_connection import redis_client

logger = logging.getLogger(__name__)

KEY_PREFIX = "language-demand:"
DAY_SECONDS = 24 * 60 * 60
# Day keys outlive their day, so a count near midnight still finds its day's salt.
DAY_KEY_SECONDS = 2 * DAY_SECONDS
# Which cached address is a missing translation: kept longer than any cached page.
MISSING_SECONDS = DAY_SECONDS
# A batch taken by a flusher that did not finish within this time is taken over.
BATCH_LEASE_SECONDS = 60 * 60
# After Redis fails, counting is skipped for this long instead of waiting on it.
RETRY_AFTER_SECONDS = 5
# How long a process remembers an address's missing-translation state, and the day's salt.
LOCAL_MEMO_SECONDS = 60

RECORD = """
-- KEYS: seen set, counts hash, unknown set
-- ARGV: client token, counter field, language, known (1/0),
--       max unknown, max clients, key seconds
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[6]) then return 0 end
if ARGV[4] == '0' and redis.call('SISMEMBER', KEYS[3], ARGV[3]) == 0 then
  if redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[5]) then return 0 end
  redis.call('SADD', KEYS[3], ARGV[3])
  redis.call('EXPIRE', KEYS[3], ARGV[7])
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[7])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return 1
"""

TAKE = """
-- KEYS: counts hash, new batch, batches (sorted by the time they were taken)
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('ZADD', KEYS[3], ARGV[1], KEYS[2])
return 1
"""

TAKE_OVER = """
-- KEYS: batches; ARGV: taken before, now. The batch of a flusher that died.
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
if #stale == 0 then return false end
redis.call('ZADD', KEYS[1], ARGV[2], stale[1])
return stale[1]
"""

GIVE_BACK = """
-- KEYS: batch, counts hash, batches
local items = redis.call('HGETALL', KEYS[1])
for i = 1, #items, 2 do
  redis.call('HINCRBY', KEYS[2], items[i], items[i + 1])
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[3], KEYS[1])
return #items / 2
"""


class RedisStore:
    """Counts in Redis, shared by every process; a Redis failure loses counts, never a page."""

    def __init__(self, url, timeout=0.5):
        # A page waits at most this long for Redis before it is served uncounted.
        # An outage is logged once and left alone for a few seconds by the
        # connections themselves (portal.redis_connection), as for the page cache.
        self.client = redis_client(
            url,
            retry_after=RETRY_AFTER_SECONDS,
            socket_connect_timeout=timeout,
            socket_timeout=timeout,
            decode_responses=True,
        )
        self.record_script = self.client.register_script(RECORD)
        self.take_script = self.client.register_script(TAKE)
        self.take_over_script = self.client.register_script(TAKE_OVER)
        self.give_back_script = self.client.register_script(GIVE_BACK)
        self.salt = (None, None, 0.0)
        self.memo = {}

    def key(self, *parts):
        return KEY_PREFIX + ":".join(str(part) for part in parts)

    def call(self, operation, *args):
        """Run ``operation``; None when Redis is down (the connection logs the outage once)."""
        try:
            return operation(*args)
        except (redis.ConnectionError, redis.TimeoutError):
            return None
        except redis.RedisError as error:
            # An answer from Redis itself (out of memory, read-only replica): each time.
            logger.warning("Redis refused a language-demand count: %s", error)
            return None

    def day_salt(self, day):
        """The day's salt, the same in every process: the first one to ask makes it."""
        cached_day, salt, expires = self.salt
        if cached_day == day and expires > time.monotonic():
            return salt
        key = self.key("salt", day.isoformat())
        with self.client.pipeline() as pipe:
            pipe.set(key, secrets.token_hex(16), nx=True, ex=DAY_KEY_SECONDS)
            pipe.get(key)
            salt = pipe.execute()[1]
        # Asked again now and then: should Redis lose the key, all processes
        # soon agree on the new one.
        self.salt = (day, salt, time.monotonic() + LOCAL_MEMO_SECONDS)
        return salt

    def record(self, counter, address, known=True):
        return bool(self.call(self._record, counter, address, known))

    def _record(self, counter, address, known):
        day = counter.day.isoformat()
        token = client_token(self.day_salt(counter.day), address, counter)
        return self.record_script(
            keys=[self.key("seen", day), self.key("counts"), self.key("unknown", day)],
            args=[
                token,
                counter.field(),
                counter.language,
                int(known),
                MAX_UNKNOWN_LANGUAGES,
                MAX_CLIENTS_A_DAY,
                DAY_KEY_SECONDS,
            ],
        )

    def remember_missing(self, path, language=None, page_id=None):
        key = self.key("missing", path_key(path))
        if language is None:
            # A page that is missing nothing is forgotten in Redis at most once
            # a minute by each process, as ``missing_at`` asks at most once a
            # minute: not a write on every render of every page.
            expires, value = self.memo.get(key, (0.0, ""))
            if value is None and expires >= time.monotonic():
                return
            self.remember_locally(key, None)
            self.call(self.client.delete, key)
        else:
            value = missing_value(language, page_id)
            self.remember_locally(key, value)
            self.call(self.client.set, key, value, MISSING_SECONDS)

    def missing_at(self, path):
        """What the page at ``path`` is missing in, asked of Redis at most once a minute."""
        key = self.key("missing", path_key(path))
        expires, value = self.memo.get(key, (0.0, None))
        if expires < time.monotonic():
            value = self.call(self.client.get, key)
            self.remember_locally(key, value)
        return parse_missing(value)

    def remember_locally(self, key, value):
        if len(self.memo) >= LOCAL_MEMO_ENTRIES:
            self.memo.clear()
        self.memo[key] = (time.monotonic() + LOCAL_MEMO_SECONDS, value)

    def pending(self):
        try:
            items = self.client.hgetall(self.key("counts"))
        except redis.RedisError as error:
            raise StoreUnavailable(str(error)) from error
        return {Counter.from_field(text): int(count) for text, count in items.items()}

    def batches(self):
        """Batches to write: first any a dead flusher left, then all counts so far."""
        batches_key = self.key("batches")
        try:
            while True:
                now = time.time()
                name = self.take_over_script(
                    keys=[batches_key], args=[now - BATCH_LEASE_SECONDS, now]
                )
                if not name:
                    break
                yield self.batch(name)
            name = self.key("batch", uuid.uuid4().hex)
            if self.take_script(keys=[self.key("counts"), name, batches_key], args=[time.time()]):
                yield self.batch(name)
        except redis.RedisError as error:
            raise StoreUnavailable(str(error)) from error

    def batch(self, name):
        items = self.client.hgetall(name)
        batches_key = self.key("batches")

        def done():
            # Should this fail after the counts were written, the batch is
            # taken over once its lease ends and counted a second time.
            try:
                with self.client.pipeline() as pipe:
                    pipe.delete(name)
                    pipe.zrem(batches_key, name)
                    pipe.execute()
            except redis.RedisError as error:
                raise StoreUnavailable(str(error)) from error

        def give_back():
            # Should this fail, the batch is taken over once its lease ends.
            try:
                self.give_back_script(keys=[name, self.key("counts"), batches_key])
            except redis.RedisError as error:
                raise StoreUnavailable(str(error)) from error

        counts = {Counter.from_field(text): int(count) for text, count in items.items()}
        return Batch(counts, done=done, give_back=give_back)
