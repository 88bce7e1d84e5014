"""gunicorn's settings for the production image (`gunicorn -c portal/gunicorn.conf.py`).

PORT (default 8000) is the port gunicorn listens on, and the one the image's
health check asks (`portal/healthcheck.py`); WEB_CONCURRENCY (default 3) the
number of sync workers. Access lines go to standard output without query
strings (`portal/log_privacy.py`): the answers of "What applies to me?" and
search words never reach a log. Each worker, before it serves, runs the
portal's shared-cache check (``portal.E001``, see ``page_cache/checks.py``)
with the number of workers gunicorn really starts, whichever way it was set
(``--workers``, ``WEB_CONCURRENCY``): several processes without Redis stop
gunicorn with the check's message instead of serving stale pages.
"""

import os
import sys

from portal.healthcheck import BadSetting, configured_port, whole_number
from portal.settings.environment import SettingError

try:
    bind = f"0.0.0.0:{configured_port()}"
    workers = whole_number("WEB_CONCURRENCY", 3, 1, 64)
    # The portal's settings, read once here: a bad variable stops gunicorn with
    # its message, instead of a traceback from every worker that starts.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    from django.conf import settings

    settings.INSTALLED_APPS  # noqa: B018
except (BadSetting, SettingError) as error:
    # SystemExit, not an exception: gunicorn would print a traceback for one.
    sys.exit(str(error))

accesslog = "-"
logger_class = "portal.log_privacy.QueryFreeGunicornLogger"
# No control socket (gunicorn >= 25.1): a container has no use for gunicornc,
# and two instances on one host must not share $HOME/.gunicorn/gunicorn.ctl.
control_socket_disable = True


def post_worker_init(worker):
    from gunicorn.arbiter import Arbiter

    from page_cache.checks import shared_cache_errors

    errors = shared_cache_errors(worker.cfg.workers)
    for error in errors:
        worker.log.error("%s: %s HINT: %s", error.id, error.msg, error.hint)
    if errors:
        sys.exit(Arbiter.WORKER_BOOT_ERROR)
