"""The prepared call (``client.post`` with the adapter's body) against the SDK's own method, on the wire.

Both paths run through the real SDK clients against the emulator over HTTP: the emulator's request
log must show the same body and headers, the SDKs must return the same typed responses and stream
events, and raise the same exception classes with the same status, body and headers.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
from pydantic import SecretStr

from agent._params import RequestSettings
from agent.adapters import ADAPTERS, Adapter, ModelRequest, ToolSpec
from agent.chain import CallTimeouts
from agent.conversation import Image, Message, Thinking, ToolCall, ToolResult
from agent.credential_pool import Credential
from agent.testing.emulator import Emulator
from tests.test_conversation_loop import entry, make_loop, pool

CHAT, RESPONSES, MESSAGES = "openai-chat", "openai-responses", "anthropic-messages"
APIS = (CHAT, RESPONSES, MESSAGES)
TIMEOUTS = CallTimeouts(connect=5.0, first_byte=20.0, idle=10.0, write=20.0)
PIXEL = Image(data="iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=")
_VARYING = frozenset({"id", "call_id", "item_id", "created", "created_at", "signature", "request_id", "date",
                      "x-request-id", "request-id", "_request_id", "traceparent", "gen_ai.response.id",
                      "anthropic.request.id", "gen_ai.response.time_to_first_chunk"})
_REQUEST_ID = re.compile(r"req_emulated_\d+")

ERRORS: dict[str, dict[str, str]] = {  # model -> the error shape each API family answers with
    "err-429": {"openai": "openai_tpm_limit_retry_after", "anthropic": "anthropic_rate_limit"},
    "err-400": {"openai": "openai_context_length", "anthropic": "anthropic_prompt_too_long"},
    "err-500": {"openai": "openai_500", "anthropic": "anthropic_api_error"},
    "err-502": {"openai": "openai_502_html", "anthropic": "openai_502_html"},
    "err-529": {"openai": "openai_503_engine_overloaded", "anthropic": "anthropic_overloaded"},
}


def _scenario() -> dict[str, Any]:
    rules = [{"match": {"model": model, "endpoint": endpoint}, "respond": "error", "shape": shapes[family]}
             for model, shapes in ERRORS.items()
             for endpoint, family in (("chat", "openai"), ("responses", "openai"), ("messages", "anthropic"))]
    rules += [{"match": {"model": "cut-mid-stream"}, "respond": "stream_cut", "after_chunks": 2},
              {"match": {"model": "error-mid-stream"}, "respond": "stream_error", "after_chunks": 1},
              {"match": {"model": "tool-call"}, "respond": "tool_call", "tool_name": "lookup",
               "tool_arguments": {"q": "weather", "n": 3}}]
    return {"rules": rules}


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    """One emulator for the module: each test compares the last records of its log."""
    with Emulator(_scenario()) as running:
        yield running


def _history(api: str) -> tuple[Message, ...]:
    """A long conversation touching every part a body can carry for ``api``."""
    thinking = Thinking(text="let me think", signature="sig-1") if api == MESSAGES else Thinking(encrypted="enc-1")
    turn = (Message.user("What is the weather?", PIXEL),
            Message(role="assistant", text="Checking.", thinking=(thinking,),
                    tool_calls=(ToolCall(id="call_1", name="lookup", arguments={"q": "weather", "n": 3}),)),
            Message(role="tool", tool_results=(ToolResult(call_id="call_1", content="sunny, 21 C"),)),
            Message(role="assistant", text="It is sunny."))
    return (Message.system("Be brief."), *(turn * 12), Message.user("And tomorrow? ünïcödé \u2603"))


def _settings(api: str) -> RequestSettings:
    common: dict[str, Any] = {"max_tokens": 300, "temperature": 0.3, "top_p": 0.9,
                              "extra_headers": {"X-Trace": "t1"}, "extra_body": {"metadata": {"user_id": "u1"}}}
    if api == MESSAGES:
        return RequestSettings(**common, stop=("END",), thinking_budget=1024)
    return RequestSettings(**common, reasoning_effort="low", **({"stop": ("END",)} if api == CHAT else {}))


def _request(api: str, model: str, rich: bool) -> ModelRequest:
    if not rich:
        return ModelRequest(model, (Message.user("Say hello."),), timeouts=TIMEOUTS)
    tools = (ToolSpec("lookup", "Look something up.", {"type": "object", "properties": {"q": {"type": "string"}}}),)
    return ModelRequest(model, _history(api), tools=tools, settings=_settings(api), timeouts=TIMEOUTS,
                        betas=("interleaved-thinking-2025-05-14",) if api == MESSAGES else ())


def _client(emu: Emulator, adapter: Adapter, api: str, asynchronous: bool = False) -> Any:
    base = emu.base_url("anthropic" if api == MESSAGES else "openai")
    return adapter.client(Credential(id="k", secret=SecretStr("sk-emu-one")), base, 30.0, asynchronous=asynchronous)


def _same(value: Any) -> Any:
    """A response, event or body with the values that differ on every call (ids, times) blanked."""
    if hasattr(value, "model_dump"):
        return (type(value).__name__, _same(value.model_dump(mode="json")))
    if isinstance(value, dict):
        return {k: "*" if k in _VARYING else _same(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_same(v) for v in value]
    return value


def _both(emu: Emulator, old: Any, new: Any) -> tuple[Any, Any]:
    """Run the SDK's method, then the prepared call; each one's outcome (its value, or the exception)."""
    outcomes = []
    for run in (old, new):
        try:
            outcomes.append(run())
        except Exception as err:  # the comparison below decides whether the two failures match
            outcomes.append(err)
    old_sent, new_sent = emu.log[-2:]
    assert (old_sent.endpoint, old_sent.body) == (new_sent.endpoint, new_sent.body)
    assert _same(old_sent.headers) == _same(new_sent.headers)
    return outcomes[0], outcomes[1]


def same_text(err: BaseException) -> str:
    """The exception's text without the emulator's request id, which differs per request (anthropic 2.17 and later
    print it in the message: ``(request_id: req_emulated_..., path: /v1/messages, type: ...)``)."""
    return _REQUEST_ID.sub("req_emulated_N", str(err))


def _error_facts(err: BaseException) -> tuple[Any, ...]:
    response = getattr(err, "response", None)
    headers = {k: v for k, v in response.headers.items() if k not in _VARYING} if response is not None else None
    return (type(err), getattr(err, "status_code", None), getattr(err, "body", None), headers, same_text(err))


def _read(adapter: Adapter, api: str, opened: Any) -> list[Any]:
    """Every event of a stream, then (Messages) the SDK's final message."""
    if api != MESSAGES:
        return [_same(e) for e in opened]
    with opened as stream:
        return [_same(e) for e in stream] + [_same(stream.get_final_message())]


