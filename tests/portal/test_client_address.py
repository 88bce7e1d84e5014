"""The client's address: X-Forwarded-For only from trusted proxies."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from portal.client_address import client_address, parse_networks

BALANCER = "10.0.0.2"


def request(forwarded=None, peer=BALANCER):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **headers)


@pytest.fixture
def behind_balancer(settings):
    settings.TRUSTED_PROXIES = parse_networks(["10.0.0.0/24", "fd00::/8"])
    settings.PROXY_COUNT = 0


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = ()
    assert client_address(request("203.0.113.9")) == BALANCER


def test_a_peer_that_is_not_a_trusted_proxy_is_the_client(behind_balancer):
    assert client_address(request("203.0.113.9", peer="198.51.100.4")) == "198.51.100.4"


def test_behind_a_trusted_proxy_the_right_most_entry_is_the_client(behind_balancer):
    # The first entry is whatever the client claimed; only the proxy's is trusted.
    assert client_address(request("6.6.6.6, 203.0.113.9")) == "203.0.113.9"


def test_trusted_proxies_in_the_chain_are_skipped(behind_balancer):
    assert client_address(request("6.6.6.6, 203.0.113.9, 10.0.0.7")) == "203.0.113.9"


def test_without_the_header_a_trusted_proxy_is_the_client(behind_balancer):
    assert client_address(request()) == BALANCER


def test_garbage_in_the_header_falls_back_to_the_last_trusted_hop(behind_balancer):
    assert client_address(request("not-an-address, 10.0.0.7")) == "10.0.0.7"


def test_ipv6_and_ipv4_mapped_peers(behind_balancer):
    assert client_address(request("2001:db8::1", peer="fd00::5")) == "2001:db8::1"
    assert client_address(request("203.0.113.9", peer="::ffff:10.0.0.2")) == "203.0.113.9"
    assert client_address(request(peer="::ffff:198.51.100.4")) == "198.51.100.4"


def test_proxy_count_takes_the_entry_written_by_the_outermost_proxy(behind_balancer, settings):
    # A CDN (not listed) and the balancer: the CDN wrote the client, the balancer the CDN.
    settings.PROXY_COUNT = 2
    assert client_address(request("6.6.6.6, 203.0.113.9, 192.0.2.50")) == "203.0.113.9"


def test_proxy_count_with_too_few_entries_falls_back_to_the_peer(behind_balancer, settings):
    settings.PROXY_COUNT = 2
    assert client_address(request("203.0.113.9")) == BALANCER


def test_proxy_count_is_ignored_for_a_peer_that_is_not_trusted(behind_balancer, settings):
    settings.PROXY_COUNT = 1
    assert client_address(request("6.6.6.6", peer="198.51.100.4")) == "198.51.100.4"


def test_a_bad_trusted_proxy_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_TRUSTED_PROXIES.*'10.0.0.300'"):
        parse_networks(["10.0.0.0/24", "10.0.0.300"])


def test_trusted_proxies_may_be_given_as_text(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert client_address(request("203.0.113.9")) == "203.0.113.9"
