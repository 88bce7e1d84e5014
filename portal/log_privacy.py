"""Server logs without what readers typed or answered.

A query string can say who a reader is: "What applies to me?" keeps its answers
in the address (`?status=asylum-seeker`), search keeps the words (`?q=...`),
and a Referer header repeats the address of the page before. Next to the IP
address in an access log that is personal data, so every query string is
replaced by `?REDACTED` before a line is written: in gunicorn's access and
error logs (`QueryFreeGunicornLogger`, set by `portal/gunicorn.conf.py`) and in
Django's own request logs (`RedactQueryStrings`, set in `LOGGING`). Paths,
methods, status codes, sizes and times stay, for operations.
"""

import logging
import re

from gunicorn import glogging

REDACTED = "REDACTED"

# A path or an absolute address followed by a query string, up to the next
# space or quote (a request line: 'GET /sv/search/?q=x HTTP/1.1').
_ADDRESS_WITH_QUERY = re.compile(r"""(?P<address>[^\s"'?]*)\?[^\s"'#]+""")


def redact_query(address):
    """The address without its query: '/sv/search/?q=x' -> '/sv/search/?REDACTED'."""
    if not address or "?" not in address:
        return address
    path, _, _ = address.partition("?")
    return f"{path}?{REDACTED}"


def redact_query_strings(text):
    """Every address in a free text with its query string replaced."""
    if "?" not in text:
        return text
    return _ADDRESS_WITH_QUERY.sub(lambda match: f"{match['address']}?{REDACTED}", text)


def _redacted_arguments(args):
    if isinstance(args, dict):
        return {key: _redacted_argument(value) for key, value in args.items()}
    return tuple(_redacted_argument(value) for value in args)


def _redacted_argument(value):
    return redact_query_strings(value) if isinstance(value, str) else value


class RedactQueryStrings(logging.Filter):
    """A logging filter that removes query strings from a record's arguments.

    Django's `django.server` (runserver) logs the whole request line, and
    gunicorn logs the address of a request that failed; both pass it as an
    argument, which is where this filter looks (or in the message itself when
    it has no arguments). The record is kept, redacted.
    """

    def filter(self, record):
        if record.args:
            record.args = _redacted_arguments(record.args)
        elif isinstance(record.msg, str):
            # Already formatted, e.g. gunicorn's "Invalid request from ip=...: <line>".
            record.msg = redact_query_strings(record.msg)
        return True


class QueryFreeGunicornLogger(glogging.Logger):
    """gunicorn's logger with query strings removed from access and error lines.

    The access log's request line (%(r)s), query (%(q)s), Referer (%(f)s) and the
    same values reached through {header}i and {variable}e atoms are redacted;
    the path (%(U)s) is kept.
    """

    def setup(self, cfg):
        super().setup(cfg)
        for logger in (self.error_log, self.access_log):
            if not any(isinstance(existing, RedactQueryStrings) for existing in logger.filters):
                logger.addFilter(RedactQueryStrings())

    def atoms(self, resp, req, environ, request_time):
        environ = dict(environ)
        for key in ("RAW_URI", "REQUEST_URI", "HTTP_REFERER"):
            if key in environ:
                environ[key] = redact_query(environ[key])
        if environ.get("QUERY_STRING"):
            environ["QUERY_STRING"] = REDACTED
        headers = getattr(req, "headers", req)
        if hasattr(headers, "items"):
            headers = headers.items()
        headers = [
            (name, redact_query(value) if name.lower() == "referer" else value)
            for name, value in headers
        ]
        return super().atoms(resp, headers, environ, request_time)
