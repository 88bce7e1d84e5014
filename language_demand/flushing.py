"""Writing the counts gathered in the store to the database.

Run every few minutes by Celery beat (``tasks.flush_language_demand``), by
``manage.py flush_language_demand``, and before the admin shows the counters.
"""

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F

from housing_info.models import Page
from language_demand.counters import StoreUnavailable
from language_demand.models import LanguageDemand
from language_demand.store import demand_store

logger = logging.getLogger(__name__)


def add_to_counter(counter, count):
    """Add ``count`` to the database counter of ``counter``, creating it if need be.

    The addition happens in the database (``count = count + n``), so flushes
    running at the same time never lose each other's counts.
    """
    lookup = {"day": counter.day, "language": counter.language, "page_id": counter.page_id}
    counters = LanguageDemand.objects.filter(**lookup)
    if counters.update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            LanguageDemand.objects.create(count=count, **lookup)
    except IntegrityError:
        # Another flush created this counter in the meantime.
        counters.update(count=F("count") + count)


def write_counts(counts):
    """Add each counter's count in one transaction; pages deleted meanwhile are left out."""
    page_ids = {counter.page_id for counter in counts if counter.page_id}
    with transaction.atomic():
        existing = set(Page.objects.filter(pk__in=page_ids).values_list("pk", flat=True))
        for counter, count in sorted(counts.items(), key=lambda item: item[0].field()):
            if counter.page_id is None or counter.page_id in existing:
                add_to_counter(counter, count)


def flush_counts():
    """Move every count from the store to the database; returns how many were written.

    Each batch is taken from the store at once, written in one transaction and
    only then removed; if writing fails it is given back to the store.
    """
    written = 0
    for batch in demand_store().batches():
        try:
            write_counts(batch.counts)
        except DatabaseError:
            batch.give_back()
            raise
        batch.done()
        written += sum(batch.counts.values())
    return written


def flush_counts_safely():
    """Flush, but let a store or database outage only be logged (for the admin)."""
    try:
        return flush_counts()
    except (StoreUnavailable, DatabaseError):
        logger.exception("Could not write language demand counts")
        return 0
