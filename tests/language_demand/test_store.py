"""The store of counts, in this process's memory and in a real redis-server (DB 2)."""

import logging
import threading
from collections import Counter as Tally
from datetime import date

import pytest

from language_demand import redis_store as redis_store_module
from language_demand.counters import MAX_UNKNOWN_LANGUAGES, Counter, StoreUnavailable
from language_demand.local_store import LocalStore
from language_demand.redis_store import KEY_PREFIX, RedisStore
from tests.servers import free_port

DAY = date(2026, 11, 2)
GERMAN = Counter(DAY, "de")


@pytest.fixture(params=["local", "redis"])
def store(request):
    if request.param == "local":
        return LocalStore()
    return request.getfixturevalue("redis_store")


def flush(store):
    """Take every batch as a flush does, and say it was written."""
    counts = Tally()
    for batch in store.batches():
        counts.update(batch.counts)
        batch.done()
    return dict(counts)


def test_a_client_counts_once_per_counter_and_day(store):
    assert store.record(GERMAN, "203.0.113.9")
    assert not store.record(GERMAN, "203.0.113.9")
    assert store.record(GERMAN, "198.51.100.7")
    assert store.record(Counter(DAY, "de", 12), "203.0.113.9")
    assert store.record(Counter(date(2026, 11, 3), "de"), "203.0.113.9")
    assert flush(store) == {
        GERMAN: 2,
        Counter(DAY, "de", 12): 1,
        Counter(date(2026, 11, 3), "de"): 1,
    }


def test_a_flush_takes_the_counts_once(store):
    store.record(GERMAN, "203.0.113.9")
    assert flush(store) == {GERMAN: 1}
    assert flush(store) == {}
    store.record(GERMAN, "198.51.100.7")
    assert flush(store) == {GERMAN: 1}


def test_the_same_client_is_not_counted_again_after_a_flush(store):
    store.record(GERMAN, "203.0.113.9")
    flush(store)
    assert not store.record(GERMAN, "203.0.113.9")
    assert flush(store) == {}


def test_counts_given_back_are_flushed_next_time(store):
    store.record(GERMAN, "203.0.113.9")
    for batch in store.batches():
        store.record(GERMAN, "198.51.100.7")  # meanwhile
        batch.give_back()
    assert flush(store) == {GERMAN: 2}


def test_unknown_codes_are_capped_known_ones_are_not(store):
    for number in range(MAX_UNKNOWN_LANGUAGES + 20):
        store.record(Counter(DAY, f"x{number}"), f"10.0.0.{number}", known=False)
    store.record(Counter(DAY, "x0"), "10.0.1.1", known=False)  # one already counted today
    store.record(Counter(DAY, "om"), "10.0.1.1", known=True)
    counts = flush(store)
    assert len(counts) == MAX_UNKNOWN_LANGUAGES + 1
    assert counts[Counter(DAY, "x0")] == 2
    assert counts[Counter(DAY, "om")] == 1


def test_cached_addresses_remember_what_they_are_missing(store):
    store.remember_missing("/ti/transitional-flat/", "ti", 12)
    assert store.missing_at("/ti/transitional-flat/") == ("ti", 12)
    assert store.missing_at("/ar/transitional-flat/") is None
    store.remember_missing("/ti/transitional-flat/")
    assert store.missing_at("/ti/transitional-flat/") is None


def test_a_page_missing_nothing_is_forgotten_in_redis_once_a_minute(redis_store, monkeypatch):
    deleted = []
    delete = redis_store.client.delete
    monkeypatch.setattr(
        redis_store.client, "delete", lambda *keys: deleted.append(keys) or delete(*keys)
    )
    redis_store.remember_missing("/ti/transitional-flat/", "ti", 12)
    for _render in range(3):
        redis_store.remember_missing("/ti/transitional-flat/")
    assert len(deleted) == 1
    assert redis_store.missing_at("/ti/transitional-flat/") is None
    # Once the page is missing a language again, it is noted and forgotten again.
    redis_store.remember_missing("/ti/transitional-flat/", "ti", 12)
    assert redis_store.missing_at("/ti/transitional-flat/") == ("ti", 12)
    redis_store.remember_missing("/ti/transitional-flat/")
    assert len(deleted) == 2


