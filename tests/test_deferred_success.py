"""A success is applied behind the turn (``finish_later``), in front of the store's next operation.

Real SQLite files, the session's real redis-server (through a relay that counts round trips), and
real processes: a child that exits without closing its store, and a forked child.
"""

from __future__ import annotations

import multiprocessing as mp
import subprocess
import sys
import threading
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from agent import FailoverReason, Scope
from agent.credential_pool import Credential, CredentialPool
from agent.error_classifier import ClassifiedError
from agent.stores import SQLiteStore, StateStore
from agent.stores._flusher import PAUSED, Flusher

from .test_store_scaling import _CountingProxy, _write_transactions

CREDS = [Credential(id=i, secret=SecretStr(f"sk-deferred-{i}-0000000"), max_concurrency=1) for i in ("a", "b")]
CTX = mp.get_context("fork")


def _redis(url: str, prefix: str) -> StateStore:
    from agent.stores.redis import RedisStore

    return RedisStore(url, prefix=prefix, flusher=PAUSED)


def _successes(pool: CredentialPool) -> dict[str, tuple[int, int]]:
    return {c.id: (s.successes, s.in_flight) for c, s in pool.states()}


def test_a_sqlite_turn_with_a_deferred_success_is_one_transaction(tmp_path: Path) -> None:
    """Ten turns: ten write transactions (each success rides in the next acquire's), and every count is kept."""
    store = SQLiteStore(tmp_path / "state.db", flusher=PAUSED)  # no background flush between the turns counted
    pool = CredentialPool("p", CREDS, store=store)
    pool.record_success(pool.acquire("m"))
    statements = _write_transactions(store)
    for _ in range(10):
        pool.record_success(pool.acquire("m"))  # cap 1: the next acquire sees this lease released
    assert statements.count("BEGIN IMMEDIATE") == 10
    assert _successes(pool) == {"a": (11, 0), "b": (0, 0)}  # the read applied the last one first


def test_a_redis_turn_with_a_deferred_success_is_one_round_trip(redis_url: str) -> None:
    """Ten turns over a relay that counts round trips: ten; the last success goes with the flush."""
    port = int(redis_url.rsplit(":", 1)[1].split("/", maxsplit=1)[0])
    proxy = _CountingProxy(port)
    prefix = f"deferred-{uuid.uuid4().hex[:8]}:"
    pool = CredentialPool("p", CREDS, store=_redis(f"redis://127.0.0.1:{proxy.port}/0", prefix))
    rival = CredentialPool("p", CREDS, store=_redis(redis_url, prefix))
    for _ in range(2):  # the first acquire builds the index, the first deferred FINISH may load its script
        pool.record_success(pool.acquire("m"))
    before = proxy.round_trips
    for _ in range(10):
        pool.record_success(pool.acquire("m"))  # cap 1: the lease must be released before the next grant
    assert proxy.round_trips - before == 10
    pool.store.flush()
    assert proxy.round_trips - before == 11
    assert _successes(rival) == {"a": (12, 0), "b": (0, 0)}


def test_a_deferred_success_asks_the_redis_server_for_no_row(redis_url: str) -> None:
    """A deferred success's script answers 1, not the row it wrote (nobody reads it): four bytes come back."""
    port = int(redis_url.rsplit(":", 1)[1].split("/", maxsplit=1)[0])
    proxy = _CountingProxy(port)
    prefix = f"quiet-{uuid.uuid4().hex[:8]}:"
    pool = CredentialPool("p", CREDS, store=_redis(f"redis://127.0.0.1:{proxy.port}/0", prefix))
    for _ in range(2):  # the first acquire builds the index, the first flush may load the script
        pool.record_success(pool.acquire("m"))
        pool.store.flush()
    pool.record_success(pool.acquire("m"))
    before = proxy.replied
    pool.store.flush()
    assert proxy.replied - before == len(b":1\r\n")
    assert _successes(pool)["a"] == (3, 0)


