"""Public pages, in the reader's language."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from housing_info.models import Page, PathwayStep, Topic
from housing_info.negotiation import preferred_language
from portal.languages import PORTAL_LANGUAGES, direction


@require_safe
def root(request):
    """Send the visitor to their language, or let them choose one."""
    code = preferred_language(request)
    if code:
        response = HttpResponseRedirect(f"/{code}/")
    else:
        response = render(
            request, "housing_info/language_chooser.html", {"choices": language_choices()}
        )
    patch_vary_headers(response, ["Accept-Language"])
    # The answer depends on a request header: shared caches must not keep it.
    patch_cache_control(response, private=True, max_age=0)
    return response


def language_choices():
    """Each served language with a line of text in that language itself."""
    choices = []
    for language in PORTAL_LANGUAGES:
        with translation.override(language.code):
            tagline = translation.gettext("Housing information for newcomers in Gothenburg")
        choices.append(
            {
                "code": language.code,
                "name_local": language.name_local,
                "dir": direction(language.code),
                "tagline": tagline,
            }
        )
    return choices


# The home page shows the first pages of each topic and links to the rest, so
# it stays light on a phone however many pages the City writes.
HOME_PAGES_PER_TOPIC = 6


def published_pages(limit=None):
    pages = Page.objects.published().order_by("order", "slug")
    return Prefetch("pages", queryset=pages[:limit] if limit else pages, to_attr="published_pages")


@require_safe
def home(request):
    topics = (
        Topic.objects.annotate(published_count=Count("pages", filter=Q(pages__published=True)))
        .filter(published_count__gt=0)
        .prefetch_related(published_pages(limit=HOME_PAGES_PER_TOPIC))
    )
    steps = PathwayStep.objects.select_related("page")
    return render(request, "housing_info/home.html", {"topics": topics, "steps": steps})


@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic.objects.prefetch_related(published_pages()), slug=slug)
    return render(request, "housing_info/topic_detail.html", {"topic": topic})


@require_safe
def page_detail(request, slug):
    page = get_object_or_404(Page.objects.select_related("topic"), slug=slug)
    # Staff preview unpublished pages; visitors never learn they exist.
    if not page.published and not request.user.is_staff:
        raise Http404
    reader_language = translation.get_language()
    shown_language = page.text_language(reader_language)
    return render(
        request,
        "housing_info/page_detail.html",
        {
            "page": page,
            "text": page.text(shown_language),
            "shown_language": shown_language,
            "shown_dir": direction(shown_language),
            "is_fallback": shown_language != reader_language,
            "contacts": page.contact_points.all(),
        },
    )


def server_error(request):
    """The 500 page in the visitor's language, without touching the database."""
    return render(request, "500.html", status=500)
