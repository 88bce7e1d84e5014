import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from page_cache import generation
from page_cache import middleware as middleware_module
from page_cache.middleware import PageCacheMiddleware
from tests.factories import make_contact_point, make_page, make_term

# Committed as in production: changes made inside a test's transaction are
# never cached (see page_cache.generation), which would hide what is tested here.
pytestmark = pytest.mark.django_db(transaction=True)


def cache_status(response):
    return response.headers.get("X-Page-Cache")


def test_anonymous_page_is_cached_with_public_cache_control(client, page, settings):
    first = client.get(f"/ar/{page.slug}/")
    second = client.get(f"/ar/{page.slug}/")
    assert (cache_status(first), cache_status(second)) == ("miss", "hit")
    assert second.content == first.content
    assert page.title_ar in second.content.decode()
    cache_control = second["Cache-Control"]
    assert "public" in cache_control
    assert f"max-age={settings.PAGE_CACHE_MAX_AGE}" in cache_control
    assert f"s-maxage={settings.PAGE_CACHE_S_MAXAGE}" in cache_control


def test_a_cached_page_keeps_its_security_headers(client, page):
    client.get(f"/sv/{page.slug}/")
    hit = client.get(f"/sv/{page.slug}/")
    assert cache_status(hit) == "hit"
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]
    assert "camera=()" in hit["Permissions-Policy"]
    assert hit["Content-Language"] == "sv"


def test_each_language_is_cached_separately(client, page):
    client.get(f"/sv/{page.slug}/")
    arabic = client.get(f"/ar/{page.slug}/")
    assert cache_status(arabic) == "miss"
    assert page.title_ar in arabic.content.decode()


def test_query_strings_are_cached_separately(client, page):
    client.get("/sv/")
    assert cache_status(client.get("/sv/?q=boplats")) == "miss"


def test_saving_content_shows_the_change_at_once(client, page):
    client.get(f"/sv/{page.slug}/")
    page.title_sv = "Genomgångsbostad – nya regler"
    page.save()
    response = client.get(f"/sv/{page.slug}/")
    assert cache_status(response) == "miss"
    assert "Genomgångsbostad – nya regler" in response.content.decode()


def test_linking_a_contact_point_shows_it_at_once(client, page):
    client.get(f"/ar/{page.slug}/")
    contact = make_contact_point()
    client.get(f"/ar/{page.slug}/")
    page.contact_points.add(contact)
    assert contact.name_ar in client.get(f"/ar/{page.slug}/").content.decode()


def test_deleting_a_page_removes_it_at_once(client, page):
    client.get(f"/sv/{page.slug}/")
    page.delete()
    assert client.get(f"/sv/{page.slug}/").status_code == 404


def test_unpublishing_a_page_hides_it_from_the_home_page_at_once(client, page):
    assert page.title_sv in client.get("/sv/").content.decode()
    page.published = False
    page.save()
    assert page.title_sv not in client.get("/sv/").content.decode()


def test_a_change_readers_never_see_leaves_the_cache_alone(client, page):
    client.get(f"/sv/{page.slug}/")
    Group.objects.create(name="translators")
    assert cache_status(client.get(f"/sv/{page.slug}/")) == "hit"


def test_a_staff_login_leaves_the_cache_alone(page, django_user_model):
    visitor, caseworker = Client(), Client()
    visitor.get(f"/sv/{page.slug}/")
    django_user_model.objects.create_user("caseworker", password="a long passphrase", is_staff=True)
    assert caseworker.login(username="caseworker", password="a long passphrase")
    assert caseworker.get("/admin/").status_code == 200
    assert cache_status(visitor.get(f"/sv/{page.slug}/")) == "hit"


def test_changes_not_yet_committed_are_neither_cached_nor_hidden_by_the_cache(client, page):
    client.get(f"/sv/{page.slug}/")
    with transaction.atomic():
        page.title_sv = "Inte sparad ännu"
        page.save()
        # The transaction sees its own change; nothing it renders is kept.
        inside = client.get(f"/sv/{page.slug}/")
        assert "Inte sparad ännu" in inside.content.decode()
        assert cache_status(inside) is None
    after = client.get(f"/sv/{page.slug}/")
    assert cache_status(after) == "miss" and "Inte sparad ännu" in after.content.decode()


