from django.contrib import admin

from sharing.models import SlugRedirect


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ("old_slug", "page", "topic", "created_at")
    list_select_related = ("page", "topic")
    search_fields = ("old_slug", "page__slug", "topic__slug")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("page", "topic")