async def _aread(adapter: Adapter, api: str, opened: Any) -> list[Any]:
    if api != MESSAGES:
        return [_same(e) async for e in await opened]
    async with opened as stream:
        return [_same(e) async for e in stream] + [_same(await stream.get_final_message())]


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(("model", "rich"), [("m-1", False), ("m-1", True), ("tool-call", True)])
def test_the_same_body_headers_and_response_on_every_api(emu: Emulator, api: str, model: str, rich: bool) -> None:
    """A plain call sends the same body and headers and returns an equal object of the same class."""
    adapter = ADAPTERS[api]()  # type: ignore[abstract]
    request = _request(api, model, rich)
    client = _client(emu, adapter, api)
    assert adapter.prepared_fits(client, request, stream=False)
    old, new = _both(emu, lambda: adapter.sdk_send(client, request, stream=False),
                     lambda: adapter.send(client, request))
    assert type(old) is type(new) and _same(old) == _same(new)
    assert adapter.parse(old).text == adapter.parse(new).text and adapter.parse(new).finish_reasons


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(("model", "rich"), [("m-1", False), ("m-1", True), ("tool-call", True),
                                             ("cut-mid-stream", False), ("error-mid-stream", False)])
def test_the_same_stream_events_on_every_api(emu: Emulator, api: str, model: str, rich: bool) -> None:
    """A streamed call sends the same body and headers and yields the same events (or fails the same way)."""
    adapter = ADAPTERS[api]()  # type: ignore[abstract]
    request = _request(api, model, rich)
    client = _client(emu, adapter, api)
    old, new = _both(emu, lambda: _read(adapter, api, adapter.sdk_send(client, request, stream=True)),
                     lambda: _read(adapter, api, adapter.send(client, request, stream=True)))
    if isinstance(old, BaseException):
        assert _error_facts(old) == _error_facts(new)
    else:
        assert old == new and len(new) >= 2


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("model", list(ERRORS))
def test_the_same_exception_for_every_error_answer(emu: Emulator, api: str, streamed: bool, model: str) -> None:
    """An error status raises the same SDK class with the same status, body, headers and message."""
    adapter = ADAPTERS[api]()  # type: ignore[abstract]
    request = _request(api, model, False)
    client = _client(emu, adapter, api)
    if streamed:
        old, new = _both(emu, lambda: _read(adapter, api, adapter.sdk_send(client, request, stream=True)),
                         lambda: _read(adapter, api, adapter.send(client, request, stream=True)))
    else:
        old, new = _both(emu, lambda: adapter.sdk_send(client, request, stream=False),
                         lambda: adapter.send(client, request))
    assert isinstance(new, Exception) and getattr(new, "status_code", 0) >= 400
    assert _error_facts(old) == _error_facts(new)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("model", ["m-1", "tool-call", "err-429", "error-mid-stream"])
