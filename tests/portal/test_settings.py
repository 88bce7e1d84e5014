"""The settings, loaded from the environment in fresh interpreters (portal/settings/)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fresh_interpreter import run_python

ROOT = Path(__file__).resolve().parents[2]  # the repository: tests/portal/ is two below

PRINT_DEBUG = (
    "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
)


def start_django(code="import django; django.setup()", **env):
    """Load the production settings in a fresh interpreter with only this DJANGO_ environment.

    The interpreter is forked from one that has imported Django and the libraries
    it uses, but nothing of the portal (tests/fresh_interpreter.py).
    """
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env = {**clean, **env, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
    return run_python(code, env=env, cwd=ROOT)


@pytest.mark.parametrize(
    "env",
    [{}, {"DJANGO_SECRET_KEY": "s3cret"}, {"DJANGO_ALLOWED_HOSTS": "bostad.goteborg.se"}],
)
def test_production_refuses_to_start_without_secret_key_and_hosts(env):
    result = start_django(**env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_starts_with_secret_key_and_hosts_and_debug_off():
    result = start_django(
        PRINT_DEBUG, DJANGO_SECRET_KEY="s3cret", DJANGO_ALLOWED_HOSTS="bostad.goteborg.se"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_debug_can_be_asked_for_and_then_needs_no_secret():
    result = start_django(PRINT_DEBUG, DJANGO_DEBUG="true")
    assert result.stdout.strip() == "True", result.stderr


@pytest.mark.parametrize(
    "name", ["PUBLIC_BODY_MAX_BYTES", "ADMIN_BODY_MAX_BYTES", "TRANSLATION_IMPORT_MAX_BYTES"]
)
@pytest.mark.parametrize("value", ["eight kilobytes", "-1", "0"])
def test_a_bad_body_limit_names_the_variable(name, value):
    result = start_django(DJANGO_DEBUG="true", **{name: value})
    assert result.returncode != 0
    assert f"{name} must be a positive number of bytes" in result.stderr


def test_body_limits_come_from_the_environment():
    code = PRINT_DEBUG.replace("settings.DEBUG", "settings.PUBLIC_BODY_MAX_BYTES")
    result = start_django(code, DJANGO_DEBUG="true", PUBLIC_BODY_MAX_BYTES="4096")
    assert result.stdout.strip() == "4096", result.stderr


PRODUCTION = {"DJANGO_SECRET_KEY": "s3cret", "DJANGO_ALLOWED_HOSTS": "bostad.goteborg.se"}


def print_setting(name, **env):
    code = PRINT_DEBUG.replace("settings.DEBUG", f"settings.{name}")
    return start_django(code, **{**PRODUCTION, **env})


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DJANGO_SESSION_IDLE_MINUTES", "abc", "must be a whole number of at least 1, not 'abc'"),
        ("DJANGO_PAGE_CACHE_SECONDS", "ten", "must be a whole number of at least 0, not 'ten'"),
        ("DJANGO_SECURE_HSTS_SECONDS", "1y", "must be a whole number of at least 0, not '1y'"),
        ("DATABASE_CONN_MAX_AGE", "-1", "must be a whole number of at least 0, not '-1'"),
        ("WEB_CONCURRENCY", "three", "must be a whole number of at least 1, not 'three'"),
        ("DJANGO_DEBUG", "ture", "must be true or false (or yes/no, on/off, 1/0), not 'ture'"),
        ("DJANGO_SECURE_SSL_REDIRECT", "maybe", "must be true or false"),
        ("DJANGO_LOG_LEVEL", "loud", "must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        ("PORTAL_BASE_URL", "bostad.goteborg.se", "must be an http:// or https:// address"),
    ],
)
def test_a_typo_stops_the_start_with_one_message_naming_the_variable_and_no_traceback(
    variable, value, expected
):
    result = start_django(**PRODUCTION, **{variable: value})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"{variable} {expected}")
    assert "settings could not be read from the environment" in result.stderr


def test_manage_py_stops_on_a_bad_variable_instead_of_running_without_it():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env={**os.environ, "DJANGO_DEBUG": "true", "DJANGO_SESSION_IDLE_MINUTES": "abc"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert "DJANGO_SESSION_IDLE_MINUTES must be a whole number" in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"), [("", "False"), ("yes", "True"), ("ON", "True"), ("0", "False")]
)
def test_switches_accept_the_usual_words_and_empty_means_the_default(value, expected):
    assert print_setting("DEBUG", DJANGO_DEBUG=value).stdout.strip() == expected


def test_an_empty_variable_counts_as_unset_as_compose_passes_it():
    result = print_setting("PORTAL_BASE_URL", PORTAL_BASE_URL="", DJANGO_PAGE_CACHE_SECONDS="")
    assert result.stdout.strip() == "https://bostad.goteborg.se", result.stderr
    result = print_setting("PORTAL_BASE_URL", PORTAL_BASE_URL="https://example.org/ ")
    assert result.stdout.strip() == "https://example.org"


def test_lists_are_split_on_commas_and_stripped():
    result = print_setting("ALLOWED_HOSTS", DJANGO_ALLOWED_HOSTS=" a.se, b.se ,,")
    assert result.stdout.strip() == "['a.se', 'b.se']", result.stderr


def test_the_old_settings_module_name_is_refused_with_the_new_one():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**os.environ, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "portal.settings.production" in result.stderr.splitlines()[-1]


def test_a_bad_database_address_is_named_without_its_password():
    result = start_django(**PRODUCTION, DATABASE_URL="postgress://portal:hunter2@db/portal")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "DATABASE_URL must be a database address" in result.stderr
    assert "hunter2" not in result.stderr
