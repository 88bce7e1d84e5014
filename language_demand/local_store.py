"""Language demand counted in this process's memory, for local development without Redis."""

import secrets
import threading

from language_demand.counters import (
    LOCAL_MEMO_ENTRIES,
    MAX_CLIENTS_A_DAY,
    MAX_UNKNOWN_LANGUAGES,
    Batch,
    client_token,
    missing_value,
    parse_missing,
    path_key,
)


class LocalStore:
    """Counts in this process's memory, for local development without Redis."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.counts = {}
        self.seen = {}
        self.unknown = {}
        self.salts = {}
        self.missing = {}

    def record(self, counter, address, known=True):
        with self.lock:
            for day in [day for day in self.seen if day < counter.day]:
                if (counter.day - day).days > 1:
                    del self.seen[day]
                    self.unknown.pop(day, None)
                    self.salts.pop(day, None)
            salt = self.salts.setdefault(counter.day, secrets.token_hex(16))
            seen = self.seen.setdefault(counter.day, set())
            token = client_token(salt, address, counter)
            if token in seen or len(seen) >= MAX_CLIENTS_A_DAY:
                return False
            unknown = self.unknown.setdefault(counter.day, set())
            if not known and counter.language not in unknown:
                if len(unknown) >= MAX_UNKNOWN_LANGUAGES:
                    return False
                unknown.add(counter.language)
            seen.add(token)
            self.counts[counter] = self.counts.get(counter, 0) + 1
            return True

    def remember_missing(self, path, language=None, page_id=None):
        with self.lock:
            if language is None:
                self.missing.pop(path_key(path), None)
            elif len(self.missing) < LOCAL_MEMO_ENTRIES:
                self.missing[path_key(path)] = missing_value(language, page_id)

    def missing_at(self, path):
        return parse_missing(self.missing.get(path_key(path)))

    def pending(self):
        with self.lock:
            return dict(self.counts)

    def batches(self):
        with self.lock:
            counts, self.counts = self.counts, {}
        if not counts:
            return

        def give_back():
            with self.lock:
                for counter, count in counts.items():
                    self.counts[counter] = self.counts.get(counter, 0) + count

        yield Batch(counts, done=lambda: None, give_back=give_back)
