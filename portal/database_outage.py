"""A short page in the reader's language when the database cannot be reached.

A database that is down or restarting raises OperationalError or InterfaceError
wherever a query runs: in a view, a middleware or a context processor. The
middleware catches it from views; ``server_error`` (the portal's handler500)
catches it from everywhere else. Both answer 503 with a page rendered without
the database and without a stack trace; the error itself goes to the log.
Django closes the broken connection at the end of the request and opens a new
one on the next, so the portal recovers by itself when the database returns.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def outage_response(request):
    code = translation.get_language_from_request(request, check_path=True)
    with translation.override(code):
        content = loader.render_to_string("503.html")
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            return outage_response(request)
        return None


def server_error(request):
    """handler500: 503 for a database outage, otherwise the usual 500 page."""
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return outage_response(request)
    code = translation.get_language_from_request(request, check_path=True)
    with translation.override(code):
        return HttpResponseServerError(loader.render_to_string("500.html"))
