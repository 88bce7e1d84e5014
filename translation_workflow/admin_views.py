"""The workflow's own admin pages: the overview, XLIFF export and import, review.

Each view checks the user's rights, calls the function that does the work
(``build_dashboard``, ``export_xliff``, ``import_xliff``, ``mark_reviewed``)
and renders; the rules live in those functions.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from housing_info.models import Page, Topic
from portal.languages import SOURCE_LANGUAGE, direction
from translation_workflow.dashboard import build_dashboard, legend
from translation_workflow.forms import DashboardFilterForm, XliffExportForm, XliffImportForm
from translation_workflow.revisions import changes_between, field_label, language_name
from translation_workflow.roles import can_review, exchange_languages, translation_languages
from translation_workflow.services import mark_reviewed
from translation_workflow.versions import TranslationState, language_version, translation_state
from translation_workflow.xliff import (
    ImportRejected,
    TranslatedUnits,
    export_xliff,
    import_xliff,
    pages_needing_translation,
    send_for_translation,
)


def admin_context(model_admin, request, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        "overview_url": reverse("admin:translation_workflow_translationoverview_changelist"),
        **extra,
    }


def dashboard_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    topics = list(Topic.objects.all())
    form = DashboardFilterForm(request.GET or None, topics=topics)
    filters = form.cleaned_data if form.is_valid() else {}
    dashboard = build_dashboard(
        request.user,
        topics=topics,
        language=filters.get("language") or None,
        topic=filters.get("topic"),
        state=filters.get("state") or None,
    )
    languages = exchange_languages(request.user)
    context = admin_context(
        model_admin,
        request,
        _("Translation overview"),
        dashboard=dashboard,
        filter_form=form,
        legend=legend(),
        can_exchange=bool(languages),
        # Its own ids: the filter form above has a "language" select too.
        export_form=XliffExportForm(
            languages=languages,
            initial={"language": filters.get("language")},
            auto_id="id_export_%s",
        ),
        today=timezone.localdate(),
    )
    return TemplateResponse(request, "translation_workflow/dashboard.html", context)


def export_view(model_admin, request):
    """Choose a language, download the XLIFF file for the chosen (or all needing) pages."""
    languages = exchange_languages(request.user)
    if not languages:
        raise PermissionDenied
    page_ids = [int(pk) for pk in request.GET.get("pages", "").split(",") if pk.isdigit()]
    form = XliffExportForm(request.POST or None, languages=languages)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["language"]
        if page_ids:
            pages = list(
                Page.objects.filter(pk__in=page_ids)
                .select_related("topic")
                .order_by("topic__order", "order", "slug")
            )
        else:
            pages = pages_needing_translation(code)
        if not pages:
            model_admin.message_user(
                request,
                _("No pages need a translation into %(language)s.")
                % {"language": language_name(code)},
                messages.WARNING,
            )
            return HttpResponseRedirect(request.get_full_path())
        data = export_xliff(pages, code)
        if form.cleaned_data["mark_sent"]:
            send_for_translation(pages, code, request.user)
        response = HttpResponse(data, content_type="application/x-xliff+xml; charset=utf-8")
        filename = f"housing-gothenburg-{code}-{timezone.localdate().isoformat()}.xlf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    chosen = Page.objects.filter(pk__in=page_ids).order_by("title_sv") if page_ids else None
    context = admin_context(
        model_admin, request, _("Export for translation (XLIFF)"), form=form, chosen=chosen
    )
    return TemplateResponse(request, "translation_workflow/export.html", context)


def import_view(model_admin, request):
    """Upload an XLIFF file; all of it is imported, or nothing and every problem is listed."""
    languages = exchange_languages(request.user)
    if not languages:
        raise PermissionDenied
    form = XliffImportForm(request.POST or None, request.FILES or None, languages=languages)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        code = form.cleaned_data["language"]
        translated_units = form.cleaned_data["translated_units"] or TranslatedUnits.REVIEW
        limit = settings.TRANSLATION_IMPORT_MAX_BYTES
        if upload.size > limit:
            problems = [
                _("The file is too large (%(size)s bytes). The largest allowed is %(limit)s bytes.")
                % {"size": upload.size, "limit": limit}
            ]
        else:
            try:
                results = import_xliff(
                    upload.read(),
                    code,
                    request.user,
                    hold_back=form.cleaned_data["hold_back"],
                    translated_units=translated_units,
                )
            except ImportRejected as rejection:
                problems = rejection.problems
            else:
                report_import(model_admin, request, code, results)
                return HttpResponseRedirect(
                    reverse("admin:translation_workflow_translationoverview_changelist")
                    + f"?language={code}"
                )
    context = admin_context(
        model_admin,
        request,
        _("Import translations (XLIFF)"),
        form=form,
        problems=problems,
    )
    status = 400 if problems else 200
    return TemplateResponse(request, "translation_workflow/import.html", context, status=status)


def report_import(model_admin, request, code, results):
    """Say what became of each page in an import, in the caseworker's language."""
    imported = sum(1 for result in results if result.imported)
    model_admin.message_user(
        request,
        ngettext(
            "%(count)s page was imported into %(language)s.",
            "%(count)s pages were imported into %(language)s.",
            imported,
        )
        % {"count": imported, "language": language_name(code)},
        messages.SUCCESS,
    )
    for result in results:
        values = {"page": result.page.title_sv, "state": TranslationState(result.state).label}
        if not result.imported:
            values["fields"] = ", ".join(field_label(name) for name, _state in result.unfinished)
            values["states"] = ", ".join(dict.fromkeys(state for _n, state in result.unfinished))
            message = _(
                "“%(page)s” was not imported: the file marks %(fields)s as not finished "
                "(%(states)s). The version stays as it was: %(state)s."
            )
            level = messages.WARNING
        elif result.held_back:
            message = _("“%(page)s”: %(state)s, held back until a reviewer has checked it.")
            level = messages.INFO
        else:
            message = _("“%(page)s”: %(state)s.")
            level = messages.INFO
        model_admin.message_user(request, message % values, level)


