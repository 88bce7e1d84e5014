from django.urls import translate_url
from django.utils.translation import get_language

from portal.languages import PORTAL_LANGUAGES


def languages(request):
    """The language switcher: every language, linking to this same page in it.

    The absolute addresses feed ``<link rel="alternate" hreflang>`` in the head;
    the language-neutral root (which sends a visitor to their language) is the
    ``x-default``. The switcher's links keep the query string, so a search or
    the answers to "What applies to me?" survive a change of language.
    """
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    versions = []
    for language in PORTAL_LANGUAGES:
        url = translate_url(request.path, language.code)
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
    return {"language_versions": versions, "x_default_url": request.build_absolute_uri("/")}
