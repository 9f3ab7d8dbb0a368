"""steadyloop serve, end to end: the real openai and anthropic SDK clients -> serve (uvicorn, loopback)
-> the emulator. Pass-through fidelity, the ladder behind it, give-up headers, the commit point."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import anthropic
import httpx2
import openai
import pytest

from agent.config import SteadyConfig, load_config
from agent.serve.testing import Served
from agent.testing.emulator import Emulator, Scenario

APIS = ["openai-chat", "openai-responses", "anthropic-messages"]
FULL = "Hello from the steadyloop emulator."
HI = [{"role": "user", "content": "hi"}]


class Waits:
    """An injected async sleep: records the ladder's waits, sleeps none."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def scenario(**data: Any) -> Emulator:
    return Emulator(Scenario.model_validate(data))


def kind(api: str) -> str:
    return "anthropic" if api == "anthropic-messages" else "openai"


def config(emu: Emulator, api: str, models: Sequence[str] = ("m",), keys: Sequence[str] = ("sk-emu-one",),
           *, route: dict[str, Any] | None = None, state: dict[str, Any] | None = None, **extra: Any) -> SteadyConfig:
    """One pool of ``keys``; one chain entry per model on ``api``; route ``r`` over them all."""
    chain = [{"api": api, "model": m, "pool": "main", "base_url": emu.base_url(kind(api)), "timeout": 5,
              "first_token_timeout": 3, "idle_timeout": 3} for m in models]
    return load_config({"state": state or {"backend": "memory"},
                        "pools": {"main": {"credentials": [{"id": f"k{i + 1}", "key": k} for i, k in enumerate(keys)]}},
                        "chain": chain, "routes": {"r": {"chain": list(models), **(route or {})}}, **extra})


def served(cfg: SteadyConfig, **kw: Any) -> Served:
    return Served(cfg, sleep=kw.pop("sleep", Waits()), **kw)


def anthropic_client(url: str, key: str = "client-key", **kw: Any) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key=key, base_url=url, max_retries=kw.pop("max_retries", 0), **kw)


def openai_client(url: str, key: str = "client-key", **kw: Any) -> openai.OpenAI:
    return openai.OpenAI(api_key=key, base_url=url + "/v1", max_retries=kw.pop("max_retries", 0), **kw)


_CLIENTS: dict[tuple[str, Any], Any] = {}


def _cached(url: str, make: Any) -> Any:
    """One SDK client per gateway URL and SDK (building one costs more than a request to the gateway)."""
    found = _CLIENTS.get((url, make))
    if found is None:
        found = _CLIENTS[(url, make)] = make(url)
    return found


def ask(url: str, api: str, *, stream: bool, model: str = "r", messages: list[dict[str, Any]] | None = None,
        **kw: Any) -> tuple[str, Any]:
    """Text and response headers of one request through the SDK of ``api`` (it raises what the SDK raises)."""
    messages = messages or HI
    if api == "anthropic-messages":
        a = _cached(url, anthropic_client)
        if stream:
            with a.messages.stream(model=model, max_tokens=64, messages=messages, **kw) as s:  # type: ignore[arg-type]
                text = "".join(s.text_stream)
                s.get_final_message()  # raises unless message_stop arrived
                return text, s.response.headers
        raw = a.messages.with_raw_response.create(model=model, max_tokens=64, messages=messages, **kw)  # type: ignore[arg-type]
        return "".join(b.text for b in raw.parse().content if b.type == "text"), raw.headers
    o = _cached(url, openai_client)
    if api == "openai-chat":
        if stream:
            resp = o.chat.completions.with_raw_response.create(model=model, messages=messages, stream=True, **kw)  # type: ignore[arg-type]
            chunks = list(resp.parse())
            assert any(c.choices and c.choices[0].finish_reason for c in chunks), "the stream ended without a finish"
            return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices), resp.headers
        raw = o.chat.completions.with_raw_response.create(model=model, messages=messages, **kw)  # type: ignore[arg-type]
        return raw.parse().choices[0].message.content or "", raw.headers
    if stream:
        with o.responses.stream(model=model, input=messages, **kw) as s:  # type: ignore[arg-type]
            for _ in s:
                pass
            return s.get_final_response().output_text, s._raw_stream.response.headers  # raises without completed
    raw = o.responses.with_raw_response.create(model=model, input=messages, **kw)  # type: ignore[arg-type]
    return raw.parse().output_text, raw.headers


