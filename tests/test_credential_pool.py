"""Behaviour of agent.credential_pool, the same suite over every state store (memory, SQLite, Redis)."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from pydantic import SecretStr, ValidationError

from agent import FailoverReason, classify_api_error
from agent._taxonomy import REASON_POLICY
from agent.cooldown import CredentialStatus
from agent.credential_pool import Credential, CredentialPool, NoCredentialAvailable, Strategy
from agent.error_classifier import ClassifiedError
from agent.testing.error_shapes import SHAPES
from agent.testing.sdk_errors import exception_for

from .conftest import StoreFactory

R = FailoverReason
SHAPE = {s.id: s for s in SHAPES}
SECRETS = {"one": "sk-ant-secret-one-111111", "two": "sk-ant-secret-two-222222", "three": "sk-ant-secret-three-33"}


class Clock:
    """An injected clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def creds(**caps: int | None) -> list[Credential]:
    return [Credential(id=name, secret=SecretStr(secret), priority=i, max_concurrency=caps.get(name))
            for i, (name, secret) in enumerate(SECRETS.items())]


def make_pool(store_factory: StoreFactory, clock: Clock, strategy: Strategy = Strategy.fill_first,
              **caps: int | None) -> CredentialPool:
    return CredentialPool("anthropic", creds(**caps), store=store_factory(), strategy=strategy, clock=clock,
                          rng=random.Random(7))


def classified(shape_id: str) -> ClassifiedError:
    return classify_api_error(exception_for(SHAPE[shape_id]))


def test_fill_first_uses_priority_then_rotates(store_factory: StoreFactory) -> None:
    """fill_first keeps using the first key until it cools, then the next, with no call wasted."""
    clock = Clock()
    pool = make_pool(store_factory, clock)
    with pool.acquire("m") as lease:
        assert lease.credential.id == "one"
        pool.report(lease, classified("anthropic_rate_limit"))  # retry-after: 17
    assert pool.acquire("m").credential.id == "two"
    clock.now += 18
    assert pool.acquire("m").credential.id == "one"


def test_seed_000_exhaustion_cools_every_model(store_factory: StoreFactory) -> None:
    """Seed 000: an "out of extra usage" key is skipped for every model, not only the one that failed."""
    clock = Clock()
    pool = make_pool(store_factory, clock)
    with pool.acquire("claude-haiku-4-5") as lease:
        state = pool.report(lease, classified("anthropic_out_of_extra_usage"))
    assert state.status(clock.now) is CredentialStatus.exhausted
    assert {pool.acquire(m).credential.id for m in ("claude-haiku-4-5", "claude-opus-4-7")} == {"two"}


def test_seed_002_suspension_is_per_model(store_factory: StoreFactory) -> None:
    """Seed 002: a model-support failure suspends key+model; the key serves other models; success elsewhere keeps it."""
    clock = Clock()
    pool = make_pool(store_factory, clock)
    with pool.acquire("gpt-5") as lease:
        pool.report(lease, classified("anthropic_model_not_on_plan"))
    assert pool.acquire("gpt-5").credential.id == "two"
    with pool.acquire("gpt-5-mini") as other:
        assert other.credential.id == "one"
        pool.report_success(other)
    assert pool.acquire("gpt-5").credential.id == "two"  # success on another model did not lift it
    clock.now += 12 * 3600 + 1
    assert pool.acquire("gpt-5").credential.id == "one"


def test_permanent_auth_is_dead_until_reset(store_factory: StoreFactory) -> None:
    """A revoked key is never selected again until an operator resets it."""
    clock = Clock()
    pool = make_pool(store_factory, clock)
    with pool.acquire("m") as lease:
        pool.report(lease, classified("anthropic_oauth_revoked"))
    clock.now += 10**7
    assert pool.acquire("m").credential.id == "two"
    assert pool.reset("one") == 1
    assert pool.acquire("m").credential.id == "one"