def test_async_clients_send_and_answer_the_same(emu: Emulator, api: str, model: str) -> None:
    """The async clients: same body and headers, same response or stream events, same exception."""
    adapter = ADAPTERS[api]()  # type: ignore[abstract]
    request = _request(api, model, True)

    async def both(emu: Emulator, client: Any) -> list[Any]:
        got: list[Any] = []
        for opened in (lambda: adapter.sdk_send(client, request, stream=True),
                       lambda: adapter.send(client, request, stream=True, asynchronous=True)):
            try:
                got.append(await _aread(adapter, api, opened()))
            except Exception as err:  # compared below
                got.append(err)
        plain = [adapter.sdk_send(client, request, stream=False),
                 adapter.send(client, request, asynchronous=True)]
        for call in plain:
            try:
                got.append(_same(await call))
            except Exception as err:  # compared below
                got.append(err)
        return got

    client = _client(emu, adapter, api, asynchronous=True)
    old_stream, new_stream, old, new = asyncio.run(both(emu, client))
    sent = [(r.endpoint, r.body, _same(r.headers)) for r in emu.log[-4:]]
    assert sent[0] == sent[1] and sent[2] == sent[3]
    for a, b in ((old_stream, new_stream), (old, new)):
        assert _error_facts(a) == _error_facts(b) if isinstance(a, BaseException) else a == b


