"""Security headers on what visitors and staff get."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from portal.embedding import embeddable
from portal.security_headers import permissions_policy

pytestmark = pytest.mark.django_db


def policy(response):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    }


@pytest.mark.parametrize("path", ["/", "/sv/", "/ar/no-such-page/"])
def test_strict_content_security_policy_everywhere(client, path):
    csp = policy(client.get(path, HTTP_ACCEPT_LANGUAGE="sv"))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    for sources in csp.values():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
        assert not [source for source in sources if source.startswith(("http", "*"))]


def test_content_page_has_the_other_security_headers(client, page):
    response = client.get(f"/sv/{page.slug}/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_login_has_the_policy_too(client):
    response = client.get("/admin/login/")
    assert policy(response)["script-src"] == ["'self'"]


def test_hsts_and_https_redirect_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    redirect = client.get("/sv/")
    assert redirect.status_code == 301 and redirect["Location"].startswith("https://")
    secure = client.get("/sv/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert "max-age=31536000" in secure["Strict-Transport-Security"]


def test_permissions_policy_header_syntax():
    assert permissions_policy({"camera": [], "geolocation": ["self"]}) == (
        "camera=(), geolocation=(self)"
    )


def test_embeddable_view_may_be_framed_by_any_site(settings):
    from csp.middleware import CSPMiddleware
    from django.middleware.clickjacking import XFrameOptionsMiddleware

    @embeddable
    def widget(request):
        return HttpResponse("widget")

    request = RequestFactory().get("/sv/embed/")
    response = XFrameOptionsMiddleware(CSPMiddleware(widget))(request)
    assert policy(response)["frame-ancestors"] == ["*"]
    assert policy(response)["script-src"] == ["'self'"]
    assert "X-Frame-Options" not in response


def test_embeddable_view_may_name_the_sites():
    from csp.middleware import CSPMiddleware

    @embeddable(ancestors=["https://www.sfi.example"])
    def widget(request):
        return HttpResponse("widget")

    response = CSPMiddleware(widget)(RequestFactory().get("/sv/embed/"))
    assert policy(response)["frame-ancestors"] == ["https://www.sfi.example"]


def test_visitors_get_no_cookie_on_ordinary_pages(client, page):
    paths = ["/", "/sv/", "/ar/", f"/ar/{page.slug}/", page.topic.get_absolute_url()]
    paths += [f"/ti/{page.slug}/", "/sv/no-such-page/", f"/{page.slug}/"]
    for path in paths:
        for _ in range(2):  # the cached copy too
            response = client.get(path, HTTP_ACCEPT_LANGUAGE="ar")
            assert not response.cookies, path
            assert "Set-Cookie" not in response, path
    assert not client.cookies


@pytest.mark.parametrize("view", ["add", "revision"])
def test_page_editor_import_map_carries_the_responses_nonce(staff_client, view):
    from tests.factories import make_page

    page = make_page()
    revision = page.history.get().history_id
    url = {
        "add": "/admin/housing_info/page/add/",
        # simple_history renders the revision itself; the nonce must reach it too.
        "revision": f"/admin/housing_info/page/{page.pk}/history/{revision}/",
    }[view]
    response = staff_client.get(url)
    assert response.status_code == 200
    sources = policy(response)["script-src"]
    nonces = [source for source in sources if source.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0][len("'nonce-") : -1]
    assert f'<script type="importmap" nonce="{nonce}">' in response.content.decode()


def test_public_pages_get_no_nonce(client, page):
    for path in ("/sv/", f"/ar/{page.slug}/"):
        assert "nonce" not in client.get(path)["Content-Security-Policy"]


def assert_no_cookie(response, what):
    assert not response.cookies, what
    assert "Set-Cookie" not in response, what


def test_visitors_get_no_cookie_from_any_public_url_family(demo_questions):
    from django.test import Client

    from glossary.models import Term
    from housing_info.models import Page
    from tests.factories import make_term

    make_term(slug="genomgangsbostad", term="genomgångsbostad")
    page = Page.objects.published().select_related("topic").first()
    slug, topic = page.slug, page.topic.slug
    assert Term.objects.exists()
    paths = []
    for code in ("sv", "ar", "ti"):
        paths += [
            f"/{code}/search/?q=bostad",
            f"/{code}/search/?q=",
            f"/{code}/what-applies-to-me/",
            f"/{code}/what-applies-to-me/?status=residence-permit",
            f"/{code}/what-applies-to-me/?status=nonsense",
            f"/{code}/glossary/",
            f"/{code}/contacts/",
            f"/{code}/contacts/?topic={topic}",
            f"/{code}/about/accessibility/",
            f"/{code}/{slug}/print/",
            f"/{code}/{slug}/pdf/",
            f"/{code}/{slug}/poster/",
            f"/{code}/{slug}/poster/pdf/",
            f"/{code}/topics/{topic}/embed/",
            f"/{code}/feedback/{slug}/",
            f"/{code}/feedback/{slug}/thanks/",
            f"/{code}/feed.atom",
        ]
    paths += [
        f"/p/{slug}/",
        f"/p/{slug}/qr.svg",
        f"/p/{slug}/qr.png",
        f"/t/{topic}/",
        "/sitemap.xml",
        "/api/",
        "/api/v1/",
        f"/api/v1/pages/{slug}/?language=ar",
        "/api/v1/pages/?language=xx",
        "/api/v1/topics/",
        "/api/v1/contact-points/",
        "/api/v1/docs/",
        "/api/v1/schema/",
        "/api/nothing-here/",
    ]
    visitor = Client()
    for path in paths:
        for _ in range(2):  # the cached copy too
            response = visitor.get(path, HTTP_ACCEPT_LANGUAGE="ar")
            assert response.status_code < 400 or path.startswith("/api/"), path
            assert_no_cookie(response, path)
    assert not visitor.cookies


def test_feedback_answers_set_no_cookie(page):
    from django.test import Client

    from feedback import rate_limit

    visitor = Client()
    url = f"/ar/feedback/{page.slug}/"
    origin = {"HTTP_ORIGIN": "http://testserver"}
    answers = [
        ({"useful": "yes", "comment": "مفيد"}, origin, 303),
        ({"comment": "بدون جواب"}, origin, 400),
        ({"useful": "no"}, {"HTTP_ORIGIN": "https://elsewhere.example"}, 403),
    ]
    for data, headers, status in answers:
        response = visitor.post(url, data, **headers)
        assert response.status_code == status
        assert_no_cookie(response, (data, headers))
    for _ in range(rate_limit.MAX_ANSWERS):
        visitor.post(url, {"useful": "yes"}, **origin)
    too_many = visitor.post(url, {"useful": "yes"}, **origin)
    assert too_many.status_code == 429
    assert_no_cookie(too_many, "rate limited")
    assert not visitor.cookies
