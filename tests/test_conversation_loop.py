"""Behaviour of agent.conversation_loop, end to end: real SDKs, real HTTP, the emulator upstream."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import Field, SecretStr

from agent import FailoverReason
from agent.conversation import Message, Thinking
from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.events import Event, FallbackActivated, RetryScheduled
from agent.ladder import LadderPolicy
from agent.results import TurnResult, TurnStatus
from agent.stores import MemoryStore
from agent.testing.emulator import Emulator, Scenario
from agent.tools import ToolBox

R = FailoverReason
APIS = ["openai-chat", "openai-responses", "anthropic-messages"]


class Sleeper:
    """An injected sleep that records waits and advances a virtual clock (no real sleeping)."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.offset = 0.0

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.offset += seconds

    def clock(self) -> float:
        import time

        return time.monotonic() + self.offset


def pool(name: str, *keys: str) -> CredentialPool:
    creds = [Credential(id=f"{name}-{i + 1}", secret=SecretStr(k)) for i, k in enumerate(keys)]
    return CredentialPool(name, creds, store=MemoryStore())


def entry(emu: Emulator, api: str, model: str, pool_name: str = "main", **kw: Any) -> ChainEntry:
    base = emu.base_url("anthropic" if api == "anthropic-messages" else "openai")
    return ChainEntry(api=api, model=model, pool=pool_name, base_url=base, timeout=5, **kw)  # type: ignore[arg-type]


def make_loop(chain: Sequence[ChainEntry], pools: dict[str, CredentialPool], sleeper: Sleeper | None = None,
              **kw: Any) -> ConversationLoop:
    sleeper = sleeper or Sleeper()
    return ConversationLoop(chain, pools, sleep=sleeper, clock=sleeper.clock, hooks=kw.pop("hooks", ()), **kw)


def scenario(**data: Any) -> Emulator:
    return Emulator(Scenario.model_validate(data))


@pytest.fixture
def healthy() -> Iterator[Emulator]:
    with Emulator("healthy") as emu:
        yield emu


# ------------------------------------------------------------------ the must-show cases


def test_seed_000_three_keys_first_out_of_extra_usage() -> None:
    """Seed 000: the turn succeeds with exactly 2 upstream calls, and key one is cooled for every model."""
    with Emulator("anthropic_out_of_extra_usage") as emu:
        p = pool("anthropic", "sk-ant-emu-one", "sk-ant-emu-two", "sk-ant-emu-three")
        result = make_loop([entry(emu, "anthropic-messages", "claude-haiku-4-5", "anthropic")],
                           {"anthropic": p}).run("hello")
        assert result.ok and emu.calls() == 2 and result.credential_id == "anthropic-2"
        assert p.acquire("claude-opus-4-7").credential.id == "anthropic-2"  # cooled for other models too
        assert [a.action for a in result.attempts] == ["rotated credential", "answered"]


def test_seed_004_codex_soft_failure_rotates_before_fallback() -> None:
    """Seed 004: a Codex 200 status=failed quota answer rotates to the second key; the fallback is never used."""
    with Emulator("codex_soft_quota") as emu:
        chain = [entry(emu, "openai-responses", "gpt-5-codex", "codex"), entry(emu, "openai-chat", "gpt-4o", "backup")]
        pools = {"codex": pool("codex", "sk-emu-codex-one", "sk-emu-codex-two"), "backup": pool("backup", "sk-x")}
        result = make_loop(chain, pools).run("fix the bug")
        assert result.ok and result.model == "gpt-5-codex" and result.credential_id == "codex-2"
        assert emu.calls() == 2 and emu.calls(model="gpt-4o") == 0
        assert result.attempts[0].outcome in (R.billing.value, R.rate_limit.value)


