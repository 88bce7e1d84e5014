"""The read-only partner API and its documentation page."""

import nh3
from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from markdown_it import MarkdownIt
from rest_framework import viewsets

from housing_info.models import ContactPoint, Page, Topic
from partner_api.errors import ErrorSerializer, in_api_language
from partner_api.filters import ContactPointFilterSet, PageFilterSet, TopicFilterSet
from partner_api.languages import served_language
from partner_api.serializers import ContactPointSerializer, PageSerializer, TopicSerializer
from portal.languages import SOURCE_LANGUAGE
from portal.negotiation import preferred_language

LANGUAGE_PARAMETER = OpenApiParameter(
    "language",
    OpenApiTypes.STR,
    enum=[code for code, _name in settings.LANGUAGES],
    description="Language of the text (default sv); missing text falls back to en, then sv. "
    "Any case, with or without a region: `ar`, `AR` and `ar-SE` are all Arabic.",
)
ERRORS = {400: ErrorSerializer, 404: ErrorSerializer}


class LanguageViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only list and detail whose text is in the ``language`` asked for."""

    lookup_field = "slug"

    @classmethod
    def as_view(cls, *args, **kwargs):
        return in_api_language(super().as_view(*args, **kwargs))

    def get_serializer_context(self):
        context = super().get_serializer_context()
        # The filterset has answered 400 to an unknown language before serializers run.
        code = served_language(self.request.query_params.get("language"))
        context["language"] = code or SOURCE_LANGUAGE
        return context


def with_responses(viewset, serializer):
    return extend_schema_view(
        list=extend_schema(responses={200: serializer(many=True), **ERRORS}),
        retrieve=extend_schema(
            parameters=[LANGUAGE_PARAMETER], responses={200: serializer, **ERRORS}
        ),
    )(viewset)


class TopicViewSet(LanguageViewSet):
    """Topics, in the order the portal shows them."""

    queryset = Topic.objects.all()
    serializer_class = TopicSerializer
    filterset_class = TopicFilterSet


class PageViewSet(LanguageViewSet):
    """Published pages, each in one language with its translation state."""

    queryset = Page.objects.published().for_listing().prefetch_related("contact_points")
    serializer_class = PageSerializer
    filterset_class = PageFilterSet


class ContactPointViewSet(LanguageViewSet):
    """Where newcomers get help, with the topics each contact point helps with."""

    queryset = ContactPoint.objects.prefetch_related("topics").order_by("name", "slug")
    serializer_class = ContactPointSerializer
    filterset_class = ContactPointFilterSet


TopicViewSet = with_responses(TopicViewSet, TopicSerializer)
PageViewSet = with_responses(PageViewSet, PageSerializer)
ContactPointViewSet = with_responses(ContactPointViewSet, ContactPointSerializer)


# CommonMark without raw HTML; nh3 then keeps only the tags below, whatever slips through.
MARKDOWN = MarkdownIt("commonmark", {"html": False})
DOCS_TAGS = {"p", "code", "em", "strong", "a", "ul", "ol", "li", "pre", "br"}


def rendered_markdown(text):
    """The schema's Markdown ``text`` as sanitized HTML, safe to place in a page."""
    html = nh3.clean(MARKDOWN.render(text or ""), tags=DOCS_TAGS, link_rel="noopener")
    return mark_safe(html.strip())  # noqa: S308 - sanitized by nh3 just above


def schema_operations():
    """Each path and method of the schema, with its Markdown descriptions, as generated."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "description": parameter.get("description", ""),
                            "values": parameter.get("schema", {}).get("enum", []),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return operations


def described(text, english):
    """A description rendered, with ``lang="en"`` when it has no translation yet."""
    in_english = translation.get_language() != "en" and text == english
    return {"html": rendered_markdown(text), "lang": "en" if text and in_english else ""}


def api_operations():
    """The API's operations for the docs page, each description marked with its language.

    Descriptions from docstrings are English; parameter labels are translated.
    Generating the schema once more in English tells the two apart.
    """
    operations = schema_operations()
    with translation.override("en"):
        english = schema_operations()
    for operation, original in zip(operations, english, strict=True):
        operation["description"] = described(operation["description"], original["description"])
        for parameter, source in zip(operation["parameters"], original["parameters"], strict=True):
            parameter["description"] = described(parameter["description"], source["description"])
    return operations


@require_safe
def partner_docs(request):
    """The API's documentation in the language of the address (the switcher changes it)."""
    return render(request, "partner_api/docs.html", {"operations": api_operations()})


@require_safe
def partner_docs_redirect(request):
    """/api/v1/docs/ has no language: send the reader to the docs in theirs."""
    code = preferred_language(request) or SOURCE_LANGUAGE
    with translation.override(code):
        response = HttpResponseRedirect(reverse("partner_docs:docs"))
    patch_vary_headers(response, ["Accept-Language"])
    patch_cache_control(response, private=True, max_age=0)
    return response
