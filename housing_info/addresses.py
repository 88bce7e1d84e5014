"""Addresses of pages and topics, worked out once per slug and language.

Django's ``reverse()`` walks the URL patterns on every call (some 25 µs); the
home page links up to 80 pages and topics. A slug's address depends on nothing
but the view, the slug, the active language (the prefix), the script prefix and
the URLconf, which together are the key.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation


@lru_cache(maxsize=8192)
def _reversed(view_name, slug, language, script_prefix, urlconf):
    with translation.override(language):
        return reverse(view_name, urlconf=urlconf, kwargs={"slug": slug})


def slug_url(view_name, slug):
    """``reverse(view_name, kwargs={"slug": slug})``, remembered."""
    return _reversed(
        view_name,
        slug,
        translation.get_language(),
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
    )


def slug_urls(view_name, language=None):
    """``slug_url`` for the slugs of one list: the language (the active one unless
    given), script prefix and URLconf are read once, not for every slug."""
    language = language or translation.get_language()
    key = (language, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return lambda slug: _reversed(view_name, slug, *key)
