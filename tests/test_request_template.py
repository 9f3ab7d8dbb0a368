"""The SDK's request reused per shape: the same bytes on the wire and the same typed errors as ``post``."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import anthropic
import httpx2
import openai
import pytest

from agent import _request_template
from agent._http import async_http_client
from agent._http_aio import aiohttp_client
from agent._request_template import post_content
from agent.adapters import ADAPTERS, Adapter, ModelRequest
from agent.chain import CallTimeouts
from agent.conversation import Message
from agent.testing.emulator import Emulator, Scenario
from tests import test_adapters_wire as wire

_PATHS = {"anthropic": "/v1/messages", "openai": "/chat/completions"}
_LIMITED = {"anthropic": "anthropic_rate_limit", "openai": "openai_rpm_limit"}
_HTTP: dict[str, Callable[[float], httpx2.AsyncClient]] = {"aiohttp": aiohttp_client, "httpx": async_http_client}


def _body(model: str) -> bytes:
    return json.dumps({"model": model, "max_tokens": 8, "messages": [{"role": "user", "content": "Hi"}]}).encode()


def _client(sdk: str, emu: Emulator, http: str) -> Any:
    kind = anthropic.AsyncAnthropic if sdk == "anthropic" else openai.AsyncOpenAI
    return kind(api_key="sk-emu-one", base_url=emu.base_url(sdk),  # type: ignore[operator]
                max_retries=0, timeout=20.0, http_client=_HTTP[http](20.0))


def _emulator(*rules: dict[str, Any]) -> Emulator:
    return Emulator(Scenario.model_validate({"rules": list(rules)}))


async def _post(client: Any, sdk: str, model: str, timeout: httpx2.Timeout | None, *, stream: bool = False) -> Any:
    """What ``post`` itself does with the same call (the reference)."""
    options: dict[str, Any] = {"headers": {"anthropic-beta": "b1"}}
    if timeout is not None:
        options["timeout"] = timeout
    return await client.post(_PATHS[sdk], cast_to=httpx2.Response, content=_body(model), options=options,
                             stream=stream)


async def _templated(client: Any, sdk: str, model: str, timeout: httpx2.Timeout | None, *,
                     stream: bool = False) -> Any:
    return await post_content(client, _PATHS[sdk], _body(model), headers={"anthropic-beta": "b1"}, timeout=timeout,
                              stream=stream)


@pytest.mark.parametrize("http", ["aiohttp", "httpx"])
@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
def test_a_reused_request_sends_what_post_sends(sdk: str, http: str, caplog: pytest.LogCaptureFixture) -> None:
    """Real SDK clients to the emulator: calls after the first send the path, headers (the timeout's own
    x-stainless headers included) and body ``post`` sends, and the SDK builds the request only once per shape."""
    timeouts = (None, httpx2.Timeout(7.5, connect=2.0), httpx2.Timeout(4.25, connect=2.0))

    async def run(emu: Emulator) -> None:
        client = _client(sdk, emu, http)
        for timeout in timeouts:
            await _post(client, sdk, "m", timeout)
            for _ in range(3):
                response = await _templated(client, sdk, "m", timeout)
                assert response.status_code == 200 and response.json()
        await client.close()

    caplog.set_level(logging.DEBUG, logger=f"{sdk}._base_client")
    with _emulator() as emu:
        asyncio.run(run(emu))
        log = emu.log
    sent = [(r.path, r.body, r.headers) for r in log]
    for n in range(len(timeouts)):
        reference, *reused = sent[4 * n:4 * n + 4]
        assert all(r == reference for r in reused)
    assert {r.headers["x-stainless-read-timeout"] for r in log} == {"20.0", "7.5", "4.25"}
    # the SDK sends a request per call of post, and one per shape of post_content (a timeout given or not)
    assert sum(r.message.startswith("Sending HTTP Request") for r in caplog.records) == len(timeouts) + 2


async def _failure(call: Any) -> BaseException:
    try:
        response = await call
    except Exception as err:
        return err
    raise AssertionError(f"no error: {response.status_code}")


# aiohttp names the limit of the phase that ran out ("Request to 127.0.0.1:45507 timed out after 0.3s", or "after 2s"
# when the connect phase did, seen under a loaded suite)
_TIMED_OUT_AFTER = re.compile(r"timed out after [0-9.]+s")


def _facts(err: BaseException) -> tuple[Any, ...]:
    # the cause's kind, not its class, and not the limit the text names: which phase a timeout hit (connect, read)
    # depends on the machine's load
    cause = next((kind for kind in (httpx2.TimeoutException, httpx2.TransportError, Exception, type(None))
                  if isinstance(err.__cause__, kind)), None)
    text = _TIMED_OUT_AFTER.sub("timed out after Ns", wire.same_text(err))
    return (type(err), text, getattr(err, "status_code", None), getattr(err, "body", None), cause,
            err.__suppress_context__)


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("http", ["aiohttp", "httpx"])
@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
def test_a_reused_request_fails_as_post_fails(sdk: str, http: str, stream: bool) -> None:
    """An error status, a dropped connection and a timeout raise the SDK's own classes, messages, bodies and
    causes, exactly as ``post`` raises them (what the classifier reads)."""
    short = httpx2.Timeout(0.3, connect=2.0)

    async def run(emu: Emulator) -> None:
        client = _client(sdk, emu, http)
        for timeout in (None, short):  # a template of each shape first
            await (await _templated(client, sdk, "m", timeout, stream=stream)).aclose()
        for model, timeout in (("limited", None), ("dropped", None), ("hangs", short)):
            expected = await _failure(_post(client, sdk, model, timeout, stream=stream))
            found = await _failure(_templated(client, sdk, model, timeout, stream=stream))
            assert _facts(found) == _facts(expected), model
        await client.close()

    error = {"match": {"model": "limited"}, "respond": "error", "shape": _LIMITED[sdk]}
    with _emulator(error, {"match": {"model": "dropped"}, "respond": "drop"},
                   {"match": {"model": "hangs"}, "respond": "hang"}) as emu:
        asyncio.run(run(emu))


@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
def test_a_kept_request_does_not_show_its_key(sdk: str) -> None:
    """The kept request holds the client's auth header (x-api-key, Authorization): its repr never shows it."""
    async def run(emu: Emulator) -> str:
        client = _client(sdk, emu, "httpx")
        await _templated(client, sdk, "m", None)
        kept = repr(_request_template._CLIENTS[client].templates)
        await client.close()
        return kept

    with _emulator() as emu:
        kept = asyncio.run(run(emu))
    assert "/v1/messages" in kept or "/chat/completions" in kept  # the template is there
    assert "sk-emu-one" not in kept and "emu-one" not in kept


