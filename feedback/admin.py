from django.contrib import admin

from feedback.models import PageFeedback
from feedback.summary import feedback_per_page_and_language
from portal.read_only_admin import ReadOnlyAdmin


@admin.register(PageFeedback)
class PageFeedbackAdmin(ReadOnlyAdmin):
    """Readers' answers, read-only; deletable, in case someone wrote personal details."""

    change_list_template = "admin/feedback/pagefeedback/change_list.html"
    list_display = ("day", "page", "language", "useful", "comment")
    list_filter = ("useful", "language", "page__topic")
    list_select_related = ("page",)
    date_hierarchy = "day"
    search_fields = ("comment", "page__slug")

    def summary(self, queryset):
        return {"summary": feedback_per_page_and_language(queryset)}
