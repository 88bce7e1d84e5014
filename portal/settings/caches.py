"""The caches: Redis when REDIS_URL names one, else each process's own memory.

docs/caching.md describes every cache of the project.
"""

from portal.settings import environment as env

# Without REDIS_URL each process caches in its own memory: right for one process
# (development, a single worker). Production with more than one process needs
# REDIS_URL; the system check portal.E001 refuses to start otherwise.
REDIS_URL = env.text("REDIS_URL")
# How many processes serve requests (gunicorn reads the same variable as its
# default --workers); portal.E001 compares it with the cache in use.
WEB_CONCURRENCY = env.whole_number("WEB_CONCURRENCY", 1, minimum=1)


def redis_cache(location, key_prefix, retry_after=5):
    """django-redis at ``location``: an unreachable Redis gives misses, logged once."""
    from portal.redis_connection import OutageAwareConnection, OutageAwareSSLConnection

    secure = location.startswith("rediss://")
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": key_prefix,
        "TIMEOUT": 600,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "CONNECTION_POOL_KWARGS": {
                "connection_class": OutageAwareSSLConnection if secure else OutageAwareConnection,
                # Seconds an unreachable Redis is left alone before it is tried again.
                "retry_after": retry_after,
            },
        },
    }


if REDIS_URL:
    CACHES = {
        # Counters and limits (feedback rate limit, language demand).
        "default": redis_cache(REDIS_URL, "portal"),
        # Rendered pages and the cache generation (page_cache).
        "pages": redis_cache(REDIS_URL, "portal:pages"),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
# Errors Redis answers with are logged; an outage is logged once, when it starts
# and when it ends (portal.redis_connection), not on every call.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Template fragments ({% cache %}): kept in each process's memory, keyed by the
# shared cache generation (the context variable cache_generation), so a change
# saved on any instance is seen by every process at once; the templates give
# them PAGE_CACHE_TIMEOUT (fragment_seconds).
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
PAGE_CACHE_ALIAS = "pages"
# Seconds a rendered page is kept; any content change drops it at once anyway.
PAGE_CACHE_TIMEOUT = env.whole_number("DJANGO_PAGE_CACHE_SECONDS", 600)
# Cache-Control for browsers (max-age) and a CDN (s-maxage) on public pages.
PAGE_CACHE_MAX_AGE = env.whole_number("DJANGO_PAGE_MAX_AGE", 60)
PAGE_CACHE_S_MAXAGE = env.whole_number("DJANGO_PAGE_S_MAXAGE", 60)
