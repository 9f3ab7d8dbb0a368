"""Recovery under pressure (issue 10), end to end: real SDKs over HTTP against the emulator.

One budget that rotation, timeouts and fallback all respect, and results that say only what happened.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from agent import FailoverReason, Scope
from agent.conversation import Message
from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.events import Event, StreamRestarted, TextDelta
from agent.ladder import LadderPolicy
from agent.results import TurnResult, TurnStatus
from agent.stores import MemoryStore, SQLiteStore
from agent.testing.emulator import Emulator, Scenario
from tests.test_conversation_loop import Sleeper, make_loop

R = FailoverReason
APIS = ["openai-chat", "openai-responses", "anthropic-messages"]
FULL = "Hello from the steadyloop emulator."


def scenario(*rules: dict[str, Any]) -> Emulator:
    return Emulator(Scenario.model_validate({"rules": list(rules)}))


def chain(emu: Emulator, api: str = "openai-chat", **kw: Any) -> list[ChainEntry]:
    """A primary ("primary", pool main) and one fallback ("backup", pool alt), as a new user configures them."""
    base = emu.base_url("anthropic" if api == "anthropic-messages" else "openai")
    return [ChainEntry(api=api, model="primary", pool="main", base_url=base, **kw),  # type: ignore[arg-type]
            ChainEntry(api=api, model="backup", pool="alt", base_url=base, **kw)]  # type: ignore[arg-type]


def pools(*main_keys: str, sleeper: Sleeper | None = None) -> dict[str, CredentialPool]:
    """The primary's pool (keys k1...) and the fallback's; on ``sleeper``'s virtual time when given."""
    def key_pool(name: str, *keys: str) -> CredentialPool:
        creds = [Credential(id=f"{name}-{i + 1}", secret=SecretStr(k)) for i, k in enumerate(keys)]
        clock = (lambda: time.time() + sleeper.offset) if sleeper else time.time
        return CredentialPool(name, creds, store=MemoryStore(), clock=clock)
    return {"main": key_pool("main", *(main_keys or ("k1",))), "alt": key_pool("alt", "k9")}


def collect(loop: ConversationLoop) -> tuple[str, list[Event | TextDelta], TurnResult]:
    items = list(loop.stream("hi"))
    result = items[-1]
    assert isinstance(result, TurnResult)
    events = [e for e in items[:-1] if not isinstance(e, TurnResult)]
    return "".join(e.text for e in events if isinstance(e, TextDelta)), events, result


# ------------------------------------------------------------------ 1. rate limits inside the budget


@pytest.mark.parametrize("keys", [("k1",), ("k1", "k2")])
def test_persistent_429_rotates_once_per_key_then_falls_back(keys: Sequence[str]) -> None:
    """Every key of the primary tried once, one counted retry, then the fallback answers (never 12 calls)."""
    sleeper = Sleeper()
    with scenario({"respond": "error", "shape": "mistral_429", "match": {"model": "primary"}}) as emu:
        result = make_loop(chain(emu), pools(*keys, sleeper=sleeper), sleeper).run("hi")
        primary = emu.calls(model="primary")
    assert result.ok and result.model == "backup"
    assert primary <= len(keys) + 1  # each key once, plus at most the one rate_limit retry
    assert len(result.attempts) == primary + 1


def test_429_with_retry_after_waits_the_hint_on_a_single_key() -> None:
    """One key, a short Retry-After: the retry is planned (the hint fits) and the primary answers."""
    sleeper = Sleeper()
    rule = {"respond": "error", "shape": "mistral_429", "headers": {"retry-after": "2"}, "times": 1}
    with scenario(rule) as emu:
        result = make_loop(chain(emu), pools(sleeper=sleeper), sleeper).run("hi")
        assert emu.calls() == 2
    assert result.ok and result.model == "primary" and sleeper.waits == [2.0]
    assert [a.action for a in result.attempts] == ["retried", "answered"]


# ------------------------------------------------------------------ 2. the deadline keeps the fallback's share


