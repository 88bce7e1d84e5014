"""The servers the benchmark starts: a fresh database, gunicorn and a Celery worker.

And ``fetch``: one request to them as the load balancer sends it (HEADERS).
"""

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.cpu import tree_cpu_seconds

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {"Host": "localhost", "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
# Processes of the Celery worker that renders PDFs.
CELERY_CONCURRENCY = 2


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port}")


def fetch(port, path, encoding="gzip"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={**HEADERS, "Accept-Encoding": encoding})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def environment(database_url, redis_url, ceiling_file, media_root):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="localhost",
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        # The broker on the same Redis database, under a key prefix of its own
        # (bench/settings.py); stored PDFs in a directory web and worker share.
        CELERY_BROKER_URL=redis_url,
        DJANGO_MEDIA_ROOT=str(media_root),
        BENCH_CEILING_FILE=str(ceiling_file),
    )
    return env


def recreate_database(database_url):
    import psycopg

    base, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


class Gunicorn:
    def __init__(self, env, workers, nice=0):
        self.port = free_port()
        # The PDF pool may run at a lower CPU priority, as a container's CPU
        # share would give it in production.
        niced = ["nice", "-n", str(nice)] if nice else []
        self.process = subprocess.Popen(
            [
                *niced,
                sys.executable,
                *("-m", "gunicorn", "portal.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)),
                "--no-control-socket",
                *("--log-level", "warning"),
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        wait_for_port(self.port)
        # Let both workers import everything before the clock starts.
        for _ in range(4 * workers):
            fetch(self.port, "/healthz")

    def workers(self):
        pids = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{self.process.pid}$", text, re.M):
                pids.append(int(status.parent.name))
        return pids

    def worker_rss_mb(self):
        return [
            int(re.search(r"^VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text(), re.M)[1])
            / 1024
            for pid in self.workers()
        ]

    def worker_cpu_seconds(self):
        """User plus system CPU time of the workers: what they spent, whatever else runs."""
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


class CeleryWorker:
    """``celery -A portal worker`` with gunicorn's environment, ready when it says so."""

    def __init__(self, env, log_file):
        self.log_file = log_file
        with open(log_file, "wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    *("-m", "celery", "-A", "portal", "worker"),
                    *("--concurrency", str(CELERY_CONCURRENCY), "--loglevel", "INFO"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while " ready." not in self.log():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"the Celery worker did not start:\n{self.log()}")
            time.sleep(0.2)

    def log(self):
        return Path(self.log_file).read_text(errors="replace")

    def cpu_seconds(self):
        return tree_cpu_seconds(self.process.pid)

    def renders(self):
        """Renders the worker finished: (succeeded, failed or refused)."""
        log = self.log()
        return (
            len(re.findall(r"render_stored_pdf\[[^]]+\] succeeded", log)),
            len(re.findall(r"render_stored_pdf\[[^]]+\] (?:raised|retry|rejected)", log)),
        )

    def stop(self):
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # warm shutdown: running renders finish
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
