from django.test import RequestFactory

from staff_security.client_address import client_address


def request(forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", **headers)


def test_without_proxies_the_peer_is_the_client(settings):
    settings.PROXY_COUNT = 0
    assert client_address(request("203.0.113.9")) == "10.0.0.2"


def test_behind_one_proxy_the_last_forwarded_address_is_the_client(settings):
    settings.PROXY_COUNT = 1
    # The first entry is whatever the client claimed; only the proxy's is trusted.
    assert client_address(request("6.6.6.6, 203.0.113.9")) == "203.0.113.9"


def test_a_missing_forwarded_header_falls_back_to_the_peer(settings):
    settings.PROXY_COUNT = 2
    assert client_address(request("203.0.113.9")) == "10.0.0.2"
