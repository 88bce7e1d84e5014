"""Record a page's or topic's old slug whenever it changes."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from housing_info.models import Page, Topic
from sharing.models import SlugRedirect


def record_slug_change(instance, field):
    """Keep the old slug as a redirect; a slug taken back stops redirecting."""
    if instance.pk is None:
        return
    old_slug = type(instance).objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old_slug is None or old_slug == instance.slug:
        return
    # The new slug is live again: it must not redirect anywhere any more.
    SlugRedirect.objects.filter(**{f"{field}__isnull": False}, old_slug=instance.slug).delete()
    SlugRedirect.objects.update_or_create(
        old_slug=old_slug,
        **{f"{field}__isnull": False},
        defaults={field: instance},
    )


@receiver(pre_save, sender=Page, dispatch_uid="sharing_page_slug_history")
def page_slug_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        record_slug_change(instance, "page")


@receiver(pre_save, sender=Topic, dispatch_uid="sharing_topic_slug_history")
def topic_slug_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        record_slug_change(instance, "topic")
