"""One daemon thread per process that renews live leases, and ``release_all`` for signal handlers.

A lease is stored with a short expiry (``lease_ttl``, 15 s by default) and renewed every
``lease_ttl / 3`` while its call runs, so a worker killed by SIGKILL frees its slot within one
TTL, while a long call keeps its slot. A renewal that fails (store busy or down) is tried again at
the next interval: one TTL spans three renewals, so one or two misses lose nothing.

Leases are held by weak reference: a lease its owner dropped without releasing is no longer
renewed and expires within one TTL, as a crashed worker's does. The thread sleeps until the next
renewal is due. With no lease live it still waits one renewal interval at a time while leases
were added within the last interval, and only then until one is added: so calls shorter than the
interval, back to back, never wake it (each new lease is due after the thread's wait ends), where
waking it for every call cost a thread switch per turn. Times come from each pool's injected
clock; the thread's own waits are in real seconds (never shorter than ``_MIN_WAIT``), so a frozen
test clock simply means no renewal, never a spin.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .credential_pool import Lease

__all__ = ["KEEPER", "LeaseKeeper", "release_all_leases"]

log = logging.getLogger("steadyloop.pool")
_MIN_WAIT = 0.05  # seconds: the shortest sleep of the renewal thread


class LeaseKeeper:
    """This process's live leases, each with the pool-clock time its next renewal is due."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._due: dict[str, tuple[weakref.ref[Lease], float]] = {}
        self._sleep = float("inf")  # how long the thread's current wait is (seconds)
        self._linger, self._added_at = 0.0, -math.inf  # the last lease's renewal interval, and when it came
        self._thread: threading.Thread | None = None
        self._failing: set[str] = set()  # leases whose renewal failed and was warned about once

    def add(self, lease: Lease, due: float) -> None:
        """Keep ``lease`` alive, first renewing it at ``due``."""
        with self._cond:
            self._due[lease.lease_id] = (weakref.ref(lease), due)
            self._linger, self._added_at = lease.ttl / 3, time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="steadyloop-lease-keeper", daemon=True)
                self._thread.start()
            elif lease.ttl / 3 < self._sleep:  # the thread sleeps too long (or forever) for this one
                self._cond.notify()

    def discard(self, lease: Lease) -> None:
        """Stop renewing ``lease`` (it was released)."""
        with self._cond:
            self._due.pop(lease.lease_id, None)
            self._failing.discard(lease.lease_id)

    def live(self) -> list[Lease]:
        """The leases this process holds now."""
        with self._cond:
            found = [ref() for ref, _ in self._due.values()]
        return [lease for lease in found if lease is not None]

    def renew_due(self) -> float:
        """Renew every lease whose time has come; the number of seconds until the next one is due."""
        with self._cond:
            entries = list(self._due.items())
        wait = float("inf")
        for lease_id, (ref, planned) in entries:
            lease, due = ref(), planned
            if lease is None:  # dropped unreleased: let it expire
                with self._cond:
                    self._due.pop(lease_id, None)
                continue
            now = lease.pool.clock()
            if now >= due:
                self._renew(lease)
                due = now + lease.ttl / 3
                with self._cond:
                    if lease_id in self._due:
                        self._due[lease_id] = (ref, due)
            wait = min(wait, due - now)
        return wait

    def _renew(self, lease: Lease) -> None:
        try:
            renewed = lease.pool.renew(lease)
        except Exception:  # the keeper must outlive any store failure; the next interval tries again
            log.debug("renewing a lease failed", exc_info=True)
            renewed = False
        with self._cond:
            first = not renewed and lease.lease_id not in self._failing
            (self._failing.add if not renewed else self._failing.discard)(lease.lease_id)
        if first:  # one warning per lease, however many renewals fail
            log.warning("the lease on credential %s of pool %s could not be renewed (it expired, or the state "
                        "store is unreachable); another process may use the slot", lease.credential.id,
                        lease.pool.name)

    def _run(self) -> None:
        while True:
            wait = self.renew_due()
            with self._cond:
                if not self._due:  # one interval more while leases keep coming, then until one does
                    recent = time.monotonic() - self._added_at < self._linger
                    self._sleep = max(_MIN_WAIT, self._linger) if recent else math.inf
                else:  # a lease added since renew_due looked is due within ttl / 3 at the latest
                    self._sleep = max(_MIN_WAIT, min([wait, *self._intervals()]))
                self._cond.wait(timeout=None if math.isinf(self._sleep) else self._sleep)
                self._sleep = 0.0

    def _intervals(self) -> list[float]:
        found = [ref() for ref, _ in self._due.values()]
        return [lease.ttl / 3 for lease in found if lease is not None]

    def after_fork_in_child(self) -> None:
        """A forked child holds none of its parent's leases and has no renewal thread yet."""
        self._cond = threading.Condition(threading.Lock())
        self._due, self._thread, self._sleep, self._failing = {}, None, math.inf, set()
        self._linger, self._added_at = 0.0, -math.inf


KEEPER = LeaseKeeper()
os.register_at_fork(after_in_child=KEEPER.after_fork_in_child)


def release_all_leases() -> int:
    """Release every lease this process holds (for SIGTERM/SIGINT handlers and shutdown); how many."""
    leases = KEEPER.live()
    for lease in leases:
        try:
            lease.release()
        except Exception:  # one unreachable store must not keep the other leases held
            log.warning("releasing the lease on credential %s of pool %s failed", lease.credential.id,
                        lease.pool.name, exc_info=True)
    return len(leases)
