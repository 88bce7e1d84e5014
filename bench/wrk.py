"""wrk: the command line for a load, and the figures read from its output."""

import re
import subprocess

from bench.servers import HEADERS


def wrk_command(port, path, duration, connections, threads=1, script=None, script_args=()):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    # Long enough that a request stuck behind slow ones is measured, not dropped.
    command += ["--timeout", "60s"]
    if script:
        command += ["-s", str(script)]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    return [*command, "--", *script_args] if script_args else command


def wrk(port, path, duration, connections, app=None):
    cpu_before = app.worker_cpu_seconds() if app else 0
    output = subprocess.run(
        wrk_command(port, path, duration, connections), capture_output=True, text=True, check=True
    ).stdout
    cpu = (app.worker_cpu_seconds() - cpu_before) if app else 0
    if "Non-2xx or 3xx responses" in output:
        raise SystemExit(f"{path} answered errors under load:\n{output}")
    result = parse_wrk(output, path)
    result["cpu_ms"] = 1000 * cpu / max(result["requests"], 1)
    return result


def parse_wrk(output, path):
    def latency(percent):
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        if found is None:
            raise SystemExit(f"no {percent}% latency in wrk's output for {path}:\n{output}")
        value, unit = found.groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"timeout (\d+)", output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    # No request finished while wrk ran: slower than the whole run, not 0 ms.
    slowest = float("inf") if requests == 0 else None
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": requests,
        "p50": slowest or latency(50),
        "p99": slowest or latency(99),
        "errors": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }
