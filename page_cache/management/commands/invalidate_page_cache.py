from django.core.management.base import BaseCommand

from page_cache import generation


class Command(BaseCommand):
    help = (
        "Start a new page cache generation, so every instance renders pages afresh. "
        "Saving through Django does this by itself; use it after changing the database "
        "by other means (raw SQL, QuerySet.update())."
    )

    def handle(self, *args, **options):
        generation.bump()
        self.stdout.write(self.style.SUCCESS("Page cache invalidated."))
