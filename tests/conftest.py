import pytest

from tests.factories import make_page


@pytest.fixture
def page(db):
    return make_page()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="caseworker", password="pw", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: no page rendered by an earlier test."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()


def pytest_collection_modifyitems(config, items):
    """Skip tests marked postgres unless the suite runs on PostgreSQL."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
