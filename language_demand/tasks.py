"""Celery tasks of language demand (scheduled in ``CELERY_BEAT_SCHEDULE``)."""

from celery import shared_task

from language_demand.flushing import flush_counts


@shared_task
def flush_language_demand():
    """Write the counts gathered in Redis to the database."""
    return flush_counts()
