"""Behaviour of agent.testing.emulator, driven by the real openai and anthropic clients over HTTP."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

import anthropic
import openai
import pytest

from agent import FailoverReason, classify_api_error, classify_soft_failure
from agent._redact import fingerprint
from agent.testing.emulator import Emulator, Scenario, ScenarioError, list_scenarios, load_scenario
from agent.testing.error_shapes import SHAPES

R = FailoverReason
MSG = [{"role": "user", "content": "hi"}]
TOOL_OAI = [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object", "properties": {}}}}]
TOOL_RESP = [{"type": "function", "name": "lookup", "parameters": {"type": "object", "properties": {}}}]
TOOL_ANT = [{"name": "lookup", "input_schema": {"type": "object", "properties": {}}}]


def oai(emu: Emulator, key: str = "sk-emu-one", timeout: float = 5.0) -> openai.OpenAI:
    return openai.OpenAI(api_key=key, base_url=emu.base_url("openai"), max_retries=0, timeout=timeout)


def ant(emu: Emulator, key: str = "sk-ant-emu-one", timeout: float = 5.0) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key=key, base_url=emu.base_url("anthropic"), max_retries=0, timeout=timeout)


@pytest.fixture
def healthy() -> Iterator[Emulator]:
    with Emulator("healthy") as emu:
        yield emu


def _raised(call: Any) -> BaseException:
    """The exception ``call`` raises (the test fails if it raises none)."""
    try:
        call()
    except Exception as exc:
        return exc
    raise AssertionError("expected an exception")


def _scenario(**data: Any) -> Emulator:
    return Emulator(Scenario.model_validate(data))


# ------------------------------------------------------------------ success shapes


def test_chat_plain_and_streamed(healthy: Emulator) -> None:
    """Chat Completions: the real client parses a plain answer and a streamed one ending in [DONE], with usage."""
    client = oai(healthy)
    plain = client.chat.completions.create(model="gpt-4o", messages=MSG)
    assert plain.choices[0].message.content == "Hello from the steadyloop emulator." and plain.usage
    chunks = list(client.chat.completions.create(model="gpt-4o", messages=MSG, stream=True,
                                                 stream_options={"include_usage": True}))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == plain.choices[0].message.content
    assert chunks[-1].usage is not None and chunks[-2].choices[0].finish_reason == "stop"


def test_responses_plain_and_streamed(healthy: Emulator) -> None:
    """Responses: plain output_text, and typed stream events from response.created to response.completed."""
    client = oai(healthy)
    assert client.responses.create(model="gpt-5", input="hi").output_text == "Hello from the steadyloop emulator."
    events = list(client.responses.create(model="gpt-5", input="hi", stream=True))
    kinds = [e.type for e in events]
    assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == (
        "Hello from the steadyloop emulator.")


def test_messages_plain_streamed_and_thinking(healthy: Emulator) -> None:
    """Messages: plain text, the SDK stream helper, and thinking blocks with signatures when thinking is on."""
    client = ant(healthy)
    assert client.messages.create(model="claude-x", max_tokens=50, messages=MSG).content[0].text.startswith("Hello")
    with client.messages.stream(model="claude-x", max_tokens=50, messages=MSG) as stream:
        assert stream.get_final_text() == "Hello from the steadyloop emulator."
    thought = client.messages.create(model="claude-x", max_tokens=2000, messages=MSG,
                                     thinking={"type": "enabled", "budget_tokens": 1024})
    assert thought.content[0].type == "thinking" and thought.content[0].signature
    with client.messages.stream(model="claude-x", max_tokens=2000, messages=MSG,
                                thinking={"type": "enabled", "budget_tokens": 1024}) as stream:
        final = stream.get_final_message()
    assert final.content[0].type == "thinking" and final.content[0].signature.startswith("EmulatorSig")


@pytest.mark.parametrize("streamed", [False, True])
def test_tool_calls_on_every_api(streamed: bool) -> None:
    """A scripted tool call comes back in each API's own shape, plain and streamed."""
    rule = {"respond": "tool_call", "tool_name": "lookup", "tool_arguments": {"q": "x"}}
    with _scenario(rules=[rule]) as emu:
        if streamed:
            chunks = list(oai(emu).chat.completions.create(model="m", messages=MSG, tools=TOOL_OAI, stream=True))
            calls = [c.choices[0].delta.tool_calls for c in chunks if c.choices and c.choices[0].delta.tool_calls]
            assert calls[0][0].function.name == "lookup"
            events = list(oai(emu).responses.create(model="m", input="hi", tools=TOOL_RESP, stream=True))
            done = [e for e in events if e.type == "response.function_call_arguments.done"]
            assert json.loads(done[0].arguments) == {"q": "x"}
            with ant(emu).messages.stream(model="m", max_tokens=50, messages=MSG, tools=TOOL_ANT) as s:
                block = s.get_final_message().content[0]
        else:
            chat = oai(emu).chat.completions.create(model="m", messages=MSG, tools=TOOL_OAI)
            assert json.loads(chat.choices[0].message.tool_calls[0].function.arguments) == {"q": "x"}
            resp = oai(emu).responses.create(model="m", input="hi", tools=TOOL_RESP)
            assert resp.output[0].type == "function_call" and resp.output[0].name == "lookup"
            block = ant(emu).messages.create(model="m", max_tokens=50, messages=MSG, tools=TOOL_ANT).content[0]
    assert block.type == "tool_use" and block.input == {"q": "x"}