def test_retry_that_would_eat_the_reserve_falls_back_now() -> None:
    """A 5xx whose hinted wait leaves no room for the fallback's reserve falls back at once, without sleeping."""
    sleeper = Sleeper()
    rule = {"respond": "error", "shape": "openai_500", "headers": {"retry-after": "8"}, "match": {"model": "primary"}}
    with scenario(rule) as emu:
        policy = LadderPolicy(deadline_seconds=10, fallback_reserve_seconds=3)
        result = make_loop(chain(emu), pools(sleeper=sleeper), sleeper, policy=policy).run("hi")
        assert (emu.calls(model="primary"), emu.calls(model="backup")) == (1, 1)
    assert result.ok and sleeper.waits == []


def test_a_slow_primary_cannot_eat_the_fallbacks_reserve() -> None:
    """The primary's call is cut to leave the reserve: it times out early and the fallback answers in time."""
    rule = {"respond": "hang", "delay": 5.0, "match": {"model": "primary"}}
    with scenario(rule) as emu:
        policy = LadderPolicy(deadline_seconds=2.0, fallback_reserve_seconds=10)  # reserve: 0.5 s
        result = make_loop(chain(emu, first_token_timeout=30), pools(), policy=policy).run("hi")
        assert (emu.calls(model="primary"), emu.calls(model="backup")) == (1, 1)
    assert result.ok and result.model == "backup" and result.elapsed < 2.0
    # cut at 2.0 - 0.5 s of reserve; the lower bound leaves room for client set-up on a loaded machine
    assert result.attempts[0].outcome == "timeout" and 0.5 <= result.attempts[0].duration <= 1.6


# ------------------------------------------------------------------ 3. per-phase timeouts, falling back


@pytest.mark.parametrize("api", APIS)
def test_first_byte_too_late_falls_back_after_one_first_token_timeout(api: str) -> None:
    """An answer whose first byte comes after first_token_timeout costs one timeout, then the fallback answers."""
    rule = {"respond": "reply", "delay": 3.0, "match": {"model": "primary"}}
    with scenario(rule) as emu:
        # only the primary gets the tight limit: at a load of 13 the backup's own answer once took over 0.3 s to
        # start and cost it a second call
        primary, backup = chain(emu, api)
        entries = [primary.model_copy(update={"first_token_timeout": 0.3}), backup]
        result = make_loop(entries, pools()).run("hi")
        assert (emu.calls(model="primary"), emu.calls(model="backup")) == (1, 1)
    assert result.ok and result.model == "backup" and result.attempts[0].outcome == "timeout"
    assert 0.25 <= result.attempts[0].duration < 1.5
    assert "provider said" not in result.attempts[0].message


@pytest.mark.parametrize("api", APIS)
def test_stall_mid_stream_costs_one_idle_timeout_and_restarts_on_the_fallback(api: str) -> None:
    """A stream that goes silent with the connection open trips idle_timeout, not the first-token one."""
    rule = {"respond": "stream_stall", "after_chunks": 2, "stall": 5.0, "match": {"model": "primary"}}
    with scenario(rule) as emu:
        # 0.8 s, not less: a loaded machine's pause before the first delta must not read as the stall
        loop = make_loop(chain(emu, api, first_token_timeout=5, idle_timeout=0.8), pools())
        _text, events, result = collect(loop)
        assert (emu.calls(model="primary"), emu.calls(model="backup")) == (1, 1)
    marker = next(i for i, e in enumerate(events) if isinstance(e, StreamRestarted))
    assert "".join(e.text for e in events[marker:] if isinstance(e, TextDelta)) == FULL
    assert result.ok and result.model == "backup" and not result.partial
    assert result.attempts[0].outcome == "timeout" and result.attempts[0].duration < 2.0


