import pytest
from django.test.client import RequestFactory

from feedback.origin import is_same_origin


@pytest.mark.parametrize(
    ("headers", "same"),
    [
        ({"HTTP_ORIGIN": "http://testserver"}, True),
        ({"HTTP_ORIGIN": "http://testserver:8080"}, False),
        ({"HTTP_ORIGIN": "https://testserver"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({"HTTP_REFERER": "http://testserver/ar/page/"}, True),
        ({"HTTP_REFERER": "http://testserver.evil.example/"}, False),
        ({"HTTP_REFERER": "not a url"}, False),
        # Malformed addresses, on which urlsplit raises: refused, not a server error.
        ({"HTTP_REFERER": "http://["}, False),
        ({"HTTP_REFERER": "http://[testserver]/ar/page/"}, False),
        ({"HTTP_REFERER": "http://testserver]/"}, False),
        ({}, False),
    ],
)
def test_only_the_portal_itself_is_the_same_origin(headers, same):
    assert is_same_origin(RequestFactory().post("/", **headers)) is same


def test_trusted_origins_from_the_settings_count(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://bostad.goteborg.se"]
    request = RequestFactory().post("/", HTTP_ORIGIN="https://bostad.goteborg.se")
    assert is_same_origin(request)
