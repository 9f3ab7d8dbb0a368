"""MemoryStore: state for one process, behind one lock.

A ``CandidateSet`` is walked in strategy order and the walk stops at the first eligible key:
priority order is the set itself; round robin and least used keep a sorted list of (last use or
uses, position) per set, moved by bisection when a key is used. The cost grows with the keys
skipped, not with the pool.

Session affinities are kept in a least-recently-used table of at most ``affinity_limit``
sessions (``DEFAULT_AFFINITY_LIMIT``, 10,000): a long-running process serving endless new
conversations keeps a bounded table; a forgotten session simply picks a key afresh.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Final

from .._credential_state import CredentialState
from ._base import DEFAULT_AFFINITY_TTL, Candidate, CandidateSet, Order, cleared, eligible, member, ordered

__all__ = ["DEFAULT_AFFINITY_LIMIT", "MemoryStore"]

DEFAULT_AFFINITY_LIMIT: Final = 10_000  # sessions whose key this process remembers


def _sort_key(state: CredentialState, order: Order) -> float:
    return state.last_used if order is Order.round_robin else float(state.uses)


class _Index:
    """One candidate set's keys sorted by (last use or uses, position)."""

    def __init__(self, candidates: CandidateSet, order: Order, state: Callable[[str], CredentialState]) -> None:
        self.candidates, self.order = candidates, order
        self.entries = sorted((_sort_key(state(c.id), order), n) for n, c in enumerate(candidates))

    def move(self, credential_id: str, old: CredentialState, new: CredentialState) -> None:
        position = self.candidates.position.get(credential_id)
        if position is None:
            return
        entry = (_sort_key(old, self.order), position)
        at = bisect.bisect_left(self.entries, entry)
        if at < len(self.entries) and self.entries[at] == entry:
            del self.entries[at]
        else:  # out of step (cannot happen through this store's own methods): drop the stale entry
            self.entries = [e for e in self.entries if e[1] != position]
        bisect.insort(self.entries, (_sort_key(new, self.order), position))


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
        self._indexes: dict[str, dict[tuple[str, Order], _Index]] = {}  # pool -> (set key, order) -> index
        self.affinity_limit = affinity_limit

    def _state(self, pool: str, credential_id: str) -> CredentialState:
        return self._states.get((pool, credential_id)) or CredentialState(id=credential_id)

    def _live(self, pool: str, credential_id: str, now: float) -> dict[str, float]:
        leases = self._leases.setdefault((pool, credential_id), {})
        for lease_id in [k for k, expires in leases.items() if expires <= now]:
            del leases[lease_id]
        return leases

    def acquire(self, pool: str, candidates: Sequence[Candidate], model: str, *, now: float, lease_id: str,
                lease_ttl: float, order: Order, session: str | None = None,
                affinity_ttl: float = DEFAULT_AFFINITY_TTL) -> str | None:
        with self._lock:
            preferred = member(candidates, self._remembered(pool, session, now)) if session is not None else None
            picked = self._grant(pool, [preferred], model, now, lease_id, lease_ttl) if preferred else None
            picked = picked or self._grant(pool, self._walk(pool, candidates, order), model, now, lease_id, lease_ttl)
            if picked is not None and session is not None and picked != (preferred and preferred.id):
                self._remember(pool, session, picked, now + affinity_ttl)
            return picked

    def _grant(self, pool: str, walk: Iterable[Candidate], model: str, now: float, lease_id: str,
               lease_ttl: float) -> str | None:
        """A lease on the first eligible candidate of ``walk`` (call with ``_lock`` held)."""
        for candidate in walk:
            state = self._state(pool, candidate.id)
            in_flight = 0 if candidate.max_concurrency is None else len(self._live(pool, candidate.id, now))
            if eligible(state, model, now, in_flight, candidate.max_concurrency):
                self._live(pool, candidate.id, now)[lease_id] = now + lease_ttl
                self._put(pool, replace(state, uses=state.uses + 1, last_used=now), state)
                return candidate.id
        return None

    def _walk(self, pool: str, candidates: Sequence[Candidate], order: Order) -> Iterator[Candidate]:
        """Candidates in the order ``acquire`` tries them, lazily (call with ``_lock`` held)."""
        if order is Order.given:  # a plain list (a shuffle) or a set, as given: nothing to read before the walk
            yield from candidates
            return
        if not isinstance(candidates, CandidateSet):
            yield from ordered(candidates, {c.id: self._state(pool, c.id) for c in candidates}, order)
            return
        indexes = self._indexes.setdefault(pool, {})
        index = indexes.get((candidates.key, order))
        if index is None:
            index = indexes[(candidates.key, order)] = _Index(candidates, order, lambda i: self._state(pool, i))
        for _, position in list(index.entries):
            yield candidates[position]

    def _put(self, pool: str, new: CredentialState, old: CredentialState) -> None:
        """Store ``new``, moving it in every index of ``pool`` whose order it changed."""
        self._states[(pool, new.id)] = new
        if (new.uses, new.last_used) != (old.uses, old.last_used):
            for index in self._indexes.get(pool, {}).values():
                index.move(new.id, old, new)

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
            old = self._state(pool, credential_id)
            new = change(old)
            self._put(pool, new, old)
            return new

    def finish(self, pool: str, credential_id: str, lease_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        with self._lock:
            self._leases.get((pool, credential_id), {}).pop(lease_id, None)
            old = self._state(pool, credential_id)
            new = change(old)
            self._put(pool, new, old)
            return new

    def finish_later(self, pool: str, credential_id: str, lease_id: str,
                     change: Callable[[CredentialState], CredentialState]) -> None:
        self.finish(pool, credential_id, lease_id, change)  # no I/O to save: applied now

    def flush(self) -> None:
        """Nothing is ever deferred in memory."""

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        with self._lock:
            keys = [k for k in self._states if k[0] == pool and credential_id in (None, k[1])]
            for key in keys:
                self._put(pool, cleared(self._states[key], model), self._states[key])
            return len(keys)

    def _remembered(self, pool: str, session: str, now: float) -> str | None:
        found = self._affinity.get((pool, session))
        if found is None:
            return None
        self._affinity.move_to_end((pool, session))
        return found[0] if found[1] > now else None

    def _remember(self, pool: str, session: str, credential_id: str, expires: float) -> None:
        self._affinity[(pool, session)] = (credential_id, expires)
        self._affinity.move_to_end((pool, session))
        while len(self._affinity) > self.affinity_limit:
            self._affinity.popitem(last=False)  # the least recently used session

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        with self._lock:
            return self._remembered(pool, session, now)

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        with self._lock:
            self._remember(pool, session, credential_id, now + ttl)

    def close(self) -> None:
        pass
