"""Two-factor login to the admin when ADMIN_REQUIRE_2FA is on."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
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


def login(client, token="", password=PASSWORD, username="handlaggare"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "otp_token": token},
    )


def wrong(code):
    return f"{(int(code) + 1) % 1_000_000:06d}"


def page_without_token(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_login_form_asks_for_password_and_code_at_once(client, two_factor):
    form = client.get("/admin/login/").content.decode()
    assert 'name="password"' in form and 'name="otp_token"' in form
    assert 'name="otp_device"' not in form and "otp_challenge" not in form


def test_password_alone_does_not_let_staff_in(client, two_factor, device):
    response = login(client)
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_wrong_code_does_not_let_staff_in(client, two_factor, device):
    assert login(client, wrong(current_code(device))).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_password_and_code_let_staff_in(client, two_factor, device):
    assert login(client, current_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_backup_code_lets_staff_in_once_and_leaves_the_app_unthrottled(
    client, two_factor, caseworker, device
):
    backup = StaticDevice.objects.create(user=caseworker, name="backup", confirmed=True)
    backup.token_set.create(token="kx7mq2ab")
    assert login(client, "kx7m q2ab").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0
    client.logout()
    assert login(client, "kx7mq2ab").status_code == 200


def test_the_answer_does_not_tell_a_right_password_from_a_wrong_one(client, two_factor, device):
    code = current_code(device)
    answers = [
        login(client, code, password="fel lösenord som gissas"),
        login(client, wrong(code)),
        login(client, ""),
        login(client, "not-a-backup-code"),
    ]
    assert {response.status_code for response in answers} == {200}
    pages = {page_without_token(response) for response in answers}
    assert len(pages) == 1
    (page,) = pages
    assert "code is not right" in page or "koden är fel" in page
    # No device names, and the password is never written back into the form.
    assert "phone" not in page and PASSWORD not in page


def test_a_user_who_is_not_staff_gets_the_same_answer(client, two_factor, django_user_model):
    visitor = django_user_model.objects.create_user(username="besokare", password=PASSWORD)
    phone = TOTPDevice.objects.create(user=visitor, name="phone", confirmed=True)
    response = login(client, current_code(phone), username="besokare")
    assert response.status_code == 200
    assert "code is not right" in response.content.decode() or "koden är fel" in (
        response.content.decode()
    )


def test_a_wrong_code_counts_towards_the_lockout_like_a_wrong_password(
    client, two_factor, device, settings
):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    code = current_code(device)
    statuses = [login(client, wrong(code)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert login(client, code).status_code == 429


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
