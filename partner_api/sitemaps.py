"""/sitemap.xml: every published page in the languages it exists in, with hreflang."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from housing_info.models import Page, Topic
from sharing.permalinks import page_languages


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.PORTAL_BASE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.PORTAL_BASE_URL).netloc


class PageSitemap(PortalSitemap):
    def items(self):
        return Page.objects.published().for_listing()

    def get_languages_for_item(self, page):
        return page_languages(page)

    def lastmod(self, page):
        return page.updated_at


class TopicSitemap(PortalSitemap):
    """Topic pages list their pages in every language, so they exist in every language."""

    def items(self):
        return Topic.objects.filter(pages__published=True).distinct().order_by("order", "slug")


SITEMAPS = {"pages": PageSitemap, "topics": TopicSitemap}
