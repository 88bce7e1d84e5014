"""``{% topic_sections topics %}``: the home page's topics, each with its first pages.

Each topic (from ``housing_info.reader_queries.home_topics``) carries its
``shown_title`` (a ShownText), ``url``, ``published_pages`` and
``has_more_pages``. Its heading links to the topic's page and is marked with
the language its title is shown in; a topic with more pages than are listed
ends with a link to all of them. Written here rather than in a template, as
``{% page_list %}`` is: the template loop over twelve topics was half of the
home page's rendering time.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from housing_info.templatetags.page_list import page_list
from housing_info.templatetags.shown_in import in_its_language, shown_in_marker

register = template.Library()


def _more(topic, all_pages_about):
    """The link to all of a topic's pages, when it has more than are listed.

    ``all_pages_about`` is the sentence, translated and escaped; the title is
    put in it as HTML marked with its own language (in_its_language).
    """
    if not topic.has_more_pages:
        return ""
    sentence = all_pages_about.replace("%(topic)s", in_its_language(topic.shown_title))
    return f'<p class="topic__more"><a href="{escape(topic.url)}">{sentence}</a></p>'


def _section(topic, all_pages_about):
    title = topic.shown_title
    # The slug is a SlugField's (letters, digits, hyphens); it is escaped all the same.
    slug = escape(topic.slug)
    return (
        f'\n    <section class="topic" aria-labelledby="topic-{slug}">\n'
        f'      <h3 id="topic-{slug}"><a href="{escape(topic.url)}" lang="{title.language}" '
        f'dir="{title.dir}">{escape(title)}</a>{shown_in_marker(title)}</h3>\n'
        f"      {page_list(topic.published_pages)}\n"
        f"      {_more(topic, all_pages_about)}\n"
        "    </section>\n    "
    )


@register.simple_tag
def topic_sections(topics):
    """The ``<section class="topic">`` of each of ``topics``."""
    all_pages_about = escape(_("All pages about %(topic)s"))
    sections = "".join(_section(topic, all_pages_about) for topic in topics)
    return mark_safe(sections)  # noqa: S308 (escaped above)
