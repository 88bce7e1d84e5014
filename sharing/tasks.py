"""Background tasks of the sharing app: PDFs of pages and posters."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils import translation

from housing_info.models import Page
from sharing import pdf_queue, pdf_store
from sharing.pdf import render_pdf
from sharing.printing import is_too_large, pdf_html, version_of

logger = logging.getLogger(__name__)


@shared_task(name="sharing.render_stored_pdf")
def render_stored_pdf(page_id, code, kind, version):
    """Render and store one PDF; readers get the printable page until it is there.

    The version asked for is the one the web process saw; if the page changed
    since, the PDF is stored under its new version, which the next request asks for.
    """
    if pdf_store.is_stored(pdf_store.stored_name(page_id, code, kind, version)):
        return pdf_queue.RENDERED
    page = Page.objects.select_related("topic").filter(pk=page_id).first()
    if page is None:
        return "gone"
    with translation.override(code):
        html = pdf_html(page, kind)
    if is_too_large(html):
        pdf_queue.mark_failed(page_id, code, kind, version)
        return pdf_queue.FAILED
    name = pdf_store.stored_name(page_id, code, kind, version_of(kind, html))
    try:
        content = render_pdf(html, base_url=f"{settings.PORTAL_BASE_URL}/")
    except SoftTimeLimitExceeded:
        logger.warning("PDF of page %s (%s, %s) took too long; not rendered", page_id, code, kind)
        pdf_queue.mark_failed(page_id, code, kind, version)
        return pdf_queue.FAILED
    pdf_store.store(name, content)
    pdf_store.remove_other_versions(name)
    return pdf_queue.RENDERED
