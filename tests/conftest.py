from collections import Counter

import pytest
from django.conf import settings

from tests import worker_groups
from tests.factories import make_page

# --- Parallel runs (pytest-xdist with --dist loadgroup; README, "Running the tests") ---
# Which tests share a worker, and why: tests/worker_groups.py.


@pytest.hookimpl(trylast=True)  # after pytest-xdist's, which registers its controller
def pytest_configure(config):
    worker_groups.start_controller(config)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return worker_groups.make_scheduler(config, log)
    return None


def pytest_collection_modifyitems(config, items):
    # Work is handed out by node id: of tests sharing one, only the first would
    # run, silently (schemathesis's @schema.parametrize() does that on pytest 9;
    # tests/partner_api/test_schema.py shows the way).
    counts = Counter(item.nodeid for item in items)
    if duplicated := sorted(nodeid for nodeid, count in counts.items() if count > 1):
        raise pytest.UsageError(f"tests share a node id: {', '.join(duplicated)}")
    worker_groups.write_groups(config, items)
    # pytest-django runs the tests in a test transaction first, then those that
    # commit (each empties the database, migrations' data too). Tests reading what
    # a module fixture committed are in a test transaction, but the fixture empties
    # the database after their module: they go first among those that commit.
    reading = [item for item in items if worker_groups.reads_committed_module_data(item)]
    if reading:
        rest = [item for item in items if not worker_groups.reads_committed_module_data(item)]
        first_late = next(
            (i for i, item in enumerate(rest) if not worker_groups.in_test_transaction(item)),
            len(rest),
        )
        items[:] = rest[:first_late] + reading + rest[first_late:]


def pytest_sessionstart(session):
    """With REDIS_URL, stop at once if the last worker's Redis database does not exist.

    Each worker uses its own database, numbered up from REDIS_URL's
    (portal/settings/test.py); the caches ignore Redis errors, so without this
    check a database past the server's last would only show as odd cache misses.
    The controller checks, before it starts any worker.
    """
    url = getattr(settings, "REDIS_URL", "")
    if not url or hasattr(session.config, "workerinput"):
        return
    import redis

    from portal.settings.test import redis_url_for_worker

    workers = len(getattr(session.config.option, "tx", None) or [])
    last = redis_url_for_worker(url, f"gw{max(workers - 1, 0)}")
    try:
        redis.Redis.from_url(last, socket_connect_timeout=2).ping()
    except redis.ResponseError as error:
        pytest.exit(
            f"Redis at {last}: {error}. Each pytest-xdist worker uses its own Redis "
            f"database, counting up from the one REDIS_URL names ({url}): name a "
            "lower one, or run fewer workers (-n).",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )
    except redis.ConnectionError:
        pass  # An outage of the shared Redis is the caches' own business, and tests'.


# --- end of parallel runs ---


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
    _load_demo_snapshot()


@pytest.fixture
def demo_questions(demo_snapshot):
    """The demo question flow, its rules linked to the demo pages."""
    from smart_answers.demo_questions import load_demo_questions

    loaded = load_demo_questions()
    assert not loaded.missing, loaded.missing


def _shared_transaction(django_db_blocker, name, others):
    """A transaction around a group of tests (``yield`` inside it), for data they only read.

    As Django's ``TestCase.setUpTestData``: what a fixture of the group's scope
    writes inside it is there for every test of the group, each of which runs in
    a savepoint of its own inside it (the ``db`` fixture) and is rolled back as
    usual, so every test sees the data as written; the whole transaction is rolled
    back after the group's last test. ``others``: the group's tests that do not
    take the fixture ``name``; there must be none, as they would see the data too.
    """
    from django.db import transaction

    if others:
        pytest.fail(f"{name}: every test of its module or class must use it, not {others}")
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_transaction(request, django_db_setup, django_db_blocker):
    """A transaction around all of a module's tests, for data they only read
    (``_shared_transaction``).

    Module-scoped, so the module's tests run one after another on one worker
    (tests/worker_groups.py). Every test of the module must take it.
    """
    others = [
        item.name
        for item in request.session.items
        if item.module is request.module and "module_transaction" not in item.fixturenames
    ]
    yield from _shared_transaction(django_db_blocker, "module_transaction", others)


