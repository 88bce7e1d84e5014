#!/usr/bin/env python3
"""Set up and run the portal, or its tests, on a machine with only Python (3.11 or later) and git.

    python3 dev.py serve   # demo portal on SQLite at http://127.0.0.1:8000
    python3 dev.py test    # the whole test suite (extra arguments go to pytest)
    python3 dev.py lock    # update the lock files in requirements/ from pyproject.toml

The first two create a virtual environment (``.venv``, or the folder named by
PORTAL_VENV) and install the locked dependencies into it with pip
(``requirements/dev.txt``, every file checked against its hash); the next run
reuses it and installs again only when the lock file changed. ``lock`` takes
uv's options after it, e.g. ``python3 dev.py lock --upgrade-package django``.

The tests run on every core (pytest-xdist, -n auto); ``python3 dev.py test -n 0``
runs them one after another in this one process.
"""

import hashlib
import os
import secrets
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("PORTAL_VENV") or ROOT / ".venv").resolve()
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
ADMIN_PASSWORD_FILE = ROOT / ".dev-admin-password"
# What the Docker image installs, and what development and CI install (runtime included).
RUNTIME_LOCK = ROOT / "requirements" / "runtime.txt"
DEV_LOCK = ROOT / "requirements" / "dev.txt"
# The oldest Python the portal runs on, and the newest that CI checks (.ci/run).
OLDEST_PYTHON = (3, 11)
NEWEST_CHECKED_PYTHON = (3, 13)


def run(*args, env=None):
    subprocess.run([str(arg) for arg in args], cwd=ROOT, check=True, env=env)


def check_python(version_info=sys.version_info, executable=sys.executable):
    """Refuse a Python older than the portal supports, saying which one to use instead."""
    version = ".".join(str(part) for part in version_info[:3])
    if tuple(version_info[:2]) < OLDEST_PYTHON:
        sys.exit(
            f"The portal needs Python {OLDEST_PYTHON[0]}.{OLDEST_PYTHON[1]} or later; "
            f"{executable} is Python {version}.\n"
            "Run dev.py with a newer one, e.g.: python3.13 dev.py test"
        )
    if tuple(version_info[:2]) > NEWEST_CHECKED_PYTHON:
        print(
            f"Note: Python {version} is newer than those CI checks "
            f"(3.11 to {NEWEST_CHECKED_PYTHON[0]}.{NEWEST_CHECKED_PYTHON[1]}); "
            "if a dependency fails to install, use one of those.",
            file=sys.stderr,
        )


def locked_names(lock=DEV_LOCK):
    """The distribution names a lock file pins, normalised (PEP 503)."""
    names = set()
    for line in lock.read_text().splitlines():
        if line and not line[0].isspace() and not line.startswith(("#", "-")) and "==" in line:
            names.add(normalise(line.split("==")[0]))
    return names


def normalise(name):
    return "-".join(name.lower().replace("_", "-").replace(".", "-").split("-"))


