"""Benchmark settings: the production settings plus a URLconf with the ceiling view.

Only ``bench/run.py`` uses this module; production never imports it.
"""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
