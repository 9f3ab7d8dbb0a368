"""State stores that stay cheap and bounded: affinity table size, big pools, checkpoints, round trips."""

from __future__ import annotations

import random
import selectors
import socket
import threading
import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

import pytest
from pydantic import SecretStr

from agent import FailoverReason, Scope
from agent.cooldown import CredentialState, Suspension
from agent.credential_pool import Credential, CredentialPool, Lease, NoCredentialAvailable, Strategy
from agent.error_classifier import ClassifiedError
from agent.stores import Candidate, MemoryStore, SQLiteStore, StateStore
from agent.stores._base import merge_ops
from agent.stores._checkpoint import WAL_LIMIT, Checkpointer
from agent.stores._flusher import PAUSED
from agent.stores.memory import DEFAULT_AFFINITY_LIMIT

from .conftest import StoreFactory
from .test_credential_pool import Clock


def test_memory_affinity_table_forgets_the_least_recently_used_session() -> None:
    """The memory store keeps at most affinity_limit sessions, dropping the one used longest ago."""
    store = MemoryStore(affinity_limit=3)
    for n in range(3):
        store.set_affinity("p", f"s{n}", f"k{n}", now=0.0, ttl=60)
    assert store.get_affinity("p", "s0", 1.0) == "k0"  # s0 is now the most recently used
    store.set_affinity("p", "s3", "k3", now=1.0, ttl=60)
    remembered = {s: store.get_affinity("p", s, 2.0) for s in ("s0", "s1", "s2", "s3")}
    assert remembered == {"s0": "k0", "s1": None, "s2": "k2", "s3": "k3"}


def test_memory_affinity_limit_is_documented_and_validated() -> None:
    """The default bound is 10,000 sessions; a limit below one session is refused, naming the field."""
    assert MemoryStore().affinity_limit == DEFAULT_AFFINITY_LIMIT == 10_000
    with pytest.raises(ValueError, match="affinity_limit"):
        MemoryStore(affinity_limit=0)


# ------------------------------------------------------------------ big pools: every strategy, every store


def _big_pool(store_factory: StoreFactory, clock: Clock, strategy: Strategy, n: int = 40,
              cap: int | None = None) -> CredentialPool:
    creds = [Credential(id=f"key-{i:02d}", secret=SecretStr(f"sk-big-pool-{i:02d}-000000"), priority=i,
                        max_concurrency=cap) for i in range(n)]
    return CredentialPool("big", creds, store=store_factory(), strategy=strategy, clock=clock, rng=random.Random(3))


def _cool(pool: CredentialPool, lease: Lease, seconds: float) -> None:
    pool.report(lease, ClassifiedError(reason=FailoverReason.rate_limit, scope=Scope.credential,
                                       retry_after=seconds), release=True)


def test_fill_first_in_a_big_pool_skips_cooling_keys_at_the_front(store_factory: StoreFactory) -> None:
    """fill_first with 40 keys: the first healthy key by priority, past every cooling one, and back when they heal."""
    clock = Clock()
    pool = _big_pool(store_factory, clock, Strategy.fill_first)
    for _ in range(5):
        _cool(pool, pool.acquire("m"), 30)
    with pool.acquire("m") as lease:
        assert lease.credential.id == "key-05"
    clock.now += 31
    with pool.acquire("m") as lease:
        assert lease.credential.id == "key-00"


@pytest.mark.parametrize("strategy", [Strategy.round_robin, Strategy.least_used])
def test_balancing_in_a_big_pool_visits_every_key_once_per_cycle(store_factory: StoreFactory,
                                                                 strategy: Strategy) -> None:
    """round_robin and least_used over 40 keys: two full cycles in priority order, skipping a cooling key."""
    clock = Clock()
    pool = _big_pool(store_factory, clock, strategy)
    picked = []
    for _ in range(80):
        clock.now += 1
        lease = pool.acquire("m")
        picked.append(lease.credential.id)
        if lease.credential.id == "key-07" and len(picked) < 40:
            _cool(pool, lease, 1000)  # out for the rest of the test
        else:
            pool.report_success(lease, release=True)
    ids = [f"key-{i:02d}" for i in range(40)]
    assert picked[:40] == ids
    assert picked[40:79] == [i for i in ids if i != "key-07"] and picked[79] == "key-00"


