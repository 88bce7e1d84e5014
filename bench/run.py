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
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import PAGES, compressed_sizes, count_queries, measure  # noqa: E402
from bench.pdf_load import PDF_LOAD_PAGE, pdf_load  # noqa: E402
from bench.report import report  # noqa: E402
from bench.servers import (  # noqa: E402
    Gunicorn,
    environment,
    fetch,
    free_port,
    manage,
    recreate_database,
    wait_for_port,
)


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
