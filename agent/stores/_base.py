"""The state-store interface and the pure helpers every store shares.

A store keeps, per (pool, credential id): the ``CredentialState`` (never the secret), the live
leases, and per (pool, session) the affinity. Each method is atomic with respect to every other
process using the same store:

- ``acquire`` checks and grants in one step: first candidate (in the requested order) that is
  not dead, not cooling, not suspended for the model, and under its concurrency cap;
- ``update`` is a read-modify-write of one credential's state through a pure function
  (the cooldown policy), so no concurrent report is lost.

Credential ids are opaque strings to every store (the pool decides what names a credential).
A pool passes its candidates as a ``CandidateSet`` built once: its ``key`` names the set, so a
store keeps an ordered index for it and an acquire visits keys in strategy order, stopping at the
first eligible one (its cost grows with the keys skipped, never with the pool's size). A plain
list (a shuffle, one preferred key) is read whole.

Where a store cannot run the pure change next to the data (Redis, in one script), it applies
``merge_ops(old, new)``: what the change did to the state it saw, as operations that commute
with anyone else's (counters add, cooldowns and suspensions only lengthen, other fields are set).
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final, Protocol

from .._credential_state import CredentialState
from .._redact import redact

__all__ = ["DEFAULT_AFFINITY_TTL", "Candidate", "CandidateSet", "Order", "StateStore", "StoreBusyError", "StoreError",
           "cleared", "eligible", "member", "merge_ops", "ordered"]


DEFAULT_AFFINITY_TTL: Final = 3600.0  # seconds a session's key is remembered


class StoreError(Exception):
    """The shared state store failed (unreachable, corrupt, misconfigured).

    StoreBusyError      another process held the store's lock past the busy timeout: this one
                   operation degrades, the store stays in use

    Its message is redacted when it is made (a server's error text may echo a password), so every warning,
    description and degradation reason built from it is too.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(redact(message, limit=max(500, len(message))))


class StoreBusyError(StoreError):
    """Another process held the store's write lock longer than the (short) busy timeout."""


class Order(enum.StrEnum):
    """How ``acquire`` orders the candidates it is given."""

    given = "given"  # as passed (priority order, or a shuffle made by the caller)
    least_used = "least_used"  # fewest uses first
    round_robin = "round_robin"  # longest unused first


@dataclass(frozen=True, slots=True)
class Candidate:
    """A credential ``acquire`` may grant, with its concurrency cap (None: unlimited)."""

    id: str
    max_concurrency: int | None = None


class CandidateSet(tuple[Candidate, ...]):
    """A pool's candidates in priority order, built once; ``key`` names the set (ids, caps and order)."""

    key: str
    position: dict[str, int]
    uncapped: bool  # no candidate has a concurrency cap

    def __new__(cls, candidates: Sequence[Candidate]) -> CandidateSet:
        self = super().__new__(cls, candidates)
        text = "\n".join(f"{c.max_concurrency}|{c.id}" for c in self)
        self.key = hashlib.sha256(text.encode()).hexdigest()[:16]
        self.position = {c.id: i for i, c in enumerate(self)}
        self.uncapped = all(c.max_concurrency is None for c in self)
        return self


def member(candidates: Sequence[Candidate], credential_id: str | None) -> Candidate | None:
    """The candidate named ``credential_id``, if it is one of ``candidates``."""
    if credential_id is None:
        return None
    if isinstance(candidates, CandidateSet):
        position = candidates.position.get(credential_id)
        return None if position is None else candidates[position]
    return next((c for c in candidates if c.id == credential_id), None)


def eligible(state: CredentialState, model: str, now: float, in_flight: int, cap: int | None) -> bool:
    """Whether a lease on this credential for ``model`` may be granted now."""
    if state.dead or state.cool_until > now or state.suspended(model, now) is not None:
        return False
    return cap is None or in_flight < cap


def ordered(candidates: Sequence[Candidate], states: Mapping[str, CredentialState], order: Order) -> list[Candidate]:
    """Candidates in the order ``acquire`` tries them (stable: ties keep the given order)."""
    if order is Order.least_used:
        return sorted(candidates, key=lambda c: states[c.id].uses if c.id in states else 0)
    if order is Order.round_robin:
        return sorted(candidates, key=lambda c: states[c.id].last_used if c.id in states else 0.0)
    return list(candidates)


def cleared(state: CredentialState, model: str | None) -> CredentialState:
    """A reset: one model's suspension, or every cooldown, suspension and death (counts are kept)."""
    if model is not None:
        kept = {m: s for m, s in state.suspensions.items() if m != model}
        return replace(state, suspensions=MappingProxyType(kept))
    return replace(state, cool_until=0.0, dead=False, reason="", error="", status_code=None, backoff=0,
                   suspensions=MappingProxyType({}))


Op = tuple[str, ...]
_COUNTERS = ("successes", "failures", "uses")
_FIELDS = ("dead", "reason", "error", "status_code", "backoff")


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else str(value) if isinstance(value, (int, str)) else repr(value)


def merge_ops(old: CredentialState, new: CredentialState) -> list[Op]:
    """What turned ``old`` into ``new``, as operations safe to apply to a state others changed meanwhile.

    ``("incr", field, n)`` counters; ``("max", field, t)`` times that grew (a cooldown is never
    shortened by a stale view); ``("set", field, v)`` a field that changed otherwise (a reset);
    ``("suspend", model, until, reason)`` a suspension that grew (kept if the stored one is longer);
    ``("resume", model)`` one that was lifted; ``("place", model, until, reason)`` one shortened.
    Values are text, as stored. Fields the change left alone produce nothing.
    """
    ops: list[Op] = [("incr", f, str(getattr(new, f) - getattr(old, f)))
                     for f in _COUNTERS if getattr(new, f) != getattr(old, f)]
    for f in ("cool_until", "last_used"):
        before, after = getattr(old, f), getattr(new, f)
        if after != before:
            ops.append(("max" if after > before else "set", f, repr(float(after))))
    ops += [("set", f, _text(getattr(new, f))) for f in _FIELDS if getattr(new, f) != getattr(old, f)]
    for model in old.suspensions.keys() - new.suspensions.keys():
        ops.append(("resume", model))
    for model, now in new.suspensions.items():
        was = old.suspensions.get(model)
        if was != now:
            grew = was is None or now.until >= was.until
            ops.append(("suspend" if grew else "place", model, repr(float(now.until)), now.reason))
    return ops


class StateStore(Protocol):
    """Shared credential state; see the module docstring for the atomicity contract."""

    @property
    def description(self) -> str:
        """Where the state lives, for humans (never contains a password)."""
        ...

    def acquire(self, pool: str, candidates: Sequence[Candidate], model: str, *, now: float, lease_id: str,
                lease_ttl: float, order: Order, session: str | None = None,
                affinity_ttl: float = DEFAULT_AFFINITY_TTL) -> str | None:
        """Grant a lease on the first eligible candidate; its id, or None when none is eligible.

        With a ``session``, the key it last used (when one of ``candidates`` and eligible) is tried
        first, and the key granted is remembered for it for ``affinity_ttl`` seconds, in the same step.
        """
        ...

    def release(self, pool: str, credential_id: str, lease_id: str) -> None:
        """End a lease (idempotent)."""
        ...

    def renew(self, pool: str, credential_id: str, lease_id: str, *, now: float, lease_ttl: float) -> bool:
        """Move a live lease's expiry to ``now + lease_ttl``; False if it is gone (released or expired)."""
        ...

    def read(self, pool: str, ids: Sequence[str], now: float) -> dict[str, CredentialState]:
        """Current states (with live lease counts) of ``ids``; unknown ids get a fresh state."""
        ...

    def update(self, pool: str, credential_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        """Atomically replace one credential's state by ``change(state)``; returns the new state."""
        ...

    def finish(self, pool: str, credential_id: str, lease_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        """``update`` and ``release`` in one atomic step (one round trip / transaction per call)."""
        ...

    def finish_later(self, pool: str, credential_id: str, lease_id: str,
                     change: Callable[[CredentialState], CredentialState]) -> None:
        """``finish`` for a success, which no other process needs to see before its next pick: applied in
        front of this store's next operation in this process (same transaction or network write), else
        within ``_flusher.DELAY`` seconds, at ``close()`` or at exit. Never used for failures."""
        ...

    def flush(self) -> None:
        """Apply every outcome ``finish_later`` deferred, now."""
        ...

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        """Clear state (one credential, or all; one model's suspension, or everything); count cleared."""
        ...

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        """The credential a session last used, if remembered and not expired."""
        ...

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        """Remember the credential a session uses, for ``ttl`` seconds."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
