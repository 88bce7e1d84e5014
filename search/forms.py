from django import forms
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 100


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=QUERY_MAX_LENGTH,
        error_messages={
            "required": _("Write one or more words to search for."),
            "max_length": _("Write at most %(limit_value)d characters. You wrote %(show_value)d."),
        },
    )
