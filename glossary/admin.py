from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from glossary.models import Term
from portal.concurrent_edits import ConcurrentEditAdminMixin
from portal.outdated_translations import OutdatedTranslationsAdminMixin


@admin.register(Term)
class TermAdmin(OutdatedTranslationsAdminMixin, ConcurrentEditAdminMixin, TabbedTranslationAdmin):
    list_display = ("term", "meaning", "other_forms")
    search_fields = ("term", "other_forms", "meaning", "explanation")
    prepopulated_fields = {"slug": ("term",)}
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "term",
                    "other_forms",
                    "slug",
                    "meaning",
                    "explanation",
                    "machine_translated",
                    "outdated_translations",
                )
            },
        ),
    )
