import pytest

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


def test_a_bump_that_fails_is_retried_before_the_next_page(settings, monkeypatch, cache):
    before = generation.current()
    monkeypatch.setattr(generation, "is_available", lambda cache: False)
    generation.bump()
    assert generation._pending_bump
    monkeypatch.setattr(generation, "is_available", lambda cache: True)
    # The first bump did reach this cache; the retry bumps once more.
    assert generation.current() == before + 2
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
