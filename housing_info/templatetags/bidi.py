"""Keep left-to-right runs readable inside right-to-left text.

A Swedish term (Boplats, genomgångsbostad), a phone number, an address or a web
address inside Arabic-script text is reordered by the browser's bidirectional
algorithm: "031-365 00 00" turns into "00 00 031-365". Wrapping each such run
in ``<bdi dir="ltr">`` isolates it, so it reads as written.

``isolate_ltr`` does this at render time, on the HTML a caseworker wrote: the
stored text is never changed. It parses the HTML with the standard library's
parser (never regular expressions over tags), touches only text, and returns
HTML, so it chains with other filters on the same body::

    {{ text.body|safe|isolate_ltr:shown_dir }}

The result depends only on the HTML given, so it is remembered for the texts
isolated most recently: a page's body is parsed once per process, not on
every view of it.
"""

import re
import unicodedata
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}

# Runs that are left to right even without a Latin letter in them.
# Web addresses are ASCII here (printable, without quotes or angle brackets) and
# end without the punctuation of the sentence around them.
URL = r"(?:https?://|www\.)[!#-&(-;=?-~]*[\w/#=&+-]"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
PHONE = r"\+?\d[\d]*(?:[ \u00a0-]\d+){2,}"
SPECIAL_RUN = re.compile(f"{URL}|{EMAIL}|{PHONE}", re.ASCII)

# Characters that may stand inside a left-to-right run, between its letters.
RUN_JOINERS = set(" \u00a0-.,'’/:&+_@#%")


def is_strong_ltr(character):
    """Whether a character is written left to right (Latin, Cyrillic, Ethiopic ...)."""
    return unicodedata.bidirectional(character) == "L"


def is_run_end(character):
    return is_strong_ltr(character) or unicodedata.bidirectional(character) == "EN"


def ltr_spans(text):
    """The (start, end) spans of left-to-right runs in plain text."""
    spans = []
    position, length = 0, len(text)
    while position < length:
        starts_word = position == 0 or not text[position - 1].isalnum()
        special = SPECIAL_RUN.match(text, position) if starts_word else None
        if special:
            spans.append(special.span())
            position = special.end()
            continue
        character = text[position]
        if is_strong_ltr(character) or character.isdigit():
            end, last, has_letter = position, position, False
            while end < length and (is_run_end(text[end]) or text[end] in RUN_JOINERS):
                if is_run_end(text[end]):
                    last = end
                    has_letter = has_letter or is_strong_ltr(text[end])
                end += 1
            # A number alone (4, 2026) is already shown as written.
            if has_letter:
                spans.append((position, last + 1))
            position = last + 1
            continue
        position += 1
    return spans


def isolate_text(text):
    """Escaped text with each left-to-right run wrapped in ``<bdi dir="ltr">``."""
    parts, previous = [], 0
    for start, end in ltr_spans(text):
        parts.append(escape(text[previous:start], quote=False))
        parts.append(f'<bdi dir="ltr">{escape(text[start:end], quote=False)}</bdi>')
        previous = end
    parts.append(escape(text[previous:], quote=False))
    return "".join(parts)


class _Isolator(HTMLParser):
    """Copies HTML through, isolating left-to-right runs in its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.output = []
        # One entry per open element: whether its direction is already set.
        self.open_elements = []

    def handle_starttag(self, tag, attrs):
        self.output.append(self.get_starttag_text())
        if tag not in VOID_ELEMENTS:
            isolated = tag == "bdi" or any(name == "dir" for name, _value in attrs)
            self.open_elements.append((tag, isolated))

    def handle_startendtag(self, tag, attrs):
        self.output.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.output.append(f"</{tag}>")
        for index in range(len(self.open_elements) - 1, -1, -1):
            if self.open_elements[index][0] == tag:
                del self.open_elements[index:]
                break

    def handle_data(self, data):
        if any(isolated for _tag, isolated in self.open_elements):
            self.output.append(escape(data, quote=False))
        else:
            self.output.append(isolate_text(data))

    def handle_comment(self, data):
        self.output.append(f"<!--{data}-->")


@lru_cache(maxsize=2048)
def isolate_ltr_runs(html):
    """HTML with left-to-right runs in its text isolated; tags pass unchanged."""
    parser = _Isolator()
    parser.feed(html)
    parser.close()
    return "".join(parser.output)


@register.filter(needs_autoescape=True)
def isolate_ltr(value, direction="rtl", autoescape=True):
    """Isolate left-to-right runs when the text around them is right to left.

    ``direction`` is the direction of the text: "rtl" or "ltr", or a boolean
    such as the i18n context's ``LANGUAGE_BIDI``. Left-to-right text is
    returned unchanged. Plain text is escaped first, HTML marked safe
    (``|safe``) is taken as it is.
    """
    html = conditional_escape(value) if autoescape else str(value)
    if direction not in ("rtl", True):
        return mark_safe(html)  # noqa: S308 - escaped above or marked safe by the template
    return mark_safe(isolate_ltr_runs(str(html)))  # noqa: S308 - only text is rewritten, escaped
