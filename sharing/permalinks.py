"""Language-neutral addresses of pages and topics, absolute for print and QR codes."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portal.languages import SOURCE_LANGUAGE


def absolute_url(path):
    """``path`` on the portal's public address (PORTAL_BASE_URL)."""
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def page_permalink(page):
    return absolute_url(reverse("permalinks:page", kwargs={"slug": page.slug}))


def page_language_url(page, code=None):
    """The page's address in ``code`` (the active language): it opens in that language.

    Printed codes use it: a Tigrinya poster opens Tigrinya on a phone set to
    Swedish. The permalink, which negotiates, is for links that should.
    """
    with translation.override(code or translation.get_language()):
        return absolute_url(page.get_absolute_url())


def topic_permalink(topic):
    return absolute_url(reverse("permalinks:topic", kwargs={"slug": topic.slug}))


def page_languages(page):
    """The languages a page exists in: Swedish, the source, and each translation."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if code == SOURCE_LANGUAGE or page.is_translated_into(code)
    ]
