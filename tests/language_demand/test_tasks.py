from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from language_demand.counters import Counter
from language_demand.models import LanguageDemand
from language_demand.tasks import flush_language_demand
from tests.servers import free_port

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 2)


def test_the_periodic_task_writes_the_counts(local_store):
    local_store.record(Counter(DAY, "de"), "203.0.113.9")
    assert flush_language_demand.apply().get() == 1
    assert LanguageDemand.objects.get(day=DAY, language="de").count == 1


def test_celery_beat_runs_the_task_every_few_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["language-demand-flush"]
    assert entry["task"] == flush_language_demand.name
    assert 60 <= entry["schedule"] <= 15 * 60


def test_the_command_writes_the_counts(redis_store):
    redis_store.record(Counter(DAY, "de"), "203.0.113.9")
    redis_store.record(Counter(DAY, "de"), "198.51.100.7")
    out = StringIO()
    call_command("flush_language_demand", stdout=out)
    assert "Wrote 2 counted views." in out.getvalue()
    assert LanguageDemand.objects.get(day=DAY, language="de").count == 2


def test_the_command_says_when_redis_is_down(settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/2"
    with pytest.raises(CommandError, match="Could not write language demand counts"):
        call_command("flush_language_demand")
