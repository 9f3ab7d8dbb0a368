"""The gateway's wire details: SSE splitting, what counts as content, and what a give-up says."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import anthropic
import openai
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent import events as ev
from agent.config import load_config
from agent.results import TurnResult, TurnStatus
from agent.serve.answers import answer_of
from agent.serve.sse import Event, Watch, batches, events
from agent.serve.verdict import refusal, stream_error_event

from .test_serve import HI, anthropic_client, config, scenario, served


async def _chunks(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


async def _events(*lines: str) -> list[Event]:
    return [e async for e in events(_chunks(*(f"{line}\n".encode() for line in lines)))]


@pytest.mark.parametrize(("lines", "expected"), [
    (["event: ping", "data: {}", ""], [("ping", "{}", b"event: ping\ndata: {}\n\n")]),
    ([": keep-alive", "", "data: a", "data: b", ""], [(None, "", b": keep-alive\n\n"),
                                                     (None, "a\nb", b"data: a\ndata: b\n\n")]),
    (["data:x", ""], [(None, "x", b"data:x\n\n")]),
    (["data: [DONE]"], [(None, "[DONE]", b"data: [DONE]\n\n")]),  # no closing blank line: still delivered
    (["", "", ""], []),
])
def test_events_keep_every_byte(lines: list[str], expected: list[tuple[Any, str, bytes]]) -> None:
    """SSE events are split at blank lines; each keeps its name, its data and its bytes as received."""
    import asyncio

    found = asyncio.run(_events(*lines))
    assert [(e.name, e.data, e.raw) for e in found] == expected


_BODY = ("event: message_start\r\ndata: {\"a\": 1}\r\n\r\n: comment\n\ndata: {\"text\": \"x\u2028y\u0085z\"}\n"
         "data: more\n\nevent: ping\rdata: {}\r\rdata: [DONE]").encode()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(_BODY)), max_size=8))
def test_events_are_the_same_wherever_the_body_is_cut(cuts: list[int]) -> None:
    """However the body arrives in chunks (a CRLF cut in two included), the events are the same: lines end at
    CRLF, LF or CR only (a raw U+2028 or U+0085 inside a JSON string is data, as the SDKs' SSE decoders read it),
    and each event's bytes are the provider's, line ends written as LF."""
    import asyncio

    points = sorted({0, *cuts, len(_BODY)})
    chunks = [_BODY[a:b] for a, b in itertools.pairwise(points)]
    found = asyncio.run(_collect(*chunks))
    assert [(e.name, e.data, e.raw) for e in found] == [
        ("message_start", '{"a": 1}', b'event: message_start\ndata: {"a": 1}\n\n'),
        (None, "", b": comment\n\n"),
        (None, '{"text": "x\u2028y\u0085z"}\nmore', 'data: {"text": "x\u2028y\u0085z"}\ndata: more\n\n'.encode()),
        ("ping", "{}", b"event: ping\ndata: {}\n\n"),
        (None, "[DONE]", b"data: [DONE]\n\n"),
    ]
    assert json.loads(found[2].data.split("\n")[0])["text"] == "x\u2028y\u0085z"


_LF_BODY = (b'event: message_start\ndata: {"a": 1}\n\n\n: comment\nretry: 5\n\ndata: {"text": "x\xe2\x80\xa8y"}\n'
            b"data: more\n\n\n\n\nevent: ping\nevent: pong\ndata: {}\n\ndata:[DONE]\n")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(_LF_BODY)), max_size=8))
def test_events_of_an_lf_body_are_the_same_wherever_it_is_cut(cuts: list[int]) -> None:
    """A body with LF line ends only (each chunk that starts an event is cut at its blank lines in one split, the
    rest read line by line) gives the same events however it is cut: extra blank lines, comments, a repeated
    event name and a last event without its blank line included."""
    import asyncio

    points = sorted({0, *cuts, len(_LF_BODY)})
    found = asyncio.run(_collect(*(_LF_BODY[a:b] for a, b in itertools.pairwise(points))))
    assert [(e.name, e.data, e.raw) for e in found] == [
        ("message_start", '{"a": 1}', b'event: message_start\ndata: {"a": 1}\n\n'),
        (None, "", b": comment\nretry: 5\n\n"),
        (None, '{"text": "x\u2028y"}\nmore', b'data: {"text": "x\xe2\x80\xa8y"}\ndata: more\n\n'),
        ("pong", "{}", b"event: ping\nevent: pong\ndata: {}\n\n"),
        (None, "[DONE]", b"data:[DONE]\n\n"),
    ]


async def _collect(*chunks: bytes) -> list[Event]:
    return [e async for e in events(_chunks(*chunks))]


def test_batches_are_the_events_each_chunk_ended() -> None:
    """``batches`` hands over the events a chunk ended together (none: no batch), the last unended one at the end."""
    import asyncio

    async def run() -> list[list[bytes]]:
        found = batches(_chunks(b"data: 1\n\ndata: 2\n\nda", b"ta: 3\n", b"\n", b": c\n\ndata: 4"))
        return [[e.raw for e in batch] async for batch in found]

    assert asyncio.run(run()) == [[b"data: 1\n\n", b"data: 2\n\n"], [b"data: 3\n\n"], [b": c\n\n"],
                                  [b"data: 4\n\n"]]


def _watch(api: str) -> Watch:
    return Watch(api, None, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("api", "event", "content"), [
    ("anthropic-messages", {"type": "message_start", "message": {"model": "m", "usage": {"input_tokens": 3}}}, False),
    ("anthropic-messages", {"type": "ping"}, False),
    ("anthropic-messages", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
     False),
    ("anthropic-messages", {"type": "content_block_start", "index": 0,
                            "content_block": {"type": "tool_use", "id": "t", "name": "f", "input": {}}}, True),
    ("anthropic-messages", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "x"}},
     True),
    ("openai-responses", {"type": "response.created", "response": {"id": "r"}}, False),
    ("openai-responses", {"type": "response.in_progress", "response": {"id": "r"}}, False),
    ("openai-responses", {"type": "response.output_text.delta", "delta": "x"}, True),
    ("openai-responses", {"type": "response.function_call_arguments.delta", "delta": "{"}, True),
    ("openai-chat", {"choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}, False),
    ("openai-chat", {"choices": [{"index": 0, "delta": {"content": "x"}}]}, True),
    ("openai-chat", {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"name": "f"}}]}}]},
     True),
    ("openai-chat", {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}, False),
    # what else is an answer (agent._answer_parts): Codex's custom tools and shell, images, hosted tools, audio
    ("openai-responses", {"type": "response.output_item.added", "item": {
        "type": "custom_tool_call", "call_id": "c", "name": "apply_patch", "input": ""}}, True),
    ("openai-responses", {"type": "response.output_item.added", "item": {
        "type": "local_shell_call", "call_id": "c", "action": {"type": "exec", "command": ["ls"]}}}, True),
    ("openai-responses", {"type": "response.output_item.added", "item": {
        "type": "image_generation_call", "status": "in_progress"}}, False),
    ("openai-responses", {"type": "response.image_generation_call.partial_image", "partial_image_b64": "iVBO"}, True),
    ("openai-responses", {"type": "response.output_item.done", "item": {
        "type": "image_generation_call", "status": "completed", "result": "iVBO"}}, True),
    ("openai-responses", {"type": "response.output_item.added", "item": {"type": "web_search_call"}}, False),
    ("anthropic-messages", {"type": "content_block_start", "index": 0, "content_block": {
        "type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {}}}, True),
    ("anthropic-messages", {"type": "content_block_start", "index": 0, "content_block": {
        "type": "thinking", "thinking": "", "signature": ""}}, False),
    ("openai-chat", {"choices": [{"index": 0, "delta": {"audio": {"id": "audio_1", "transcript": "Yes"}}}]}, True),
    ("openai-chat", {"choices": [{"index": 0, "delta": {"tool_calls": [
        {"index": 0, "type": "custom", "custom": {"name": "apply_patch", "input": ""}}]}}]}, True),
])
def test_what_counts_as_the_first_content_event(api: str, event: dict[str, Any], content: bool) -> None:
    """Starts, pings and empty deltas carry no content (failures after them stay invisible); deltas do."""
    watch = _watch(api)
    name = event.get("type") if api != "openai-chat" else None
    assert watch.feed(Event(name, json.dumps(event), b"")) is None
    assert watch.content is content


@pytest.mark.parametrize(("api", "data", "text", "finish"), [
    ("anthropic-messages", {"content": [{"type": "text", "text": "hi"},
                                        {"type": "tool_use", "name": "f", "id": "t", "input": {"a": 1}}],
                            "stop_reason": "tool_use", "usage": {"input_tokens": 1, "output_tokens": 2}},
     "hi", "tool_use"),
    ("openai-chat", {"choices": [{"message": {"content": "hi"}, "finish_reason": "length"}]}, "hi", "length"),
    ("openai-responses", {"status": "completed", "output": [{"type": "message", "content": [
        {"type": "output_text", "text": "hi"}]}]}, "hi", "completed"),
    ("openai-chat", {"choices": "garbage", "usage": []}, "", None),
])
def test_plain_answers_are_read_without_the_sdk(api: str, data: dict[str, Any], text: str, finish: str | None) -> None:
    """A JSON answer's text and how it ended are read as the ladder needs them; odd shapes read as empty."""
    reply = answer_of(api, data)  # type: ignore[arg-type]
    assert reply is not None and reply.text == text
    assert reply.finish_reasons == ((finish,) if finish else ())


@pytest.mark.parametrize(("api", "data", "calls", "parts"), [
    ("openai-responses", {"status": "completed", "output": [
        {"type": "custom_tool_call", "call_id": "c1", "name": "apply_patch", "input": "*** Begin Patch"},
        {"type": "computer_call", "call_id": "c2", "action": {"type": "screenshot"}}]},
     ["apply_patch", "computer_call"], ()),
    ("openai-responses", {"status": "completed", "output": [
        {"type": "image_generation_call", "status": "completed", "result": "iVBO"}]}, [], ("image_generation_call",)),
    ("openai-responses", {"status": "completed", "output": [
        {"type": "image_generation_call", "status": "failed", "result": None}]}, [], ()),
    ("anthropic-messages", {"stop_reason": "pause_turn", "content": [
        {"type": "server_tool_use", "id": "s", "name": "web_search", "input": {}},
        {"type": "web_search_tool_result", "tool_use_id": "s", "content": []}]},
     [], ("server_tool_use", "web_search_tool_result")),
    ("openai-chat", {"choices": [{"message": {"content": None, "audio": {"id": "a", "data": "UklG"}}}]}, [],
     ("audio",)),
    ("openai-chat", {"choices": [{"message": {"content": None, "tool_calls": [
        {"id": "c", "type": "custom", "custom": {"name": "apply_patch", "input": "x"}}]}}]}, ["apply_patch"], ()),
])
def test_answers_without_text_say_what_they_carry(api: str, data: dict[str, Any], calls: list[str],
                                                  parts: tuple[str, ...]) -> None:
    """Calls the client acts on are tool calls; images, audio and hosted tools' blocks are parts: not empty."""
    reply = answer_of(api, data)  # type: ignore[arg-type]
    assert reply is not None and reply.text == ""
    assert [c.name for c in reply.tool_calls] == calls and reply.parts == parts


def test_a_body_that_is_not_an_object_is_no_answer() -> None:
    """Text or a JSON list is not an answer: the ladder judges it malformed."""
    assert answer_of("openai-chat", "<html>") is None and answer_of("openai-chat", [1]) is None


NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def _result(status: TurnStatus, *, retry_in: float | None = None) -> TurnResult:
    now = NOW
    return TurnResult(status=status, final_response="no key may serve it now (sk-secret-value-123456)",
                      finished_at=now, retry_at=now + timedelta(seconds=retry_in) if retry_in else None)


@pytest.mark.parametrize(("api", "status", "http", "retry"), [
    ("anthropic-messages", TurnStatus.rate_limited, 429, "true"),
    ("openai-chat", TurnStatus.quota_exhausted, 429, "false"),
    ("anthropic-messages", TurnStatus.provider_unavailable, 529, "true"),
    ("openai-responses", TurnStatus.provider_unavailable, 503, "true"),
    ("openai-chat", TurnStatus.content_policy_blocked, 400, "false"),
    ("anthropic-messages", TurnStatus.auth_failed, 502, "false"),
    ("openai-chat", TurnStatus.model_unavailable, 503, "false"),
    ("openai-chat", TurnStatus.deadline_exceeded, 504, "true"),
])
def test_a_give_up_says_its_status_and_whether_to_retry(api: str, status: TurnStatus, http: int, retry: str) -> None:
    """The status table: HTTP status and x-should-retry per turn status, in the protocol's error shape."""
    answer = refusal(api, _result(status), [])  # type: ignore[arg-type]
    body = json.loads(answer.body)
    assert answer.status == http and answer.headers["x-should-retry"] == retry
    assert (body["type"] == "error") if api == "anthropic-messages" else ("message" in body["error"])
    assert "sk-secret-value-123456" not in answer.body.decode()  # the verdict's words, redacted


def test_retry_after_is_the_longest_known_wait() -> None:
    """retry-after takes the longest hint of any attempt, or the time until a key is back, rounded up."""
    hinted = ev.AttemptEnded(ev.NO_TURN, 1, "openai-chat", "OpenAI", "m", "k", "rate_limit", "retry", "retried", 0.0,
                             0.1, 0, 429, "r", "credential", 12.2)
    def wait(retry_in: float | None, events: list[ev.Event]) -> str | None:
        return refusal("openai-chat", _result(TurnStatus.rate_limited, retry_in=retry_in), events, now=NOW).headers.get(
            "retry-after")

    assert wait(3, [hinted]) == "13" and wait(40.5, [hinted]) == "41" and wait(None, []) is None


@pytest.mark.parametrize("api", ["anthropic-messages", "openai-chat", "openai-responses"])
def test_the_written_terminal_error_is_what_each_sdk_raises_on(api: str) -> None:
    """steadyloop's own terminal error event has the protocol's shape: named error / response.failed / error chunk."""
    text = stream_error_event(api, _result(TurnStatus.provider_unavailable)).decode()  # type: ignore[arg-type]
    first = {"anthropic-messages": "event: error\n", "openai-responses": "event: response.failed\n",
             "openai-chat": "data: {\"error\""}[api]
    assert text.startswith(first) and text.endswith("\n\n")


def test_a_give_up_after_keep_alives_is_an_error_event_the_sdk_raises() -> None:
    """Keep-alives started the response, then every key failed: the stream ends in event: error, and the SDK raises."""
    rule = {"respond": "error", "shape": "anthropic_overloaded", "delay": 0.4}
    settings = {"serve": {"keep_alive_seconds": 0.1}, "loop": {"max_attempts": 1}}
    with scenario(rules=[rule]) as emu, served(config(emu, "anthropic-messages", **settings)) as gw, \
            pytest.raises(anthropic.APIStatusError) as caught, \
            anthropic_client(gw.url).messages.stream(model="r", max_tokens=16, messages=HI) as stream:  # type: ignore[arg-type]
        stream.get_final_message()
    assert caught.value.body["error"]["type"] == "overloaded_error"  # type: ignore[index]
    assert not isinstance(caught.value, openai.APIError)


# ------------------------------------------------------------------ the client's bytes, sent as they came

# An OpenAI SDK body: "model" after the messages, a nested "model" key, escapes and spacing of its own.
_SENT = (b'{"messages": [{"role": "user", "content": "caf\\u00e9 \\"model\\": {[ \\\\"}], '
         b'"metadata": {"model": "r"}, "model" : "r", "stream": false}')


@pytest.mark.parametrize(("data", "model", "expected"), [
    (_SENT, "m", _SENT.replace(b'"model" : "r"', b'"model" : "m"')),
    (_SENT, "r", _SENT),  # the same name: not a byte changes
    (b'{"model": "r", "x": 1, "model": "r"}', "m", b'{"model": "m", "x": 1, "model": "m"}'),  # duplicates: all of them
    (b'{"mod\\u0065l": "r", "y": {"model": "r"}}', "m", None),  # not plainly written: the caller encodes the body
    # a key ending in an escaped quote and model: found by the search, inside a string, so not counted (a CI find)
    (b'{"model": "r", "": {"\\"model": null}, "y": {"z": [{"model": ""}]}}', "m",
     b'{"model": "m", "": {"\\"model": null}, "y": {"z": [{"model": ""}]}}'),
    (b'{"messages": ["' + b"x" * 70_000 + b'"], "model": "r"}', "m", None),  # far: encoding costs no more
])
def test_with_model_replaces_only_the_top_level_model(data: bytes, model: str, expected: bytes | None) -> None:
    from agent.passthrough import with_model

    assert with_model(data, "r", model) == expected
    if expected is not None:
        assert json.loads(expected) == {**json.loads(data), "model": model}


# Text that looks like JSON structure: quotes, escapes, brackets and the key itself inside strings.
_TRICKY = st.lists(st.sampled_from(['"', "\\", "{", "}", "[", "]", ":", ",", " ", '"model"', "model", "a", "\u00e9"]),
                  max_size=8).map("".join)
_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | _TRICKY,
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TRICKY, inner, max_size=3),
                       max_leaves=12)


