"""Any saved, deleted or re-linked object starts a new cache generation.

The receivers listen to every model, so models that apps add later are covered
without any change here. Only models listed in ``PAGE_CACHE_IGNORED_MODELS``
(an app label, or ``app_label.modelname``) are left out: sessions, the admin's
log, login-attempt records, one-time-password devices, and counters that change
on every visit. A change to those never changes what a visitor reads, and
bumping on them would empty the cache on every login or every counted visit.

The generation is bumped at once (so the same process sees its own change) and
again when the transaction commits, so that no other instance can cache a page
rendered from data read before the commit under the new generation.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from page_cache import generation

M2M_CHANGES = {"post_add", "post_remove", "post_clear"}


def is_ignored(model):
    ignored = {label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}
    meta = model._meta
    return meta.app_label.lower() in ignored or meta.label_lower in ignored


def content_changed(using=None):
    generation.bump()
    transaction.on_commit(generation.bump, using=using, robust=True)


def on_save_or_delete(sender, using=None, **kwargs):
    if not is_ignored(sender):
        content_changed(using)


def on_m2m_changed(sender, action, using=None, **kwargs):
    if action in M2M_CHANGES and not is_ignored(sender):
        content_changed(using)


def on_migrate(sender, **kwargs):
    # Every release runs migrate; pages rendered by the old code are dropped.
    generation.bump()


def connect():
    post_save.connect(on_save_or_delete, dispatch_uid="page_cache.post_save")
    post_delete.connect(on_save_or_delete, dispatch_uid="page_cache.post_delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="page_cache.m2m_changed")
    post_migrate.connect(on_migrate, dispatch_uid="page_cache.post_migrate")
