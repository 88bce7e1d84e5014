"""What the printable page, the poster and their PDFs show, and its version.

A PDF shows exactly the HTML rendered here plus the stylesheet, so the hash of
both is its version: it changes when, and only when, what the PDF shows
changes (text, contacts, dates, QR code, the interface's words, the CSS). The
HTML is rendered without a request, so that the web process and the worker
that renders the PDF get the same document and the same version.
"""

import dataclasses
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.safestring import mark_safe

from page_cache import generation
from portal.languages import direction
from sharing.pdf import static_file_path
from sharing.permalinks import absolute_url, page_language_url, page_permalink
from sharing.qr import qr_svg
from translation_workflow.notices import translation_notice

TEMPLATES = {"page": "sharing/printable.html", "poster": "sharing/poster.html"}
STYLESHEET = "css/portal.css"
# Part of every version: change it when the rendering itself changes.
RENDERING = "2"
TOO_LARGE = "too-large"


def print_context(page, for_pdf=False):
    """What the printable page, its PDF and the poster show, in the active language."""
    reader_language = translation.get_language()
    shown_language = page.text_language(reader_language)
    permalink = page_permalink(page)
    # The printed code keeps the print's language, whatever the phone's setting.
    language_url = page_language_url(page, reader_language)
    return {
        "page": page,
        "text": page.text(shown_language),
        "shown_language": shown_language,
        "shown_dir": direction(shown_language),
        "is_fallback": shown_language != reader_language,
        "notice": print_notice(page, reader_language, shown_language),
        "contacts": page.contact_points.all(),
        "permalink": permalink,
        "language_url": language_url,
        # Our own generated SVG, not user input: safe to place in the page.
        "qr_svg": mark_safe(qr_svg(language_url, title=language_url, inline=True).decode()),  # noqa: S308
        "for_pdf": for_pdf,
    }


def print_notice(page, reader_language, shown_language):
    """The content page's notice (fallback, machine translation, outdated), for paper.

    The same notice as on the page, so a printed machine translation never looks
    checked by the City; its link to the Swedish version is written out in
    full, since on paper it is read, not followed.
    """
    notice = translation_notice(page, reader_language, shown_language)
    return dataclasses.replace(notice, source_url=absolute_url(notice.source_url))


def pdf_html(page, kind):
    """The document a PDF of ``kind`` ("page" or "poster") is rendered from."""
    context = print_context(page, for_pdf=True)
    # What the i18n context processor gives a request (the contacts use it).
    context.update(
        LANGUAGE_CODE=translation.get_language(),
        LANGUAGE_BIDI=translation.get_language_bidi(),
    )
    return render_to_string(TEMPLATES[kind], context)


def stylesheet_digest():
    path = static_file_path(static(STYLESHEET))
    if path is None:
        return ""
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def version_of(kind, html):
    digest = hashlib.sha256()
    for part in (RENDERING, kind, stylesheet_digest(), html):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def is_too_large(html):
    return len(html.encode()) > settings.PDF_MAX_HTML_BYTES


def _version_key(page_id, kind):
    current = generation.current()
    if current is None:
        return None
    return f"sharing:pdf-version:{current}:{page_id}:{translation.get_language()}:{kind}"


def remembered_version(page_id, kind):
    """The version worked out before under this generation, or None: no HTML is rendered."""
    key = _version_key(page_id, kind)
    return None if key is None else cache.get(key)


def pdf_version(page, kind):
    """The version of ``page``'s PDF in the active language, or TOO_LARGE.

    Rendering the HTML costs as much as an uncached page, so the answer is
    remembered under the page cache's generation, which changes with every
    change readers can see.
    """
    key = _version_key(page.pk, kind)
    if key is not None:
        remembered = cache.get(key)
        if remembered is not None:
            return remembered
    html = pdf_html(page, kind)
    version = TOO_LARGE if is_too_large(html) else version_of(kind, html)
    if key is not None:
        cache.set(key, version, settings.PAGE_CACHE_TIMEOUT)
    return version
