"""Real servers that a test starts, stops and restarts itself.

A throwaway PostgreSQL cluster, a redis-server and gunicorn instances of the
portal with production settings, each on a free port of the loopback
interface, so tests can cut and restore them without touching the machine's
shared services. Missing programs skip the test, except on CI (CI=true),
where they must be there.
"""

import contextlib
import glob
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_SECRET = "a-long-random-production-like-secret-key-for-tests-only-0123456789"


def require_program(path, what):
    if path and Path(path).exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not installed, and CI must run this test")
    pytest.skip(f"{what} is not installed")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30.0, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


def postgres_program(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return require_program(found[0] if found else shutil.which(name), f"PostgreSQL's {name}")


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary folder: initdb, start, stop, start again."""

    def __init__(self):
        self.initdb = postgres_program("initdb")
        self.pg_ctl = postgres_program("pg_ctl")
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.folder / "data"
        # PostgreSQL refuses to run as root: run it as the postgres user then.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        self._run(self.initdb, "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync")

    def _run(self, *args):
        subprocess.run(
            [*self.as_user, *map(str, args)], check=True, capture_output=True, cwd=self.folder
        )

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = self.folder / "log"
        self._run(self.pg_ctl, "-D", self.data, "-o", options, "-l", log, "-w", "start")

    def stop(self):
        self._run(self.pg_ctl, "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class RedisServer:
    """A redis-server of our own that can really be stopped and started again."""

    def __init__(self):
        self.program = require_program(shutil.which("redis-server"), "redis-server")
        self.port = free_port()
        self.process = None

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self):
        self.process = subprocess.Popen(
            [
                self.program,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


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


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class HttpClient:
    """A browser behind the load balancer: HTTPS said by header, cookies kept."""

    def __init__(self, port, host="localhost", source_address=None):
        self.port = port
        self.host = host
        # Another loopback address (127.0.0.x) to connect from: another client.
        self.source_address = (source_address, 0) if source_address else None
        self.cookies = {}

    def request(self, method, path, data=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=self.source_address
        )
        sent = {"Host": self.host, "X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{self.host}"
            sent["Referer"] = f"https://{self.host}{path}"
        connection.request(method, path, body=body, headers=sent)
        raw = connection.getresponse()
        response = Response(raw.status, raw.headers, raw.read())
        connection.close()
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, headers=None):
        return self.request("POST", path, data=data, headers=headers)

    def csrf_token(self, html):
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token in the form"
        return match.group(1)

    def admin_login(self, username, password, otp_token=""):
        """Log in as a person would: user name, password and code on the one form."""
        path = "/admin/login/?next=/admin/"
        form = self.get(path)
        fields = {"username": username, "password": password, "next": "/admin/"}
        return self.post(
            path,
            {**fields, "otp_token": otp_token, "csrfmiddlewaretoken": self.csrf_token(form.text)},
        )


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


NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "portal.conf.template"


def nginx_program():
    return require_program(shutil.which("nginx") or "/usr/sbin/nginx", "nginx (nginx-light)")


def front_config(**values):
    """The repository's front server configuration with its ``${PORTAL_...}`` names filled in.

    Only those names, as the nginx image's envsubst does with
    NGINX_ENVSUBST_FILTER=^PORTAL_; nginx's own ``$variables`` stay.
    """
    text = NGINX_TEMPLATE.read_text()
    names = set(re.findall(r"\$\{(PORTAL_[A-Z_]+)\}", text))
    missing = names - set(values)
    if missing:
        raise ValueError(f"no value for {sorted(missing)}")
    return re.sub(r"\$\{(PORTAL_[A-Z_]+)\}", lambda match: str(values[match[1]]), text)


class NginxFront:
    """nginx with the repository's front server configuration, before two gunicorn pools."""

    def __init__(self, page_port, pdf_port):
        self.program = nginx_program()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
        (self.folder / "cache").mkdir()
        portal_conf = self.folder / "portal.conf"
        portal_conf.write_text(
            front_config(
                PORTAL_FRONT_PORT=f"127.0.0.1:{self.port}",
                PORTAL_PAGE_POOL=f"127.0.0.1:{page_port}",
                PORTAL_PDF_POOL=f"127.0.0.1:{pdf_port}",
                PORTAL_PDF_CACHE=self.folder / "cache",
            )
        )
        # What the nginx image's own nginx.conf around conf.d/ gives; temporary
        # files in this folder. As root, the workers stay root to write there.
        user = "user root;" if os.geteuid() == 0 else ""
        self.config = self.folder / "nginx.conf"
        self.config.write_text(
            f"""{user}
daemon off;
worker_processes auto;
pid {self.folder}/nginx.pid;
error_log {self.folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {self.folder}/body;
    proxy_temp_path {self.folder}/proxy;
    sendfile on;
    include {portal_conf};
}}
"""
        )
        self.log = tempfile.NamedTemporaryFile(prefix="portal-nginx-", suffix=".log")  # noqa: SIM115
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.program, "-p", str(self.folder), "-e", str(self.folder / "error.log")]
            + ["-c", str(self.config)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for_port(self.port, timeout=10, process=self.process)
        except (RuntimeError, TimeoutError) as error:
            raise RuntimeError(f"nginx did not start: {error}\n{self.errors()}") from error

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()  # fast shutdown of master and workers
            self.process.wait(timeout=20)
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def access_log(self):
        return Path(self.log.name).read_text(errors="replace")

    def errors(self):
        path = self.folder / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def client(self):
        return HttpClient(self.port)
