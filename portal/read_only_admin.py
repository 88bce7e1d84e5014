"""An admin for records that visitors' visits write and caseworkers only read."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Nothing can be added or changed (deleting stays possible, with its permission).

    The change list also gets what ``summary`` works out from the rows the
    caseworker's filters select, for a template that shows it above the list.
    """

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def summary(self, queryset):
        """Extra template context from the filtered rows."""
        return {}

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            response.context_data.update(self.summary(changelist.queryset))
        return response
