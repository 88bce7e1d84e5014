"""The portal's own processes with production settings: manage.py, gunicorn, a Celery worker."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.servers.client import HttpClient
from tests.servers.programs import ROOT, free_port, wait_for_port

PRODUCTION_SECRET = "a-long-random-production-like-secret-key-for-tests-only-0123456789"


def production_environment(**extra):
    """The portal's production settings, as a container would get them."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="localhost",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://localhost",
        # The load balancer terminates TLS and says so in this header.
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        # Templates only need static URLs; the tests do not fetch CSS.
        DJANGO_STATICFILES_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
    )
    env.update(extra)
    return env


def manage(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )


def migrate_and_seed(env, seed):
    """Migrate the database ``env`` names, then run ``seed`` in manage.py's shell; its output."""
    manage(env, "migrate", "--no-input")
    return manage(env, "shell", "--command", seed).stdout


class Gunicorn:
    """One app instance: gunicorn with production settings on a free port."""

    def __init__(self, env, workers=1):
        self.env = env
        self.workers = workers
        self.port = free_port()
        # Kept open while the instance runs; closed (and deleted) by stop().
        self.log = tempfile.NamedTemporaryFile(prefix="portal-gunicorn-", suffix=".log")  # noqa: SIM115
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "gunicorn", "portal.wsgi:application"),
                # The production image's configuration; the command line overrides its
                # address and number of workers.
                *("--config", "portal/gunicorn.conf.py"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)),
                # Two instances on one host must not share gunicorn 27's control socket.
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.port, process=self.process)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        self.log.close()

    def output(self):
        return Path(self.log.name).read_text(errors="replace")

    def client(self):
        return HttpClient(self.port)


class CeleryWorker:
    """A Celery worker of the portal (`celery -A portal worker`), as compose runs it."""

    def __init__(self, env, concurrency=1):
        self.env = env
        self.concurrency = concurrency
        self.log = tempfile.NamedTemporaryFile(prefix="portal-celery-", suffix=".log")  # noqa: SIM115
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "portal", "worker"),
                *("--loglevel", "INFO", "--concurrency", str(self.concurrency)),
                *("--hostname", f"test-{os.getpid()}-{free_port()}@%h"),
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_for(self, condition, timeout=90.0):
        """Wait until ``condition()`` is true; fail with the worker's log if it never is."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        pytest.fail(f"the worker did not get there; its log:\n{self.output()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log.close()

    def output(self):
        return Path(self.log.name).read_text(errors="replace")
