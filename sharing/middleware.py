"""Old addresses of renamed pages and topics answer with a permanent redirect.

Like django.contrib.redirects, this looks only at responses that are already
a 404, so it costs nothing on ordinary requests and needs no change in the
views that show pages.

A redirect names the current slug, so it is given only where the current
address would answer too: a visitor is never sent on to an unpublished page,
nor to a topic that has no published page (the topics visitors see on the
home page and in the sitemap); they get the 404 they had. Staff, who may
preview drafts, are still redirected.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse

from housing_info.views import is_staff
from sharing.models import SlugRedirect

# Views whose ``slug`` is a page's or a topic's (namespace:name).
PAGE_VIEWS = {
    "housing_info:page",
    "sharing:print",
    "sharing:pdf",
    "sharing:poster",
    "sharing:poster-pdf",
}
TOPIC_VIEWS = {"housing_info:topic", "sharing:topic-embed"}


def shown_to_visitors(target):
    """Whether visitors may learn the current slug of a page or topic."""
    if hasattr(target, "published"):
        return target.published
    return target.pages.filter(published=True).exists()


def moved_to(path, staff=False):
    """The current address for an old one, or None; only to published ones unless ``staff``."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    slug = match.kwargs.get("slug")
    if slug is None:
        return None
    if match.view_name in PAGE_VIEWS:
        moved = SlugRedirect.objects.for_page(slug)
        target = moved and moved.page
    elif match.view_name in TOPIC_VIEWS:
        moved = SlugRedirect.objects.for_topic(slug)
        target = moved and moved.topic
    else:
        return None
    if not target or not (staff or shown_to_visitors(target)):
        return None
    return reverse(match.view_name, args=match.args, kwargs={**match.kwargs, "slug": target.slug})


class SlugRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        new_path = moved_to(request.path_info, staff=is_staff(request))
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