@contextlib.contextmanager
def entered() -> Iterator[list[str]]:
    """The functions entered meanwhile in this thread, as ``path:name`` (the interpreter's own
    profiler hook records them; nothing is patched)."""
    found: list[str] = []

    def hook(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            found.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")

    sys.setprofile(hook)
    try:
        yield found
    finally:
        sys.setprofile(None)


def _within(calls: list[str], *parts: str) -> list[str]:
    return [c for c in calls if all(p in c for p in parts)]


_RESOURCES = {CHAT: "openai", RESPONSES: "openai", MESSAGES: "anthropic"}


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
def test_the_prepared_call_skips_the_sdk_method_and_its_transform(emu: Emulator, api: str, streamed: bool) -> None:
    """A call runs no code of the SDK's resource method (create, stream) nor of its request transform;
    the SDK's method, called the old way, does (the probe sees it)."""
    adapter = ADAPTERS[api]()  # type: ignore[abstract]
    request = _request(api, "m-1", True)
    sdk = f"site-packages/{_RESOURCES[api]}/"
    client = _client(emu, adapter, api)
    with entered() as prepared_path:
        opened = adapter.send(client, request, stream=streamed)
        _read(adapter, api, opened) if streamed else None
    with entered() as sdk_path:
        opened = adapter.sdk_send(client, request, stream=streamed)
        _read(adapter, api, opened) if streamed else None
    assert _within(prepared_path, sdk, "/resources/") == [] and _within(prepared_path, sdk, "_transform.py") == []
    assert any(c.endswith((":create", ":stream")) for c in _within(sdk_path, sdk, "/resources/"))
    assert _within(prepared_path, sdk, "_base_client.py:post")  # the probe sees the SDK's code


AZURE_KEYS = ("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210")
# (api, platform, first key, second key, ChainEntry settings, the 429 shape)
ROTATIONS: list[tuple[str, str | None, str, str, dict[str, Any], str]] = [
    (CHAT, None, "sk-one", "sk-two", {}, "openai_tpm_limit_retry_after"),
    (RESPONSES, None, "sk-one", "sk-two", {}, "openai_tpm_limit_retry_after"),
    (MESSAGES, None, "sk-one", "sk-two", {}, "anthropic_rate_limit"),
    (CHAT, "azure", *AZURE_KEYS, {"platform": "azure", "api_version": "2024-10-21"}, "openai_tpm_limit_retry_after"),
]


@pytest.mark.parametrize(("api", "platform", "first", "second", "settings", "shape"), ROTATIONS)
def test_a_rotation_builds_no_http_client_inside_the_turn(api: str, platform: str | None, first: str, second: str,
                                                          settings: dict[str, Any], shape: str) -> None:
    """The key a turn rotates to shares the HTTP client (pool, TLS context) built for the first key:
    no HTTP client is constructed inside the rotating turn, and both keys are still sent as their own."""
    rules = [{"respond": "error", "shape": shape, "match": {"key": first, "key_calls": [2]}}]
    with Emulator({"rules": rules}) as emu:
        chain = [entry(emu, api, "m", **settings)]
        if platform:
            chain = [chain[0].model_copy(update={"base_url": emu.base_url(platform)})]  # type: ignore[arg-type]
        loop = make_loop(chain, {"main": pool("main", first, second)})
        assert loop.run("first").ok  # the first key's first call builds the shared HTTP client
        with entered() as calls:
            result = loop.run("second")  # the first key is limited: the turn rotates to the second
        keys = [r.key for r in emu.log]
    assert result.ok and len(result.attempts) == 2 and len(set(keys[1:])) == 2
    built = _within(calls, "/agent/_http.py")
    assert built and not [c for c in built if c.endswith(("http_client", "_transport"))]


def _warned_models() -> list[tuple[str, RequestSettings, type[Warning]]]:
    from anthropic._data import DEPRECATED_MODELS, MODELS_TO_WARN_WITH_THINKING_ENABLED

    return [(next(iter(DEPRECATED_MODELS)), RequestSettings(), DeprecationWarning),
            (next(iter(MODELS_TO_WARN_WITH_THINKING_ENABLED)), RequestSettings(thinking_budget=1024), UserWarning)]


@pytest.mark.parametrize(("model", "settings", "warning"), _warned_models())
@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
def test_a_model_the_anthropic_sdk_warns_about_goes_through_its_method(model: str, settings: RequestSettings,
                                                                      warning: type[Warning], streamed: bool,
                                                                      emu: Emulator) -> None:
    """A deprecated model (or thinking.type=enabled where the SDK wants adaptive) keeps the SDK's own warning."""
    adapter = ADAPTERS[MESSAGES]()  # type: ignore[abstract]
    request = ModelRequest(model, (Message.user("hi"),), settings=settings, timeouts=TIMEOUTS)
    client = _client(emu, adapter, MESSAGES)
    assert not adapter.prepared_fits(client, request, stream=streamed)
    before = emu.calls()
    with pytest.warns(warning, match=model):
        events = _read(adapter, MESSAGES, adapter.send(client, request, stream=True)) if streamed else [
            adapter.send(client, request)]
    assert emu.calls() == before + 1 and events


@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
def test_the_anthropic_sdks_own_spans_are_the_same(emu: Emulator, streamed: bool) -> None:
    """With the Anthropic SDK's tracing on, the prepared call records the span its method records."""
    import anthropic
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter, provider = InMemorySpanExporter(), TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    adapter = ADAPTERS[MESSAGES]()  # type: ignore[abstract]
    client = anthropic.Anthropic(api_key="sk-emu-one", base_url=emu.base_url("anthropic"), max_retries=0,
                                 timeout=30.0, open_telemetry={"tracer_provider": provider})
    request = _request(MESSAGES, "m-1", True)
    _both(emu, lambda: _read(adapter, MESSAGES, adapter.sdk_send(client, request, stream=True)) if streamed
          else adapter.sdk_send(client, request, stream=False),
          lambda: _read(adapter, MESSAGES, adapter.send(client, request, stream=True)) if streamed
          else adapter.send(client, request))
    old, new = ((span.name, span.kind, _same(dict(span.attributes or {}))) for span in exporter.get_finished_spans())
    assert old == new and old[0] == "anthropic.messages.create"
