from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search import dictionaries


class Command(BaseCommand):
    help = (
        "Install Debian's hunspell-uk (apt-get install hunspell-uk) into PostgreSQL as the "
        "Ukrainian text search dictionary, so that Ukrainian word forms match. Run it on "
        "the database server's machine, as a user who may write to PostgreSQL's "
        "share directory. With --check, only say whether it is installed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit with an error if the dictionary is not installed; change nothing.",
        )

    def handle(self, *args, check=False, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The dictionary serves PostgreSQL; this database is not.")
        # A database that does not exist yet still gets the files (install()).
        if check:
            current = dictionaries.status()
            if not current.installed:
                raise CommandError(current.detail)
            self.stdout.write(current.detail)
            return
        try:
            current = dictionaries.install()
        except FileNotFoundError as error:
            raise CommandError(
                f"Missing {error}: install Debian's hunspell-uk (apt-get install hunspell-uk)."
            ) from error
        except PermissionError as error:
            raise CommandError(
                f"Cannot write to PostgreSQL's share directory ({error}): run the command "
                "on the database server's machine as a user who may."
            ) from error
        self.stdout.write(self.style.SUCCESS(current.detail))
