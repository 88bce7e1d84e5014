"""Swedish housing words that newcomers meet in letters and contracts, explained.

The Swedish word itself is never translated: readers meet it in letters. What
it means and an explanation are translated into every language
(django-modeltranslation, see ``translation.py``).
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from page_cache.invalidation import reader_content
from portal.shown_text import (
    MachineTranslatedLanguages,
    OutdatedTranslationLanguages,
    text_language,
)
from portal.text_folding import fold

# Swedish sorts å, ä, ö after z, in that order (the three characters after "z"
# in ASCII); other accented letters sort with their base letter (é as e).
SWEDISH_LAST_LETTERS = {"å": "{", "ä": "|", "ö": "}"}


@reader_content
class Term(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    term = models.CharField(
        _("Swedish word"),
        max_length=100,
        unique=True,
        help_text=_("As readers meet it in letters and contracts, e.g. genomgångsbostad."),
    )
    other_forms = models.CharField(
        _("other forms of the word"),
        max_length=300,
        blank=True,
        help_text=_(
            "Other Swedish forms that should link to this word, separated by commas, "
            "e.g. genomgångsbostaden, genomgångsbostäder."
        ),
    )
    meaning = models.CharField(
        _("the word in this language"),
        max_length=150,
        blank=True,
        help_text=_("A short translation, e.g. “transitional flat”. Empty in Swedish."),
    )
    explanation = models.TextField(_("explanation"))
    machine_translated = MachineTranslatedLanguages()
    outdated_translations = OutdatedTranslationLanguages()

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return f"{reverse('glossary:index')}#{self.slug}"

    @property
    def sort_key(self):
        return "".join(
            SWEDISH_LAST_LETTERS.get(letter) or fold(letter) for letter in self.term.casefold()
        )

    def forms(self):
        """Every Swedish form of the word that links here, the word itself first."""
        others = [form.strip() for form in self.other_forms.split(",")]
        return [self.term, *[form for form in others if form]]

    def explanation_language(self, code):
        """The language of the explanation a reader of ``code`` is shown."""
        return text_language(self, "explanation", code)

    def text(self, code):
        """Meaning and explanation in exactly one language, without mixing."""
        return {
            "meaning": getattr(self, f"meaning_{code}", "") or "",
            "explanation": getattr(self, f"explanation_{code}", "") or "",
        }
