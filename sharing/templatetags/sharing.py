"""The "link to this page" block: permalink, share links, print, PDF, poster, QR."""

from django import template
from django.urls import reverse
from django.utils import translation

from sharing.pdf import pdf_available
from sharing.permalinks import page_permalink
from sharing.share_links import share_links

register = template.Library()


@register.simple_tag
def page_sharing(page, title):
    """Everything the share block links to, for ``page`` shown with ``title``."""
    permalink = page_permalink(page)
    slug = {"slug": page.slug}
    return {
        "permalink": permalink,
        "links": share_links(title, permalink),
        "print_url": reverse("sharing:print", kwargs=slug),
        "pdf_url": reverse("sharing:pdf", kwargs=slug)
        if pdf_available(translation.get_language())
        else None,
        "poster_url": reverse("sharing:poster", kwargs=slug),
        "qr_svg_url": reverse("permalinks:qr-svg", kwargs=slug),
        "qr_png_url": reverse("permalinks:qr-png", kwargs=slug),
    }
