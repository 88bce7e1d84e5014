"""Staff sessions end after 30 minutes idle and 12 hours after the login (ASVS L2)."""

import pytest

from staff_security import session_limits

pytestmark = pytest.mark.django_db

MINUTE = 60
HOUR = 60 * MINUTE


class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def time(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(session_limits, "time", clock)
    return clock


def admin_status(client):
    return client.get("/admin/").status_code


def test_a_session_survives_while_used_and_ends_after_30_idle_minutes(staff_client, clock):
    assert admin_status(staff_client) == 200
    for _ in range(4):
        clock.advance(29 * MINUTE)
        assert admin_status(staff_client) == 200
    clock.advance(30 * MINUTE)
    response = staff_client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # Logged out for good, not only for that one request.
    clock.advance(1)
    assert admin_status(staff_client) == 302


def test_a_session_ends_12_hours_after_the_login_however_busy(staff_client, clock):
    assert admin_status(staff_client) == 200
    for _ in range(int(12 * HOUR / (20 * MINUTE)) - 1):
        clock.advance(20 * MINUTE)
        assert admin_status(staff_client) == 200
    clock.advance(20 * MINUTE)
    assert admin_status(staff_client) == 302


def test_the_limits_come_from_the_settings(staff_client, clock, settings):
    settings.SESSION_IDLE_SECONDS = 5 * MINUTE
    assert admin_status(staff_client) == 200
    clock.advance(4 * MINUTE)
    assert admin_status(staff_client) == 200
    clock.advance(5 * MINUTE)
    assert admin_status(staff_client) == 302


def test_the_last_request_time_is_written_at_most_once_a_minute(staff_client, clock):
    staff_client.get("/admin/")
    first_seen = staff_client.session[session_limits.SEEN_AT]
    clock.advance(30)
    staff_client.get("/admin/")
    assert staff_client.session[session_limits.SEEN_AT] == first_seen
    clock.advance(31)
    staff_client.get("/admin/")
    assert staff_client.session[session_limits.SEEN_AT] == clock.now


def test_logging_in_through_the_form_starts_the_clock(client, django_user_model, clock):
    django_user_model.objects.create_user(
        username="handlaggare", password="lång lösenfras för handläggare", is_staff=True
    )
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "handlaggare", "password": "lång lösenfras för handläggare"},
    )
    assert response.status_code == 302
    assert client.session[session_limits.LOGIN_AT] == clock.now


def test_visitors_get_no_session(client, page, clock):
    response = client.get(f"/sv/{page.slug}/")
    assert response.status_code == 200
    assert not response.cookies
    # The session was not even looked at, so the page stays cacheable for everyone.
    assert "Cookie" not in response.get("Vary", "")
