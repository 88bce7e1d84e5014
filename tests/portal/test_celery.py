"""The Celery app and its settings, read from the environment in a fresh interpreter."""

import json

import pytest

from tests.portal.test_settings import start_django

PRODUCTION = {"DJANGO_SECRET_KEY": "s3cret", "DJANGO_ALLOWED_HOSTS": "bostad.goteborg.se"}
SHOW_CONFIG = """
import json, django
django.setup()
from portal import celery_app as app
app.loader.import_default_modules()
conf = app.conf
print(json.dumps({
    "broker": conf.broker_url, "eager": conf.task_always_eager,
    "soft": conf.task_soft_time_limit, "hard": conf.task_time_limit,
    "concurrency": conf.worker_concurrency, "prefetch": conf.worker_prefetch_multiplier,
    "tasks": sorted(name for name in app.tasks if not name.startswith("celery.")),
}))
"""


def celery_config(**env):
    clean = {"CELERY_BROKER_URL": "", "REDIS_URL": "", **PRODUCTION, **env}
    result = start_django(SHOW_CONFIG, **clean)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_broker_tasks_run_at_once_in_the_web_process():
    config = celery_config()
    assert config["eager"] is True
    assert "sharing.render_stored_pdf" in config["tasks"]


def test_the_broker_is_celery_broker_url_or_else_redis_url():
    assert celery_config(REDIS_URL="redis://cache:6379/0")["broker"] == "redis://cache:6379/0"
    config = celery_config(
        REDIS_URL="redis://cache:6379/0", CELERY_BROKER_URL="redis://queue:6379/1"
    )
    assert config["broker"] == "redis://queue:6379/1"
    assert config["eager"] is False


def test_time_limits_and_a_bounded_pool_by_default_and_from_the_environment():
    config = celery_config()
    assert (config["soft"], config["hard"], config["concurrency"]) == (30, 45, 2)
    assert config["prefetch"] == 1
    config = celery_config(
        CELERY_TASK_SOFT_TIME_LIMIT="10", CELERY_TASK_TIME_LIMIT="20", CELERY_WORKER_CONCURRENCY="4"
    )
    assert (config["soft"], config["hard"], config["concurrency"]) == (10, 20, 4)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CELERY_WORKER_CONCURRENCY", "two"),
        ("CELERY_WORKER_CONCURRENCY", "0"),
        ("CELERY_TASK_SOFT_TIME_LIMIT", "-5"),
        ("CELERY_TASK_TIME_LIMIT", "1.5"),
        ("PDF_MAX_HTML_BYTES", "lots"),
    ],
)
def test_a_bad_value_stops_the_start_with_an_error_naming_the_variable(name, value):
    result = start_django(**PRODUCTION, **{name: value})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{name} must be a whole number" in result.stderr


def test_the_hard_time_limit_must_leave_room_after_the_soft_one():
    result = start_django(
        **PRODUCTION, CELERY_TASK_SOFT_TIME_LIMIT="60", CELERY_TASK_TIME_LIMIT="60"
    )
    assert result.returncode != 0
    assert "CELERY_TASK_TIME_LIMIT must be larger than CELERY_TASK_SOFT_TIME_LIMIT" in result.stderr
