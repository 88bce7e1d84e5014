"""Which language versions of a page exist: one answer for the head, the sitemap and the API.

A content page exists in Swedish and in each language it is translated into
(``Page.is_translated_into``); an address that shows it through a fallback is
not a version of its own. Everything else (topics, lists, the question flow)
exists in every served language. The ``x-default`` is the address that
negotiates: a page's or topic's permalink, else the page in Swedish.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from housing_info.models import Page, Topic
from portal.languages import SOURCE_LANGUAGE
from sharing.permalinks import page_languages


def with_text_columns(page):
    """``page`` with the columns that decide its languages loaded, in one query at most.

    Reader views load only the reader's language (``reader_columns``); asking
    each of the twelve languages in turn would load each deferred column alone.
    """
    needed = {"language_versions"} | {
        f"{field}_{code}" for code, _name in settings.LANGUAGES for field in ("title", "body")
    }
    deferred = needed & page.get_deferred_fields()
    if deferred:
        page.refresh_from_db(fields=sorted(deferred))
    return page


def real_languages(obj=None):
    """The languages ``obj`` (a Page, a Topic or None for any other page) exists in."""
    if isinstance(obj, Page):
        return page_languages(with_text_columns(obj))
    return [code for code, _name in settings.LANGUAGES]


def x_default_path(obj, path_in):
    if isinstance(obj, Page):
        return reverse("permalinks:page", kwargs={"slug": obj.slug})
    if isinstance(obj, Topic):
        return reverse("permalinks:topic", kwargs={"slug": obj.slug})
    return path_in(SOURCE_LANGUAGE)


def language_alternates(obj, path_in, absolute, x_default=None):
    """``[(hreflang, address)]``: each real language version of ``obj``, then one x-default.

    ``path_in(code)`` is the address of this page in ``code``; ``absolute``
    makes an address absolute (the request's host, or PORTAL_BASE_URL).
    """
    links = [(code, absolute(path_in(code))) for code in real_languages(obj)]
    links.append(("x-default", absolute(x_default or x_default_path(obj, path_in))))
    return links


def canonical_language(obj, code=None):
    """The language of the canonical address of ``obj`` read in ``code``.

    A page shown through a fallback is a copy of the fallback's version, so
    that version is canonical; every other address is its own.
    """
    code = code or translation.get_language()
    if isinstance(obj, Page):
        return with_text_columns(obj).text_language(code)
    return code
