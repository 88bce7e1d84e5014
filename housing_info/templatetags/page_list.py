"""``{% page_list pages %}``: the list of links to pages on the home page and a topic's page.

Each page carries ``shown`` (a ShownIn) and ``shown_title``, and gets the
language marker (``{% shown_in_marker %}``) when its title is not the
reader's own, checked and current. Written here rather than in a template:
the home page lists six pages for each of its topics, and a template loop
resolving each link's six values was most of its rendering time.
"""

from django import template
from django.utils.html import format_html, format_html_join

from housing_info.templatetags.shown_in import shown_in_marker

register = template.Library()


def _link_values(page):
    shown = page.shown
    hreflang = format_html(' hreflang="{}"', shown.language) if shown.is_fallback else ""
    marker = shown_in_marker(shown)
    return (page.get_absolute_url(), shown.language, shown.dir, hreflang, page.shown_title, marker)


@register.simple_tag
def page_list(pages):
    """The ``<ul class="page-list">`` of links to ``pages``, each in the language it is shown in."""
    items = format_html_join(
        "\n",
        '  <li><a href="{}" lang="{}" dir="{}"{}>{}</a>{}</li>',
        (_link_values(page) for page in pages),
    )
    return format_html('<ul class="page-list">\n{}\n</ul>', items)