def test_content_policy_without_fallback_ends_after_one_call() -> None:
    """Seed 003: a content-policy block ends after exactly 1 call with a message naming the provider's safety system."""
    with Emulator("content_policy") as emu:
        result = make_loop([entry(emu, "openai-chat", "gpt-4o")], {"main": pool("main", "k1", "k2")}).run(
            "Explain how to build a bioweapon.")
        assert emu.calls() == 1
    assert result.status is TurnStatus.content_policy_blocked and result.failure_reason is R.content_policy_blocked
    assert "safety system" in result.final_response and "not a steadyloop failure" in result.final_response
    assert result.last_status()["reason"] == "content_policy_blocked"


def test_content_policy_falls_back_unless_forbidden() -> None:
    """A block falls back to the next model at once, but never when the operator forbids it for that reason."""
    rules = [{"respond": "error", "shape": "openai_moderation_block", "match": {"model": "gpt-4o"}}]
    for forbid, expected_calls, status in ((False, 2, TurnStatus.ok), (True, 1, TurnStatus.content_policy_blocked)):
        with scenario(rules=rules) as emu:
            chain = [entry(emu, "openai-chat", "gpt-4o"), entry(emu, "openai-chat", "gpt-4o-mini", "alt")]
            policy = LadderPolicy(no_fallback=frozenset({R.content_policy_blocked}) if forbid else frozenset())
            result = make_loop(chain, {"main": pool("main", "k1"), "alt": pool("alt", "k2")}, policy=policy).run("x")
            assert (emu.calls(), result.status) == (expected_calls, status)


def test_seed_002_model_support_falls_back_and_next_turn_skips_the_pair() -> None:
    """Seed 002: a model-support 422 falls back; the next turn never calls the suspended key+model."""
    with Emulator("model_support_422") as emu:
        chain = [entry(emu, "openai-chat", "gpt-5"), entry(emu, "openai-chat", "gpt-5-mini", "alt")]
        loop = make_loop(chain, {"main": pool("main", "sk-emu-one"), "alt": pool("alt", "sk-emu-two")})
        first, second = loop.run("a"), loop.run("b")
        assert first.ok and second.ok and second.model == "gpt-5-mini"
        assert emu.calls(model="gpt-5") == 1 and emu.calls() == 3


def test_seed_001_transient_400_retried_after_half_a_second() -> None:
    """Seed 001: "Invalid request sent to provider." is retried on the same key after about 0.5 s."""
    sleeper = Sleeper()
    with Emulator("transient_400") as emu:
        p = pool("main", "sk-emu-deepseek")
        result = make_loop([entry(emu, "openai-chat", "deepseek-chat")], {"main": p}, sleeper).run("hi")
        assert result.ok and emu.calls() == 2 and len({r.key for r in emu.log}) == 1
    assert len(sleeper.waits) == 1 and 0.4 <= sleeper.waits[0] <= 0.6
    assert p.states()[0][1].cool_until == 0.0  # the credential was not cooled


# ------------------------------------------------------------------ every ladder step, every API


@pytest.mark.parametrize("api", APIS)
def test_rotation_does_not_sleep(api: str) -> None:
    """A 429 with retry-after cools that key and retries at once on the next one, with no sleep."""
    sleeper = Sleeper()
    shape = "anthropic_rate_limit" if api == "anthropic-messages" else "openai_tpm_limit_retry_after"
    with scenario(rules=[{"respond": "error", "shape": shape, "match": {"key": "k1"}}]) as emu:
        result = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1", "k2")}, sleeper).run("hi")
        assert result.ok and emu.calls() == 2 and sleeper.waits == []


@pytest.mark.parametrize("api", APIS)
def test_retry_waits_exactly_the_hint(api: str) -> None:
    """An overloaded endpoint with a wait hint is retried on the same key after exactly that wait."""
    sleeper = Sleeper()
    rule = {"respond": "error", "status": 503, "times": 1, "headers": {"retry-after": "2"},
            "body": {"error": {"message": "The engine is currently overloaded", "type": "server_error"}}}
    with scenario(rules=[rule]) as emu:
        result = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1", "k2")}, sleeper).run("hi")
        assert result.ok and emu.calls() == 2 and len({r.key for r in emu.log}) == 1  # same key, no rotation
    assert sleeper.waits == [2.0]