def test_least_used_in_a_big_pool_prefers_the_key_used_least(store_factory: StoreFactory) -> None:
    """least_used after uneven use: the least-used key first, ties broken by priority."""
    clock = Clock()
    pool = _big_pool(store_factory, clock, Strategy.fill_first, n=30)
    for _ in range(3):  # key-00 used three times by a fill_first pool sharing the store
        pool.acquire("m").release()
    balanced = CredentialPool("big", list(pool.credentials), store=pool.store, strategy=Strategy.least_used,
                              clock=clock)
    picked = [balanced.acquire("m").credential.id for _ in range(31)]
    assert picked == [f"key-{i:02d}" for i in range(1, 30)] + ["key-01", "key-02"]


def test_caps_in_a_big_pool_move_to_the_next_key(store_factory: StoreFactory) -> None:
    """Keys at their concurrency cap are skipped in order; a released slot is used again."""
    pool = _big_pool(store_factory, Clock(), Strategy.fill_first, n=50, cap=1)
    held = [pool.acquire("m") for _ in range(50)]
    assert [lease.credential.id for lease in held] == [f"key-{i:02d}" for i in range(50)]
    with pytest.raises(NoCredentialAvailable):
        pool.acquire("m")
    held[17].release()
    assert pool.acquire("m").credential.id == "key-17"


