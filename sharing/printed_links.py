"""Each link address printed once on paper.

On paper a link cannot be followed, so the print stylesheet writes its
address after it (``a[href]::after``). A link whose text already is its
address ("nya.boplats.se", an e-mail address) would then show it twice: such
links are marked here, and the stylesheet writes nothing after them.
"""

import html
import re

SHOWS_ADDRESS = "shows-address"
_LINK = re.compile(r"<a\b(?P<attributes>[^>]*)>(?P<text>.*?)</a>", re.S | re.I)
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"', re.I)
_CLASS = re.compile(r'\bclass="(?P<classes>[^"]*)"', re.I)
_TAG = re.compile(r"<[^>]+>")


def _bare(address):
    """An address without scheme, "www." or a final slash, for comparing."""
    address = html.unescape(address).strip().lower()
    address = re.sub(r"^(https?://|mailto:|tel:)", "", address)
    return address.removeprefix("www.").rstrip("/")


def shows_its_address(href, text):
    """Whether a link's text is (a form of) its own address."""
    text = _TAG.sub("", text)
    return bool(_bare(text)) and _bare(text) == _bare(href)


def mark_written_addresses(body):
    """``body`` (sanitised rich text) with links whose text is their address marked."""

    def mark(match):
        attributes = match.group("attributes")
        href = _HREF.search(attributes)
        if href is None or not shows_its_address(href.group("href"), match.group("text")):
            return match.group(0)
        if _CLASS.search(attributes):
            attributes = _CLASS.sub(rf'class="\g<classes> {SHOWS_ADDRESS}"', attributes, count=1)
        else:
            attributes = f' class="{SHOWS_ADDRESS}"{attributes}'
        return f"<a{attributes}>{match.group('text')}</a>"

    return _LINK.sub(mark, body)
