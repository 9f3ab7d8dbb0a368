"""Behaviour of agent.circuit and agent.stores.circuits: memory of a down endpoint, shared like cooldowns."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from agent.circuit import CircuitBreaker, Gate
from agent.stores.circuits import CircuitRecord, circuits_for
from tests.conftest import StoreFactory


def test_circuit_is_shared_by_every_store_kind(store_factory: StoreFactory) -> None:
    """N failures open it for every breaker on the same store; one probe after the interval; a success closes it."""
    a = CircuitBreaker(circuits_for(store_factory()), failures=3, probe_seconds=30)
    b = CircuitBreaker(circuits_for(store_factory()), failures=3, probe_seconds=30)
    assert [a.failed("e|m", 100.0) for _ in range(3)] == [False, False, True]
    assert b.gate("e|m", 101.0) == (Gate.open, True)
    assert b.gate("e|m", 131.0)[0] is Gate.probe
    assert a.gate("e|m", 131.5)[0] is Gate.open  # the probe is out: nobody else goes
    b.succeeded("e|m")
    assert a.gate("e|m", 132.0) == (Gate.closed, False)


def test_failed_probe_reopens_for_another_interval(store_factory: StoreFactory) -> None:
    """A probe that fails opens the circuit again from the time of that failure."""
    breaker = CircuitBreaker(circuits_for(store_factory()), failures=2, probe_seconds=10)
    breaker.failed("e|m", 0.0)
    breaker.failed("e|m", 0.0)
    assert breaker.gate("e|m", 11.0)[0] is Gate.probe
    assert breaker.failed("e|m", 11.0) is True
    assert breaker.gate("e|m", 20.0)[0] is Gate.open and breaker.gate("e|m", 21.5)[0] is Gate.probe


def test_disabled_breaker_never_opens(store_factory: StoreFactory) -> None:
    """circuit_failures = 0 turns the breaker off."""
    breaker = CircuitBreaker(circuits_for(store_factory()), failures=0)
    assert not any(breaker.failed("e|m", 0.0) for _ in range(10))
    assert breaker.gate("e|m", 1.0) == (Gate.closed, False)


def test_circuit_key_never_holds_a_secret_from_the_url() -> None:
    """A base URL with user-info or a ?key= query is keyed by scheme, host, port and path only."""
    key = CircuitBreaker.key("https://user:sk-secret-123@api.example.com:8443/v1?key=sk-secret-456", "m")
    assert key == "https://api.example.com:8443/v1|m" and "secret" not in key


def test_a_healthy_endpoint_costs_one_store_read_per_fresh_interval() -> None:
    """Turns on a healthy endpoint re-read the shared record at most once a second; a failure is seen at once."""
    from agent.stores.circuits import MemoryCircuits

    class Counting(MemoryCircuits):
        reads = 0

        def read(self, key: str) -> CircuitRecord:
            Counting.reads += 1
            return super().read(key)

    breaker = CircuitBreaker(Counting(), failures=1, probe_seconds=30)
    assert all(breaker.gate("e|m", t / 100)[0] is Gate.closed for t in range(50))
    assert Counting.reads == 1
    breaker.gate("e|m", 1.5)
    assert Counting.reads == 2
    breaker.failed("e|m", 1.6)
    assert breaker.gate("e|m", 1.7)[0] is Gate.open


def test_sqlite_circuits_share_the_stores_short_busy_timeout(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Circuits go through the credential store's connection: a write lock held elsewhere costs the store's
    busy timeout (0.5 s), not 30 s, and the circuit degrades to memory with one warning."""
    import sqlite3
    import time

    from agent.stores import SQLiteStore

    store = SQLiteStore(tmp_path / "state.db")
    circuits = circuits_for(store)
    other = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a real write lock on the real file, held by another connection
    try:
        started = time.monotonic()
        record = circuits.update("http://x/v1|m", lambda r: CircuitRecord(r.failures + 1, 0.0, 0.0))
        assert time.monotonic() - started < 5.0 and record.failures == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [r for r in caplog.records if "circuit state failed" in r.getMessage()]


def test_a_redis_circuit_change_is_one_read_and_one_script_and_a_rival_write_costs_one_more(redis_url: str) -> None:
    """A change reads the record and writes it with one script, no WATCH/MULTI: two round trips. A rival process
    writing in between makes the script answer the current record; the change is applied to that, none is lost."""
    import redis

    from agent.stores.circuits import RedisCircuits
    from tests.test_store_scaling import _CountingProxy

    proxy = _CountingProxy(int(redis_url.rsplit(":", 1)[1].split("/", maxsplit=1)[0]))
    prefix = f"cas-{uuid.uuid4().hex[:8]}:"
    through_proxy = redis.Redis(port=proxy.port, decode_responses=True)
    direct = redis.Redis.from_url(redis_url, decode_responses=True)
    mine, rival = RedisCircuits(lambda: through_proxy, prefix), RedisCircuits(lambda: direct, prefix)
    mine.update("e|m", _bump)  # loads the script
    before = proxy.round_trips
    assert mine.update("e|m", _bump).failures == 2 and proxy.round_trips - before == 2
    seen: list[int] = []

    def racing(record: CircuitRecord) -> CircuitRecord:
        seen.append(record.failures)
        if len(seen) == 1:
            rival.update("e|m", _bump)  # another process, between this one's read and its write
        return _bump(record)

    before = proxy.round_trips
    assert mine.update("e|m", racing).failures == 4 and seen == [2, 3]
    assert proxy.round_trips - before == 3 and rival.read("e|m").failures == 4


def _bump(record: CircuitRecord) -> CircuitRecord:
    return replace(record, failures=record.failures + 1)
