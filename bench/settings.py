"""Benchmark settings: the production settings plus a URLconf with the ceiling view.

Only the benchmark (``bench/run.py``, its servers in ``bench/servers.py``) uses this
module; production never imports it.
"""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The Celery broker shares the bench's Redis database (bench/servers.py sets
# CELERY_BROKER_URL to it) under a key prefix of its own.
CELERY_BROKER_TRANSPORT_OPTIONS = {"global_keyprefix": "bench-celery:"}