def test_connection_refused_falls_back_and_is_never_quoted_as_the_provider() -> None:
    """An endpoint that refuses connections is a client-side failure: fall back; no "the provider said"."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    with Emulator("healthy") as emu:
        entries = [ChainEntry(api="openai-chat", model="primary", pool="main", base_url=dead),
                   *chain(emu)[1:]]
        result = make_loop(entries, pools()).run("hi")
        alone = make_loop(entries[:1], pools()).run("hi")
    assert result.ok and result.model == "backup" and len(result.attempts) == 2
    assert not alone.ok and "provider said" not in alone.final_response and len(alone.attempts) == 2


class _UntrustedTLS:
    """A real TLS server on 127.0.0.1 with a self-signed certificate (tests/certs); counts handshakes tried."""

    def __init__(self) -> None:
        certs = Path(__file__).parent / "certs"
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(certs / "selfsigned.crt", certs / "selfsigned.key")
        self.server = socket.create_server(("127.0.0.1", 0))
        self.handshakes = 0
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.server.getsockname()[1]}/v1"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.handshakes += 1
            with conn, contextlib.suppress(ssl.SSLError, OSError):  # the client refuses the certificate
                self.context.wrap_socket(conn, server_side=True).close()

    def close(self) -> None:
        self.server.close()


def test_untrusted_tls_certificate_is_never_retried_and_falls_back() -> None:
    """A certificate the client cannot verify (an intercepting proxy) is one call, then the fallback; alone, the
    turn stops at once with advice on the trust store, never quoted as the provider's words."""
    tls = _UntrustedTLS()
    try:
        with Emulator("healthy") as emu:
            entries = [ChainEntry(api="openai-chat", model="primary", pool="main", base_url=tls.url), *chain(emu)[1:]]
            result = make_loop(entries, pools()).run("hi")
            first = tls.handshakes
            alone = make_loop(entries[:1], pools()).run("hi")
    finally:
        tls.close()
    assert result.ok and result.model == "backup" and first == 1
    assert [a.outcome for a in result.attempts] == ["tls_untrusted", "ok"]
    assert not alone.ok and len(alone.attempts) == 1 and tls.handshakes == 2
    assert alone.status is TurnStatus.error and "SSL_CERT_FILE" in alone.final_response
    assert "provider said" not in alone.final_response


def test_unreachable_host_costs_one_connect_timeout_then_the_fallback_answers() -> None:
    """A host that never completes the TCP handshake (a full accept queue) trips connect_timeout, not the 30 s
    first-token one, and the turn falls back."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        queued = [socket.socket() for _ in range(4)]  # fill the accept queue: later SYNs are dropped
        for s in queued:
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", port))
        try:
            with Emulator("healthy") as emu:
                entries = [ChainEntry(api="openai-chat", model="primary", pool="main",
                                      base_url=f"http://127.0.0.1:{port}/v1", connect_timeout=0.3),
                           *chain(emu)[1:]]
                result = make_loop(entries, pools()).run("hi")
        finally:
            for s in queued:
                s.close()
    assert result.ok and result.model == "backup" and result.attempts[0].outcome == "timeout"
    assert result.attempts[0].duration < 2.0  # one connect timeout, far below first_token_timeout (30 s)


@pytest.mark.parametrize("api", APIS)
def test_streamed_answer_whose_first_byte_is_late_falls_back(api: str) -> None:
    """Streams too: no first byte within first_token_timeout is a timeout, and the fallback streams the answer."""
    rule = {"respond": "reply", "delay": 3.0, "match": {"model": "primary"}}
    with scenario(rule) as emu:
        text, _events, result = collect(make_loop(chain(emu, api, first_token_timeout=0.3), pools()))
    assert result.ok and result.model == "backup" and text == FULL and result.attempts[0].outcome == "timeout"


def test_retry_counts_per_reason_come_from_the_one_ladder_table() -> None:
    """retries = {server_error = 2} in the policy gives a 5xx exactly two retries before the fallback."""
    sleeper = Sleeper()
    with scenario({"respond": "error", "shape": "openai_500", "match": {"model": "primary"}}) as emu:
        policy = LadderPolicy.model_validate({"retries": {"server_error": 2}})
        result = make_loop(chain(emu), pools(sleeper=sleeper), sleeper, policy=policy).run("hi")
        assert emu.calls(model="primary") == 3
    assert result.ok and len(sleeper.waits) == 2
    assert LadderPolicy().retries[R.timeout] == 0 and LadderPolicy().retries[R.overloaded] == 3


def test_unknown_reason_in_retries_names_the_field() -> None:
    """A typo in retries is refused at construction, naming the field."""
    with pytest.raises(ValueError, match="retries"):
        LadderPolicy.model_validate({"retries": {"server_eror": 1}})


# ------------------------------------------------------------------ 4. streams rescued by default


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(("fault", "outcome"), [
    ({"respond": "stream_cut", "after_chunks": 2}, "stream_incomplete"),
    ({"respond": "stream_malformed", "after_chunks": 2}, "malformed_response"),
    ({"respond": "drop", "after_chunks": 2}, "stream_incomplete"),
])
def test_stream_failing_after_text_restarts_on_the_fallback_by_default(api: str, fault: dict[str, Any],
                                                                        outcome: str) -> None:
    """Cut, malformed or dropped after text was shown: StreamRestarted, then the fallback's whole answer."""
    with scenario({**fault, "match": {"model": "primary"}}) as emu:
        _text, events, result = collect(make_loop(chain(emu, api), pools()))
        assert (emu.calls(model="primary"), emu.calls(model="backup")) == (1, 1)
    marker = next(i for i, e in enumerate(events) if isinstance(e, StreamRestarted))
    assert "".join(e.text for e in events[marker:] if isinstance(e, TextDelta)) == FULL
    assert result.ok and not result.partial and result.attempts[0].outcome == outcome


