"""The keywords have a column per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from search.models import PageKeywords


@register(PageKeywords)
class PageKeywordsTranslationOptions(TranslationOptions):
    fields = ("keywords",)
