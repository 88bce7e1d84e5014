"""Page HTML as XLIFF 1.2 inline elements, and back.

Translation tools protect inline elements and show them as tags the
translator places, not as words to translate. The export writes every paired
HTML tag of the Swedish body as ``<g id="3" ctype="x-html-p">…</g>`` and every
empty one (``<br>``) as ``<x id="4" ctype="lb"/>``; ids number the tags of the
Swedish text in order. The import rebuilds the HTML from a target's inline
elements by mapping each id back to the Swedish tag it stands for, with that
tag's attributes: a translation can move, but not invent, markup.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from lxml import etree

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"

VOID_TAGS = frozenset({"br", "hr", "img", "wbr"})
# Whitespace next to these is not part of any sentence (pretty-printing).
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "code", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u"}
)
# The standard ctype values translation tools know; the rest is x-html-<tag>.
DELIMITER_CTYPES = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "a": "link"}
PLACEHOLDER_CTYPES = {"br": "lb", "img": "image"}
# HTML written as text, where the tool should have inline elements.
HTML_AS_TEXT = re.compile(r"<[!/?a-zA-Z][^<>]*>?")
WHITESPACE = re.compile(r"\s+")
AROUND_BLOCK_TAG = re.compile(r" *(\x01[^\x02]*\x02) *")


@dataclass(eq=False)
class Node:
    """An HTML element (``name`` empty for the fragment itself) with text and children."""

    name: str = ""
    attrs: tuple = ()
    id: str = ""
    parent: "Node | None" = None
    children: list = field(default_factory=list)

    def add_text(self, text):
        if not text:
            return
        if self.children and isinstance(self.children[-1], str):
            self.children[-1] += text
        else:
            self.children.append(text)

    def elements(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.elements()

    def texts(self):
        for child in self.children:
            if isinstance(child, Node):
                yield from child.texts()
            else:
                yield child

    @property
    def label(self):
        return f"<{self.name}> ({self.id})"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node()
        self.count = 0

    def _element(self, tag, attrs):
        self.count += 1
        node = Node(tag, tuple(attrs), str(self.count), self.current)
        self.current.children.append(node)
        return node

    def handle_starttag(self, tag, attrs):
        node = self._element(tag, attrs)
        if tag not in VOID_TAGS:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.name != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.add_text(data)


def parse_html(html):
    """The tree of an HTML fragment, its tags numbered in document order from 1."""
    builder = _TreeBuilder()
    builder.feed(html or "")
    builder.close()
    return builder.root


def to_html(node):
    """Serialise a tree (from ``parse_html`` or ``read_inline``) as HTML."""
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(escape(child, quote=False))
            continue
        attrs = "".join(
            f" {name}" if value is None else f' {name}="{escape(value)}"'
            for name, value in child.attrs
        )
        parts.append(f"<{child.name}{attrs}>")
        if child.name not in VOID_TAGS:
            parts.append(to_html(child))
            parts.append(f"</{child.name}>")
    return "".join(parts)


def tags_by_id(root):
    return {node.id: node for node in root.elements()}


def ctype(name):
    if name in VOID_TAGS:
        return PLACEHOLDER_CTYPES.get(name, f"x-html-{name}")
    return DELIMITER_CTYPES.get(name, f"x-html-{name}")


def write_inline(element, node):
    """Fill the XLIFF ``element`` (a source or target) with ``node``'s content."""
    for child in node.children:
        if isinstance(child, str):
            if len(element):
                element[-1].tail = (element[-1].tail or "") + child
            else:
                element.text = (element.text or "") + child
            continue
        kind = "x" if child.name in VOID_TAGS else "g"
        inline = etree.SubElement(
            element, f"{{{XLIFF_NAMESPACE}}}{kind}", id=child.id, ctype=ctype(child.name)
        )
        if kind == "g":
            write_inline(inline, child)


