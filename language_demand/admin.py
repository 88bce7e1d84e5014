from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from language_demand.models import LanguageDemand
from language_demand.ranking import language_name, ranked_languages, ranked_pages


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
class LanguageDemandAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            # The ranking follows the filters the caseworker chose (days, kind, language).
            response.context_data["ranked_languages"] = ranked_languages(changelist.queryset)
            response.context_data["ranked_pages"] = ranked_pages(changelist.queryset)
        return response