@pytest.fixture
def healthy() -> Iterator[Emulator]:
    with Emulator("healthy") as emu:
        yield emu


# ------------------------------------------------------------------ plain and streamed answers


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("api", APIS)
def test_a_healthy_request_is_answered_through_the_pool(healthy: Emulator, api: str, stream: bool) -> None:
    """The SDK gets the upstream's answer; upstream saw the pool's key and the entry's model, not the client's."""
    with served(config(healthy, api)) as gw:
        text, headers = ask(gw.url, api, stream=stream)
    assert text == FULL
    assert headers["x-steadyloop-attempts"] == "1" and headers["x-steadyloop-served-by"] == "m (k1)"
    (record,) = healthy.log
    assert record.model == "m"
    assert "client-key" not in json.dumps(record.headers) and record.streamed is stream


@pytest.mark.parametrize("api", APIS)
def test_the_clients_key_is_never_forwarded(api: str) -> None:
    """Upstream only ever receives the pool's key: an emulator that knows only that key answers."""
    with scenario(keys=[{"key": "sk-emu-pool", "label": "pool"}]) as emu, \
            served(config(emu, api, keys=["sk-emu-pool"])) as gw:
        text, _ = ask(gw.url, api, stream=False)
        assert text == FULL and [r.key for r in emu.log] == ["pool"]


def test_anthropic_body_and_headers_pass_through_unchanged(healthy: Emulator) -> None:
    """Unknown fields, cache_control, tools, metadata, anthropic-beta and anthropic-version reach upstream as sent."""
    tools = [{"name": "get_weather", "description": "Weather", "input_schema": {"type": "object", "properties": {
        "city": {"type": "string"}}, "required": ["city"]}, "cache_control": {"type": "ephemeral"}}]
    system = [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral", "ttl": "1h"}}]
    with served(config(healthy, "anthropic-messages")) as gw:
        anthropic_client(gw.url).messages.create(
            model="r", max_tokens=64, messages=HI, system=system, tools=tools, metadata={"user_id": "u-1"},  # type: ignore[arg-type]
            extra_body={"future_field": {"nested": [1, 2]}},
            extra_headers={"anthropic-beta": "prompt-caching-2024-07-31,context-1m-2025-08-07",
                           "anthropic-version": "2023-06-01"})
    (record,) = healthy.log
    assert record.body["future_field"] == {"nested": [1, 2]} and record.body["tools"] == tools
    assert record.body["system"] == system and record.body["metadata"] == {"user_id": "u-1"}
    assert record.body["model"] == "m" and record.body["messages"] == HI
    assert record.headers["anthropic-beta"] == "prompt-caching-2024-07-31,context-1m-2025-08-07"
    assert record.headers["anthropic-version"] == "2023-06-01"


@pytest.mark.parametrize("api", ["openai-chat", "openai-responses"])
def test_openai_bodies_pass_through_unchanged(healthy: Emulator, api: str) -> None:
    """Unknown fields and tool definitions of both OpenAI APIs reach upstream as sent; only model changes."""
    extra = {"service_tier": "flex", "unknown_knob": {"a": [True, None]}}
    with served(config(healthy, api)) as gw:
        o = openai_client(gw.url)
        if api == "openai-chat":
            tools = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}, "strict": True}}]
            o.chat.completions.create(model="r", messages=HI, tools=tools, extra_body=extra)  # type: ignore[arg-type]
        else:
            tools = [{"type": "function", "name": "f", "parameters": {"type": "object"}, "strict": True}]
            o.responses.create(model="r", input="hi", tools=tools, extra_body=extra)  # type: ignore[arg-type]
    (record,) = healthy.log
    assert record.body["tools"] == tools and record.body["model"] == "m"
    assert {k: record.body[k] for k in extra} == extra


