from django.core.management.base import BaseCommand

from smart_answers.demo_questions import load_demo_questions


class Command(BaseCommand):
    help = (
        "Load the example “What applies to me?” questions, answers and rules. "
        "Run load_demo_content first, so that the rules can link its pages. "
        "Running it again changes nothing unless the demo files changed."
    )

    def handle(self, *args, **options):
        loaded = load_demo_questions()
        if loaded.missing:
            self.stdout.write(
                self.style.WARNING(
                    "Not found, so not linked (load the demo content first): "
                    + ", ".join(sorted(set(loaded.missing)))
                )
            )
        self.stdout.write(
            self.style.SUCCESS(f"Demo questions loaded ({loaded.written} records written).")
        )
