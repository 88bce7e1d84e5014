"""Request limits behind a real gunicorn: huge and chunked bodies never reach disk.

gunicorn runs with production settings and its own empty temporary folder
(TMPDIR, where Django would write uploads it does not keep in memory); raw
sockets send what a browser would not.
"""

import contextlib
import socket
import tempfile
from pathlib import Path

import pytest

from tests.servers import Gunicorn, production_environment

HEADERS = "Host: localhost\r\nX-Forwarded-Proto: https\r\nOrigin: https://localhost\r\n"
MULTIPART = "multipart/form-data; boundary=b"


@pytest.fixture(scope="module")
def server():
    folder = Path(tempfile.mkdtemp(prefix="portal-limits-"))
    uploads = folder / "tmp"
    uploads.mkdir()
    env = production_environment(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}", TMPDIR=str(uploads)
    )
    app = Gunicorn(env)
    app.start()
    try:
        yield app, uploads
    finally:
        app.stop()


def status_of(sock):
    """The status code of the response on ``sock``."""
    sock.settimeout(15)
    received = b""
    while b"\r\n" not in received:
        chunk = sock.recv(4096)
        if not chunk:
            break
        received += chunk
    return int(received.split(b" ", 2)[1])


def test_a_huge_declared_body_is_answered_413_before_it_is_sent(server):
    app, uploads = server
    with socket.create_connection(("127.0.0.1", app.port)) as sock:
        sock.sendall(
            (
                "POST /sv/feedback/some-page/ HTTP/1.1\r\n"
                + HEADERS
                + f"Content-Type: {MULTIPART}\r\nContent-Length: {200 * 1024 * 1024}\r\n\r\n"
            ).encode()
        )
        sock.sendall(b"--b\r\n" + b"x" * 64 * 1024)
        # The rest of the 200 MiB never comes: the answer must come anyway.
        assert status_of(sock) == 413
    assert list(uploads.iterdir()) == []


def chunked(body, size=16 * 1024):
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


def send_chunked(app, path, body, content_type):
    with socket.create_connection(("127.0.0.1", app.port)) as sock:
        sock.sendall(
            (
                f"POST {path} HTTP/1.1\r\n"
                + HEADERS
                + f"Content-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n"
            ).encode()
        )
        # The server may answer and close before the whole body has come.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(chunked(body))
        return status_of(sock)


def test_a_chunked_body_beyond_the_limit_is_refused(server):
    app, uploads = server
    body = b'--b\r\nContent-Disposition: form-data; name="comment"\r\n\r\n' + b"x" * 1024 * 1024
    assert send_chunked(app, "/sv/feedback/some-page/", body, MULTIPART) == 413
    assert list(uploads.iterdir()) == []


def test_a_chunked_body_within_the_limit_is_read_and_checked(server):
    app, _uploads = server
    # A NUL in a form field can only be found by reading the chunked body.
    body = b"useful=yes&comment=a%00b"
    content_type = "application/x-www-form-urlencoded"
    assert send_chunked(app, "/sv/feedback/some-page/", body, content_type) == 400
