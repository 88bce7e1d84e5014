"""/sitemap.xml: every published page in the languages it exists in, with hreflang."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import translation

from housing_info.models import Page, Topic
from sharing.alternates import language_alternates, real_languages
from sharing.permalinks import absolute_url


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.PORTAL_BASE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.PORTAL_BASE_URL).netloc

    def get_languages_for_item(self, obj):
        return real_languages(obj)

    def get_urls(self, page=1, site=None, protocol=None):
        # The alternates are the head's (sharing.alternates): real versions only,
        # and the permalink, which opens in the reader's own language, as x-default.
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            obj = url["item"][0]
            alternates = language_alternates(
                obj, lambda code, obj=obj: self.path_in(obj, code), absolute_url
            )
            url["alternates"] = [
                {"lang_code": code, "location": location} for code, location in alternates
            ]
        return urls

    def path_in(self, obj, code):
        with translation.override(code):
            return obj.get_absolute_url()


class PageSitemap(PortalSitemap):
    def items(self):
        return Page.objects.published().for_listing()

    def lastmod(self, page):
        return page.updated_at


class TopicSitemap(PortalSitemap):
    """Topic pages list their pages in every language, so they exist in every language."""

    def items(self):
        return Topic.objects.filter(pages__published=True).distinct().order_by("order", "slug")


SITEMAPS = {"pages": PageSitemap, "topics": TopicSitemap}
