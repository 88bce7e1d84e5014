"""django-axes: password guessing on the admin login is locked out, counted three ways."""

import pytest
from axes.models import AccessAttempt

from portal.client_address import parse_networks

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.2"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.STAFF_LOCKOUT_ADDRESS_LIMIT = 5
    settings.STAFF_LOCKOUT_USERNAME_LIMIT = 6


@pytest.fixture
def behind_balancer(settings):
    settings.TRUSTED_PROXIES = parse_networks([BALANCER])


@pytest.fixture
def caseworker(django_user_model):
    return django_user_model.objects.create_user(
        username="handlaggare", password="rätt lösenord", is_staff=True
    )


def attempt(client, password, address="192.0.2.10", username="handlaggare", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_guessing_locks_the_account_even_for_the_right_password(client, axes_on, caseworker):
    assert [attempt(client, "fel").status_code for _ in range(3)] == [200, 200, 429]
    locked = attempt(client, "rätt lösenord")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode() or "inloggningar" in (
        locked.content.decode()
    )
    assert client.get("/admin/").status_code == 302


def test_a_few_guesses_from_one_address_do_not_lock_out_the_caseworker_elsewhere(
    client, axes_on, caseworker
):
    for _ in range(3):
        attempt(client, "fel", address="198.51.100.7")
    assert attempt(client, "rätt lösenord", address="192.0.2.10").status_code == 302


def test_one_address_guessing_many_user_names_is_locked_out(client, axes_on, caseworker):
    statuses = [
        attempt(client, "fel", address="198.51.100.7", username=f"user{n}").status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert attempt(client, "rätt lösenord", address="198.51.100.7").status_code == 429
    # Another address is not affected.
    assert attempt(client, "rätt lösenord", address="192.0.2.10").status_code == 302


def test_one_user_name_guessed_from_many_addresses_is_locked_out(client, axes_on, caseworker):
    statuses = [attempt(client, "fel", address=f"198.51.100.{n}").status_code for n in range(6)]
    assert statuses == [200] * 5 + [429]
    assert attempt(client, "rätt lösenord", address="192.0.2.10").status_code == 429


def test_a_successful_login_clears_only_its_own_count(client, axes_on, caseworker):
    for n in range(4):
        attempt(client, "fel", address="198.51.100.7", username=f"user{n}")
    assert attempt(client, "rätt lösenord", address="198.51.100.7").status_code == 302
    client.logout()
    # The four guesses at other user names from this address still count.
    assert attempt(client, "fel", address="198.51.100.7", username="user9").status_code == 429
    assert AccessAttempt.objects.filter(username="handlaggare").count() == 0


def test_forged_forwarded_addresses_behind_the_balancer_do_not_skip_the_lockout(
    client, axes_on, behind_balancer, caseworker
):
    statuses = [
        attempt(
            client, "fel", address=BALANCER, HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.9"
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    # A caseworker behind the same balancer but at another address is not locked out.
    other = attempt(client, "rätt lösenord", address=BALANCER, HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert other.status_code == 302


def test_forged_header_sent_directly_is_ignored(client, axes_on, behind_balancer, caseworker):
    statuses = [
        attempt(client, "fel", address="203.0.113.9", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}").status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


def test_the_lockout_page_is_no_stack_trace(client, axes_on, caseworker):
    for _ in range(4):
        response = attempt(client, "fel")
    assert "Traceback" not in response.content.decode()