@settings(deadline=None, max_examples=300)
@given(before=st.dictionaries(_TRICKY, _VALUES, max_size=3), after=st.dictionaries(_TRICKY, _VALUES, max_size=3),
       was=_TRICKY, new=_TRICKY, compact=st.booleans(), nested=st.booleans())
def test_with_model_reads_as_the_body_with_only_its_model_changed(
        before: dict[str, Any], after: dict[str, Any], was: str, new: str, compact: bool, nested: bool) -> None:
    """Any JSON object, however its strings mimic keys and brackets: the bytes returned decode to the same
    object with only the top-level model replaced, or None (the caller encodes the body): never a wrong splice."""
    from agent.passthrough import with_model

    body = {**{k: v for k, v in before.items() if k != "model"}, "model": was,
            **{k: v for k, v in after.items() if k != "model"}}
    if nested:  # a "model" key one level down (a tool's schema, metadata) is not the request's model
        body["metadata"] = {"model": was, "tools": [{"model": was}]}
    data = json.dumps(body, separators=(",", ":") if compact else None, ensure_ascii=False).encode()
    spliced = with_model(data, was, new)
    if spliced is not None:  # None: a key inside a string fooled the scan, and the caller encodes the body
        assert json.loads(spliced) == {**body, "model": new}
    if '"model' not in json.dumps(before) + json.dumps(after):  # no look-alike key anywhere: always spliced
        assert spliced is not None


