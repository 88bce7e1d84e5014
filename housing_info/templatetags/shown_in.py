"""The one visible way every output tells a reader what language and state a text is in.

``{% shown record "field" as text %}`` gives ``record.field`` as a reader in the
active language is shown it (``portal.shown_text.shown_text``): the text, its
``language`` and ``dir`` for the element that holds it, and its state.

``{% shown_in_marker text other ... %}`` puts the marker next to an item: a
small tag naming each language the item's texts are shown in when it is not
the reader's ("English"), and "Machine translation" or "Outdated translation"
where that holds, in the reader's language. It renders nothing when every
text is the reader's own, checked and current.

``{% shown_in_notice items %}`` is the notice at the top of a page whose lists
carry markers, saying once what the markers mean.
"""

from django import template
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from portal.languages import ShownIn
from portal.shown_text import shown_text

register = template.Library()


@register.simple_tag
def shown(record, field):
    """``record.field`` as a reader in the active language is shown it (a ShownText)."""
    return shown_text(record, field, translation.get_language())


def told(items):
    """The ShownIn values among ``items`` (lists are looked into), skipping empty texts."""
    for item in items:
        if isinstance(item, list | tuple):
            yield from told(item)
        elif isinstance(item, ShownIn) and item:
            yield item


def summary(items):
    """What a marker or notice says about ``items``: languages, machine, outdated."""
    values = list(told(items))
    languages = list(dict.fromkeys(item.language for item in values if item.is_fallback))
    names = [translation.get_language_info(code)["name_translated"] for code in languages]
    return {
        "languages": languages,
        "names": names,
        "is_machine": any(item.is_machine for item in values),
        "is_outdated": any(item.is_outdated for item in values),
    }


MARKER_TAG = ' <span class="shown-in__tag{}">{}</span>'


@register.simple_tag
def shown_in_marker(*items):
    """The marker for an item whose texts are ``items`` (ShownIn values).

    Written here rather than in a template: a home page or a long list has a
    marker on every item, and most are empty; an included template for each
    was a third of the home page's rendering time.
    """
    told_here = [item for item in told(items) if item.needs_marker]
    if not told_here:
        return ""
    marker = summary(told_here)
    reader = translation.get_language()
    tags = [format_html(MARKER_TAG, "", capfirst(name)) for name in marker["names"]]
    data = " ".join(marker["languages"])
    if marker["is_machine"]:
        tags.append(format_html(MARKER_TAG, " shown-in__tag--machine", _("Machine translation")))
        data += " machine"
    if marker["is_outdated"]:
        tags.append(format_html(MARKER_TAG, " shown-in__tag--outdated", _("Outdated translation")))
        data += " outdated"
    return format_html(
        '<small class="shown-in" lang="{}" dir="{}" data-shown-in="{}">{}</small>',
        reader,
        "rtl" if translation.get_language_info(reader)["bidi"] else "ltr",
        data,
        format_html_join("", "{}", ((tag,) for tag in tags)),
    )


@register.inclusion_tag("includes/shown_in_notice.html")
def shown_in_notice(*items):
    """The notice for a page listing ``items`` (ShownIn values, or lists of them)."""
    return {"notice": summary(items), "reader": translation.get_language()}


@register.filter
def in_its_language(text):
    """A ShownText as HTML marked with its language and direction, to place in a sentence.

    ``{% blocktranslate with topic=title|in_its_language %}`` keeps an English
    title inside an Arabic sentence readable and pronounced as English.
    """
    if not isinstance(text, ShownIn):
        return text
    return format_html(
        '<bdi class="shown-text" lang="{}" dir="{}">{}</bdi>', text.language, text.dir, str(text)
    )


@register.filter
def in_title(text, language=None):
    """``text`` for the page's ``<title>``, which can mark no language: when the
    text is not in the reader's language, that language's name follows it, in
    the reader's language ("Transitional flat (الإنجليزية)").

    ``text`` is a ShownText, or any text whose ``language`` is given.
    """
    language = language or getattr(text, "language", None)
    reader = translation.get_language()
    if not language or language == reader:
        return str(text)
    name = capfirst(translation.get_language_info(language)["name_translated"])
    return f"{text} ({name})"
