"""Which fields are translated per language (django-modeltranslation).

Page history is registered here too, after the translation fields exist, so that
every revision keeps the text of every language (django-simple-history's advice
for django-modeltranslation).
"""

import simple_history
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import TranslationOptions, register

from housing_info.models import ContactPoint, Page, PathwayStep, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"sv": ("title",)}


@register(ContactPoint)
class ContactPointTranslationOptions(TranslationOptions):
    fields = ("name", "helps_with", "opening_hours")
    required_languages = {"sv": ("name",)}


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = Page.TEXT_FIELDS
    required_languages = {"sv": ("title", "summary")}


simple_history.register(
    Page,
    app="housing_info",
    verbose_name=_("page revision"),
    verbose_name_plural=_("page revisions"),
    # Keep the history of a deleted page: it can tell what visitors were shown.
    cascade_delete_history=False,
)


@register(PathwayStep)
class PathwayStepTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"sv": ("title",)}