def ensure_environment():
    """Create the virtual environment, and install the locked dependencies when they changed."""
    check_python()
    if not PYTHON.exists():
        print(f"Creating {VENV} ...", flush=True)
        # A virtual environment whose Python is gone is made anew; any other folder is left alone.
        venv.create(VENV, with_pip=True, clear=(VENV / "pyvenv.cfg").exists())
    stamp = VENV / ".installed"
    wanted = hashlib.sha256(DEV_LOCK.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        print(f"Installing dependencies into {VENV} ...", flush=True)
        pip = (PYTHON, "-m", "pip", "--disable-pip-version-check")
        run(*pip, "install", "--quiet", "--require-hashes", "-r", DEV_LOCK)
        # Packages that left the lock leave the environment too, so that an
        # import of an undeclared package fails here as it would on a fresh clone.
        installed = subprocess.run(
            [*map(str, pip), "list", "--format=freeze", "--exclude-editable"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        keep = locked_names() | {"pip", "setuptools"}
        stale = sorted(
            line.split("==")[0] for line in installed if normalise(line.split("==")[0]) not in keep
        )
        if stale:
            run(*pip, "uninstall", "--quiet", "--yes", *stale)
        stamp.write_text(wanted)


def lock(uv_args):
    """Resolve pyproject.toml's dependencies again, for every supported Python and platform."""
    ensure_environment()
    uv = BIN / ("uv.exe" if os.name == "nt" else "uv")
    common = ("pip", "compile", "pyproject.toml", "--universal", "--generate-hashes")
    common += ("--python-version", f"{OLDEST_PYTHON[0]}.{OLDEST_PYTHON[1]}", "--quiet")
    # Development pins the same versions as the image: the runtime lock constrains it.
    run(uv, *common, *uv_args, "-o", RUNTIME_LOCK.relative_to(ROOT))
    constraint = ("-c", RUNTIME_LOCK.relative_to(ROOT))
    run(uv, *common, *uv_args, "--extra", "dev", *constraint, "-o", DEV_LOCK.relative_to(ROOT))
    print(f"Updated {RUNTIME_LOCK.relative_to(ROOT)} and {DEV_LOCK.relative_to(ROOT)}.")


def django_env(**extra):
    env = dict(os.environ)
    env.setdefault("DJANGO_DEBUG", "true")
    env.update(extra)
    return env


def manage(*args, env):
    run(PYTHON, "manage.py", *args, env=env)


def serve():
    ensure_environment()
    env = django_env()
    manage("compile_catalogues", "--verbosity", "0", env=env)
    manage("migrate", "--no-input", "--verbosity", "0", env=env)
    manage("load_demo_content", env=env)
    manage("load_demo_questions", env=env)
    manage("load_demo_keywords", env=env)
    manage("load_glossary", env=env)
    password = ensure_admin(env)
    print(
        "\nThe portal runs at http://127.0.0.1:8000/ (Ctrl+C stops it).\n"
        f"Admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}\n"
        f"(The password is kept in {ADMIN_PASSWORD_FILE.name}.)\n",
        flush=True,
    )
    manage("runserver", "127.0.0.1:8000", env=env)


def ensure_admin(env):
    """A local superuser with a random password, kept in an untracked file."""
    if not ADMIN_PASSWORD_FILE.exists():
        ADMIN_PASSWORD_FILE.write_text(secrets.token_urlsafe(12))
    password = ADMIN_PASSWORD_FILE.read_text().strip()
    script = (
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        "user, _ = User.objects.get_or_create(username='admin', "
        "defaults={'is_staff': True, 'is_superuser': True})\n"
        f"user.set_password({password!r}); user.save()\n"
    )
    manage("shell", "--command", script, env=env)
    return password


def test_env():
    """The environment of a test run: this one, with Python's bytecode cache on.

    The suite starts dozens of Python processes (the pytest-xdist workers, a
    pytest run of its own, gunicorn, manage.py, Celery). Where
    PYTHONDONTWRITEBYTECODE is set (as on some CI machines), each one compiled
    the portal again, and each pytest process rewrote the assertions of every
    test module and of its plugins' packages again (some 540 modules, about 3
    CPU-seconds). The cache goes to ``__pycache__`` folders, which git and
    the Docker image ignore.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def test(pytest_args):
    ensure_environment()
    manage("compile_catalogues", "--verbosity", "0", env=django_env())
    # On every core; a later -n in pytest_args (-n 0: serially) wins.
    parallel = ["-n", "auto"]
    completed = subprocess.run(
        [str(PYTHON), "-m", "pytest", *parallel, *pytest_args], cwd=ROOT, env=test_env()
    )
    sys.exit(completed.returncode)


def main():
    command, *rest = sys.argv[1:] or ["help"]
    if command == "serve":
        serve()
    elif command == "test":
        test(rest)
    elif command == "lock":
        lock(rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
