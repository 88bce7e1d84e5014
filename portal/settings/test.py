"""Settings for the test suite: production settings with test-only conveniences.

pytest loads this module (pyproject.toml); the tests of the settings themselves
start fresh interpreters on ``portal.settings.production`` (tests/test_settings.py).

DATABASE_URL still chooses the database, so CI runs the same suite on PostgreSQL.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from portal.settings.production import *  # noqa: E402, F403

# Tests render templates without running collectstatic first.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# First, so that its flush replaces Django's: after a test that commits, only the
# tables that hold rows are emptied (tests/database_reset/).
INSTALLED_APPS = ["tests.database_reset", *INSTALLED_APPS]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files from the finders, as runserver does; nothing is collected.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests log in with force_login or client.login without a request; axes is
# switched on by the tests of the lockout itself.
AXES_ENABLED = False
# Two-factor login is on in production; its own tests switch it on.
ADMIN_REQUIRE_2FA = False
# Plain http in tests; production redirects to https.
SECURE_SSL_REDIRECT = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory, so the live server's threads for the browser
    # tests open their own connections to the same test database.
    # One file per test run, so two runs side by side do not share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": Path(tempfile.gettempdir()) / f"housing-portal-tests-{os.getpid()}.sqlite3"
    }

# The test database is thrown away after the run: commits need not wait for the
# disk. Every test that commits (the database is emptied after each) and the
# migrations at the start commit many times; on SQLite each commit waited for
# several fsyncs, which took more time than the work on a busy machine.
_OPTIONS = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _OPTIONS["init_command"] = "PRAGMA synchronous=OFF"
elif "postgresql" in DATABASES["default"]["ENGINE"]:  # noqa: F405
    _OPTIONS["options"] = f"{_OPTIONS.get('options', '')} -c synchronous_commit=off".strip()

# Rendered PDFs go to a folder of this run's own; tasks run at once in the test
# process, even where REDIS_URL names a broker (the worker tests start their own).
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"housing-portal-media-{os.getpid()}"
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
CELERY_TASK_ALWAYS_EAGER = True

# --- One Redis database per pytest-xdist worker (issue 14, item 6) ---
# Every test starts by emptying the caches (tests/conftest.py), which on Redis is
# FLUSHDB: two workers on one database would empty each other's caches mid-test.
# Worker gwN takes the database N above the one REDIS_URL names, so
# REDIS_URL=redis://127.0.0.1:6379/7 with two workers uses databases 7 and 8
# (tests/conftest.py says so plainly when one is past the server's last).
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def redis_url_for_worker(url, worker):
    """``url`` with its database number moved up by the worker's number (gw0, gw1, ...)."""
    from urllib.parse import urlsplit, urlunsplit

    if not url or not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{database}"))


if REDIS_URL and _XDIST_WORKER:  # noqa: F405
    _shared_redis_url = REDIS_URL  # noqa: F405
    REDIS_URL = redis_url_for_worker(_shared_redis_url, _XDIST_WORKER)
    for _cache in CACHES.values():  # noqa: F405
        if _cache.get("LOCATION") == _shared_redis_url:
            _cache["LOCATION"] = REDIS_URL
    if _shared_redis_url == CELERY_BROKER_URL:  # noqa: F405
        CELERY_BROKER_URL = REDIS_URL
# --- end of one Redis database per worker ---
