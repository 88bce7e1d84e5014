"""A change to what readers see starts a new cache generation, once per transaction.

Models opt in: a model whose rows readers see on a public page is registered
with ``@reader_content`` where it is defined. Saving, deleting or re-linking
(many-to-many) a row of such a model bumps the generation when the transaction
commits; everything else never does: logins (``last_login``), sessions, page
history, the admin's log, login attempts, one-time-password devices, counters
and feedback. A model added later invalidates nothing until it is registered
(``tests/page_cache/test_invalidation.py`` fails for a model that is neither
registered nor named there as never shown to readers).

Changes made without signals (``QuerySet.update()``, raw SQL, a restore) need
``python manage.py invalidate_page_cache``.
"""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from page_cache import generation

M2M_CHANGES = {"post_add", "post_remove", "post_clear"}

_reader_content = set()


def reader_content(model):
    """Class decorator: rows of ``model`` are shown to readers."""
    _reader_content.add(model)
    return model


def is_reader_content(model):
    return model._meta.concrete_model in _reader_content


def on_save_or_delete(sender, using=None, **kwargs):
    if is_reader_content(sender):
        generation.bump_when_committed(using)


def on_m2m_changed(sender, instance, action, model, using=None, **kwargs):
    if action in M2M_CHANGES and (is_reader_content(type(instance)) or is_reader_content(model)):
        generation.bump_when_committed(using)


def on_migrate(sender, **kwargs):
    # Every release runs migrate; pages rendered by the old code are dropped.
    # post_migrate is sent once per app: bump once.
    if sender.name == "page_cache":
        generation.bump()


def connect():
    post_save.connect(on_save_or_delete, dispatch_uid="page_cache.post_save")
    post_delete.connect(on_save_or_delete, dispatch_uid="page_cache.post_delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="page_cache.m2m_changed")
    post_migrate.connect(on_migrate, dispatch_uid="page_cache.post_migrate")
