"""Which tests share a pytest-xdist worker, and the scheduler that hands them out.

The tests that start, stop and restart their own PostgreSQL, redis-server and
gunicorn processes share a worker, so that two of them do not starve each
other's servers past their timeouts on a small machine; the tests of a module
with a module-scoped fixture (a gunicorn, a migrated database of the module's
own, the browser at a small phone's size) share a worker, so that the fixture is
set up once in the run rather than once in every worker; and so do the tests of
each browser module (each worker that runs browser tests starts one Chromium).
Every other test goes to whichever worker is free (README, "Running the tests").

pytest-django runs the tests that commit (``transaction=True``, the live server)
after the other tests of the database, as the database is emptied after each of
them, data of the migrations included; the tests without a database come last.
The scheduler keeps that order on every worker: no work that commits is handed
out before all the other work on the database, and the work without a database,
in small units, fills in at the end behind the big units that commit; within
each, the biggest units go first.

pytest-xdist's own ``--dist loadgroup`` carries ``xdist_group`` markers from the
workers to the scheduler inside the node ids, which pytest 9.2 no longer lets a
plugin change (pytest-xdist issue 1386): every test would go its own way,
silently. So each worker writes its tests' groups to a file in a folder the
controller names, and the controller's scheduler reads them.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

# Marker: group. Tests of the first of these markers they carry share a worker.
MARKER_GROUPS = {"outage": "servers", "multi_instance": "servers"}
# Tests of this marker share a worker with the other tests of their module.
MODULE_MARKERS = {"browser"}
# A fixture of these scopes is set up once in each worker that runs a test using it.
ONCE_PER_MODULE_SCOPES = {"module", "class"}
# Fixtures that commit: pytest-django's; and module fixtures that commit data for
# their module's tests to read and empty the database after them (tests/browser/conftest.py).
COMMITTING_FIXTURES = ("transactional_db", "live_server")
COMMITTED_MODULE_FIXTURES = ("committed_demo_portal",)
# The folder where the workers write their tests' groups, named by the controller.
FOLDER_VARIABLE = "PORTAL_XDIST_GROUPS"


def worker_group(item):
    """The group of tests a test shares a worker with, or None where any worker may run it."""
    for marker, group in MARKER_GROUPS.items():
        if item.get_closest_marker(marker):
            return group
    if any(item.get_closest_marker(marker) for marker in MODULE_MARKERS):
        return item.nodeid.split("::")[0]
    fixturedefs = item._fixtureinfo.name2fixturedefs
    for name in item.fixturenames:
        defs = fixturedefs.get(name)
        # Only the suite's own: a plugin's (baseid "") are set up once per worker
        # anyway, or do nothing (pytest-django's class-scoped one for unittest classes).
        if not defs or not defs[-1].baseid:
            continue
        if defs[-1].scope in ONCE_PER_MODULE_SCOPES:
            return item.nodeid.split("::")[0]
        if defs[-1].scope == "package":
            return item.path.parent.relative_to(item.config.rootpath).as_posix()
    return None


def uses_database(item):
    """Whether the test uses the database (pytest-django's django_db marker or db fixture)."""
    return item.get_closest_marker("django_db") is not None or "db" in item.fixturenames


def commits(item):
    """Whether the test commits: pytest-django runs it outside a test transaction (as it
    decides), or it reads what a module fixture committed."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    if reads_committed_module_data(item):
        return True
    return any(name in item.fixturenames for name in COMMITTING_FIXTURES)


def reads_committed_module_data(item):
    """Whether the test reads data that a module fixture committed, and empties after
    the module's last test (tests/browser/conftest.py)."""
    return any(name in item.fixturenames for name in COMMITTED_MODULE_FIXTURES)


def in_test_transaction(item):
    """Whether the test uses the database in a test transaction and commits nothing."""
    return uses_database(item) and not commits(item)


def start_controller(config):
    """In the controller of a parallel run: a folder for the groups, named to the workers.

    The workers start after this (pytest-xdist starts them at the session's start)
    and inherit the environment.
    """
    if hasattr(config, "workerinput") or not config.pluginmanager.hasplugin("dsession"):
        return
    folder = tempfile.mkdtemp(prefix="portal-xdist-groups-")
    os.environ[FOLDER_VARIABLE] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    config.add_cleanup(lambda: os.environ.pop(FOLDER_VARIABLE, None))


def write_groups(config, items):
    """In a worker: the group of every collected test that has one, for the scheduler."""
    folder = os.environ.get(FOLDER_VARIABLE)
    if not folder or not hasattr(config, "workerinput"):
        return
    groups = {
        "groups": {item.nodeid: group for item in items if (group := worker_group(item))},
        "commit": [item.nodeid for item in items if commits(item)],
        "database": [item.nodeid for item in items if uses_database(item) and not commits(item)],
    }
    path = Path(folder) / f"{config.workerinput['workerid']}.json"
    # Written whole under another name, then renamed: the controller never reads half a file.
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(groups))
    partial.replace(path)


def read_groups():
    """What the workers wrote: groups by node id, the tests that commit and the other
    tests that use the database.

    Every worker collects the same tests; one file is enough, and there is one.
    """
    folder = os.environ.get(FOLDER_VARIABLE)
    for path in sorted(Path(folder).glob("*.json")) if folder else ():
        written = json.loads(path.read_text())
        return written["groups"], set(written["commit"]), set(written["database"])
    return {}, set(), set()


def work_order(units, committing, database):
    """Units of work (name, node ids) in the order to hand them out, as pytest-django
    orders tests: on the database in a test transaction, committing, without a
    database; within each, the biggest first."""

    def rank(unit):
        _name, nodeids = unit
        if any(nodeid in committing for nodeid in nodeids):
            return 1
        return 0 if any(nodeid in database for nodeid in nodeids) else 2

    return sorted(units, key=lambda unit: (rank(unit), -len(unit[1])))


def make_scheduler(config, log):
    """``--dist loadgroup`` with the groups above: a group is one unit of work, as in
    pytest-xdist's own; units that commit go after all others, the biggest first."""
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        groups = None
        committing = database = frozenset()

        def _split_scope(self, nodeid):
            # Called only once every worker has collected, so every file is there.
            if self.groups is None:
                self.groups, self.committing, self.database = read_groups()
            return self.groups.get(nodeid, nodeid)

        def _assign_work_unit(self, node):
            # LoadScopeScheduling.schedule() orders the queue by size alone; the
            # first unit it hands out is the first moment to order it as above.
            if not getattr(self, "_ordered", False):
                self._ordered = True
                units = work_order(self.workqueue.items(), self.committing, self.database)
                self.workqueue.clear()
                self.workqueue.update(units)
            super()._assign_work_unit(node)

    return GroupScheduling(config, log)
