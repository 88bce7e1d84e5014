"""Which fields are translated per language (django-modeltranslation)."""

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


@register(PathwayStep)
class PathwayStepTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"sv": ("title",)}
