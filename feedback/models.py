"""Readers' answers to "Was this page useful?".

Nothing here identifies a reader: no address, no cookie, no browser, and only
the day (not the time), so an answer cannot be matched to a line in a server log.
The id is random (a UUID), not a counter: a sequence of ids would give the
order of answers within a day, which the access log's POST lines could be
lined up with.
"""

import uuid

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from housing_info.models import Page

COMMENT_MAX_LENGTH = 500


class PageFeedbackQuerySet(models.QuerySet):
    def per_page_and_language(self):
        """Yes and no answers for each page in each language, most answers first."""
        return (
            self.values("page", "language")
            .annotate(
                yes=Count("pk", filter=Q(useful=True)),
                no=Count("pk", filter=Q(useful=False)),
                comments=Count("pk", filter=~Q(comment="")),
                total=Count("pk"),
            )
            .order_by("-total", "page", "language")
        )


class PageFeedback(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(
        Page, verbose_name=_("page"), related_name="feedback", on_delete=models.CASCADE
    )
    language = models.CharField(
        _("language"), max_length=10, help_text=_("The language the reader chose.")
    )
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    day = models.DateField(_("day"), default=timezone.localdate, editable=False)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-pk"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{self.page.slug} ({self.language}): {'+' if self.useful else '-'}"