@pytest.mark.parametrize("api", APIS)
def test_backoff_then_fallback_when_the_endpoint_stays_down(api: str) -> None:
    """Without hints, 5xx retries back off exponentially (jittered), then the chain falls back."""
    sleeper = Sleeper()
    with scenario(rules=[{"respond": "error", "shape": "openai_500", "match": {"model": "primary"}}]) as emu:
        chain = [entry(emu, api, "primary"), entry(emu, api, "backup", "alt")]
        policy = LadderPolicy(retries={R.server_error: 3}, circuit_failures=0)  # the backoff alone
        result = make_loop(chain, {"main": pool("main", "k1"), "alt": pool("alt", "k2")}, sleeper,
                           policy=policy).run("hi")
        assert result.ok and result.model == "backup" and emu.calls(model="primary") == 4
    assert len(sleeper.waits) == 3 and 0.8 <= sleeper.waits[0] <= 1.2 and sleeper.waits[2] > sleeper.waits[0]


@pytest.mark.parametrize("api", APIS)
def test_compression_recovers_from_overflow(api: str) -> None:
    """An overflow is answered by compressing: the system prompt, the first and the newest messages survive."""
    history = tuple(Message(role="user" if i % 2 == 0 else "assistant", text=f"old {i} " * 60) for i in range(30))
    with scenario(models={"small": {"context_window": 600}}) as emu:
        loop = make_loop([entry(emu, api, "small")], {"main": pool("main", "k1")})
        result = loop.run("the question", history=history, system="be brief")
        assert result.ok and emu.calls() == 2
    assert [a.action.split(" ")[0] for a in result.attempts] == ["compressed", "answered"]


@pytest.mark.parametrize(("api", "shape"), [
    ("anthropic-messages", "anthropic_thinking_signature"),
    ("openai-responses", "openai_invalid_encrypted_content"),
    ("openai-chat", "llamacpp_grammar"),
])
def test_repairs_fix_the_request_once(api: str, shape: str) -> None:
    """A repairable rejection is repaired (thinking, encrypted replay, tool-schema patterns) and resent once."""
    tools = ToolBox()

    @tools.tool
    def lookup(date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")) -> str:
        """Look up a date."""
        return date

    history = (Message.user("earlier"), Message(role="assistant", text="answer", thinking=(
        Thinking(text="hmm", signature="sig-old"), Thinking(encrypted="blob"))))
    with scenario(rules=[{"respond": "error", "shape": shape, "times": 1}]) as emu:
        result = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}, tools=tools).run("hi", history=history)
        assert result.ok and emu.calls() == 2
    assert result.attempts[0].action.startswith("repaired")


@pytest.mark.parametrize("api", APIS)
def test_tool_calls_run_and_feed_back(api: str) -> None:
    """The model calls a tool, the loop runs it (a raising tool becomes an error result) and the model answers."""
    tools, seen = ToolBox(), []

    @tools.tool
    def weather(city: str) -> str:
        """Weather for a city."""
        seen.append(city)
        raise RuntimeError("service down")

    rule = {"respond": "tool_call", "tool_name": "weather", "tool_arguments": {"city": "Oslo"},
            "match": {"has_tool_results": False}}
    with scenario(rules=[rule]) as emu:
        result = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}, tools=tools).run("weather?")
        assert result.ok and emu.calls() == 2 and seen == ["Oslo"]
    tool_message = result.messages[1]
    assert tool_message.role == "tool" and tool_message.tool_results[0].is_error
    assert "service down" in tool_message.tool_results[0].content