def test_endpoint_faults_do_not_rotate(store_factory: StoreFactory) -> None:
    """A 529 overload is the endpoint's fault: the same key stays first."""
    pool = make_pool(store_factory, Clock())
    with pool.acquire("m") as lease:
        pool.report(lease, classified("anthropic_overloaded"))
    assert pool.acquire("m").credential.id == "one"


def test_concurrency_cap_and_release(store_factory: StoreFactory) -> None:
    """A key at its concurrency cap is skipped; releasing a lease frees the slot."""
    pool = make_pool(store_factory, Clock(), one=1, two=1, three=1)
    leases = [pool.acquire("m") for _ in range(3)]
    assert [lease.credential.id for lease in leases] == ["one", "two", "three"]
    with pytest.raises(NoCredentialAvailable) as info:
        pool.acquire("m")
    assert all("busy" in b.reason for b in info.value.blocked)
    leases[1].release()
    assert pool.acquire("m").credential.id == "two"


def test_no_credential_available_says_when_and_why(store_factory: StoreFactory) -> None:
    """When every key is out, the error carries each key's status, reason and time until available."""
    clock = Clock()
    pool = make_pool(store_factory, clock)
    for shape in ("anthropic_out_of_extra_usage", "anthropic_rate_limit", "anthropic_oauth_revoked"):
        with pool.acquire("m") as lease:
            pool.report(lease, classified(shape))
    with pytest.raises(NoCredentialAvailable) as info:
        pool.acquire("m")
    err = info.value
    assert {b.credential_id: b.status for b in err.blocked} == {
        "one": CredentialStatus.exhausted, "two": CredentialStatus.cooling, "three": CredentialStatus.dead}
    assert err.soonest == clock.now + 17
    assert "sk-ant" not in str(err)


def test_expired_lease_frees_the_slot(store_factory: StoreFactory) -> None:
    """A lease never released (its holder crashed) stops counting after lease_ttl."""
    clock = Clock()
    pool = make_pool(store_factory, clock, one=1, two=1, three=1)
    for _ in range(3):
        pool.acquire("m")  # never released
    with pytest.raises(NoCredentialAvailable):
        pool.acquire("m")
    clock.now += pool.lease_ttl + 1
    assert pool.acquire("m").credential.id == "one"


@pytest.mark.parametrize(("strategy", "expected"), [
    (Strategy.round_robin, ["one", "two", "three", "one", "two", "three"]),
    (Strategy.least_used, ["one", "two", "three", "one", "two", "three"]),
])
def test_balancing_strategies(store_factory: StoreFactory, strategy: Strategy, expected: list[str]) -> None:
    """round_robin takes the longest-unused key; least_used the least-used one."""
    clock = Clock()
    pool = make_pool(store_factory, clock, strategy)
    picked = []
    for _ in range(6):
        clock.now += 1
        with pool.acquire("m") as lease:
            picked.append(lease.credential.id)
    assert picked == expected


def test_random_strategy_spreads_and_is_reproducible(store_factory: StoreFactory) -> None:
    """random uses the injected rng: every key gets used, and the same seed gives the same picks."""
    def picks() -> list[str]:
        pool = make_pool(store_factory, Clock(), Strategy.random)
        return [pool.acquire("m").credential.id for _ in range(30)]
    first = picks()
    assert set(Counter(first)) == {"one", "two", "three"} and first == picks()


def test_session_affinity_keeps_a_healthy_key(store_factory: StoreFactory) -> None:
    """A conversation keeps its key while it is healthy, and moves when that key cools."""
    clock = Clock()
    pool = make_pool(store_factory, clock, Strategy.round_robin)
    first = pool.acquire("m", session="chat-1")
    first.release()
    for _ in range(3):
        clock.now += 1
        with pool.acquire("m", session="chat-1") as lease:
            assert lease.credential.id == first.credential.id
    with pool.acquire("m", session="chat-1") as lease:
        pool.report(lease, classified("anthropic_rate_limit"))
    assert pool.acquire("m", session="chat-1").credential.id != first.credential.id


