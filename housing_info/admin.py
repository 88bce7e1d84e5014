"""Admin for topics, contact points and pathway steps.

Pages are registered by ``translation_workflow.admin``: saving a page's text
goes through the translation workflow's service, which this app never imports.
"""

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin

from housing_info.models import ContactPoint, PathwayStep, Topic
from portal.concurrent_edits import ConcurrentEditAdminMixin
from portal.outdated_translations import OutdatedTranslationsAdminMixin


@admin.register(Topic)
class TopicAdmin(OutdatedTranslationsAdminMixin, ConcurrentEditAdminMixin, TabbedTranslationAdmin):
    list_display = ("title", "slug", "order")
    list_editable = ("order",)
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title_sv",)}


@admin.register(ContactPoint)
class ContactPointAdmin(
    OutdatedTranslationsAdminMixin, ConcurrentEditAdminMixin, TabbedTranslationAdmin
):
    list_display = ("name", "phone", "opening_hours")
    list_filter = ("topics",)
    search_fields = ("name", "helps_with", "address", "phone")
    filter_horizontal = ("topics",)
    prepopulated_fields = {"slug": ("name_sv",)}
    # A web address typed without a scheme is https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(PathwayStep)
class PathwayStepAdmin(
    OutdatedTranslationsAdminMixin, ConcurrentEditAdminMixin, TabbedTranslationAdmin
):
    list_display = ("order", "title", "page")
    list_display_links = ("title",)
    list_select_related = ("page",)
    search_fields = ("title",)
    autocomplete_fields = ("page",)
    prepopulated_fields = {"slug": ("title_sv",)}