# ------------------------------------------------------------------ errors and soft failures


@pytest.mark.parametrize("shape", [s for s in SHAPES if isinstance(s.body, dict | list)], ids=lambda s: s.id)
def test_every_error_shape_raises_the_real_sdk_class(shape: Any) -> None:
    """Served over real HTTP, each shape raises the SDK's class for its status and classifies as in the table."""
    endpoint = "messages" if shape.api == "anthropic" else "chat"
    rules = [{"respond": "error", "shape": shape.id, "match": {"endpoint": endpoint}}]
    with _scenario(rules=rules) as emu, pytest.raises((openai.APIStatusError, anthropic.APIStatusError)) as info:
        if shape.api == "anthropic":
            ant(emu).messages.create(model="m", max_tokens=5, messages=MSG)
        else:
            oai(emu).chat.completions.create(model="m", messages=MSG)
    assert info.value.status_code == shape.status
    c = classify_api_error(info.value, provider=shape.provider, approx_tokens=shape.approx_tokens,
                           num_messages=shape.num_messages)
    assert c.reason is shape.expect


def test_overloaded_is_the_sdk_overloaded_error_and_retry_after_is_readable() -> None:
    """529 raises anthropic.OverloadedError; a 429's retry-after header is readable from exc.response.headers."""
    rules = [{"respond": "error", "shape": "anthropic_overloaded", "match": {"endpoint": "messages"}},
             {"respond": "error", "shape": "openai_tpm_limit_retry_after", "match": {"endpoint": "chat"}}]
    with _scenario(rules=rules) as emu:
        overloaded = _raised(lambda: ant(emu).messages.create(model="m", max_tokens=5, messages=MSG))
        limited = _raised(lambda: oai(emu).chat.completions.create(model="m", messages=MSG))
    assert type(overloaded) is anthropic.OverloadedError
    assert isinstance(limited, openai.RateLimitError) and limited.response.headers["retry-after"] == "6"


def test_unknown_key_gets_each_providers_401() -> None:
    """A key the scenario does not know gets the provider's real 401 (the SDK's AuthenticationError): auth, rotate."""
    with Emulator("anthropic_out_of_extra_usage") as emu:
        with pytest.raises(anthropic.AuthenticationError) as a:
            ant(emu, key="sk-ant-nobody").messages.create(model="m", max_tokens=5, messages=MSG)
        with pytest.raises(openai.AuthenticationError) as o:
            oai(emu, key="sk-nobody-1234").chat.completions.create(model="m", messages=MSG)
    assert classify_api_error(a.value).reason is R.auth  # an invalid or unknown key (issue 9), not a revoked one
    assert classify_api_error(o.value).reason is R.auth


