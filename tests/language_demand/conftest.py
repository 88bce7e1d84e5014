import pytest

from language_demand.redis_store import RedisStore
from language_demand.store import demand_store
from tests.servers import RedisServer


@pytest.fixture(autouse=True)
def local_store(settings):
    """Counts in this process's memory, empty for each test, whatever REDIS_URL says.

    The tests that need Redis start a redis-server of their own (test_store.py).
    """
    settings.REDIS_URL = ""
    store = demand_store()
    store.reset()
    yield store
    store.reset()


@pytest.fixture(scope="session")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_store(redis_server, settings):
    """The store in a real redis-server of our own (DB 2), empty, used by page views too."""
    settings.REDIS_URL = redis_server.url(db=2)
    store = demand_store()
    assert isinstance(store, RedisStore)
    store.client.flushdb()  # our own throwaway server, never the machine's
    store.memo.clear()
    store.salt = (None, None, 0.0)
    return store
