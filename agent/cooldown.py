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

The state itself lives in ``agent._credential_state`` (no pydantic: stores load without it).
Every function is pure: it takes the current state and ``now`` (epoch seconds) and returns a
new state. Stores apply them atomically.
"""

from __future__ import annotations

import math
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from ._credential_state import LATEST_TIME, MAX_COOLDOWN, CredentialState, CredentialStatus, Suspension
from ._taxonomy import FailoverReason, Scope

if TYPE_CHECKING:  # the classifier loads only where failures are classified (``import agent.config`` stays fast)
    from .error_classifier import ClassifiedError

__all__ = ["LATEST_TIME", "MAX_COOLDOWN", "CooldownPolicy", "CredentialState", "CredentialStatus", "Suspension"]


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