def test_a_failing_tools_error_never_carries_a_key_into_the_result_or_upstream() -> None:
    """A tool's exception text (requests' "401 ... for url: ...?api_key=...", a client echoing our own key) became
    the tool result as it was: in result.messages and history, and sent to the provider with the next request.
    It is redacted like any message that leaves the process (the pool's keys, key shapes, URL secrets)."""
    tools = ToolBox()
    key = "c0ffee1234abcd5678ef9012ba3456dc"

    @tools.tool
    def weather(city: str) -> str:
        """Weather for a city."""
        raise RuntimeError(f"401 Client Error: Unauthorized for url: https://wx.example/v1?api_key=Wx9Kp3Lm7Qz2Rt5V "
                           f"(with our key {key})")

    rule = {"respond": "tool_call", "tool_name": "weather", "tool_arguments": {"city": "Oslo"},
            "match": {"has_tool_results": False}}
    with scenario(rules=[rule]) as emu:
        result = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", key)}, tools=tools).run("weather?")
    assert result.ok
    content = result.messages[1].tool_results[0].content
    assert content.startswith("error: RuntimeError: 401 Client Error") and "[REDACTED]" in content
    dumped = result.model_dump_json()
    assert "Wx9Kp3Lm7Qz2Rt5V" not in dumped and key not in dumped, content


# ------------------------------------------------------------------ budgets, truth, async, events


def test_attempt_budget_holds_across_rotations_and_fallbacks() -> None:
    """max_attempts caps upstream calls however many keys and models remain."""
    with scenario(rules=[{"respond": "error", "shape": "openai_500"}]) as emu:
        chain = [entry(emu, "openai-chat", "a"), entry(emu, "openai-chat", "b", "alt")]
        pools = {"main": pool("main", "k1", "k2"), "alt": pool("alt", "k3")}
        result = make_loop(chain, pools, policy=LadderPolicy(max_attempts=3, retries={R.server_error: 5})).run("hi")
        assert emu.calls() == 3 and len([a for a in result.attempts if a.credential_id]) == 3
        assert emu.calls(model="b") == 1  # the last attempt was kept for the fallback
    assert result.status is TurnStatus.provider_unavailable and "max_attempts" in result.final_response


def test_deadline_is_enforced() -> None:
    """When waiting would pass the deadline the loop stops waiting and reports honestly."""
    sleeper = Sleeper()
    rule = {"respond": "error", "status": 503, "headers": {"retry-after": "20"},
            "body": {"error": {"message": "busy", "type": "server_error"}}}
    with scenario(rules=[rule]) as emu:
        policy = LadderPolicy(deadline_seconds=30, max_wait_seconds=25)
        result = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1")}, sleeper,
                           policy=policy).run("hi")
    assert sleeper.waits == [20.0] and result.status is TurnStatus.provider_unavailable and emu.calls() == 2


def test_all_keys_exhausted_names_the_reset_time() -> None:
    """With every key out of quota the turn ends with quota_exhausted and when to try again."""
    with Emulator("all_keys_exhausted") as emu:
        result = make_loop([entry(emu, "openai-chat", "gpt-4o")], {"main": pool("main", "sk-emu-one", "sk-emu-two")}
                           ).run("hi")
        assert emu.calls() == 2
    assert result.status is TurnStatus.quota_exhausted and result.retry_at is not None
    assert "out of quota" in result.final_response and result.exit_code == 11


def test_arun_shares_the_decisions(healthy: Emulator) -> None:
    """arun walks the same ladder with the async clients."""
    with Emulator("anthropic_out_of_extra_usage") as emu:
        p = pool("anthropic", "sk-ant-emu-one", "sk-ant-emu-two")
        loop = make_loop([entry(emu, "anthropic-messages", "claude-haiku-4-5", "anthropic")], {"anthropic": p})
        result = asyncio.run(loop.arun("hello"))
        assert result.ok and emu.calls() == 2


def test_events_reach_hooks_and_a_broken_hook_is_harmless() -> None:
    """Hooks receive frozen events (retry, fallback); a hook that raises does not break the turn."""
    got: list[Event] = []

    def broken(_: Event) -> None:
        raise RuntimeError("hook bug")

    rule = {"respond": "error", "shape": "openai_500", "match": {"model": "a"}}
    with scenario(rules=[rule]) as emu:
        chain = [entry(emu, "openai-chat", "a"), entry(emu, "openai-chat", "b", "alt")]
        result = make_loop(chain, {"main": pool("main", "k1"), "alt": pool("alt", "k2")},
                           hooks=[got.append, broken]).run("hi")
    assert result.ok
    assert any(isinstance(e, RetryScheduled) for e in got) and any(isinstance(e, FallbackActivated) for e in got)


