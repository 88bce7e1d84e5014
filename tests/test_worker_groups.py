"""Tests that must share a pytest-xdist worker do so in a parallel run (tests/worker_groups.py)."""

import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from tests.worker_groups import FOLDER_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
# Two modules with module-scoped fixtures, quick and without a database.
COMPOSE = "tests/deployment/test_compose.py"
DOCKERIGNORE = "tests/deployment/test_dockerignore.py"
# Their tests that take no module-scoped fixture, and may go to any worker.
UNGROUPED = ("test_docker_compose_accepts_the_file", "test_the_matcher_follows", "test_patterns_")


def test_tests_of_a_module_with_a_module_fixture_run_on_one_worker():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_XDIST_", "PYTEST_ADDOPTS")) and key != FOLDER_VARIABLE
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-v", "-p", "no:cacheprovider"]
        + [COMPOSE, DOCKERIGNORE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    workers = defaultdict(set)
    line = re.compile(r"^\[(gw\d+)\] \[ *\d+%\] (?:PASSED|SKIPPED) (\S+?)::(\S+)", re.M)
    ran = line.findall(result.stdout)
    for worker, module, name in ran:
        if not name.startswith(UNGROUPED):
            workers[module].add(worker)
    assert set(workers) == {COMPOSE, DOCKERIGNORE}, result.stdout[-3000:]
    assert all(len(found) == 1 for found in workers.values()), dict(workers)