@pytest.fixture(scope="class")
def class_transaction(request, django_db_setup, django_db_blocker):
    """A transaction around all of a test class's tests, for data they only read
    (``_shared_transaction``): as ``module_transaction``, for a module whose other
    tests must not see that data. Every test of the class must take it.
    """
    others = [
        item.name
        for item in request.session.items
        if item.cls is request.cls and "class_transaction" not in item.fixturenames
    ]
    yield from _shared_transaction(django_db_blocker, "class_transaction", others)


def _load_demo_snapshot():
    from pathlib import Path

    from translation_workflow.services import load_demo_content

    load_demo_content(Path(__file__).resolve().parent / "data" / "demo_snapshot")


@pytest.fixture(scope="module")
def module_demo_snapshot(module_transaction, django_db_blocker):
    """The frozen demo content, written once for a module whose tests only read it.

    A module asks for it by overriding ``demo_snapshot`` with a fixture that takes
    it and ``db``; loading it for each test costs a second a test on PostgreSQL.
    """
    with django_db_blocker.unblock():
        _load_demo_snapshot()


@pytest.fixture(scope="class")
def class_demo_snapshot(class_transaction, django_db_blocker):
    """The frozen demo content, written once for a test class whose tests only read
    it (or change it inside their own test, which is rolled back). The class asks
    for it by deriving from ``ReadingTheDemoContent``."""
    with django_db_blocker.unblock():
        _load_demo_snapshot()


@pytest.fixture(scope="class")
def class_demo_questions(class_demo_snapshot, django_db_blocker):
    """The demo question flow on the demo content, written once for a test class
    (``ReadingTheDemoFlow``), as ``class_demo_snapshot``."""
    from smart_answers.demo_questions import load_demo_questions

    with django_db_blocker.unblock():
        loaded = load_demo_questions()
        assert not loaded.missing, loaded.missing


class ReadingTheDemoContent:
    """Base of test classes whose tests read the demo content: written once for the
    class (``class_demo_snapshot``) instead of once a test, which cost about half a
    second a test on PostgreSQL. Every test of the class takes ``demo_snapshot``
    (or ``demo_questions``), as it would outside the class.
    """

    @pytest.fixture
    def demo_snapshot(self, class_demo_snapshot, db):
        return None


class ReadingTheDemoFlow(ReadingTheDemoContent):
    """As ``ReadingTheDemoContent``, with the demo question flow (``demo_questions``)."""

    @pytest.fixture
    def demo_questions(self, class_demo_questions, db):
        return None


def _record_no_form_widget_templates():
    """Django's own form and widget templates (``django/forms/``) render without a signal.

    The test environment sends a signal for every template it renders, and the
    test client records each with a copy of its context (``response.templates``,
    ``response.context``). Form and widget templates are rendered once per field,
    label, error list and option: an admin change form in twelve languages renders
    about a thousand of them. Copying their contexts took a third of its time in a
    test, and sending the signal for them a tenth. No test reads them:
    ``response.context`` still holds every other template's context (the admin's
    ``adminform``, a view's own), as before.

    pytest-django installs ``instrumented_test_render`` when the session starts,
    after this module is imported: it installs this one.
    """
    from django.test import utils

    instrumented = utils.instrumented_test_render
    if getattr(instrumented, "skips_form_templates", False):
        return

    def instrumented_test_render(self, context):
        if (self.name or "").startswith("django/forms/"):
            return self.nodelist.render(context)
        return instrumented(self, context)

    instrumented_test_render.skips_form_templates = True
    utils.instrumented_test_render = instrumented_test_render


_record_no_form_widget_templates()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: no page rendered by an earlier test."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
