import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, RequestFactory

from portal.database_outage import server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("sv", "ltr"), ("ti", "ltr")])
def test_visitors_get_a_short_503_page_in_their_language(visitor, database_down, code, direction):
    response = visitor.get(f"/{code}/transitional-flat/")
    assert response.status_code == 503
    content = response.content.decode()
    assert f'lang="{code}" dir="{direction}"' in content
    assert "031-365 00 00" in content
    assert "OperationalError" not in content and "Traceback" not in content
    assert response["Retry-After"]
    assert response["Cache-Control"] == "no-store"


def test_healthz_answers_503(visitor, database_down):
    assert visitor.get("/healthz").status_code == 503


def test_the_next_request_after_an_outage_is_served_normally(visitor, page, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("down")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    visitor.get("/sv/topics/nothing/")
    monkeypatch.undo()
    response = visitor.get(f"/sv/{page.slug}/")
    assert response.status_code == 200


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_error_page_handler_answers_503_for_database_errors_outside_views(error):
    request = RequestFactory().get("/ar/", HTTP_ACCEPT_LANGUAGE="ar")
    try:
        raise error("connection already closed")
    except error:
        response = server_error(request)
    assert response.status_code == 503
    assert 'lang="ar"' in response.content.decode()


def test_error_page_handler_answers_500_for_other_errors():
    request = RequestFactory().get("/prs/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert 'lang="prs" dir="rtl"' in response.content.decode()
