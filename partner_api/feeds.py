"""An Atom feed per language of new and changed pages (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from housing_info.models import Page
from portal.dates import to_the_second
from sharing.permalinks import absolute_url

FEED_LENGTH = 50


class ChangedPagesFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Housing in Gothenburg: new and changed pages")

    def subtitle(self):
        return _("Housing information for newcomers in Gothenburg")

    def link(self):
        return absolute_url(reverse("housing_info:home"))

    def feed_url(self):
        return absolute_url(reverse("feeds:pages"))

    def items(self):
        return (
            Page.objects.published().select_related("topic").order_by("-updated_at")[:FEED_LENGTH]
        )

    def item_title(self, page):
        return page.text(page.text_language())["title"]

    def item_description(self, page):
        language = page.text_language()
        summary = page.text(language)["summary"]
        if language == translation.get_language():
            return summary
        name = translation.get_language_info(language)["name_translated"]
        notice = _(
            "This page is not yet available in your language. Here it is in %(language)s."
        ) % {"language": name}
        return f"{notice} {summary}"

    def item_link(self, page):
        return absolute_url(page.get_absolute_url())

    def item_guid(self, page):
        return self.item_link(page)

    # Local time to the second: the same value as the page's <time datetime>.
    def item_pubdate(self, page):
        return to_the_second(page.created_at)

    def item_updateddate(self, page):
        return to_the_second(page.updated_at)

    def item_categories(self, page):
        return [page.topic.title]