# ------------------------------------------------------------ typed calls: the conversation loop's adapters

@pytest.fixture(scope="module")
def scripted() -> Iterator[Emulator]:
    """One emulator for the typed calls, with the error answers of tests/test_adapters_wire.py."""
    with Emulator(wire._scenario()) as running:
        yield running


_DROPS = [{"match": {"model": "dropped"}, "respond": "drop"}, {"match": {"model": "hangs"}, "respond": "hang"}]
_SHORT = CallTimeouts(connect=2.0, first_byte=0.3, idle=0.3, write=2.0)


def _adapter_client(emu: Emulator, api: str, asynchronous: bool) -> tuple[Adapter, Any]:
    adapter = ADAPTERS[api]()  # type: ignore[abstract]
    return adapter, wire._client(emu, adapter, api, asynchronous)


def _sending(caplog: pytest.LogCaptureFixture) -> int:
    """How many requests the SDK's own request path built and sent (its debug log says so once each)."""
    return sum(r.message.startswith("Sending HTTP Request") for r in caplog.records)


def _warm(adapter: Adapter, client: Any, api: str, stream: bool, rich: bool = False) -> None:
    """One call of the shape (its headers) through ``post``: the template of that shape is kept."""
    request = wire._request(api, "m-1", rich)
    wire._read(adapter, api, adapter.send(client, request, stream=True)) if stream else adapter.send(client, request)
    assert _request_template._CLIENTS[client].templates


@pytest.mark.parametrize("api", wire.APIS)
@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize(("model", "rich"), [("m-1", False), ("m-1", True), ("tool-call", True),
                                             ("err-429", False), ("err-502", False), ("cut-mid-stream", False)])
def test_a_templated_call_sends_and_answers_as_the_sdk_does(scripted: Emulator, api: str, stream: bool, model: str,
                                                            rich: bool, caplog: pytest.LogCaptureFixture) -> None:
    """Sync clients, after one call of the shape: the same path, body and headers as the SDK's own method, the
    same typed response or stream events, the same exception for an error status, and no request built by the
    SDK (``post`` builds one per shape, and only then)."""
    adapter, client = _adapter_client(scripted, api, False)
    _warm(adapter, client, api, stream, rich)
    request = wire._request(api, model, rich)
    caplog.set_level(logging.DEBUG)
    sdk = (lambda: wire._read(adapter, api, adapter.sdk_send(client, request, stream=True))) if stream else (
        lambda: adapter.sdk_send(client, request, stream=False))
    ours = (lambda: wire._read(adapter, api, adapter.send(client, request, stream=True))) if stream else (
        lambda: adapter.send(client, request))
    old, new = wire._both(scripted, sdk, ours)
    assert _sending(caplog) == 1  # the SDK's method built its request; the templated call did not
    if isinstance(old, BaseException):
        assert wire._error_facts(old) == wire._error_facts(new)
    else:
        assert type(old) is type(new) and wire._same(old) == wire._same(new)


