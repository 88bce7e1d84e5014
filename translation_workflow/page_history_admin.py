"""The page's history in the admin: what changed, in which languages, and restoring it.

The history list says what changed in each revision and in which languages; a
diff between any two revisions; restoring a revision per language, after a
confirmation (``restore``), is itself a revision. Restoring never goes through
simple_history's own revert, which would not keep the translation states right.
"""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from housing_info.models import Page
from translation_workflow import restore, revisions, services
from translation_workflow.roles import can_edit_source, editable_languages


class PageHistoryAdminMixin:
    """For a ModelAdmin of pages that also inherits simple_history's SimpleHistoryAdmin."""

    def revert_disabled(self, request, obj=None):
        # Restoring goes through restore_view, which keeps the translation states right.
        return True

    def history_view_title(self, request, obj):
        return _("History of “%(page)s”") % {"page": obj}

    def history_form_view_title(self, request, obj):
        return _("Revision of “%(page)s”") % {"page": obj}

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        # simple_history reads the prepopulated_fields attribute, not
        # get_prepopulated_fields(): a translator's form has no slug to fill in
        # (it is read-only for them), and the revision failed with a KeyError.
        # A copy of this admin for this request says what the request may fill.
        model_admin = copy.copy(self)
        model_admin.prepopulated_fields = self.get_prepopulated_fields(request)
        return super(PageHistoryAdminMixin, model_admin).history_form_view(
            request, object_id, version_id, extra_context
        )

    def render_history_view(self, request, template, context, **kwargs):
        # A TemplateResponse, as the admin's change form is, so that the page
        # editor's import map gets this response's CSP nonce (see
        # portal.content_security); simple_history renders a plain response.
        return TemplateResponse(request, template, context, **kwargs)

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "can_restore": can_edit_source(request.user)}
        return super().history_view(request, object_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        records = list(historical_records)
        for newer, older in zip(records, records[1:] + [None], strict=True):
            newer.reason_text = revisions.describe_reason(newer.history_change_reason)
            newer.change_groups = revisions.changes_between(older, newer) if older else []
            newer.previous_id = older.history_id if older else None

    def compare_view(self, request, object_id, old_id, new_id):
        page = get_object_or_404(Page, pk=object_id)
        if not self.has_view_or_change_permission(request, page):
            raise PermissionDenied
        old = get_object_or_404(Page.history, pk=old_id, id=page.pk)
        new = get_object_or_404(Page.history, pk=new_id, id=page.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": page,
            "title": _("Changes in “%(page)s”") % {"page": page},
            "old": old,
            "new": new,
            "old_reason": revisions.describe_reason(old.history_change_reason),
            "new_reason": revisions.describe_reason(new.history_change_reason),
            "groups": revisions.changes_between(old, new),
            "can_restore": can_edit_source(request.user),
            "history_url": reverse("admin:housing_info_page_history", args=[page.pk]),
        }
        return TemplateResponse(request, "translation_workflow/page_compare.html", context)

    def restore_view(self, request, object_id, history_id):
        """Confirm, then restore a revision for the chosen languages (a new revision)."""
        page = get_object_or_404(Page, pk=object_id)
        if not can_edit_source(request.user):
            raise PermissionDenied
        record = get_object_or_404(Page.history, pk=history_id, id=page.pk)
        history_url = reverse("admin:housing_info_page_history", args=[page.pk])
        problems = revisions.restore_problems(page, record)
        if problems:
            for problem in problems:
                self.message_user(request, problem, messages.ERROR)
            return HttpResponseRedirect(history_url)
        rows = restore.restore_preview(page, record, editable_languages(request.user))
        form = restore.RestoreForm(
            request.POST if request.method == "POST" else None,
            rows=rows,
            ask_meaning=restore.meaning_question_needed(page, record),
            page=page,
            latest_revision=page.history.values_list("history_id", flat=True).first(),
        )
        if request.method == "POST" and form.is_valid():
            services.restore_revision(
                page,
                record,
                languages=form.cleaned_data["languages"],
                swedish_change=form.cleaned_data.get("swedish_change") or None,
                user=request.user,
            )
            self.message_user(
                request,
                _(
                    "Restored %(languages)s from the revision of %(date)s. The restore is "
                    "itself a new revision: restore the one before it to undo."
                )
                % {
                    "languages": ", ".join(
                        revisions.language_name(code) for code in form.cleaned_data["languages"]
                    ),
                    "date": formats.date_format(localtime(record.history_date), "DATETIME_FORMAT"),
                },
                messages.SUCCESS,
            )
            return HttpResponseRedirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": page,
            "title": _("Restore revision no. %(number)s of “%(page)s”")
            % {"number": record.history_id, "page": page},
            "record": record,
            "rows": rows,
            "form": form,
            "history_url": history_url,
        }
        return TemplateResponse(request, "translation_workflow/page_restore.html", context)
