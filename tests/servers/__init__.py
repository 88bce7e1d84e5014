"""Real servers that a test starts, stops and restarts itself.

A throwaway PostgreSQL cluster, a redis-server and gunicorn instances of the
portal with production settings, each on a free port of the loopback
interface, so tests can cut and restore them without touching the machine's
shared services. Missing programs skip the test, except on CI (CI=true),
where they must be there.

A module a job: ``programs`` (programs and free ports), ``stores``
(PostgreSQL and Redis), ``portal`` (manage.py, gunicorn, Celery with
production settings), ``client`` (an HTTP client behind the load balancer)
and ``nginx`` (the front server). Everything is importable from here too.
"""

from tests.servers.client import HttpClient, Response
from tests.servers.nginx import NGINX_TEMPLATE, NginxFront, front_config, nginx_program
from tests.servers.portal import (
    PRODUCTION_SECRET,
    CeleryWorker,
    Gunicorn,
    manage,
    migrate_and_seed,
    production_environment,
)
from tests.servers.programs import ROOT, free_port, require_program, wait_for_port
from tests.servers.stores import RedisServer, ThrowawayPostgres, postgres_program, scratch_database

__all__ = [
    "NGINX_TEMPLATE",
    "PRODUCTION_SECRET",
    "ROOT",
    "CeleryWorker",
    "Gunicorn",
    "HttpClient",
    "NginxFront",
    "RedisServer",
    "Response",
    "ThrowawayPostgres",
    "free_port",
    "front_config",
    "manage",
    "migrate_and_seed",
    "nginx_program",
    "postgres_program",
    "production_environment",
    "require_program",
    "scratch_database",
    "wait_for_port",
]
