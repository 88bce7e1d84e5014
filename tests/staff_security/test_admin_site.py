"""Two-factor login to the admin when ADMIN_REQUIRE_2FA is on."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "lång lösenfras för handläggare"


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def caseworker(django_user_model):
    return django_user_model.objects.create_user(
        username="handlaggare", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def device(caseworker):
    return TOTPDevice.objects.create(user=caseworker, name="phone", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def login(client, device=None, token=""):
    return client.post(
        "/admin/login/?next=/admin/",
        {
            "username": "handlaggare",
            "password": PASSWORD,
            "otp_device": device.persistent_id if device else "",
            "otp_token": token,
        },
    )


def test_login_form_asks_for_a_one_time_password(client, two_factor):
    assert 'name="otp_token"' in client.get("/admin/login/").content.decode()


def test_password_alone_does_not_let_staff_in(client, two_factor, device):
    response = login(client)
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_wrong_code_does_not_let_staff_in(client, two_factor, device):
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    assert login(client, device, wrong).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_password_and_code_let_staff_in(client, two_factor, device):
    assert login(client, device, current_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_session_without_verification_is_refused(client, two_factor, caseworker):
    client.force_login(caseworker)
    assert client.get("/admin/").status_code == 302


def test_without_the_setting_the_password_is_enough(client, caseworker):
    assert 'name="otp_token"' not in client.get("/admin/login/").content.decode()
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "handlaggare", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_models_of_every_app_are_on_the_two_factor_site():
    from django.contrib import admin

    from staff_security.admin_site import StaffAdminSite

    assert isinstance(admin.site, StaffAdminSite)
    labels = {model._meta.label for model in admin.site._registry}
    assert {"housing_info.Page", "otp_totp.TOTPDevice", "axes.AccessAttempt"} <= labels
