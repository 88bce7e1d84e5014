"""Permalinks, QR codes, printable pages, PDFs, posters and the embeddable topic view."""

from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from housing_info.models import Page, Topic
from housing_info.views import is_staff, published_pages
from portal.embedding import embeddable
from portal.languages import SOURCE_LANGUAGE
from portal.negotiation import preferred_language
from sharing import pdf_queue, pdf_store
from sharing.middleware import shown_to_visitors
from sharing.models import SlugRedirect
from sharing.pdf import pdf_available
from sharing.permalinks import page_permalink, topic_permalink
from sharing.printing import (
    TEMPLATES,
    TOO_LARGE,
    pdf_version,
    print_context,
    remembered_version,
)
from sharing.qr import qr_png, qr_svg

# QR codes depend only on the slug and PORTAL_BASE_URL: caches may keep them.
QR_MAX_AGE = 24 * 60 * 60
PDF_MAX_AGE = 10 * 60
PRINTABLE_VIEWS = {"page": "sharing:print", "poster": "sharing:poster"}
PDF_BEING_PREPARED = _(
    "The PDF of this page is being prepared. Here is the printable page for now: "
    "try the PDF again in a minute, or print this page from your browser."
)
PDF_UNAVAILABLE = _(
    "A PDF of this page cannot be made. Print this page from your browser instead; "
    "most browsers can also save it as a PDF."
)


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
        # An old address never tells a visitor the new slug of a topic they cannot see.
        if moved is None or not (is_staff(request) or shown_to_visitors(moved.topic)):
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


def printable_instead(request, slug, kind, note):
    """The printable page or poster, with a note on why it is not the PDF; never cached."""
    page = reader_page(request, slug)
    response = render(request, TEMPLATES[kind], {**print_context(page), "pdf_note": note})
    patch_cache_control(response, no_store=True)
    return response


def stored_pdf(request, slug, kind):
    """The stored PDF of this version of the page, or the printable view while it is rendered.

    Only the canonical address is answered: a query string is redirected away,
    so it can neither start a render nor fill a cache with copies. A stored
    PDF is sent after one small query, without loading the page's texts.
    """
    if request.META.get("QUERY_STRING"):
        response = HttpResponsePermanentRedirect(request.path)
        patch_cache_control(response, public=True, max_age=PDF_MAX_AGE)
        return response
    found = Page.objects.filter(slug=slug).values_list("pk", "published").first()
    if found is None or not (found[1] or is_staff(request)):
        raise Http404
    page_id = found[0]
    code = translation.get_language()
    if not pdf_available(code):
        # No renderer or no font for this script here: the printable page instead.
        return redirect(PRINTABLE_VIEWS[kind], slug=slug)
    version = remembered_version(page_id, kind) or pdf_version(reader_page(request, slug), kind)
    if version == TOO_LARGE:
        return printable_instead(request, slug, kind, PDF_UNAVAILABLE)
    name = pdf_store.stored_name(page_id, code, kind, version)
    if not pdf_store.is_stored(name):
        outcome = pdf_queue.request_render(page_id, code, kind, version)
        if outcome == pdf_queue.FAILED:
            return printable_instead(request, slug, kind, PDF_UNAVAILABLE)
        if outcome != pdf_queue.RENDERED or not pdf_store.is_stored(name):
            return printable_instead(request, slug, kind, PDF_BEING_PREPARED)
    etag = f'"{version}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        suffix = "-poster" if kind == "poster" else ""
        response = FileResponse(
            default_storage.open(name, "rb"),
            content_type="application/pdf",
            filename=f"{slug}{suffix}-{code}.pdf",
        )
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=PDF_MAX_AGE)
    return response


@require_safe
def printable(request, slug):
    page = reader_page(request, slug)
    return render(request, "sharing/printable.html", print_context(page))


@require_safe
def page_pdf(request, slug):
    return stored_pdf(request, slug, "page")


@require_safe
def poster(request, slug):
    page = reader_page(request, slug)
    return render(request, "sharing/poster.html", print_context(page))


@require_safe
def poster_pdf(request, slug):
    return stored_pdf(request, slug, "poster")


@require_safe
@embeddable
def topic_embed(request, slug):
    """A topic's pages for partners' iframes: the only view other sites may frame."""
    topic = get_object_or_404(Topic.objects.prefetch_related(published_pages()), slug=slug)
    reader_language = translation.get_language()
    entries = []
    for page in topic.published_pages:
        shown = page.shown_in(reader_language)
        entries.append({"page": page, "shown": shown, "text": page.text(shown.language)})
    return render(
        request,
        "sharing/embed.html",
        {"topic": topic, "entries": entries, "permalink": topic_permalink(topic)},
    )
