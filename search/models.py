"""Search keywords that caseworkers add to a page, per language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from page_cache.invalidation import reader_content


# Readers never see the keywords, but the search results they are shown (and
# the page cache keeps) depend on them.
@reader_content
class PageKeywords(models.Model):
    """Words a reader may search for that the page's text does not contain.

    One row per page; ``keywords`` is translated (one column per language,
    ``translation.py``). PostgreSQL keeps a stored search document of each
    language's keywords with a GIN index (search/migrations/0004), read by the
    search beside the page's own document.
    """

    page = models.OneToOneField(
        "housing_info.Page",
        verbose_name=_("page"),
        related_name="search_keywords",
        on_delete=models.CASCADE,
    )
    keywords = models.TextField(
        _("search keywords"),
        blank=True,
        help_text=_(
            "Words readers may search for that are not in the page's text: everyday "
            "words, other spellings, names written in the reader's script. Separate "
            "them with commas. Readers never see them."
        ),
    )

    class Meta:
        verbose_name = _("search keywords")
        verbose_name_plural = _("search keywords")

    def __str__(self):
        return str(self.page)
