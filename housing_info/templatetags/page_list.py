"""``{% page_list pages %}``: the list of links to pages on the home page and a topic's page.

Each page carries ``shown`` (a ShownIn) and ``shown_title``, and gets the
language marker (``{% shown_in_marker %}``) when its title is not the
reader's own, checked and current. Written here rather than in a template:
the home page lists six pages for each of its topics, and a template loop
resolving each link's six values was most of its rendering time.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from housing_info.templatetags.shown_in import shown_in_marker

register = template.Library()


def _item(page):
    shown = page.shown
    # The language code and direction come from the language table; the
    # address and the title are escaped, as the template engine would (with
    # the standard library's escape, which Django's wraps: 72 links a page).
    hreflang = f' hreflang="{shown.language}"' if shown.is_fallback else ""
    return (
        f'  <li><a href="{escape(page.get_absolute_url())}" lang="{shown.language}" '
        f'dir="{shown.dir}"{hreflang}>{escape(page.shown_title or "")}</a>'
        f"{shown_in_marker(shown)}</li>"
    )


@register.simple_tag
def page_list(pages):
    """The ``<ul class="page-list">`` of links to ``pages``, each in the language it is shown in."""
    items = "\n".join(_item(page) for page in pages)
    return mark_safe(f'<ul class="page-list">\n{items}\n</ul>')  # noqa: S308 (escaped above)
