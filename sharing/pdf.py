"""PDFs rendered on the server with WeasyPrint, when this machine can.

WeasyPrint needs Pango and HarfBuzz from the system. Where they are missing
the import fails; the portal still runs and offers the printable page instead.
"""

import functools
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

from sharing import pdf_tags
from sharing.fonts import has_font_for

logger = logging.getLogger(__name__)


def load_renderer():
    """The weasyprint module, or None when it or its system libraries are missing."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        logger.warning("PDF rendering unavailable: %s", error)
        return None
    return weasyprint


@functools.cache
def renderer():
    return load_renderer()


def pdf_available(code):
    """Whether a PDF in ``code`` can be made here: renderer and a font for its script."""
    return renderer() is not None and has_font_for(code)


def static_file_path(url):
    """The file behind one of our static URLs, or None."""
    path = urlsplit(url).path
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    if not path.startswith(prefix):
        return None
    name = path.removeprefix(prefix)
    if staticfiles_storage.exists(name):
        return staticfiles_storage.path(name)
    return finders.find(name)


def static_only_fetcher():
    """A URL fetcher that serves our own static files and refuses any other address.

    Page bodies are written in the admin; a picture on another server must not
    make the portal send requests while it renders a PDF.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            file_path = static_file_path(url)
            if file_path is None:
                raise ValueError(f"Not one of the portal's static files: {url}")
            with open(file_path, "rb") as file:
                body = file.read()
            return URLFetcherResponse(url, body, headers={"Content-Type": "text/css"})

    return StaticOnlyFetcher()


def render_pdf(html, base_url):
    """Tagged PDF bytes from a rendered HTML document."""
    weasyprint = renderer()
    if weasyprint is None:
        raise RuntimeError("WeasyPrint is not available")
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=static_only_fetcher())
    with pdf_tags.recording_run_texts():
        return document.write_pdf(pdf_variant=pdf_tags.PDF_VARIANT, finisher=pdf_tags.finish)