def test_models_lists_the_routes_for_both_sdks(healthy: Emulator) -> None:
    """GET /v1/models answers both SDKs' list calls with the route names."""
    with served(config(healthy, "anthropic-messages")) as gw:
        assert [m.id for m in openai_client(gw.url).models.list()] == ["r"]
        assert [m.id for m in anthropic_client(gw.url).models.list()] == ["r"]


# ------------------------------------------------------------------ the ladder behind the gateway


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("api", APIS)
def test_a_rate_limited_key_rotates_to_the_next(api: str, stream: bool) -> None:
    """A 429 on the first key: the second key answers at once, and the headers say so."""
    rule = {"match": {"key": "sk-emu-one"}, "respond": "error", "shape": "mistral_429"}
    keys = [{"key": "sk-emu-one", "label": "one"}, {"key": "sk-emu-two", "label": "two"}]
    with scenario(keys=keys, rules=[rule]) as emu, \
            served(config(emu, api, keys=["sk-emu-one", "sk-emu-two"])) as gw:
        text, headers = ask(gw.url, api, stream=stream)
        assert [r.key for r in emu.log] == ["one", "two"]
    assert text == FULL and headers["x-steadyloop-attempts"] == "2" and headers["x-steadyloop-served-by"] == "m (k2)"


@pytest.mark.parametrize("api", APIS)
def test_a_down_primary_falls_back_to_the_next_entry_of_the_same_format(api: str) -> None:
    """Persistent 503s on the primary: the route's second entry answers, within the deadline."""
    rule = {"match": {"model": "primary"}, "respond": "error", "shape": "groq_503"}
    waits = Waits()
    with scenario(rules=[rule]) as emu, served(config(emu, api, ("primary", "backup")), sleep=waits) as gw:
        text, headers = ask(gw.url, api, stream=False)
        models = [r.model for r in emu.log]
    assert text == FULL and models[-1] == "backup" and set(models[:-1]) == {"primary"}
    assert headers["x-steadyloop-served-by"] == "backup (k1)"


@pytest.mark.parametrize("api", APIS)
def test_giving_up_on_dead_keys_says_do_not_retry(api: str) -> None:
    """Every key out of quota: the classified status, retry-after from the longest hint, x-should-retry false,
    and the SDK (with its own retries on) asks once."""
    with Emulator("all_keys_exhausted") as emu, \
            served(config(emu, api, ("gpt-4o",), keys=["sk-emu-one", "sk-emu-two"])) as gw:
        client: Any = anthropic_client(gw.url, max_retries=3) if api == "anthropic-messages" \
            else openai_client(gw.url, max_retries=3)
        with pytest.raises((anthropic.APIStatusError, openai.APIStatusError)) as caught:
            if api == "anthropic-messages":
                client.messages.create(model="r", max_tokens=64, messages=HI)
            elif api == "openai-chat":
                client.chat.completions.create(model="r", messages=HI)
            else:
                client.responses.create(model="r", input="hi")
        upstream_calls = len(emu.log)
    response = caught.value.response
    assert response.status_code == 429 and upstream_calls == 2  # one walk of the ladder, not four
    assert response.headers["x-steadyloop-reason"] in ("billing", "rate_limit")
    assert int(response.headers["retry-after"]) >= 1 and response.headers["x-steadyloop-attempts"] == "2"
    if response.headers["x-steadyloop-reason"] == "billing":
        assert response.headers["x-should-retry"] == "false"
    assert "sk-emu" not in response.text and "sk-emu" not in json.dumps(dict(response.headers))


@pytest.mark.parametrize("api", APIS)
def test_a_content_policy_block_is_the_providers_400_and_final(api: str) -> None:
    """A blocked prompt is not retried elsewhere by the client: 400 and x-should-retry false."""
    with Emulator("content_policy") as emu, served(config(emu, api, ("gpt-4o",))) as gw, \
            pytest.raises((anthropic.BadRequestError, openai.BadRequestError)) as caught:
        ask(gw.url, api, stream=False, messages=[{"role": "user", "content": "Explain how to build a bioweapon."}])
    assert caught.value.response.headers["x-should-retry"] == "false"
    assert caught.value.response.headers["x-steadyloop-reason"] == "content_policy_blocked"


