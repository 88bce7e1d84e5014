"""Link glossary words in a page body to their explanation, at render time.

The stored text never changes: the body's HTML is parsed (Python's own HTML
parser), words are linked only in text, never in an attribute, never inside an
existing link or a heading (where a link would surprise), and each word only at
its first occurrence, so a page does not turn into a sea of links.

The result depends on nothing but the HTML and the links, so it is remembered
for the bodies read most recently: a page's body is parsed once per process
(and again when it or the glossary changes), not on every view.
"""

import re
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

from portal.open_elements import OpenElements

# Inside these, text stays as it is.
UNLINKED_ELEMENTS = frozenset(
    {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "code", "pre", "script", "style",
     "textarea", "title", "select", "option", "label", "svg", "math"}
)  # fmt: skip


def link_terms(html, links):
    """``html`` with the first occurrence of each word in ``links`` made a link.

    ``links`` maps each word form to the address of its explanation; forms of
    one word share an address, and an address is linked once. Matching ignores
    case and takes whole words only (not "bostad" inside "genomgångsbostad").
    """
    if not html or not links:
        return html or ""
    return _linked(html, tuple(links.items()))


@lru_cache(maxsize=512)
def _matcher(links):
    """The pattern that finds every form in ``links`` (pairs), and each form's address."""
    by_form = {form.casefold(): href for form, href in links if form.strip()}
    if not by_form:
        return None, by_form
    # Longest first, so "hyresgästföreningen" wins over "hyresgäst".
    alternatives = sorted(by_form, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(form) for form in alternatives) + r")(?!\w)",
        re.IGNORECASE,
    )
    return pattern, by_form


# typed: a body marked safe and the same text unmarked are told apart.
@lru_cache(maxsize=1024, typed=True)
def _linked(html, links):
    pattern, by_form = _matcher(links)
    if pattern is None:
        return html
    linker = _Linker(pattern, by_form)
    linker.feed(html)
    linker.close()
    return "".join(linker.parts)


class _Linker(HTMLParser):
    """Copies HTML through unchanged, except for the words it links in text."""

    def __init__(self, pattern, by_form):
        # Character references stay as written: the output differs from the
        # input only where a link was added.
        super().__init__(convert_charrefs=False)
        self.pattern = pattern
        self.by_form = by_form
        self.linked = set()
        self.open_unlinked = OpenElements()
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(self.get_starttag_text())
        if tag in UNLINKED_ELEMENTS:
            self.open_unlinked.open(tag)

    def handle_startendtag(self, tag, attrs):
        self.parts.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.parts.append(f"</{tag}>")
        # Closes up to the innermost element of that name, as browsers do.
        self.open_unlinked.close(tag)

    def handle_data(self, data):
        self.parts.append(data if self.open_unlinked else self.pattern.sub(self._link, data))

    def handle_entityref(self, name):
        self.parts.append(f"&{name};")

    def handle_charref(self, name):
        self.parts.append(f"&#{name};")

    def handle_comment(self, data):
        self.parts.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.parts.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.parts.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.parts.append(f"<![{data}]>")

    def _link(self, match):
        word = match.group(0)
        href = self.by_form.get(word.casefold())
        if href is None or href in self.linked:
            return word
        self.linked.add(href)
        # The word is Swedish whatever the page's language: say so for screen readers.
        return f'<a class="glossary-term" href="{escape(href)}" lang="sv">{word}</a>'
