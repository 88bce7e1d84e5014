"""The container's health check asks /healthz on the configured port."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal import healthcheck
from tests.servers import free_port


@pytest.fixture
def healthz_server():
    """A stand-in for gunicorn that answers /healthz with the status it is given."""

    class Handler(BaseHTTPRequestHandler):
        status = 200

        def do_GET(self):  # noqa: N802 (the name http.server calls)
            self.send_response(self.status if self.path == "/healthz" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, Handler
    server.shutdown()
    server.server_close()


def test_healthy_when_healthz_answers_200_on_the_port_named_by_port(healthz_server, monkeypatch):
    server, _ = healthz_server
    monkeypatch.setenv("PORT", str(server.server_port))
    assert healthcheck.main() == 0


def test_unhealthy_when_healthz_answers_503(healthz_server, monkeypatch):
    server, handler = healthz_server
    handler.status = 503
    monkeypatch.setenv("PORT", str(server.server_port))
    assert healthcheck.main() == 1


def test_unhealthy_when_nothing_listens_on_the_port(monkeypatch):
    monkeypatch.setenv("PORT", str(free_port()))
    assert healthcheck.main() == 1


def test_port_defaults_to_8000(monkeypatch):
    monkeypatch.delenv("PORT", raising=False)
    assert healthcheck.configured_port() == 8000
    monkeypatch.setenv("PORT", " ")
    assert healthcheck.configured_port() == 8000


@pytest.mark.parametrize("value", ["eighty", "0", "70000", "8000.5"])
def test_a_bad_port_is_named_not_a_traceback(monkeypatch, capsys, value):
    monkeypatch.setenv("PORT", value)
    assert healthcheck.main() == 1
    assert f"PORT must be a whole number from 1 to 65535, not '{value}'." in capsys.readouterr().err
