#!/usr/bin/env python3
"""Set up and run the portal, or its tests, on a machine with only Python 3.11 and git.

    python3 dev.py serve   # demo portal on SQLite at http://127.0.0.1:8000
    python3 dev.py test    # the whole test suite (extra arguments go to pytest)

The tests run on every core (pytest-xdist, -n auto); ``python3 dev.py test -n 0``
runs them one after another in this one process.

Both create ``.venv`` and install the project's dependencies into it first; the
second run reuses it and only installs again when pyproject.toml changed.
"""

import hashlib
import os
import secrets
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
ADMIN_PASSWORD_FILE = ROOT / ".dev-admin-password"


def run(*args, env=None):
    subprocess.run([str(arg) for arg in args], cwd=ROOT, check=True, env=env)


def ensure_environment():
    """Create the virtual environment and install dependencies when they changed."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"Python 3.11 is needed; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    stamp = VENV / ".installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        print("Installing dependencies into .venv ...", flush=True)
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
        stamp.write_text(wanted)


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


def test(pytest_args):
    ensure_environment()
    manage("compile_catalogues", "--verbosity", "0", env=django_env())
    # On every core; a later -n in pytest_args (-n 0: serially) wins.
    parallel = ["-n", "auto"]
    completed = subprocess.run([str(PYTHON), "-m", "pytest", *parallel, *pytest_args], cwd=ROOT)
    sys.exit(completed.returncode)


def main():
    command, *rest = sys.argv[1:] or ["help"]
    if command == "serve":
        serve()
    elif command == "test":
        test(rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
