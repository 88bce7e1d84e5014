"""The admin site: two-factor authentication for staff when ADMIN_REQUIRE_2FA is on.

With the setting on (the default whenever DEBUG is off), the login form asks for
user name, password and a one-time password from the caseworker's authenticator
app (or a backup code) together, and answers any mistake alike
(``staff_security.forms.StaffLoginForm``); a session that was not verified with
a code is not let into the admin. With it off (local development and most
tests), the login is Django's own.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy

from staff_security.forms import StaffLoginForm


class StaffAdminSite(AdminSite):
    # Caseworkers should see whose admin this is, in their own language.
    site_header = gettext_lazy("Housing in Gothenburg: editing")
    site_title = gettext_lazy("Housing in Gothenburg")
    index_title = gettext_lazy("Pages, translations and feedback")

    @property
    def login_form(self):
        return StaffLoginForm if settings.ADMIN_REQUIRE_2FA else None

    @property
    def login_template(self):
        return "staff_security/login.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        allowed = super().has_permission(request)
        if allowed and settings.ADMIN_REQUIRE_2FA:
            return request.user.is_verified()
        return allowed