@pytest.mark.parametrize("api", APIS)
def test_the_same_cut_opening_is_never_shown_three_times(api: str) -> None:
    """A lone target that keeps cutting its stream: one restart, then an honest partial stop."""
    with scenario({"respond": "stream_cut", "after_chunks": 2}) as emu:
        text, events, result = collect(make_loop(chain(emu, api)[:1], pools()))
        assert emu.calls() == 2
    assert text.count("Hello from the steadyloop ") == 2 and sum(isinstance(e, StreamRestarted) for e in events) == 1
    assert result.partial and "cut off" in result.final_response and result.failure_reason is R.stream_incomplete


# ------------------------------------------------------------------ 8. results say only what happened


def test_attempts_are_upstream_calls_and_empty_pool_steps_are_notes() -> None:
    """A cooled primary pool: the fallback answers; attempts hold the one call, the fallback is a note."""
    with scenario({"respond": "error", "shape": "mistral_429", "headers": {"retry-after": "600"},
                   "match": {"model": "primary"}, "times": 1}) as emu:
        loop = make_loop(chain(emu), pools())
        first = loop.run("hi")
        second = loop.run("hi")
        assert emu.calls() == 3
    assert first.ok and len(first.attempts) == 2
    assert second.ok and len(second.attempts) == 1 and second.attempts[0].model == "backup"
    assert [(n.model, n.reason) for n in second.notes] == [("primary", "no_credential")]
    assert second.last_status()["attempts"] == 1


def test_retried_within_its_budget_only_when_it_retried() -> None:
    """A 5xx on a lone target with no retry allowed finishes without claiming retries; with a retry, it says so."""
    for retries, claim in ((0, False), (1, True)):
        sleeper = Sleeper()
        with scenario({"respond": "error", "shape": "openai_500"}) as emu:
            policy = LadderPolicy(max_retries=retries)
            result = make_loop(chain(emu)[:1], pools(sleeper=sleeper), sleeper, policy=policy).run("hi")
        assert result.status is TurnStatus.provider_unavailable
        assert ("retried within its budget" in result.final_response) is claim


