"""django-axes: password guessing on the admin login is locked out."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def caseworker(django_user_model):
    return django_user_model.objects.create_user(
        username="handlaggare", password="rätt lösenord", is_staff=True
    )


def attempt(client, password, address="192.0.2.10"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "handlaggare", "password": password},
        REMOTE_ADDR=address,
    )


def test_guessing_locks_the_account_even_for_the_right_password(client, axes_on, caseworker):
    assert [attempt(client, "fel").status_code for _ in range(3)] == [200, 200, 429]
    locked = attempt(client, "rätt lösenord")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode() or "inloggningar" in (
        locked.content.decode()
    )
    assert client.get("/admin/").status_code == 302


def test_lockout_is_per_address_so_an_attacker_cannot_lock_out_the_caseworker(
    client, axes_on, caseworker
):
    for _ in range(3):
        attempt(client, "fel", address="198.51.100.7")
    assert attempt(client, "rätt lösenord", address="192.0.2.10").status_code == 302


def test_the_lockout_page_is_no_stack_trace(client, axes_on, caseworker):
    for _ in range(4):
        response = attempt(client, "fel")
    assert "Traceback" not in response.content.decode()