@pytest.mark.parametrize(("extra_body", "sent_as_is"), [({}, True), ({"service_tier": "flex"}, False)])
def test_the_upstream_gets_the_clients_bytes_but_for_the_model(extra_body: dict[str, Any], sent_as_is: bool) -> None:
    """The real SDK client over a recording transport: the body goes out as the client wrote it (spacing,
    escapes, key order), only the model changed; a chain entry's extra_body makes it encoded anew."""
    import asyncio

    import httpx2

    from agent._params import RequestSettings
    from agent.adapters import ModelRequest
    from agent.passthrough import RawRequest, send_raw

    seen: list[bytes] = []

    def answer(request: httpx2.Request) -> httpx2.Response:
        seen.append(request.content)
        return httpx2.Response(200, json={"ok": True})

    async def send() -> None:
        client = anthropic.AsyncAnthropic(api_key="sk-test", base_url="http://upstream.test", max_retries=0,
                                          http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(answer)))
        raw = RawRequest.of(json.loads(_SENT), {}, data=_SENT)
        target = ModelRequest("m", (), settings=RequestSettings(extra_body=extra_body))
        await send_raw(client, "anthropic-messages", raw, target)

    asyncio.run(send())
    expected = {**json.loads(_SENT), **extra_body, "model": "m"}
    assert json.loads(seen[0]) == expected
    assert (seen[0] == _SENT.replace(b'"model" : "r"', b'"model" : "m"')) is sent_as_is


