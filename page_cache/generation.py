"""The cache generation: one number, kept in the shared cache, stored with every page.

Bumping it makes every cached page invalid at once, on every app instance that
shares the cache (Redis in production): a page is served from the cache only
if it was stored under the current generation. Nothing is deleted; old entries
are overwritten or expire. A missing generation (a fresh or restarted Redis, an evicted key)
starts at the current time in nanoseconds, so it can never meet the number of
an older generation whose pages are still stored.

While the page cache renders a page it has just read the generation for, that
number is the current one for everything the page reads (the glossary's links):
one round trip to Redis per page, not one per reader of the generation.
"""

import contextvars
import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

GENERATION_KEY = "page_cache:generation"

# A bump that could not reach the cache; retried before the next page is served
# from this process, so an edit made during a cache outage is never lost.
_pending_bump = False

# The generation of the page being rendered, set by the page cache.
_rendering_under = contextvars.ContextVar("rendering_under", default=None)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def is_available(cache):
    return getattr(cache, "available", True)


def current():
    """The current generation, or None when the cache cannot be reached."""
    remembered = _rendering_under.get()
    if remembered is not None:
        return remembered
    cache = page_cache()
    if _pending_bump:
        bump()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def current_and(key):
    """The current generation and the value stored at ``key``, in one round trip."""
    cache = page_cache()
    if _pending_bump:
        bump()
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = current()
    return generation, found.get(key)


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
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    failed = not is_available(cache)
    if failed and not _pending_bump:
        logger.warning("Page cache generation could not be bumped; will retry.")
    _pending_bump = failed
