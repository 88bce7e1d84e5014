"""The Celery app: background tasks (PDFs, posters, periodic counts) beside the web.

Started as ``celery -A portal worker`` and ``celery -A portal beat``. Its
settings are the ``CELERY_*`` names in ``portal/settings/tasks.py``, read from the
environment; without a broker (local development on SQLite) every task runs
at once in the process that asks for it.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
