"""The real client address, with a real proxy in front of a real app instance.

gunicorn runs the portal with production settings behind a tiny reverse proxy
written here, which appends the address of whoever connected to it to
X-Forwarded-For, as the load balancer does. The proxy connects to gunicorn
from 127.0.0.2, the only trusted proxy (DJANGO_TRUSTED_PROXIES); readers
connect to the proxy from 127.0.0.3 and 127.0.0.4, and someone who reaches
gunicorn directly comes from 127.0.0.1. Which address the portal saw is read
back from the lockout's own table.
"""

import http.client
import sqlite3
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.servers import (
    Gunicorn,
    HttpClient,
    RedisServer,
    migrate_and_seed,
    production_environment,
)

PROXY_ADDRESS = "127.0.0.2"
READER_A = "127.0.0.3"
READER_B = "127.0.0.4"
PASSWORD = "a long caseworker passphrase"
BACKUP_CODES = ["first1", "second2"]
FAILURE_LIMIT = 3
FEEDBACK_LIMIT = 20  # feedback.rate_limit.MAX_ANSWERS

SEED = f"""
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_static.models import StaticDevice
from housing_info.models import Page, Topic
user = get_user_model().objects.create_superuser("caseworker", "", {PASSWORD!r})
device = StaticDevice.objects.create(user=user, name="backup codes")
for code in {BACKUP_CODES!r}:
    device.token_set.create(token=code)
topic = Topic.objects.create(slug="renting", title_sv="Hyra")
Page.objects.create(slug="sublet", topic=topic, published=True, title_sv="Andrahand",
                    summary_sv="Hyra i andra hand.")
"""


class ReverseProxy:
    """A load balancer in a few lines: passes every request on, appending X-Forwarded-For."""

    def __init__(self, upstream_port):
        upstream = upstream_port

        class Handler(BaseHTTPRequestHandler):
            def _pass_on(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {
                    name: value
                    for name, value in self.headers.items()
                    if name.lower() not in {"x-forwarded-for", "x-forwarded-proto", "connection"}
                }
                claimed = self.headers.get("X-Forwarded-For")
                peer = self.client_address[0]
                headers["X-Forwarded-For"] = f"{claimed}, {peer}" if claimed else peer
                # The balancer terminates TLS and says so; it never passes the client's own.
                headers["X-Forwarded-Proto"] = "https"
                connection = http.client.HTTPConnection(
                    "127.0.0.1", upstream, timeout=30, source_address=(PROXY_ADDRESS, 0)
                )
                connection.request(self.command, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                content = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in {"connection", "transfer-encoding", "content-length"}:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)
                connection.close()

            do_GET = do_POST = _pass_on

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def deployment():
    folder = Path(tempfile.mkdtemp(prefix="portal-proxy-"))
    database = folder / "db.sqlite3"
    redis = RedisServer()
    redis.start()
    env = production_environment(
        DATABASE_URL=f"sqlite:///{database}",
        REDIS_URL=redis.url(),
        DJANGO_TRUSTED_PROXIES=PROXY_ADDRESS,
        DJANGO_AXES_FAILURE_LIMIT=str(FAILURE_LIMIT),
        # gunicorn believes the proxy's X-Forwarded-Proto from the same address.
        FORWARDED_ALLOW_IPS=PROXY_ADDRESS,
    )
    migrate_and_seed(env, SEED)
    app = Gunicorn(env)
    proxy = None
    try:
        app.start()
        proxy = ReverseProxy(app.port)
        proxy.start()
        yield app, proxy, database
    finally:
        if proxy:
            proxy.stop()
        app.stop()
        redis.stop()
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


def lockout_addresses(database, username):
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT ip_address, failures_since_start FROM axes_accessattempt WHERE username = ?",
            (username,),
        )
        return dict(rows.fetchall())


def send_feedback(client, forged=None):
    headers = {"X-Forwarded-For": forged} if forged else {}
    return client.post("/sv/feedback/sublet/", {"useful": "yes"}, headers=headers).status


def guess(client, username, forged):
    form = client.get("/admin/login/")
    fields = {
        "username": username,
        "password": "wrong guess",
        "otp_token": "123456",
        "csrfmiddlewaretoken": client.csrf_token(form.text),
    }
    return client.post(
        "/admin/login/?next=/admin/", fields, headers={"X-Forwarded-For": forged}
    ).status


def test_readers_behind_the_proxy_get_separate_feedback_budgets(deployment):
    _app, proxy, _database = deployment
    reader_a = HttpClient(proxy.port, source_address=READER_A)
    reader_b = HttpClient(proxy.port, source_address=READER_B)
    statuses = [send_feedback(reader_a) for _ in range(FEEDBACK_LIMIT + 1)]
    assert statuses == [303] * FEEDBACK_LIMIT + [429]
    # Claiming another address in front of the proxy's entry buys no new budget.
    assert send_feedback(reader_a, forged="198.51.100.77") == 429
    assert send_feedback(reader_b) == 303


def test_a_forged_header_through_the_proxy_does_not_skip_the_lockout(deployment):
    _app, proxy, database = deployment
    guesser = HttpClient(proxy.port, source_address=READER_A)
    statuses = [
        guess(guesser, "caseworker", forged=f"198.51.100.{n}") for n in range(FAILURE_LIMIT)
    ]
    assert statuses == [200] * (FAILURE_LIMIT - 1) + [429]
    assert lockout_addresses(database, "caseworker") == {READER_A: FAILURE_LIMIT}
    # The caseworker at another address behind the same proxy still gets in.
    caseworker = HttpClient(proxy.port, source_address=READER_B)
    assert caseworker.admin_login("caseworker", PASSWORD, BACKUP_CODES[0]).status == 302
    assert caseworker.get("/admin/").status == 200


def test_reached_directly_without_a_trusted_proxy_the_header_is_ignored(deployment):
    app, _proxy, database = deployment
    direct = HttpClient(app.port)
    statuses = [guess(direct, "redaktor", forged=READER_B) for _ in range(FAILURE_LIMIT)]
    assert statuses == [200] * (FAILURE_LIMIT - 1) + [429]
    assert lockout_addresses(database, "redaktor") == {"127.0.0.1": FAILURE_LIMIT}
    feedback = [send_feedback(direct, forged=f"198.51.100.{n}") for n in range(FEEDBACK_LIMIT)]
    assert feedback == [303] * FEEDBACK_LIMIT
    assert send_feedback(direct, forged=READER_B) == 429
