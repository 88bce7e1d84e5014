"""Limits on what a request may carry, checked before anything reads it.

Without them an anonymous visitor's 200 MiB upload to the feedback form was
parsed, and written to a temporary file, before any view looked at it. This
middleware runs early in the stack, before the page cache and the views:

- A body larger than its address allows is refused with 413 from its
  Content-Length, unread. A body of unknown length (chunked) is read only up to
  the limit and refused as soon as it goes beyond. The limits:
  ``PUBLIC_BODY_MAX_BYTES`` for everything visitors may send (a few kilobytes);
  ``ADMIN_BODY_MAX_BYTES`` for the admin once a session cookie is sent (the
  login form is public); the XLIFF import ``TRANSLATION_IMPORT_MAX_BYTES`` plus
  room for the form around the file. Django's own limits are set to the largest
  of these (settings), so whatever passes stays in memory, never on disk.
- Control characters (NUL and the like), which no one types and PostgreSQL
  cannot store or compare, are refused: in the path with 404, in the query
  string and in form fields with 400. Tab, line feed and carriage return are
  text in a query or a form, not in a path.

Refusals are short pages in the reader's language (the address's prefix, else
Accept-Language), and JSON under /api/ like the rest of the API.
"""

import io
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Characters refused in a query string or form field, and in a path.
CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_IN_PATH = re.compile(r"[\x00-\x1f\x7f]")

XLIFF_IMPORT_VIEW = "admin:translation_workflow_import"
# Admin views that take a body from someone who has not logged in yet.
ADMIN_PUBLIC_VIEWS = {"admin:login"}
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
READ_CHUNK = 64 * 1024

BAD_REQUEST = _(
    "The address or the form contains characters that cannot be used. Check it and try again."
)
TOO_LARGE = _("What you sent is larger than this service accepts. Shorten it and try again.")
# Each refusal's heading and explanation on a page, and its detail in the API.
REFUSALS = {
    400: (_("We could not read this request"), BAD_REQUEST, BAD_REQUEST),
    404: (
        _("Page not found"),
        _(
            "We could not find the page you asked for. It may have moved, "
            "or the address may be mistyped."
        ),
        _("There is no such address in the API."),
    ),
    413: (_("What you sent is too large"), TOO_LARGE, TOO_LARGE),
}


def body_limit(request):
    """The largest body, in bytes, that this request's address accepts."""
    path = request.path_info
    if path.startswith(reverse("admin:index")):
        try:
            view_name = resolve(path).view_name
        except Resolver404:
            view_name = None
        logged_in = settings.SESSION_COOKIE_NAME in request.COOKIES
        if view_name == XLIFF_IMPORT_VIEW and logged_in:
            return (
                settings.TRANSLATION_IMPORT_MAX_BYTES + settings.TRANSLATION_IMPORT_FORM_ALLOWANCE
            )
        if view_name and view_name not in ADMIN_PUBLIC_VIEWS and logged_in:
            return settings.ADMIN_BODY_MAX_BYTES
    return settings.PUBLIC_BODY_MAX_BYTES


def has_control_characters(data):
    """Whether a QueryDict (or MultiValueDict) has a control character in a name or value."""
    return any(
        CONTROL_IN_TEXT.search(name) or any(CONTROL_IN_TEXT.search(str(v)) for v in values)
        for name, values in data.lists()
    )


def refusal(request, status):
    """A short page in the reader's language, or JSON under /api/, saying why."""
    heading, explanation, api_detail = REFUSALS[status]
    code = translation.get_language_from_request(request, check_path=True)
    with translation.override(code):
        if request.path_info.startswith("/api/"):
            response = JsonResponse({"detail": str(api_detail)}, status=status)
        else:
            context = {"heading": heading, "explanation": explanation}
            response = HttpResponse(
                loader.render_to_string("request_refused.html", context), status=status
            )
    response["Cache-Control"] = "no-store"
    return response


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_IN_PATH.search(request.path_info):
            return refusal(request, 404)
        status = self.check_body(request) or self.check_fields(request)
        if status:
            return refusal(request, status)
        return self.get_response(request)

    def check_body(self, request):
        """413 for a body beyond the limit, 400 for a nonsensical length; None if fine."""
        chunked = "HTTP_TRANSFER_ENCODING" in request.META
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if not chunked:
            if not declared.isdigit():
                return 400
            if int(declared) == 0:
                return None
        limit = body_limit(request)
        if not chunked:
            return 413 if int(declared) > limit else None
        body = read_at_most(request.META["wsgi.input"], limit)
        if body is None:
            return 413
        # Django reads a body by its Content-Length: give it the one just read.
        request._stream = io.BytesIO(body)
        request.META["CONTENT_LENGTH"] = str(len(body))
        return None

    def check_fields(self, request):
        """400 for a control character in the query string or a form field; None if fine."""
        try:
            if has_control_characters(request.GET):
                return 400
            if request.method != "POST" or request.content_type not in FORM_TYPES:
                return None
            names = [upload.name or "" for upload in request.FILES.values()]
            if has_control_characters(request.POST) or any(map(CONTROL_IN_TEXT.search, names)):
                return 400
        except RequestDataTooBig:
            return 413
        except (MultiPartParserError, TooManyFieldsSent, TooManyFilesSent):
            return 400
        return None


def read_at_most(stream, limit):
    """The whole body of ``stream`` if it is at most ``limit`` bytes, else None."""
    chunks, size = [], 0
    while True:
        chunk = stream.read(min(READ_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None
