"""Tests that must share a pytest-xdist worker do so in a parallel run (tests/worker_groups.py)."""

import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.worker_groups import FOLDER_VARIABLE, work_order

ROOT = Path(__file__).resolve().parent.parent
# Two modules with module-scoped fixtures, quick and without a database.
COMPOSE = "tests/deployment/test_compose.py"
DOCKERIGNORE = "tests/deployment/test_dockerignore.py"
# Their tests that take no module-scoped fixture, and may go to any worker.
UNGROUPED = ("test_docker_compose_accepts_the_file", "test_the_matcher_follows", "test_patterns_")
# Tests that commit (transaction=True), and tests in a test transaction.
COMMITTING = "tests/page_cache/test_fragments.py"
IN_TRANSACTION = "tests/glossary/test_models.py"
LINE = re.compile(r"^\[(gw\d+)\] \[ *\d+%\] (?:PASSED|SKIPPED) (\S+?)::(\S+)", re.M)


@pytest.fixture(scope="module")
def ran():
    """(worker, module, test) of each test of a run on two workers, in the order run.

    On SQLite and without Redis, whatever this run uses: its workers' databases
    would be named as this run's own. Their tables are made from the models
    (``--no-migrations``): what is checked is the order, and migrating each
    worker's database took about a quarter of this run's CPU time.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_XDIST_", "PYTEST_ADDOPTS"))
        and key not in (FOLDER_VARIABLE, "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "2",
            "-v",
            "-p",
            "no:cacheprovider",
            "--no-migrations",
        ]
        + [COMMITTING, IN_TRANSACTION, COMPOSE, DOCKERIGNORE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return LINE.findall(result.stdout)


def test_tests_of_a_module_with_a_module_fixture_run_on_one_worker(ran):
    workers = defaultdict(set)
    for worker, module, name in ran:
        if module in (COMPOSE, DOCKERIGNORE) and not name.startswith(UNGROUPED):
            workers[module].add(worker)
    assert set(workers) == {COMPOSE, DOCKERIGNORE}, ran
    assert all(len(found) == 1 for found in workers.values()), dict(workers)


def test_on_every_worker_the_tests_that_commit_run_after_the_others(ran):
    """As pytest-django orders them: each one empties the database, migrations' data too."""
    order = defaultdict(list)
    for worker, module, _name in ran:
        if module in (COMMITTING, IN_TRANSACTION):
            order[worker].append(module)
    assert sum(len(modules) for modules in order.values()) == 9 + 5, ran
    for worker, modules in order.items():
        first_committing = modules.index(COMMITTING) if COMMITTING in modules else len(modules)
        assert IN_TRANSACTION not in modules[first_committing:], (worker, modules)


def test_work_is_handed_out_as_pytest_django_orders_tests_the_biggest_units_first():
    """In a test transaction, then committing, then without a database."""
    units = [
        ("without a database", ["n1"]),
        ("browser module", ["b1", "b2", "b3", "b4"]),
        ("single", ["s1"]),
        ("page cache", ["c1"]),
        ("servers", ["n2", "n3", "x1", "c2"]),
        ("module with a fixture", ["m1", "m2"]),
        ("settings module", ["n4", "n5"]),
    ]
    ordered = work_order(
        units,
        committing={"b1", "b2", "b3", "b4", "c1", "c2"},
        database={"s1", "m1", "m2", "x1"},
    )
    assert [name for name, _tests in ordered] == [
        "module with a fixture",
        "single",
        "browser module",
        "servers",
        "page cache",
        "settings module",
        "without a database",
    ]
