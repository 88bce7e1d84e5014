import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_contact_point, make_page, make_pathway_step

pytestmark = pytest.mark.django_db

# The served languages and their writing directions (../shared/CONTENT.md).
DIRECTIONS = {
    "sv": "ltr",
    "en": "ltr",
    "ar": "rtl",
    "prs": "rtl",
    "fa": "rtl",
    "ps": "rtl",
    "ckb": "rtl",
    "kmr": "ltr",
    "so": "ltr",
    "ti": "ltr",
    "uk": "ltr",
    "ru": "ltr",
}


def html_lang_dir(response):
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)"', response.content.decode())
    assert match, "no <html lang dir> in the page"
    return match.groups()


def public_urls(page):
    return [
        reverse("housing_info:home"),
        page.topic.get_absolute_url(),
        page.get_absolute_url(),
        reverse("accessibility:statement"),
    ]


def test_every_served_language_is_checked_here(settings):
    assert [code for code, _name in settings.LANGUAGES] == list(DIRECTIONS), (
        "DIRECTIONS must list every served language, in the table's order "
        "(docs/adding-a-language.md, step 7)"
    )


@pytest.mark.parametrize("code", DIRECTIONS)
def test_every_public_url_has_lang_and_dir_of_its_language(client, page, code):
    with translation.override(code):
        urls = public_urls(page)
    for url in urls:
        assert url.startswith(f"/{code}/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_lang_dir(response) == (code, DIRECTIONS[code]), url


def test_page_shows_text_in_the_readers_language(client, page):
    response = client.get(f"/ar/{page.slug}/")
    content = response.content.decode()
    assert page.title_ar in content
    assert page.title_sv not in content
    assert "not yet available" not in content


def test_untranslated_page_falls_back_to_english_with_a_notice(client):
    page = make_page(title_ar="", summary_ar="", body_ar="")
    response = client.get(f"/ar/{page.slug}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert page.title_en in content
    assert '<article class="page" lang="en" dir="ltr">' in content
    with translation.override("ar"):
        notice = translation.gettext(
            "This page is not yet available in your language. Here it is in %(language)s."
        )
    assert notice.split("%")[0].strip() in content


def test_page_without_english_falls_back_to_swedish(client):
    page = make_page(title_en="", summary_en="", body_en="", title_ar="", body_ar="")
    response = client.get(f"/ar/{page.slug}/")
    assert response.status_code == 200
    assert '<article class="page" lang="sv" dir="ltr">' in response.content.decode()
    assert page.title_sv in response.content.decode()


def test_unpublished_page_is_hidden_from_visitors(client):
    page = make_page(published=False)
    assert client.get(f"/sv/{page.slug}/").status_code == 404
    home = client.get("/sv/").content.decode()
    assert page.title_sv not in home


def test_staff_can_preview_an_unpublished_page(staff_client):
    page = make_page(published=False)
    response = staff_client.get(f"/sv/{page.slug}/")
    assert response.status_code == 200
    assert "Preview" in response.content.decode() or "Förhandsvisning" in response.content.decode()


def test_home_shows_pathway_steps_in_order_linking_to_pages(client, page):
    second = make_pathway_step(order=2, title_en="Register with Boplats")
    first = make_pathway_step(order=1, title_en="Arrive in Gothenburg", page=page)
    content = client.get("/en/").content.decode()
    assert content.index(first.title_en) < content.index(second.title_en)
    assert f'href="/en/{page.slug}/"' in content


def test_page_lists_its_contact_points(client, page):
    contact = make_contact_point()
    page.contact_points.add(contact)
    content = client.get(f"/ar/{page.slug}/").content.decode()
    assert contact.name_ar in content
    assert "<bdi>031-733 30 00</bdi>" in content


def test_language_switcher_keeps_reader_on_the_same_page(client, page):
    content = client.get(f"/sv/{page.slug}/").content.decode()
    for code in ("en", "ar", "ti", "prs"):
        assert f'href="/{code}/{page.slug}/" lang="{code}" hreflang="{code}"' in content


def test_head_lists_the_real_language_versions_one_x_default_and_canonical(client):
    page = make_page(title_ti="", body_ti="")
    head = client.get(f"/ar/{page.slug}/").content.decode().split("</head>")[0]
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head)
    assert alternates == [
        *[(code, f"http://testserver/{code}/{page.slug}/") for code in ("sv", "en", "ar")],
        ("x-default", f"http://testserver/p/{page.slug}/"),
    ]
    assert f'<link rel="canonical" href="http://testserver/ar/{page.slug}/">' in head


def test_visitors_get_no_cookies(client, page):
    for url in ("/", "/sv/", f"/ar/{page.slug}/"):
        assert not client.get(url, HTTP_ACCEPT_LANGUAGE="ar").cookies, url


def test_unknown_page_is_a_404_in_the_readers_language(client):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert html_lang_dir(response) == ("ar", "rtl")


def test_unknown_language_prefix_is_a_404(client):
    assert client.get("/de/some/page/").status_code == 404
    assert client.get("/xx/", follow=True).status_code == 404


def test_server_error_page_is_in_the_readers_language(client, settings):
    from portal.database_outage import server_error

    request = client.get("/ar/").wsgi_request
    response = server_error(request)
    assert response.status_code == 500
    assert 'lang="ar" dir="rtl"' in response.content.decode()


def test_home_shows_the_first_pages_of_a_big_topic_and_links_to_the_rest(client):
    from housing_info.reader_queries import HOME_PAGES_PER_TOPIC
    from tests.factories import make_topic

    topic = make_topic()
    pages = [make_page(topic=topic, order=number) for number in range(HOME_PAGES_PER_TOPIC + 2)]
    content = client.get("/ar/").content.decode()
    shown = [page for page in pages if f'href="/ar/{page.slug}/"' in content]
    assert shown == pages[:HOME_PAGES_PER_TOPIC]
    assert f'<p class="topic__more"><a href="/ar/topics/{topic.slug}/">' in content
    listing = client.get(f"/ar/topics/{topic.slug}/").content.decode()
    assert all(f'href="/ar/{page.slug}/"' in listing for page in pages)


def test_home_links_no_more_pages_when_the_topic_is_short(client, page):
    assert "topic__more" not in client.get("/sv/").content.decode()
