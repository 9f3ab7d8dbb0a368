"""SQLiteStore: the embedded default, shared by every process on one host.

One file (0600, in a 0700 directory when steadyloop creates it), WAL mode with
``synchronous=NORMAL``, and one short ``BEGIN IMMEDIATE`` transaction per change, so concurrent
processes serialise their writes and never lose one: a turn is two (acquire, which reads and
remembers the session's key too; outcome and release); reads take no write lock. No commit syncs or
checkpoints: ``_checkpoint`` does that in a background thread, and bounds the WAL. What a commit
costs is mostly the pages it appends to the WAL, so a turn rewrites as few as it can (5 with
fill_first, 7 with a balancing strategy): leases live in one b-tree keyed by (pool, credential,
lease), an outcome updates its row in place, and the balancing strategies' indexes exist only
once a walk in that order needed one.

A ``CandidateSet`` is registered once in table ``pool_member`` (priority position, cap, and a
copy of each key's uses and last use, indexed per strategy); an acquire walks that index in
strategy order a page at a time and stops at the first eligible key, so its cost grows with the
keys it skips, not with the pool. An uncapped walk in priority order keeps the start of its first page,
with the file's version (``PRAGMA data_version``, which any other connection's commit changes, and this
connection's own commits): the next such pick, when the version still matches, decides from it at its own
time instead of reading the file again, so every pick still sees every commit made before it. The flush of
deferred writes reads the kept pages again inside its own transaction, after its writes, so its commit leaves
them current rather than sending the next pick back to the file. A deferred grant whose success is deferred
too is written with it, without the lease row.

The path is checked before every connection (``_safe_path``: no symbolic links, the user's own
directory and file). Another process holding the write lock longer than
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
import functools
import json
import logging
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

from .._credential_state import CredentialState
from ._base import (
    DEFAULT_AFFINITY_TTL,
    Candidate,
    CandidateSet,
    Order,
    StoreBusyError,
    StoreError,
    cleared,
    eligible,
    member,
    ordered,
)
from ._checkpoint import BACKSTOP, WAL_LIMIT, Checkpointer
from ._flusher import FLUSHER, Flusher
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
    lease_id TEXT NOT NULL, pool TEXT NOT NULL, id TEXT NOT NULL, expires REAL NOT NULL,
    PRIMARY KEY (pool, id, lease_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS affinity (
    pool TEXT NOT NULL, session TEXT NOT NULL, id TEXT NOT NULL, expires REAL NOT NULL,
    PRIMARY KEY (pool, session));
CREATE INDEX IF NOT EXISTS affinity_by_expiry ON affinity (expires);
CREATE TABLE IF NOT EXISTS pool_member (
    pool TEXT NOT NULL, setkey TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, cap INTEGER,
    uses INTEGER NOT NULL DEFAULT 0, last_used REAL NOT NULL DEFAULT 0, PRIMARY KEY (pool, setkey, position));
CREATE INDEX IF NOT EXISTS member_by_id ON pool_member (pool, id);
"""
_WALK: Final = {Order.given: "m.position", Order.round_robin: "m.last_used, m.position",
                Order.least_used: "m.uses, m.position"}
# The balancing orders' indexes are built by the first walk in that order (from the table, which
# every grant keeps in step): a file only ever walked in priority order never rewrites them.
_WALK_INDEX: Final = {order: f"CREATE INDEX IF NOT EXISTS member_by_{name} ON pool_member "
                             f"(pool, setkey, {column}, position)"
                      for order, name, column in ((Order.round_robin, "last_use", "last_used"),
                                                  (Order.least_used, "uses", "uses"))}
_STORED: Final = ("SELECT CASE WHEN typeof(s.{0}) IN ('integer', 'real') THEN s.{0} ELSE 0 END "
                   "FROM credential_state s WHERE s.pool = pool_member.pool AND s.id = pool_member.id")
DEFAULT_BUSY_TIMEOUT: Final = 0.5  # seconds another process's write lock is waited for
_COLUMNS: Final = ("id", "cool_until", "dead", "reason", "error", "status_code", "backoff", "successes",
                   "failures", "uses", "last_used", "suspensions")
