import importlib
import logging
from datetime import date

import pytest
from django.test.client import RequestFactory

from feedback import rate_limit
from feedback.models import PageFeedback
from portal.client_address import parse_networks
from tests.servers import RedisServer

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.2"


def request_from(address, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/", REMOTE_ADDR=address, **headers)


def test_one_connection_may_send_a_limited_number_of_answers():
    request = request_from("192.0.2.10")
    allowed = [rate_limit.allow(request) for _ in range(rate_limit.MAX_ANSWERS + 2)]
    assert allowed == [True] * rate_limit.MAX_ANSWERS + [False, False]


def test_other_connections_are_not_limited_by_one():
    busy = request_from("192.0.2.10")
    for _ in range(rate_limit.MAX_ANSWERS + 1):
        rate_limit.allow(busy)
    assert rate_limit.allow(request_from("192.0.2.11"))


def test_the_key_hides_the_address_and_changes_every_day():
    request = request_from("192.0.2.10")
    today = rate_limit.connection_key(request, day=date(2026, 11, 2))
    assert "192.0.2" not in today
    assert today == rate_limit.connection_key(request, day=date(2026, 11, 2))
    assert today != rate_limit.connection_key(request, day=date(2026, 11, 3))
    assert today != rate_limit.connection_key(request_from("192.0.2.11"), day=date(2026, 11, 2))


def test_over_the_limit_the_reader_is_asked_to_try_later(client, page, monkeypatch):
    monkeypatch.setattr(rate_limit, "MAX_ANSWERS", 2)
    url = f"/so/feedback/{page.slug}/"
    statuses = [
        client.post(url, {"useful": "yes"}, HTTP_ORIGIN="http://testserver").status_code
        for _ in range(3)
    ]
    assert statuses == [303, 303, 429]
    assert PageFeedback.objects.count() == 2


def test_behind_the_balancer_each_reader_has_a_budget_of_their_own(settings):
    settings.TRUSTED_PROXIES = parse_networks([BALANCER])
    first = request_from(BALANCER, "192.0.2.10")
    for _ in range(rate_limit.MAX_ANSWERS):
        assert rate_limit.allow(first)
    assert not rate_limit.allow(first)
    assert rate_limit.allow(request_from(BALANCER, "192.0.2.11"))
    # Forging an address in front of the real one changes nothing.
    assert not rate_limit.allow(request_from(BALANCER, "6.6.6.6, 192.0.2.10"))


def test_reached_directly_a_forged_header_gets_no_new_budget(settings):
    settings.TRUSTED_PROXIES = parse_networks([BALANCER])
    for n in range(rate_limit.MAX_ANSWERS):
        assert rate_limit.allow(request_from("192.0.2.10", f"6.6.6.{n}"))
    assert not rate_limit.allow(request_from("192.0.2.10", "6.6.6.99"))


def redis_backends():
    """The Redis cache backends installed here: Django's own, and the portal's if any."""
    candidates = [
        ("django.core.cache.backends.redis.RedisCache", {}),
        ("page_cache.backends.ResilientRedisCache", {"RETRY_AFTER": 5}),
        ("django_redis.cache.RedisCache", {"OPTIONS": {"IGNORE_EXCEPTIONS": True}}),
    ]
    found = []
    for backend, extra in candidates:
        module, _name = backend.rsplit(".", 1)
        try:
            importlib.import_module(module)
        except ImportError:
            continue
        found.append(pytest.param(backend, extra, id=backend.split(".")[0]))
    return found


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.outage
@pytest.mark.parametrize(("backend", "extra"), redis_backends())
def test_with_redis_stopped_feedback_is_counted_per_process_and_logged(
    client, page, settings, redis_server, caplog, monkeypatch, backend, extra
):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": backend, "LOCATION": redis_server.url(db=5), **extra},
    }
    monkeypatch.setattr(rate_limit, "MAX_ANSWERS", 3)
    monkeypatch.setattr(rate_limit, "_shared_cache_down", False)
    rate_limit._local_counts.clear()
    url = f"/so/feedback/{page.slug}/"

    def send():
        return client.post(url, {"useful": "yes"}, HTTP_ORIGIN="http://testserver").status_code

    assert send() == 303
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="feedback.rate_limit"):
        # Fails neither open nor closed: this process keeps its own count.
        assert [send() for _ in range(4)] == [303, 303, 303, 429]
    outages = [r for r in caplog.records if r.name == "feedback.rate_limit"]
    assert len(outages) == 1
    assert PageFeedback.objects.count() == 4

    redis_server.start()
    caplog.clear()
    if backend.startswith("page_cache"):
        monkeypatch.setattr("time.monotonic", lambda: 10**9)  # past its retry pause
    with caplog.at_level(logging.WARNING, logger="feedback.rate_limit"):
        # A new Redis has no counts: the connection starts afresh there.
        assert send() == 303
    assert [r.getMessage() for r in caplog.records if r.name == "feedback.rate_limit"] == [
        "Feedback rate limit: shared cache available again."
    ]
