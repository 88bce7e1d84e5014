"""gunicorn's settings for the production image (`gunicorn -c portal/gunicorn.conf.py`).

PORT (default 8000) is the port gunicorn listens on, and the one the image's
health check asks; WEB_CONCURRENCY (default 3) the number of sync workers.
Access lines go to standard output without query strings (see
`portal/log_privacy.py`): the answers of "What applies to me?" and search
words never reach a log.
"""

import os
import sys


def _whole_number(name, default, lowest, highest):
    raw = os.environ.get(name, "").strip() or str(default)
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not lowest <= value <= highest:
        # SystemExit, not an exception: gunicorn would print a traceback for one.
        sys.exit(f"{name} must be a whole number from {lowest} to {highest}, not {raw!r}.")
    return value


bind = f"0.0.0.0:{_whole_number('PORT', 8000, 1, 65535)}"
workers = _whole_number("WEB_CONCURRENCY", 3, 1, 64)
accesslog = "-"
logger_class = "portal.log_privacy.QueryFreeGunicornLogger"
# No control socket (gunicorn >= 25.1): a container has no use for gunicornc,
# and two instances on one host must not share $HOME/.gunicorn/gunicorn.ctl.
control_socket_disable = True
