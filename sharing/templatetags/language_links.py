"""The head's language links: hreflang alternates and rel=canonical (sharing.alternates)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language

from portal.context_processors import url_in
from sharing.alternates import canonical_language, language_alternates

register = template.Library()

# The views whose address shows one object, and the context name they give it.
OBJECT_VIEWS = {"housing_info:page": "page", "housing_info:topic": "topic"}
# The language-neutral root sends a visitor to their language's home page.
ROOT_VIEWS = {"housing_info:home": "/"}


@register.simple_tag(takes_context=True)
def head_language_links(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    current = get_language()
    if not url_in(request, current).startswith(f"/{current}/"):
        # An address outside the language prefix has no language versions.
        return ""
    obj = context.get(OBJECT_VIEWS.get(match.view_name, ""))
    links = language_alternates(
        obj,
        path_in=lambda code: url_in(request, code),
        absolute=request.build_absolute_uri,
        x_default=ROOT_VIEWS.get(match.view_name),
    )
    canonical = request.build_absolute_uri(url_in(request, canonical_language(obj)))
    return format_html(
        '{}\n  <link rel="canonical" href="{}">',
        format_html_join("\n  ", '<link rel="alternate" hreflang="{}" href="{}">', links),
        canonical,
    )
