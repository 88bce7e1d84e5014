"""``{% step_list items %}``: the pathway's steps, on the home page and in the flow's result.

``items`` are ``housing_info.listing.StepItem`` values. Each step's title links
to its page when there is a published one, and each text is marked with the
language it is shown in (``{% shown_in_marker %}``). Written here rather than
in a template, as ``{% page_list %}`` is: a template loop resolving each
step's dozen values was a tenth of the home page's rendering time.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from housing_info.templatetags.bidi import isolate_ltr
from housing_info.templatetags.shown_in import shown_in_marker

register = template.Library()


def _text(text):
    """A ShownText, escaped, with its left-to-right runs isolated in right-to-left text."""
    return isolate_ltr(text, text.dir)


def _title(item):
    title = (
        f'<span class="shown-text" lang="{item.title.language}" dir="{item.title.dir}">'
        f"{_text(item.title)}</span>"
    )
    if not item.target:
        return title
    # The language code comes from the language table; the address is escaped.
    hreflang = f' hreflang="{item.target.language}"' if item.target.is_fallback else ""
    return f'<a href="{escape(item.url)}"{hreflang}>{title}</a>'


def _item(item):
    description = item.description
    paragraph = (
        f'<p lang="{description.language}" dir="{description.dir}">{_text(description)}</p>'
        if description
        else ""
    )
    return (
        '  <li class="pathway__step">\n'
        f'    <h3 class="pathway__title">{_title(item)}{shown_in_marker(item.told)}</h3>\n'
        f"    {paragraph}\n"
        "  </li>"
    )


@register.simple_tag
def step_list(items):
    """The ``<ol class="pathway">`` of ``items`` (StepItem values)."""
    steps = "\n".join(_item(item) for item in items)
    return mark_safe(f'<ol class="pathway">\n{steps}\n</ol>')  # noqa: S308 (escaped above)