@pytest.mark.postgres
def test_a_cached_page_view_runs_no_sql(client, page):
    # A page that exists in the language asked for (nothing to count as missing).
    client.get(f"/sv/{page.slug}/", HTTP_ACCEPT_LANGUAGE="sv")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/sv/{page.slug}/", HTTP_ACCEPT_LANGUAGE="sv")
    assert cache_status(response) == "hit"
    assert [query["sql"] for query in queries] == []


def test_a_stampede_after_an_invalidation_renders_the_page_once():
    renders = []

    def slow_view(request):
        renders.append(request.path)
        time.sleep(0.3)
        return HttpResponse("sida")

    responses = visit_at_once(PageCacheMiddleware(slow_view), "/sv/stampede/", visitors=6)
    assert len(renders) == 1
    assert [response.content for response in responses] == [b"sida"] * 6
    assert sorted(cache_status(response) for response in responses) == ["hit"] * 5 + ["miss"]


def test_a_page_that_cannot_be_stored_keeps_no_one_waiting():
    renders = []

    def not_found(request):
        renders.append(request.path)
        time.sleep(0.2)
        return HttpResponse("saknas", status=404)

    started = time.monotonic()
    responses = visit_at_once(PageCacheMiddleware(not_found), "/sv/missing/", visitors=3)
    assert [response.status_code for response in responses] == [404] * 3
    assert len(renders) == 3
    assert time.monotonic() - started < 3


def test_with_the_page_cache_off_no_reader_waits_for_another(settings):
    settings.PAGE_CACHE_TIMEOUT = 0
    spans = []

    def slow_view(request):
        started = time.monotonic()
        time.sleep(0.2)
        spans.append((started, time.monotonic()))
        return HttpResponse("sida")

    responses = visit_at_once(PageCacheMiddleware(slow_view), "/sv/uncached/", visitors=4)
    assert [response.content for response in responses] == [b"sida"] * 4
    assert all(cache_status(response) is None for response in responses)
    # All four rendered at the same time: none waited for a lock.
    assert max(start for start, _end in spans) < min(end for _start, end in spans)


def generation_reads(monkeypatch):
    """The reads of the generation from the shared cache, as a list that grows."""
    reads = []
    real = generation.page_cache

    class Counting:
        def __init__(self, cache):
            self.cache = cache

        def __getattr__(self, name):
            return getattr(self.cache, name)

        def get(self, key, *args, **kwargs):
            if key == generation.GENERATION_KEY:
                reads.append(key)
            return self.cache.get(key, *args, **kwargs)

    monkeypatch.setattr(generation, "page_cache", lambda: Counting(real()))
    return reads


def test_with_the_page_cache_off_a_page_reads_the_generation_once(client, settings, monkeypatch):
    settings.PAGE_CACHE_TIMEOUT = 0
    page = make_page(body_sv="<p>Ansök om en genomgångsbostad hos Boplats.</p>")
    make_term(term="genomgångsbostad")
    client.get(f"/sv/{page.slug}/")  # reads what is read once per process
    reads = generation_reads(monkeypatch)
    # The fragments of the page and its glossary links share one read.
    response = client.get(f"/sv/{page.slug}/")
    assert response.status_code == 200
    assert cache_status(response) is None
    assert reads == [generation.GENERATION_KEY]


@pytest.mark.parametrize("method", ["get", "post"])
def test_with_the_page_cache_off_only_a_readers_page_renders_under_a_generation(settings, method):
    settings.PAGE_CACHE_TIMEOUT = 0
    generation.bump()
    current = generation.current()
    seen = []

    def view(request):
        seen.append(generation._rendering_under.get())
        return HttpResponse("sida")

    middleware = PageCacheMiddleware(view)
    middleware(getattr(RequestFactory(), method)("/sv/sida/"))
    staff = RequestFactory().get("/sv/sida/")
    staff.COOKIES[settings.SESSION_COOKIE_NAME] = "a-staff-session"
    middleware(staff)
    # A staff member's request, or a form sent, may change content: it reads the
    # generation as it goes (None until committed), never one read in advance.
    assert current is not None
    assert seen == [current if method == "get" else None, None]


