import pytest
from django.db import OperationalError, connection


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refused)
    assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_healthz_answers_any_host_name(client):
    # The container's health check calls it by IP address.
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200
