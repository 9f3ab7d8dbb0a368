"""Behaviour of agent.ladder: the one table from classification to step, backoff and budgets."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent import FailoverReason
from agent._taxonomy import REASON_POLICY
from agent.error_classifier import ClassifiedError
from agent.ladder import Budget, LadderContext, LadderPolicy, Step, backoff_delay, next_step

R = FailoverReason
POLICY = LadderPolicy()


def c(reason: FailoverReason, retry_after: float | None = None, server_retry: bool | None = None) -> ClassifiedError:
    return ClassifiedError(reason=reason, scope=REASON_POLICY[reason].scope, retry_after=retry_after,
                           server_retry=server_retry)


@pytest.mark.parametrize(("reason", "ctx", "step"), [
    (R.thinking_signature, LadderContext(), Step.repair),
    (R.thinking_signature, LadderContext(repaired={R.thinking_signature}, has_next=True), Step.finish),
    (R.billing, LadderContext(), Step.rotate),
    (R.rate_limit, LadderContext(), Step.rotate),
    (R.model_not_found, LadderContext(has_next=True), Step.fallback),
    (R.model_not_found, LadderContext(), Step.finish),
    (R.overloaded, LadderContext(), Step.retry),
    (R.overloaded, LadderContext(retries=3, has_next=True), Step.fallback),
    (R.transient, LadderContext(retries=3, has_next=True), Step.fallback),  # out of retries: provider trouble
    (R.context_overflow, LadderContext(), Step.compress),
    (R.context_overflow, LadderContext(compressions=2, has_next=True), Step.fallback),
    (R.content_policy_blocked, LadderContext(has_next=True), Step.fallback),
    (R.content_policy_blocked, LadderContext(), Step.finish),
    (R.output_truncated, LadderContext(has_next=True), Step.finish),
])
def test_next_step_table(reason: FailoverReason, ctx: LadderContext, step: Step) -> None:
    """Each classification maps to one step, and to the next fallback step when its own is spent."""
    assert next_step(c(reason), POLICY, ctx) is step


def test_operator_can_forbid_fallback_per_reason() -> None:
    """no_fallback keeps a content-policy-blocked prompt from being re-sent to another model."""
    policy = LadderPolicy(no_fallback=frozenset({R.content_policy_blocked}))
    assert next_step(c(R.content_policy_blocked), policy, LadderContext(has_next=True)) is Step.finish


def test_server_says_do_not_retry() -> None:
    """x-should-retry: false turns a retry into a fallback."""
    assert next_step(c(R.server_error, server_retry=False), POLICY, LadderContext(has_next=True)) is Step.fallback


@pytest.mark.parametrize(("reason", "retry", "low", "high"), [
    (R.transient, 1, 0.4, 0.6), (R.overloaded, 1, 0.8, 1.2), (R.overloaded, 3, 3.2, 4.8), (R.overloaded, 99, 24, 36),
])
def test_backoff_is_jittered_exponential_and_capped(reason: FailoverReason, retry: int, low: float,
                                                    high: float) -> None:
    """0.5 s base for transient 400s (seed 001), 1 s otherwise, doubling, capped, +/-20 % jitter."""
    rng = random.Random(3)
    assert all(low <= backoff_delay(reason, retry, POLICY, rng) <= high for _ in range(50))


@given(st.integers(min_value=-5, max_value=10**9))
def test_backoff_never_overflows(retry: int) -> None:
    """Huge retry numbers stay within the cap (plus jitter)."""
    assert 0 < backoff_delay(R.overloaded, retry, POLICY, random.Random(0)) <= POLICY.backoff_cap * 1.2


def test_budget_refuses_long_or_late_waits() -> None:
    """A wait is allowed only under max_wait and before the deadline."""
    budget = Budget(max_attempts=3, deadline=100.0, max_wait=10.0)
    assert budget.can_wait(5, now=50) and not budget.can_wait(11, now=50) and not budget.can_wait(5, now=96)


@pytest.mark.parametrize(("field", "value"), [("max_attempts", 0), ("deadline_seconds", 0), ("jitter", 2)])
def test_policy_validation_names_the_field(field: str, value: float) -> None:
    """Budgets cannot be configured to be unbounded or nonsensical."""
    with pytest.raises(ValueError, match=field):
        LadderPolicy(**{field: value})


def test_fallback_allowed_is_one_decision() -> None:
    """An empty pool with no failed call may fall back; a forbidden or non-fallback reason may not."""
    from agent.ladder import fallback_allowed

    forbid = LadderPolicy(no_fallback=frozenset({R.content_policy_blocked}))
    assert fallback_allowed(None, forbid) and fallback_allowed(c(R.billing), forbid)
    assert not fallback_allowed(c(R.content_policy_blocked), forbid)
    assert not fallback_allowed(c(R.output_truncated), POLICY)
