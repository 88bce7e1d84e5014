import re

import pytest

from tests.factories import make_page, make_topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("header", "code"),
    [("ar-SE,ar;q=0.9", "ar"), ("ti-ER", "ti"), ("fa-AF", "prs"), ("de-DE,en;q=0.5", "en")],
)
def test_permalink_redirects_to_the_readers_best_language(client, page, header, code):
    response = client.get(f"/p/{page.slug}/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == f"/{code}/{page.slug}/"


def test_permalink_without_a_served_language_opens_in_swedish(client, page):
    response = client.get(f"/p/{page.slug}/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response["Location"] == f"/sv/{page.slug}/"
    assert client.get(f"/p/{page.slug}/")["Location"] == f"/sv/{page.slug}/"


def test_permalink_redirect_varies_on_language_and_is_not_cached_by_shared_caches(client, page):
    response = client.get(f"/p/{page.slug}/", HTTP_ACCEPT_LANGUAGE="ar")
    assert "Accept-Language" in response["Vary"]
    assert "private" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert not response.cookies


def test_old_slug_permalink_redirects_permanently_to_the_current_permalink(client):
    page = make_page(slug="first")
    page.slug = "second"
    page.save()
    page.slug = "third"
    page.save()
    for old in ("first", "second"):
        response = client.get(f"/p/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/p/third/"


def test_permalink_of_unknown_or_unpublished_page_is_a_404(client):
    hidden = make_page(published=False)
    assert client.get("/p/no-such-page/").status_code == 404
    assert client.get(f"/p/{hidden.slug}/").status_code == 404


def test_topic_permalink_redirects_to_the_topic_in_the_readers_language(client, page):
    response = client.get(f"/t/{page.topic.slug}/", HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 302
    assert response["Location"] == f"/uk/topics/{page.topic.slug}/"
    assert "Accept-Language" in response["Vary"]


def test_qr_codes_are_svg_and_png(client, page):
    svg = client.get(f"/p/{page.slug}/qr.svg")
    png = client.get(f"/p/{page.slug}/qr.png")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<svg")
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")


def test_printable_view_has_the_text_and_the_permalink_without_navigation(client, settings, page):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    content = client.get(f"/ar/{page.slug}/print/").content.decode()
    assert page.title_ar in content
    assert page.summary_ar in content
    assert f"https://bostad.goteborg.se/p/{page.slug}/" in content
    assert 'class="site-nav"' not in content
    assert '<html lang="ar" dir="rtl">' in content


def test_poster_has_title_summary_qr_and_permalink(client, settings, page):
    settings.PORTAL_BASE_URL = "https://bostad.goteborg.se"
    content = client.get(f"/ti/{page.slug}/poster/").content.decode()
    assert page.title_ti in content
    assert page.summary_ti in content
    assert "<svg" in content
    assert re.search(
        rf'class="poster__permalink"[^>]*><bdi>https://bostad.goteborg.se/p/{page.slug}/', content
    )


def test_printable_view_of_an_untranslated_page_says_which_language_it_shows(client):
    page = make_page(title_ti="", body_ti="")
    content = client.get(f"/ti/{page.slug}/print/").content.decode()
    assert page.title_en in content
    assert '<article class="page" lang="en" dir="ltr">' in content


def test_printable_view_of_an_unpublished_page_is_a_404(client):
    page = make_page(published=False)
    assert client.get(f"/sv/{page.slug}/print/").status_code == 404
    assert client.get(f"/sv/{page.slug}/pdf/").status_code == 404


def test_embed_view_may_be_framed_by_any_site(client, page):
    response = client.get(f"/ar/topics/{page.topic.slug}/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert page.title_ar in response.content.decode()


def test_ordinary_pages_refuse_framing(client, page):
    for url in (
        "/ar/",
        f"/ar/{page.slug}/",
        f"/ar/topics/{page.topic.slug}/",
        f"/ar/{page.slug}/print/",
        f"/ar/{page.slug}/poster/",
        "/api/v1/pages/",
    ):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors *" not in response.get("Content-Security-Policy", ""), url


def test_embed_view_shows_untranslated_pages_in_their_fallback_language(client):
    topic = make_topic()
    page = make_page(topic=topic, title_ti="", body_ti="")
    content = client.get(f"/ti/topics/{topic.slug}/embed/").content.decode()
    # The item keeps the page's direction; the English title has its own, and a marker.
    assert f'lang="en" dir="ltr" hreflang="en">{page.title_en}</a>' in content
    assert 'class="shown-in" lang="ti" dir="ltr" data-shown-in="en"' in content


def test_embed_of_unknown_topic_is_a_404(client):
    assert client.get("/en/topics/no-such-topic/embed/").status_code == 404


def test_sharing_views_set_no_cookies(client, page):
    for url in (f"/p/{page.slug}/", f"/p/{page.slug}/qr.png", f"/ar/{page.slug}/print/"):
        assert not client.get(url, HTTP_ACCEPT_LANGUAGE="ar").cookies, url