@pytest.mark.parametrize(("soft", "api", "reason"), [
    # The emulator's default failure text is "Overloaded": overload wording in a 200 beats a generic code.
    ("failed", "responses", R.overloaded), ("cancelled", "responses", R.unknown),
    ("content_filter", "responses", R.content_policy_blocked), ("incomplete", "responses", R.output_truncated),
    ("content_filter", "chat", R.content_policy_blocked), ("empty", "chat", R.empty_response),
    ("refusal", "messages", R.content_policy_blocked), ("empty", "messages", R.empty_response),
])
def test_soft_failures_parse_and_classify(soft: str, api: str, reason: FailoverReason) -> None:
    """HTTP-200 soft failures parse in the real client and classify as the failure they are."""
    with _scenario(rules=[{"respond": "soft", "soft": soft}]) as emu:
        if api == "responses":
            response: Any = oai(emu).responses.create(model="m", input="hi")
        elif api == "chat":
            response = oai(emu).chat.completions.create(model="m", messages=MSG)
        else:
            response = ant(emu).messages.create(model="m", max_tokens=5, messages=MSG)
    c = classify_soft_failure(response)
    assert c is not None and c.reason is reason


def test_anthropic_error_event_mid_stream() -> None:
    """After two text deltas an `event: error` overloaded_error arrives; the SDK raises, the loop sees overloaded."""
    with Emulator("midstream_overloaded") as emu:
        seen: list[str] = []
        with pytest.raises(anthropic.APIStatusError) as info, ant(emu).messages.stream(
                model="m", max_tokens=50, messages=MSG) as stream:
            seen.extend(stream.text_stream)
        again = ant(emu).messages.create(model="m", max_tokens=50, messages=MSG, stream=False)
    assert seen == ["Hello from ", "the steadyloop "]
    assert classify_api_error(info.value).reason is R.overloaded
    assert again.content[0].text.startswith("Hello")


def test_responses_failed_event_mid_stream() -> None:
    """A Responses stream can end in response.failed; that event classifies as a soft failure."""
    with _scenario(rules=[{"respond": "stream_error", "after_chunks": 1, "message": "Rate limit reached."}]) as emu:
        events = list(oai(emu).responses.create(model="m", input="hi", stream=True))
    assert events[-1].type == "response.failed"
    c = classify_soft_failure(events[-1])
    assert c is not None and c.reason is R.rate_limit


def test_stream_cut_has_no_terminal_event() -> None:
    """stream_cut ends the HTTP body cleanly but without message_stop: the stream is incomplete."""
    with _scenario(rules=[{"respond": "stream_cut", "after_chunks": 1}]) as emu:
        raw = ant(emu).messages.create(model="m", max_tokens=5, messages=MSG, stream=True)
        kinds = [event.type for event in raw]
    assert "content_block_delta" in kinds and "message_stop" not in kinds


def test_drop_and_hang_raise_transport_errors() -> None:
    """A dropped connection raises APIConnectionError; a hang past the client timeout raises APITimeoutError."""
    rules = [{"respond": "drop", "match": {"calls": [1]}}, {"respond": "hang", "delay": 5, "match": {"calls": [2]}}]
    with _scenario(rules=rules) as emu:
        with pytest.raises(openai.APIConnectionError) as dropped:
            oai(emu).chat.completions.create(model="m", messages=MSG)
        with pytest.raises(openai.APITimeoutError) as hung:
            oai(emu, timeout=0.3).chat.completions.create(model="m", messages=MSG)
    assert not isinstance(dropped.value, openai.APITimeoutError)
    assert classify_api_error(dropped.value).reason is R.timeout and classify_api_error(hung.value).reason is R.timeout


# ------------------------------------------------------------------ stateful behaviours


def test_rate_window_answers_accurate_retry_after() -> None:
    """Key 'one' allows 2 requests per 10 s: the third gets 429 with retry-after <= 10; key 'two' is unaffected."""
    with Emulator("rate_limit_window") as emu:
        client = oai(emu, "sk-emu-one")
        for _ in range(2):
            client.chat.completions.create(model="m", messages=MSG)
        with pytest.raises(openai.RateLimitError) as info:
            client.chat.completions.create(model="m", messages=MSG)
        oai(emu, "sk-emu-two").chat.completions.create(model="m", messages=MSG)
    wait = int(info.value.response.headers["retry-after"])
    assert 1 <= wait <= 10
    c = classify_api_error(info.value)
    assert c.reason is R.rate_limit and c.retry_after == wait


def test_context_window_overflow_uses_the_real_error() -> None:
    """Above its window a model answers the provider's overflow error; below it answers normally."""
    with Emulator("context_overflow") as emu:
        oai(emu).chat.completions.create(model="small-model", messages=MSG)
        with pytest.raises(openai.BadRequestError) as info:
            oai(emu).chat.completions.create(model="small-model", messages=[{"role": "user", "content": "x" * 5000}])
    assert classify_api_error(info.value).reason is R.context_overflow


