from django.urls import translate_url
from django.utils.translation import get_language

from portal.languages import PORTAL_LANGUAGES


def languages(request):
    """The language switcher: every language, linking to this same page in it.

    The query string goes along, so a search or the answers to "What applies to
    me?" survive a change of language.
    """
    current = get_language()
    return {
        "language_versions": [
            {
                "code": language.code,
                "name_local": language.name_local,
                "dir": "rtl" if language.bidi else "ltr",
                "url": translate_url(request.get_full_path(), language.code),
                "current": language.code == current,
            }
            for language in PORTAL_LANGUAGES
        ]
    }
