"""When the database or Redis stops, against the real servers.

The test starts its own PostgreSQL cluster, its own redis-server and a gunicorn
instance with production settings, then stops and restarts each server.
"""

import time

import pytest

from tests.servers import (
    Gunicorn,
    RedisServer,
    ThrowawayPostgres,
    migrate_and_seed,
    production_environment,
)

pytestmark = [pytest.mark.postgres, pytest.mark.outage]

SEED = """
from housing_info.models import Page, Topic
topic = Topic.objects.create(slug="renting", title_sv="Hyra", title_ar="الإيجار")
for slug in ("first-hand-contract", "sublet"):
    Page.objects.create(slug=slug, topic=topic, published=True, title_sv=f"Sida {slug}",
                        summary_sv="Sammanfattning.", title_ar=f"صفحة {slug}",
                        summary_ar="ملخص.", body_ar="<p>نص.</p>")
"""


@pytest.fixture(scope="module")
def servers():
    database = ThrowawayPostgres()
    redis = RedisServer()
    app = None
    try:
        database.start()
        redis.start()
        env = production_environment(DATABASE_URL=database.url, REDIS_URL=redis.url(db=7))
        migrate_and_seed(env, SEED)
        app = Gunicorn(env)
        app.start()
        yield database, redis, app
    finally:
        if app:
            app.stop()
        redis.stop()
        database.remove()


def test_database_stopped_gives_503_in_the_readers_language_and_recovers(servers):
    database, _redis, app = servers
    client = app.client()
    assert client.get("/healthz").status == 200
    assert client.get("/ar/sublet/").status == 200

    database.stop()
    try:
        outage = client.get("/ar/topics/renting/")
        assert outage.status == 503
        assert 'lang="ar" dir="rtl"' in outage.text
        assert "Traceback" not in outage.text and "OperationalError" not in outage.text
        assert outage.headers["Retry-After"]
        assert client.get("/sv/first-hand-contract/").status == 503
        assert client.get("/healthz").status == 503
        # A page already in the shared cache is still served from Redis.
        assert client.get("/ar/sublet/").status == 200
    finally:
        database.start()

    # No restart of the app: the next requests reconnect by themselves.
    assert client.get("/healthz").status == 200
    recovered = client.get("/ar/topics/renting/")
    assert recovered.status == 200
    assert "الإيجار" in recovered.text


def test_redis_stopped_serves_pages_from_the_database_and_logs_it(servers):
    _database, redis, app = servers
    client = app.client()
    client.get("/sv/sublet/")
    assert client.get("/sv/sublet/").headers["X-Page-Cache"] == "hit"

    redis.stop()
    try:
        for path in ("/sv/sublet/", "/ar/first-hand-contract/", "/sv/"):
            response = client.get(path)
            assert response.status == 200, path
            assert "X-Page-Cache" not in response.headers, path
        assert "Redis cache unavailable" in app.output()
    finally:
        redis.start()

    # Redis is tried again a few seconds after the failure.
    deadline = time.monotonic() + 15
    while client.get("/sv/sublet/").headers.get("X-Page-Cache") != "hit":
        assert time.monotonic() < deadline, "the cache was not used again after Redis returned"
        time.sleep(0.5)
    assert "Redis cache available again" in app.output()
