"""dev.py, the two commands of the README's quick start: which Pythons, which environment."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
dev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dev)


@pytest.mark.parametrize("version", [(3, 10, 12), (3, 9, 18), (2, 7, 18)])
def test_a_python_older_than_3_11_is_refused_naming_what_to_use(version):
    with pytest.raises(SystemExit) as stop:
        dev.check_python(version, "/usr/bin/python3")
    message = str(stop.value.code)
    assert "needs Python 3.11 or later" in message
    assert "/usr/bin/python3 is Python " + ".".join(map(str, version)) in message


@pytest.mark.parametrize("version", [(3, 11, 0), (3, 11, 7), (3, 12, 1), (3, 13, 0)])
def test_python_3_11_to_3_13_is_accepted_without_a_word(version, capsys):
    dev.check_python(version, "python3")
    assert capsys.readouterr() == ("", "")


def test_a_newer_python_than_ci_checks_is_accepted_with_a_note(capsys):
    dev.check_python((3, 14, 0), "python3")
    assert "newer than those CI checks" in capsys.readouterr().err


@pytest.mark.parametrize("version", ["3.11", "3.12", "3.13"])
def test_the_installed_pythons_pass_the_check(version):
    """The real interpreters, where pyenv has them (as on CI)."""
    pythons = sorted(Path("/root/.pyenv/versions").glob(f"{version}.*/bin/python3"))
    if not pythons:
        pytest.skip(f"no Python {version} here")
    result = subprocess.run(
        [str(pythons[-1]), "-c", "import dev; dev.check_python()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_the_environment_is_dot_venv_unless_portal_venv_names_another(tmp_path):
    code = "import dev; print(dev.VENV)"
    env = {key: value for key, value in os.environ.items() if key != "PORTAL_VENV"}
    default = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True)
    assert default.stdout.decode().strip() == str(ROOT / ".venv")
    other = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "PORTAL_VENV": str(tmp_path / "venv-3.13")},
        capture_output=True,
    )
    assert other.stdout.decode().strip() == str(tmp_path / "venv-3.13")


def test_the_development_lock_holds_the_tools_and_the_portal():
    names = dev.locked_names()
    assert {"django", "pytest", "ruff", "uv", "django-environ"} <= names
    assert "numpy" not in names and "qrcode" not in names


def test_the_readme_command_on_python_3_10_stops_before_installing_anything(tmp_path):
    pythons = sorted(Path("/root/.pyenv/versions").glob("3.10.*/bin/python3"))
    if not pythons:
        pytest.skip("no Python 3.10 here")
    venv = tmp_path / "venv"
    result = subprocess.run(
        [str(pythons[-1]), "dev.py", "test"],
        cwd=ROOT,
        env={**os.environ, "PORTAL_VENV": str(venv)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "The portal needs Python 3.11 or later" in result.stderr
    assert "Traceback" not in result.stderr
    assert not venv.exists()


def test_the_test_run_keeps_bytecode_even_where_the_environment_forbids_it(monkeypatch):
    """Each of the suite's Python processes would otherwise compile and rewrite it all again."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/housing_portal")
    env = dev.test_env()
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["DATABASE_URL"] == "postgres://postgres@127.0.0.1:5432/housing_portal"
