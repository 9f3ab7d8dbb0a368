"""DegradingStore: a shared store that falls back to process memory instead of crashing.

When the shared store fails (a corrupt SQLite file, Redis unreachable), the failure is logged as
a warning naming the store and the fix, this process continues on a MemoryStore, and the shared
store is tried again after ``retry_after`` seconds. Nothing is deleted or rewritten: the
credentials live in configuration, and the shared file or server is left for the operator.

A store that is only busy (``StoreBusyError``: another process held its lock past the short busy
timeout) degrades for that one operation: it is served from memory and the next one tries the
shared store again. An unsafe state path (``UnsafeStatePathError``) is refused when the store is
first opened (the caller reports it as a configuration error) and degrades like a failure later.
One warning per episode, one "is back" when it ends.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from .._credential_state import CredentialState
from ._base import DEFAULT_AFFINITY_TTL, Candidate, Order, StateStore, StoreBusyError, StoreError
from ._safe_path import UnsafeStatePathError
from .memory import MemoryStore

__all__ = ["DegradingStore"]

log = logging.getLogger("steadyloop.state")
T = TypeVar("T")


class DegradingStore:
    """Wraps a shared store; on failure, warns and serves from memory until the store is back."""

    def __init__(self, open_primary: Callable[[], StateStore], *, label: str, retry_after: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._open, self._label, self._retry_after, self._clock = open_primary, label, retry_after, clock
        self._lock = threading.Lock()
        self._primary: StateStore | None = None
        self._down_until = 0.0
        self.fallback = MemoryStore()
        self._fallback_leases: set[str] = set()
        self.degraded_reason: str | None = None
        self._connect(refuse_unsafe=True)

    @property
    def description(self) -> str:
        if self.degraded_reason is None and self._primary is not None:
            return self._primary.description
        return f"memory fallback (shared store {self._label} failed: {self.degraded_reason})"

    def _connect(self, *, refuse_unsafe: bool = False) -> StateStore | None:
        with self._lock:
            if self._primary is None and self._clock() >= self._down_until:
                try:
                    self._primary = self._open()
                except StoreError as err:
                    if refuse_unsafe and isinstance(err, UnsafeStatePathError):
                        raise
                    self._fail(err)
            return self._primary

    def _fail(self, err: BaseException) -> None:
        first = self.degraded_reason is None
        self.degraded_reason = str(err)
        self._primary, self._down_until = None, self._clock() + self._retry_after
        if first:
            log.warning("steadyloop: shared credential state is unavailable (%s); this process continues with "
                        "in-memory state and retries every %.0f s. Other processes will not see its cooldowns "
                        "until then.", err, self._retry_after)

    def _busy(self, err: StoreBusyError) -> None:
        first = self.degraded_reason is None
        self.degraded_reason = str(err)
        if first:
            log.warning("steadyloop: %s; operations that meet the lock use in-memory state (not shared) instead "
                        "of waiting, until it is released.", err)

    def _use(self, call: Callable[[StateStore], T]) -> T:
        primary = self._primary if self._primary is not None else self._connect()
        if primary is not None:
            try:
                result = call(primary)
            except StoreBusyError as err:
                with self._lock:
                    self._busy(err)
            except StoreError as err:
                with self._lock:
                    self._fail(err)
            else:
                if self.degraded_reason is not None:
                    log.warning("steadyloop: shared credential state %s is back", self._label)
                    self.degraded_reason = None
                return result
        return call(self.fallback)

    def acquire(self, pool: str, candidates: Sequence[Candidate], model: str, *, now: float, lease_id: str,
                lease_ttl: float, order: Order, session: str | None = None,
                affinity_ttl: float = DEFAULT_AFFINITY_TTL) -> str | None:
        def grant(store: StateStore) -> str | None:
            found = store.acquire(pool, candidates, model, now=now, lease_id=lease_id, lease_ttl=lease_ttl,
                                  order=order, session=session, affinity_ttl=affinity_ttl)
            if store is self.fallback and found is not None:
                self._fallback_leases.add(lease_id)
            return found
        return self._use(grant)

    def release(self, pool: str, credential_id: str, lease_id: str) -> None:
        if lease_id in self._fallback_leases:  # a lease is returned where it was granted
            self._fallback_leases.discard(lease_id)
            self.fallback.release(pool, credential_id, lease_id)
            return
        self._use(lambda store: store.release(pool, credential_id, lease_id))

    def renew(self, pool: str, credential_id: str, lease_id: str, *, now: float, lease_ttl: float) -> bool:
        if lease_id in self._fallback_leases:  # renewed where it was granted
            return self.fallback.renew(pool, credential_id, lease_id, now=now, lease_ttl=lease_ttl)
        return self._use(lambda store: store.renew(pool, credential_id, lease_id, now=now, lease_ttl=lease_ttl))

    def read(self, pool: str, ids: Sequence[str], now: float) -> dict[str, CredentialState]:
        return self._use(lambda store: store.read(pool, ids, now))

    def update(self, pool: str, credential_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        return self._use(lambda store: store.update(pool, credential_id, change))

    def finish(self, pool: str, credential_id: str, lease_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        if lease_id in self._fallback_leases:  # finished where it was granted
            self._fallback_leases.discard(lease_id)
            return self.fallback.finish(pool, credential_id, lease_id, change)
        return self._use(lambda store: store.finish(pool, credential_id, lease_id, change))

    def finish_later(self, pool: str, credential_id: str, lease_id: str,
                     change: Callable[[CredentialState], CredentialState]) -> None:
        if lease_id in self._fallback_leases:
            self._fallback_leases.discard(lease_id)
            self.fallback.finish(pool, credential_id, lease_id, change)
            return
        self._use(lambda store: store.finish_later(pool, credential_id, lease_id, change))

    def flush(self) -> None:
        if self._primary is not None:
            self._use(lambda store: store.flush())

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        return self._use(lambda store: store.reset(pool, credential_id, model))

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        return self._use(lambda store: store.get_affinity(pool, session, now))

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        self._use(lambda store: store.set_affinity(pool, session, credential_id, now=now, ttl=ttl))

    def close(self) -> None:
        if self._primary is not None:
            self._primary.close()
