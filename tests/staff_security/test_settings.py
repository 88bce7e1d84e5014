"""Staff-account and client-address settings from the environment: defaults and bad values."""

import pytest

from tests.portal.test_settings import start_django

PRODUCTION = {"DJANGO_SECRET_KEY": "s3cret", "DJANGO_ALLOWED_HOSTS": "bostad.goteborg.se"}
PRINT = (
    "import django; django.setup(); from django.conf import settings; "
    "from django.contrib.auth.password_validation import get_default_password_validators as v; "
    "print(settings.SESSION_IDLE_SECONDS, settings.SESSION_ABSOLUTE_SECONDS, "
    "settings.SESSION_COOKIE_AGE, [getattr(x, 'min_length', None) for x in v()][1], "
    "settings.TRUSTED_PROXIES, settings.PROXY_COUNT)"
)


def test_defaults_are_30_minutes_idle_12_hours_at_most_and_12_character_passwords():
    result = start_django(PRINT, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1800", "43200", "43200", "12", "()", "0"]


def test_limits_and_proxies_come_from_the_environment():
    result = start_django(
        PRINT,
        **PRODUCTION,
        DJANGO_SESSION_IDLE_MINUTES="15",
        DJANGO_SESSION_MAX_HOURS="8",
        DJANGO_TRUSTED_PROXIES="10.0.0.0/24, 10.0.1.5",
        DJANGO_PROXY_COUNT="2",
    )
    assert result.returncode == 0, result.stderr
    assert "900 28800 28800 12" in result.stdout
    assert "IPv4Network('10.0.1.5/32')" in result.stdout and result.stdout.split()[-1] == "2"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DJANGO_SESSION_IDLE_MINUTES", "half an hour"),
        ("DJANGO_SESSION_MAX_HOURS", "0"),
        ("DJANGO_AXES_FAILURE_LIMIT", "-1"),
        ("DJANGO_AXES_ADDRESS_FAILURE_LIMIT", "many"),
        ("DJANGO_TRUSTED_PROXIES", "10.0.0.0/33"),
        ("DJANGO_PROXY_COUNT", "one"),
    ],
)
def test_a_bad_value_names_the_variable(variable, value):
    result = start_django(**PRODUCTION, **{variable: value})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and variable in result.stderr.splitlines()[-1]


def test_a_proxy_count_without_trusted_proxies_is_refused():
    result = start_django(**PRODUCTION, DJANGO_PROXY_COUNT="1")
    assert result.returncode != 0
    last_line = result.stderr.splitlines()[-1]
    assert "DJANGO_PROXY_COUNT" in last_line and "DJANGO_TRUSTED_PROXIES" in last_line
