from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageDemandConfig(AppConfig):
    name = "language_demand"
    verbose_name = _("Language demand")
