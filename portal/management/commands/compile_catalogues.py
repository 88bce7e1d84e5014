import shutil

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Compile the translation catalogues in LOCALE_PATHS (django.po to django.mo). "
        "Uses GNU gettext's msgfmt when it is installed, as in CI and the Docker image; "
        "otherwise polib, so that a machine with only Python can run the portal."
    )

    def handle(self, *args, **options):
        if shutil.which("msgfmt"):
            call_command("compilemessages", verbosity=options["verbosity"])
            return
        try:
            import polib
        except ImportError:
            raise CommandError(
                "Compiling the catalogues needs GNU gettext (msgfmt) or polib, "
                "which comes with the development dependencies (requirements/dev.txt)."
            ) from None

        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(locale_path.glob("*/LC_MESSAGES/*.po")):
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogues with polib.")