def test_transient_400_out_of_retries_is_provider_trouble() -> None:
    """Seed 001 that never clears: the turn ends as provider_unavailable, not as a request defect."""
    with scenario({"respond": "error", "shape": "deepseek_transient_400"}) as emu:
        result = make_loop(chain(emu)[:1], pools(), Sleeper()).run("hi")
    assert result.status is TurnStatus.provider_unavailable and result.failure_reason is R.transient


# ------------------------------------------------------------------ the budget properties


_FAULTS = ["openai_500", "anthropic_overloaded", "anthropic_rate_limit", "deepseek_transient_400"]
_fault = st.one_of(
    st.sampled_from(_FAULTS).map(lambda s: {"respond": "error", "shape": s}),
    st.just({"respond": "drop"}),
    st.just({"respond": "hang", "delay": 2.0}),
    st.just({"respond": "reply", "delay": 2.0}),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=st.lists(st.tuples(st.integers(1, 8), _fault), max_size=8), max_attempts=st.integers(2, 8))
# found by hypothesis: a transient 400 once spent the last attempt on the primary, never trying the fallback
@example(script=[(1, {"respond": "error", "shape": "deepseek_transient_400"}), (2, {"respond": "drop"})],
         max_attempts=2)
@example(script=[(1, {"respond": "error", "shape": "openai_500"}),
                 (2, {"respond": "error", "shape": "deepseek_transient_400"}),
                 (8, {"respond": "error", "shape": "openai_500"})], max_attempts=3)
def test_when_the_deadline_allows_a_fallback_call_the_fallback_is_tried(
        script: list[tuple[int, dict[str, Any]]], max_attempts: int) -> None:
    """Whatever the primary does: within max_attempts and the deadline, and if it never answers, the fallback
    (which always answers at once) is tried and answers."""
    rules = [{**fault, "match": {"calls": [n], "model": "primary"}} for n, fault in script]
    deadline = 2.0
    with Emulator(Scenario.model_validate({"rules": rules})) as emu:
        loop = make_loop(chain(emu, "anthropic-messages", first_token_timeout=0.3), pools("k1", "k2"), Sleeper(),
                         policy=LadderPolicy(max_attempts=max_attempts, deadline_seconds=deadline))
        result = loop.run("hi")
        calls, backup = emu.calls(), emu.calls(model="backup")
    assert calls <= max_attempts and result.elapsed <= deadline + 0.25
    assert result.ok and (result.model == "primary" or backup == 1)


# ------------------------------------------------------------------ 4. a prefill refused by the fallback


def test_fallback_refusing_prefill_is_repaired_and_never_masks_the_original_error() -> None:
    """The fallback's prefill 400 is repaired once; when it keeps refusing, the primary's own failure is reported."""
    refuse = {"respond": "error", "status": 400, "match": {"model": "backup", "last_role": "assistant"},
              "body": {"type": "error", "error": {"type": "invalid_request_error", "message": (
                  "This model does not support assistant message prefill. The conversation must end with a "
                  "user message.")}}}
    down = {"respond": "error", "shape": "groq_503", "match": {"model": "primary"}}
    prefilled = (Message.user("Name a colour."),)
    with scenario(down, refuse) as emu:
        result = make_loop(chain(emu, "anthropic-messages"), pools(sleeper=Sleeper()), Sleeper()).run(
            Message(role="assistant", text="The colour is"), history=prefilled)
    assert result.ok and result.model == "backup"
    assert [a.outcome for a in result.attempts][-2:] == ["prefill_unsupported", "ok"]
    always = {"respond": "error", "shape": "anthropic_invalid_request_generic", "match": {"model": "backup"}}
    with scenario(down, always) as emu:
        failed = make_loop(chain(emu, "anthropic-messages"), pools(sleeper=Sleeper()), Sleeper()).run("hi")
    assert failed.status is TurnStatus.provider_unavailable and failed.model == "primary"
    assert "could not take over" in failed.final_response


# ------------------------------------------------------------------ 5. memory of a down endpoint


