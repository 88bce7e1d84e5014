"""The "What applies to me?" questions, their answers and the rules that pick results.

Caseworkers edit all of it in the admin; text is translated per language like
pages (see ``translation.py``). Conditions are sets of answers with one meaning
everywhere: for each question that the set names, the reader must have given
one of the named answers to it. An empty set always holds.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from housing_info.models import Page, PathwayStep
from page_cache.invalidation import reader_content
from portal.shown_text import MachineTranslatedLanguages, OutdatedTranslationLanguages

# Query-string names with a meaning of their own in the question flow.
RESERVED_SLUGS = frozenset({"asked"})


def validate_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(value)s” is used by the question flow itself. Choose another slug."),
            params={"value": value},
        )


@reader_content
class Question(models.Model):
    slug = models.SlugField(
        _("slug"),
        unique=True,
        validators=[validate_not_reserved],
        help_text=_("The question's name in the address, e.g. children. Never translated."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=200)
    hint = models.TextField(_("hint"), blank=True)
    ask_if = models.ManyToManyField(
        "Answer",
        verbose_name=_("ask only after these answers"),
        related_name="questions_depending",
        blank=True,
        help_text=_(
            "Leave empty to ask everyone. Otherwise the question is asked only when, for "
            "each earlier question named here, the reader gave one of the chosen answers."
        ),
    )
    machine_translated = MachineTranslatedLanguages()
    outdated_translations = OutdatedTranslationLanguages()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text


@reader_content
class Answer(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), related_name="answers", on_delete=models.CASCADE
    )
    slug = models.SlugField(
        _("slug"), help_text=_("The answer's name in the address, e.g. yes. Never translated.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("answer"), max_length=200)
    offer_if = models.ManyToManyField(
        "self",
        symmetrical=False,
        verbose_name=_("offer only after these answers"),
        related_name="answers_depending",
        blank=True,
        help_text=_(
            "Leave empty to offer the answer to everyone asked the question. Otherwise, "
            "as for questions: only after one of the chosen answers to each question named."
        ),
    )
    machine_translated = MachineTranslatedLanguages()
    outdated_translations = OutdatedTranslationLanguages()

    class Meta:
        ordering = ["question__order", "order", "slug"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "slug"], name="smart_answers_answer_slug_unique_per_question"
            )
        ]

    def __str__(self):
        return f"{self.question.slug}: {self.label}"


@reader_content
class Rule(models.Model):
    """What applies to a reader whose answers meet the conditions."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(
        _("name"),
        max_length=150,
        help_text=_("For caseworkers only, e.g. “Transitional flat, with children”."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    conditions = models.ManyToManyField(
        Answer,
        verbose_name=_("applies after these answers"),
        related_name="rules",
        blank=True,
        help_text=_(
            "For each question named here, the reader must have given one of the chosen "
            "answers. Leave empty for a rule that applies to everyone."
        ),
    )
    note = models.TextField(
        _("what applies"),
        blank=True,
        help_text=_("One or two plain sentences, with the time limits that matter."),
    )
    pages = models.ManyToManyField(
        Page, verbose_name=_("pages"), related_name="smart_answer_rules", blank=True
    )
    steps = models.ManyToManyField(
        PathwayStep, verbose_name=_("pathway steps"), related_name="smart_answer_rules", blank=True
    )
    machine_translated = MachineTranslatedLanguages()
    outdated_translations = OutdatedTranslationLanguages()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("rule")
        verbose_name_plural = _("rules")

    def __str__(self):
        return self.name
