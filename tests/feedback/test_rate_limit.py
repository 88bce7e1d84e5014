from datetime import date

import pytest
from django.test.client import RequestFactory

from feedback import rate_limit
from feedback.models import PageFeedback

pytestmark = pytest.mark.django_db


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_one_connection_may_send_a_limited_number_of_answers():
    request = request_from("192.0.2.10")
    allowed = [rate_limit.allow(request) for _ in range(rate_limit.MAX_ANSWERS + 2)]
    assert allowed == [True] * rate_limit.MAX_ANSWERS + [False, False]


def test_other_connections_are_not_limited_by_one():
    busy = request_from("192.0.2.10")
    for _ in range(rate_limit.MAX_ANSWERS + 1):
        rate_limit.allow(busy)
    assert rate_limit.allow(request_from("192.0.2.11"))


def test_the_key_hides_the_address_and_changes_every_day():
    request = request_from("192.0.2.10")
    today = rate_limit.connection_key(request, day=date(2026, 11, 2))
    assert "192.0.2" not in today
    assert today == rate_limit.connection_key(request, day=date(2026, 11, 2))
    assert today != rate_limit.connection_key(request, day=date(2026, 11, 3))
    assert today != rate_limit.connection_key(request_from("192.0.2.11"), day=date(2026, 11, 2))


def test_over_the_limit_the_reader_is_asked_to_try_later(client, page, monkeypatch):
    monkeypatch.setattr(rate_limit, "MAX_ANSWERS", 2)
    url = f"/so/feedback/{page.slug}/"
    statuses = [
        client.post(url, {"useful": "yes"}, HTTP_ORIGIN="http://testserver").status_code
        for _ in range(3)
    ]
    assert statuses == [303, 303, 429]
    assert PageFeedback.objects.count() == 2
