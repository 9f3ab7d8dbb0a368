"""Shared credential state: what a store keeps per credential, and its status now.

Plain frozen dataclasses with no pydantic, so a store (and ``steadyloop pool list``, which only
reads state) loads without the configuration models; ``agent.cooldown`` re-exports every name.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final

from ._taxonomy import FailoverReason

__all__ = ["LATEST_TIME", "MAX_COOLDOWN", "CredentialState", "CredentialStatus", "Suspension"]

MAX_COOLDOWN: Final = 31 * 86_400.0  # seconds: no cooldown or suspension is ever longer than a month
LATEST_TIME: Final = 4_102_444_800.0  # 2100-01-01 UTC: a stored time past this is corrupt, never trusted


class CredentialStatus(enum.StrEnum):
    """Whether a credential can be used now."""

    available = "available"
    cooling = "cooling"  # rate limited or briefly failing auth: back soon
    exhausted = "exhausted"  # quota or billing: back at the provider's reset
    dead = "dead"  # permanently failing auth: back when an operator resets it


@dataclass(frozen=True, slots=True)
class Suspension:
    """A credential+model pair that must not be used until ``until``."""

    until: float
    reason: str


@dataclass(frozen=True, slots=True)
class CredentialState:
    """Shared state of one credential. Never holds the secret."""

    id: str
    cool_until: float = 0.0
    dead: bool = False
    reason: str = ""
    error: str = ""  # redacted, at most 500 characters
    status_code: int | None = None
    backoff: int = 0
    successes: int = 0
    failures: int = 0
    uses: int = 0
    last_used: float = 0.0
    suspensions: MappingProxyType[str, Suspension] = field(default_factory=lambda: MappingProxyType({}))
    in_flight: int = 0  # live leases when the state was read (read-only view)

    def status(self, now: float) -> CredentialStatus:
        if self.dead:
            return CredentialStatus.dead
        if self.cool_until > now:
            return CredentialStatus.exhausted if self.reason == FailoverReason.billing else CredentialStatus.cooling
        return CredentialStatus.available

    def suspended(self, model: str, now: float) -> Suspension | None:
        found = self.suspensions.get(model)
        return found if found is not None and found.until > now else None

    def available_at(self, model: str, now: float) -> float | None:
        """When this credential can serve ``model`` again (now if it can; None if never without a reset)."""
        if self.dead:
            return None
        suspension = self.suspended(model, now)
        return max(now, self.cool_until, suspension.until if suspension else 0.0)

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__ if name != "suspensions"}
        data["suspensions"] = {m: {"until": s.until, "reason": s.reason} for m, s in self.suspensions.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CredentialState:
        suspensions = {m: Suspension(float(s["until"]), str(s["reason"]))
                       for m, s in (data.get("suspensions") or {}).items()}
        known = {k: v for k, v in data.items() if k in cls.__slots__ and k != "suspensions"}
        return cls(**known, suspensions=MappingProxyType(suspensions))
