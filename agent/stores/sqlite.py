"""SQLiteStore: the embedded default, shared by every process on one host.

One file (0600, in a 0700 directory when steadyloop creates it), WAL mode, and one short
``BEGIN IMMEDIATE`` transaction per change, so concurrent processes serialise their writes and
never lose one. The path is checked before every connection (``_safe_path``: no symbolic links,
the user's own directory and file). Another process holding the write lock longer than
``busy_timeout`` (0.5 s) makes that one operation raise ``StoreBusyError``, which ``DegradingStore``
serves from memory: a stuck writer never stalls a turn.

Fork safety: SQLite keeps per-process lock bookkeeping, and a child that inherits it from a
parent with an open connection can believe it holds locks it does not, silently losing updates
(our multi-process test caught exactly that). So each store has one connection per process,
used under a lock, and a fork hook closes every store's connection before any ``fork()`` while
holding those locks; parent and child reopen on their next use.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

from ..cooldown import CredentialState
from ._base import Candidate, Order, StoreBusyError, StoreError, cleared, eligible, ordered
from ._rows import decode_state
from ._safe_path import prepare_state_file

__all__ = ["SQLiteStore"]

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS credential_state (
    pool TEXT NOT NULL, id TEXT NOT NULL, cool_until REAL NOT NULL DEFAULT 0, dead INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '', status_code INTEGER,
    backoff INTEGER NOT NULL DEFAULT 0, successes INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0,
    uses INTEGER NOT NULL DEFAULT 0, last_used REAL NOT NULL DEFAULT 0, suspensions TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (pool, id));
CREATE TABLE IF NOT EXISTS lease (
    lease_id TEXT PRIMARY KEY, pool TEXT NOT NULL, id TEXT NOT NULL, expires REAL NOT NULL);
CREATE INDEX IF NOT EXISTS lease_by_credential ON lease (pool, id, expires);
CREATE TABLE IF NOT EXISTS affinity (
    pool TEXT NOT NULL, session TEXT NOT NULL, id TEXT NOT NULL, expires REAL NOT NULL,
    PRIMARY KEY (pool, session));
"""
DEFAULT_BUSY_TIMEOUT: Final = 0.5  # seconds another process's write lock is waited for
_COLUMNS: Final = ("id", "cool_until", "dead", "reason", "error", "status_code", "backoff", "successes",
                   "failures", "uses", "last_used", "suspensions")


_STORES: weakref.WeakSet[SQLiteStore] = weakref.WeakSet()


def _before_fork() -> None:
    for store in list(_STORES):
        store._lock.acquire()
        store._disconnect()


def _after_fork() -> None:
    for store in list(_STORES):
        with contextlib.suppress(RuntimeError):
            store._lock.release()


os.register_at_fork(before=_before_fork, after_in_parent=_after_fork, after_in_child=_after_fork)


def _to_row(pool: str, state: CredentialState) -> tuple[Any, ...]:
    suspensions = json.dumps({m: {"until": s.until, "reason": s.reason} for m, s in state.suspensions.items()})
    return (pool, state.id, state.cool_until, int(state.dead), state.reason, state.error, state.status_code,
            state.backoff, state.successes, state.failures, state.uses, state.last_used, suspensions)


