"""The admin's login with two factors: user name, password and code on one form.

A form that checks the password first and then asks for the code tells a
guesser that the password was right, and its list of devices tells what the
account has. Here the three come together and any mistake gets the same
answer, so nothing is learnt before the second factor. A wrong code counts as
a failed login for the lockout (django-axes) like a wrong password: otherwise
whether the lockout comes would tell a right password from a wrong one.
"""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice


def verified_device(user, token):
    """The user's confirmed device that accepts this code, or None.

    A code of six digits goes to the authenticator apps (TOTP), anything else to
    the backup codes, so a login does not count as a failed attempt against the
    devices it was not meant for (each failure slows that device down).
    """
    token = "".join(token.split())
    if not token:
        return None
    for device in devices_for_user(user, confirmed=True):
        if isinstance(device, TOTPDevice) != (
            token.isdigit() and len(token) == device_digits(device)
        ):
            continue
        allowed, _details = device.verify_is_allowed()
        if allowed and device.verify_token(token):
            return device
    return None


class OneTimeCodeInput(forms.TextInput):
    """A code is never written back into the form: the next try needs a fresh one."""

    def format_value(self, value):
        return None


def device_digits(device):
    return getattr(device, "digits", 6)


class StaffLoginForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app, or a backup code"),
        required=False,
        max_length=32,
        widget=OneTimeCodeInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "The user name, password or code is not right. Check all three and try again; "
            "the user name and password are case-sensitive."
        ),
    }

    @sensitive_variables()
    def clean(self):
        try:
            super().clean()
        except ValidationError:
            raise self.get_invalid_login_error() from None
        user = self.user_cache
        if user is None:
            # A required field was missing; its own error says which.
            return self.cleaned_data
        device = verified_device(user, self.cleaned_data.get("otp_token", ""))
        if device is None:
            self.user_cache = None
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        # django-otp marks the session verified when Django logs this user in.
        user.otp_device = device
        return self.cleaned_data
