import secrets

from tests.portal.test_settings import start_django

CHECK_DEPLOY = (
    "import sys; from django.core.management import call_command;"
    "call_command('check', deploy=True, fail_level='WARNING')"
)


def production_env(**extra):
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "bostad.goteborg.se",
        **extra,
    }


def test_production_settings_pass_the_deployment_check():
    result = start_django(f"import django; django.setup(); {CHECK_DEPLOY}", **production_env())
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_turning_off_the_https_redirect_behind_a_proxy_still_passes():
    env = production_env(
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
    )
    result = start_django(f"import django; django.setup(); {CHECK_DEPLOY}", **env)
    assert result.returncode == 0, result.stderr


def test_production_asks_for_two_factor_login_and_development_does_not():
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.ADMIN_REQUIRE_2FA)"
    )
    assert start_django(code, **production_env()).stdout.strip() == "True"
    assert start_django(code, DJANGO_DEBUG="true").stdout.strip() == "False"