# ------------------------------------------------------------------ streaming: the commit point

_OVERLOADED = {"respond": "stream_error", "error_type": "overloaded_error", "message": "Overloaded"}


@pytest.mark.parametrize("api", APIS)
def test_a_failure_before_the_first_content_event_is_rescued_invisibly(api: str) -> None:
    """An in-stream error before any content: the ladder retries, the client sees one clean stream."""
    with scenario(rules=[{**_OVERLOADED, "after_chunks": 0, "times": 1}]) as emu, served(config(emu, api)) as gw:
        text, headers = ask(gw.url, api, stream=True)
        assert len(emu.log) == 2
    assert text == FULL and headers["x-steadyloop-attempts"] == "2"


@pytest.mark.parametrize(("api", "soft"), [("anthropic-messages", "empty"), ("openai-chat", "empty"),
                                           ("openai-responses", "failed")])
def test_a_soft_failure_before_content_walks_the_ladder(api: str, soft: str) -> None:
    """A 200 stream with no content (empty, or Responses' response.failed) fails before the commit point:
    retried invisibly."""
    with scenario(rules=[{"respond": "soft", "soft": soft, "times": 1}]) as emu, served(config(emu, api)) as gw:
        text, _ = ask(gw.url, api, stream=True)
        assert len(emu.log) == 2
    assert text == FULL


def _stream_raises(url: str, api: str) -> str:
    """Read a stream that must fail; returns the text that arrived before the SDK raised."""
    seen: list[str] = []
    with pytest.raises((anthropic.APIError, openai.APIError, RuntimeError)):
        if api == "anthropic-messages":
            with anthropic_client(url).messages.stream(model="r", max_tokens=64, messages=HI) as s:  # type: ignore[arg-type]
                seen.extend(s.text_stream)
                s.get_final_message()
        elif api == "openai-chat":
            for chunk in openai_client(url).chat.completions.create(model="r", messages=HI, stream=True):  # type: ignore[arg-type]
                seen.extend(c.delta.content or "" for c in chunk.choices)
        else:
            with openai_client(url).responses.stream(model="r", input="hi") as s:
                seen.extend(e.delta for e in s if e.type == "response.output_text.delta")
                s.get_final_response()  # no response.completed: raises
    return "".join(seen)


@pytest.mark.parametrize("api", APIS)
def test_a_failure_after_the_first_content_event_reaches_the_client_as_an_error(api: str) -> None:
    """After the commit point the SDK raises (never a clean end), and the key's failure is recorded."""
    with scenario(rules=[{**_OVERLOADED, "after_chunks": 2}]) as emu, served(config(emu, api)) as gw:
        assert _stream_raises(gw.url, api) == "Hello from the steadyloop "
        assert len(emu.log) == 1
        ((_, state),) = gw.gateway.pools["main"].states()  # read by the key's state key, as the pool does
    assert state.failures == 1


@pytest.mark.parametrize("api", APIS)
def test_a_stream_cut_after_content_ends_in_the_protocols_error(api: str) -> None:
    """A stream cut without its terminal event after content: steadyloop writes the protocol's error event."""
    with scenario(rules=[{"respond": "stream_cut", "after_chunks": 2}]) as emu, served(config(emu, api)) as gw:
        assert _stream_raises(gw.url, api) == "Hello from the steadyloop "


@pytest.mark.parametrize("api", APIS)
def test_the_turns_deadline_bounds_a_stream_after_content(api: str) -> None:
    """An upstream that streams text forever is cut at the turn's deadline, after the commit point too: the
    SDK raises on the protocol's terminal error, the attempt is deadline_exceeded, the stream is truncated."""
    import time

    rules = [{"respond": "chunks_forever", "interval": 0.05}]
    # 3 s: on a 2-core machine at load 6 the first chunk once took over 2 s to reach the client
    with scenario(rules=rules) as emu, served(config(emu, api, loop={"deadline_seconds": 3})) as gw:
        started = time.monotonic()
        text = _stream_raises(gw.url, api)
        elapsed = time.monotonic() - started
    assert text.startswith("tick tick"), "the commit point was never passed: nothing was tested"
    assert elapsed < 13, f"a 3 s turn streamed for {elapsed:.1f} s (the emulator gives up after 120 s)"
    assert len(emu.log) == 1


