"""The front server: nginx with the repository's configuration (deploy/nginx/)."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.servers.client import HttpClient
from tests.servers.programs import ROOT, free_port, require_program, wait_for_port

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
