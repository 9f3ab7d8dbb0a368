"""Shared circuit state per (endpoint, model), beside the credential state: a small family of its own.

One record per key: consecutive endpoint failures, when an open circuit may be probed again, and
until when a probe is out. Kept apart from the credential tables and hashes so the credential
stores can change independently:

- memory: a dict under a lock (one process);
- SQLite: table ``endpoint_circuit`` in the same state file, one ``BEGIN IMMEDIATE`` per change,
  one connection per process (reopened after ``fork``);
- Redis: hashes ``{prefix}circuit:{key}``: a change reads the record, applies the breaker's pure
  change, and writes it with one Lua script that checks the record is still the one read (else it
  answers the current one, and only then is the change applied again): two round trips, no
  ``WATCH``/``MULTI``.

``circuits_for(store)`` picks the family that lives where ``store`` does. A shared backend that
fails degrades to memory with one warning; circuit state never breaks a turn.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Final, Protocol

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

__all__ = ["CircuitRecord", "CircuitStore", "MemoryCircuits", "RedisCircuits", "SQLiteCircuits", "circuits_for"]

log = logging.getLogger("steadyloop.circuit")


@dataclass(frozen=True, slots=True)
class CircuitRecord:
    """The shared state of one (endpoint, model): seconds are epoch seconds."""

    failures: int = 0  # consecutive endpoint failures
    open_until: float = 0.0  # skip until then (0: closed)
    probe_until: float = 0.0  # a probe is out until then

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Change = Callable[[CircuitRecord], CircuitRecord]


class CircuitStore(Protocol):
    def read(self, key: str) -> CircuitRecord: ...

    def update(self, key: str, change: Change) -> CircuitRecord:
        """Atomically replace the record of ``key`` by ``change(record)``; the new record."""
        ...

    def all(self) -> dict[str, CircuitRecord]: ...


class MemoryCircuits:
    """One process's circuits."""

    def __init__(self) -> None:
        self._records: dict[str, CircuitRecord] = {}
        self._lock = threading.Lock()

    def read(self, key: str) -> CircuitRecord:
        with self._lock:
            return self._records.get(key, CircuitRecord())

    def update(self, key: str, change: Change) -> CircuitRecord:
        with self._lock:
            new = self._records[key] = change(self._records.get(key, CircuitRecord()))
            return new

    def all(self) -> dict[str, CircuitRecord]:
        with self._lock:
            return dict(self._records)


_SCHEMA = ("CREATE TABLE IF NOT EXISTS endpoint_circuit (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, "
           "open_until REAL NOT NULL, probe_until REAL NOT NULL)")


class SQLiteCircuits:
    """Circuits in the state file (table ``endpoint_circuit``), through the credential store's own
    connection and transactions: the same path checks, short busy timeout and fork handling."""

    def __init__(self, store: SQLiteStore) -> None:
        self._store = store
        self._ready = False

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._store._transaction() as db:
            if not self._ready:
                db.execute(_SCHEMA)
                self._ready = True
            yield db

    @staticmethod
    def _get(db: sqlite3.Connection, key: str) -> CircuitRecord:
        row = db.execute("SELECT failures, open_until, probe_until FROM endpoint_circuit WHERE key = ?",
                         (key,)).fetchone()
        return CircuitRecord(int(row[0]), float(row[1]), float(row[2])) if row else CircuitRecord()

    def read(self, key: str) -> CircuitRecord:
        with self._transaction() as db:
            return self._get(db, key)

    def update(self, key: str, change: Change) -> CircuitRecord:
        with self._transaction() as db:
            new = change(self._get(db, key))
            db.execute("INSERT OR REPLACE INTO endpoint_circuit VALUES (?, ?, ?, ?)",
                       (key, new.failures, new.open_until, new.probe_until))
            return new

    def all(self) -> dict[str, CircuitRecord]:
        with self._transaction() as db:
            rows = db.execute("SELECT key, failures, open_until, probe_until FROM endpoint_circuit")
            return {str(k): CircuitRecord(int(f), float(o), float(p)) for k, f, o, p in rows}