def test_model_entitlement_is_per_key_and_model() -> None:
    """Key 'one' gets a 422 for gpt-5 only; it still serves other models, and key 'two' serves gpt-5."""
    with Emulator("model_support_422") as emu:
        with pytest.raises(openai.UnprocessableEntityError) as info:
            oai(emu, "sk-emu-one").chat.completions.create(model="gpt-5", messages=MSG)
        oai(emu, "sk-emu-one").chat.completions.create(model="gpt-5-mini", messages=MSG)
        oai(emu, "sk-emu-two").chat.completions.create(model="gpt-5", messages=MSG)
    c = classify_api_error(info.value)
    assert (c.reason, c.scope.value) == (R.model_not_found, "credential_model")


# ------------------------------------------------------------------ named scenarios


def _first_failure(emu: Emulator, name: str) -> Any:
    """Drive the scenario's first configured key through its API once; return the exception or response."""
    drill = emu.scenario.drill
    key, model, api = drill["keys"][0], drill["model"], drill["api"]
    prompt = drill.get("prompt", "hi")
    messages = [{"role": "user", "content": prompt + (" pad" * 2000 if name == "context_overflow" else "")}]
    try:
        if api == "anthropic-messages":
            return ant(emu, key).messages.create(model=model, max_tokens=20, messages=messages)
        if api == "openai-responses":
            return oai(emu, key).responses.create(model=model, input=messages)
        return oai(emu, key).chat.completions.create(model=model, messages=messages)
    except (openai.APIError, anthropic.APIError) as exc:
        return exc


_PROMISED: dict[str, FailoverReason | None] = {
    "healthy": None,
    "anthropic_out_of_extra_usage": R.billing,
    "transient_400": R.transient,
    "model_support_422": R.model_not_found,
    "content_policy": R.content_policy_blocked,
    # "Try again in 7200s": a usage limit that resets within hours is a rate limit (issue 9); both rotate.
    "codex_soft_quota": R.rate_limit,
    "all_keys_exhausted": R.billing,
    "overloaded_storm": R.overloaded,
    "rate_limit_window": None,
    "context_overflow": R.context_overflow,
    "midstream_overloaded": None,  # its failure is only on streams (tested above)
}


@pytest.mark.parametrize("name", sorted(n for n in list_scenarios() if not n.startswith("outage_")))
def test_named_scenario_produces_its_failure(name: str) -> None:
    """Each shipped seed scenario, driven by the real client, fails the way its description promises (the outage_*
    scenarios hold faults that take time or a stream; their drills prove each was served and handled)."""
    assert name in _PROMISED, f"add {name} to _PROMISED"
    with Emulator(name) as emu:
        outcome = _first_failure(emu, name)
        assert emu.calls() == 1
    if isinstance(outcome, BaseException):
        reason: FailoverReason | None = classify_api_error(outcome).reason
    else:
        soft = classify_soft_failure(outcome)
        reason = soft.reason if soft else None
    assert reason is _PROMISED[name]


def test_every_named_scenario_has_a_drill_section() -> None:
    """Every shipped scenario says how a drill runs it (api, model, keys, expected status, minimum calls)."""
    for name in list_scenarios():
        drill = load_scenario(name).drill
        assert {"api", "model", "keys", "expect_status", "min_calls"} <= set(drill), name


# ------------------------------------------------------------------ observability, running, validation


def test_log_over_http_counts_calls_without_secrets() -> None:
    """GET /_emulator/log lists every call with endpoint, model, key label and status; never the key itself."""
    with Emulator("anthropic_out_of_extra_usage") as emu:
        for key in ("sk-ant-emu-one", "sk-ant-emu-two"):
            with contextlib.suppress(anthropic.BadRequestError):
                ant(emu, key).messages.create(model="claude-haiku-4-5", max_tokens=5, messages=MSG)
        with urllib.request.urlopen(f"http://127.0.0.1:{emu.port}/_emulator/log") as response:
            raw = response.read().decode()
    log = json.loads(raw)
    assert [(r["key"], r["status"], r["cause"]) for r in log] == [("one", 400, "quota"), ("two", 200, "success")]
    assert "sk-ant-emu" not in raw and all(r["ended"] >= r["started"] for r in log)


