from datetime import date
from random import Random
from string import ascii_lowercase

import pytest
from django.http import HttpResponse
from django.test.client import RequestFactory
from django.utils import timezone

from language_demand.counters import MAX_UNKNOWN_LANGUAGES, Counter
from language_demand.counting import client, count_page_view, is_arrival, is_reader
from language_demand.language_tags import is_known_language, primary_language
from language_demand.redis_store import RedisStore
from tests.factories import make_page

pytestmark = pytest.mark.django_db

GERMAN = "de-DE,de;q=0.9,en;q=0.5"


def pending(store):
    return {(c.language, c.page_id): n for c, n in store.pending().items()}


@pytest.mark.parametrize(
    ("referer", "arrival"),
    [
        ("", True),
        ("https://www.google.com/search?q=bostad", True),
        ("http://testserver/sv/", False),
        # Malformed addresses, on which urlsplit raises, come from no page of ours.
        ("http://[", True),
        ("https://[testserver]/sv/", True),
    ],
)
def test_a_visit_arrives_from_outside_the_portal(referer, arrival):
    headers = {"HTTP_REFERER": referer} if referer else {}
    assert is_arrival(RequestFactory().get("/sv/", **headers)) is arrival


@pytest.mark.parametrize(
    ("address", "counted_as"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),  # one client, any address in its /64
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("not an address", "not an address"),
    ],
)
def test_a_client_is_counted_by_its_address_and_an_ipv6_client_by_its_network(address, counted_as):
    assert client(RequestFactory().get("/", REMOTE_ADDR=address)) == counted_as


def test_crawlers_and_head_requests_are_not_readers():
    factory = RequestFactory()
    assert is_reader(factory.get("/sv/"))
    assert not is_reader(factory.head("/sv/"))
    assert not is_reader(factory.get("/sv/", HTTP_USER_AGENT="Googlebot/2.1"))


def test_views_of_a_missing_translation_are_counted_per_page_and_language(client, local_store):
    page = make_page(title_ti="", body_ti="")
    other = make_page(title_ti="", body_ti="")
    client.get(f"/ti/{page.slug}/")
    client.get(f"/ti/{other.slug}/")
    client.get(f"/ar/{page.slug}/")  # translated: not counted
    assert pending(local_store) == {("ti", page.pk): 1, ("ti", other.pk): 1}


def test_a_client_counts_once_a_day_per_page_and_language(client, local_store):
    page = make_page(title_ti="", body_ti="")
    for _ in range(5):
        client.get(f"/ti/{page.slug}/", REMOTE_ADDR="203.0.113.9")
    client.get(f"/ti/{page.slug}/", REMOTE_ADDR="198.51.100.7")
    assert pending(local_store) == {("ti", page.pk): 2}


@pytest.fixture(params=["local", "redis"])
def store(request):
    if request.param == "local":
        return request.getfixturevalue("local_store")
    return request.getfixturevalue("redis_store")


def test_fifty_requests_for_an_unknown_language_from_one_client_count_once(client, store):
    for _ in range(50):
        client.get("/en/", HTTP_ACCEPT_LANGUAGE="zz", REMOTE_ADDR="203.0.113.9")
    assert pending(store) == {("zz", None): 1}


def test_one_client_behind_the_proxy_is_told_apart_from_another(client, local_store, settings):
    from portal.client_address import parse_networks

    settings.TRUSTED_PROXIES = parse_networks(["10.0.0.2"])
    for address in ["203.0.113.9", "203.0.113.9", "198.51.100.7"]:
        client.get(
            "/en/",
            HTTP_ACCEPT_LANGUAGE=GERMAN,
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=address,
        )
    assert pending(local_store) == {("de", None): 2}


def test_random_codes_cannot_grow_the_counts_without_limit(store):
    """2,000 made-up codes, each from a new client: only a capped number is kept."""
    random = Random(13)
    codes = set()
    while len(codes) < 2000:
        code = "".join(random.choices(ascii_lowercase, k=random.choice([2, 3])))
        if primary_language(code) == code and not is_known_language(code):
            codes.add(code)
    page = HttpResponse("<p>page</p>")
    for number, code in enumerate(codes):
        address = f"10.{number // 65536}.{number // 256 % 256}.{number % 256}"
        request = RequestFactory().get("/en/", HTTP_ACCEPT_LANGUAGE=code, REMOTE_ADDR=address)
        count_page_view(request, page)
    assert len(store.pending()) == MAX_UNKNOWN_LANGUAGES
    if isinstance(store, RedisStore):
        # Counts, today's client hashes, today's unknown codes, the day's salt.
        assert store.client.dbsize() == 4
    # Languages that CLDR knows are never crowded out by made-up ones.
    request = RequestFactory().get("/en/", HTTP_ACCEPT_LANGUAGE="om-ET", REMOTE_ADDR="192.0.2.1")
    count_page_view(request, page)
    assert pending(store)[("om", None)] == 1


def test_a_counter_is_for_today(client, local_store):
    client.get("/en/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    assert [counter.day for counter in local_store.pending()] == [timezone.localdate()]
    assert Counter(date(2026, 11, 2), "de").field() == "2026-11-02|de|"
    assert Counter.from_field("2026-11-02|ti|7") == Counter(date(2026, 11, 2), "ti", 7)