class _Offered:
    """A store that records how many candidates each acquire is offered."""

    def __init__(self, store: StateStore) -> None:
        self.store, self.sizes = store, list[int]()

    def acquire(self, pool: str, candidates: Sequence[Candidate], model: str, **kwargs: Any) -> str | None:
        self.sizes.append(len(candidates))
        return self.store.acquire(pool, candidates, model, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def test_random_in_a_big_pool_offers_a_few_keys_and_the_rest_only_when_they_are_all_out(
        store_factory: StoreFactory) -> None:
    """random over 40 keys: an acquire offers the store 8 of a fresh shuffle, not all 40 (its cost stays flat as the
    pool grows); when those 8 all cool, the rest of the same shuffle follows, so the one healthy key is still found."""
    clock = Clock()
    store = _Offered(store_factory())
    pool = _big_pool(lambda: cast(StateStore, store), clock, Strategy.random)
    picked = set()
    for _ in range(40):
        with pool.acquire("m") as lease:
            picked.add(lease.credential.id)
    assert store.sizes == [8] * 40 and len(picked) > 20
    healthy = pool.credentials[17]
    for cred in pool.credentials:
        if cred is not healthy:
            store.update("big", cred.state_key, lambda s: replace(s, cool_until=clock.now + 60))
    store.sizes.clear()
    for _ in range(10):
        with pool.acquire("m") as lease:
            assert lease.credential is healthy
    assert set(store.sizes) == {8, 32}


# ------------------------------------------------------------------ Redis: scripts, round trips


class _CountingProxy:
    """A loopback TCP relay to redis-server that counts round trips (client requests after a reply)."""

    def __init__(self, target_port: int) -> None:
        self.round_trips = 0
        self.replied = 0  # bytes the server sent back
        self._target = target_port
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            client, _ = self._server.accept()
            upstream = socket.create_connection(("127.0.0.1", self._target))
            threading.Thread(target=self._relay, args=(client, upstream), daemon=True).start()

    def _relay(self, client: socket.socket, upstream: socket.socket) -> None:
        sel = selectors.DefaultSelector()
        sel.register(client, selectors.EVENT_READ, upstream)
        sel.register(upstream, selectors.EVENT_READ, client)
        answered = True
        while True:
            for key, _ in sel.select():
                source = key.fileobj
                assert isinstance(source, socket.socket)
                data = source.recv(65536)
                if not data:
                    return
                if source is client and answered:
                    self.round_trips += 1
                answered = source is upstream
                self.replied += len(data) if answered else 0
                key.data.sendall(data)


def test_a_redis_turn_is_two_round_trips_even_on_a_contended_key(redis_url: str) -> None:
    """acquire (with its session's key) and report+release are one script each: two round trips, no retry."""
    from agent.stores.redis import RedisStore

    port = int(redis_url.rsplit(":", 1)[1].split("/", maxsplit=1)[0])
    proxy = _CountingProxy(port)
    prefix = f"trips-{uuid.uuid4().hex[:8]}:"
    creds = [Credential(id=f"k{i}", secret=SecretStr(f"sk-trips-{i}-0000000")) for i in range(3)]
    pool = CredentialPool("p", creds, store=RedisStore(f"redis://127.0.0.1:{proxy.port}/0", prefix=prefix))
    rival = CredentialPool("p", creds, store=RedisStore(redis_url, prefix=prefix))
    pool.report_success(pool.acquire("m"), release=True)  # the first acquire also builds the index
    before = proxy.round_trips
    for n in range(6):
        lease = pool.acquire("m", session="chat" if n % 2 else None)
        rival.report_success(rival.acquire("m"), release=True)  # another process changes the key meanwhile
        pool.report(lease, ClassifiedError(reason=FailoverReason.overloaded, scope=Scope.endpoint), release=True)
    assert proxy.round_trips - before == 12
    state = pool.states()[0][1]
    assert (state.uses, state.successes, state.failures) == (13, 7, 6)
    assert pool.store.get_affinity("p", "chat", pool.clock()) == creds[0].state_key  # the store keys by state key


@pytest.mark.parametrize("commands", [
    [("EVALSHA", "0" * 40, 2, "p:s:k@ab12", "p:l:k@ab12", "lease-1", 2592000000, "", '[["incr","uses","1"]]', "1")],
    [("EVALSHA", "f" * 40, 1, "p:s:clé-ключ", "1796217875.400358", -1, 0), ("EVAL", "return 1", 0)],
])
def test_the_redis_store_writes_the_bytes_redis_py_would(commands: list[tuple[Any, ...]]) -> None:
    """The store packs its scripts' commands with hiredis's packer: byte for byte what redis-py's pure-Python
    packer writes (text as UTF-8, numbers as their decimal text), one command after another."""
    import redis

    from agent.stores.redis import _packed

    encoder = redis.connection.Encoder("utf-8", "strict", False)
    python_packer = redis.connection.PythonRespSerializer(6000, encoder.encode)
    expected = b"".join(piece for command in commands for piece in python_packer.pack(*command))
    assert _packed(commands, redis.Connection()) == expected


def test_a_redis_state_expiry_is_rewritten_once_a_day_not_on_every_call(redis_url: str) -> None:
    """A state hash lives 30 idle days; a turn rewrites that expiry only once it has run a day (one write less
    per script), so a state expires after 29 to 30 idle days."""
    import redis

    from agent.stores.redis import RedisStore

    prefix = f"expiry-{uuid.uuid4().hex[:8]}:"
    cred = Credential(id="a", secret=SecretStr("sk-expiry-test-00000"))
    pool = CredentialPool("p", [cred], store=RedisStore(redis_url, prefix=prefix))
    raw, key, day = redis.Redis.from_url(redis_url), f"{prefix}p:s:{cred.state_key}", 86_400_000
    pool.report_success(pool.acquire("m"), release=True)
    for run, kept in ((23 * 3_600_000, True), (day + 60_000, False)):
        raw.pexpire(key, 30 * day - run)  # the expiry has run this long
        pool.report_success(pool.acquire("m"), release=True)
        assert (raw.pttl(key) <= 30 * day - run) == kept


def test_redis_scripts_are_reloaded_after_the_server_forgets_them(redis_url: str) -> None:
    """A server that flushed its scripts (a restart) answers NOSCRIPT; the store reloads them, no warning."""
    import redis

    from agent.stores.redis import RedisStore

    pool = CredentialPool("p", [Credential(id="a", secret=SecretStr("sk-flush-test-000000"))],
                          store=RedisStore(redis_url, prefix=f"flush-{uuid.uuid4().hex[:8]}:"))
    pool.report_success(pool.acquire("m"), release=True)
    redis.Redis.from_url(redis_url).script_flush()
    pool.report_success(pool.acquire("m"), release=True)
    assert pool.states()[0][1].successes == 2


def test_a_redis_index_removed_behind_the_pools_back_is_rebuilt(redis_url: str) -> None:
    """The candidate-set index is derived data: deleted (or expired), the next acquire rebuilds it from the states."""
    import redis

    from agent.stores.redis import RedisStore

    prefix = f"index-{uuid.uuid4().hex[:8]}:"
    creds = [Credential(id=f"k{i}", secret=SecretStr(f"sk-index-{i}-0000000")) for i in range(3)]
    pool = CredentialPool("p", creds, store=RedisStore(redis_url, prefix=prefix), strategy=Strategy.least_used)
    assert [pool.acquire("m").credential.id for _ in range(2)] == ["k0", "k1"]
    raw = redis.Redis.from_url(redis_url)
    raw.delete(*raw.keys(f"{prefix}p:x:*"))
    assert pool.acquire("m").credential.id == "k2"  # k0 and k1 were used once: the rebuilt index knows


@pytest.mark.parametrize(("old", "new", "ops"), [
    (CredentialState("a"), CredentialState("a", successes=1), [("incr", "successes", "1")]),
    (CredentialState("a", cool_until=5.0, backoff=1), CredentialState("a", cool_until=9.0, backoff=2),
     [("max", "cool_until", "9.0"), ("set", "backoff", "2")]),
    (CredentialState("a", cool_until=9.0, dead=True), CredentialState("a"),
     [("set", "cool_until", "0.0"), ("set", "dead", "0")]),
    (CredentialState("a", suspensions=MappingProxyType({"m": Suspension(5.0, "model")})),
     CredentialState("a", suspensions=MappingProxyType({"n": Suspension(7.0, "plan")})),
     [("resume", "m"), ("suspend", "n", "7.0", "plan")]),
    (CredentialState("a", status_code=429), CredentialState("a", status_code=None), [("set", "status_code", "")]),
])
def test_merge_ops_say_what_a_change_did(old: CredentialState, new: CredentialState,
                                         ops: list[tuple[str, ...]]) -> None:
    """A change becomes operations that commute with others': counters add, times only grow unless reset."""
    assert merge_ops(old, new) == ops


# ------------------------------------------------------------------ SQLite: transactions, checkpoints


def _write_transactions(store: SQLiteStore) -> list[str]:
    statements: list[str] = []
    store._connection().set_trace_callback(statements.append)
    return statements


def test_a_sqlite_turn_is_one_write_transaction_even_with_a_session(tmp_path: Path) -> None:
    """Uncapped keys in priority order: acquire reads (the session's key too) and takes no write lock; the
    report+release writes the grant, the session's key and the outcome in one BEGIN IMMEDIATE."""
    store = SQLiteStore(tmp_path / "state.db", flusher=PAUSED)  # no background flush between acquire and report
    creds = [Credential(id=i, secret=SecretStr(f"sk-turn-test-{i}-00000")) for i in ("a", "b")]
    pool = CredentialPool("p", creds, store=store)
    pool.report_success(pool.acquire("m"), release=True)  # the first acquire registers the key set (a write)
    statements = _write_transactions(store)
    pool.report_success(pool.acquire("m", session="chat"), release=True)  # remembers the session's key
    pool.report_success(pool.acquire("m", session="chat"), release=True)
    assert statements.count("BEGIN IMMEDIATE") == 2 and statements.count("BEGIN") == 2
    pool.states()  # a read: no write lock
    assert statements.count("BEGIN IMMEDIATE") == 2 and statements.count("BEGIN") == 3
    assert store.get_affinity("p", "chat", pool.clock()) == creds[0].state_key


def test_sqlite_commits_never_checkpoint_and_the_idle_step_bounds_the_wal(tmp_path: Path) -> None:
    """No automatic checkpoint in a commit: the WAL grows past 1,000 pages; one checkpoint empties and truncates it."""
    path = tmp_path / "state.db"
    store = SQLiteStore(path, checkpointer=None)
    pool = CredentialPool("p", [Credential(id="a", secret=SecretStr("sk-wal-test-0000000"))], store=store)
    for _ in range(400):
        pool.report_success(pool.acquire("m"), release=True)
    frames, done = store.checkpoint()
    assert frames > 1000 and done == frames  # SQLite's auto-checkpoint would have restarted it at 1,000
    grown = Path(f"{path}-wal").stat().st_size
    pool.report_success(pool.acquire("m"), release=True)  # the next writer restarts the WAL, truncated
    assert Path(f"{path}-wal").stat().st_size <= min(grown, WAL_LIMIT)


def test_the_background_checkpointer_checkpoints_each_store_that_committed(tmp_path: Path) -> None:
    """Commits mark their store; one run of the checkpoint thread's step checkpoints exactly those, then none."""
    checkpointer = Checkpointer(sleep=lambda _: threading.Event().wait())  # its own thread never wakes
    busy, idle = (SQLiteStore(tmp_path / f"{name}.db", checkpointer=checkpointer) for name in ("busy", "idle"))
    checkpointer.run_once()  # the schema commits
    pool = CredentialPool("p", [Credential(id="a", secret=SecretStr("sk-ckpt-test-000000"))], store=busy)
    pool.report_success(pool.acquire("m"), release=True)
    assert checkpointer.run_once() == 1 and checkpointer.run_once() == 0
    for store in (busy, idle):  # every frame of either WAL already copied into the database
        frames, done = store.checkpoint()
        assert frames == done


def test_a_session_remembered_on_a_key_the_pool_no_longer_has_moves_in_the_same_step(
        store_factory: StoreFactory) -> None:
    """A session whose remembered key left the configuration gets a current key, remembered from then on."""
    clock = Clock()
    store = store_factory()
    store.set_affinity("big", "chat", "retired-key", now=clock.now, ttl=60)
    pool = _big_pool(lambda: store, clock, Strategy.round_robin, n=5)
    with pool.acquire("m", session="chat") as lease:
        assert lease.credential.id == "key-00"
    clock.now += 1
    with pool.acquire("m", session="chat") as lease:  # round robin would move on; the session keeps its key
        assert lease.credential.id == "key-00"
    assert store.get_affinity("big", "chat", clock.now) == pool.credentials[0].state_key == lease.credential.state_key


@pytest.mark.parametrize(("strategy", "pages"), [(Strategy.fill_first, 3), (Strategy.round_robin, 6),
                                                 (Strategy.least_used, 6)])
def test_a_sqlite_turn_writes_few_pages_to_the_wal(tmp_path: Path, strategy: Strategy, pages: int) -> None:
    """A turn rewrote 12 pages: now leases are keyed by credential in one b-tree, outcomes update their row in
    place, and only a balancing strategy's walk keeps an index by uses or last use."""
    # no background flush: a deferred grant must be written with its outcome, as in a busy loop
    store = SQLiteStore(tmp_path / "state.db", checkpointer=None, flusher=PAUSED)
    pool = CredentialPool("p", [Credential(id="a", secret=SecretStr("sk-pages-test-000000"))], store=store,
                          strategy=strategy)
    pool.report_success(pool.acquire("m"), release=True)  # registers the candidate set (and its index)
    store.checkpoint()  # the next commit starts the WAL afresh
    for _ in range(50):
        pool.report_success(pool.acquire("m"), release=True)
    frames, _ = store.checkpoint()
    # acquire: state, lease, pool_member (and its index); outcome: state, lease; in one transaction for
    # uncapped keys in priority order (the grant is written with the outcome), so each page once
    assert frames == 50 * pages


_OLD_TABLES = """
CREATE TABLE lease (lease_id TEXT PRIMARY KEY, pool TEXT NOT NULL, id TEXT NOT NULL, expires REAL NOT NULL);
CREATE INDEX lease_by_credential ON lease (pool, id, expires);
CREATE TABLE pool_member (
    pool TEXT NOT NULL, setkey TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, cap INTEGER,
    uses INTEGER NOT NULL DEFAULT 0, last_used REAL NOT NULL DEFAULT 0, PRIMARY KEY (pool, setkey, position));
CREATE INDEX member_by_last_use ON pool_member (pool, setkey, last_used, position);
CREATE INDEX member_by_uses ON pool_member (pool, setkey, uses, position);
"""


def test_a_state_file_with_the_old_lease_table_is_rebuilt_keeping_its_live_leases(tmp_path: Path) -> None:
    """A file whose lease table predates per-credential keys is rebuilt once; a lease held there still counts,
    and the balancing indexes every old file had are left to the first walk that needs them."""
    import sqlite3

    path = tmp_path / "state.db"
    cred = Credential(id="a", secret=SecretStr("sk-rebuild-test-0000"), max_concurrency=1)
    old = sqlite3.connect(path)
    old.executescript(_OLD_TABLES)
    old.execute("INSERT INTO lease VALUES ('held-elsewhere', 'p', ?, 1e12)", (cred.state_key,))
    old.commit()
    old.close()
    path.chmod(0o600)
    store = SQLiteStore(path)
    pool = CredentialPool("p", [cred], store=store)
    with pytest.raises(NoCredentialAvailable):  # the other process's lease survived the rebuild
        pool.acquire("m")
    store.release("p", cred.state_key, "held-elsewhere")
    assert pool.acquire("m").credential.id == "a"
    schema = dict(store._connection().execute("SELECT name, sql FROM sqlite_master"))
    assert "WITHOUT ROWID" in schema["lease"] and "member_by_uses" not in schema
    balanced = CredentialPool("p", [Credential(id="b", secret=SecretStr("sk-rebuild-test-1111"))], store=store,
                              strategy=Strategy.least_used)
    balanced.acquire("m")
    assert store._connection().execute("SELECT 1 FROM sqlite_master WHERE name = 'member_by_uses'").fetchone()
