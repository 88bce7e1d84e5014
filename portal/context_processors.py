from functools import lru_cache

from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, override

from portal.languages import PORTAL_LANGUAGES


@lru_cache(maxsize=8192)
def reversed_in(code, view_name, args, kwargs, script_prefix):
    with override(code):
        return reverse(view_name, args=args, kwargs=dict(kwargs))


def url_in(request, code):
    """This page's address in language ``code``.

    The URL was resolved once already for this request; reversing that match
    per language is what ``translate_url`` does, without resolving the path
    again for each of the twelve languages, and remembered, since the same
    page's twelve addresses are asked for on every view of it.
    """
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name:
        kwargs = tuple(sorted(match.kwargs.items()))
        try:
            return reversed_in(code, match.view_name, match.args, kwargs, get_script_prefix())
        except (NoReverseMatch, TypeError):
            pass
    try:
        return translate_url(request.path, code)
    except ValueError:
        # A path no URL parser reads ("//[.xml" starts like a host name with a
        # broken IPv6 address), on a "not found" page: that language's home.
        return reversed_in(code, "housing_info:home", (), (), get_script_prefix())


def languages(request):
    """The language switcher: every language, linking to this same page in it.

    The switcher's links keep the query string, so a search or the answers to
    "What applies to me?" survive a change of language. The head's hreflang
    links list only real language versions (sharing.alternates).
    """
    # Lazy: base.html keeps the rendered links per address ({% cache %}), so
    # most views never need them worked out.
    return {"language_versions": SimpleLazyObject(lambda: language_versions(request))}


def language_versions(request):
    """This page in every language: code, name, direction, address, whether current."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    versions = []
    for language in PORTAL_LANGUAGES:
        url = url_in(request, language.code)
        versions.append(
            {
                "code": language.code,
                "name_local": language.name_local,
                "dir": "rtl" if language.bidi else "ltr",
                "url": f"{url}?{query}" if query else url,
                "absolute_url": request.build_absolute_uri(url),
                "current": language.code == current,
            }
        )
    return versions
