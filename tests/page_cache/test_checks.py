"""portal.E001: more than one process needs the shared cache."""

import subprocess
import sys

import pytest
from django.core.checks import run_checks

from portal.settings.caches import redis_cache
from tests.fresh_interpreter import run_python
from tests.servers import ROOT, production_environment

LOCAL_MEMORY = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}


def deploy_errors():
    return [
        message.id
        for message in run_checks(include_deployment_checks=True, tags=["caches"])
        if message.is_serious()
    ]


def test_several_processes_with_caches_in_local_memory_are_refused(settings):
    settings.CACHES = LOCAL_MEMORY
    settings.WEB_CONCURRENCY = 3
    assert deploy_errors() == ["portal.E001"]


def test_one_process_may_cache_in_its_own_memory(settings):
    settings.CACHES = LOCAL_MEMORY
    settings.WEB_CONCURRENCY = 1
    assert deploy_errors() == []


def test_several_processes_sharing_redis_are_fine(settings):
    url = "redis://127.0.0.1:6379/1"
    settings.CACHES = {
        **LOCAL_MEMORY,
        "default": redis_cache(url, "x"),
        "pages": redis_cache(url, "y"),
    }
    settings.WEB_CONCURRENCY = 3
    assert deploy_errors() == []


def test_check_deploy_names_the_variables(tmp_path):
    env = production_environment(WEB_CONCURRENCY="2", DATABASE_URL=f"sqlite:///{tmp_path}/db")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "portal.E001" in result.stderr
    assert "REDIS_URL" in result.stderr and "WEB_CONCURRENCY" in result.stderr


@pytest.mark.parametrize("value", ["three", "-"])
def test_a_process_count_that_is_not_a_number_is_named(tmp_path, value):
    env = production_environment(WEB_CONCURRENCY=value, DATABASE_URL=f"sqlite:///{tmp_path}/db")
    # python -c, forked from one that has imported no settings (tests/fresh_interpreter.py).
    result = run_python("import portal.settings.production", env=env, cwd=ROOT)
    assert result.returncode != 0
    assert "WEB_CONCURRENCY must be a whole number" in result.stderr
