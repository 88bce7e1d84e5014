from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmartAnswersConfig(AppConfig):
    name = "smart_answers"
    verbose_name = _("What applies to me?")
