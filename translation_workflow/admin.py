from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.urls import path
from django.utils.translation import gettext_lazy

from housing_info.models import Page
from translation_workflow import admin_views
from translation_workflow.forms import TranslatorProfileForm
from translation_workflow.models import TranslationOverview, TranslatorProfile
from translation_workflow.page_admin import PageAdmin
from translation_workflow.role_labels import group_label, permission_label

# Registered here, not in housing_info: saving a page goes through this app's service.
admin.site.register(Page, PageAdmin)


@admin.register(TranslationOverview)
class TranslationOverviewAdmin(admin.ModelAdmin):
    """The overview of all language versions, and the XLIFF exchange, under one admin entry."""

    class Media:
        css = {"all": ["translation_workflow/admin.css"]}

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(
                lambda request, **kwargs: function(self, request, **kwargs)
            )

        return [
            path("export/", view(admin_views.export_view), name="translation_workflow_export"),
            path("import/", view(admin_views.import_view), name="translation_workflow_import"),
            path(
                "review/<int:page_pk>/<str:code>/",
                view(admin_views.review_view),
                name="translation_workflow_review",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        return admin_views.dashboard_view(self, request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TranslatorProfile)
class TranslatorProfileAdmin(admin.ModelAdmin):
    form = TranslatorProfileForm
    list_display = ("user", "language_names")
    autocomplete_fields = ("user",)
    search_fields = ("user__username", "user__first_name", "user__last_name")

    @admin.display(description=TranslatorProfileForm.base_fields["languages"].label)
    def language_names(self, obj):
        names = dict(TranslatorProfileForm.base_fields["languages"].choices)
        return ", ".join(str(names.get(code, code)) for code in obj.languages)


class RoleLabelsMixin:
    """Groups and permissions listed under their names in the caseworker's language."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            formfield.label_from_instance = group_label
        elif db_field.name in ("permissions", "user_permissions"):
            formfield.label_from_instance = permission_label
        return formfield


class RoleGroupAdmin(RoleLabelsMixin, GroupAdmin):
    list_display = ("role_name",)

    @admin.display(description=gettext_lazy("name"), ordering="name")
    def role_name(self, group):
        return group_label(group)


class RoleUserAdmin(RoleLabelsMixin, UserAdmin):
    pass


for model, model_admin in ((Group, RoleGroupAdmin), (User, RoleUserAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