@pytest.mark.parametrize("api", wire.APIS)
@pytest.mark.parametrize("model", ["m-1", "tool-call", "err-429", "error-mid-stream"])
def test_a_templated_async_call_sends_and_answers_as_the_sdk_does(scripted: Emulator, api: str, model: str,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    """Async clients, after one call of each shape: the same wire request, response, events and errors."""

    async def run(adapter: Adapter, client: Any) -> list[Any]:
        got: list[Any] = []
        await wire._aread(adapter, api, adapter.send(client, wire._request(api, "m-1", True), stream=True,
                                                     asynchronous=True))
        await adapter.send(client, wire._request(api, "m-1", True), asynchronous=True)
        caplog.set_level(logging.DEBUG)
        request = wire._request(api, model, True)
        for call in (lambda: wire._aread(adapter, api, adapter.sdk_send(client, request, stream=True)),
                     lambda: wire._aread(adapter, api, adapter.send(client, request, stream=True, asynchronous=True)),
                     lambda: adapter.sdk_send(client, request, stream=False),
                     lambda: adapter.send(client, request, asynchronous=True)):
            try:
                got.append(wire._same(await call()))
            except Exception as err:  # compared below
                got.append(err)
        return got

    adapter, client = _adapter_client(scripted, api, True)
    old_stream, new_stream, old, new = asyncio.run(run(adapter, client))
    sent = [(r.endpoint, r.body, wire._same(r.headers)) for r in scripted.log[-4:]]
    assert sent[0] == sent[1] and sent[2] == sent[3]
    for a, b in ((old_stream, new_stream), (old, new)):
        assert wire._error_facts(a) == wire._error_facts(b) if isinstance(a, BaseException) else a == b
    assert _sending(caplog) == 2  # the SDK's method twice, the templated calls never


@pytest.mark.parametrize("api", wire.APIS)
@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
def test_a_templated_call_fails_in_transport_as_post_fails(api: str, stream: bool) -> None:
    """A dropped connection and a timeout raise the SDK's own classes, messages and causes, as its method does."""
    with _emulator(*_DROPS) as emu:
        adapter, client = _adapter_client(emu, api, False)
        _warm(adapter, client, api, stream)
        for model, timeouts in (("dropped", wire.TIMEOUTS), ("hangs", _SHORT)):
            request = ModelRequest(model, (Message.user("Say hello."),), timeouts=timeouts)
            found = []
            for send in (adapter.sdk_send, adapter.send):
                try:
                    opened = send(client, request, stream=stream)
                    wire._read(adapter, api, opened) if stream else None
                except Exception as err:  # compared below
                    found.append(err)
            assert len(found) == 2 and _facts(found[0]) == _facts(found[1]), model


@pytest.mark.parametrize("api", wire.APIS)
def test_a_sync_kept_request_does_not_show_its_key(scripted: Emulator, api: str) -> None:
    """A sync client's kept request holds its auth header: the repr never shows the key."""
    adapter, client = _adapter_client(scripted, api, False)
    _warm(adapter, client, api, False)
    kept = repr(_request_template._CLIENTS[client].templates)
    assert "/messages" in kept or "/completions" in kept or "/responses" in kept
    assert "sk-emu-one" not in kept and "emu-one" not in kept


def test_a_call_with_a_trace_context_to_propagate_keeps_post(scripted: Emulator,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """Anthropic's SDK writes the current trace context into its requests (traceparent) even with no tracer
    provider set: such a call goes through ``post``, and sends the trace of the SDK's own method."""
    from opentelemetry import trace

    adapter, client = _adapter_client(scripted, wire.MESSAGES, False)
    _warm(adapter, client, wire.MESSAGES, False)
    request = wire._request(wire.MESSAGES, "m-1", False)
    parent = trace.SpanContext(trace_id=0x5CE17E1D, span_id=0x5EED, is_remote=True, trace_flags=trace.TraceFlags(1))
    caplog.set_level(logging.DEBUG)
    with trace.use_span(trace.NonRecordingSpan(parent)):
        wire._both(scripted, lambda: adapter.sdk_send(client, request, stream=False),
                   lambda: adapter.send(client, request))
    traces = [r.headers.get("traceparent", "").split("-")[1:2] for r in scripted.log[-2:]]
    assert traces == [[f"{0x5CE17E1D:032x}"]] * 2 and _sending(caplog) == 2


@pytest.mark.parametrize(("make", "sdk"), [
    (lambda: openai.OpenAI(api_key="sk-x", max_retries=0), "openai"),
    (lambda: openai.AsyncOpenAI(api_key="sk-x", max_retries=0), "openai"),
    (lambda: anthropic.Anthropic(api_key="sk-x", max_retries=0), "anthropic"),
    (lambda: anthropic.AsyncAnthropic(api_key="sk-x", max_retries=0), "anthropic"),
    # the cloud clients rewrite the path and the body from the JSON they are handed: never templated as given
    (lambda: openai.AsyncAzureOpenAI(api_key="k", api_version="2024-10-21", azure_endpoint="https://x.invalid"),
     None),
    (lambda: anthropic.AsyncAnthropicBedrock(aws_region="us-east-1", aws_access_key="a", aws_secret_key="b"), None),
])
def test_first_party_names_the_sdk_of_its_own_clients_only(make: Any, sdk: str | None) -> None:
    """One owner decides which clients send a body as given (the loop's templates and the gateway's pass-through)."""
    assert _request_template.first_party(make()) == sdk