@pytest.mark.parametrize("header", ["x-auth-token", "proxy-authorization", "x-amz-security-token",
                                    "cf-aig-authorization"])
def test_log_leaves_out_every_header_that_carries_a_secret(header: str) -> None:
    """A secret in any secret-named header (a proxy's or gateway's token, not only the providers' own key headers)
    stays out of the log, judged as the redaction judges header names: the log shows its fingerprint, as it shows
    keys; the other headers are kept as sent."""
    with Emulator("healthy") as emu:
        ant(emu, "sk-ant-emu-one").messages.create(
            model="claude-haiku-4-5", max_tokens=5, messages=MSG,
            extra_headers={header: "proxy-secret-0042", "anthropic-beta": "prompt-caching-2024-07-31"})
        with urllib.request.urlopen(f"http://127.0.0.1:{emu.port}/_emulator/log") as response:
            raw = response.read().decode()
    (record,) = json.loads(raw)
    assert "proxy-secret-0042" not in raw and record["headers"][header] == fingerprint("proxy-secret-0042")
    assert record["headers"]["anthropic-beta"] == "prompt-caching-2024-07-31"


def test_rule_times_budget_and_reset(healthy: Emulator) -> None:
    """A rule with times=N fires N times; reset() clears the log and counters."""
    with _scenario(rules=[{"respond": "error", "shape": "openai_500", "times": 2}]) as emu:
        statuses = []
        for _ in range(3):
            try:
                oai(emu).chat.completions.create(model="m", messages=MSG)
                statuses.append(200)
            except openai.InternalServerError:
                statuses.append(500)
        assert statuses == [500, 500, 200] and emu.calls(status=500) == 2
        emu.reset()
        assert emu.log == []


def test_binds_to_loopback_only() -> None:
    """A non-loopback host is refused with a message naming the fix."""
    with pytest.raises(ValueError, match="loopback only"):
        Emulator("healthy", host="0.0.0.0")


@pytest.mark.parametrize(("data", "needle"), [
    ({"rules": [{"respond": "error"}]}, "needs shape"),
    ({"rules": [{"respond": "explode"}]}, "rules.0.respond"),
    ({"keys": [{"key": "k", "exhausted_for": -1}]}, "keys.0.exhausted_for"),
    ({"surprise": 1}, "surprise"),
])
def test_invalid_scenarios_name_the_field(data: dict[str, Any], needle: str) -> None:
    """Scenario errors name the offending field."""
    with pytest.raises(ScenarioError, match=needle.replace(".", r"\.")):
        load_scenario(data)


def test_upstream_command_serves_until_stopped() -> None:
    """`steadyloop upstream --scenario healthy` prints working base URLs."""
    proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "upstream", "--scenario", "healthy",
                             "--seconds", "20"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        url = lines[1].split()[-1]
        client = openai.OpenAI(api_key="k", base_url=url, max_retries=0, timeout=5)
        assert client.chat.completions.create(model="m", messages=MSG).choices[0].message.content
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_hundred_clients_connecting_at_once_are_all_queued() -> None:
    """The listen backlog holds 100 connections nobody has accepted yet (issue 14: a backlog of 5 dropped them)."""
    import socket

    from agent.testing.emulator.server import _Server
    from agent.testing.emulator.state import EmulatorState

    server = _Server(("127.0.0.1", 0), EmulatorState(load_scenario("healthy")))  # listening, not accepting
    clients: list[socket.socket] = []
    try:
        for _ in range(100):
            clients.append(socket.create_connection(server.server_address[:2], timeout=3))
    finally:
        for client in clients:
            client.close()
        server.server_close()
    assert len(clients) == 100


def test_wait_for_calls_says_whether_the_requests_arrived() -> None:
    """``wait_for_calls`` answers once the log holds that many requests (notified, not polled), False at the
    timeout: a test of a client that abandons a request can wait for the server to read it."""
    with Emulator("healthy") as emu:
        assert emu.wait_for_calls(1, timeout=0.01) is False
        client = openai.OpenAI(api_key="sk-emu-one", base_url=emu.base_url("openai"), max_retries=0)
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
        assert emu.wait_for_calls(1, timeout=0) is True
        assert emu.wait_for_calls(2, timeout=0.01) is False
