from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from housing_info.models import ContactPoint, Page, PathwayStep, Topic
from portal.concurrent_edits import ConcurrentEditAdminMixin
from translation_workflow.page_admin import PageWorkflowAdminMixin


@admin.register(Topic)
class TopicAdmin(ConcurrentEditAdminMixin, TabbedTranslationAdmin):
    list_display = ("title", "slug", "order")
    list_editable = ("order",)
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title_sv",)}


@admin.register(ContactPoint)
class ContactPointAdmin(ConcurrentEditAdminMixin, TabbedTranslationAdmin):
    list_display = ("name", "phone", "opening_hours")
    list_filter = ("topics",)
    search_fields = ("name", "helps_with", "address", "phone")
    filter_horizontal = ("topics",)
    prepopulated_fields = {"slug": ("name_sv",)}
    # A web address typed without a scheme is https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Page)
class PageAdmin(
    ConcurrentEditAdminMixin, PageWorkflowAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    list_display = (
        "title",
        "topic",
        "kind",
        "published",
        "is_example",
        "last_reviewed",
        "review_by",
        "updated_at",
    )
    list_filter = ("topic", "kind", "published", "is_example", "review_by")
    list_select_related = ("topic",)
    search_fields = ("title", "summary", "slug")
    ordering = ("topic__order", "order")
    date_hierarchy = "updated_at"
    prepopulated_fields = {"slug": ("title_sv",)}
    filter_horizontal = ("contact_points",)
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "summary", "body")}),
        (
            _("What a reader needs to act"),
            {"fields": ("applies_to", "duration", "next_steps", "contact_points")},
        ),
        (
            _("Place and publishing"),
            {
                "fields": (
                    "slug",
                    "topic",
                    "kind",
                    "order",
                    "published",
                    "is_example",
                    "last_reviewed",
                    "review_by",
                    ("created_at", "updated_at"),
                )
            },
        ),
    )


@admin.register(PathwayStep)
class PathwayStepAdmin(ConcurrentEditAdminMixin, TabbedTranslationAdmin):
    list_display = ("order", "title", "page")
    list_display_links = ("title",)
    list_select_related = ("page",)
    search_fields = ("title",)
    autocomplete_fields = ("page",)
    prepopulated_fields = {"slug": ("title_sv",)}
