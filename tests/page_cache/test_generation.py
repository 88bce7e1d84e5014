import pytest
from django.db import transaction

from page_cache import generation


@pytest.fixture
def cache():
    return generation.page_cache()


def test_bump_starts_a_new_generation():
    before = generation.current()
    generation.bump()
    assert generation.current() == before + 1


def test_a_lost_generation_restarts_above_every_earlier_one(cache):
    cache.set(generation.GENERATION_KEY, 5, timeout=None)
    cache.delete(generation.GENERATION_KEY)
    # A restarted Redis must not meet generation numbers of pages still stored.
    assert generation.current() > 10**18


def test_bump_without_a_generation_creates_one(cache):
    cache.delete(generation.GENERATION_KEY)
    generation.bump()
    assert cache.get(generation.GENERATION_KEY) is not None


def test_a_bump_that_fails_is_retried_before_the_next_page(monkeypatch, cache):
    before = generation.current()
    with monkeypatch.context() as unreachable:
        # What django-redis answers when Redis cannot be reached.
        unreachable.setattr(cache, "incr", lambda *args, **kwargs: None)
        generation.bump()
    assert generation._pending_bump
    assert generation.current() == before + 1
    assert not generation._pending_bump


def test_a_page_being_rendered_reads_the_generation_once(cache):
    rendered_under = generation.current()
    with generation.rendering_under(rendered_under):
        cache.set(generation.GENERATION_KEY, rendered_under + 7, timeout=None)
        # The page is stored under the generation it was started under, so what
        # it reads is remembered under that one too.
        assert generation.current() == rendered_under
    assert generation.current() == rendered_under + 7


def test_a_bump_while_rendering_is_seen_at_once(cache):
    before = generation.current()
    with generation.rendering_under(before):
        generation.bump()
        assert generation.current() == before + 1
    assert generation.current() == before + 1


@pytest.mark.django_db(transaction=True)
def test_bumps_wait_for_the_commit_and_come_once_per_transaction():
    before = generation.current()
    with transaction.atomic():
        generation.bump_when_committed()
        generation.bump_when_committed()
        assert generation.page_cache().get(generation.GENERATION_KEY) == before
        # The transaction's own changes are not cached under any generation.
        assert generation.has_uncommitted_changes()
        assert generation.current() is None
    assert generation.current() == before + 1
    assert not generation.has_uncommitted_changes()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_bumps_nothing():
    before = generation.current()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        generation.bump_when_committed()
        1 / 0  # noqa: B018
    assert generation.current() == before
    with transaction.atomic():
        # Nothing is left waiting from the transaction that was rolled back.
        assert not generation.has_uncommitted_changes()
        generation.bump_when_committed()
    assert generation.current() == before + 1


@pytest.mark.django_db(transaction=True)
def test_a_change_in_a_savepoint_rolled_back_leaves_the_outer_change():
    before = generation.current()
    with transaction.atomic():
        generation.bump_when_committed()
        with pytest.raises(ZeroDivisionError), transaction.atomic():
            generation.bump_when_committed()
            1 / 0  # noqa: B018
    assert generation.current() == before + 1
