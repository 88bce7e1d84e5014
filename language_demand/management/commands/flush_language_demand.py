from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from language_demand.counters import StoreUnavailable
from language_demand.flushing import flush_counts


class Command(BaseCommand):
    help = (
        "Write the language demand counted since the last flush (kept in Redis) to the "
        "database. Celery beat runs the same every few minutes."
    )

    def handle(self, *args, **options):
        try:
            written = flush_counts()
        except (StoreUnavailable, DatabaseError) as error:
            raise CommandError(f"Could not write language demand counts: {error}") from error
        self.stdout.write(f"Wrote {written} counted views.")
