"""An uncapped pick from an unchanged SQLite file is served from its last read, checked live every time.

``SQLiteStore`` keeps the start of an uncapped walk's first page with the file's version
(``PRAGMA data_version`` and this connection's own commits); a pick whose version still matches
decides from it, at the current time. Any commit, by this store, another connection or another
process, sends the next pick back to the file, but for the flush of this store's deferred writes, which
reads the page again inside its transaction (so it holds every commit before it, and the flush's own
writes). Real SQLite files and a real forked process.
"""

from __future__ import annotations

import multiprocessing as mp
from dataclasses import replace
from pathlib import Path

from pydantic import SecretStr

from agent import FailoverReason, Scope
from agent.credential_pool import Credential, CredentialPool
from agent.error_classifier import ClassifiedError
from agent.stores import SQLiteStore
from agent.stores._flusher import PAUSED

from .test_store_scaling import _write_transactions

KEYS = [Credential(id=i, secret=SecretStr(f"sk-known-pick-{i}-0000000")) for i in ("a", "b")]
CTX = mp.get_context("fork")


class _Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def _pool(path: Path, clock: _Clock | None = None) -> CredentialPool:
    store = SQLiteStore(path, flusher=PAUSED)
    return CredentialPool("p", KEYS, store=store, clock=clock or _Clock())


def _limited(seconds: float, scope: Scope = Scope.credential) -> ClassifiedError:
    return ClassifiedError(reason=FailoverReason.rate_limit, scope=scope, retry_after=seconds)


def _picked(pool: CredentialPool, model: str = "m") -> str:
    lease = pool.acquire(model)
    pool.record_success(lease)
    return lease.credential.id


def test_a_pick_from_an_unchanged_file_runs_one_statement(tmp_path: Path) -> None:
    pool = _pool(tmp_path / "s.db")
    assert _picked(pool) == "a"  # registers the key set (a write)
    assert _picked(pool) == "a"  # reads the walk, keeps its page
    assert isinstance(pool.store, SQLiteStore)
    statements = _write_transactions(pool.store)
    assert [_picked(pool) for _ in range(3)] == ["a", "a", "a"]
    assert statements == ["PRAGMA data_version"] * 3


def test_this_stores_own_failure_report_is_seen_by_the_next_pick(tmp_path: Path) -> None:
    pool = _pool(tmp_path / "s.db")
    assert _picked(pool) == "a"
    pool.report(pool.acquire("m"), _limited(60), release=True)
    assert _picked(pool) == "b"


def test_another_connections_commit_is_seen_by_the_next_pick(tmp_path: Path) -> None:
    mine, other = _pool(tmp_path / "s.db"), _pool(tmp_path / "s.db")
    assert _picked(mine) == "a" and _picked(mine) == "a"
    other.report(other.acquire("m"), _limited(60), release=True)
    assert _picked(mine) == "b"
    other.reset("a")
    assert _picked(mine) == "a"


def _exhaust_a(path: Path) -> None:
    pool = _pool(path)
    lease = pool.acquire("m")
    assert lease.credential.id == "a"
    pool.report(lease, _limited(600), release=True)


def _exhaust_a_in_another_process(path: Path) -> None:
    child = CTX.Process(target=_exhaust_a, args=(path,))
    child.start()
    child.join(timeout=30)
    assert child.exitcode == 0


def test_another_processs_commit_is_seen_by_the_next_pick(tmp_path: Path) -> None:
    mine = _pool(tmp_path / "s.db")
    assert _picked(mine) == "a" and _picked(mine) == "a"  # the second from the kept page
    _exhaust_a_in_another_process(tmp_path / "s.db")
    assert _picked(mine) == "b"