def test_open_circuit_is_shared_through_sqlite_and_probed_once(tmp_path: Path) -> None:
    """Three endpoint failures open the primary's circuit in the state file: another loop skips it, a single
    probe goes out after the interval, and the chain returns to the primary when it answers."""
    sleeper = Sleeper()
    path = tmp_path / "state.db"

    def loop_on_file(emu: Emulator) -> ConversationLoop:
        def key_pool(name: str, key: str) -> CredentialPool:
            return CredentialPool(name, [Credential(id=name, secret=SecretStr(key))], store=SQLiteStore(path),
                                  clock=lambda: time.time() + sleeper.offset)
        return make_loop(chain(emu), {"main": key_pool("main", "k1"), "alt": key_pool("alt", "k9")}, sleeper)

    down = {"respond": "error", "shape": "groq_503", "match": {"model": "primary"}, "times": 4}
    with scenario(down) as emu:
        first = loop_on_file(emu).run("hi")  # 3 failures on the primary open its circuit
        assert emu.calls(model="primary") == 3 and first.model == "backup"
        other = loop_on_file(emu)  # another process's loop: same file
        skipped = other.run("hi")
        assert emu.calls(model="primary") == 3 and skipped.model == "backup"
        assert [n.reason for n in skipped.notes] == ["circuit_open"]
        sleeper.offset += 31  # past the probe interval: one probe (it fails: the rule has one 503 left)
        probed = other.run("hi")
        assert emu.calls(model="primary") == 4 and probed.model == "backup"
        sleeper.offset += 31
        back = loop_on_file(emu).run("hi")  # the next probe answers: back to the primary
        assert back.model == "primary" and emu.calls(model="primary") == 5
        assert loop_on_file(emu).run("hi").model == "primary"


def test_pool_list_shows_endpoint_circuits(tmp_path: Path) -> None:
    """steadyloop pool list names each (endpoint, model) whose circuit holds failures, and its state."""
    import io

    from agent.cli import main
    from agent.stores import SQLiteStore
    from agent.stores.circuits import SQLiteCircuits

    db = tmp_path / "s.db"
    config = tmp_path / "steadyloop.toml"
    config.write_text(f'[state]\nbackend = "sqlite"\npath = "{db}"\n[pools.main]\n[[pools.main.credentials]]\n'
                      'id = "one"\nkey = "sk-emu-1111111"\n[[chain]]\napi = "openai-chat"\nmodel = "gpt-4o"\n'
                      'pool = "main"\n')
    SQLiteCircuits(SQLiteStore(db)).update("http://127.0.0.1:9/v1|gpt-4o",
                              lambda r: type(r)(3, time.time() + 25, 0.0))
    out = io.StringIO()
    assert main(["pool", "list", "--config", str(config)], out=out) == 0
    assert "circuit http://127.0.0.1:9/v1|gpt-4o: open" in out.getvalue()


# ------------------------------------------------------------------ 6. model support rotates first


def test_model_refused_by_one_key_rotates_to_the_next_key_first() -> None:
    """A key not entitled to the model is suspended for it; the same model is tried on the pool's next key."""
    data = {"keys": [{"key": "k1", "label": "one", "denied_models": ["primary"]}, {"key": "k2"}, {"key": "k9"}]}
    with Emulator(Scenario.model_validate(data)) as emu:
        loop = make_loop(chain(emu), pools("k1", "k2"))
        result = loop.run("hi")
        assert result.ok and result.model == "primary" and emu.calls(model="backup") == 0
        assert [a.action for a in result.attempts] == ["rotated credential", "answered"]


def test_pool_suspended_only_for_the_model_says_so() -> None:
    """Every key refused the model: "no key of POOL may use MODEL until ...", status model_unavailable."""
    data = {"keys": [{"key": "k1", "denied_models": ["primary"]}, {"key": "k2", "denied_models": ["primary"]}]}
    with Emulator(Scenario.model_validate(data)) as emu:
        loop = make_loop(chain(emu)[:1], pools("k1", "k2"))
        first, second = loop.run("hi"), loop.run("hi")
        assert emu.calls() == 2
    assert first.status is TurnStatus.invalid_request or first.status is TurnStatus.model_unavailable
    assert second.status is TurnStatus.model_unavailable and second.exit_code == 18
    assert "no key of main may use primary until" in second.final_response.lower()
    assert "rate limit" not in second.final_response.lower()


