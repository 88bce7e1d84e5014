"""System check: more than one process must share one cache (portal.E001).

Each process's local memory is a cache of its own: with several processes, a
change saved through one would not reach the pages, fragments and glossary
links the others keep. Production must then use Redis (``REDIS_URL``).

The check runs with ``manage.py check --deploy`` (counting ``WEB_CONCURRENCY``)
and in every gunicorn worker before it serves (``portal/gunicorn.conf.py``, counting
the workers gunicorn really starts), which stops gunicorn.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_BACKENDS = {"django.core.cache.backends.locmem.LocMemCache"}


def per_process_aliases():
    """The aliases of caches shared across processes that are in fact per process."""
    return [
        alias
        for alias in dict.fromkeys(("default", settings.PAGE_CACHE_ALIAS))
        if settings.CACHES.get(alias, {}).get("BACKEND") in PER_PROCESS_BACKENDS
    ]


def shared_cache_errors(processes):
    aliases = per_process_aliases()
    if processes <= 1 or not aliases:
        return []
    return [
        Error(
            f"{processes} processes serve requests (WEB_CONCURRENCY, or gunicorn's "
            f"--workers), but REDIS_URL is not set: the caches {', '.join(aliases)} are "
            "each process's own memory, so a change saved through one process would "
            "stay unseen in the others.",
            hint="Set REDIS_URL to a Redis shared by every process and instance, "
            "or run a single process (WEB_CONCURRENCY=1).",
            id="portal.E001",
        )
    ]


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs=None, **kwargs):
    return shared_cache_errors(settings.WEB_CONCURRENCY)