def test_secrets_never_reach_results_or_events() -> None:
    """Keys appear nowhere in the TurnResult JSON or in any event."""
    got: list[Event] = []
    with Emulator("all_keys_exhausted") as emu:
        result = make_loop([entry(emu, "openai-chat", "gpt-4o")], {"main": pool("main", "sk-emu-one", "sk-emu-two")},
                           hooks=[got.append]).run("hi")
    dumped = result.model_dump_json() + json.dumps(result.last_status()) + repr(got)
    assert "sk-emu-one" not in dumped and "sk-emu-two" not in dumped


def test_configuration_errors_name_the_fix() -> None:
    """A chain with no entries, or naming a missing pool, is refused at construction."""
    with pytest.raises(ValueError, match="chain is empty"):
        ConversationLoop([], {})
    with pytest.raises(ValueError, match=r"\['nope'\]"):
        ConversationLoop([ChainEntry(api="openai-chat", model="m", pool="nope")], {})


# ------------------------------------------------------------------ bounded everything (property)


_FAULTS = ["openai_500", "anthropic_overloaded", "anthropic_rate_limit", "deepseek_transient_400",
           "anthropic_out_of_extra_usage", "anthropic_prompt_too_long", "anthropic_model_not_on_plan"]
_fault = st.one_of(
    st.sampled_from(_FAULTS).map(lambda s: {"respond": "error", "shape": s}),
    st.just({"respond": "drop"}),
    st.just({"respond": "hang", "delay": 2.0}),
    st.just({"respond": "soft", "soft": "empty"}),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=st.lists(st.tuples(st.integers(1, 12), _fault), max_size=12), max_attempts=st.integers(1, 8))
def test_random_fault_scripts_stay_within_budgets(script: list[tuple[int, dict[str, Any]]], max_attempts: int) -> None:
    """Whatever fails and when: calls never exceed max_attempts, time never exceeds deadline + one timeout."""
    rules = [{**fault, "match": {"calls": [n]}} for n, fault in script]
    sleeper = Sleeper()
    deadline, timeout = 3.0, 0.5
    with scenario(rules=rules) as emu:
        base_a, base_o = emu.base_url("anthropic"), emu.base_url("openai")
        chain = [ChainEntry(api="anthropic-messages", model="a", pool="main", base_url=base_a, timeout=timeout),
                 ChainEntry(api="openai-chat", model="b", pool="alt", base_url=base_o, timeout=timeout)]
        policy = LadderPolicy(max_attempts=max_attempts, deadline_seconds=deadline, max_wait_seconds=2.0)
        result = make_loop(chain, {"main": pool("main", "k1", "k2"), "alt": pool("alt", "k3")}, sleeper,
                           policy=policy).run("hi")
        calls = emu.calls()
    assert calls <= max_attempts
    assert result.elapsed <= deadline + timeout + 0.25
    assert result.final_response and result.status.value in {s.value for s in TurnStatus}


def test_overflow_falls_back_to_a_larger_window() -> None:
    """When compression cannot help, an overflow skips fallbacks that are no larger and takes a larger window."""
    with scenario(models={"tiny": {"context_window": 50}, "also-tiny": {"context_window": 50}}) as emu:
        chain = [entry(emu, "openai-chat", "tiny", context_window=50),
                 entry(emu, "openai-chat", "also-tiny", "alt", context_window=50),
                 entry(emu, "openai-chat", "large", "alt", context_window=200_000)]
        loop = make_loop(chain, {"main": pool("main", "k1"), "alt": pool("alt", "k2")},
                         policy=LadderPolicy(max_compressions=0))
        result = loop.run("x " * 400)
        assert result.ok and result.model == "large" and emu.calls(model="also-tiny") == 0


