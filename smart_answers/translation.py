"""Which question-flow fields are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from smart_answers.models import Answer, Question, Rule


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "hint")
    required_languages = {"sv": ("text",)}


@register(Answer)
class AnswerTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = {"sv": ("label",)}


@register(Rule)
class RuleTranslationOptions(TranslationOptions):
    fields = ("note",)
