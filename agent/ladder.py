"""The recovery ladder: from a classified failure to the next step, in one table.

| action   | step taken                                          | when it cannot be taken           |
| -------- | --------------------------------------------------- | --------------------------------- |
| repair   | fix the request, resend (once per reason per turn)  | fall back, else finish            |
| rotate   | cool the key, next untried key of the pool at once  | every key tried: a retry (below)  |
|          | (also a key refused the model: seed 002)            | or fall back                      |
| retry    | wait the hint, else jittered backoff; same target;  | over its budget, or the deadline  |
|          | counted per reason (``retries``) and in total       | would not keep the fallback's     |
|          | (``max_retries``)                                   | reserve: fall back / finish       |
| compress | shrink the conversation (max_compressions per turn) | fall back (larger window)/finish  |
| fallback | next model of the chain                             | finish                            |
| stop     | finish truthfully                                   |                                   |

Rotation is free only while the pool has a key not yet tried in this turn; after that a rate
limit is a retry of the same target like any other. Timeouts, cut and malformed streams fall
back by default (``retries``: 0; one retry when no fallback can follow). While a fallback may
still follow, the current target keeps ``fallback_reserve_seconds`` of the deadline and one
attempt for it: a retry is planned only when its sleep, one call of the current target and the
reserve all fit, and every call's timeout is cut so that it cannot eat the reserve.

Falling back is allowed when the classification says another model may help and the operator
has not forbidden it for that reason (``no_fallback``, e.g. never re-send a content-policy-blocked
prompt elsewhere). Every step is counted against one ``Budget``: total upstream calls, a
wall-clock deadline, and the longest single sleep.
"""

from __future__ import annotations

import enum
import math
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ._taxonomy import Action, FailoverReason, Scope

if TYPE_CHECKING:  # the classifier loads only where failures are classified (``import agent.config`` stays fast)
    from .error_classifier import ClassifiedError

__all__ = [
    "DEFAULT_RETRIES", "MAX_TURN_SECONDS", "Budget", "LadderContext", "LadderPolicy", "Step", "backoff_delay",
    "fallback_allowed",
    "fallback_or_finish", "may_retry", "next_step", "retry_limit",
]


class Step(enum.StrEnum):
    repair = "repair"
    rotate = "rotate"
    retry = "retry"
    compress = "compress"
    fallback = "fallback"
    finish = "finish"


_R = FailoverReason
DEFAULT_RETRIES: dict[FailoverReason, int] = {
    # An endpoint that timed out, went silent, cut or garbled a stream is likely to do it again:
    # another model answers sooner. A 5xx gets one more chance, an overload three (they pass).
    _R.timeout: 0, _R.stream_incomplete: 0, _R.malformed_response: 0, _R.server_error: 1, _R.empty_response: 1,
    _R.overloaded: 3, _R.rate_limit: 1, _R.transient: 3, _R.unknown: 1,
}


# Seconds: no turn, single wait, backoff or circuit probe is longer than a day. Every duration has an
# upper bound (NaN and infinity fail it too), so the error names the field and the bound, and no
# process ever stores or sleeps on an absurd time (issue 11 item 10b).
MAX_TURN_SECONDS: Final = 86_400.0


class LadderPolicy(BaseModel):
    """Budgets and per-reason overrides (seconds where a duration, each at most ``MAX_TURN_SECONDS``)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    max_attempts: int = Field(12, ge=1, le=1000, description="upstream calls per turn, all steps included")
    deadline_seconds: float = Field(120.0, gt=0, le=MAX_TURN_SECONDS, description="wall clock per turn")
    max_wait_seconds: float = Field(30.0, ge=0, le=MAX_TURN_SECONDS,
                                    description="longest single sleep; longer waits move on")
    max_retries: int = Field(3, ge=0, le=100, description="same-target retries per chain entry per turn, all reasons")
    retries: dict[FailoverReason, int] = Field(
        default_factory=lambda: dict(DEFAULT_RETRIES),
        description="same-target retries per reason per chain entry (reasons not named: max_retries)")
    fallback_reserve_seconds: float = Field(
        15.0, ge=0, le=MAX_TURN_SECONDS,
        description="deadline kept for the next chain entry (at most a quarter of the deadline)")
    max_compressions: int = Field(2, ge=0, le=20, description="context-overflow compressions per turn")
    max_iterations: int = Field(8, ge=1, le=100, description="tool-call rounds per turn")
    backoff_base: float = Field(1.0, gt=0, le=MAX_TURN_SECONDS, description="first backoff for transient failures")
    transient_400_base: float = Field(0.5, gt=0, le=MAX_TURN_SECONDS,
                                      description="first backoff for transient 400s (seed 001)")
    backoff_cap: float = Field(30.0, gt=0, le=MAX_TURN_SECONDS, description="longest backoff without a provider hint")
    jitter: float = Field(0.2, ge=0, le=1, description="backoff is multiplied by 1 +/- jitter")
    no_fallback: frozenset[FailoverReason] = Field(frozenset(), description="reasons that must never fall back")
    on_partial_stream: Literal["stop", "restart"] = Field(
        "restart", description="a stream that fails after text was shown: restart the answer on a healthy target "
                               "(StreamRestarted marks it), or stop there")
    max_stream_restarts: int = Field(1, ge=0, le=5, description="restarts after shown text per turn")
    circuit_failures: int = Field(
        3, ge=0, le=1000, description="consecutive endpoint failures that open an (endpoint, model)'s circuit; 0: off")
    circuit_probe_seconds: float = Field(30.0, gt=0, le=MAX_TURN_SECONDS,
                                         description="an open circuit is skipped this long, then probed")
    busy_poll_seconds: float = Field(0.25, ge=0.01, le=60, description="every key held by other calls "
                                     "(max_concurrency): look again this often, one note for the whole wait "
                                     "(at least 0.01: a shorter poll would spin)")

    @field_validator("retries")
    @classmethod
    def _retries_in_range(cls, value: dict[FailoverReason, int]) -> dict[FailoverReason, int]:
        bad = sorted(f"{k.value}={v}" for k, v in value.items() if not 0 <= v <= 100)
        if bad:
            raise ValueError(f"retries must be between 0 and 100 per reason, got {', '.join(bad)}")
        return {**DEFAULT_RETRIES, **value}

    @property
    def reserve_seconds(self) -> float:
        """The deadline kept for a fallback: the configured reserve, at most a quarter of the deadline."""
        return min(self.fallback_reserve_seconds, self.deadline_seconds / 4)


@dataclass(slots=True)
class LadderContext:
    """What this turn has already spent on the current request and chain entry."""

    repaired: set[FailoverReason] = field(default_factory=set)
    retries: int = 0
    compressions: int = 0
    has_next: bool = False
    can_rotate: bool = True  # the pool still has a key not tried in this turn
    retried: dict[FailoverReason, int] = field(default_factory=dict)


def fallback_allowed(c: ClassifiedError | None, policy: LadderPolicy) -> bool:
    """Whether another model may be tried after ``c`` (None: no call failed, only the pool was empty)."""
    return c is None or (c.may_fall_back and c.reason not in policy.no_fallback)


def fallback_or_finish(c: ClassifiedError, policy: LadderPolicy, ctx: LadderContext) -> Step:
    """Where the ladder goes when the failure's own step cannot be taken (or is spent)."""
    return Step.fallback if fallback_allowed(c, policy) and ctx.has_next else Step.finish