def test_redis_keeps_no_address_and_a_day_key_for_at_most_two_days(redis_store):
    redis_store.record(GERMAN, "203.0.113.9")
    redis_store.record(Counter(DAY, "zz"), "203.0.113.9", known=False)
    client = redis_store.client
    keys = set(client.keys("*"))
    assert all(key.startswith(KEY_PREFIX) for key in keys)
    for key in keys:
        dump = client.dump(key)
        assert b"203.0.113.9" not in dump
        if key != f"{KEY_PREFIX}counts":
            assert 0 < client.ttl(key) <= 2 * 24 * 60 * 60


def test_a_count_made_while_flushing_is_neither_lost_nor_counted_twice(redis_server):
    """Four threads count 2,000 clients while two flushers empty Redis as fast as they can."""
    # Patient with a busy machine: a timeout would drop a count, which is not what this tests.
    redis_store = RedisStore(redis_server.url(db=2), timeout=10)
    redis_store.client.flushdb()
    counted = Tally()
    lock = threading.Lock()
    counting_done = threading.Event()

    def count(thread):
        for number in range(500):
            assert redis_store.record(GERMAN, f"10.{thread}.{number // 256}.{number % 256}")

    def flusher():
        while not counting_done.is_set():
            taken = flush(redis_store)
            with lock:
                counted.update(taken)

    counters = [threading.Thread(target=count, args=(thread,)) for thread in range(4)]
    flushers = [threading.Thread(target=flusher) for _ in range(2)]
    for thread in flushers + counters:
        thread.start()
    for thread in counters:
        thread.join()
    counting_done.set()
    for thread in flushers:
        thread.join()
    counted.update(flush(redis_store))
    assert counted[GERMAN] == 2000


def test_a_batch_whose_flusher_died_is_taken_over(redis_store, monkeypatch):
    redis_store.record(GERMAN, "203.0.113.9")
    next(redis_store.batches())  # taken, never written nor given back
    redis_store.record(GERMAN, "198.51.100.7")
    assert flush(redis_store) == {GERMAN: 1}  # the dead flusher's batch is still leased
    monkeypatch.setattr(redis_store_module, "BATCH_LEASE_SECONDS", 0)
    assert flush(redis_store) == {GERMAN: 1}
    assert flush(redis_store) == {}


def test_redis_down_loses_counts_but_never_raises_and_logs_once(caplog):
    store = RedisStore(f"redis://127.0.0.1:{free_port()}/2")
    with caplog.at_level(logging.WARNING):
        assert not store.record(GERMAN, "203.0.113.9")
        assert not store.record(GERMAN, "198.51.100.7")
        store.remember_missing("/ti/transitional-flat/", "ti", 12)
        assert store.missing_at("/ar/transitional-flat/") is None
    # Logged once by the connection, as for every Redis client of the portal.
    assert caplog.text.count("Redis cache unavailable") == 1
    assert "language demand is not counted" in caplog.text
    with pytest.raises(StoreUnavailable):
        list(store.batches())


def test_counting_resumes_when_redis_returns(redis_server, monkeypatch):
    monkeypatch.setattr(redis_store_module, "RETRY_AFTER_SECONDS", 0)
    store = RedisStore(redis_server.url(db=2))
    store.client.flushdb()
    redis_server.stop()
    try:
        assert not store.record(GERMAN, "203.0.113.9")
    finally:
        redis_server.start()
    assert store.record(GERMAN, "203.0.113.9")
    assert flush(store) == {GERMAN: 1}
