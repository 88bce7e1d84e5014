"""gunicorn refuses to serve from several processes without the shared cache."""

import subprocess
import sys

from tests.servers import ROOT, Gunicorn, free_port, production_environment


def test_two_workers_without_redis_stop_gunicorn_naming_the_variables(tmp_path):
    env = production_environment(DATABASE_URL=f"sqlite:///{tmp_path}/db")
    result = subprocess.run(
        [
            sys.executable,
            *("-m", "gunicorn", "portal.wsgi:application"),
            *("--config", "portal/gunicorn.conf.py"),
            *("--bind", f"127.0.0.1:{free_port()}", "--workers", "2", "--no-control-socket"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "portal.E001" in result.stderr
    assert "REDIS_URL" in result.stderr and "WEB_CONCURRENCY" in result.stderr


def test_one_worker_without_redis_serves(tmp_path):
    app = Gunicorn(production_environment(DATABASE_URL=f"sqlite:///{tmp_path}/db"))
    app.start()
    try:
        assert app.client().get("/healthz").status in {200, 503}
        assert "portal.E001" not in app.output()
    finally:
        app.stop()
