"""Database and cache servers a test starts or borrows.

A throwaway PostgreSQL cluster, a database of the test's own on the suite's
PostgreSQL server, and a redis-server.
"""

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg
from django.conf import settings

from tests.servers.programs import free_port, require_program, wait_for_port


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


@contextlib.contextmanager
def scratch_database(prefix):
    """A database of the caller's own on the suite's PostgreSQL server, dropped afterwards.

    Gives its address, for the DATABASE_URL of the servers the test starts.
    """
    server = settings.DATABASES["default"]
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(
        host=server["HOST"] or "127.0.0.1",
        port=server["PORT"] or 5432,
        user=server["USER"],
        password=server["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{server['PASSWORD']}" if server["PASSWORD"] else ""
    host = server["HOST"] or "127.0.0.1"
    try:
        yield f"postgres://{server['USER']}{password}@{host}:{server['PORT'] or 5432}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


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