_WALK_SQL: Final = {order: (f"SELECT m.id, m.cap, {', '.join('s.' + c for c in _COLUMNS)} FROM pool_member m "
                            "LEFT JOIN credential_state s ON s.pool = m.pool AND s.id = m.id "
                            f"WHERE m.pool = ? AND m.setkey = ? ORDER BY {walk} LIMIT ? OFFSET ?")
                     for order, walk in _WALK.items()}
_END_LEASE: Final = "DELETE FROM lease WHERE pool = ? AND id = ? AND lease_id = ?"
_SELECT_STATE: Final = f"SELECT {', '.join(_COLUMNS)} FROM credential_state"
# An outcome rewrites its row in place (an upsert, not INSERT OR REPLACE, which deletes and reinserts
# it and so also rewrites the primary-key index page): one page of the WAL per outcome.
_UPSERT: Final = (f"INSERT INTO credential_state (pool, {', '.join(_COLUMNS)}) "
                  f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))}) ON CONFLICT (pool, id) DO UPDATE SET "
                  + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:]))
# Files made before leases were keyed by credential: their table is rebuilt once, rows kept (an older
# process's statements still work on the new table: same columns, in the same order).
_LEASE_REBUILD: Final = (
    "CREATE TABLE lease_by_key (lease_id TEXT NOT NULL, pool TEXT NOT NULL, id TEXT NOT NULL, "
    "expires REAL NOT NULL, PRIMARY KEY (pool, id, lease_id)) WITHOUT ROWID",
    "INSERT OR IGNORE INTO lease_by_key SELECT lease_id, pool, id, expires FROM lease",
    "DROP TABLE lease",
    "ALTER TABLE lease_by_key RENAME TO lease",
    "DROP INDEX IF EXISTS member_by_last_use",  # made unconditionally by then: rebuilt when next walked
    "DROP INDEX IF EXISTS member_by_uses",
)


_STORES: weakref.WeakSet[SQLiteStore] = weakref.WeakSet()
CHECKPOINTER: Final = Checkpointer()
_Deferred = Callable[[sqlite3.Connection], object]  # a write applied in front of the next transaction
# The start of an uncapped walk's first page as read: the file's version then (``_version``), and (id, decoded
# state: None when malformed) of each member up to the one picked, in priority order.
_Rows = tuple[tuple[str, "CredentialState | None"], ...]
_Page = tuple[tuple[int, int], _Rows]
_FIRST_PAGE: Final = 8  # rows of the walk's first read
log = logging.getLogger("steadyloop.state")


def _before_fork() -> None:
    for store in list(_STORES):
        store._lock.acquire()
        store._checkpoint_lock.acquire()
        store._pending_lock.acquire()
        store._disconnect()


def _after_fork() -> None:
    for store in list(_STORES):
        for lock in (store._pending_lock, store._checkpoint_lock, store._lock):
            with contextlib.suppress(RuntimeError):
                lock.release()


def _after_fork_in_child() -> None:
    for store in list(_STORES):
        store._pending = []  # the parent's deferred outcomes: the parent applies them
    _after_fork()


os.register_at_fork(before=_before_fork, after_in_parent=_after_fork, after_in_child=_after_fork_in_child)


def _to_row(pool: str, state: CredentialState) -> tuple[Any, ...]:
    suspensions = json.dumps({m: {"until": s.until, "reason": s.reason} for m, s in state.suspensions.items()})
    return (pool, state.id, state.cool_until, int(state.dead), state.reason, state.error, state.status_code,
            state.backoff, state.successes, state.failures, state.uses, state.last_used, suspensions)


