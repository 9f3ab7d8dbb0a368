"""The recovery ladder: from a classified failure to the next step, in one table.

| action   | step taken                                          | when it cannot be taken           |
| -------- | --------------------------------------------------- | --------------------------------- |
| repair   | fix the request, resend (once per reason per turn)  | fall back, else finish            |
| rotate   | cool the key, next key at once (no retry budget)    | pool empty: wait or fall back     |
| retry    | wait the hint, else jittered backoff; same target   | over a budget: fall back / finish |
| compress | shrink the conversation (max_compressions per turn) | fall back (larger window)/finish  |
| fallback | next model of the chain                             | finish                            |
| stop     | finish truthfully                                   |                                   |

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
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ._taxonomy import Action, FailoverReason
from .error_classifier import ClassifiedError

__all__ = [
    "Budget", "LadderContext", "LadderPolicy", "Step", "backoff_delay", "fallback_allowed", "fallback_or_finish",
    "next_step",
]


class Step(enum.StrEnum):
    repair = "repair"
    rotate = "rotate"
    retry = "retry"
    compress = "compress"
    fallback = "fallback"
    finish = "finish"


class LadderPolicy(BaseModel):
    """Budgets and per-reason overrides (seconds where a duration)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_attempts: int = Field(12, ge=1, le=1000, description="upstream calls per turn, all steps included")
    deadline_seconds: float = Field(120.0, gt=0, le=86_400, description="wall clock per turn")
    max_wait_seconds: float = Field(30.0, ge=0, description="longest single sleep; longer waits move on")
    max_retries: int = Field(3, ge=0, le=100, description="same-target retries per chain entry per turn")
    max_compressions: int = Field(2, ge=0, le=20)
    max_iterations: int = Field(8, ge=1, le=100, description="tool-call rounds per turn")
    backoff_base: float = Field(1.0, gt=0, description="first backoff for transient failures")
    transient_400_base: float = Field(0.5, gt=0, description="first backoff for transient 400s (seed 001)")
    backoff_cap: float = Field(30.0, gt=0)
    jitter: float = Field(0.2, ge=0, le=1, description="backoff is multiplied by 1 +/- jitter")
    no_fallback: frozenset[FailoverReason] = Field(frozenset(), description="reasons that must never fall back")
    on_partial_stream: Literal["stop", "restart"] = Field(
        "stop", description="a stream that fails after text was shown: stop there, or restart the turn with a marker")


@dataclass(slots=True)
class LadderContext:
    """What this turn has already spent on the current request and chain entry."""

    repaired: set[FailoverReason] = field(default_factory=set)
    retries: int = 0
    compressions: int = 0
    has_next: bool = False


def fallback_allowed(c: ClassifiedError | None, policy: LadderPolicy) -> bool:
    """Whether another model may be tried after ``c`` (None: no call failed, only the pool was empty)."""
    return c is None or (c.should_fallback and c.reason not in policy.no_fallback)


def fallback_or_finish(c: ClassifiedError, policy: LadderPolicy, ctx: LadderContext) -> Step:
    """Where the ladder goes when the failure's own step cannot be taken (or is spent)."""
    return Step.fallback if fallback_allowed(c, policy) and ctx.has_next else Step.finish


def next_step(c: ClassifiedError, policy: LadderPolicy, ctx: LadderContext) -> Step:
    """The single decision: what to do after failure ``c``."""
    action = c.action
    if action is Action.repair and c.reason not in ctx.repaired:
        return Step.repair
    if action is Action.rotate:
        return Step.rotate
    if action is Action.retry and c.retryable and ctx.retries < policy.max_retries:
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

    def attempts_left(self) -> int:
        return self.max_attempts - self.used

    def can_wait(self, seconds: float, now: float) -> bool:
        """Whether sleeping ``seconds`` is allowed (not too long, and a call still fits afterwards)."""
        return seconds <= self.max_wait and now + seconds < self.deadline

    def time_left(self, now: float) -> float:
        return max(0.0, self.deadline - now)
