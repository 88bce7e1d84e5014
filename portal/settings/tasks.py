"""Background tasks: Celery, its periodic tasks, and the PDFs it renders and stores."""

from pathlib import Path

from portal.settings import environment as env
from portal.settings.base import BASE_DIR

# PDFs and posters are rendered by a Celery worker (`celery -A portal worker`)
# and stored in the default storage under MEDIA_ROOT, which web and worker
# share. Nothing under MEDIA_ROOT is served by URL: the PDF views check access
# and send the file. See docs/deployment.md.
MEDIA_ROOT = Path(env.text("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "media/"
# The broker: CELERY_BROKER_URL, else the Redis the cache uses. Without one
# (development), tasks run at once in the web process ("eager").
CELERY_BROKER_URL = env.text("CELERY_BROKER_URL") or env.text("REDIS_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_IGNORE_RESULT = True
# Time budget of one task: an exception at the soft limit, the process killed at the hard one.
CELERY_TASK_SOFT_TIME_LIMIT = env.whole_number("CELERY_TASK_SOFT_TIME_LIMIT", 30, minimum=1)
CELERY_TASK_TIME_LIMIT = env.whole_number("CELERY_TASK_TIME_LIMIT", 45, minimum=1)
if CELERY_TASK_TIME_LIMIT <= CELERY_TASK_SOFT_TIME_LIMIT:
    raise env.SettingError(
        "CELERY_TASK_TIME_LIMIT must be larger than CELERY_TASK_SOFT_TIME_LIMIT "
        f"({CELERY_TASK_TIME_LIMIT} is not more than {CELERY_TASK_SOFT_TIME_LIMIT})."
    )
# A bounded pool: this many renders at once per worker, one task fetched at a time.
CELERY_WORKER_CONCURRENCY = env.whole_number("CELERY_WORKER_CONCURRENCY", 2, minimum=1)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# WeasyPrint's memory grows with what it rendered: a fresh process now and then.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.whole_number(
    "CELERY_WORKER_MAX_TASKS_PER_CHILD", 100, minimum=1
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Size budget: printable pages larger than this (bytes of HTML) get no PDF.
PDF_MAX_HTML_BYTES = env.whole_number("PDF_MAX_HTML_BYTES", 250_000, minimum=1000)

# Language demand: page views count in Redis (language_demand/redis_store.py); Celery
# beat writes the counts to the database every 5 minutes. Other periodic tasks
# add their own entries to this dictionary.
CELERY_BEAT_SCHEDULE = {
    "language-demand-flush": {
        "task": "language_demand.tasks.flush_language_demand",
        "schedule": 5 * 60.0,
    },
}
