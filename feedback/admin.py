from django.contrib import admin

from feedback.models import PageFeedback
from feedback.summary import feedback_per_page_and_language


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    """Readers' answers, read-only; deletable, in case someone wrote personal details."""

    change_list_template = "admin/feedback/pagefeedback/change_list.html"
    list_display = ("day", "page", "language", "useful", "comment")
    list_filter = ("useful", "language", "page__topic")
    list_select_related = ("page",)
    date_hierarchy = "day"
    search_fields = ("comment", "page__slug")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            # The summary follows the filters the caseworker chose.
            response.context_data["summary"] = feedback_per_page_and_language(changelist.queryset)
        return response
