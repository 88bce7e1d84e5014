import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no connection counted by the rate limit."""
    cache.clear()
    yield
    cache.clear()
