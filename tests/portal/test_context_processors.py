import pytest

pytestmark = pytest.mark.django_db


def test_language_switcher_keeps_the_query_string(client):
    content = client.get("/sv/search/", {"q": "bostadskö"}).content.decode()
    assert 'href="/ar/search/?q=bostadsk%C3%B6"' in content


def test_a_path_no_url_parser_reads_gets_a_not_found_page_whose_switcher_links_home(client):
    # As a server passes the path on: the test client would read "//[" as a host.
    response = client.get("/", PATH_INFO="//[.xml", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'href="/ar/"' in content
    assert 'href="/ti/"' in content
