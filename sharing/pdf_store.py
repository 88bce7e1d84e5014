"""Rendered PDFs kept in the default storage, one file per page, language, kind and version.

The storage (``MEDIA_ROOT``) is shared by the web processes and the worker;
nothing in it is served by URL: the PDF views check that the reader may see
the page and then send the file.
"""

import os
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

FOLDER = "pdfs"


def stored_name(page_id, code, kind, version):
    # By id, not slug: a renamed page keeps its PDFs; old versions are in the same folder.
    return f"{FOLDER}/{page_id}/{code}/{kind}-{version}.pdf"


def is_stored(name):
    return default_storage.exists(name)


def store(name, content):
    """Save ``content`` under ``name`` so that no reader ever gets half a file."""
    try:
        path = default_storage.path(name)
    except NotImplementedError:
        # Object storages upload a whole file or none.
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(content))
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}.part"
    with open(partial, "wb") as file:
        file.write(content)
    os.replace(partial, path)


def remove_other_versions(name):
    """Delete the older versions of the same page, language and kind."""
    path = PurePosixPath(name)
    kind = path.name.split("-", 1)[0]
    _folders, files = default_storage.listdir(str(path.parent))
    for other in files:
        if other != path.name and other.startswith(f"{kind}-") and other.endswith(".pdf"):
            default_storage.delete(f"{path.parent}/{other}")
