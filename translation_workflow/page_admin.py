"""The page admin, registered by this app: every save goes through ``services``.

- The language-version part of the form (``page_form``): each version's state
  and "hold back"; the question whether a change to the Swedish text changes
  its meaning.
- Roles: a translator edits only the languages assigned to them; every other
  field is shown but disabled, so a crafted POST cannot change it either, and
  ``save_model`` refuses any change beyond the user's rights all the same.
- Right-to-left fields (and the rich-text editor) get ``dir="rtl"``.
- History, comparing and restoring revisions: ``page_history_admin``.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from housing_info.models import Page
from portal.concurrent_edits import ConcurrentEditAdminMixin
from portal.languages import SOURCE_LANGUAGE, direction
from portal.page_inlines import page_inlines
from translation_workflow import revisions, services
from translation_workflow.page_form import (
    PageWorkflowForm,
    held_back_field_name,
    language_of,
    language_version_fieldsets,
)
from translation_workflow.page_history_admin import PageHistoryAdminMixin
from translation_workflow.roles import (
    can_edit_source,
    can_exchange,
    can_publish,
    can_review,
    editable_languages,
    translation_languages,
)
from translation_workflow.states import set_held_back
from translation_workflow.versions import language_version, translation_state

SETTINGS_FIELDS = (
    "slug",
    "topic",
    "kind",
    "order",
    "is_example",
    "last_reviewed",
    "review_by",
    "contact_points",
)


class PageWorkflowAdminMixin:
    form = PageWorkflowForm
    object_history_template = "translation_workflow/page_history.html"
    object_history_list_template = "translation_workflow/page_history_list.html"
    object_history_form_template = "translation_workflow/page_history_form.html"
    change_form_template = "translation_workflow/page_change_form.html"
    actions = ["export_for_translation"]

    class Media:
        js = ["translation_workflow/page_form.js"]
        css = {"all": ["translation_workflow/admin.css"]}

    # The form

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), *language_version_fieldsets(request.user)]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # The admin builds a new form class on every call: set the user's languages
        # on it. A subclass would build all of the page's form fields a second time.
        form.editable_languages = editable_languages(request.user)
        return form

    def get_inlines(self, request, obj):
        # What feature apps keep per page (search keywords), without importing them.
        return [*super().get_inlines(request, obj), *page_inlines()]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "language_versions_overview"]
        if not can_edit_source(request.user):
            readonly += [name for name in SETTINGS_FIELDS if name not in readonly]
        if not can_publish(request.user):
            readonly.append("published")
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        if not can_edit_source(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        code = language_of(db_field.name)
        if formfield is not None and code:
            # Translators see the text as readers do: Arabic script right to left.
            formfield.widget.attrs.update({"dir": direction(code), "lang": code})
        return formfield

    @admin.display(description=gettext_lazy("State of each language"))
    def language_versions_overview(self, obj):
        if obj is None or obj.pk is None:
            return _("Saved pages show the state of each language version here.")
        rows = []
        for code in translation_languages():
            version = language_version(obj, code)
            state = translation_state(obj, code)
            details = []
            if version.held_back:
                details.append(_("held back until reviewed"))
            if version.source_revision:
                details.append(
                    _("from Swedish version %(revision)s") % {"revision": version.source_revision}
                )
            with translation.override(code):
                preview_url = obj.get_absolute_url()
            rows.append(
                (
                    revisions.language_name(code),
                    f"state state--{state}",
                    state.label,
                    ", ".join(details),
                    preview_url,
                    _("Preview"),
                )
            )
        return format_html(
            '<table class="language-versions"><tbody>{}</tbody></table>',
            format_html_join(
                "",
                '<tr><th scope="row">{}</th><td><span class="{}">{}</span></td>'
                '<td>{}</td><td><a href="{}">{}</a></td></tr>',
                rows,
            ),
        )

    def save_model(self, request, obj, form, change):
        if change:
            self.refuse_changes_beyond_rights(request.user, obj)
        for code in translation_languages():
            if held_back_field_name(code) in form.changed_data:
                set_held_back(obj, code, form.cleaned_data[held_back_field_name(code)])
        services.save_page_text(
            obj,
            user=request.user,
            swedish_change=form.cleaned_data.get("swedish_change") or None,
            states_declared=form.declared_states(),
        )

    def refuse_changes_beyond_rights(self, user, page):
        """Defence in depth: the form already ignores fields the user may not change."""
        stored = Page.objects.get(pk=page.pk)
        editable = editable_languages(user)
        names = [
            f"{base}_{code}"
            for base in Page.TEXT_FIELDS
            for code in (SOURCE_LANGUAGE, *translation_languages())
            if code not in editable
        ]
        if not can_edit_source(user):
            names += [name for name in SETTINGS_FIELDS if name != "contact_points"]
        if not can_publish(user):
            names.append("published")
        field_names = [Page._meta.get_field(name).attname for name in names]
        if any(
            (getattr(stored, name) or "") != (getattr(page, name) or "") for name in field_names
        ):
            raise PermissionDenied

    def save_related(self, request, form, formsets, change):
        if not can_edit_source(request.user) and "contact_points" in form.changed_data:
            raise PermissionDenied
        super().save_related(request, form, formsets, change)

    # The change list

    @admin.action(
        description=gettext_lazy("Export selected pages for translation (XLIFF)"),
        permissions=["exchange"],
    )
    def export_for_translation(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        url = reverse("admin:translation_workflow_export")
        return HttpResponseRedirect(f"{url}?{urlencode({'pages': ids})}")

    def has_exchange_permission(self, request):
        return can_exchange(request.user)

    # History

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/<int:old_id>/<int:new_id>/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:history_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            {
                "translation_overview_url": reverse(
                    "admin:translation_workflow_translationoverview_changelist"
                ),
                "can_review": can_review(request.user),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)


class PageAdmin(
    ConcurrentEditAdminMixin,
    PageWorkflowAdminMixin,
    PageHistoryAdminMixin,
    SimpleHistoryAdmin,
    TabbedTranslationAdmin,
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
            gettext_lazy("What a reader needs to act"),
            {"fields": ("applies_to", "duration", "next_steps", "contact_points")},
        ),
        (
            gettext_lazy("Place and publishing"),
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
