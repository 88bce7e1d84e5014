"""Public pages, in the reader's language."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.http import require_safe

from housing_info import reader_queries
from housing_info.listing import contact_texts, step_items
from housing_info.models import ContactPoint, Page, Topic
from housing_info.reader_columns import reader_columns
from portal.languages import direction
from portal.page_language import note_page_language
from portal.shown_text import shown_text


def is_staff(request):
    """Whether logged-in staff ask; a visitor's session is never touched.

    Reading ``request.user`` loads the session and makes the response vary on
    cookies, which would keep every visitor's page out of the page cache.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff


# The translated fields of a page that a list of pages reads.
LISTED = ("title", "body")


def published_pages(limit=None):
    pages = (
        Page.objects.published()
        .order_by("order", "slug")
        # A listing shows each page's title in the reader's language, or says
        # which language it is in: title and body tell (Page.text_language).
        .only(*reader_columns(Page, translation.get_language(), translated_fields=LISTED))
    )
    return Prefetch("pages", queryset=pages[:limit] if limit else pages, to_attr="published_pages")


@require_safe
def home(request):
    code = translation.get_language()
    topics = reader_queries.home_topics(code)
    steps = step_items(reader_queries.pathway_steps(code), code)
    context = {
        "topics": topics,
        "steps": steps,
        # Every text the lists show, for the notice that explains their markers.
        "told": [
            *(item.told for item in steps),
            *(topic.shown_title for topic in topics),
            *(page.shown for topic in topics for page in topic.published_pages),
        ],
    }
    return render(request, "housing_info/home.html", context)


@require_safe
def topic_detail(request, slug):
    code = translation.get_language()
    topics = Topic.objects.only(*reader_columns(Topic, code))
    topic = get_object_or_404(topics.prefetch_related(published_pages()), slug=slug)
    told = [
        shown_text(topic, "title", code),
        shown_text(topic, "description", code),
        *(page.shown for page in topic.published_pages),
    ]
    return render(request, "housing_info/topic_detail.html", {"topic": topic, "told": told})


@require_safe
def page_detail(request, slug):
    reader_language = translation.get_language()
    page = reader_queries.page_with_topic(slug, reader_language)
    # Staff preview unpublished pages and held-back language versions;
    # visitors never learn they exist.
    preview = is_staff(request)
    if page is None or (not page.published and not preview):
        raise Http404
    shown_language = page.text_language(reader_language, preview=preview)
    response = render(
        request,
        "housing_info/page_detail.html",
        {
            "page": page,
            "text": page.text(shown_language),
            "shown_language": shown_language,
            "shown_dir": direction(shown_language),
            "is_fallback": shown_language != reader_language,
            # Notices for staff speak the staff member's (the admin's) language.
            "staff_language": (
                translation.get_language_from_request(request) if preview else reader_language
            ),
            "contacts": reader_queries.contact_points(page, reader_language),
        },
    )
    if not preview:
        note_page_language(request, page, reader_language, shown_language)
    return response


@require_safe
def contact_list(request):
    """Where to get help: every contact point, or those for one topic (?topic=<slug>)."""
    code = translation.get_language()
    topics = list(Topic.objects.filter(contact_points__isnull=False).distinct())
    contacts = ContactPoint.objects.prefetch_related("topics")
    wanted = request.GET.get("topic", "")
    topic = next((topic for topic in topics if topic.slug == wanted), None)
    if topic:
        contacts = contacts.filter(topics=topic)
    contacts = list(contacts)
    return render(
        request,
        "housing_info/contact_list.html",
        {
            "topics": topics,
            "topic": topic,
            "contacts": contacts,
            # An address with a topic that does not exist shows all, and says so.
            "unknown_topic": bool(wanted) and topic is None,
            "told": [
                *contact_texts(contacts, code),
                *(shown_text(item, "title", code) for item in topics),
            ],
        },
    )
