"""The page form of the admin: its language versions and what the user may not edit.

- Each language version's state and "hold back", and the question whether a
  change to the Swedish text changes its meaning, with their checks.
- Fields of languages the user may not edit are shown read-only (disabled,
  so a crafted POST cannot change them either).
- The fieldsets of those parts, for ``page_admin``.
"""

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from housing_info.models import Page
from portal.languages import SOURCE_LANGUAGE
from translation_workflow.revisions import language_name
from translation_workflow.roles import all_languages, editable_languages, translation_languages
from translation_workflow.states import publish_needs_meaning_answer
from translation_workflow.versions import (
    SwedishChange,
    TranslationState,
    language_version,
    translation_state,
)


def state_field_name(code):
    return f"translation_state_{code}"


def held_back_field_name(code):
    return f"held_back_{code}"


def language_version_fields():
    """Form fields for the state of every language version (declared on the page form)."""
    fields = {
        "swedish_change": forms.ChoiceField(
            label=_("Your change"),
            choices=SwedishChange.choices,
            widget=forms.RadioSelect,
            required=False,
        )
    }
    for code in translation_languages():
        fields[state_field_name(code)] = forms.ChoiceField(
            # Lazy: the label follows the language of each request.
            label=get_language_info(code)["name_translated"],
            choices=TranslationState.choices,
            required=False,
        )
        fields[held_back_field_name(code)] = forms.BooleanField(
            label=_("Hold back until reviewed"), required=False
        )
    return fields


def mark_read_only(field):
    """Make a form field read-only, and say so to the eye and to screen readers.

    ``disabled`` makes Django ignore whatever a request sends for the field; the
    widget also gets ``readonly``, ``aria-readonly`` and a class that admin.css
    styles as text that cannot be edited.
    """
    field.disabled = True
    field.required = False
    attrs = field.widget.attrs
    attrs["class"] = f"{attrs.get('class', '')} read-only-field".strip()
    if getattr(field.widget, "input_type", "text") not in {"checkbox", "radio", "select"}:
        # Only text fields know "readonly"; the others are disabled alone.
        attrs.update({"readonly": True, "aria-readonly": "true"})
    note = _("Read-only: you may not change this.")
    field.help_text = format_lazy("{} {}", note, field.help_text) if field.help_text else note


class LanguageVersionFormMixin:
    """The page form's part about language versions; set up from the page's records."""

    #: The languages the user may edit; set by the admin for each request.
    editable_languages = frozenset()

    def setup_language_versions(self):
        page = self.instance
        for code in translation_languages():
            version = language_version(page, code)
            state_field = self.fields[state_field_name(code)]
            held_field = self.fields[held_back_field_name(code)]
            state_field.initial = translation_state(page, code) if page.pk else None
            held_field.initial = version.held_back
            state_field.help_text = version_help_text(page, code, version)
            if code not in self.editable_languages:
                mark_read_only(state_field)
                mark_read_only(held_field)
        self.disable_uneditable_text()

    def disable_uneditable_text(self):
        """Text of languages the user may not edit is shown, not editable.

        A disabled field ignores whatever a request sends for it, so a crafted
        POST cannot change it either.
        """
        for code, _name in settings.LANGUAGES:
            if code in self.editable_languages:
                continue
            for base in Page.TEXT_FIELDS:
                name = f"{base}_{code}"
                if name in self.fields:
                    mark_read_only(self.fields[name])
        if SOURCE_LANGUAGE not in self.editable_languages and "swedish_change" in self.fields:
            mark_read_only(self.fields["swedish_change"])

    def source_text_changed(self):
        return any(f"{base}_{SOURCE_LANGUAGE}" in self.changed_data for base in Page.TEXT_FIELDS)

    def has_text(self, code):
        data = self.cleaned_data
        return bool(data.get(f"title_{code}") and data.get(f"body_{code}"))

    def declared_states(self):
        """The states the user chose (only those they changed)."""
        return {
            code: TranslationState(self.cleaned_data[state_field_name(code)])
            for code in translation_languages()
            if state_field_name(code) in self.changed_data
            and self.cleaned_data.get(state_field_name(code))
        }

    def clean_language_versions(self):
        page = self.instance
        if (
            page.pk
            and self.initial.get("published")
            and self.source_text_changed()
            and not self.cleaned_data.get("swedish_change")
        ):
            self.add_error(
                "swedish_change",
                _(
                    "You changed the Swedish text of a published page. Say whether the "
                    "change affects the meaning, so that translations are marked correctly."
                ),
            )
        publishing = not self.initial.get("published") and self.cleaned_data.get("published")
        if page.pk and publishing and not self.cleaned_data.get("swedish_change"):
            revision = page.source_revision + (1 if self.source_text_changed() else 0)
            if publish_needs_meaning_answer(page, revision):
                self.add_error(
                    "swedish_change",
                    _(
                        "The Swedish text changed since this page was last published, and some "
                        "translations were made from an older text. Say whether the change "
                        "affects the meaning, so that translations are marked correctly."
                    ),
                )
        for code, state in self.declared_states().items():
            with_text = state in (
                TranslationState.UP_TO_DATE,
                TranslationState.MACHINE,
                TranslationState.OUTDATED,
            )
            if with_text and not self.has_text(code):
                self.add_error(
                    state_field_name(code),
                    _("There is no title and body in %(language)s yet.")
                    % {"language": language_name(code)},
                )
            elif not with_text and self.has_text(code):
                self.add_error(
                    state_field_name(code),
                    _(
                        "The %(language)s version has a title and a body. Empty them first, "
                        "or choose another state."
                    )
                    % {"language": language_name(code)},
                )