def test_a_reader_waits_for_one_render_not_for_the_next_readers(monkeypatch):
    monkeypatch.setattr(middleware_module, "RENDER_LOCK_SECONDS", 5)
    cache = generation.page_cache()
    generation.bump()
    current = generation.current()
    cache.set("page-key:rendering", "first-render", 30)

    def next_reader_takes_over():
        time.sleep(0.1)
        cache.set("page-key:rendering", "second-render", 30)

    started = time.monotonic()
    with ThreadPoolExecutor(1) as pool:
        pool.submit(next_reader_takes_over)
        found = PageCacheMiddleware.wait_for_render(
            cache, "page-key", "page-key:rendering", current
        )
    # The first render ended without a copy: render here, without waiting out the lock.
    assert found is None
    assert time.monotonic() - started < 5


def visit_at_once(middleware, path, visitors):
    generation.bump()
    barrier = threading.Barrier(visitors)

    def visit(_):
        barrier.wait()
        return middleware(RequestFactory().get(path))

    with ThreadPoolExecutor(visitors) as pool:
        return list(pool.map(visit, range(visitors)))


def test_a_session_being_saved_does_not_empty_the_cache(client, page):
    client.get(f"/sv/{page.slug}/")
    SessionStore().save()
    assert cache_status(client.get(f"/sv/{page.slug}/")) == "hit"


@pytest.fixture
def visitor():
    # The client fixture is the staff client in tests that use both.
    return Client()


def test_staff_never_get_a_cached_page_and_their_pages_are_not_stored(staff_client, visitor, page):
    visitor.get(f"/sv/{page.slug}/")
    response = staff_client.get(f"/sv/{page.slug}/")
    assert cache_status(response) is None
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_staff_preview_of_an_unpublished_page_is_never_shown_to_visitors(staff_client, visitor):
    draft = make_page(published=False)
    assert staff_client.get(f"/sv/{draft.slug}/").status_code == 200
    assert visitor.get(f"/sv/{draft.slug}/").status_code == 404


