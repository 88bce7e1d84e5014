# The Celery app is loaded with Django, so that tasks use it (Celery's Django guide).
from portal.celery import app as celery_app

__all__ = ("celery_app",)
