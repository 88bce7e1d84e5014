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
every view of it. The work grows linearly with the text's length: each
character is looked at a bounded number of times, however long a run of
punctuation or however deep the nesting of elements.
"""

import re
import unicodedata
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from portal.open_elements import OpenElements

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
# SPECIAL_RUN in parts, so that an e-mail address's local part is scanned once
# per run of its characters, not again from every position inside the run.
URL_RUN = re.compile(URL, re.ASCII)
PHONE_RUN = re.compile(PHONE, re.ASCII)
EMAIL_LOCAL_PART = re.compile(r"[\w.+-]+", re.ASCII)
EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+", re.ASCII)

# Characters that may stand inside a left-to-right run, between its letters.
RUN_JOINERS = set(" \u00a0-.,'’/:&+_@#%")


def is_strong_ltr(character):
    """Whether a character is written left to right (Latin, Cyrillic, Ethiopic ...)."""
    return unicodedata.bidirectional(character) == "L"


def is_run_end(character):
    return is_strong_ltr(character) or unicodedata.bidirectional(character) == "EN"


class _SpecialRuns:
    """``SPECIAL_RUN.match(text, position).span()`` in linear time over all positions.

    Matched as one pattern, a run of n dots, hyphens or underscores (no "@"
    after it) made the e-mail alternative scan to the run's end from each of
    its n positions: n² steps. But "@" is not a local-part character, so an
    address starting anywhere in such a run can only have its "@" where the
    run ends: the run's end, and whether a domain follows, are found once.
    """

    def __init__(self, text):
        self.text = text
        self.local_part_end = 0
        self.address_end = None

    def match(self, position):
        text = self.text
        found = URL_RUN.match(text, position)
        if found:
            return found.span()
        end = self.address_end_from(position)
        if end is not None:
            return position, end
        found = PHONE_RUN.match(text, position)
        return found.span() if found else None

    def address_end_from(self, position):
        if position >= self.local_part_end:
            local_part = EMAIL_LOCAL_PART.match(self.text, position)
            if local_part is None:
                return None
            self.local_part_end = local_part.end()
            domain = EMAIL_DOMAIN.match(self.text, self.local_part_end)
            self.address_end = domain.end() if domain else None
        return self.address_end


def ltr_spans(text):
    """The (start, end) spans of left-to-right runs in plain text."""
    spans = []
    position, length = 0, len(text)
    special_runs = _SpecialRuns(text)
    while position < length:
        starts_word = position == 0 or not text[position - 1].isalnum()
        special = special_runs.match(position) if starts_word else None
        if special:
            spans.append(special)
            position = special[1]
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
        # Open elements, marked where their direction is already set.
        self.open_elements = OpenElements()

    def handle_starttag(self, tag, attrs):
        self.output.append(self.get_starttag_text())
        if tag not in VOID_ELEMENTS:
            isolated = tag == "bdi" or any(name == "dir" for name, _value in attrs)
            self.open_elements.open(tag, marked=isolated)

    def handle_startendtag(self, tag, attrs):
        self.output.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.output.append(f"</{tag}>")
        self.open_elements.close(tag)

    def handle_data(self, data):
        if self.open_elements.marked:
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
