"""Asking the worker for a PDF: once per version, whatever the number of readers.

The lock and the "gave up" marks live in the broker's Redis, which the web
processes and the worker share: ``SET NX`` (Redis's ``add``) lets exactly one
request enqueue a render of a version, until the render could have finished
or the queued task has expired. Without a broker (development), the task runs
at once in the web process and no lock is needed.
"""

import functools
import logging

import redis
from django.conf import settings

from portal.celery import app

logger = logging.getLogger(__name__)

QUEUED = "queued"
RENDERED = "rendered"
FAILED = "failed"
# After a render failed (too slow, too large), readers get the printable page for this long.
GIVE_UP_SECONDS = 60 * 60


def lock_seconds():
    """How long one enqueued render holds its version: it has run or expired by then."""
    return 2 * settings.CELERY_TASK_TIME_LIMIT + 30


def is_eager():
    return bool(app.conf.task_always_eager)


@functools.cache
def _client(url):
    return redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)


def client():
    return _client(app.conf.broker_url)


def _key(what, page_id, code, kind, version):
    return f"portal:pdf:{what}:{page_id}:{code}:{kind}:{version}"


def mark_failed(page_id, code, kind, version):
    if is_eager():
        return
    try:
        client().set(_key("failed", page_id, code, kind, version), 1, ex=GIVE_UP_SECONDS)
    except redis.RedisError as error:
        logger.warning("Could not record a failed PDF render: %s", error)


def request_render(page_id, code, kind, version):
    """Have the version rendered: QUEUED (now or before), RENDERED (eager) or FAILED."""
    from sharing.tasks import render_stored_pdf

    arguments = (page_id, code, kind, version)
    if is_eager():
        result = render_stored_pdf.apply(arguments)
        return FAILED if result.failed() or result.result != RENDERED else RENDERED
    try:
        redis_client = client()
        if redis_client.exists(_key("failed", *arguments)):
            return FAILED
        if not redis_client.set(_key("lock", *arguments), 1, nx=True, ex=lock_seconds()):
            return QUEUED
        # The time budget travels with the task, so it is the one these settings name.
        render_stored_pdf.apply_async(
            arguments,
            expires=lock_seconds(),
            retry=False,
            soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
            time_limit=settings.CELERY_TASK_TIME_LIMIT,
        )
    except Exception as error:  # a broker or Redis outage must not reach readers
        logger.warning("Could not queue a PDF render (worker queue unavailable): %s", error)
    return QUEUED