# KEYS[1]: the record. ARGV: failures, open_until, probe_until as read, then as changed, then the TTL
# (s). The change is written only if the record is still the one read: {1}; else {0, the current three}.
_WRITE_IF_UNCHANGED: Final = """
local h = redis.call('HMGET', KEYS[1], 'failures', 'open_until', 'probe_until')
for i = 1, 3 do
  if (tonumber(h[i]) or 0) ~= tonumber(ARGV[i]) then return {0, h[1] or '0', h[2] or '0', h[3] or '0'} end
end
redis.call('HSET', KEYS[1], 'failures', ARGV[4], 'open_until', ARGV[5], 'probe_until', ARGV[6])
redis.call('EXPIRE', KEYS[1], ARGV[7])
return {1}
"""
_REDIS_TTL: Final = 30 * 86_400  # seconds an idle circuit record is kept


def _fields(record: CircuitRecord) -> list[str]:
    return [str(record.failures), repr(record.open_until), repr(record.probe_until)]


class RedisCircuits:
    """Circuits as hashes ``{prefix}circuit:{key}`` on the credential store's Redis connection."""

    def __init__(self, db: Callable[[], Any], prefix: str) -> None:
        self._db, self._prefix = db, prefix
        self._script: Any = None

    def _name(self, key: str) -> str:
        return f"{self._prefix}circuit:{key}"

    @staticmethod
    def _parse(raw: dict[Any, Any]) -> CircuitRecord:
        get = {(k.decode() if isinstance(k, bytes) else k): v for k, v in raw.items()}
        return CircuitRecord(int(get.get("failures", 0)), float(get.get("open_until", 0)),
                             float(get.get("probe_until", 0))) if get else CircuitRecord()

    def read(self, key: str) -> CircuitRecord:
        return self._parse(self._db().hgetall(self._name(key)))

    def update(self, key: str, change: Change) -> CircuitRecord:
        client, name = self._db(), self._name(key)
        if self._script is None or self._script.registered_client is not client:  # a forked child's client
            self._script = client.register_script(_WRITE_IF_UNCHANGED)
        seen = self._parse(client.hgetall(name))
        while True:  # again only if another process wrote the record between the read and the script
            new = change(seen)
            answer = self._script(keys=[name], args=[*_fields(seen), *_fields(new), _REDIS_TTL], client=client)
            if int(answer[0]) == 1:
                return new
            seen = CircuitRecord(int(answer[1]), float(answer[2]), float(answer[3]))

    def all(self) -> dict[str, CircuitRecord]:
        db, head = self._db(), f"{self._prefix}circuit:"
        out = {}
        for name in db.scan_iter(match=head + "*"):
            text = name.decode() if isinstance(name, bytes) else str(name)
            out[text[len(head):]] = self._parse(db.hgetall(name))
        return out


class _Degrading:
    """A shared circuit store that falls back to memory, with one warning, when it fails."""

    def __init__(self, shared: CircuitStore) -> None:
        self._shared: CircuitStore | None = shared
        self._memory = MemoryCircuits()

    def _use(self, op: Callable[[CircuitStore], Any]) -> Any:
        if self._shared is not None:
            try:
                return op(self._shared)
            except Exception as err:  # a broken shared store must never break a turn
                log.warning("steadyloop: shared circuit state failed (%s); keeping it in memory", type(err).__name__)
                self._shared = None
        return op(self._memory)

    def read(self, key: str) -> CircuitRecord:
        record: CircuitRecord = self._use(lambda s: s.read(key))
        return record

    def update(self, key: str, change: Change) -> CircuitRecord:
        record: CircuitRecord = self._use(lambda s: s.update(key, change))
        return record

    def all(self) -> dict[str, CircuitRecord]:
        records: dict[str, CircuitRecord] = self._use(lambda s: s.all())
        return records


_MEMORY: weakref.WeakKeyDictionary[Any, MemoryCircuits] = weakref.WeakKeyDictionary()


def circuits_for(store: Any) -> CircuitStore:
    """The circuit family that lives where the credential ``store`` does (memory for anything else:
    one per store object, so loops sharing a store share its circuits)."""
    from .degrade import DegradingStore
    from .redis import RedisStore
    from .sqlite import SQLiteStore

    inner = getattr(store, "_primary", None) if isinstance(store, DegradingStore) else store
    if isinstance(inner, SQLiteStore):
        return _Degrading(SQLiteCircuits(inner))
    if isinstance(inner, RedisStore):
        return _Degrading(RedisCircuits(lambda: inner._db, inner.prefix))
    try:
        return _MEMORY.setdefault(store, MemoryCircuits())
    except TypeError:  # not weak-referenceable: this loop's own
        return MemoryCircuits()
