"""Behaviour of lease renewal (agent._lease_keeper) and the pool's renew/release_all, over every store."""

from __future__ import annotations

import gc
import queue
import threading
from pathlib import Path

import pytest
from pydantic import SecretStr

from agent._lease_keeper import KEEPER, LeaseKeeper
from agent.config import ConfigError, load_config, open_state, resolve_pool
from agent.credential_pool import Credential, CredentialPool, Lease, NoCredentialAvailable, release_all_leases
from agent.stores import MemoryStore

from .conftest import StoreFactory


class Clock:
    """An injected clock the test moves by hand."""

    def __init__(self, now: float = 2_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def one_slot(store_factory: StoreFactory, clock: Clock, name: str = "p", ttl: float = 15.0) -> CredentialPool:
    cred = Credential(id="only", secret=SecretStr("sk-keeper-test-000000"), max_concurrency=1)
    return CredentialPool(name, [cred], store=store_factory(), clock=clock, lease_ttl=ttl)


def test_renew_keeps_a_held_lease_past_its_ttl(store_factory: StoreFactory) -> None:
    """A renewed lease still holds its slot after its first expiry; unrenewed, it lapses one TTL later."""
    clock = Clock()
    pool = one_slot(store_factory, clock)
    lease = pool.acquire("m")
    KEEPER.discard(lease)  # renewed by hand here: the background keeper must not renew it again
    clock.now += 10
    assert pool.renew(lease)
    clock.now += 10  # 20 s after the acquire: past the original 15 s expiry
    with pytest.raises(NoCredentialAvailable):
        pool.acquire("m")
    clock.now += 6  # 16 s after the renewal
    assert pool.acquire("m").credential.id == "only"


def test_renew_fails_for_a_released_or_expired_lease(store_factory: StoreFactory) -> None:
    """Renewal never resurrects a lease: after release or expiry it answers False and holds nothing."""
    clock = Clock()
    pool = one_slot(store_factory, clock)
    released = pool.acquire("m")
    released.release()
    assert not pool.renew(released)
    expired = pool.acquire("m")
    clock.now += 16
    assert not pool.renew(expired)
    assert pool.states()[0][1].in_flight == 0


def test_the_keeper_renews_due_leases_on_the_pool_clock() -> None:
    """The keeper renews a lease a third of a TTL after its acquire, measured on the pool's clock."""
    clock = Clock()
    pool = one_slot(MemoryStore, clock)
    lease = pool.acquire("m")
    clock.now += 5
    KEEPER.renew_due()
    clock.now += 14  # 19 s after the acquire, 14 s after the renewal
    with pytest.raises(NoCredentialAvailable):
        pool.acquire("m")
    assert lease in KEEPER.live()
    lease.release()
    assert lease not in KEEPER.live()


def test_a_dropped_lease_is_no_longer_renewed() -> None:
    """A lease its owner dropped without releasing is not kept alive: it lapses like a crashed worker's."""
    clock = Clock()
    pool = one_slot(MemoryStore, clock)
    lease_id = pool.acquire("m").lease_id  # the lease object itself is dropped at once
    gc.collect()
    assert lease_id not in {lease.lease_id for lease in KEEPER.live()}
    clock.now += 16
    assert pool.acquire("m").credential.id == "only"


def test_release_all_frees_every_slot_this_process_holds(store_factory: StoreFactory) -> None:
    """release_all_leases (for SIGTERM handlers) frees the leases of every pool; the pool's own releases its."""
    clock = Clock()
    first, second = one_slot(store_factory, clock, "first"), one_slot(store_factory, clock, "second")
    held = [first.acquire("m"), second.acquire("m")]
    assert second.release_all() == 1 and held[1].released and not held[0].released
    third = second.acquire("m")
    assert release_all_leases() >= 2 and held[0].released and third.released
    assert first.acquire("m") and second.acquire("m")


def test_the_lease_ttl_comes_from_state_config(tmp_path: Path) -> None:
    """[state] lease_ttl_seconds sets every pool's lease TTL; the default is short (15 s), not minutes."""
    base = f"[state]\nbackend = 'memory'\n{{}}\n[pools.p]\n[[pools.p.credentials]]\nid = 'a'\nkey = 'k-{'x' * 20}'\n"
    for extra, expected in (("", 15.0), ("lease_ttl_seconds = 4", 4.0)):
        config = load_config(_toml(tmp_path, base.format(extra)))
        pool = resolve_pool("p", config.pools["p"], open_state(config.state), lease_ttl=config.state.lease_ttl_seconds)
        assert pool.lease_ttl == expected


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "1e12"])
def test_an_unbounded_lease_ttl_is_a_config_error(tmp_path: Path, value: str) -> None:
    """A lease TTL that is zero, negative, infinite, NaN or huge is refused, naming the field."""
    with pytest.raises(ConfigError, match=r"state\.lease_ttl_seconds"):
        load_config(_toml(tmp_path, f"[state]\nlease_ttl_seconds = {value}\n"))
    with pytest.raises(ValueError, match="lease_ttl"):
        CredentialPool("p", [Credential(id="a", secret=SecretStr("k" * 20))], lease_ttl=float(value))


def _toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "steadyloop.toml"
    path.write_text(text)
    return path


class _Watched(threading.Condition):
    """The keeper's condition: says each time its thread waits, and counts the wake-ups asked for."""

    def __init__(self) -> None:
        super().__init__(threading.Lock())
        self.waits: queue.Queue[float | None] = queue.Queue()
        self.notified = 0

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.put(timeout)
        return super().wait(timeout)

    def notify(self, n: int = 1) -> None:
        self.notified += 1
        super().notify(n)


def test_back_to_back_short_calls_do_not_wake_the_renewal_thread() -> None:
    """A lease added while the thread, having just seen the last lease end, waits out one interval needs no
    wake-up (its renewal is due after that wait): no thread switch per call, which used to cost every turn."""
    keeper = LeaseKeeper()
    watched = keeper._cond = _Watched()
    pool = one_slot(MemoryStore, Clock(), ttl=300.0)  # renewals every 100 s: none falls due in this test
    first = Lease(pool, pool.credentials[0], "m", "first", ttl=300.0)
    keeper.add(first, pool.clock() + 100)  # starts the thread
    keeper.discard(first)
    watched.waits.get(timeout=30)
    with watched:
        watched.notify()  # one more look, certainly with no lease live
    assert watched.waits.get(timeout=30) == 100.0  # one interval, not until woken
    before = watched.notified
    for n in range(3):
        lease = Lease(pool, pool.credentials[0], "m", f"next-{n}", ttl=300.0)
        keeper.add(lease, pool.clock() + 100)
        keeper.discard(lease)
    assert watched.notified == before and watched.waits.empty()