# ------------------------------------------------------------------ 7. compression that cannot shrink


def test_one_huge_message_is_not_compressed_and_falls_back_to_a_larger_window() -> None:
    """The newest message alone overflows the primary: no compression is claimed, the larger fallback answers."""
    with Emulator(Scenario.model_validate({"models": {"primary": {"context_window": 300}}})) as emu:
        result = make_loop(chain(emu), pools()).run("word " * 2000)
        alone = make_loop(chain(emu)[:1], pools()).run("word " * 2000)
    assert result.ok and result.model == "backup" and len(result.attempts) == 2
    assert alone.status is TurnStatus.context_overflow and len(alone.attempts) == 1
    assert "could not shorten it enough" in alone.final_response and "after compressing" not in alone.final_response


def test_compression_aims_below_the_providers_limit_by_a_margin() -> None:
    """Sized from "N tokens > M": the compressed request is at most M/N * 0.9 of what was sent (our count)."""
    from agent.compress import DropMiddle, estimate_tokens
    from agent.error_classifier import ClassifiedError

    history = tuple(Message.user(f"message {i} " * 30) for i in range(40))
    before = estimate_tokens(history)
    failure = ClassifiedError(reason=R.context_overflow, scope=Scope.request,
                              message=f"prompt is too long: {before * 2} tokens > {before} maximum")
    smaller = DropMiddle().compress(history, failure)
    assert smaller is not None and estimate_tokens(smaller[0]) <= before * 0.5 * 0.9


def test_retries_and_timeouts_come_from_the_config_file(tmp_path: Path) -> None:
    """[loop] retries is the one ladder table; each [[chain]] entry has its own connect/first-token/idle timeouts."""
    from agent.config import load_config

    path = tmp_path / "steadyloop.toml"
    path.write_text('[loop]\nretries = { server_error = 2, timeout = 0, overloaded = 3 }\n'
                    'fallback_reserve_seconds = 5\n[pools.main]\n[[pools.main.credentials]]\n'
                    'id = "one"\nkey = "sk-emu-1111111"\n'
                    '[[chain]]\napi = "openai-chat"\nmodel = "m"\npool = "main"\nconnect_timeout = 2\n'
                    'first_token_timeout = 12\nidle_timeout = 7\n')
    config = load_config(path)
    assert (config.loop.retries[R.server_error], config.loop.retries[R.timeout]) == (2, 0)
    assert config.loop.retries[R.stream_incomplete] == 0 and config.loop.reserve_seconds == 5
    timeouts = config.chain[0].call_timeouts(cap=100)
    assert (timeouts.connect, timeouts.first_byte, timeouts.idle) == (2, 12, 7)
    assert config.chain[0].call_timeouts(cap=3).first_byte == 3  # never past what the deadline allows
    path.write_text(path.read_text().replace("server_error = 2", "server_eror = 2"))
    with pytest.raises(Exception, match="retries"):
        load_config(path)


def test_content_policy_refused_by_every_model_is_an_honest_refusal_without_retries() -> None:
    """One call per model, never a retry of the same target, and no advice to add the fallback it already tried."""
    with Emulator(Scenario.model_validate({"content_policy_trigger": "forbidden recipe"})) as emu:
        result = make_loop(chain(emu), pools()).run("the forbidden recipe")
        assert (emu.calls(model="primary"), emu.calls(model="backup")) == (1, 1)
    assert result.status is TurnStatus.content_policy_blocked and not any(a.action == "retried" for a in
                                                                           result.attempts)
    assert "declined it too" in result.final_response and "configure a fallback" not in result.final_response
