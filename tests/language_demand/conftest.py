import pytest

from language_demand.store import demand_store


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
