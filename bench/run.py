#!/usr/bin/env python3
"""Benchmark the portal as production runs it, against the ceiling of its stack.

    .venv/bin/python bench/run.py                 # 20 and 2,000 pages, 10 s per URL
    .venv/bin/python bench/run.py --pages 20 --duration 5
    .venv/bin/python bench/run.py --pages 2000 --only pdf-load   # the PDF load alone

For each content size it fills a database of its own (BENCH_DATABASE_URL,
default postgres://postgres@127.0.0.1:5432/portal_bench, dropped and created
afresh), starts its own redis-server, runs gunicorn (2 sync workers,
production settings plus the /ceiling/ view of bench/urls.py) and drives it
with wrk: once with the page cache on (cached pages) and once with it off
(every request renders from the database). It prints requests per second, p50
and p99 latency, the ratio to the ceiling, compressed bytes of HTML and CSS,
SQL queries per page and the workers' memory; then, with a Celery worker
rendering PDFs as in production, the cached /sv/ page's latency while 50
clients ask for a page's PDF at once, straight to the page pool and through
the front server (nginx from deploy/nginx/, with a PDF pool of its own), what
the PDF address answered, and each figure against its target. See
bench/README.md.
"""

import argparse
import functools
import gzip
import http.client
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {
    "home (sv)": "/sv/",
    "content page (sv)": "/sv/transitional-flat/",
    "content page (ar)": "/ar/transitional-flat/",
    "search (sv)": "/sv/search/?q=boplats",
}
CEILING = "/ceiling/"
HEADERS = {"Host": "localhost", "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}

# The PDF load: a Celery worker renders PDFs beside gunicorn, as in production;
# this many clients ask for the content page's PDF at its canonical address
# (the first requests queue one render and get the printable page, later ones
# the stored file), then with a query string of their own (permanent
# redirects), while a second wrk measures the cached /sv/ page.
# pdf_answers.lua counts what the PDF address answered.
PDF_PATH = "/sv/transitional-flat/pdf/"
PDF_CLIENTS = 50
PDF_LOAD_PAGE = PAGES["home (sv)"]  # /sv/
PDF_ANSWERS = Path(__file__).resolve().parent / "pdf_answers.lua"
CELERY_CONCURRENCY = 2
# The front server's PDF pool (compose.yaml's "pdf" service).
PDF_POOL_WORKERS = 2
CPU_PARTIES = (
    "page pool",
    "PDF pool",
    "nginx",
    "Celery worker",
    "clients (wrk)",
    "machine (all processes)",
    "wall clock × cores",
)

# Ratio to the ceiling each page must reach at 2,000 pages (issue 13), and the
# cached home page's p99 under the PDF load.
TARGETS = {
    ("content page (sv)", "uncached"): 0.20,
    ("content page (ar)", "uncached"): 0.20,
    ("home (sv)", "uncached"): 0.15,
    ("search (sv)", "uncached"): 0.15,
    **{(name, "cached"): 0.80 for name in PAGES},
}
PDF_LOAD_P99_MS = 20


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port}")


def fetch(port, path, encoding="gzip"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={**HEADERS, "Accept-Encoding": encoding})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def environment(database_url, redis_url, ceiling_file, media_root):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="localhost",
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        # The broker on the same Redis database, under a key prefix of its own
        # (bench/settings.py); stored PDFs in a directory web and worker share.
        CELERY_BROKER_URL=redis_url,
        DJANGO_MEDIA_ROOT=str(media_root),
        BENCH_CEILING_FILE=str(ceiling_file),
    )
    return env


def recreate_database(database_url):
    import psycopg

    base, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