@pytest.fixture(params=["sqlite", "redis"])
def two_processes(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[CredentialPool, CredentialPool]:
    """The same pool through two stores on one file or server: what two processes see."""
    if request.param == "sqlite":
        return tuple(CredentialPool("p", CREDS, store=SQLiteStore(tmp_path / "s.db", flusher=PAUSED))
                     for _ in "ab")  # type: ignore[return-value]
    url, prefix = request.getfixturevalue("redis_url"), f"two-{uuid.uuid4().hex[:8]}:"
    return tuple(CredentialPool("p", CREDS, store=_redis(url, prefix)) for _ in "ab")  # type: ignore[return-value]


def test_another_process_sees_a_deferred_success_once_the_flusher_runs(
        two_processes: tuple[CredentialPool, CredentialPool]) -> None:
    """Until it is applied the other process sees the lease (cap 1: it takes the next key); then the count."""
    mine, other = two_processes
    mine.record_success(mine.acquire("m"))
    with other.acquire("m") as lease:  # a deferred success only ever makes a cap stricter, never looser
        assert lease.credential.id == "b"
    PAUSED.run_once()  # what the flusher's thread does DELAY seconds after the success
    assert _successes(other)["a"] == (1, 0)
    with other.acquire("m") as lease:
        assert lease.credential.id == "a"


def test_a_failure_is_never_deferred(two_processes: tuple[CredentialPool, CredentialPool]) -> None:
    """A cooldown must be visible before anyone's next pick: the report is written when it returns."""
    mine, other = two_processes
    mine.record_success(mine.acquire("m"))
    mine.report(mine.acquire("m"), ClassifiedError(reason=FailoverReason.rate_limit, scope=Scope.credential,
                                                   retry_after=60.0), release=True)
    states = {c.id: s for c, s in other.states()}
    assert states["a"].cool_until > mine.clock() + 50 and states["a"].successes == 1


def test_a_process_that_exits_without_closing_its_store_still_writes_its_success(tmp_path: Path) -> None:
    """A real child process: one turn, then exit at once (a cron job); the exit applies the deferred success."""
    path = tmp_path / "cron.db"
    child = (
        "from pydantic import SecretStr\n"
        "from agent.credential_pool import Credential, CredentialPool\n"
        "from agent.stores import SQLiteStore\n"
        f"pool = CredentialPool('p', [Credential(id='a', secret=SecretStr('sk-deferred-a-0000000'))], "
        f"store=SQLiteStore({str(path)!r}))\n"
        "pool.record_success(pool.acquire('m'))\n"
    )
    subprocess.run([sys.executable, "-c", child], check=True, timeout=60)
    pool = CredentialPool("p", [Credential(id="a", secret=SecretStr("sk-deferred-a-0000000"))],
                          store=SQLiteStore(path))
    assert _successes(pool) == {"a": (1, 0)}


def _child_turn(pool: CredentialPool, done: Any) -> None:
    pool.record_success(pool.acquire("m"))
    pool.store.flush()
    done.put(True)


def test_a_forked_child_never_applies_its_parents_deferred_success(
        two_processes: tuple[CredentialPool, CredentialPool]) -> None:
    """The parent's pending success is the parent's: counted once, not once more by every child."""
    mine, other = two_processes
    mine.record_success(mine.acquire("m"))  # pending in the parent when it forks
    done = CTX.Queue()
    child = CTX.Process(target=_child_turn, args=(mine, done))
    child.start()
    assert done.get(timeout=60)
    child.join(timeout=30)
    mine.store.flush()
    assert child.exitcode == 0 and _successes(other)["a"][0] + _successes(other)["b"][0] == 2


class _Recorder:
    def __init__(self) -> None:
        self.flushed = threading.Event()

    def flush(self) -> None:
        self.flushed.set()


def test_the_flusher_thread_applies_a_marked_store_after_its_delay() -> None:
    """Marking a store wakes the thread, which waits ``delay`` (through the injected sleep) and flushes it."""
    waited: list[float] = []
    flusher = Flusher(delay=0.25, sleep=waited.append)
    store = _Recorder()
    flusher.mark(store)
    assert store.flushed.wait(timeout=10) and waited[0] == 0.25
    assert flusher.run_once() == 0  # nothing left marked


UNCAPPED = [Credential(id=i, secret=SecretStr(f"sk-uncapped-{i}-0000000")) for i in ("a", "b")]


def test_uncapped_keys_in_priority_order_take_no_write_lock_before_the_call(tmp_path: Path) -> None:
    """No cap to count, so the pick is a read; grants and successes go together in one later transaction.
    The first pick after the flush reads the file; the file unchanged since, the others check its version only."""
    store = SQLiteStore(tmp_path / "state.db", flusher=PAUSED)
    pool = CredentialPool("p", UNCAPPED, store=store)
    pool.record_success(pool.acquire("m"))  # the first acquire registers the key set
    store.flush()
    statements = _write_transactions(store)
    for _ in range(10):
        pool.record_success(pool.acquire("m"))
    assert statements.count("BEGIN IMMEDIATE") == 0 and statements.count("BEGIN") == 1
    assert statements.count("PRAGMA data_version") == 10
    store.flush()
    assert statements.count("BEGIN IMMEDIATE") == 1
    states = {c.id: s for c, s in pool.states()}
    assert (states["a"].uses, states["a"].successes, states["a"].in_flight) == (11, 11, 0)


def test_a_lease_written_behind_its_pick_shows_in_flight_once_applied_and_cooldowns_still_steer(
        tmp_path: Path) -> None:
    """Another process sees the held lease once the flusher ran; a cooldown it writes is seen at the next pick."""
    mine, other = (CredentialPool("p", UNCAPPED, store=SQLiteStore(tmp_path / "s.db", flusher=PAUSED))
                   for _ in "ab")
    mine.record_success(mine.acquire("m"))  # registers the key set
    lease = mine.acquire("m")
    PAUSED.run_once()
    assert {c.id: s.in_flight for c, s in other.states()} == {"a": 1, "b": 0}
    other.report(other.acquire("m"), ClassifiedError(reason=FailoverReason.rate_limit, scope=Scope.credential,
                                                     retry_after=60.0), release=True)
    mine.record_success(lease)
    with mine.acquire("m") as cooled_over:
        assert cooled_over.credential.id == "b"
    PAUSED.run_once()
    assert {c.id: (s.in_flight, s.successes) for c, s in other.states()} == {"a": (0, 2), "b": (0, 0)}


def _file(path: Path) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    import sqlite3

    db = sqlite3.connect(path)
    try:
        return tuple(db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()  # type: ignore[return-value]
                     for table in ("credential_state", "lease", "pool_member", "affinity"))
    finally:
        db.close()


def test_a_grant_and_its_success_still_pending_are_written_as_one_without_the_lease_row(tmp_path: Path) -> None:
    """The file ends as when the grant was written before the success (counts, last use, the session's key,
    no lease left), but the lease row is never inserted only to be deleted."""
    def run(path: Path, flush_between: bool) -> list[str]:
        store = SQLiteStore(path, flusher=PAUSED)
        pool = CredentialPool("p", UNCAPPED, store=store, session_affinity=True, clock=lambda: 1_000.0)
        pool.record_success(pool.acquire("m"))  # the first acquire registers the key set
        store.flush()
        statements = _write_transactions(store)
        for session in ("s1", None, "s1"):
            lease = pool.acquire("m", session=session)
            if flush_between:
                store.flush()
            pool.record_success(lease)
        store.flush()
        return statements

    apart, together = run(tmp_path / "apart.db", True), run(tmp_path / "together.db", False)
    assert _file(tmp_path / "apart.db") == _file(tmp_path / "together.db")
    assert sum(s.startswith("INSERT INTO lease") for s in apart) == 3
    assert not any(s.startswith(("INSERT INTO lease", "DELETE FROM lease WHERE pool = ? AND id = ? AND lease_id"))
                   for s in together)
    assert len(together) < len(apart)


def test_a_grant_whose_success_comes_after_it_was_written_is_finished_apart(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db", flusher=PAUSED)
    pool = CredentialPool("p", UNCAPPED, store=store)
    pool.record_success(pool.acquire("m"))
    first, second = pool.acquire("m"), pool.acquire("m")
    store.flush()  # both leases written
    assert {c.id: s.in_flight for c, s in pool.states()} == {"a": 2, "b": 0}
    pool.record_success(second)
    third = pool.acquire("m")
    pool.record_success(third)  # merged with its grant; the first lease is still held
    assert {c.id: (s.in_flight, s.successes, s.uses) for c, s in pool.states()} == {"a": (1, 3, 4), "b": (0, 0, 0)}
    pool.record_success(first)
    assert {c.id: (s.in_flight, s.successes, s.uses) for c, s in pool.states()} == {"a": (0, 4, 4), "b": (0, 0, 0)}


def test_a_deferred_success_does_not_wait_for_a_transaction_under_way(tmp_path: Path) -> None:
    """The flusher's transaction holds the connection; a success deferred meanwhile is only added to the
    pending writes (the event loop's thread never waits for it), and the next transaction applies it."""
    store = SQLiteStore(tmp_path / "s.db", flusher=PAUSED)
    pool = CredentialPool("p", UNCAPPED, store=store)
    pool.record_success(pool.acquire("m"))
    lease = pool.acquire("m")
    store.flush()  # the lease is written
    entered, leave, done = threading.Event(), threading.Event(), threading.Event()

    def under_way() -> None:
        with store._transaction():
            entered.set()
            leave.wait(10)

    holder = threading.Thread(target=under_way)
    holder.start()
    try:
        assert entered.wait(10)
        threading.Thread(target=lambda: (pool.record_success(lease), done.set()), daemon=True).start()
        assert done.wait(5)
    finally:
        leave.set()
        holder.join(10)
    assert {c.id: (s.in_flight, s.successes) for c, s in pool.states()} == {"a": (0, 2), "b": (0, 0)}


def test_a_run_of_one_keys_grants_and_successes_is_one_read_and_one_write_of_its_row(tmp_path: Path) -> None:
    """Sequential turns on one key between two flushes: their grants and successes are applied from one read of
    the key's row and one write of it, and leave the file as when each was written apart."""
    def run(path: Path, apart: bool) -> list[str]:
        store = SQLiteStore(path, flusher=PAUSED)
        pool = CredentialPool("p", UNCAPPED, store=store, clock=iter(range(1_000, 2_000)).__next__)
        pool.record_success(pool.acquire("m"))
        store.flush()
        statements = _write_transactions(store)
        for _ in range(10):
            pool.record_success(pool.acquire("m"))
            if apart:
                store.flush()
        store.flush()
        return statements

    apart, together = run(tmp_path / "apart.db", True), run(tmp_path / "together.db", False)
    assert _file(tmp_path / "apart.db") == _file(tmp_path / "together.db")
    assert sum(s.startswith("INSERT INTO credential_state") for s in apart) == 10
    assert sum(s.startswith("INSERT INTO credential_state") for s in together) == 1
    assert sum(s.startswith("SELECT id, cool_until") for s in together) == 1


def test_an_outcome_that_changes_the_use_count_is_written_apart_with_its_run(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db", flusher=PAUSED)
    pool = CredentialPool("p", UNCAPPED, store=store)
    pool.record_success(pool.acquire("m"))
    store.flush()
    first, second = pool.acquire("m"), pool.acquire("m")
    pool.record_success(first)
    store.finish_later("p", second.credential.state_key, second.lease_id, lambda s: replace(s, uses=100))
    store.flush()
    states = {c.id: (s.in_flight, s.successes, s.uses) for c, s in pool.states()}
    assert states == {"a": (0, 2, 100), "b": (0, 0, 0)}