def retry_limit(reason: FailoverReason, policy: LadderPolicy, *, alone: bool = False) -> int:
    """Same-target retries allowed for ``reason`` per chain entry and turn; when no fallback can
    follow (``alone``), a reason set to fall back at once (0) still gets one retry."""
    limit = policy.retries.get(reason, policy.max_retries)
    return max(limit, 1) if alone and limit == 0 else limit


def may_retry(c: ClassifiedError, policy: LadderPolicy, ctx: LadderContext) -> bool:
    """Whether the per-reason and total retry budgets of the current target allow another retry of ``c``."""
    alone = not (ctx.has_next and fallback_allowed(c, policy))
    return (c.retryable and ctx.retries < policy.max_retries
            and ctx.retried.get(c.reason, 0) < retry_limit(c.reason, policy, alone=alone))


def _refused_model(c: ClassifiedError) -> bool:
    """This key may not use this model (seed 002): another key of the pool may, so rotate before falling back."""
    return c.scope is Scope.credential_model and c.rule.startswith("model_support")


def next_step(c: ClassifiedError, policy: LadderPolicy, ctx: LadderContext) -> Step:
    """The single decision: what to do after failure ``c``."""
    action = c.action
    if action is Action.repair and c.reason not in ctx.repaired:
        return Step.repair
    if (action is Action.rotate or _refused_model(c)) and ctx.can_rotate:
        return Step.rotate
    if action in (Action.retry, Action.rotate) and may_retry(c, policy, ctx):
        return Step.retry
    if action is Action.compress and ctx.compressions < policy.max_compressions:
        return Step.compress
    return fallback_or_finish(c, policy, ctx)


def backoff_delay(reason: FailoverReason, retry: int, policy: LadderPolicy, rng: random.Random) -> float:
    """``base * 2**(retry-1)`` seconds, capped, times a jitter in [1-j, 1+j]; base 0.5 s for transient 400s."""
    base = policy.transient_400_base if reason is FailoverReason.transient else policy.backoff_base
    raw = min(policy.backoff_cap, base * math.ldexp(1.0, max(0, min(retry - 1, 64))))
    return raw * (1.0 + policy.jitter * (2.0 * rng.random() - 1.0))


@dataclass(slots=True)
class Budget:
    """One turn's budget: upstream calls, a deadline (monotonic seconds) and the longest sleep."""

    max_attempts: int
    deadline: float
    max_wait: float
    used: int = 0
    reserve: float = 0.0  # seconds kept for the next chain entry while one may follow

    def attempts_left(self) -> int:
        return self.max_attempts - self.used

    def can_wait(self, seconds: float, now: float, *, then: float = 0.0, keep: bool = False) -> bool:
        """Whether sleeping ``seconds`` is allowed: not too long, and ``then`` seconds of a call still fit
        afterwards (before the reserve, when ``keep``: a fallback may follow)."""
        end = self.deadline - (self.reserve if keep else 0.0)
        return seconds <= self.max_wait and now + seconds + then < end

    def call_cap(self, now: float, *, keep: bool = False) -> float:
        """The longest the next call may take (the reserve stays untouched, when ``keep``)."""
        return self.deadline - now - (self.reserve if keep else 0.0)

    def time_left(self, now: float) -> float:
        return max(0.0, self.deadline - now)
