"""The Redis cache backend against a real redis-server that the test stops."""

import logging

import pytest
from django.core.cache import caches

from tests.servers import RedisServer, free_port

pytestmark = pytest.mark.outage


def redis_cache_settings(url):
    return {
        "default": {
            "BACKEND": "page_cache.backends.ResilientRedisCache",
            "LOCATION": url,
            # Try Redis again at once after a failure, so the test need not wait.
            "RETRY_AFTER": 0,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def stopped_port_cache(settings):
    settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{free_port()}/7")
    return caches["default"]


def test_unreachable_redis_gives_misses_and_logs_once(stopped_port_cache, caplog):
    with caplog.at_level(logging.ERROR, logger="page_cache.backends"):
        assert stopped_port_cache.get("key", "default") == "default"
        stopped_port_cache.set("key", "value")
        assert stopped_port_cache.add("key", "value") is False
        assert stopped_port_cache.get_many(["key"]) == {}
        assert stopped_port_cache.incr("counter") is None
    assert not stopped_port_cache.available
    outages = [record for record in caplog.records if "unavailable" in record.getMessage()]
    assert len(outages) == 1


@pytest.mark.django_db
def test_pages_are_served_from_the_database_when_redis_is_unreachable(
    page, stopped_port_cache, client, caplog
):
    with caplog.at_level(logging.ERROR, logger="page_cache.backends"):
        for _ in range(2):
            response = client.get(f"/ar/{page.slug}/")
            assert response.status_code == 200
            assert page.title_ar in response.content.decode()
            assert "X-Page-Cache" not in response
    assert "Redis cache unavailable" in caplog.text


@pytest.mark.django_db
def test_stopping_and_restarting_redis(settings, redis_server, client, page, caplog):
    settings.CACHES = redis_cache_settings(redis_server.url(db=7))
    client.get(f"/sv/{page.slug}/")
    assert client.get(f"/sv/{page.slug}/")["X-Page-Cache"] == "hit"

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="page_cache"):
        response = client.get(f"/sv/{page.slug}/")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        # An edit while Redis is down is not forgotten when it returns.
        page.title_sv = "Ändrad under avbrottet"
        page.save()
        redis_server.start()
        client.get(f"/sv/{page.slug}/")
        again = client.get(f"/sv/{page.slug}/")
    assert again["X-Page-Cache"] == "hit"
    assert "Ändrad under avbrottet" in again.content.decode()
    assert "Redis cache unavailable" in caplog.text
    assert "Redis cache available again" in caplog.text


def test_one_redis_client_serves_every_call(settings, redis_server):
    settings.CACHES = redis_cache_settings(redis_server.url())
    cache = caches["default"]

    cache.set("greeting", "سلام")
    writer, reader = cache._cache.get_client(write=True), cache._cache.get_client()

    assert cache.get("greeting") == "سلام"
    assert cache.get_many(["greeting", "missing"]) == {"greeting": "سلام"}
    assert writer is reader
