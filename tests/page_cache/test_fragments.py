"""Kept template fragments ({% cache %}) never show one page's or reader's part on another.

Menus, footer, language links, the share block and the feedback form are kept
per process, keyed by what they depend on; each test asks for two requests
that share everything but one of those things, and checks the second.
"""

import pytest

from tests.factories import make_page

# Committed as in production, so that fragments are kept (see page_cache.generation).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Whole pages are not kept, so every request renders its fragments."""
    settings.PAGE_CACHE_TIMEOUT = 0


def html(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, path
    return response.content.decode()


def test_language_links_follow_the_page(client):
    first, second = make_page(), make_page()
    html(client, f"/sv/{first.slug}/")
    content = html(client, f"/sv/{second.slug}/")
    assert f'href="/ar/{second.slug}/" lang="ar" hreflang="ar"' in content
    assert f'hreflang="ti" href="http://testserver/ti/{second.slug}/"' in content
    assert first.slug not in content


def test_language_links_follow_the_query_string(client):
    html(client, "/sv/search/?q=boplats")
    content = html(client, "/sv/search/?q=hyresv%C3%A4rd")
    assert 'href="/ar/search/?q=hyresv%C3%A4rd"' in content
    assert "q=boplats" not in content


def test_language_links_follow_the_host_and_scheme(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "example.org"]
    page = make_page()
    html(client, f"/sv/{page.slug}/")
    content = html(client, f"/sv/{page.slug}/", HTTP_HOST="example.org")
    assert f'href="http://example.org/en/{page.slug}/"' in content
    assert f'hreflang="x-default" href="http://example.org/p/{page.slug}/"' in content
    secure = html(client, f"/sv/{page.slug}/", HTTP_HOST="example.org", secure=True)
    assert f'href="https://example.org/en/{page.slug}/"' in secure


def test_the_current_language_is_marked_in_each_language(client):
    page = make_page()
    html(client, f"/sv/{page.slug}/")
    content = html(client, f"/ar/{page.slug}/")
    assert f'href="/ar/{page.slug}/" lang="ar" hreflang="ar" aria-current="true"' in content
    assert f'href="/sv/{page.slug}/" lang="sv" hreflang="sv" aria-current' not in content


def test_menus_and_footer_are_in_the_readers_language(client):
    page = make_page()
    swedish = html(client, f"/sv/{page.slug}/")
    arabic = html(client, f"/ar/{page.slug}/")
    assert 'href="/sv/glossary/"' in swedish
    assert 'href="/ar/glossary/"' in arabic
    assert 'href="/sv/glossary/"' not in arabic
    assert 'href="/ar/about/accessibility/"' in arabic.split('<footer class="site-footer">')[1]


def test_share_block_follows_the_title(client):
    page = make_page(title_sv="Genomgångsbostad")
    html(client, f"/sv/{page.slug}/")
    page.title_sv = "Bostad med andrahandskontrakt"
    page.save()
    share = html(client, f"/sv/{page.slug}/").split('<section class="share"')[1]
    assert "text=Bostad%20med%20andrahandskontrakt" in share
    assert "Genomg%C3%A5ngsbostad" not in share


def test_share_block_follows_the_address(client):
    page = make_page()
    old_slug = page.slug
    html(client, f"/sv/{old_slug}/")
    page.slug = "andrahand"
    page.save()
    share = html(client, "/sv/andrahand/").split('<section class="share"')[1]
    assert "/p/andrahand/" in share
    assert f"/p/{old_slug}/" not in share


def test_share_block_is_in_the_readers_language(client):
    # Only in Swedish: a reader of Tigrinya is shown the same title.
    page = make_page(title_en="", body_en="", title_ti="", body_ti="")
    html(client, f"/sv/{page.slug}/")
    share = html(client, f"/ti/{page.slug}/").split('<section class="share"')[1]
    assert f'href="/ti/{page.slug}/print/"' in share
    assert f'href="/sv/{page.slug}/print/"' not in share


def test_feedback_form_posts_about_the_page_shown(client):
    first, second = make_page(), make_page()
    html(client, f"/ti/{first.slug}/")
    content = html(client, f"/ti/{second.slug}/")
    assert f'action="/ti/feedback/{second.slug}/"' in content
    assert f"/feedback/{first.slug}/" not in content
