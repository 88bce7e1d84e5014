from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = _("Sharing and printing")

    def ready(self):
        # Connect the slug-history signals and register the font check.
        from sharing import checks, signals  # noqa: F401