def test_summarising_compressor_through_the_loop() -> None:
    """An overflow is recovered with a model-written summary from a second (cheaper) loop; key messages survive."""
    from agent.compress import Summarize, model_summarizer

    history = tuple(Message(role="user" if i % 2 == 0 else "assistant", text=f"fact {i} " * 60) for i in range(30))
    with scenario(models={"small": {"context_window": 600}}) as emu:
        summarizer = make_loop([entry(emu, "openai-chat", "cheap")], {"main": pool("main", "k1")},
                               policy=LadderPolicy(max_attempts=2))
        captured: list[tuple[Message, ...]] = []
        compressor = Summarize(model_summarizer(summarizer))
        original = compressor.compress

        def spy(messages: tuple[Message, ...], failure: Any) -> Any:
            out = original(messages, failure)
            captured.append(out[0] if out else ())
            return out

        compressor.compress = spy  # type: ignore[method-assign]
        loop = make_loop([entry(emu, "openai-chat", "small")], {"main": pool("main", "k1")}, compressor=compressor)
        result = loop.run("the newest question", history=history, system="be brief")
        assert result.ok and emu.calls(model="cheap") == 1 and emu.calls(model="small") == 2
    kept = captured[0]
    assert kept[0].role == "system" and kept[1].text.startswith("fact 0") and kept[-1].text == "the newest question"
    assert "summary of" in next(m for m in kept if m.note == "compressed").text


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("body", ["<html>oops</html>", {}, {"choices": "nope", "content": 7, "output": None}, []])
def test_garbage_200_never_crashes_a_turn(api: str, body: Any) -> None:
    """A 200 answer that is not the API's shape is classified and recovered from (or reported), never raised."""
    rule = {"respond": "error", "status": 200, "body": body, "times": 1}
    with scenario(rules=[rule]) as emu:
        result = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}).run("hi")
        assert emu.calls() >= 1
    assert result.final_response and (result.ok or result.status is not TurnStatus.ok)


# ------------------------------------------------------------------ busy keys and truthful final status


def test_busy_keys_are_one_wait_one_note_and_no_call(tmp_path: Any) -> None:
    """Every key held by another process: the turn waits (no busy-spin), one note, zero upstream calls."""
    import time

    from agent.stores import SQLiteStore

    creds = [Credential(id="only", secret=SecretStr("sk-busy-key-0001"), max_concurrency=1)]
    held = CredentialPool("main", creds, store=SQLiteStore(tmp_path / "state.db")).acquire("gpt-4o")  # "process B"
    with Emulator("healthy") as emu:
        loop = ConversationLoop([entry(emu, "openai-chat", "gpt-4o")],
                                {"main": CredentialPool("main", creds, store=SQLiteStore(tmp_path / "state.db"))},
                                policy=LadderPolicy(deadline_seconds=0.6), hooks=())
        started = time.monotonic()
        result = loop.run("hi")
        elapsed, calls = time.monotonic() - started, emu.calls()
    held.release()
    assert calls == 0 and result.attempts == () and len(result.notes) == 1
    assert result.notes[0].reason == "busy" and 0.4 <= result.notes[0].wait <= 0.7
    assert result.status is TurnStatus.deadline_exceeded and elapsed < 0.6 + 0.5
    assert "busy" in result.final_response and "rate limit" not in result.final_response.lower()


def test_a_key_freed_during_the_wait_answers_at_once(tmp_path: Any) -> None:
    """The held lease is released during the wait: the turn answers with one call and one note."""
    from agent.stores import SQLiteStore

    creds = [Credential(id="only", secret=SecretStr("sk-busy-key-0002"), max_concurrency=1)]
    held = CredentialPool("main", creds, store=SQLiteStore(tmp_path / "state.db")).acquire("gpt-4o")
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # the other process's call ends while we wait
        waits.append(seconds)
        held.release()

    with Emulator("healthy") as emu:
        loop = ConversationLoop([entry(emu, "openai-chat", "gpt-4o")],
                                {"main": CredentialPool("main", creds, store=SQLiteStore(tmp_path / "state.db"))},
                                sleep=sleep, hooks=())
        result = loop.run("hi")
        assert result.ok and emu.calls() == 1
    assert waits == [0.25] and len(result.notes) == 1 and len(result.attempts) == 1