_STREAMED = {"anthropic-messages": ("/v1/messages", {"model": "r", "max_tokens": 64, "messages": HI, "stream": True}),
             "openai-chat": ("/v1/chat/completions", {"model": "r", "messages": HI, "stream": True}),
             "openai-responses": ("/v1/responses", {"model": "r", "input": "hi", "stream": True})}


@pytest.mark.parametrize("api", APIS)
def test_a_stream_that_goes_silent_is_cut_at_the_idle_timeout_not_the_first_byte_one(api: str) -> None:
    """The chain entry's idle_timeout bounds the silence between chunks through the gateway as in the library: an
    upstream that goes silent after two deltas (for 20 s) is cut 0.5 s later, not after the first-byte timeout's
    5 s (which bounded every read of the body before), and the client gets the protocol's terminal error."""
    import time

    rules = [{"respond": "stream_stall", "after_chunks": 2, "stall": 20}]
    with scenario(rules=rules) as emu:
        cfg = config(emu, api)
        chain = [e.model_copy(update={"first_token_timeout": 5.0, "idle_timeout": 0.5}) for e in cfg.chain]
        path, body = _STREAMED[api]
        with served(cfg.model_copy(update={"chain": chain})) as gw, \
                httpx2.stream("POST", gw.url + path, json=body, timeout=30) as response:
            pieces, first = [], None
            for piece in response.iter_bytes():
                first = first or (time.monotonic() if b"Hello" in piece else None)
                pieces.append(piece)
            silent = time.monotonic() - (first or 0.0)
    assert first is not None, "the commit point was never passed: nothing was tested"
    assert silent < 3.0, f"cut {silent:.1f} s after the last delta (idle_timeout 0.5 s, first_token_timeout 5 s)"
    assert b"idle_timeout" in b"".join(pieces).rsplit(b"Hello", 1)[-1]  # the protocol's error, saying which bound


def test_a_long_wait_before_content_sends_keep_alive_comments() -> None:
    """While the ladder holds a stream (a slow first byte), SSE comments keep the client's connection alive: one
    after each ``keep_alive_seconds`` of silence, nothing else before the answer."""
    emu_rule = {"respond": "reply", "delay": 0.6}
    cfg = {"serve": {"keep_alive_seconds": 0.1}}
    with scenario(rules=[emu_rule]) as emu, served(config(emu, "anthropic-messages", **cfg)) as gw, \
            httpx2.stream("POST", gw.url + "/v1/messages", json={"model": "r", "max_tokens": 64, "messages": HI,
                                                                 "stream": True}, timeout=10) as response:
        body = b"".join(response.iter_bytes())
    assert body.startswith(b": keep-alive\n\n") and b"event: message_stop" in body
    assert body.rstrip().endswith(b'{"type": "message_stop"}')
    held = body[:body.index(b"event:")]
    assert held.count(b": keep-alive\n\n") >= 2 and held == b": keep-alive\n\n" * held.count(b": keep-alive\n\n")


def test_a_gateway_replaced_by_use_closes_its_upstream_clients() -> None:
    """``Served.use`` (one server, many scenarios) closes the replaced gateway's upstream clients on the
    server's loop: before, each scenario of the drill module left aiohttp sessions open (89 "Unclosed client
    session" errors logged at garbage collection)."""
    with scenario(rules=[]) as emu, served(config(emu, "anthropic-messages")) as gw:
        assert ask(gw.url, "anthropic-messages", stream=False)[0]
        replaced, clients = gw.gateway, list(gw.gateway._http.values())
        gw.use(config(emu, "anthropic-messages"))
        assert ask(gw.url, "anthropic-messages", stream=False)[0]  # the new gateway serves
    assert clients and all(client.is_closed for client in clients)
    assert replaced._http == {}
