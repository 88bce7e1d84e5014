"""Permalinks, QR codes, printable pages, PDFs, posters and the embeddable topic view."""

from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from housing_info.models import Page, Topic
from housing_info.negotiation import preferred_language
from housing_info.views import is_staff, published_pages
from portal.embedding import embeddable
from portal.languages import SOURCE_LANGUAGE, direction
from sharing.models import SlugRedirect
from sharing.pdf import pdf_available, render_pdf
from sharing.permalinks import page_permalink, topic_permalink
from sharing.qr import qr_png, qr_svg

# QR codes depend only on the slug and PORTAL_BASE_URL: caches may keep them.
QR_MAX_AGE = 24 * 60 * 60
PDF_MAX_AGE = 10 * 60


def redirect_to_reader_language(request, obj):
    """Send the visitor to ``obj`` in their best language; no shared cache may keep this."""
    code = preferred_language(request) or SOURCE_LANGUAGE
    with translation.override(code):
        response = HttpResponseRedirect(obj.get_absolute_url())
    patch_vary_headers(response, ["Accept-Language"])
    patch_cache_control(response, private=True, max_age=0)
    return response


def published_page_or_404(slug):
    """(page, None) for a published page, (None, current slug) for an old slug; else 404."""
    page = Page.objects.published().filter(slug=slug).first()
    if page is not None:
        return page, None
    moved = SlugRedirect.objects.for_page(slug)
    if moved is None or not moved.page.published:
        raise Http404
    return None, moved.page.slug


@require_safe
def page_permalink_view(request, slug):
    page, new_slug = published_page_or_404(slug)
    if page is None:
        return HttpResponsePermanentRedirect(reverse("permalinks:page", kwargs={"slug": new_slug}))
    return redirect_to_reader_language(request, page)


@require_safe
def topic_permalink_view(request, slug):
    topic = Topic.objects.filter(slug=slug).first()
    if topic is None:
        moved = SlugRedirect.objects.for_topic(slug)
        if moved is None:
            raise Http404
        return HttpResponsePermanentRedirect(
            reverse("permalinks:topic", kwargs={"slug": moved.topic.slug})
        )
    return redirect_to_reader_language(request, topic)


def qr_response(request, slug, kind):
    page, new_slug = published_page_or_404(slug)
    if page is None:
        return HttpResponsePermanentRedirect(
            reverse(f"permalinks:qr-{kind}", kwargs={"slug": new_slug})
        )
    permalink = page_permalink(page)
    if kind == "svg":
        response = HttpResponse(qr_svg(permalink, title=permalink), content_type="image/svg+xml")
    else:
        response = HttpResponse(qr_png(permalink), content_type="image/png")
    patch_cache_control(response, public=True, max_age=QR_MAX_AGE)
    return response


@require_safe
def page_qr_svg(request, slug):
    return qr_response(request, slug, "svg")


@require_safe
def page_qr_png(request, slug):
    return qr_response(request, slug, "png")


def reader_page(request, slug):
    """The page for this request; staff may see unpublished pages, as on the page itself."""
    page = get_object_or_404(Page.objects.select_related("topic"), slug=slug)
    if not page.published and not is_staff(request):
        raise Http404
    return page


def print_context(page, for_pdf=False):
    """What the printable page, its PDF and the poster show, in the active language."""
    reader_language = translation.get_language()
    shown_language = page.text_language(reader_language)
    permalink = page_permalink(page)
    return {
        "page": page,
        "text": page.text(shown_language),
        "shown_language": shown_language,
        "shown_dir": direction(shown_language),
        "is_fallback": shown_language != reader_language,
        "contacts": page.contact_points.all(),
        "permalink": permalink,
        # Our own generated SVG, not user input: safe to place in the page.
        "qr_svg": mark_safe(qr_svg(permalink, title=permalink, inline=True).decode()),  # noqa: S308
        "for_pdf": for_pdf,
    }


def pdf_response(request, page, template, suffix=""):
    code = translation.get_language()
    html = render_to_string(template, print_context(page, for_pdf=True), request=request)
    response = HttpResponse(
        render_pdf(html, base_url=request.build_absolute_uri("/")),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{page.slug}{suffix}-{code}.pdf"'
    patch_cache_control(response, public=True, max_age=PDF_MAX_AGE)
    return response


@require_safe
def printable(request, slug):
    page = reader_page(request, slug)
    return render(request, "sharing/printable.html", print_context(page))


@require_safe
def page_pdf(request, slug):
    page = reader_page(request, slug)
    if not pdf_available(translation.get_language()):
        # No renderer or no font for this script here: the printable page instead.
        return redirect("sharing:print", slug=page.slug)
    return pdf_response(request, page, "sharing/printable.html")


@require_safe
def poster(request, slug):
    page = reader_page(request, slug)
    return render(request, "sharing/poster.html", print_context(page))


@require_safe
def poster_pdf(request, slug):
    page = reader_page(request, slug)
    if not pdf_available(translation.get_language()):
        return redirect("sharing:poster", slug=page.slug)
    return pdf_response(request, page, "sharing/poster.html", suffix="-poster")


@require_safe
@embeddable
def topic_embed(request, slug):
    """A topic's pages for partners' iframes: the only view other sites may frame."""
    topic = get_object_or_404(Topic.objects.prefetch_related(published_pages()), slug=slug)
    reader_language = translation.get_language()
    entries = []
    for page in topic.published_pages:
        shown_language = page.text_language(reader_language)
        entries.append(
            {
                "page": page,
                "language": shown_language,
                "dir": direction(shown_language),
                "text": page.text(shown_language),
            }
        )
    return render(
        request,
        "sharing/embed.html",
        {"topic": topic, "entries": entries, "permalink": topic_permalink(topic)},
    )
