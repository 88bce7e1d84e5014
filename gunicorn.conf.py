"""gunicorn's settings for the portal; gunicorn reads this file from its working directory.

Each worker, before it serves, runs the portal's shared-cache check
(``portal.E001``, see ``page_cache/checks.py``) with the number of workers
gunicorn really starts, whichever way it was set (``--workers``,
``WEB_CONCURRENCY``): several processes without Redis stop gunicorn with the
check's message instead of serving stale pages.
"""

import sys


def post_worker_init(worker):
    from gunicorn.arbiter import Arbiter

    from page_cache.checks import shared_cache_errors

    errors = shared_cache_errors(worker.cfg.workers)
    for error in errors:
        worker.log.error("%s: %s HINT: %s", error.id, error.msg, error.hint)
    if errors:
        sys.exit(Arbiter.WORKER_BOOT_ERROR)
