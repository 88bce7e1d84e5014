import os
import subprocess
import sys

import pytest

PRINT_DEBUG = (
    "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
)


def start_django(code="import django; django.setup()", **env):
    """Load the production settings in a fresh interpreter with only this DJANGO_ environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
    )


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