def test_a_cooldown_that_ran_out_frees_its_key_without_a_change_to_the_file(tmp_path: Path) -> None:
    clock = _Clock()
    pool = _pool(tmp_path / "s.db", clock)
    pool.report(pool.acquire("m"), _limited(60), release=True)
    assert _picked(pool) == "b"  # the file changed: read, and kept
    assert isinstance(pool.store, SQLiteStore)
    statements = _write_transactions(pool.store)
    assert _picked(pool) == "b"
    clock.now += 61
    assert _picked(pool) == "a"
    assert statements == ["PRAGMA data_version"] * 2


def test_a_suspension_for_one_model_is_decided_per_model_from_the_kept_page(tmp_path: Path) -> None:
    pool = _pool(tmp_path / "s.db")
    pool.report(pool.acquire("m1"), _limited(60, Scope.credential_model), release=True)
    assert _picked(pool, "m1") == "b"
    assert isinstance(pool.store, SQLiteStore)
    statements = _write_transactions(pool.store)
    assert _picked(pool, "m2") == "a" and _picked(pool, "m1") == "b"
    assert statements == ["PRAGMA data_version"] * 2


def _store(pool: CredentialPool) -> SQLiteStore:
    assert isinstance(pool.store, SQLiteStore)
    return pool.store


def test_the_stores_own_flush_keeps_the_kept_page(tmp_path: Path) -> None:
    """The flusher's commit of this store's deferred grants and successes reads the kept page again in its
    transaction: the picks after it still run one statement each (before, every flush sent the next pick back
    to the file, which at a few requests a second was nearly every pick)."""
    pool = _pool(tmp_path / "s.db")
    assert _picked(pool) == "a" and _picked(pool) == "a"
    for _ in range(3):
        _store(pool).flush()  # the grants and successes deferred since
        statements = _write_transactions(_store(pool))
        assert _picked(pool) == "a"
        assert statements == ["PRAGMA data_version"]


def test_a_flush_after_another_connections_commit_reads_it(tmp_path: Path) -> None:
    """A commit of another connection between the kept read and this store's flush is in the page the flush
    keeps; a commit after the flush sends the next pick back to the file."""
    mine, other = _pool(tmp_path / "s.db"), _pool(tmp_path / "s.db")
    assert _picked(mine) == "a" and _picked(mine) == "a"
    other.report(other.acquire("m"), _limited(60), release=True)
    _store(mine).flush()
    assert _picked(mine) == "b"
    _store(mine).flush()
    other.reset("a")
    assert _picked(mine) == "a"


def test_another_processs_commit_after_a_flush_is_seen_by_the_next_pick(tmp_path: Path) -> None:
    """A kept page made current by this store's flush is still left for the file by another process's commit."""
    mine = _pool(tmp_path / "s.db")
    assert _picked(mine) == "a" and _picked(mine) == "a"
    _store(mine).flush()
    _exhaust_a_in_another_process(tmp_path / "s.db")
    assert _picked(mine) == "b"


def test_the_stores_own_state_changes_are_seen_across_its_flushes(tmp_path: Path) -> None:
    """This store's own changes reach the next pick whether they were flushed (a deferred outcome that cools
    its key) or written at once (a cooldown, an exhaustion, a reset), between flushes of its own."""
    clock = _Clock()
    pool = _pool(tmp_path / "s.db", clock)
    store = _store(pool)
    assert _picked(pool) == "a" and _picked(pool) == "a"
    lease = pool.acquire("m")
    assert pool._take_release(lease, True)  # the lease ends with the deferred outcome, as record_success ends it
    store.finish_later("p", lease.credential.state_key, lease.lease_id, lambda s: replace(s, cool_until=clock.now + 30))
    store.flush()
    assert _picked(pool) == "b"
    clock.now += 31
    assert _picked(pool) == "a"
    store.flush()
    pool.report(pool.acquire("m"), ClassifiedError(reason=FailoverReason.billing, scope=Scope.credential),
                release=True)  # exhausted
    assert _picked(pool) == "b"
    store.flush()
    assert _picked(pool) == "b"
    pool.reset("a")
    store.flush()
    assert _picked(pool) == "a"
