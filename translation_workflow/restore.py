"""Restoring a revision per language: what would change, and the form that chooses.

The caseworker first sees, per language, the state now and the state after the
restore and which fields differ (with a word diff), chooses the languages, and
answers the meaning question when restoring the Swedish text of a published
page. ``services.restore_revision`` then does it, as a new revision.
"""

import difflib
from dataclasses import dataclass, field, replace

from django import forms
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from housing_info.models import Page
from portal.languages import SOURCE_LANGUAGE, direction
from translation_workflow.revisions import (
    changes_between,
    language_name,
    readable,
    text_diff,
    version_summary,
)
from translation_workflow.roles import all_languages
from translation_workflow.versions import SwedishChange


@dataclass
class LanguageRestore:
    """What restoring one language would change."""

    code: str
    name: str
    state_now: str
    state_restored: str
    changes: list = field(default_factory=list)

    @property
    def dir(self):
        return direction(self.code)


def restore_preview(page, record, languages):
    """A LanguageRestore for each of ``languages`` whose text or state differs in ``record``."""
    groups = {group.code: group for group in changes_between(page, record) if group.code}
    rows = []
    for code in all_languages():
        if code not in languages:
            continue
        if code == SOURCE_LANGUAGE:
            now = restored = ""
        else:
            now, restored = version_summary(page, code), version_summary(record, code)
        group = groups.get(code)
        if group is None and now == restored:
            continue
        changes = [
            replace(change, diff=short_diff(change.old, change.new))
            for change in (group.changes if group else [])
        ]
        rows.append(LanguageRestore(code, language_name(code), now, restored, changes))
    return rows


def short_diff(old, new):
    """Only the lines that differ, each as a word diff: a long body stays short."""
    old_lines, new_lines = readable(old).splitlines(), readable(new).splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    pieces = [
        text_diff("\n".join(old_lines[a1:a2]), "\n".join(new_lines[b1:b2]))
        for operation, a1, a2, b1, b2 in matcher.get_opcodes()
        if operation != "equal"
    ]
    return format_html_join(
        "", '<span class="restore-diff-line">{}</span> ', ((p,) for p in pieces)
    )


def meaning_question_needed(page, record):
    """Whether restoring the Swedish text of ``record`` changes what readers read in Swedish."""
    return page.published and any(
        (getattr(page, f"{base}_{SOURCE_LANGUAGE}") or "")
        != (getattr(record, f"{base}_{SOURCE_LANGUAGE}") or "")
        for base in Page.TEXT_FIELDS
    )


class RestoreForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages to restore"), widget=forms.CheckboxSelectMultiple
    )
    swedish_change = forms.ChoiceField(
        label=_("Your change"),
        choices=SwedishChange.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    # The page's newest revision when the confirmation was shown: a save made
    # meanwhile (a colleague's translation) is never restored over unseen.
    seen_revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, rows, ask_meaning, page, latest_revision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [(row.code, row.name) for row in rows]
        self.fields["seen_revision"].initial = latest_revision
        self.page = page
        self.latest_revision = latest_revision
        self.ask_meaning = ask_meaning
        if not ask_meaning:
            del self.fields["swedish_change"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("seen_revision") != self.latest_revision:
            # Shown again with what would change now, and the newest revision to confirm.
            self.data = self.data.copy()
            self.data[self.add_prefix("seen_revision")] = self.latest_revision
            raise forms.ValidationError(
                _(
                    "Someone else saved “%(object)s” after you opened this form, so your "
                    "changes have not been saved yet."
                )
                % {"object": self.page}
            )
        if (
            self.ask_meaning
            and SOURCE_LANGUAGE in cleaned.get("languages", [])
            and not cleaned.get("swedish_change")
        ):
            self.add_error(
                "swedish_change",
                _(
                    "You are restoring the Swedish text of a published page. Say whether the "
                    "change affects the meaning, so that translations are marked correctly."
                ),
            )
        return cleaned