class SQLiteStore:
    """Shared state in one SQLite file."""

    def __init__(self, path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = Path(path).expanduser()
        self.description = f"sqlite at {self.path}"
        self.busy_timeout = busy_timeout
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._pid = os.getpid()
        _STORES.add(self)
        with self._transaction() as db:
            for statement in filter(str.strip, _SCHEMA.split(";")):  # executescript would commit early
                db.execute(statement)

    def _disconnect(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def _connection(self) -> sqlite3.Connection:
        """This process's connection (call with ``_lock`` held)."""
        db = self._db
        if db is None or self._pid != os.getpid():
            prepare_state_file(self.path)  # every (re)connect: the path may have changed since
            try:
                db = sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=rw", uri=True, timeout=self.busy_timeout,
                                     isolation_level=None, check_same_thread=False)
                db.row_factory = sqlite3.Row
                db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.Error as err:
                raise StoreError(f"the state file {self.path} is unusable ({err}); move it aside to start "
                                 "afresh (credentials are configured elsewhere and are not affected)") from err
            self._db, self._pid = db, os.getpid()
        return db

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            db = self._connection()
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                db.execute("COMMIT")
            except sqlite3.Error as err:
                if getattr(err, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise StoreBusyError(f"state file {self.path} is locked by another process for more than "
                                    f"{self.busy_timeout:g} s") from err
                raise StoreError(f"state file {self.path}: {err}") from err

    def _states(self, db: sqlite3.Connection, pool: str, ids: Sequence[str],
                malformed: set[str] | None = None) -> dict[str, CredentialState]:
        """Validated states of ``ids``; a malformed row reads as no state (its id added to ``malformed``)."""
        marks = ",".join("?" * len(ids))
        rows = db.execute(f"SELECT * FROM credential_state WHERE pool = ? AND id IN ({marks})", (pool, *ids))
        found: dict[str, CredentialState] = {}
        for row in rows:
            state = self._decode(pool, row)
            if state is None and malformed is not None:
                malformed.add(row["id"])
            found[row["id"]] = state or CredentialState(id=row["id"])
        return {i: found.get(i) or CredentialState(id=i) for i in ids}

    def _decode(self, pool: str, row: sqlite3.Row) -> CredentialState | None:
        return decode_state(self.description, pool, str(row["id"]), dict(zip(row.keys(), tuple(row), strict=True)))

    def _live(self, db: sqlite3.Connection, pool: str, now: float) -> dict[str, int]:
        db.execute("DELETE FROM lease WHERE pool = ? AND expires <= ?", (pool, now))
        return dict(db.execute("SELECT id, COUNT(*) FROM lease WHERE pool = ? GROUP BY id", (pool,)).fetchall())

    def acquire(self, pool: str, candidates: Sequence[Candidate], model: str, *, now: float, lease_id: str,
                lease_ttl: float, order: Order) -> str | None:
        with self._transaction() as db:
            malformed: set[str] = set()
            states = self._states(db, pool, [c.id for c in candidates], malformed)
            live = self._live(db, pool, now)
            for candidate in ordered(candidates, states, order):
                if eligible(states[candidate.id], model, now, live.get(candidate.id, 0), candidate.max_concurrency):
                    db.execute("INSERT INTO lease VALUES (?, ?, ?, ?)", (lease_id, pool, candidate.id, now + lease_ttl))
                    if candidate.id in malformed:
                        return candidate.id  # counted on a malformed row would silently rewrite it
                    db.execute(
                        "INSERT INTO credential_state (pool, id, uses, last_used) VALUES (?, ?, 1, ?) "
                        "ON CONFLICT (pool, id) DO UPDATE SET uses = uses + 1, last_used = excluded.last_used",
                        (pool, candidate.id, now))
                    return candidate.id
            return None

    def release(self, pool: str, credential_id: str, lease_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM lease WHERE lease_id = ?", (lease_id,))

    def renew(self, pool: str, credential_id: str, lease_id: str, *, now: float, lease_ttl: float) -> bool:
        with self._transaction() as db:
            cursor = db.execute("UPDATE lease SET expires = ? WHERE lease_id = ? AND expires > ?",
                                (now + lease_ttl, lease_id, now))
            return cursor.rowcount > 0

    def read(self, pool: str, ids: Sequence[str], now: float) -> dict[str, CredentialState]:
        with self._transaction() as db:
            states = self._states(db, pool, ids)
            live = self._live(db, pool, now)
        return {i: replace(s, in_flight=live.get(i, 0)) for i, s in states.items()}

    def _write(self, db: sqlite3.Connection, pool: str, state: CredentialState) -> None:
        db.execute(f"INSERT OR REPLACE INTO credential_state (pool, {', '.join(_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})", _to_row(pool, state))

    def update(self, pool: str, credential_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        with self._transaction() as db:
            new = change(self._states(db, pool, [credential_id])[credential_id])
            self._write(db, pool, new)
            return new

    def finish(self, pool: str, credential_id: str, lease_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        with self._transaction() as db:
            db.execute("DELETE FROM lease WHERE lease_id = ?", (lease_id,))
            new = change(self._states(db, pool, [credential_id])[credential_id])
            self._write(db, pool, new)
            return new

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        with self._transaction() as db:
            query, args = "SELECT * FROM credential_state WHERE pool = ?", [pool]
            if credential_id is not None:
                query, args = query + " AND id = ?", [*args, credential_id]
            rows = db.execute(query, args).fetchall()
            for row in rows:  # an operator's reset replaces a malformed row with a clean one
                state = self._decode(pool, row) or CredentialState(id=row["id"])
                self._write(db, pool, cleared(state, model))
            return len(rows)

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        with self._transaction() as db:
            row = db.execute("SELECT id FROM affinity WHERE pool = ? AND session = ? AND expires > ?",
                             (pool, session, now)).fetchone()
        return str(row["id"]) if row else None

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM affinity WHERE expires <= ?", (now,))
            db.execute("INSERT OR REPLACE INTO affinity VALUES (?, ?, ?, ?)", (pool, session, credential_id, now + ttl))

    def close(self) -> None:
        with self._lock:
            self._disconnect()
