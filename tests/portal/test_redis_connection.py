"""django-redis with the outage-aware connection, against a real redis-server the test stops."""

import logging
import time

import pytest
from django.core.cache import caches

from page_cache import generation
from portal.settings.caches import redis_cache
from tests.servers import RedisServer, free_port

pytestmark = pytest.mark.outage


def redis_caches(url, retry_after=0):
    """The portal's cache aliases on ``url``; by default Redis is tried again at once."""
    return {
        "default": redis_cache(url, "test", retry_after=retry_after),
        "pages": redis_cache(url, "test:pages", retry_after=retry_after),
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def stopped_port_cache(settings):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{free_port()}/7", retry_after=60)
    return caches["pages"]


def test_unreachable_redis_gives_misses_and_logs_once(stopped_port_cache, caplog):
    with caplog.at_level(logging.ERROR):
        assert stopped_port_cache.get("key", "default") == "default"
        stopped_port_cache.set("key", "value")
        assert not stopped_port_cache.add("key", "value")
        assert stopped_port_cache.get_many(["key"]) == {}
        assert stopped_port_cache.incr("counter") is None
    outages = [record for record in caplog.records if "unavailable" in record.getMessage()]
    assert len(outages) == 1
    # Connection failures are not logged again for each call (django-redis's own log).
    assert not [record for record in caplog.records if record.name.startswith("django_redis")]


def test_an_unreachable_redis_is_left_alone_for_a_while(settings, redis_server, caplog):
    settings.CACHES = redis_caches(redis_server.url(db=7), retry_after=1)
    cache = caches["pages"]
    cache.set("greeting", "سلام")
    redis_server.stop()
    with caplog.at_level(logging.WARNING):
        assert cache.get("greeting") is None
        redis_server.start()
        # Back already, but not tried again before the second is over.
        assert cache.get("greeting") is None
        time.sleep(1.1)
        cache.set("greeting", "hej")
        assert cache.get("greeting") == "hej"
    messages = [record.getMessage() for record in caplog.records]
    assert sum("Redis cache unavailable" in message for message in messages) == 1
    assert sum("Redis cache available again" in message for message in messages) == 1


@pytest.mark.django_db(transaction=True)
def test_pages_are_served_from_the_database_when_redis_is_unreachable(
    page, stopped_port_cache, client, caplog
):
    with caplog.at_level(logging.ERROR, logger="page_cache"):
        for _ in range(2):
            response = client.get(f"/ar/{page.slug}/")
            assert response.status_code == 200
            assert page.title_ar in response.content.decode()
            assert "X-Page-Cache" not in response
    assert "Redis cache unavailable" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_stopping_and_restarting_redis(settings, redis_server, client, page, caplog):
    settings.CACHES = redis_caches(redis_server.url(db=7))
    client.get(f"/sv/{page.slug}/")
    assert client.get(f"/sv/{page.slug}/")["X-Page-Cache"] == "hit"

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="page_cache"):
        response = client.get(f"/sv/{page.slug}/")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        # An edit while Redis is down is not forgotten when it returns.
        page.title_sv = "Ändrad under avbrottet"
        page.save()
        assert generation._pending_bump
        redis_server.start()
        client.get(f"/sv/{page.slug}/")
        again = client.get(f"/sv/{page.slug}/")
    assert again["X-Page-Cache"] == "hit"
    assert "Ändrad under avbrottet" in again.content.decode()
    assert not generation._pending_bump
    assert "Redis cache unavailable" in caplog.text
    assert "Redis cache available again" in caplog.text


def test_django_redis_keeps_one_client_for_every_call(settings, redis_server):
    # Django's own RedisCache built a new redis.Redis for every call, which took
    # longer than the round trip; django-redis keeps one per cache and thread.
    settings.CACHES = redis_caches(redis_server.url())
    cache = caches["pages"]
    cache.set("greeting", "سلام")
    writer, reader = cache.client.get_client(write=True), cache.client.get_client(write=False)

    assert cache.get("greeting") == "سلام"
    assert cache.get_many(["greeting", "missing"]) == {"greeting": "سلام"}
    assert writer is reader is cache.client.get_client(write=True)