@pytest.mark.parametrize("api", APIS)
def test_every_key_answering_plain_401_ends_auth_failed(api: str) -> None:
    """Every key refused with a plain 401: this turn and the next (which finds them cooling) end auth_failed."""
    with scenario(keys=[{"key": "sk-the-only-valid-key", "label": "valid"}]) as emu:
        p = pool("main", "sk-wrong-key-00000001", "sk-wrong-key-00000002")
        loop = make_loop([entry(emu, api, "m")], {"main": p})
        first, second = loop.run("hi"), loop.run("hi again")
        assert emu.calls() == 2  # the second turn calls no key that just failed authentication
    for result in (first, second):
        assert result.status is TurnStatus.auth_failed and result.exit_code == 13
        assert "rate limit" not in result.final_response.lower()


@pytest.mark.parametrize("api", APIS)
def test_a_prompt_that_cannot_be_encoded_is_a_local_error_before_any_call(api: str, healthy: Emulator) -> None:
    """A lone surrogate (bytes decoded wrongly) is invalid_request with zero calls, never quoted as the provider."""
    result = make_loop([entry(healthy, api, "m")], {"main": pool("main", "sk-good-key-0001")}).run(
        "caf\udce9 au lait")
    assert healthy.calls() == 0 and result.attempts == () and result.status is TurnStatus.invalid_request
    assert result.final_response.startswith("steadyloop did not send the request: message 0 (user)")
    assert "U+DCE9" in result.final_response and "provider said" not in result.final_response


def test_a_non_ascii_key_is_refused_when_the_credential_is_built() -> None:
    """A key that cannot travel in an HTTP header is refused at construction, naming the position, not the key."""
    with pytest.raises(ValueError, match=r"position 4 \(U\+00E9\)") as err:
        Credential(id="k", secret=SecretStr("sk-\u00e9abcdef123"))
    assert "abcdef123" not in str(err.value)


@pytest.mark.parametrize("per_tool", [True, False])
def test_a_hung_tool_is_bounded_and_the_model_hears_why(per_tool: bool) -> None:
    """A hanging tool: with its own timeout the model gets a "timed out" result and answers; without one the
    deadline bounds it and the turn still ends within the deadline."""
    import threading
    import time

    tools, release = ToolBox(), threading.Event()

    @tools.tool(timeout=0.3 if per_tool else None)
    def lookup() -> str:
        """Hangs."""
        release.wait(30)
        return "late"

    rule = {"respond": "tool_call", "tool_name": "lookup", "match": {"has_tool_results": False}}
    with Emulator("healthy") as warm:  # the SDK's first import is CPU time, not a wait: keep it out of the timing
        assert make_loop([entry(warm, "openai-chat", "m")], {"main": pool("main", "sk-tool-key-1")}).run("hi").ok
    try:
        with scenario(rules=[rule]) as emu:
            loop = ConversationLoop([entry(emu, "openai-chat", "m")], {"main": pool("main", "sk-tool-key-1")},
                                    tools=tools, policy=LadderPolicy(deadline_seconds=1.5), hooks=())
            started = time.monotonic()
            result = loop.run("look it up")
            elapsed = time.monotonic() - started
    finally:
        release.set()
    assert elapsed < 1.5 + 0.5
    tool_result = result.messages[1].tool_results[0]
    assert tool_result.is_error and "timed out" in tool_result.content
    assert result.ok if per_tool else result.status is TurnStatus.deadline_exceeded


