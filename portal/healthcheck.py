"""The container's health check: `python -m portal.healthcheck`.

It asks `/healthz` on the port gunicorn listens on, which both read from PORT
(default 8000; `portal/gunicorn.conf.py` binds it), and exits 0 on a 200,
1 otherwise. It imports no Django, so it costs a few milliseconds.
"""

import http.client
import os
import sys

DEFAULT_PORT = 8000


class BadSetting(ValueError):
    pass


def whole_number(name, default, lowest, highest):
    """An environment variable as a whole number within bounds, or BadSetting naming it."""
    raw = os.environ.get(name, "").strip() or str(default)
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not lowest <= value <= highest:
        raise BadSetting(f"{name} must be a whole number from {lowest} to {highest}, not {raw!r}.")
    return value


def configured_port():
    return whole_number("PORT", DEFAULT_PORT, 1, 65535)


def is_healthy(port, timeout=4):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def main():
    try:
        port = configured_port()
    except BadSetting as error:
        print(error, file=sys.stderr)
        return 1
    return 0 if is_healthy(port) else 1


if __name__ == "__main__":
    sys.exit(main())
