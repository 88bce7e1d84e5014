import pytest
from django.utils import translation

from accessibility.views import DIGG_COMPLAINT_URL, STATEMENT_DATE
from portal.dates import reader_date
from tests.factories import make_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["sv", "ar", "prs", "ti", "so", "uk", "ckb", "kmr"])
def test_statement_answers_in_every_language_with_what_the_law_asks_for(client, settings, code):
    response = client.get(f"/{code}/about/accessibility/")
    assert response.status_code == 200
    content = response.content.decode()
    with translation.override(code):
        title = translation.gettext("Accessibility statement")
        date = reader_date(STATEMENT_DATE)
    assert f"<h1>{title}</h1>" in content
    assert f'href="mailto:{settings.ACCESSIBILITY_CONTACT_EMAIL}"' in content
    assert f'href="{DIGG_COMPLAINT_URL}"' in content
    assert "WCAG 2.1" in content
    assert f'<time datetime="{STATEMENT_DATE:%Y-%m-%d}">{date}</time>' in content


def test_contact_address_comes_from_settings(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tillganglighet@example.se"
    assert (
        "mailto:tillganglighet@example.se"
        in client.get("/en/about/accessibility/").content.decode()
    )


def test_latin_terms_in_the_arabic_statement_are_isolated(client):
    content = client.get("/ar/about/accessibility/").content.decode()
    assert '<bdi dir="ltr">EN 301 549</bdi>' in content
    assert '<bdi dir="ltr">SFS 2018:1937</bdi>' in content


@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_every_page_links_to_the_statement_from_its_footer(client, code):
    page = make_page()
    link = f'<a href="/{code}/about/accessibility/">'
    for path in (
        f"/{code}/",
        f"/{code}/{page.slug}/",
        f"/{code}/{page.topic.get_absolute_url()[len(code) + 2 :]}",
        f"/{code}/no-such-page/",
    ):
        footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
        assert link in footer, path


def test_language_chooser_links_to_the_statement(client):
    content = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'href="/sv/about/accessibility/"' in content
    assert 'href="/en/about/accessibility/"' in content


def test_server_error_page_links_to_the_statement(client):
    from portal.database_outage import server_error

    request = client.get("/ar/").wsgi_request
    content = server_error(request).content.decode()
    assert 'href="/ar/about/accessibility/"' in content
    assert '<bdi dir="ltr">031-365 00 00</bdi>' in content


def test_statement_sets_no_cookies(client):
    assert not client.get("/ar/about/accessibility/").cookies