def version_help_text(page, code, version):
    if version.source_revision and version.source_date:
        text = _("Translated from Swedish version %(revision)s of %(date)s.") % {
            "revision": version.source_revision,
            "date": date_format(version.source_date, "DATE_FORMAT"),
        }
        if version.source_revision < page.source_revision:
            text = _("%(text)s The Swedish text is now at version %(current)s.") % {
                "text": text,
                "current": page.source_revision,
            }
    else:
        text = ""
    if version.reviewed_on:
        text = _("%(text)s Reviewed on %(date)s by %(user)s.") % {
            "text": text,
            "date": date_format(version.reviewed_on, "DATE_FORMAT"),
            "user": version.reviewed_by,
        }
    return text.strip()


def _form_init(self, *args, **kwargs):
    super(PageWorkflowForm, self).__init__(*args, **kwargs)
    self.setup_language_versions()


def _form_clean(self):
    cleaned = super(PageWorkflowForm, self).clean()
    self.clean_language_versions()
    return cleaned


# Declared with type() because its fields follow the served languages.
PageWorkflowForm = type(
    "PageWorkflowForm",
    (LanguageVersionFormMixin, forms.ModelForm),
    {
        "__module__": __name__,
        "__init__": _form_init,
        "clean": _form_clean,
        **language_version_fields(),
    },
)


def language_of(field_name):
    """The language code a translated field belongs to (``body_ar`` -> ``ar``), or None."""
    base, _underscore, code = field_name.rpartition("_")
    if base in Page.TEXT_FIELDS and code in all_languages():
        return code
    return None


def language_version_fieldsets(user):
    """Fieldsets for the language versions and the Swedish-change question."""
    editable = editable_languages(user)
    rows = [
        (state_field_name(code), held_back_field_name(code))
        for code in translation_languages()
        if code in editable
    ]
    # Whoever may edit every language sees each state once, as a field to change.
    overview = [] if len(rows) == len(translation_languages()) else ["language_versions_overview"]
    fieldsets = [
        (
            _("Language versions"),
            {
                "fields": [*overview, *rows],
                "description": _(
                    "Where each language version stands against the Swedish text. Change a "
                    "state only when you know it: for example choose “Up to date” after "
                    "updating an outdated translation."
                ),
            },
        )
    ]
    if SOURCE_LANGUAGE in editable:
        fieldsets.append(
            (
                _("Did your change to the Swedish text change its meaning?"),
                {
                    "fields": ["swedish_change"],
                    "description": _(
                        "Answer when you changed the Swedish text of a published page, or "
                        "when you publish a page whose Swedish text changed since it was last "
                        "published. Other changes never outdate translations."
                    ),
                },
            )
        )
    return fieldsets
