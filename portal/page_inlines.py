"""Inlines that feature apps add to the page admin, without the two importing each other.

The page admin is registered by ``translation_workflow``; a feature app that
keeps something per page (``search``'s keywords) adds its inline here from its
own ``admin.py``, and the page admin shows whatever is added. Admin modules are
all imported at start-up, before any form is built.
"""

_inlines = []


def add_page_inline(inline):
    """Show ``inline`` (an ``InlineModelAdmin`` class) on the page admin's form."""
    if inline not in _inlines:
        _inlines.append(inline)
    return inline


def page_inlines():
    return tuple(_inlines)
