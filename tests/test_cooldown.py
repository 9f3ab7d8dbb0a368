"""Behaviour of agent.cooldown: the one policy that turns outcomes into credential state."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent import FailoverReason, Scope
from agent._taxonomy import REASON_POLICY
from agent.cooldown import CooldownPolicy, CredentialState, CredentialStatus, Suspension
from agent.error_classifier import ClassifiedError

R = FailoverReason
NOW = 1_000_000.0
POLICY = CooldownPolicy()


def failure(reason: FailoverReason, retry_after: float | None = None) -> ClassifiedError:
    return ClassifiedError(reason=reason, scope=REASON_POLICY[reason].scope, retry_after=retry_after,
                           message="x", status_code=429)


def fresh() -> CredentialState:
    return CredentialState(id="k")


@pytest.mark.parametrize(("reason", "hint", "cool_for", "status"), [
    (R.rate_limit, 20.0, 20.0, CredentialStatus.cooling),
    (R.rate_limit, None, 1.0, CredentialStatus.cooling),
    (R.billing, None, 6 * 3600.0, CredentialStatus.exhausted),
    (R.billing, 90.0, 90.0, CredentialStatus.exhausted),
    (R.auth, None, 300.0, CredentialStatus.cooling),
])
def test_credential_cooldowns(reason: FailoverReason, hint: float | None, cool_for: float,
                              status: CredentialStatus) -> None:
    """Each credential-scoped outcome cools for the hint, else for its documented default."""
    state = POLICY.on_failure(fresh(), failure(reason, hint), "m", NOW)
    assert state.cool_until == NOW + cool_for and state.status(NOW) is status and state.failures == 1


def test_rate_limit_backoff_doubles_and_caps() -> None:
    """Without hints, consecutive rate limits cool 1 s, 2 s, 4 s ... up to 30 min."""
    state, now, waits = fresh(), NOW, []
    for _ in range(14):
        state = POLICY.on_failure(state, failure(R.rate_limit), "m", now)
        waits.append(state.cool_until - now)
        now = state.cool_until  # the next failure comes after the window closed
    assert waits[:4] == [1.0, 2.0, 4.0, 8.0] and waits[-1] == 1800.0


def test_repeat_inside_open_window_does_not_escalate() -> None:
    """A second rate limit while the window is open neither raises the level nor moves the window."""
    first = POLICY.on_failure(fresh(), failure(R.rate_limit), "m", NOW)
    second = POLICY.on_failure(first, failure(R.rate_limit), "m", NOW + 0.5)
    assert (second.backoff, second.cool_until) == (first.backoff, first.cool_until)


def test_longer_hint_extends_and_shorter_never_shortens() -> None:
    """Hints always win, but an open cooldown is only ever extended."""
    state = POLICY.on_failure(fresh(), failure(R.rate_limit, 60.0), "m", NOW)
    longer = POLICY.on_failure(state, failure(R.rate_limit, 600.0), "m", NOW + 1)
    shorter = POLICY.on_failure(longer, failure(R.rate_limit, 5.0), "m", NOW + 2)
    assert longer.cool_until == NOW + 601 and shorter.cool_until == NOW + 601


def test_permanent_auth_is_dead() -> None:
    """Revoked or invalid keys are dead until an operator resets them."""
    state = POLICY.on_failure(fresh(), failure(R.auth_permanent), "m", NOW)
    assert state.dead and state.status(NOW + 10**9) is CredentialStatus.dead and state.available_at("m", NOW) is None


def test_model_support_suspends_only_that_model() -> None:
    """Seed 002: a model-support failure suspends credential+model for 12 h; other models stay usable."""
    state = POLICY.on_failure(fresh(), failure(R.model_not_found), "gpt-5", NOW)
    assert state.status(NOW) is CredentialStatus.available and state.cool_until == 0.0
    assert state.suspended("gpt-5", NOW) == Suspension(NOW + 12 * 3600, "model_not_found")
    assert state.suspended("gpt-5-mini", NOW) is None


@pytest.mark.parametrize("reason", [R.overloaded, R.server_error, R.timeout, R.unknown])
def test_endpoint_faults_never_cool_the_key(reason: FailoverReason) -> None:
    """Overloads, 5xx and timeouts are the endpoint's fault: counted, but no cooldown."""
    state = POLICY.on_failure(fresh(), failure(reason, 30.0), "m", NOW)
    assert state.cool_until == 0.0 and state.status(NOW) is CredentialStatus.available and state.failures == 1


@pytest.mark.parametrize("reason", [r for r, p in REASON_POLICY.items() if p.scope is Scope.request])
def test_request_faults_change_nothing(reason: FailoverReason) -> None:
    """Content policy, format errors and context overflow leave the credential's state untouched."""
    assert POLICY.on_failure(fresh(), failure(reason), "m", NOW) == fresh()


def test_success_clears_only_its_model_and_resets_backoff() -> None:
    """A success resets the backoff level and clears that model's suspension, never another model's."""
    state = CredentialState(id="k", backoff=3, suspensions=MappingProxyType({
        "a": Suspension(NOW + 99, "model_not_found"), "b": Suspension(NOW + 99, "model_not_found")}))
    after = POLICY.on_success(state, "a")
    assert after.backoff == 0 and set(after.suspensions) == {"b"} and after.successes == 1


def test_success_does_not_lift_a_quota_cooldown() -> None:
    """A success from a lease taken before the quota error must not reopen an exhausted key."""
    exhausted = POLICY.on_failure(fresh(), failure(R.billing), "m", NOW)
    assert POLICY.on_success(exhausted, "m").status(NOW + 1) is CredentialStatus.exhausted


@given(st.integers(min_value=-10, max_value=10**9))
def test_backoff_delay_is_safe_for_any_level(level: int) -> None:
    """The backoff formula never overflows and stays within [0, cap]."""
    assert 0.0 <= POLICY.backoff_delay(level) <= POLICY.rate_limit_cap


def test_policy_is_configurable_and_validated() -> None:
    """Durations are configurable; non-positive ones are rejected with the field named."""
    assert CooldownPolicy(billing_default=60).on_failure(fresh(), failure(R.billing), "m", NOW).cool_until == NOW + 60
    with pytest.raises(ValueError, match="rate_limit_cap"):
        CooldownPolicy(rate_limit_cap=0)


def test_state_round_trips_through_dict() -> None:
    """States serialise for stores and the CLI without loss."""
    state = POLICY.on_failure(fresh(), failure(R.model_not_found), "gpt-5", NOW)
    assert CredentialState.from_dict(state.to_dict()) == state