# ------------------------------------------------------------------ one write per response


class _Recording:
    """A connection's transport that records what is written."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8788)}.get(name, default)

    def pause_reading(self) -> None: ...

    def resume_reading(self) -> None: ...


def test_a_response_leaves_in_one_write() -> None:
    """The gateway's protocol writes a response (status line, headers, body) in one write: uvicorn's own
    writes the headers first, a TCP segment and a wake-up of the client of their own."""
    import asyncio

    import uvicorn
    from uvicorn.server import ServerState

    from agent.serve.app import create_app
    from agent.serve.gateway import Gateway
    from agent.serve.protocol import protocol_class

    async def run() -> _Recording:
        app = create_app(Gateway(load_config({"state": {"backend": "memory"}, "pools": {"p": {"credentials": [
            {"id": "k", "key": "sk-aaaaaaaaaaaa"}]}}, "chain": [{"api": "openai-chat", "model": "m", "pool": "p"}],
            "routes": {"r": {"chain": ["m"]}}})))
        protocol = protocol_class()(uvicorn.Config(app, lifespan="off", log_level="warning"), ServerState(), {})
        transport = _Recording()
        protocol.connection_made(transport)  # type: ignore[arg-type]
        protocol.data_received(b"GET /v1/models HTTP/1.1\r\nhost: x\r\n\r\n")
        while not transport.writes or not protocol.cycle.response_complete:
            await asyncio.sleep(0)
        await asyncio.sleep(0)  # a header block still held would go out now, alone
        return transport

    (written,) = asyncio.run(run()).writes
    head, _, body = written.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and json.loads(body)["data"][0]["id"] == "r"


def test_held_headers_keep_their_place() -> None:
    """A header block waits for the next write, the loop's turn or the close; the bytes keep their order."""
    import asyncio

    from agent.serve.protocol import _Coalescing

    async def run() -> _Recording:
        inner = _Recording()
        t = _Coalescing(inner, asyncio.get_running_loop())  # type: ignore[arg-type]
        t.write(b"HTTP/1.1 200 OK\r\na: b\r\n\r\n")
        t.write(b"body")  # together
        t.write(b"HTTP/1.1 204 No Content\r\n\r\n")
        await asyncio.sleep(0)  # the loop's turn: sent alone
        t.write(b"HTTP/1.1 200 OK\r\n\r\n")
        assert not t.is_closing()  # the transport's own attributes
        t.close()  # sent before the close
        return inner

    inner = asyncio.run(run())
    assert inner.writes == [b"HTTP/1.1 200 OK\r\na: b\r\n\r\nbody", b"HTTP/1.1 204 No Content\r\n\r\n",
                            b"HTTP/1.1 200 OK\r\n\r\n"] and inner.closed


