"""What language demand counts, and the pieces both stores share.

A ``Counter`` is one number: a day, a language and, for a missing
translation, a page. A client is counted once per counter and day, known by
a keyed hash of its address (``client_token``); the address itself is never
stored. The stores: ``local_store`` (this process's memory) and
``redis_store`` (shared by every process); ``store.demand_store`` picks one.
"""

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

# Distinct codes that no language list knows, counted a day; the rest are dropped.
MAX_UNKNOWN_LANGUAGES = 50
# Client hashes kept a day; beyond this (a flood of addresses) nothing more is counted.
MAX_CLIENTS_A_DAY = 500_000
# Addresses whose missing-translation state a process remembers, at most.
LOCAL_MEMO_ENTRIES = 10_000


class StoreUnavailable(Exception):
    """The counts cannot be reached (Redis is down)."""


@dataclass(frozen=True)
class Counter:
    """What one count is for: a day, a language and, for a missing translation, a page."""

    day: date
    language: str
    page_id: int | None = None

    def field(self):
        return f"{self.day.isoformat()}|{self.language}|{self.page_id or ''}"

    @classmethod
    def from_field(cls, text):
        day, language, page_id = text.split("|")
        return cls(date.fromisoformat(day), language, int(page_id) if page_id else None)


@dataclass
class Batch:
    """Counts taken out of the store by one flush: written, then done, or given back."""

    counts: dict
    done: Callable[[], None] = field(repr=False)
    give_back: Callable[[], None] = field(repr=False)


def client_token(salt, address, counter):
    """A keyed hash of the client address and the counter, for one day.

    It tells whether this client was already counted for this counter today and
    nothing else: the key is the secret key with the day's random salt.
    """
    key = f"{settings.SECRET_KEY}|{salt}".encode()
    message = f"{address}|{counter.field()}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:24]


def path_key(path):
    return hashlib.sha256(path.encode()).hexdigest()[:32]


def missing_value(language, page_id):
    return f"{language}|{page_id}"


def parse_missing(value):
    if not value:
        return None
    language, _bar, page_id = value.partition("|")
    return language, int(page_id)
