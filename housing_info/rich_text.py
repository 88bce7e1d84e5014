"""The rich text caseworkers may write, and the sanitizer that enforces it.

The editor's extensions and the sanitizer come from one configuration, so what
a caseworker can create in the editor is exactly what survives saving; nothing
else (no script, no event handler, no style) ever reaches a visitor.
"""

from django_prose_editor.fields import create_sanitizer

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
}

sanitize_body = create_sanitizer(BODY_EXTENSIONS)