def test_an_async_tool_that_swallows_cancellation_does_not_hold_the_turn_past_its_deadline() -> None:
    """``arun`` with an async tool that catches CancelledError and runs on: the turn ends at its deadline
    (deadline_exceeded), the tool abandoned, instead of waiting for the tool to stop."""
    tools, release = ToolBox(), asyncio.Event()
    ended_first: list[bool] = []

    @tools.tool
    async def lookup() -> str:
        """Ignores cancellation until released."""
        while not release.is_set():
            with contextlib.suppress(asyncio.CancelledError):
                await release.wait()
        return "late"

    async def turn(loop: ConversationLoop) -> TurnResult:
        asyncio.get_running_loop().call_later(30, release.set)  # a failing run ends too, instead of hanging
        result = await loop.arun("look it up")
        ended_first.append(not release.is_set())
        release.set()
        await asyncio.sleep(0)  # the abandoned tool sees the release and ends before the event loop closes
        return result

    rule = {"respond": "tool_call", "tool_name": "lookup", "match": {"has_tool_results": False}}
    with scenario(rules=[rule]) as emu:
        loop = ConversationLoop([entry(emu, "openai-chat", "m")], {"main": pool("main", "sk-tool-key-1")},
                                tools=tools, policy=LadderPolicy(deadline_seconds=1.0), hooks=())
        result = asyncio.run(turn(loop))
    assert ended_first == [True]
    assert result.status is TurnStatus.deadline_exceeded
    assert "timed out" in result.messages[1].tool_results[0].content


class EarlySleeper(Sleeper):
    """A sleep that wakes ``early`` seconds before its time on the pool's wall clock, as an event loop's timers may
    (uvloop's run on a millisecond clock read once per loop iteration: a 1 s wait under ``steadyloop serve`` was seen
    to end 0.3 ms before the key's return, and the turn gave up on a key that was back 0.3 ms later)."""

    def __init__(self, early: float) -> None:
        super().__init__()
        self.early, self.wall = early, 1_800_000_000.0

    def __call__(self, seconds: float) -> None:
        super().__call__(seconds)
        self.wall += seconds - self.early if seconds > 0.1 else seconds  # a millisecond's sleep ends in time

    def pool_clock(self) -> float:
        return self.wall


@pytest.mark.parametrize("early", [0.0, 0.0003, 0.002])
def test_a_wait_that_ends_a_hair_before_the_keys_return_is_not_another_retry(early: float) -> None:
    """One key, OpenAI's 429 with Retry-After 1 s: the turn waits for the key (its one rate-limit retry). When that
    sleep ends a hair early on the pool's clock, the key is still cooling for the rest: the turn sleeps the rest as
    the same wait and gets its answer, instead of giving up on a key that is back a fraction of a millisecond later
    (before: a failed turn naming the cooling key, test_serve_stored's flake)."""
    limited = {"respond": "error", "shape": "openai_rpm_limit", "headers": {"retry-after": "1"},
               "match": {"calls": [1]}}
    sleeper = EarlySleeper(early)
    with scenario(rules=[limited]) as emu:
        one = CredentialPool("main", [Credential(id="k1", secret=SecretStr("sk-one"))], store=MemoryStore(),
                             clock=sleeper.pool_clock)
        result = make_loop([entry(emu, "openai-chat", "m")], {"main": one}, sleeper).run("hi")
        calls = emu.calls()
    assert result.ok and calls == 2
    assert sleeper.waits[0] == pytest.approx(1.0, abs=0.01)
    assert sleeper.waits[1:] == ([] if early == 0 else [pytest.approx(early, abs=1e-6)])


def test_a_pool_clock_that_never_moves_cannot_hold_a_turn_in_rest_waits() -> None:
    """The rest of a wait is slept at most three times: a pool whose clock stands still (a frozen or broken clock)
    ends the turn with the cooling key named, after the planned wait and three short ones, with no further call."""
    limited = {"respond": "error", "shape": "openai_rpm_limit", "headers": {"retry-after": "1"},
               "match": {"calls": [1]}}
    sleeper = Sleeper()
    with scenario(rules=[limited]) as emu:
        frozen = CredentialPool("main", [Credential(id="k1", secret=SecretStr("sk-one"))], store=MemoryStore(),
                                clock=lambda: 1_800_000_000.0)
        result = make_loop([entry(emu, "openai-chat", "m")], {"main": frozen}, sleeper).run("hi")
        calls = emu.calls()
    assert result.status is TurnStatus.rate_limited and calls == 1
    assert len(sleeper.waits) == 4 and "k1" in result.final_response
