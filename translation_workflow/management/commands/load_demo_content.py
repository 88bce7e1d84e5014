from django.core.management.base import BaseCommand

from translation_workflow.services import load_demo_content


class Command(BaseCommand):
    help = (
        "Load example pages about housing in Gothenburg, marked as example content. "
        "Running it again changes nothing unless the demo files changed."
    )

    def handle(self, *args, **options):
        written = load_demo_content()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({written} records written)."))
