"""MemoryStore: state for one process, behind one lock.

Session affinities are kept in a least-recently-used table of at most ``affinity_limit``
sessions (``DEFAULT_AFFINITY_LIMIT``, 10,000): a long-running process serving endless new
conversations keeps a bounded table; a forgotten session simply picks a key afresh.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final

from ..cooldown import CredentialState
from ._base import Candidate, Order, cleared, eligible, ordered

__all__ = ["DEFAULT_AFFINITY_LIMIT", "MemoryStore"]

DEFAULT_AFFINITY_LIMIT: Final = 10_000  # sessions whose key this process remembers


class MemoryStore:
    """In-process state: correct across threads, invisible to other processes."""

    description = "memory (this process only)"

    def __init__(self, *, affinity_limit: int = DEFAULT_AFFINITY_LIMIT) -> None:
        if affinity_limit < 1:
            raise ValueError(f"affinity_limit must be at least 1 session, got {affinity_limit!r}")
        self._lock = threading.Lock()
        self._states: dict[tuple[str, str], CredentialState] = {}
        self._leases: dict[tuple[str, str], dict[str, float]] = {}
        self._affinity: OrderedDict[tuple[str, str], tuple[str, float]] = OrderedDict()
        self.affinity_limit = affinity_limit

    def _state(self, pool: str, credential_id: str) -> CredentialState:
        return self._states.get((pool, credential_id)) or CredentialState(id=credential_id)

    def _live(self, pool: str, credential_id: str, now: float) -> dict[str, float]:
        leases = self._leases.setdefault((pool, credential_id), {})
        for lease_id in [k for k, expires in leases.items() if expires <= now]:
            del leases[lease_id]
        return leases

    def acquire(self, pool: str, candidates: Sequence[Candidate], model: str, *, now: float, lease_id: str,
                lease_ttl: float, order: Order) -> str | None:
        with self._lock:
            states = {c.id: self._state(pool, c.id) for c in candidates}
            for candidate in ordered(candidates, states, order):
                leases = self._live(pool, candidate.id, now)
                if eligible(states[candidate.id], model, now, len(leases), candidate.max_concurrency):
                    leases[lease_id] = now + lease_ttl
                    state = states[candidate.id]
                    self._states[(pool, candidate.id)] = replace(state, uses=state.uses + 1, last_used=now)
                    return candidate.id
            return None

    def release(self, pool: str, credential_id: str, lease_id: str) -> None:
        with self._lock:
            self._leases.get((pool, credential_id), {}).pop(lease_id, None)

    def renew(self, pool: str, credential_id: str, lease_id: str, *, now: float, lease_ttl: float) -> bool:
        with self._lock:
            leases = self._live(pool, credential_id, now)
            if lease_id not in leases:
                return False
            leases[lease_id] = now + lease_ttl
            return True

    def read(self, pool: str, ids: Sequence[str], now: float) -> dict[str, CredentialState]:
        with self._lock:
            return {i: replace(self._state(pool, i), in_flight=len(self._live(pool, i, now))) for i in ids}

    def update(self, pool: str, credential_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        with self._lock:
            new = change(self._state(pool, credential_id))
            self._states[(pool, credential_id)] = new
            return new

    def finish(self, pool: str, credential_id: str, lease_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        with self._lock:
            self._leases.get((pool, credential_id), {}).pop(lease_id, None)
            new = change(self._state(pool, credential_id))
            self._states[(pool, credential_id)] = new
            return new

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        with self._lock:
            keys = [k for k in self._states if k[0] == pool and credential_id in (None, k[1])]
            for key in keys:
                self._states[key] = cleared(self._states[key], model)
            return len(keys)

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        with self._lock:
            found = self._affinity.get((pool, session))
            if found is None:
                return None
            self._affinity.move_to_end((pool, session))
            return found[0] if found[1] > now else None

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        with self._lock:
            self._affinity[(pool, session)] = (credential_id, now + ttl)
            self._affinity.move_to_end((pool, session))
            while len(self._affinity) > self.affinity_limit:
                self._affinity.popitem(last=False)  # the least recently used session

    def close(self) -> None:
        pass
