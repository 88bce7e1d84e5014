from django.core.management.base import BaseCommand

from glossary.seeding import load_glossary


class Command(BaseCommand):
    help = (
        "Load the glossary of Swedish housing words from glossary/seed/. "
        "Running it again changes nothing unless the files changed."
    )

    def handle(self, *args, **options):
        written = load_glossary()
        self.stdout.write(self.style.SUCCESS(f"Glossary loaded ({written} terms written)."))