def number_like(root, source_tags):
    """Give the tags of a translation the ids of the Swedish tags they stand for.

    The n-th ``<p>`` of the translation is the n-th ``<p>`` of the Swedish text.
    Returns False (ids untouched) when the two do not have the same tags.
    """
    by_name = {}
    for tag in source_tags.values():
        by_name.setdefault(tag.name, []).append(tag.id)
    nodes = list(root.elements())
    if Counter(node.name for node in nodes) != Counter(
        {name: len(ids) for name, ids in by_name.items()}
    ):
        return False
    for node in nodes:
        node.id = by_name[node.name].pop(0)
    return True


@dataclass
class MarkupProblems:
    """What is wrong with the inline markup of a target, as tag labels."""

    unknown: list = field(default_factory=list)
    repeated: list = field(default_factory=list)
    dropped: list = field(default_factory=list)
    moved: list = field(default_factory=list)
    not_allowed: list = field(default_factory=list)

    def __bool__(self):
        return any((self.unknown, self.repeated, self.dropped, self.moved, self.not_allowed))


def read_inline(element, source_tags):
    """Rebuild the HTML tree of an XLIFF ``element`` from its inline elements.

    ``source_tags`` are the Swedish tags by id. Returns the tree and the
    problems: ids the Swedish text does not have (or has as another kind of
    tag), ids used twice, Swedish tags left out, tags moved out of the tag
    they belong in, and elements that are not XLIFF inline markup (a
    ``<script>`` element, say), whose content is left out.
    """
    root = Node()
    problems = MarkupProblems()
    used = Counter()

    def walk(xml, parent):
        parent.add_text(xml.text)
        for child in xml:
            if isinstance(child.tag, str):
                read_child(child, parent)
            parent.add_text(child.tail)

    def read_child(child, parent):
        name = etree.QName(child)
        local = name.localname
        if name.namespace != XLIFF_NAMESPACE or local not in ("g", "x", "mrk"):
            problems.not_allowed.append(f"<{local}>")
            return
        if local == "mrk":
            # Segment and term markers of translation tools carry no markup.
            walk(child, parent)
            return
        ident = child.get("id", "")
        tag = source_tags.get(ident)
        if tag is None or (local == "x") != (tag.name in VOID_TAGS):
            problems.unknown.append(f'<{local} id="{ident}">')
            if local == "g":
                walk(child, parent)
            return
        used[ident] += 1
        node = Node(tag.name, tag.attrs, ident, parent)
        parent.children.append(node)
        if local == "g":
            walk(child, node)

    walk(element, root)
    problems.repeated = [source_tags[ident].label for ident, n in used.items() if n > 1]
    problems.dropped = [tag.label for ident, tag in source_tags.items() if ident not in used]
    problems.moved = [
        node.label
        for node in root.elements()
        if used[node.id] == 1 and node.parent.id != source_tags[node.id].parent.id
    ]
    problems.moved = list(dict.fromkeys(problems.moved))
    return root, problems


def html_written_as_text(root):
    """HTML tags typed as text in a tree: the tool did not treat them as markup."""
    found = {match.group(0) for text in root.texts() for match in HTML_AS_TEXT.finditer(text)}
    return sorted(found)


def comparable(root):
    """The content of a tree with insignificant whitespace taken out.

    Runs of whitespace count as one space, and whitespace next to a block tag
    (paragraphs, headings, lists, line breaks) or at either end does not count:
    ``<p>a</p>\\n  <p>b</p>`` and ``<p>a</p><p>b</p>`` say the same.
    """
    parts = []

    def walk(node):
        for child in node.children:
            if isinstance(child, str):
                parts.append(WHITESPACE.sub(" ", child))
                continue
            start, end = ("", "") if child.name in INLINE_TAGS else ("\x01", "\x02")
            if child.name in VOID_TAGS:
                parts.append(f"{start}<{child.name}#{child.id}/>{end}")
                continue
            parts.append(f"{start}<{child.name}#{child.id}>{end}")
            walk(child)
            parts.append(f"{start}</{child.name}#{child.id}>{end}")

    walk(root)
    return AROUND_BLOCK_TAG.sub(r"\1", "".join(parts)).strip()
