"""Checks of a target's markup against the Swedish: tags kept, nothing the sanitizer would drop."""

from collections import Counter
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from housing_info.rich_text import sanitize_body


class _MarkupInventory(HTMLParser):
    """The tags, attributes and text of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = Counter()
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.items[("tag", tag)] += 1
        for name, value in attrs:
            self.items[("attribute", tag, name, value or "")] += 1

    def handle_data(self, data):
        self.text.append(data)


def inventory(html):
    parser = _MarkupInventory()
    parser.feed(html)
    parser.close()
    return parser.items, " ".join("".join(parser.text).split())


def removed_by_sanitizer(html):
    """What the body sanitizer would take out of ``html`` (tags, attributes, text)."""
    before_items, before_text = inventory(html)
    after_items, after_text = inventory(sanitize_body(html))
    removed = []
    for item in before_items - after_items:
        if item[0] == "tag":
            removed.append(f"<{item[1]}>")
        else:
            removed.append(f'{item[2]}="{item[3]}"')
    if before_text != after_text:
        removed.append(_("some text"))
    return sorted(removed)


def plain(texts):
    """Plain text as stored: no leading, trailing or repeated whitespace, no line breaks."""
    return " ".join("".join(texts).split())


def markup_problems(markup, where):
    messages = []
    if markup.not_allowed:
        messages.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” contains elements "
                "that are not allowed: %(elements)s."
            )
            % {**where, "elements": ", ".join(dict.fromkeys(markup.not_allowed))}
        )
    if markup.unknown or markup.repeated:
        messages.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” adds tags that are not "
                "in the Swedish text: %(tags)s."
            )
            % {**where, "tags": ", ".join(markup.unknown + markup.repeated)}
        )
    if markup.dropped:
        messages.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” leaves out tags of the "
                "Swedish text: %(tags)s."
            )
            % {**where, "tags": ", ".join(markup.dropped)}
        )
    if markup.moved:
        messages.append(
            _(
                "The translation of “%(field)s” on the page “%(page)s” moves tags out of the "
                "tag they belong in: %(tags)s."
            )
            % {**where, "tags": ", ".join(markup.moved)}
        )
    return messages
