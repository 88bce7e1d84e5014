from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from portal.concurrent_edits import ConcurrentEditAdminMixin
from portal.outdated_translations import OutdatedTranslationsAdminMixin
from smart_answers.models import Answer, Question, Rule


class AnswerInline(TranslationStackedInline):
    model = Answer
    fk_name = "question"
    extra = 0
    fields = (
        "label",
        "slug",
        "order",
        "offer_if",
        "machine_translated",
        "outdated_translations",
    )


@admin.register(Question)
class QuestionAdmin(
    OutdatedTranslationsAdminMixin, ConcurrentEditAdminMixin, TabbedTranslationAdmin
):
    list_display = ("order", "text", "slug")
    list_display_links = ("text",)
    search_fields = ("text", "slug")
    filter_horizontal = ("ask_if",)
    inlines = [AnswerInline]
    concurrent_related = {
        "answers": ("slug", "order", *(f"label_{code}" for code, _name in settings.LANGUAGES))
    }
    fieldsets = (
        (None, {"fields": ("text", "hint", "machine_translated", "outdated_translations")}),
        (_("Place in the flow"), {"fields": ("slug", "order", "ask_if")}),
    )


@admin.register(Rule)
class RuleAdmin(OutdatedTranslationsAdminMixin, ConcurrentEditAdminMixin, TabbedTranslationAdmin):
    list_display = ("order", "name", "note")
    list_display_links = ("name",)
    search_fields = ("name", "note")
    filter_horizontal = ("conditions", "pages", "steps")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "order", "conditions")}),
        (
            _("What applies"),
            {"fields": ("note", "pages", "steps", "machine_translated", "outdated_translations")},
        ),
    )
