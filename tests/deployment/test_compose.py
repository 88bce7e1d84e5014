"""compose.yaml starts the whole portal on one machine.

No Docker engine runs in the test environment (and `docker compose` may be
missing), so the file is read with PyYAML and checked for what the
deployment needs: the image, a shared media folder for PDFs, the worker and
beat started with one command each, health checks and documented settings.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PORTAL_SERVICES = ("web", "worker", "beat", "migrate")
LONG_RUNNING = ("web", "worker", "beat", "db", "redis")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_starts_the_portal_database_cache_worker_and_beat(compose):
    services = compose["services"]
    assert set(LONG_RUNNING) <= set(services)
    for name in PORTAL_SERVICES:
        assert services[name]["build"] == ".", name
        assert (ROOT / "Dockerfile").exists()
    assert services["worker"]["command"][:4] == ["celery", "-A", "portal", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "portal", "beat"]
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--no-input"]
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")


def test_web_and_worker_share_the_media_folder_the_settings_name(compose):
    services = compose["services"]
    for name in ("web", "worker"):
        environment = services[name]["environment"]
        mounts = {
            volume.split(":")[1]: volume.split(":")[0] for volume in services[name]["volumes"]
        }
        assert mounts[environment["DJANGO_MEDIA_ROOT"]] == "media", name
    assert "media" in compose["volumes"]


def test_every_long_running_service_has_a_health_check_and_restarts(compose):
    services = compose["services"]
    for name in LONG_RUNNING:
        assert services[name]["healthcheck"]["test"], name
        assert services[name]["restart"] == "unless-stopped", name
    web_depends = services["web"]["depends_on"]
    assert web_depends["db"]["condition"] == "service_healthy"
    assert web_depends["redis"]["condition"] == "service_healthy"
    assert web_depends["migrate"]["condition"] == "service_completed_successfully"


def test_the_broker_and_cache_are_the_compose_redis_and_no_secret_is_written_in(compose):
    environment = compose["services"]["worker"]["environment"]
    assert environment["CELERY_BROKER_URL"].startswith("redis://redis:6379/")
    assert environment["REDIS_URL"].startswith("redis://redis:6379/")
    assert environment["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]


def test_every_portal_setting_in_compose_is_documented_in_env_example(compose):
    documented = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M)
    )
    environment = compose["services"]["web"]["environment"]
    missing = set(environment) - documented
    assert not missing, f"not in .env.example: {sorted(missing)}"


def test_docker_compose_accepts_the_file_where_it_is_installed(tmp_path):
    docker = shutil.which("docker")
    if (
        docker is None
        or subprocess.run([docker, "compose", "version"], capture_output=True).returncode
    ):
        pytest.skip("docker compose is not installed")
    env_file = tmp_path / ".env"
    env_file.write_text(
        "DJANGO_SECRET_KEY=x\nDJANGO_ALLOWED_HOSTS=example.org\nPOSTGRES_PASSWORD=x\n"
    )
    result = subprocess.run(
        [
            docker,
            "compose",
            "--env-file",
            env_file,
            "-f",
            ROOT / "compose.yaml",
            "config",
            "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_front_server_sends_pages_and_pdfs_to_pools_of_the_same_image(compose):
    services = compose["services"]
    front = services["front"]
    assert front["image"].startswith("nginx:")
    template = "./deploy/nginx/portal.conf.template"
    assert (ROOT / template).exists()
    assert f"{template}:/etc/nginx/templates/portal.conf.template:ro" in front["volumes"]
    # Every ${PORTAL_...} name of the template gets a value, and only those are filled in.
    names = set(re.findall(r"\$\{(PORTAL_[A-Z_]+)\}", (ROOT / template).read_text()))
    assert names <= set(front["environment"])
    assert front["environment"]["NGINX_ENVSUBST_FILTER"] == "^PORTAL_"
    assert front["environment"]["PORTAL_PAGE_POOL"] == "web:8000"
    assert front["environment"]["PORTAL_PDF_POOL"] == "pdf:8000"
    # Readers reach the front server only; the pools trust its address.
    assert "ports" not in services["web"] and "ports" not in services["pdf"]
    assert front["ports"]
    address = front["networks"]["default"]["ipv4_address"]
    assert address in services["web"]["environment"]["DJANGO_TRUSTED_PROXIES"]
    # The PDF pool: the portal's image, bounded and at a lower CPU weight.
    pdf = services["pdf"]
    assert pdf["build"] == "." and pdf["image"] == services["web"]["image"]
    assert 1 <= int(pdf["environment"]["WEB_CONCURRENCY"]) <= 4
    assert pdf["cpu_shares"] < 1024
    assert pdf["volumes"] == services["web"]["volumes"]
    for name in ("front", "pdf"):
        assert services[name]["healthcheck"]["test"], name
        assert services[name]["restart"] == "unless-stopped", name
