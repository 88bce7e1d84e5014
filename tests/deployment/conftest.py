import pytest

from tests.servers import scratch_database


@pytest.fixture(scope="module")
def database_url(request):
    """A database of the test module's own on the suite's PostgreSQL server, dropped afterwards."""
    with scratch_database(f"portal_{request.module.__name__.rsplit('.', 1)[-1]}") as url:
        yield url
