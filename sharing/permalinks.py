"""Language-neutral addresses of pages and topics, absolute for print and QR codes."""

from django.conf import settings
from django.urls import reverse

from portal.languages import SOURCE_LANGUAGE


def absolute_url(path):
    """``path`` on the portal's public address (PORTAL_BASE_URL)."""
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def page_permalink(page):
    return absolute_url(reverse("permalinks:page", kwargs={"slug": page.slug}))


def topic_permalink(topic):
    return absolute_url(reverse("permalinks:topic", kwargs={"slug": topic.slug}))


def page_languages(page):
    """The languages a page exists in: Swedish, the source, and each translation."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if code == SOURCE_LANGUAGE or page.is_translated_into(code)
    ]