def test_a_line_longer_than_the_chunks_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Responses image tool streams each partial image as base64 in one data line
    (``response.image_generation_call.partial_image``, ``partial_image_b64``: megabytes), which arrives in many
    chunks. Its bytes are split into lines once, not once a chunk: re-reading the line so far on every chunk
    held the event loop (every client of the gateway) for about 0.4 s at 4 MB and 30 s at the 32 MiB body cap."""
    import asyncio

    from agent.serve import sse

    image = "iVBORw0KGgo" + "A" * 2_000_000
    event = json.dumps({"type": "response.image_generation_call.partial_image", "item_id": "ig_1",
                        "output_index": 0, "partial_image_index": 0, "partial_image_b64": image})
    body = f"event: response.image_generation_call.partial_image\ndata: {event}\n\n".encode()
    split, handed = sse._split, [0]

    def counted(held: bytes, chunk: bytes) -> tuple[list[bytes], bytes]:
        handed[0] += len(held) + len(chunk)
        return split(held, chunk)

    monkeypatch.setattr(sse, "_split", counted)
    found = asyncio.run(_collect(*(body[i:i + 16384] for i in range(0, len(body), 16384))))
    assert [(e.name, e.raw) for e in found] == [("response.image_generation_call.partial_image", body)]
    assert json.loads(found[0].data)["partial_image_b64"] == image
    assert handed[0] <= 2 * len(body)  # was about 62 times the body: each chunk re-split the line so far
