"""/sitemap.xml: every published page in the languages it exists in, with hreflang."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from housing_info.models import Page, Topic
from sharing.permalinks import page_languages, page_permalink, topic_permalink


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.PORTAL_BASE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.PORTAL_BASE_URL).netloc

    def x_default_url(self, obj):
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        # Django's x-default is the address without a language prefix; ours is
        # the permalink, which opens in the reader's own language.
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default":
                    alternate["location"] = self.x_default_url(url["item"][0])
        return urls


class PageSitemap(PortalSitemap):
    def items(self):
        return Page.objects.published().for_listing()

    def get_languages_for_item(self, page):
        return page_languages(page)

    def lastmod(self, page):
        return page.updated_at

    def x_default_url(self, page):
        return page_permalink(page)


class TopicSitemap(PortalSitemap):
    """Topic pages list their pages in every language, so they exist in every language."""

    def items(self):
        return Topic.objects.filter(pages__published=True).distinct().order_by("order", "slug")

    def x_default_url(self, topic):
        return topic_permalink(topic)


SITEMAPS = {"pages": PageSitemap, "topics": TopicSitemap}