class SQLiteStore:
    """Shared state in one SQLite file."""

    def __init__(self, path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
                 checkpointer: Checkpointer | None = CHECKPOINTER, flusher: Flusher = FLUSHER) -> None:
        self.path = Path(path).expanduser()
        self.description = f"sqlite at {self.path}"
        self.busy_timeout = busy_timeout
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self._flusher = flusher  # applies deferred successes when no operation comes to carry them
        self._checkpointer = checkpointer  # None: no background checkpoints (the backstop still bounds the WAL)
        self._checkpoint_lock = threading.Lock()
        self._checkpoint_db: sqlite3.Connection | None = None
        self._commits = 0  # since the last checkpoint
        self._registered: set[tuple[str, str]] = set()
        self._indexed: set[Order] = set()  # orders whose index this process made sure of
        self._pending: list[_Deferred] = []  # deferred grants and successes: the next transaction applies them
        # guards _pending alone: a deferred success is added without waiting for a transaction (the flusher's) to end
        self._pending_lock = threading.Lock()
        self._writes = 0  # write transactions this connection committed (data_version does not count them)
        self._picks: dict[tuple[str, str], _Page] = {}  # the first page of an uncapped walk, as last read
        _STORES.add(self)
        with self._transaction() as db:
            old = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'lease'").fetchone()
            if old is not None and "WITHOUT ROWID" not in old[0].upper():
                for statement in _LEASE_REBUILD:
                    db.execute(statement)
            for statement in filter(str.strip, _SCHEMA.split(";")):  # executescript would commit early
                db.execute(statement)

    def _disconnect(self) -> None:
        for db in (self._db, self._checkpoint_db):
            if db is not None and self._pid == os.getpid():
                with contextlib.suppress(sqlite3.Error):
                    db.close()
        self._db = self._checkpoint_db = None

    def _open(self) -> sqlite3.Connection:
        prepare_state_file(self.path)  # every (re)connect: the path may have changed since
        db = sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=rw", uri=True, timeout=self.busy_timeout,
                             isolation_level=None, check_same_thread=False)
        db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA wal_autocheckpoint = 0")  # checkpoints run in _checkpoint's thread, not in a commit
        db.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT}")
        return db

    def _connection(self) -> sqlite3.Connection:
        """This process's connection (call with ``_lock`` held)."""
        db = self._db
        if db is None or self._pid != os.getpid():
            self._checkpoint_db = None  # a parent's, if inherited: never used here
            try:
                db = self._open()
            except sqlite3.Error as err:
                raise StoreError(f"the state file {self.path} is unusable ({err}); move it aside to start "
                                 "afresh (credentials are configured elsewhere and are not affected)") from err
            self._db, self._pid, self._indexed, self._picks = db, os.getpid(), set(), {}
        return db

    def checkpoint(self) -> tuple[int, int]:
        """A PASSIVE checkpoint now, on a connection of its own: (frames in the WAL, frames checkpointed)."""
        with self._checkpoint_lock:
            if self._checkpoint_db is None or self._pid != os.getpid():
                self._checkpoint_db = self._open()
            self._commits = 0
            _, frames, done = self._checkpoint_db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            return int(frames), int(done)

    def _committed(self) -> None:
        self._commits += 1
        if self._commits >= BACKSTOP:  # the background thread fell behind: bound the WAL here, once
            with contextlib.suppress(sqlite3.Error, OSError, StoreError):
                self.checkpoint()
        elif self._checkpointer is not None:
            self._checkpointer.mark(self)

    @contextlib.contextmanager
    def _transaction(self, *, write: bool = True, deferred: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` (takes the write lock at once), or a read (no write lock).

        Deferred writes (grants of a fast acquire, ``finish_later``) are applied first, in the same
        transaction (a read with some pending becomes a write; ``deferred=False``: a read that leaves them
        pending); if the transaction fails they stay pending for the next one.
        """
        with self._lock:
            with self._pending_lock:
                pending, self._pending = (self._pending, []) if deferred else ([], self._pending)
            try:
                db = self._connection()
                write = write or bool(pending)
                db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    self._apply_pending(db, pending)
                    yield db
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                db.execute("COMMIT")
                if write:
                    self._writes += 1
                    self._committed()
            except sqlite3.Error as err:
                self._restore(pending)
                raise self._failed(err) from err
            except BaseException:
                self._restore(pending)
                raise

    def _restore(self, pending: list[_Deferred]) -> None:
        """Deferred writes a failed transaction took: in front of any deferred since, for the next one."""
        with self._pending_lock:
            self._pending[:0] = pending

    def _failed(self, err: sqlite3.Error) -> StoreError:
        """The store's error for a failed SQLite call: busy (another process holds the lock too long) or not."""
        if getattr(err, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return StoreBusyError(f"state file {self.path} is locked by another process for more than "
                                  f"{self.busy_timeout:g} s")
        return StoreError(f"state file {self.path}: {err}")

    def _version(self, db: sqlite3.Connection) -> tuple[int, int]:
        """What the file's content is at, as this connection sees it: SQLite's ``data_version`` (it changes when
        any other connection, of this process or another, commits) and this connection's own write commits
        (which ``data_version`` does not count). Equal versions: nothing was committed in between."""
        return int(db.execute("PRAGMA data_version").fetchone()[0]), self._writes

    def _apply_pending(self, db: sqlite3.Connection, pending: list[_Deferred]) -> None:
        """The deferred writes in order; consecutive grants of one key that have their outcomes, as one."""
        run: list[_Deferred] = []
        for write in pending:
            if isinstance(write, _Grant) and write.joins(run):
                run.append(write)
                continue
            self._apply_run(db, run)
            run = [write] if isinstance(write, _Grant) and write.change is not None else []
            if not run:
                self._apply_deferred(db, write)
        self._apply_run(db, run)

    def _apply_run(self, db: sqlite3.Connection, run: list[_Deferred]) -> None:
        if run:
            grants = [write for write in run if isinstance(write, _Grant)]
            self._apply_deferred(db, functools.partial(self._granted_and_finished, run=grants))

    @staticmethod
    def _apply_deferred(db: sqlite3.Connection, write: _Deferred) -> None:
        try:
            write(db)
        except sqlite3.Error:
            raise  # the transaction fails and the write stays pending
        except Exception as err:  # a change that cannot apply must not block every later transaction
            log.warning("steadyloop: a deferred state write was dropped: %s", type(err).__name__)

    def _states(self, db: sqlite3.Connection, pool: str, ids: Sequence[str],
                malformed: set[str] | None = None) -> dict[str, CredentialState]:
        """Validated states of ``ids``; a malformed row reads as no state (its id added to ``malformed``)."""
        rows = self._rows(db, pool, ids)
        return {i: self._state_of(pool, i, rows, malformed) for i in ids}

    @staticmethod
    def _rows(db: sqlite3.Connection, pool: str, ids: Sequence[str]) -> dict[str, Sequence[Any]]:
        marks = ",".join("?" * len(ids))
        return {row[0]: row for row in db.execute(f"{_SELECT_STATE} WHERE pool = ? AND id IN ({marks})", (pool, *ids))}

    def _state_of(self, pool: str, credential_id: str, rows: dict[str, Sequence[Any]],
                  malformed: set[str] | None) -> CredentialState:
        row = rows.get(credential_id)
        state = None if row is None else self._decode(pool, row)
        if row is not None and state is None and malformed is not None:
            malformed.add(credential_id)
        return state or CredentialState(id=credential_id)

    def _row_state(self, pool: str, row: Sequence[Any]) -> CredentialState | None:
        """A walk's row (id, cap, state columns...) as the credential's state: a key never written has the empty
        state; None when its stored state is malformed."""
        return self._decode(pool, row[2:]) if row[2] is not None else CredentialState(id=str(row[0]))

    def _decode(self, pool: str, row: Sequence[Any]) -> CredentialState | None:
        """A row of ``_COLUMNS``, validated."""
        return decode_state(self.description, pool, str(row[0]), dict(zip(_COLUMNS, row, strict=True)))

    @staticmethod
    def _live(db: sqlite3.Connection, pool: str, now: float) -> dict[str, int]:
        """Unexpired leases per credential (expired ones are ignored here and deleted as keys are granted)."""
        return dict(db.execute("SELECT id, COUNT(*) FROM lease WHERE pool = ? AND expires > ? GROUP BY id",
                               (pool, now)).fetchall())

    def acquire(self, pool: str, candidates: Sequence[Candidate], model: str, *, now: float, lease_id: str,
                lease_ttl: float, order: Order, session: str | None = None,
                affinity_ttl: float = DEFAULT_AFFINITY_TTL) -> str | None:
        if (order is Order.given and isinstance(candidates, CandidateSet) and candidates.uncapped
                and (pool, candidates.key) in self._registered):
            return self._acquire_uncapped(pool, candidates, model, now, lease_id, lease_ttl, session, affinity_ttl)
        with self._transaction() as db:
            remembered = None if session is None else db.execute(
                "SELECT id FROM affinity WHERE pool = ? AND session = ? AND expires > ?", (pool, session, now)
            ).fetchone()
            preferred = member(candidates, None if remembered is None else str(remembered[0]))
            found = self._scan(db, pool, [preferred], model, now, Order.given) if preferred else None
            if found is None and isinstance(candidates, CandidateSet):
                found = self._walk_index(db, pool, candidates, model, now, order)
            elif found is None:
                found = self._scan(db, pool, candidates, model, now, order)
            if found is None:
                return None
            if session is not None and found[0] != (preferred and preferred.id):
                self._remember(db, pool, session, found[0], now, affinity_ttl)
            return self._grant(db, pool, found, now, lease_id, lease_ttl)

    def _acquire_uncapped(self, pool: str, candidates: CandidateSet, model: str, now: float, lease_id: str,
                          lease_ttl: float, session: str | None, affinity_ttl: float) -> str | None:
        """Keys without a cap, in priority order: no lease count decides, so the pick is a read, and the grant
        (lease, use count, the session's key) is written behind it like a success (``finish_later``): a turn
        takes no write lock before its call. Pending writes of this process do not change which key such a
        walk picks (a grant or a success never blocks a key), so the read leaves them pending."""
        with self._lock:
            found = preferred = None
            if session is None:
                found = self._known_pick(pool, candidates, model, now)
            if found is None:
                with self._transaction(write=False, deferred=False) as db:
                    remembered = None if session is None else db.execute(
                        "SELECT id FROM affinity WHERE pool = ? AND session = ? AND expires > ?", (pool, session, now)
                    ).fetchone()
                    preferred = member(candidates, None if remembered is None else str(remembered[0]))
                    found = self._scan(db, pool, [preferred], model, now, Order.given) if preferred else None
                    if found is None:
                        found = self._walk_index(db, pool, candidates, model, now, Order.given, keep=True)
            if found is None:
                return None
            remember = session if session is not None and found[0] != (preferred and preferred.id) else None
            grant = _Grant(self, pool, found, now, lease_id, lease_ttl, remember, affinity_ttl)
            with self._pending_lock:
                self._pending.append(grant)
        self._flusher.mark(self)
        return found[0]

    def _known_pick(self, pool: str, candidates: CandidateSet, model: str, now: float) -> tuple[str, bool] | None:
        """The uncapped walk's pick from its first page as last read, if the file has not changed since (one
        ``PRAGMA data_version`` instead of a read transaction, the walk's query and decoding its rows); None when it
        has changed, or no key of that page may serve now (the caller then walks the file). Eligibility is decided
        now, from the states read: a cooldown that has run out since frees its key here as in the file."""
        db = self._connection()  # first: a new connection (after a fork) starts with nothing kept
        page = self._picks.get((pool, candidates.key))
        if page is None:
            return None
        try:
            if page[0] != self._version(db):
                return None
        except sqlite3.Error as err:
            raise self._failed(err) from err
        for picked, state in page[1]:
            if eligible(state or CredentialState(id=picked), model, now, 0, None):
                return picked, state is None
        return None

    def _granted_and_finished(self, db: sqlite3.Connection, run: Sequence[_Grant]) -> None:
        """Consecutive pending grants of one key, each with its lease's outcome (``finish_later``): what writing
        each grant (``_grant``) then its outcome (``_finish_in``) leaves in the file (the uses counted, the last
        use, the outcomes' state, the sessions' key, expired leases of the key deleted), from one read of the
        row and one write of it, without the lease rows they would insert and delete. An outcome that fails or
        changes the use count or last use is written apart, as before, with the whole run."""
        pool, picked = run[0].pool, run[0].found[0]
        unreadable: set[str] = set()
        state = self._states(db, pool, [picked], unreadable)[picked]
        readable = not unreadable
        for grant in run:
            if readable and not grant.found[1]:  # as _grant counts it: never on a malformed row
                state = replace(state, uses=state.uses + 1, last_used=grant.now)
            assert grant.change is not None
            try:
                new = grant.change(state)
            except Exception:
                new = None
            if new is None or (new.uses, new.last_used) != (state.uses, state.last_used):
                for each in run:  # the rare case, exactly as written apart
                    self._apply_deferred(db, each.grant_only)
                    assert each.change is not None
                    self._apply_deferred(db, functools.partial(self._finish_in, pool=pool, credential_id=picked,
                                                               lease_id=each.lease_id, change=each.change))
                return
            state, readable = new, True  # the outcome rewrote the row: the next grant counts on it
        for grant in run:
            if grant.remember is not None:
                self._remember(db, pool, grant.remember, picked, grant.now, grant.affinity_ttl)
        db.execute("DELETE FROM lease WHERE pool = ? AND id = ? AND expires <= ?",
                   (pool, picked, max(grant.now for grant in run)))
        db.execute("UPDATE pool_member SET uses = uses + ?, last_used = ? WHERE pool = ? AND id = ?",
                   (len(run), run[-1].now, pool, picked))
        db.execute(_UPSERT, _to_row(pool, state))

    def _grant(self, db: sqlite3.Connection, pool: str, found: tuple[str, bool], now: float, lease_id: str,
               lease_ttl: float) -> str:
        """The lease on the key ``_scan``/``_walk_index`` found, and its use counted (in the same transaction)."""
        picked, malformed = found
        db.execute("DELETE FROM lease WHERE pool = ? AND id = ? AND expires <= ?", (pool, picked, now))
        db.execute("INSERT INTO lease VALUES (?, ?, ?, ?)", (lease_id, pool, picked, now + lease_ttl))
        db.execute("UPDATE pool_member SET uses = uses + 1, last_used = ? WHERE pool = ? AND id = ?",
                   (now, pool, picked))
        if not malformed:  # counted on a malformed row would silently rewrite it
            db.execute(
                "INSERT INTO credential_state (pool, id, uses, last_used) VALUES (?, ?, 1, ?) "
                "ON CONFLICT (pool, id) DO UPDATE SET uses = uses + 1, last_used = excluded.last_used",
                (pool, picked, now))
        return picked

    def _scan(self, db: sqlite3.Connection, pool: str, candidates: Sequence[Candidate], model: str, now: float,
              order: Order) -> tuple[str, bool] | None:
        """A plain list: every candidate's row read at once, then tried in order, each decoded when tried (all of
        them first for a balancing order, which sorts by them); (picked, its row is malformed)."""
        malformed: set[str] = set()
        rows = self._rows(db, pool, [c.id for c in candidates])
        live = self._live(db, pool, now)
        states = None if order is Order.given else {c.id: self._state_of(pool, c.id, rows, malformed)
                                                    for c in candidates}
        for candidate in candidates if states is None else ordered(candidates, states, order):
            state = self._state_of(pool, candidate.id, rows, malformed) if states is None else states[candidate.id]
            if eligible(state, model, now, live.get(candidate.id, 0), candidate.max_concurrency):
                return candidate.id, candidate.id in malformed
        return None

    def _register(self, db: sqlite3.Connection, pool: str, candidates: CandidateSet) -> None:
        """Rows of ``pool_member`` for this set (once per set and process; a no-op if already there)."""
        args = (pool, candidates.key)
        count = db.execute("SELECT COUNT(*) FROM pool_member WHERE pool = ? AND setkey = ?", args).fetchone()[0]
        if count != len(candidates):
            db.execute("DELETE FROM pool_member WHERE pool = ? AND setkey = ?", args)
            db.executemany("INSERT INTO pool_member (pool, setkey, position, id, cap) VALUES (?, ?, ?, ?, ?)",
                           [(*args, n, c.id, c.max_concurrency) for n, c in enumerate(candidates)])
            db.execute(f"UPDATE pool_member SET uses = coalesce(({_STORED.format('uses')}), 0), "
                       f"last_used = coalesce(({_STORED.format('last_used')}), 0) WHERE pool = ? AND setkey = ?",
                       args)
        self._registered.add(args)

    def _walk_index(self, db: sqlite3.Connection, pool: str, candidates: CandidateSet, model: str, now: float,
                    order: Order, *, keep: bool = False) -> tuple[str, bool] | None:
        """The first eligible key in strategy order, a page at a time (pages double); (picked, malformed).
        ``keep`` (an uncapped set in priority order, in a read transaction): the first page is kept for
        ``_known_pick``, with the file's version read before it (a commit after that only makes it older)."""
        if (pool, candidates.key) not in self._registered:
            self._register(db, pool, candidates)
        if order in _WALK_INDEX and order not in self._indexed:
            db.execute(_WALK_INDEX[order])
            self._indexed.add(order)
        offset, size = 0, _FIRST_PAGE
        version = self._version(db) if keep else None
        while True:
            rows = db.execute(_WALK_SQL[order], (pool, candidates.key, size, offset)).fetchall()
            if not rows and offset == 0:  # the set's rows were removed behind this process's back
                self._register(db, pool, candidates)
                continue
            seen: list[tuple[str, CredentialState | None]] = []  # the page's rows decoded so far, in order
            found = None
            for row in rows:
                picked, cap = str(row[0]), row[1]
                state = self._row_state(pool, row)
                seen.append((picked, state))
                keep = keep and cap is None  # a capped key's pick depends on its leases, not only on the file's rows
                busy = 0 if cap is None else db.execute(
                    "SELECT COUNT(*) FROM lease WHERE pool = ? AND id = ? AND expires > ?", (pool, picked, now)
                ).fetchone()[0]
                if eligible(state or CredentialState(id=picked), model, now, busy, cap):
                    found = picked, state is None
                    break
            if keep and version is not None and offset == 0:
                self._picks[(pool, candidates.key)] = (version, tuple(seen))  # a prefix of the walk: enough
            if found is not None:
                return found
            if len(rows) < size:
                return None
            offset, size = offset + size, size * 2

    def release(self, pool: str, credential_id: str, lease_id: str) -> None:
        with self._transaction() as db:
            db.execute(_END_LEASE, (pool, credential_id, lease_id))

    def renew(self, pool: str, credential_id: str, lease_id: str, *, now: float, lease_ttl: float) -> bool:
        with self._transaction() as db:
            cursor = db.execute("UPDATE lease SET expires = ? WHERE pool = ? AND id = ? AND lease_id = ? "
                                "AND expires > ?", (now + lease_ttl, pool, credential_id, lease_id, now))
            return cursor.rowcount > 0

    def read(self, pool: str, ids: Sequence[str], now: float) -> dict[str, CredentialState]:
        with self._transaction(write=False) as db:
            states = self._states(db, pool, ids)
            live = self._live(db, pool, now)
        return {i: replace(s, in_flight=live.get(i, 0)) for i, s in states.items()}

    def _write(self, db: sqlite3.Connection, pool: str, state: CredentialState, old: CredentialState) -> None:
        db.execute(_UPSERT, _to_row(pool, state))
        if (state.uses, state.last_used) != (old.uses, old.last_used):  # keep the strategy index in step
            db.execute("UPDATE pool_member SET uses = ?, last_used = ? WHERE pool = ? AND id = ?",
                       (state.uses, state.last_used, pool, state.id))

    def update(self, pool: str, credential_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        with self._transaction() as db:
            old = self._states(db, pool, [credential_id])[credential_id]
            new = change(old)
            self._write(db, pool, new, old)
            return new

    def _finish_in(self, db: sqlite3.Connection, pool: str, credential_id: str, lease_id: str,
                   change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        db.execute(_END_LEASE, (pool, credential_id, lease_id))
        old = self._states(db, pool, [credential_id])[credential_id]
        new = change(old)
        self._write(db, pool, new, old)
        return new

    def finish(self, pool: str, credential_id: str, lease_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        with self._transaction() as db:
            return self._finish_in(db, pool, credential_id, lease_id, change)

    def finish_later(self, pool: str, credential_id: str, lease_id: str,
                     change: Callable[[CredentialState], CredentialState]) -> None:
        """``finish`` behind the turn, with the lease's grant when that is still pending.

        The grant and the outcome are then written as one (``_granted_and_finished``): the lease row is never
        inserted only to be deleted. It waits for no
        transaction: a grant already taken by one (the flusher's, under way) is not found here, and the outcome
        is applied by the next transaction, after it."""
        with self._pending_lock:
            for at in range(len(self._pending) - 1, -1, -1):  # the grant is nearly always one of the last
                grant = self._pending[at]
                if isinstance(grant, _Grant) and grant.lease_id == lease_id and grant.found[0] == credential_id \
                        and grant.pool == pool and grant.change is None:
                    grant.change = change
                    break
            else:
                self._pending.append(lambda db: self._finish_in(db, pool, credential_id, lease_id, change))
        self._flusher.mark(self)

    def flush(self) -> None:
        """Apply the deferred writes now, and read the kept pages again in the same transaction.

        So the flusher's own commit leaves the kept pages current (``_reread``) instead of sending the next pick
        back to the file, as any other commit of this connection does (at a few requests a second, nearly every
        pick would go there)."""
        with self._lock:
            if self._pending:
                with self._transaction() as db:
                    version, pages = self._reread(db)
                # committed: no other connection could commit after the read (this one held the write lock)
                self._picks.update({key: ((version, self._writes), page) for key, page in pages.items()})

    def _reread(self, db: sqlite3.Connection) -> tuple[int, dict[tuple[str, str], _Rows]]:
        """Inside a write transaction, after its writes: ``data_version`` and the kept pages' rows read again, as
        many as each kept (a page whose rows are gone or capped now is dropped: the next pick walks the file)."""
        version = self._version(db)[0]
        pages: dict[tuple[str, str], _Rows] = {}
        for (pool, setkey), (_, kept) in list(self._picks.items()):
            rows = db.execute(_WALK_SQL[Order.given], (pool, setkey, len(kept), 0)).fetchall()
            if rows and all(row[1] is None for row in rows):
                pages[(pool, setkey)] = tuple((str(row[0]), self._row_state(pool, row)) for row in rows)
            else:
                del self._picks[(pool, setkey)]
        return version, pages

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        with self._transaction() as db:
            query, args = f"{_SELECT_STATE} WHERE pool = ?", [pool]
            if credential_id is not None:
                query, args = query + " AND id = ?", [*args, credential_id]
            rows = db.execute(query, args).fetchall()
            for row in rows:  # an operator's reset replaces a malformed row with a clean one
                state = self._decode(pool, row) or CredentialState(id=row[0])
                self._write(db, pool, cleared(state, model), state)
            return len(rows)

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        with self._transaction(write=False) as db:
            row = db.execute("SELECT id FROM affinity WHERE pool = ? AND session = ? AND expires > ?",
                             (pool, session, now)).fetchone()
        return str(row[0]) if row else None

    @staticmethod
    def _remember(db: sqlite3.Connection, pool: str, session: str, credential_id: str, now: float,
                  ttl: float) -> None:
        db.execute("DELETE FROM affinity WHERE expires <= ?", (now,))
        db.execute("INSERT OR REPLACE INTO affinity VALUES (?, ?, ?, ?)", (pool, session, credential_id, now + ttl))

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        with self._transaction() as db:
            self._remember(db, pool, session, credential_id, now, ttl)

    def close(self) -> None:
        with self._lock:
            if self._pending:
                try:
                    self.flush()
                except StoreError as err:
                    log.warning("steadyloop: %d deferred outcome(s) not written to %s at close: %s",
                                len(self._pending), self.path, err)
            self._disconnect()


class _Grant:
    """A pending grant of an uncapped pick (``_acquire_uncapped``), and once its lease's success is deferred too
    (``finish_later``), that outcome's change: applied with it in one write."""

    __slots__ = ("affinity_ttl", "change", "found", "lease_id", "lease_ttl", "now", "pool", "remember", "store")

    def __init__(self, store: SQLiteStore, pool: str, found: tuple[str, bool], now: float, lease_id: str,
                 lease_ttl: float, remember: str | None, affinity_ttl: float) -> None:
        self.store, self.pool, self.found, self.now = store, pool, found, now
        self.lease_id, self.lease_ttl, self.remember, self.affinity_ttl = lease_id, lease_ttl, remember, affinity_ttl
        self.change: Callable[[CredentialState], CredentialState] | None = None

    def __call__(self, db: sqlite3.Connection) -> None:
        if self.change is not None:
            self.store._granted_and_finished(db, [self])
        else:
            self.grant_only(db)

    def grant_only(self, db: sqlite3.Connection) -> None:
        """The grant alone: the session's key, the lease, the use counted."""
        store = self.store
        if self.remember is not None:
            store._remember(db, self.pool, self.remember, self.found[0], self.now, self.affinity_ttl)
        store._grant(db, self.pool, self.found, self.now, self.lease_id, self.lease_ttl)

    def joins(self, run: list[_Deferred]) -> bool:
        """Whether this write extends ``run`` (grants with their outcomes, of one key): written with it as one."""
        if self.change is None or not run:
            return False
        last = run[-1]
        return isinstance(last, _Grant) and (last.pool, last.found[0]) == (self.pool, self.found[0])
