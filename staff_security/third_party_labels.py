"""Translatable labels for the security apps' admin (django-axes, django-otp).

django-otp writes its app, model and field names in plain English, and
django-axes its app name; caseworkers see them in the admin's index, sidebar
and forms. Here they get the same English words, marked for translation, so
our catalogues (``locale/``) give them in the caseworker's language. Only
labels change: the migrations' state is compared in English and stays as is.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

APP_NAMES = {
    "axes": _("Login attempts and lockouts"),
    "otp_totp": _("One-time passwords: authenticator apps"),
    "otp_static": _("One-time passwords: backup codes"),
}

MODEL_NAMES = {
    ("otp_totp", "totpdevice"): (_("TOTP device"), _("TOTP devices")),
    ("otp_static", "staticdevice"): (_("static device"), _("static devices")),
    ("otp_static", "statictoken"): (_("static token"), _("static tokens")),
}

# (field name, label, help text or None); the help texts are django-otp's own words.
FIELD_LABELS = (
    ("user", _("user"), _("The user that this device belongs to.")),
    ("name", pgettext_lazy("device", "name"), _("The human-readable name of this device.")),
    ("confirmed", _("confirmed"), _("Is this device ready for use?")),
    (
        "created_at",
        _("created at"),
        _("The date and time when this device was initially created in the system."),
    ),
    ("last_used_at", _("last used at"), _("The most recent date and time this device was used.")),
    (
        "throttling_failure_timestamp",
        _("throttling failure timestamp"),
        _("A timestamp of the last failed verification attempt. Null if last attempt succeeded."),
    ),
    (
        "throttling_failure_count",
        _("throttling failure count"),
        _("Number of successive failed attempts."),
    ),
    ("key", _("key"), _("A hex-encoded secret key of up to 40 bytes.")),
    ("step", _("step"), _("The time step in seconds.")),
    ("t0", _("t0"), _("The Unix time at which to begin counting steps.")),
    ("digits", _("digits"), _("The number of digits to expect in a token.")),
    ("tolerance", _("tolerance"), _("The number of time steps in the past or future to allow.")),
    (
        "drift",
        _("drift"),
        _("The number of time steps the prover is known to deviate from our clock."),
    ),
    ("last_t", _("last t"), None),
    ("device", _("device"), None),
    ("token", _("token"), None),
)

# django-otp's admin fieldset titles, as its admin classes spell them.
FIELDSET_TITLES = {
    "Identity": _("Identity"),
    "Timestamps": _("Timestamps"),
    "Configuration": _("Configuration"),
    "State": pgettext_lazy("device", "State"),
    "Throttling": _("Throttling"),
}


def label_third_party_apps():
    """Give the security apps' app, model and field names translatable labels."""
    for label, name in APP_NAMES.items():
        try:
            apps.get_app_config(label).verbose_name = name
        except LookupError:
            continue
    for (app_label, model_name), (singular, plural) in MODEL_NAMES.items():
        try:
            opts = apps.get_model(app_label, model_name)._meta
        except LookupError:
            continue
        opts.verbose_name, opts.verbose_name_plural = singular, plural
        for field_name, verbose_name, help_text in FIELD_LABELS:
            try:
                field = opts.get_field(field_name)
            except FieldDoesNotExist:
                continue
            field.verbose_name = verbose_name
            if help_text is not None:
                field.help_text = help_text


def translated_fieldsets(fieldsets):
    """django-otp's fieldsets with their titles marked for translation."""
    return [(FIELDSET_TITLES.get(name, name), options) for name, options in fieldsets]
