from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the portal's admin site as the default site.

    Every ``@admin.register`` in any app lands on this site, so two-factor
    authentication covers models that apps add later without their knowing.
    """

    default = False
    default_site = "staff_security.admin_site.StaffAdminSite"


class StaffSecurityConfig(AppConfig):
    default = True
    name = "staff_security"
    verbose_name = _("Staff security")

    def ready(self):
        from staff_security.third_party_labels import label_third_party_apps

        label_third_party_apps()
