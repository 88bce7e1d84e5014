"""Which tests share a pytest-xdist worker, and the scheduler that keeps them together.

Tests of the browser marker share one worker (one Chromium, a session fixture);
the tests that start, stop and restart their own PostgreSQL, redis-server and
gunicorn processes share another, so that two of them do not starve each
other's servers past their timeouts on a small machine; and the tests of a
module with a module-scoped fixture (a gunicorn, a migrated database of the
module's own) share a worker, so that the fixture is set up once in the run
rather than once in every worker. Every other test goes to whichever worker is
free (README, "Running the tests").

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
MARKER_GROUPS = {"browser": "browser", "outage": "servers", "multi_instance": "servers"}
# A fixture of these scopes is set up once in each worker that runs a test using it.
ONCE_PER_MODULE_SCOPES = {"module", "class"}
# The folder where the workers write their tests' groups, named by the controller.
FOLDER_VARIABLE = "PORTAL_XDIST_GROUPS"


def worker_group(item):
    """The group of tests a test shares a worker with, or None where any worker may run it."""
    for marker, group in MARKER_GROUPS.items():
        if item.get_closest_marker(marker):
            return group
    fixturedefs = item._fixtureinfo.name2fixturedefs
    for name in item.fixturenames:
        defs = fixturedefs.get(name)
        if not defs:
            continue
        if defs[-1].scope in ONCE_PER_MODULE_SCOPES:
            return item.nodeid.split("::")[0]
        if defs[-1].scope == "package":
            return item.path.parent.relative_to(item.config.rootpath).as_posix()
    return None


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
    groups = {item.nodeid: group for item in items if (group := worker_group(item))}
    path = Path(folder) / f"{config.workerinput['workerid']}.json"
    # Written whole under another name, then renamed: the controller never reads half a file.
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(groups))
    partial.replace(path)


def read_groups():
    """The groups the workers wrote, by node id (every worker collects the same tests)."""
    folder = os.environ.get(FOLDER_VARIABLE)
    groups = {}
    for path in sorted(Path(folder).glob("*.json")) if folder else ():
        groups.update(json.loads(path.read_text()))
    return groups


def make_scheduler(config, log):
    """``--dist loadgroup`` with the groups above: a group is one unit of work, as in
    pytest-xdist's own, and the biggest units are handed out first."""
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        groups = None

        def _split_scope(self, nodeid):
            # Called only once every worker has collected, so every file is there.
            if self.groups is None:
                self.groups = read_groups()
            return self.groups.get(nodeid, nodeid)

    return GroupScheduling(config, log)