def test_counts_add_up(store_factory: StoreFactory) -> None:
    """Uses, successes and failures are counted per key."""
    pool = make_pool(store_factory, Clock())
    for n in range(5):
        with pool.acquire("m") as lease:
            if n % 2:
                pool.report(lease, classified("anthropic_overloaded"))
            else:
                pool.report_success(lease)
    _, state = pool.states()[0]
    assert (state.uses, state.successes, state.failures) == (5, 3, 2)


def test_reset_one_model(store_factory: StoreFactory) -> None:
    """reset(id, model=...) lifts one suspension and keeps the others."""
    pool = make_pool(store_factory, Clock())
    for model in ("a", "b"):
        with pool.acquire(model) as lease:
            pool.report(lease, classified("anthropic_model_not_on_plan"))
    pool.reset("one", model="a")
    _, state = pool.states()[0]
    assert set(state.suspensions) == {"b"}


def test_secrets_never_reach_the_store(store_factory: StoreFactory) -> None:
    """Store contents (states, leases, affinities, errors) never include a secret."""
    pool = make_pool(store_factory, Clock())
    with pool.acquire("m", session="s") as lease:
        pool.report(lease, classify_api_error(exception_for(SHAPE["key_in_message_redacted"])))
    dumped = repr(pool.states()) + repr(pool) + repr(lease)
    assert not any(secret in dumped for secret in SECRETS.values())


def test_every_reason_has_a_defined_effect(store_factory: StoreFactory) -> None:
    """Reporting any reason never fails, and request-scoped reasons leave the key in rotation."""
    pool = make_pool(store_factory, Clock())
    for reason, row in REASON_POLICY.items():
        with pool.acquire("m") as lease:
            pool.report(lease, ClassifiedError(reason=reason, scope=row.scope))
            if row.scope.value == "request":
                assert pool.states()[0][1].status(pool.clock()) is CredentialStatus.available
        pool.reset()


@pytest.mark.parametrize(("kwargs", "needle"), [
    ({"secret": SecretStr("")}, "secret is empty"),
    ({"secret": SecretStr("sk-x"), "id": "sk-x"}, "not the key itself"),
    ({"secret": SecretStr("sk-x"), "max_concurrency": 0}, "max_concurrency"),
])
def test_credential_validation_names_the_field(kwargs: dict[str, object], needle: str) -> None:
    """Bad credentials are rejected with the field and the fix."""
    with pytest.raises(ValidationError, match=needle):
        Credential(**kwargs)  # type: ignore[arg-type]


def test_pool_validation() -> None:
    """A pool needs credentials with unique ids."""
    with pytest.raises(ValueError, match="no credentials"):
        CredentialPool("p", [])
    with pytest.raises(ValueError, match="repeated"):
        CredentialPool("p", [Credential(id="a", secret=SecretStr("k1")), Credential(id="a", secret=SecretStr("k2"))])


def test_default_id_is_a_fingerprint() -> None:
    """Without a label, a credential is identified by a fingerprint, never the key."""
    cred = Credential(secret=SecretStr("sk-proj-abcdef123456"))
    assert cred.id.startswith("fp-") and "abcdef" not in cred.id and "abcdef" not in repr(cred)


def test_report_with_release_frees_the_slot_in_one_step(store_factory: StoreFactory) -> None:
    """report(..., release=True) records the outcome and frees the lease together."""
    pool = make_pool(store_factory, Clock(), one=1, two=1, three=1)
    lease = pool.acquire("m")
    pool.report_success(lease, release=True)
    assert lease.released and pool.states()[0][1].successes == 1 and pool.states()[0][1].in_flight == 0
    again = pool.acquire("m")
    pool.report(again, classified("anthropic_rate_limit"), release=True)
    assert again.credential.id == "one" and pool.states()[0][1].in_flight == 0
    lease.release()  # releasing again is harmless
