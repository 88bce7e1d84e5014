#!/usr/bin/env python3
"""Where an uncached page's time goes: cProfile of the WSGI application, in-process.

    .venv/bin/python bench/profile_page.py                      # 20 pages, the four pages
    .venv/bin/python bench/profile_page.py --pages 2000 --path /sv/ --requests 200

Production settings (DEBUG off, the cached template loader), PostgreSQL
(BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/portal_profile,
dropped and created afresh) and the page cache off, as in the benchmark's
uncached run; the cache is local memory unless REDIS_URL is set. Each path is
requested a few times to warm up, ``--requests`` times timed, then as often
under the profiler; the report prints the mean wall time per request and the functions with the most
cumulative time. See bench/README.md.
"""

import argparse
import cProfile
import io
import os
import pstats
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PATHS = ["/sv/transitional-flat/", "/ar/transitional-flat/", "/sv/", "/sv/search/?q=boplats"]


def environ_for(path):
    from wsgiref.util import setup_testing_defaults

    environ = {
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.partition("?")[2],
        "HTTP_HOST": "localhost",
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "REQUEST_METHOD": "GET",
    }
    setup_testing_defaults(environ)
    return environ


def request(application, path):
    statuses = []
    body = application(environ_for(path), lambda status, headers, *_: statuses.append(status))
    for _chunk in body:
        pass
    body.close()
    if not statuses[0].startswith("200"):
        raise SystemExit(f"{path} answered {statuses[0]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--path", action="append", help="a path to profile (repeatable)")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--top", type=int, default=45, help="functions to list")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database of the last run as it is"
    )
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (e.g. tottime)")
    args = parser.parse_args()

    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_profile"
    )
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="localhost",
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_PAGE_CACHE_SECONDS="0",
        DATABASE_URL=database_url,
    )
    for name in ("DJANGO_DEBUG", "DJANGO_STATICFILES_STORAGE"):
        os.environ.pop(name, None)

    from bench.servers import recreate_database

    if not args.reuse:
        recreate_database(database_url)
    for command in (("migrate", "--no-input"), ("collectstatic", "--no-input")):
        subprocess.run(
            [sys.executable, "manage.py", *command, "--verbosity", "0"],
            cwd=ROOT,
            env=os.environ,
            check=True,
        )

    import django

    django.setup()
    from django.core.wsgi import get_wsgi_application

    from bench.content import generate

    if not args.reuse:
        generate(args.pages)
    application = get_wsgi_application()
    for path in args.path or PATHS:
        for _ in range(20):
            request(application, path)
        started = time.perf_counter()
        for _ in range(args.requests):
            request(application, path)
        plain = time.perf_counter() - started
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        for _ in range(args.requests):
            request(application, path)
        profiler.disable()
        elapsed = time.perf_counter() - started
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(
            f"\n=== {path}: {1000 * plain / args.requests:.2f} ms per request, "
            f"{1000 * elapsed / args.requests:.2f} ms profiled"
        )
        print(out.getvalue())


if __name__ == "__main__":
    main()
