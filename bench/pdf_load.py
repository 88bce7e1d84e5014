"""The PDF load: the cached /sv/ page while 50 clients ask for a PDF.

Straight to the page pool, and through the front server (nginx from
deploy/nginx/ with a PDF pool of its own), in turns.
"""

import functools
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from bench.cpu import clients_cpu_seconds, machine_cpu_seconds, tree_cpu_seconds
from bench.pages import PAGES
from bench.servers import CeleryWorker, Gunicorn, fetch
from bench.wrk import parse_wrk, wrk, wrk_command

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

# The front server's PDF pool (compose.yaml's "pdf" service).
PDF_POOL_WORKERS = 2
# Whose CPU time the PDF load measures, in the order the report lists them.
CPU_PARTIES = (
    "page pool",
    "PDF pool",
    "nginx",
    "Celery worker",
    "clients (wrk)",
    "machine (all processes)",
    "wall clock × cores",
)
# The cached home page's p99 under the PDF load must stay below this (issue 13).
PDF_LOAD_P99_MS = 20


def forget_pdfs(redis_url):
    """No render lock or "gave up" mark of an earlier run: the first request queues."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter("portal:pdf:*"):
        client.delete(key)


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
    from tests.servers.nginx import NginxFront

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
