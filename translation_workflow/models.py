"""What the translation workflow stores beyond the pages themselves.

The state of each language version lives on the page (``Page.language_versions``);
here are the languages each translator may edit, and the admin entry that holds
the overview of all language versions and the exchange with translation agencies.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from housing_info.models import Page


class TranslatorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="translator_profile",
        on_delete=models.CASCADE,
    )
    # Language codes from settings.LANGUAGES, never the source language.
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("The languages this translator may edit. Other languages are read-only."),
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("translator's languages")
        verbose_name_plural = _("translators' languages")

    def __str__(self):
        return str(self.user)


class TranslationOverview(Page):
    """The admin entry for the dashboard and the XLIFF exchange (no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = _("translation overview")
        verbose_name_plural = _("translation overview")
        default_permissions = ("view",)
        permissions = [
            ("review_translation", _("Can mark language versions reviewed")),
            ("exchange_xliff", _("Can export and import translations (XLIFF)")),
        ]
