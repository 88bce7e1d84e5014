"""CPU time from /proc: of a process tree, of the whole machine, of the wrk clients."""

import os
import resource
from pathlib import Path


def tree_cpu_seconds(root_pid):
    """User plus system CPU time of a process and all its descendants (from /proc)."""
    parents, times = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        times[pid] = int(fields[11]) + int(fields[12])
    total, found = 0, {root_pid}
    for pid in sorted(parents):  # children have larger ids, except after wrap-around
        if pid in found or parents[pid] in found:
            found.add(pid)
    total = sum(times.get(pid, 0) for pid in found)
    return total / os.sysconf("SC_CLK_TCK")


def machine_cpu_seconds():
    """CPU time spent by everything on the machine (all cores), from /proc/stat."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    busy = sum(int(value) for value in fields[:8]) - int(fields[3]) - int(fields[4])
    return busy / os.sysconf("SC_CLK_TCK")


def clients_cpu_seconds():
    """CPU time of the wrk processes this script ran and waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
