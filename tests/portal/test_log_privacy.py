"""Logs keep paths and status codes but no reader's answers or search words.

The production image's gunicorn (portal/gunicorn.conf.py) and runserver are
started for real and their request lines read back.
"""

import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from portal.log_privacy import RedactQueryStrings, redact_query, redact_query_strings
from tests.servers import (
    ROOT,
    HttpClient,
    free_port,
    manage,
    production_environment,
    wait_for_port,
)

# Real addresses: smart_answers/urls.py and search/urls.py under the language prefix.
FLOW = "/sv/what-applies-to-me/?status=asylum-seeker&arrival=assigned&children=yes"
SEARCH_WORDS = "genomgångsbostad hyreskontrakt"
SEARCH = f"/ar/search/?q={quote(SEARCH_WORDS)}"
SECRETS = ["asylum-seeker", "assigned", "children=yes", "status=", "q=", "genomg", "hyreskontrakt"]


def test_a_query_string_is_replaced_and_the_path_kept():
    assert redact_query(FLOW) == "/sv/what-applies-to-me/?REDACTED"
    assert redact_query("https://bostad.example/sv/search/?q=x") == (
        "https://bostad.example/sv/search/?REDACTED"
    )
    assert redact_query("/sv/transitional-flat/") == "/sv/transitional-flat/"
    assert redact_query("-") == "-"


def test_addresses_inside_a_line_lose_their_query_strings_and_nothing_else():
    line = f'"GET {SEARCH} HTTP/1.1" 200 5436 "https://x.example/sv/?status=asylum-seeker"'
    assert redact_query_strings(line) == (
        '"GET /ar/search/?REDACTED HTTP/1.1" 200 5436 "https://x.example/sv/?REDACTED"'
    )
    assert redact_query_strings("Is the database down? Retrying") == (
        "Is the database down? Retrying"
    )


def test_the_filter_redacts_arguments_and_keeps_the_record():
    record = logging.LogRecord(
        "gunicorn.error", logging.ERROR, __file__, 1, "Error handling request %s %s",
        ("GET", FLOW), None,
    )  # fmt: skip
    assert RedactQueryStrings().filter(record) is True
    assert record.getMessage() == "Error handling request GET /sv/what-applies-to-me/?REDACTED"


def test_django_request_log_has_no_query_string(caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        logging.getLogger("django.request").warning("Bad Request: %s", SEARCH)
    assert caplog.messages == ["Bad Request: /ar/search/?REDACTED"]


@pytest.fixture(scope="module")
def sqlite_environment():
    """Production settings on a migrated SQLite database of this module's own."""
    folder = Path(tempfile.mkdtemp(prefix="portal-logs-"))
    env = production_environment(DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}")
    manage(env, "migrate", "--no-input")
    yield env
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()


def run_server(command, env, port, log):
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        wait_for_port(port, process=process)
    except Exception:
        os.killpg(process.pid, signal.SIGTERM)
        raise
    return process


def stop_server(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def request_lines(output, marker):
    return [line for line in output.splitlines() if marker in line]


def send_readers_requests(client):
    """A flow answer, a search, a page reached from the search, and plain pages."""
    statuses = {
        "flow": client.get(FLOW).status,
        "search": client.get(SEARCH).status,
        "from search": client.get(
            "/sv/no-such-page/", headers={"Referer": f"https://localhost{SEARCH}"}
        ).status,
        "health": client.get("/healthz").status,
    }
    assert statuses == {"flow": 200, "search": 200, "from search": 404, "health": 200}


def test_gunicorn_access_log_keeps_path_and_status_but_no_answers_or_search_words(
    sqlite_environment, tmp_path
):
    port = free_port()
    home = tmp_path
    # PORT alone chooses where the image's gunicorn listens: no --bind here.
    env = {**sqlite_environment, "PORT": str(port), "WEB_CONCURRENCY": "1", "HOME": str(home)}
    env.pop("XDG_RUNTIME_DIR", None)
    with tempfile.TemporaryFile() as log:
        process = run_server(
            [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py",
             "portal.wsgi:application"],
            env, port, log,
        )  # fmt: skip
        try:
            send_readers_requests(HttpClient(port))
            # The image's HEALTHCHECK finds the same port through PORT.
            probe = subprocess.run(
                [sys.executable, "-m", "portal.healthcheck"], cwd=ROOT, env=env, timeout=30
            )
            time.sleep(0.5)
        finally:
            stop_server(process)
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")

    assert probe.returncode == 0
    # No control socket where gunicorn would put it ($HOME/.gunicorn/gunicorn.ctl).
    assert not (home / ".gunicorn").exists()
    access = request_lines(output, '" 200 ') + request_lines(output, '" 404 ')
    assert len(access) == 5, output
    for secret in SECRETS:
        assert secret not in output, (secret, output)
    assert '"GET /sv/what-applies-to-me/?REDACTED HTTP/1.1" 200' in output
    assert '"GET /ar/search/?REDACTED HTTP/1.1" 200' in output
    assert '"GET /sv/no-such-page/ HTTP/1.1" 404' in output
    assert '"https://localhost/ar/search/?REDACTED"' in output
    assert '"GET /healthz HTTP/1.1" 200' in output


def test_the_gunicorn_config_refuses_a_bad_port_by_name(sqlite_environment):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "--check-config",
         "portal.wsgi:application"],
        cwd=ROOT, env={**sqlite_environment, "PORT": "eighty"}, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "PORT must be a whole number from 1 to 65535, not 'eighty'." in result.stderr
    assert "Traceback" not in result.stderr


def test_runserver_request_lines_have_no_query_strings(sqlite_environment):
    port = free_port()
    env = {**sqlite_environment, "DJANGO_DEBUG": "true"}
    with tempfile.TemporaryFile() as log:
        process = run_server(
            [sys.executable, "manage.py", "runserver", "--noreload", "--nothreading",
             f"127.0.0.1:{port}"],
            env, port, log,
        )  # fmt: skip
        try:
            send_readers_requests(HttpClient(port))
            time.sleep(0.5)
        finally:
            stop_server(process)
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")

    assert '"GET /sv/what-applies-to-me/?REDACTED HTTP/1.1" 200' in output, output
    assert '"GET /ar/search/?REDACTED HTTP/1.1" 200' in output
    assert '"GET /sv/no-such-page/ HTTP/1.1" 404' in output
    for secret in SECRETS:
        assert secret not in output, (secret, output)
