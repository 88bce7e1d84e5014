"""django-otp's device admins, with their fieldset titles and columns translated.

Only labels: the admin classes are django-otp's own, subclassed and registered again.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_security.third_party_labels import translated_fieldsets


class LabelledTOTPDeviceAdmin(TOTPDeviceAdmin):
    def get_fieldsets(self, request, obj=None):
        return translated_fieldsets(super().get_fieldsets(request, obj))

    @admin.display(description=_("QR code"))
    def qrcode_link(self, device):
        return super().qrcode_link(device)


class LabelledStaticDeviceAdmin(StaticDeviceAdmin):
    def get_fieldsets(self, request, obj=None):
        return translated_fieldsets(super().get_fieldsets(request, obj))


for model, model_admin in (
    (TOTPDevice, LabelledTOTPDeviceAdmin),
    (StaticDevice, LabelledStaticDeviceAdmin),
):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
