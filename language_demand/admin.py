from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from language_demand.flushing import flush_counts_safely
from language_demand.models import LanguageDemand
from language_demand.ranking import language_name, ranked_languages, ranked_pages
from portal.read_only_admin import ReadOnlyAdmin


class DemandKindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [
            ("unserved", _("Language the portal does not serve")),
            ("missing", _("Page not yet translated")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "unserved":
            return queryset.unserved_languages()
        if self.value() == "missing":
            return queryset.missing_translations()
        return queryset


@admin.register(LanguageDemand)
class LanguageDemandAdmin(ReadOnlyAdmin):
    """Read-only counters, with the ranking of what readers ask for above them."""

    change_list_template = "admin/language_demand/languagedemand/change_list.html"
    list_display = ("day", "language_label", "page", "count")
    list_filter = (DemandKindFilter, "language")
    list_select_related = ("page",)
    date_hierarchy = "day"
    search_fields = ("language", "page__slug")

    @admin.display(description=_("language"), ordering="language")
    def language_label(self, demand):
        return language_name(demand.language)

    def changelist_view(self, request, extra_context=None):
        # Counts wait in Redis for the periodic flush: write them first, so the
        # list is never behind (and, without Redis, shows this process's counts).
        flush_counts_safely()
        return super().changelist_view(request, extra_context)

    def summary(self, queryset):
        # The ranking follows the filters the caseworker chose (days, kind, language).
        return {
            "ranked_languages": ranked_languages(queryset),
            "ranked_pages": ranked_pages(queryset),
        }
