"""Errors as JSON with one plain message, in the client's language where we have it.

A client that sends no Accept-Language (or none we serve) gets English, the
language programmers share, not the portal's default Swedish.
"""

from functools import wraps

from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

from portal.negotiation import preferred_language


class ErrorSerializer(serializers.Serializer):
    """How every API error looks (documented in the OpenAPI schema)."""

    detail = serializers.CharField(help_text="What went wrong, in plain words.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For bad query parameters: each parameter with what is wrong with it.",
    )


API_DEFAULT_LANGUAGE = "en"


def api_language(request):
    """The language of the API's messages: the client's Accept-Language, else English."""
    return preferred_language(request) or API_DEFAULT_LANGUAGE


def in_api_language(view):
    """Run ``view`` in the API's message language; errors say which language they are in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        code = api_language(request)
        with translation.override(code):
            response = view(request, *args, **kwargs)
        if response.status_code >= 400:
            response["Content-Language"] = code
        return response

    return wrapper


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, (exceptions.ValidationError, exceptions.NotFound)) and isinstance(
        exc.detail, dict
    ):
        response.data = {
            "detail": _("Check these query parameters: %(parameters)s.")
            % {"parameters": ", ".join(str(name) for name in exc.detail)},
            "errors": {
                name: [str(message) for message in messages]
                if isinstance(messages, list)
                else [str(messages)]
                for name, messages in exc.detail.items()
            },
        }
    elif isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": " ".join(str(message) for message in exc.detail)}
    return response


@in_api_language
def api_not_found(request, *args, **kwargs):
    """Unknown addresses under /api/ answer in JSON, like the rest of the API."""
    return JsonResponse({"detail": _("There is no such address in the API.")}, status=404)


def api_index(request):
    """What /api/ offers, for a partner who starts at the top."""
    return JsonResponse(
        {
            "v1": request.build_absolute_uri(reverse("partner_api:api-root")),
            "schema": request.build_absolute_uri(reverse("partner_api:schema")),
            "docs": request.build_absolute_uri(reverse("partner_api:docs")),
        }
    )
