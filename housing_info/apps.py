from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousingInfoConfig(AppConfig):
    name = "housing_info"
    verbose_name = _("Housing information")
