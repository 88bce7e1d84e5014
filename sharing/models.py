"""Old addresses of pages and topics, so that links partners printed keep working."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from housing_info.models import Page, Topic
from page_cache.invalidation import reader_content


class SlugRedirectQuerySet(models.QuerySet):
    def for_page(self, slug):
        return self.filter(page__isnull=False, old_slug=slug).select_related("page").first()

    def for_topic(self, slug):
        return self.filter(topic__isnull=False, old_slug=slug).select_related("topic").first()


@reader_content
class SlugRedirect(models.Model):
    """A slug a page or topic had before; its addresses redirect to the current one.

    The redirect points at the record, not at a slug, so a chain of renames
    (a -> b -> c) sends every old address straight to the current slug.
    """

    old_slug = models.SlugField(_("old slug"))
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        related_name="slug_redirects",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        related_name="slug_redirects",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = SlugRedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_slug"]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, topic__isnull=True)
                | Q(page__isnull=True, topic__isnull=False),
                name="sharing_slugredirect_page_xor_topic",
            ),
            models.UniqueConstraint(
                fields=["old_slug"],
                condition=Q(page__isnull=False),
                name="sharing_slugredirect_unique_page_slug",
            ),
            models.UniqueConstraint(
                fields=["old_slug"],
                condition=Q(topic__isnull=False),
                name="sharing_slugredirect_unique_topic_slug",
            ),
        ]

    def __str__(self):
        target = self.page or self.topic
        return f"{self.old_slug} → {target.slug if target else '?'}"
