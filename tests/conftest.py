import pytest
from django.conf import settings

from tests.factories import make_page


def pytest_runtest_setup(item):
    """Tests marked postgres skip unless the suite runs on PostgreSQL."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if item.get_closest_marker("postgres") and "postgresql" not in engine:
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


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


@pytest.fixture
def demo_snapshot(db):
    """The frozen demo content in tests/data/demo_snapshot, in every language."""
    from pathlib import Path

    from translation_workflow.services import load_demo_content

    load_demo_content(Path(__file__).resolve().parent / "data" / "demo_snapshot")


@pytest.fixture
def demo_questions(demo_snapshot):
    """The demo question flow, its rules linked to the demo pages."""
    from smart_answers.demo_questions import load_demo_questions

    loaded = load_demo_questions()
    assert not loaded.missing, loaded.missing


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: no page rendered by an earlier test."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