def test_admin_pages_are_private_and_not_stored(staff_client):
    response = staff_client.get("/admin/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_negotiating_redirect_is_private(client, page):
    response = client.get(f"/{page.slug}/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302
    assert response["Location"] == f"/ar/{page.slug}/"
    assert "private" in response["Cache-Control"]
    root = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert "private" in root["Cache-Control"] and cache_status(root) is None


def test_not_found_is_not_cached(client):
    client.get("/sv/no-such-page/")
    assert cache_status(client.get("/sv/no-such-page/")) is None


def test_head_is_answered_from_the_cache(client, page):
    client.get(f"/sv/{page.slug}/")
    assert cache_status(client.head(f"/sv/{page.slug}/")) == "hit"


def test_gzip_and_plain_clients_get_their_own_copies(client, page):
    plain = client.get(f"/sv/{page.slug}/")
    compressed = client.get(f"/sv/{page.slug}/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert cache_status(compressed) == "miss"
    assert compressed["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    again = client.get(f"/sv/{page.slug}/", HTTP_ACCEPT_ENCODING="gzip")
    assert cache_status(again) == "hit" and again["Content-Encoding"] == "gzip"


# The rules, on responses the portal does not make today but other apps may.


def run_middleware(response, path="/sv/form/", cookies=None, method="GET"):
    request = getattr(RequestFactory(), method.lower())(path)
    request.COOKIES.update(cookies or {})
    return PageCacheMiddleware(lambda request: response)(request)


def set_cookie_response():
    response = HttpResponse("form")
    response.set_cookie("csrftoken", "x")
    return response


def vary_cookie_response():
    response = HttpResponse("varies")
    response["Vary"] = "Cookie"
    return response


def never_cache_response():
    response = HttpResponse("private")
    response["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
    return response


@pytest.mark.parametrize(
    "make_response", [set_cookie_response, vary_cookie_response, never_cache_response]
)
def test_responses_that_differ_per_visitor_are_not_stored(make_response):
    first = run_middleware(make_response())
    assert "public" not in first.get("Cache-Control", "")
    assert run_middleware(HttpResponse("fresh")).content == b"fresh"


def test_post_is_never_cached():
    run_middleware(HttpResponse("first"), method="POST")
    assert run_middleware(HttpResponse("second"), method="POST").content == b"second"


def test_request_with_a_session_cookie_is_private_even_if_the_view_says_public():
    response = HttpResponse("mine")
    response["Cache-Control"] = "public, max-age=600"
    result = run_middleware(response, cookies={"sessionid": "abc"})
    assert "public" not in result["Cache-Control"]
    assert "private" in result["Cache-Control"] and "no-store" in result["Cache-Control"]


def test_a_page_rendered_on_a_miss_reads_the_generation_once(client, monkeypatch):
    term = make_term()
    page = make_page(body_sv=f"<p>Du bor i en {term.term}.</p>")
    cache = generation.page_cache()
    get, get_many = cache.get, cache.get_many
    reads = []
    in_get_many = []

    def counted_get(key, *args, **kwargs):
        if not in_get_many:  # local memory's get_many reads each key with get
            reads.append(key)
        return get(key, *args, **kwargs)

    def counted_get_many(keys, *args, **kwargs):
        reads.extend(keys)
        in_get_many.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            in_get_many.pop()

    monkeypatch.setattr(cache, "get", counted_get)
    monkeypatch.setattr(cache, "get_many", counted_get_many)

    response = client.get(f"/sv/{page.slug}/")

    # The glossary links in the body use the generation the page cache read.
    assert f"#{term.slug}" in response.content.decode()
    assert cache_status(response) == "miss"
    assert reads.count(generation.GENERATION_KEY) == 1


def test_an_address_whose_answer_is_never_stored_takes_no_render_lock(monkeypatch):
    """A PDF file is streamed, so never stored: readers asking at once do not queue."""
    cache = generation.page_cache()
    locks = []
    original_add = cache.add

    def counting_add(key, *args, **kwargs):
        if ":rendering:" in key:
            locks.append(key)
        return original_add(key, *args, **kwargs)

    def streamed(request):
        return StreamingHttpResponse([b"%PDF-1.7"], content_type="application/pdf")

    middleware = PageCacheMiddleware(streamed)
    generation.bump()
    first = middleware(RequestFactory().get("/sv/page/pdf/"))
    monkeypatch.setattr(cache, "add", counting_add)
    later = [middleware(RequestFactory().get("/sv/page/pdf/")) for _ in range(3)]
    assert b"".join(first.streaming_content) == b"%PDF-1.7"
    assert all(cache_status(response) is None for response in later)
    assert locks == []
    # A new generation tries again: the answer may be storable now.
    generation.bump()
    middleware(RequestFactory().get("/sv/page/pdf/"))
    assert len(locks) == 1


def test_a_miss_reads_the_generation_the_page_and_the_never_stored_note_in_one_round_trip(
    monkeypatch,
):
    cache = generation.page_cache()
    round_trips = []
    get, get_many = cache.get, cache.get_many
    in_get_many = []

    def counted_get(key, *args, **kwargs):
        if not in_get_many:  # local memory's get_many reads each key with get
            round_trips.append(("get", key))
        return get(key, *args, **kwargs)

    def counted_get_many(keys, *args, **kwargs):
        round_trips.append(("get_many", tuple(keys)))
        in_get_many.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            in_get_many.pop()

    def streamed(request):
        return StreamingHttpResponse([b"%PDF-1.7"], content_type="application/pdf")

    middleware = PageCacheMiddleware(streamed)
    generation.bump()
    middleware(RequestFactory().get("/sv/page/pdf/"))
    monkeypatch.setattr(cache, "get", counted_get)
    monkeypatch.setattr(cache, "get_many", counted_get_many)
    middleware(RequestFactory().get("/sv/page/pdf/"))
    assert len(round_trips) == 1, round_trips
    kind, keys = round_trips[0]
    assert kind == "get_many"
    assert generation.GENERATION_KEY in keys and any(k.endswith(":never-stored") for k in keys)
