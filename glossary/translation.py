"""Which glossary fields are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from glossary.models import Term


@register(Term)
class TermTranslationOptions(TranslationOptions):
    fields = ("meaning", "explanation")
    required_languages = {"sv": ("explanation",)}
