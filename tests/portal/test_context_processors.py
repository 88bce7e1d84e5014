import pytest

pytestmark = pytest.mark.django_db


def test_language_switcher_keeps_the_query_string(client):
    content = client.get("/sv/search/", {"q": "bostadskö"}).content.decode()
    assert 'href="/ar/search/?q=bostadsk%C3%B6"' in content