def review_view(model_admin, request, page_pk, code):
    """Swedish and the language version side by side; a reviewer marks it reviewed."""
    if not can_review(request.user):
        raise PermissionDenied
    if code not in translation_languages():
        raise PermissionDenied
    page = get_object_or_404(Page.objects.select_related("topic"), pk=page_pk)
    # The page's newest revision as the reviewer saw it: a review never vouches
    # for Swedish or a translation saved after the page was opened.
    latest_revision = str(page.history.values_list("history_id", flat=True).first())
    if request.method == "POST":
        if request.POST.get("seen_revision") != latest_revision:
            model_admin.message_user(
                request,
                _(
                    "Someone else saved “%(object)s” after you opened this form, so your "
                    "changes have not been saved yet."
                )
                % {"object": page.title_sv},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)
        if not page.has_text_in(code):
            model_admin.message_user(
                request,
                _("There is no %(language)s version to review.")
                % {"language": language_name(code)},
                messages.ERROR,
            )
        else:
            mark_reviewed(page, code, request.user)
            model_admin.message_user(
                request,
                _("The %(language)s version of “%(page)s” is marked reviewed and shown to readers.")
                % {"language": language_name(code), "page": page.title_sv},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(
            reverse("admin:translation_workflow_translationoverview_changelist")
            + f"?language={code}"
        )
    version = language_version(page, code)
    source_changes = []
    if version.source_revision and version.source_revision < page.source_revision:
        translated_from = (
            page.history.filter(source_revision=version.source_revision)
            .order_by("-history_date")
            .first()
        )
        if translated_from:
            source_changes = [
                group
                for group in changes_between(translated_from, page)
                if group.code == SOURCE_LANGUAGE
            ]
    with translation.override(code):
        public_url = page.get_absolute_url()
    context = admin_context(
        model_admin,
        request,
        _("Review the %(language)s version of “%(page)s”")
        % {"language": language_name(code), "page": page.title_sv},
        page=page,
        code=code,
        language=language_name(code),
        version=version,
        state=translation_state(page, code),
        sides=[
            {
                "code": SOURCE_LANGUAGE,
                "dir": "ltr",
                "heading": _("Swedish (source)"),
                "text": page.text(SOURCE_LANGUAGE),
            },
            {
                "code": code,
                "dir": direction(code),
                "heading": language_name(code),
                "text": page.text(code),
            },
        ],
        labels={name: field_label(name) for name in ("applies_to", "duration", "next_steps")},
        source_changes=source_changes,
        public_url=public_url,
        latest_revision=latest_revision,
    )
    return TemplateResponse(request, "translation_workflow/review.html", context)
