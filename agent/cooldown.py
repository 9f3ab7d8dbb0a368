"""Credential state and the one cooldown policy that turns outcomes into state.

| outcome (reason / scope)                       | effect on the credential                                   |
| ---------------------------------------------- | ---------------------------------------------------------- |
| any failure with a provider wait hint          | cool until now + hint; never shortens an open cooldown     |
| rate_limit, no hint                            | cool base * 2**(level-1) s (1 s, 2 s, 4 s ... cap 30 min); |
|                                                | a repeat inside an open window does not escalate again     |
| billing (quota, "out of extra usage", seed 000)| exhausted: all models, until the hint or 6 h               |
| auth (transient)                               | cool 5 min                                                 |
| auth_permanent (revoked, invalid grant)        | dead until an operator resets it                           |
| model-support (scope credential_model, 002)    | suspend that credential+model only: hint or 12 h          |
| endpoint faults (overloaded, 5xx, timeouts)    | failure counted; no cooldown (the loop backs off instead)  |
| request faults (content policy, format, size)  | no state change at all                                     |
| success                                        | backoff level reset; that model's suspension cleared       |

Every function is pure: it takes the current state and ``now`` (epoch seconds) and returns a
new state. Stores apply them atomically.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from pydantic import BaseModel, ConfigDict, Field

from ._taxonomy import FailoverReason, Scope

if TYPE_CHECKING:  # the classifier loads only where failures are classified (``import agent.config`` stays fast)
    from .error_classifier import ClassifiedError

__all__ = ["LATEST_TIME", "MAX_COOLDOWN", "CooldownPolicy", "CredentialState", "CredentialStatus", "Suspension"]

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


class CooldownPolicy(BaseModel):
    """How long each outcome keeps a credential out of rotation (seconds)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    rate_limit_base: float = Field(1.0, gt=0, le=MAX_COOLDOWN, allow_inf_nan=False,
                                   description="first rate-limit cooldown without a hint")
    rate_limit_cap: float = Field(1800.0, gt=0, le=MAX_COOLDOWN, allow_inf_nan=False,
                                  description="longest rate-limit cooldown without a hint")
    billing_default: float = Field(6 * 3600.0, gt=0, le=MAX_COOLDOWN, allow_inf_nan=False,
                                   description="quota/billing cooldown without a reset hint")
    auth_transient: float = Field(300.0, gt=0, le=MAX_COOLDOWN, allow_inf_nan=False,
                                  description="cooldown after a transient auth failure")
    model_support: float = Field(12 * 3600.0, gt=0, le=MAX_COOLDOWN, allow_inf_nan=False,
                                 description="credential+model suspension (seed 002)")

    def on_failure(self, state: CredentialState, c: ClassifiedError, model: str, now: float) -> CredentialState:
        """The state after ``c`` happened on this credential while serving ``model``."""
        if c.scope is Scope.request:
            return state  # the request's fault: the key did nothing wrong
        if c.scope is Scope.endpoint:
            return replace(state, failures=state.failures + 1)
        noted = replace(state, reason=c.reason.value, error=c.message[:500], status_code=c.status_code,
                        failures=state.failures + 1)
        if c.scope is Scope.credential_model:
            return self._suspend(noted, model, c, now)
        if c.reason is FailoverReason.auth_permanent:
            return replace(noted, dead=True)
        return replace(noted, cool_until=max(state.cool_until, now + self._wait(state, c, now)),
                       backoff=self._next_level(state, c, now))

    def on_success(self, state: CredentialState, model: str) -> CredentialState:
        """A real completion proves this credential serves ``model``; other models are unaffected."""
        remaining = {m: s for m, s in state.suspensions.items() if m != model}
        return replace(state, backoff=0, successes=state.successes + 1, suspensions=MappingProxyType(remaining))

    def _suspend(self, state: CredentialState, model: str, c: ClassifiedError, now: float) -> CredentialState:
        previous = state.suspensions.get(model)
        until = max(previous.until if previous else 0.0, now + min(c.retry_after or self.model_support, MAX_COOLDOWN))
        updated = {**state.suspensions, model: Suspension(until, c.reason.value)}
        return replace(state, suspensions=MappingProxyType(updated))

    def _wait(self, state: CredentialState, c: ClassifiedError, now: float) -> float:
        if c.retry_after is not None:
            return min(c.retry_after, MAX_COOLDOWN)  # the provider's hint always wins, within a month
        if c.reason is FailoverReason.billing:
            return self.billing_default
        if c.reason in (FailoverReason.auth, FailoverReason.provider_policy_blocked):
            return self.auth_transient
        level = self._next_level(state, c, now)
        if level == state.backoff and state.cool_until > now:
            return 0.0  # a repeat inside the open window keeps the window as it is
        return self.backoff_delay(level)

    def _next_level(self, state: CredentialState, c: ClassifiedError, now: float) -> int:
        if c.reason is not FailoverReason.rate_limit or c.retry_after is not None:
            return state.backoff
        if state.cool_until > now and state.reason == FailoverReason.rate_limit:
            return state.backoff  # a repeat inside the open window: no second escalation
        return state.backoff + 1

    def backoff_delay(self, level: int) -> float:
        """``rate_limit_base * 2**(level-1)`` seconds, capped at ``rate_limit_cap``; safe for huge levels."""
        if level <= 0:
            return 0.0
        exponent = min(level - 1, 64)
        return min(self.rate_limit_cap, self.rate_limit_base * math.ldexp(1.0, exponent))
