from django.core.management.base import BaseCommand

from search.demo_keywords import load_demo_keywords


class Command(BaseCommand):
    help = "Load the example search keywords (search/demo/keywords.json) for the demo pages."

    def handle(self, *args, **options):
        loaded = load_demo_keywords()
        self.stdout.write(f"Keywords written for {len(loaded.written)} pages.")
        if loaded.missing:
            self.stdout.write(
                f"Pages not found (load_demo_content first): {', '.join(loaded.missing)}"
            )
