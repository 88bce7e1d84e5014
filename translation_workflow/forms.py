"""Forms of the translation workflow: the overview's filters, the XLIFF exchange and
translators' languages. The page form's language versions: ``page_form``."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from translation_workflow.models import TranslatorProfile
from translation_workflow.revisions import language_name
from translation_workflow.roles import translation_languages
from translation_workflow.versions import (
    TranslationState,
)
from translation_workflow.xliff import TranslatedUnits


def language_choices(codes=None):
    codes = translation_languages() if codes is None else codes
    return [(code, language_name(code)) for code in translation_languages() if code in codes]


class DashboardFilterForm(forms.Form):
    language = forms.ChoiceField(
        label=pgettext_lazy("translation overview", "Language"), required=False
    )
    topic = forms.TypedChoiceField(label=_("Topic"), required=False, coerce=int, empty_value=None)
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["language"].choices = everything + language_choices()
        self.fields["topic"].choices = everything + [(t.pk, t.title_sv) for t in topics]
        self.fields["state"].choices = everything + list(TranslationState.choices)


class XliffExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Target language"))
    mark_sent = forms.BooleanField(
        label=_("Mark missing versions as “in translation”"),
        required=False,
        # Marking changes states: only when the caseworker asks for it.
        initial=False,
        help_text=_("Shows on the overview that these translations have been ordered."),
    )

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices(languages)


class XliffImportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the translation"))
    file = forms.FileField(
        label=_("XLIFF file"),
        help_text=_("The file the translation agency sent back (.xlf or .xliff)."),
    )
    translated_units = forms.ChoiceField(
        label=_("Texts the file marks as translated, but not signed off"),
        choices=TranslatedUnits.choices,
        initial=TranslatedUnits.REVIEW,
        # Not chosen (an old form, a script): the safer choice.
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Signed-off texts (final) become up to date, machine translations are marked as "
            "machine translations, and pages with texts the file marks as not finished are "
            "not imported."
        ),
    )
    hold_back = forms.BooleanField(
        label=_("Hold back the imported versions until they are reviewed"),
        required=False,
    )

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices(languages)


class TranslatorProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The languages this translator may edit. Other languages are read-only."),
    )

    class Meta:
        model = TranslatorProfile
        fields = ["user", "languages"]
