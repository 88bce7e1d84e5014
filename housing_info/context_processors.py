from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, override

from portal.languages import PORTAL_LANGUAGES


def url_in(request, code):
    """This page's address in language ``code``.

    The URL was resolved once already for this request; reversing that match
    per language is what ``translate_url`` does, without resolving the path
    again for each of the twelve languages.
    """
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name:
        try:
            with override(code):
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            pass
    return translate_url(request.path, code)


def languages(request):
    """The language switcher: every language, linking to this same page in it."""
    current = get_language()
    return {
        "language_versions": [
            {
                "code": language.code,
                "name_local": language.name_local,
                "dir": "rtl" if language.bidi else "ltr",
                "url": url_in(request, language.code),
                "current": language.code == current,
            }
            for language in PORTAL_LANGUAGES
        ]
    }
