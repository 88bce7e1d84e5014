"""Daily counters of the languages readers ask for and the portal does not (yet) give them.

Only counters are stored: a day, a language, optionally a page, and a number.
No address, no browser, nothing that tells one reader from another.
"""

from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from housing_info.models import Page


class LanguageDemandQuerySet(models.QuerySet):
    def unserved_languages(self):
        return self.filter(page__isnull=True)

    def missing_translations(self):
        return self.filter(page__isnull=False)

    def ranked_languages(self):
        """Languages by how often they were asked for, most first."""
        return (
            self.values("language")
            .annotate(
                unserved=Sum("count", filter=Q(page__isnull=True), default=0),
                missing=Sum("count", filter=Q(page__isnull=False), default=0),
                total=Sum("count"),
            )
            .order_by("-total", "language")
        )

    def ranked_pages(self):
        """Pages and the languages they were missing in, most asked for first."""
        return (
            self.missing_translations()
            .values("page", "language")
            .annotate(total=Sum("count"))
            .order_by("-total", "language", "page")
        )


class LanguageDemand(models.Model):
    """How often, on one day, readers asked for a language.

    Without a page: visits whose most preferred language (Accept-Language) the
    portal does not serve. With a page: views of that page in a served language
    in which the page is not yet translated. Each client address counts once a
    day per language and page (see ``counting.py``); rows are written only by
    ``flushing.flush_counts``, never on a page view.
    """

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=20)
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        related_name="language_demand",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    count = models.PositiveIntegerField(_("count"), default=0)

    objects = LanguageDemandQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-count", "language"]
        verbose_name = _("language demand")
        verbose_name_plural = _("language demand")
        constraints = [
            # One counter per day and language, and per page where there is one.
            models.UniqueConstraint(
                fields=["day", "language"],
                condition=Q(page__isnull=True),
                name="language_demand_one_unserved_counter_a_day",
            ),
            models.UniqueConstraint(
                fields=["day", "language", "page"],
                condition=Q(page__isnull=False),
                name="language_demand_one_page_counter_a_day",
            ),
        ]

    def __str__(self):
        if self.page_id:
            return f"{self.day} {self.language} {self.page.slug}: {self.count}"
        return f"{self.day} {self.language}: {self.count}"
