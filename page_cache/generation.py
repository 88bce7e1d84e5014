"""The cache generation: one number, kept in the shared cache, stored with every page.

Bumping it makes every cached page invalid at once, on every app instance that
shares the cache (Redis in production): a page is served from the cache only
if it was stored under the current generation. Template fragments and the
glossary's links are keyed by the same number. Nothing is deleted; old entries
are overwritten or expire. A missing generation (a fresh or restarted Redis, an
evicted key) starts at the current time in nanoseconds, so it can never meet the
number of an older generation whose pages are still stored.

A change to reader content bumps it once, when its transaction commits
(``bump_when_committed``): never before, or another instance could store a page
rendered from the old rows under the new number. Until then, the transaction
that made the change has no generation (``current()`` is None): what it renders
is neither served from nor kept in any cache, since it may still be rolled back.

While the page cache renders a page it has just read the generation for, that
number is the current one for everything the page reads (fragments, the
glossary's links): one round trip to Redis per page, not one per reader of it.
"""

import contextvars
import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "page_cache:generation"

# A bump that could not reach the cache; retried before the next page is served
# from this process, so an edit made during a cache outage is never lost.
_pending_bump = False

# The generation of the page being rendered, set by the page cache.
_rendering_under = contextvars.ContextVar("rendering_under", default=None)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current():
    """The current generation, or None when there is none to cache under.

    None when the cache cannot be reached, or while this thread's transaction
    holds reader content changes that are not committed yet.
    """
    remembered = _rendering_under.get()
    if remembered is not None:
        return remembered
    if has_uncommitted_changes():
        return None
    cache = page_cache()
    if _pending_bump:
        bump()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def current_and(*keys):
    """The current generation and {key: value} of those ``keys`` stored, in one round trip."""
    if has_uncommitted_changes():
        return None, {}
    cache = page_cache()
    if _pending_bump:
        bump()
    found = cache.get_many([GENERATION_KEY, *keys])
    generation = found.pop(GENERATION_KEY, None)
    if generation is None:
        generation = current()
    return generation, found


@contextmanager
def rendering_under(generation):
    """Within the block, ``current()`` is ``generation`` (None: read it each time)."""
    token = _rendering_under.set(generation)
    try:
        yield
    finally:
        _rendering_under.reset(token)


def bump():
    """Start a new generation: every page is rendered afresh from the database."""
    global _pending_bump
    _rendering_under.set(None)
    cache = page_cache()
    try:
        bumped = cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: any new one will do
        bumped = cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    # django-redis answers None when Redis could not be reached.
    failed = bumped is None
    if failed and not _pending_bump:
        logger.warning("Page cache generation could not be bumped; will retry.")
    _pending_bump = failed


class _BumpOnCommit:
    """The one bump that a transaction's changes wait for."""

    def __init__(self):
        self.done = False

    def __call__(self):
        if not self.done:
            self.done = True
            bump()


def _waiting_bump(using=None):
    connection = connections[using or DEFAULT_DB_ALIAS]
    if not connection.in_atomic_block:
        return None
    # Django keeps the open transaction's on_commit callbacks here, and drops
    # those of a transaction or savepoint that is rolled back.
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _BumpOnCommit) and not callback.done:
            return callback
    return None


def has_uncommitted_changes(using=None):
    """Whether this thread's open transaction changed reader content."""
    return _waiting_bump(using) is not None


def bump_when_committed(using=None):
    """Bump once when the transaction commits (at once outside one), however many changes."""
    if _waiting_bump(using) is None:
        transaction.on_commit(_BumpOnCommit(), using=using, robust=True)
