"""Query parameters of the API, validated: a bad value is a 400 that names it."""

import re
from datetime import UTC, datetime

import django_filters
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from housing_info.models import ContactPoint, Page, Topic
from partner_api.languages import served_language
from sharing.permalinks import page_languages

LANGUAGE_CHOICES = [(code, code) for code, _name in settings.LANGUAGES]
LANGUAGE_PARAMETERS = ("language", "available_in")
# "+01:00" in a query string that was not percent-encoded arrives as " 01:00".
SPACE_FOR_PLUS = re.compile(r"\d \d{2}(:?\d{2})?$")


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    """A date and time compared in UTC.

    ISO 8601 allows offsets up to 23:59, PostgreSQL only up to 15:59: sent as
    given, ``+16:00`` would be a database error instead of an answer.
    """

    def filter(self, qs, value):
        if value is not None and value.tzinfo is not None:
            try:
                value = value.astimezone(UTC)
            except OverflowError:
                # Before year 1 or after 9999 in UTC: the earliest or latest moment.
                value = (datetime.min if value.year == 1 else datetime.max).replace(tzinfo=UTC)
        return super().filter(qs, value)


class LanguageFilterSet(django_filters.FilterSet):
    """``language`` chooses the language of the text; it filters nothing."""

    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES,
        method="keep_all",
        label=_("Language of the text (default sv); missing text falls back to en, then sv."),
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            for name in LANGUAGE_PARAMETERS:
                code = served_language(data.get(name))
                if code is not None:
                    data[name] = code
        super().__init__(data, *args, **kwargs)

    def keep_all(self, queryset, name, value: str):
        return queryset

    def is_valid(self):
        # An empty value is more likely a partner's bug than a wish for no filter.
        valid = super().is_valid()
        for name in self.filters:
            if name in self.data and not self.data[name].strip():
                self.form.add_error(name, _("Empty: leave this parameter out or give it a value."))
                valid = False
        return valid


class TopicFilterSet(LanguageFilterSet):
    class Meta:
        model = Topic
        fields = ["language"]


class ContactPointFilterSet(LanguageFilterSet):
    topic = django_filters.ModelChoiceFilter(
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        label=_("Only contact points for this topic (its slug)."),
    )

    class Meta:
        model = ContactPoint
        fields = ["language", "topic"]


class PageFilterSet(LanguageFilterSet):
    topic = django_filters.ModelChoiceFilter(
        field_name="topic",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        label=_("Only pages of this topic (its slug)."),
    )
    kind = django_filters.ChoiceFilter(
        choices=Page.Kind.choices, label=_("Only pages of this kind.")
    )
    changed_since = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Only pages changed at or after this ISO 8601 date or date and time."),
    )
    available_in = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES,
        method="filter_available_in",
        label=_("Only pages that exist in this language (not shown through a fallback)."),
    )

    class Meta:
        model = Page
        fields = ["language", "topic", "kind", "changed_since", "available_in"]

    def is_valid(self):
        valid = super().is_valid()
        value = self.data.get("changed_since", "")
        if "changed_since" in self.form.errors and SPACE_FOR_PLUS.search(value):
            # The default "Enter a valid date/time" would leave the partner puzzled.
            self.form.errors["changed_since"] = self.form.error_class(
                [
                    ValidationError(
                        _(
                            "The time zone's “+” arrived as a space (%(value)s): write it "
                            "as %%2B in the address, e.g. 2026-01-01T00:00:00%%2B01:00, "
                            "or give the time in UTC with Z."
                        ),
                        params={"value": value},
                    )
                ]
            )
        return valid

    def filter_available_in(self, queryset, name, value: str):
        # Whether a page exists in a language is the model's decision, not a column.
        keep = [page.pk for page in queryset if value in page_languages(page)]
        return queryset.filter(pk__in=keep)