class Gunicorn:
    def __init__(self, env, workers, nice=0):
        self.port = free_port()
        # The PDF pool may run at a lower CPU priority, as a container's CPU
        # share would give it in production.
        niced = ["nice", "-n", str(nice)] if nice else []
        self.process = subprocess.Popen(
            [
                *niced,
                sys.executable,
                *("-m", "gunicorn", "portal.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)),
                "--no-control-socket",
                *("--log-level", "warning"),
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        wait_for_port(self.port)
        # Let both workers import everything before the clock starts.
        for _ in range(4 * workers):
            fetch(self.port, "/healthz")

    def workers(self):
        pids = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{self.process.pid}$", text, re.M):
                pids.append(int(status.parent.name))
        return pids

    def worker_rss_mb(self):
        return [
            int(re.search(r"^VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text(), re.M)[1])
            / 1024
            for pid in self.workers()
        ]

    def worker_cpu_seconds(self):
        """User plus system CPU time of the workers: what they spent, whatever else runs."""
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


class CeleryWorker:
    """``celery -A portal worker`` with gunicorn's environment, ready when it says so."""

    def __init__(self, env, log_file):
        self.log_file = log_file
        with open(log_file, "wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    *("-m", "celery", "-A", "portal", "worker"),
                    *("--concurrency", str(CELERY_CONCURRENCY), "--loglevel", "INFO"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while " ready." not in self.log():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"the Celery worker did not start:\n{self.log()}")
            time.sleep(0.2)

    def log(self):
        return Path(self.log_file).read_text(errors="replace")

    def cpu_seconds(self):
        return tree_cpu_seconds(self.process.pid)

    def renders(self):
        """Renders the worker finished: (succeeded, failed or refused)."""
        log = self.log()
        return (
            len(re.findall(r"render_stored_pdf\[[^]]+\] succeeded", log)),
            len(re.findall(r"render_stored_pdf\[[^]]+\] (?:raised|retry|rejected)", log)),
        )

    def stop(self):
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # warm shutdown: running renders finish
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


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


def forget_pdfs(redis_url):
    """No render lock or "gave up" mark of an earlier run: the first request queues."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter("portal:pdf:*"):
        client.delete(key)


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


def under_pdf_load(port, args, vary, parties=None):
    """The cached /sv/ page while PDF_CLIENTS ask for the PDF, and what the PDF answered.

    ``parties`` (name: function giving CPU seconds) are measured over the run,
    with the clients (both wrk), everything on the machine and the wall clock.
    """
    parties = {**(parties or {}), "clients (wrk)": clients_cpu_seconds}
    parties["machine (all processes)"] = machine_cpu_seconds
    cpu_before = {name: measure_cpu() for name, measure_cpu in parties.items()}
    started = time.monotonic()
    pdf = subprocess.Popen(
        wrk_command(
            port,
            PDF_PATH,
            args.duration + 2,
            PDF_CLIENTS,
            threads=2,
            script=PDF_ANSWERS,
            script_args=["vary"] if vary else [],
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        time.sleep(1)  # the PDF requests reach the workers first
        during = parse_wrk(
            subprocess.run(
                wrk_command(port, PDF_LOAD_PAGE, args.duration, args.connections),
                capture_output=True,
                text=True,
                check=True,
            ).stdout,
            PDF_LOAD_PAGE,
        )
        pdf_output = pdf.communicate(timeout=args.duration + 120)[0]
    finally:
        if pdf.poll() is None:
            pdf.kill()
    try:
        pdf_result = parse_wrk(pdf_output, PDF_PATH)
    except (AttributeError, SystemExit):  # not one PDF request finished, or wrk failed
        pdf_result = {"rps": 0.0, "requests": 0, "p50": 0.0, "p99": 0.0, "errors": 0}
        pdf_result["wrk_output"] = f"(exit {pdf.returncode}) {pdf_output.strip()[-300:]}"
    answers = re.search(r"answers: pdf=(\d+) html=(\d+) moved=(\d+) other=(\d+)", pdf_output)
    counts = map(int, answers.groups() if answers else "0000")
    pdf_result["answers"] = dict(zip(("pdf", "html", "moved", "other"), counts, strict=True))
    cpu = {name: measure_cpu() - cpu_before[name] for name, measure_cpu in parties.items()}
    cpu["wall clock × cores"] = (time.monotonic() - started) * os.cpu_count()
    return {"during": during, "pdf": pdf_result, "cpu": cpu}


def forget_stored_pdfs(media_root):
    """No PDF rendered by an earlier scenario: the first request of the next one queues one."""
    shutil.rmtree(Path(media_root) / "pdfs", ignore_errors=True)


def pdf_scenario(port, env, args, worker, parties):
    """The cached /sv/ page alone, then during the PDF load, at the canonical address and with
    query strings, against whatever listens on ``port``; from an empty PDF store."""
    forget_pdfs(env["CELERY_BROKER_URL"])
    forget_stored_pdfs(env["DJANGO_MEDIA_ROOT"])
    renders_before = worker.renders()
    alone = wrk(port, PDF_LOAD_PAGE, args.duration, args.connections)
    canonical = under_pdf_load(port, args, vary=False, parties=parties)
    query_string = under_pdf_load(port, args, vary=True, parties=parties)
    renders_after = worker.renders()
    return {
        "alone": alone,
        "canonical": canonical,
        "query_string": query_string,
        "renders": tuple(
            after - before for after, before in zip(renders_after, renders_before, strict=True)
        ),
    }


def pdf_load(app, env, args, workdir):
    """The PDF load straight to the page pool and through the front server, in turns.

    The front server is the repository's deploy/nginx/portal.conf.template:
    pages to the page pool (``app``), PDF addresses to a PDF pool of
    PDF_POOL_WORKERS gunicorn workers started here (one per niceness in
    --pdf-pool-nice), PDFs and their redirects kept by nginx. The setups take
    turns, --repeat times, so that they meet the same machine load.
    """
    from tests.servers import NginxFront

    worker = CeleryWorker(env, workdir / "celery-worker.log")
    pools = {}
    common = {"page pool": app.worker_cpu_seconds, "Celery worker": worker.cpu_seconds}
    runs = {"direct": []}
    try:
        for nice in args.pdf_pool_nice:
            pools[nice] = Gunicorn(
                {**env, "DJANGO_PAGE_CACHE_SECONDS": "600"}, PDF_POOL_WORKERS, nice
            )
            runs[f"front, PDF pool nice {nice}"] = []
        for _ in range(args.repeat):
            runs["direct"].append(pdf_scenario(app.port, env, args, worker, common))
            for nice, pdf_pool in pools.items():
                # A new front server each time: nothing kept from an earlier run.
                front = NginxFront(app.port, pdf_pool.port)
                try:
                    front.start()
                    fetch(front.port, PDF_LOAD_PAGE)
                    parties = {
                        **common,
                        "PDF pool": pdf_pool.worker_cpu_seconds,
                        "nginx": functools.partial(tree_cpu_seconds, front.process.pid),
                    }
                    runs[f"front, PDF pool nice {nice}"].append(
                        pdf_scenario(front.port, env, args, worker, parties)
                    )
                finally:
                    front.stop()
    finally:
        for pdf_pool in pools.values():
            pdf_pool.stop()
        worker.stop()
    return runs


def median(values):
    return sorted(values)[len(values) // 2]


def measure(app, paths, args):
    """Each page alternately with the ceiling, so both meet the same machine load.

    Other processes on a shared machine make single runs noisy; each page's
    ratio is the median of its runs over the median of the ceiling runs
    interleaved with them.
    """
    run = {}
    port = app.port
    wrk(port, CEILING, 1, args.connections)  # warm up
    for name, path in paths.items():
        wrk(port, path, 1, args.connections)  # warm up
        pages, ceilings = [], []
        for _ in range(args.repeat):
            ceilings.append(wrk(port, CEILING, args.duration, args.connections, app))
            pages.append(wrk(port, path, args.duration, args.connections, app))
        middle = median([result["rps"] for result in pages])
        run[name] = next(result for result in pages if result["rps"] == middle)
        run[name]["ceiling_rps"] = median([result["rps"] for result in ceilings])
        run[name]["cpu_ms"] = median([result["cpu_ms"] for result in pages])
        run[name]["ceiling_cpu_ms"] = median([result["cpu_ms"] for result in ceilings])
    ceiling_runs = [run[name]["ceiling_rps"] for name in run]
    run["ceiling"] = {"rps": median(ceiling_runs), "p50": 0.0, "p99": 0.0}
    return run


def count_queries(paths):
    """SQL queries to render each page once, from the database (cache missed)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from page_cache import generation

    client = Client(HTTP_HOST="localhost", headers={"X-Forwarded-Proto": "https"})
    counts = {}
    for name, path in paths.items():
        generation.bump()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[name] = len(queries) if response.status_code == 200 else None
    return counts


def compressed_sizes(port, path):
    _status, _headers, html_gzip = fetch(port, path, "gzip")
    _status, _headers, html = fetch(port, path, "identity")
    css_paths = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
    css_gzip = css_br = 0
    for css in css_paths:
        css_gzip += len(fetch(port, css.decode(), "gzip")[2])
        css_br += len(fetch(port, css.decode(), "br")[2])
    return {
        "html": len(html),
        "html_gzip": len(html_gzip),
        "css_gzip": css_gzip,
        "css_br": css_br,
        "total_gzip": len(html_gzip) + css_gzip,
        "total_best": len(html_gzip) + min(css_gzip, css_br),
    }


def run_size(pages, env, args, workdir):
    from bench.content import generate

    generate(pages)
    # Stored PDFs of this content size only: the first PDF request renders.
    media_root = workdir / f"media-{pages}"
    media_root.mkdir()
    env = {**env, "DJANGO_MEDIA_ROOT": str(media_root)}
    if args.only == "pdf-load":
        from django.core.cache import cache

        cache.clear()
        app = Gunicorn({**env, "DJANGO_PAGE_CACHE_SECONDS": "600"}, args.workers)
        try:
            fetch(app.port, PDF_LOAD_PAGE)  # the cached page is stored
            return {"pages": pages, "runs": {}, "pdf_load": pdf_load(app, env, args, workdir)}
        finally:
            app.stop()
    ceiling_file = Path(env["BENCH_CEILING_FILE"])
    # The ceiling returns exactly the Swedish content page's HTML.
    from django.test import Client

    client = Client(HTTP_HOST="localhost", headers={"X-Forwarded-Proto": "https"})
    page = client.get(PAGES["content page (sv)"])
    content = b"".join(page) if page.streaming else page.content
    if page.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    ceiling_file.write_bytes(content)

    queries = count_queries(PAGES)
    present = {name: path for name, path in PAGES.items() if queries[name] is not None}
    results = {"pages": pages, "queries": queries, "runs": {}}
    from django.core.cache import cache

    for mode, cache_seconds in (("cached", "600"), ("uncached", "0")):
        cache.clear()  # the uncached run must not read pages the cached run stored
        app = Gunicorn({**env, "DJANGO_PAGE_CACHE_SECONDS": cache_seconds}, args.workers)
        try:
            results["runs"][mode] = measure(app, present, args)
            results[f"rss_{mode}"] = app.worker_rss_mb()
            if mode == "cached":
                results["sizes"] = {
                    name: compressed_sizes(app.port, path) for name, path in present.items()
                }
                if args.only != "pages":
                    results["pdf_load"] = pdf_load(app, env, args, workdir)
        finally:
            app.stop()
    return results


def report(results):
    lines = []
    for result in results:
        lines.append(f"\n### {result['pages']} pages\n")
        if result["runs"]:
            lines += report_pages(result)
        if "pdf_load" in result:
            lines += report_pdf_load(result["pdf_load"])
        lines += report_targets(result)
    return "\n".join(lines)


def report_pages(result):
    lines = []
    lines.append(
        "| page | mode | req/s | p50 ms | p99 ms | ratio to ceiling "
        "| worker CPU ms/req | CPU ratio | SQL |"
    )
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for mode, run in result["runs"].items():
        for name, numbers in run.items():
            if name == "ceiling":
                continue
            ratio = numbers["rps"] / max(numbers["ceiling_rps"], 1e-6)
            cpu_ratio = numbers["ceiling_cpu_ms"] / max(numbers["cpu_ms"], 1e-6)
            queries = result["queries"].get(name, 0) if mode == "uncached" else 0
            lines.append(
                f"| {name} | {mode} | {numbers['rps']:.0f} | {numbers['p50']:.2f} "
                f"| {numbers['p99']:.2f} | {ratio:.2f} | {numbers['cpu_ms']:.2f} "
                f"| {cpu_ratio:.2f} | {queries} |"
            )
        ceiling = run["ceiling"]
        lines.append(f"| ceiling | {mode} | {ceiling['rps']:.0f} | | | 1.00 | | 1.00 | 0 |")
    missing = [name for name, count in result["queries"].items() if count is None]
    if missing:
        lines.append(f"\nNot measured (not found, no such view yet): {', '.join(missing)}.")
    lines.append("\n| page | HTML | HTML gzip | CSS gzip | CSS brotli | HTML+CSS compressed |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for name, size in result["sizes"].items():
        lines.append(
            f"| {name} | {size['html']} | {size['html_gzip']} | {size['css_gzip']} "
            f"| {size['css_br']} | {size['total_best']} |"
        )
    for mode in ("cached", "uncached"):
        rss = ", ".join(f"{value:.0f} MB" for value in result[f"rss_{mode}"])
        lines.append(f"\nWorker memory (RSS) after the {mode} run: {rss}.")
    return lines


def milliseconds(value):
    return "none finished" if value == float("inf") else f"{value:.2f}"


def during_p99(scenario):
    return scenario["canonical"]["during"]["p99"]


def median_run(runs):
    """The run whose /sv/ p99 under the PDF load is the median of the setup's runs."""
    return sorted(runs, key=during_p99)[len(runs) // 2]


def report_pdf_load(setups):
    def row(setup, what, numbers):
        return (
            f"| {setup} | {what} | {numbers['rps']:.1f} | {milliseconds(numbers['p50'])} "
            f"| {milliseconds(numbers['p99'])} | {numbers['errors']} "
            f"| {numbers.get('timeouts', 0)} |"
        )

    def answered(numbers):
        answers = numbers["answers"]
        return (
            f"{answers['pdf']} PDF (200), {answers['html']} printable page (200 HTML), "
            f"{answers['moved']} redirect (301), {answers['other']} other"
        )

    lines = [
        f"\nPDF load: a Celery worker ({CELERY_CONCURRENCY} processes) renders PDFs; "
        f"{PDF_CLIENTS} clients ask for {PDF_PATH}, then for {PDF_PATH}?n=<a new number "
        f"each time>, while {PDF_LOAD_PAGE} is measured cached; straight to the page pool "
        f"(direct), and through the front server (nginx, deploy/nginx/portal.conf.template) "
        f"with a PDF pool of {PDF_POOL_WORKERS} workers, in turns. Each run starts with no "
        "PDF stored. The run shown is each setup's median by the /sv/ p99 under the load.\n",
        "| setup | what | req/s | p50 ms | p99 ms | non-2xx/3xx | timeouts |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    notes, cpu_rows = [], []
    for setup, runs in setups.items():
        load = median_run(runs)
        canonical, query_string = load["canonical"], load["query_string"]
        lines += [
            row(setup, f"{PDF_LOAD_PAGE}, cached, alone", load["alone"]),
            row(setup, f"{PDF_LOAD_PAGE}, cached, during the PDF load", canonical["during"]),
            row(setup, f"PDF requests, {PDF_PATH}", canonical["pdf"]),
            row(setup, f"{PDF_LOAD_PAGE}, during the query-string load", query_string["during"]),
            row(setup, f"PDF requests, {PDF_PATH}?n=...", query_string["pdf"]),
        ]
        succeeded, failed = load["renders"]
        for run_number, run in enumerate(runs, 1):
            for what in ("canonical", "query_string"):
                if "wrk_output" in run[what]["pdf"]:
                    notes.append(
                        f"\n{setup}, run {run_number}, {what}: the PDF clients' wrk gave no "
                        f"figures: {run[what]['pdf']['wrk_output']}"
                    )
        every = ", ".join(milliseconds(during_p99(run)) for run in runs)
        notes += [
            f"\n{setup}: /sv/ p99 under the PDF load in each run: {every} ms. "
            f"{PDF_PATH} answered {answered(canonical['pdf'])}; "
            f"with ?n=... {answered(query_string['pdf'])}. "
            f"Renders by the worker: {succeeded} finished, {failed} failed.",
        ]
        cpu = canonical["cpu"]
        cpu_rows.append(
            f"| {setup} | "
            + " | ".join(f"{cpu[name]:.1f}" if name in cpu else "" for name in CPU_PARTIES)
            + " |"
        )
    lines += notes
    lines += [
        "\nCPU seconds spent during the PDF load at the canonical address (median run):\n",
        "| setup | " + " | ".join(CPU_PARTIES) + " |",
        "|---|" + "---:|" * len(CPU_PARTIES),
        *cpu_rows,
    ]
    return lines


def report_targets(result):
    lines = [
        f"\nAgainst the targets ({result['pages']} pages):\n",
        "| page | mode | ratio to ceiling | target | met |",
        "|---|---|---:|---:|---|",
    ]
    for (name, mode), target in TARGETS.items():
        numbers = result["runs"].get(mode, {}).get(name)
        if numbers is None:
            continue
        ratio = numbers["rps"] / max(numbers["ceiling_rps"], 1e-6)
        met = "yes" if ratio >= target else "no"
        lines.append(f"| {name} | {mode} | {ratio:.2f} | ≥ {target:.2f} | {met} |")
    for setup, runs in result.get("pdf_load", {}).items():
        p99 = during_p99(median_run(runs))
        lines.append(
            f"| {PDF_LOAD_PAGE} during the PDF load ({setup}) | cached "
            f"| p99 (ms) {milliseconds(p99)} | < {PDF_LOAD_P99_MS} ms "
            f"| {'yes' if p99 < PDF_LOAD_P99_MS else 'no'} |"
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[20, 2000])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="runs per URL (median)")
    parser.add_argument(
        "--pdf-pool-nice",
        type=int,
        nargs="+",
        default=[10],
        help="the PDF load through the front server, once per niceness of the PDF pool "
        "(10: about compose.yaml's CPU weight of 256 against 1024)",
    )
    parser.add_argument(
        "--only",
        choices=["pdf-load", "pages"],
        help="the PDF load alone (cached pages only), or the pages without the PDF load",
    )
    args = parser.parse_args()
    if not shutil.which("celery", path=str(Path(sys.executable).parent)):
        raise SystemExit("celery is needed in this virtualenv: pip install -e '.[dev]'")
    for program in ("wrk", "redis-server"):
        if not shutil.which(program):
            raise SystemExit(f"{program} is needed: apt-get install {program.split('-')[0]}")
    if args.only != "pages" and not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        raise SystemExit(
            "nginx is needed for the PDF load's front server: apt-get install nginx-light"
        )

    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"
    )
    # A Redis database of one's own on a shared server (it is emptied), or a
    # redis-server started here on a free port.
    redis_url = os.environ.get("BENCH_REDIS_URL")
    redis = None
    if not redis_url:
        redis_port = free_port()
        redis = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        redis_url = f"redis://127.0.0.1:{redis_port}/0"
        wait_for_port(redis_port)
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    ceiling_file = workdir / "ceiling.html"
    ceiling_file.write_bytes(b"")
    env = environment(database_url, redis_url, ceiling_file, workdir / "media")
    try:
        recreate_database(database_url)
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        manage(env, "compile_catalogues", "--verbosity", "0")
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        os.environ.update(env)
        import django

        django.setup()
        results = [run_size(pages, env, args, workdir) for pages in args.pages]
    finally:
        if redis:
            redis.terminate()
        shutil.rmtree(workdir, ignore_errors=True)
    if os.environ.get("BENCH_DEBUG"):
        print(results)
    print(report(results))
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")


if __name__ == "__main__":
    main()
