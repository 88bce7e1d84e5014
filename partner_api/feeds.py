"""An Atom feed per language of new and changed pages (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from housing_info.models import Page
from portal.dates import to_the_second
from sharing.permalinks import absolute_url
from translation_workflow.notices import translation_notice

FEED_LENGTH = 50
# RFC 4287 requires an author; the City's own name is not translated.
AUTHOR_NAME = "Göteborgs Stad"
AUTHOR_LINK = "https://goteborg.se/"


class LanguageTaggedAtomFeed(Atom1Feed):
    """Atom whose entries carry ``xml:lang`` when their text is in another language."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


class ChangedPagesFeed(Feed):
    feed_type = LanguageTaggedAtomFeed
    author_name = AUTHOR_NAME
    author_link = AUTHOR_LINK

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
        # HTML (Atom's type="html"), so that the notices can say they are in the feed's language.
        reader = translation.get_language()
        language = page.text_language()
        notice = translation_notice(page, reader, language)
        said = []
        if notice.is_fallback:
            name = translation.get_language_info(language)["name_translated"]
            said.append(
                _("This page is not yet available in your language. Here it is in %(language)s.")
                % {"language": name}
            )
        # The page's own words for a translation nobody at the City has checked or
        # that the Swedish has overtaken (translation_notice.html, without its link).
        if notice.is_translation and notice.is_outdated:
            said.append(
                _(
                    "The Swedish text has changed since this translation was made, "
                    "so it may no longer be correct."
                )
            )
        elif notice.is_translation and notice.is_machine:
            said.append(
                _(
                    "Machine translation. It has not been checked by the City "
                    "and may contain mistakes."
                )
            )
        notices = format_html_join("", '<p lang="{}">{}</p>', ((reader, text) for text in said))
        return format_html("{}<p>{}</p>", notices, page.text(language)["summary"])

    def item_extra_kwargs(self, page):
        # The entry's language is that of its title and summary (a fallback's is en or sv).
        return {"language": page.text_language()}

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
