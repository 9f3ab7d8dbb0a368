"""agent.serve.walk: one pass-through turn per client request, against the emulator through the real SDK clients."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Generator, MutableMapping
from typing import Any

import pytest

from agent import events as ev
from agent._turn import Answered, Call, Effect
from agent.passthrough import RawRequest
from agent.results import TurnResult
from agent.serve.gateway import Gateway
from agent.serve.sink import StreamSink
from agent.serve.sse import Event, Watch, batches
from agent.serve.walk import Walked, _relay, walk
from agent.testing.emulator import Emulator

from .test_serve import APIS, FULL, HI, config, scenario

_BODIES = {"anthropic-messages": {"model": "r", "max_tokens": 64, "messages": HI},
           "openai-chat": {"model": "r", "messages": HI}, "openai-responses": {"model": "r", "input": HI}}


class _Seen:
    """The loop of a route, its pass-through turns' effects recorded as the driver receives them."""

    def __init__(self, logic: Any) -> None:
        self.logic, self.effects = logic, []

    def passthrough_turn(self, session: str | None = None, *,
                         pinned: bool = False) -> Generator[Effect, Any, TurnResult]:
        turn = self.logic.passthrough_turn(session, pinned=pinned)
        try:
            reply = None
            while True:
                try:
                    effect = turn.send(reply)
                except StopIteration as done:
                    return done.value  # type: ignore[no-any-return]
                self.effects.append(effect)
                reply = yield effect
        finally:
            turn.close()


def _walked(emu: Emulator, api: str, *, stream: bool) -> tuple[Walked, list[Effect], bytes]:
    """One client request walked through a gateway of ``emu``: what it saw, the turn's effects, the bytes sent."""
    body = {**_BODIES[api], **({"stream": True} if stream else {})}
    sent: list[bytes] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message.get("body", b""))

    async def run() -> tuple[Walked, list[Effect]]:
        gateway = Gateway(config(emu, api))
        seen = _Seen(gateway.loop("r", api))
        sink = StreamSink(send, list, keep_alive=30) if stream else None
        try:
            walked = await walk(seen, RawRequest.of(body, {}, data=json.dumps(body).encode()), sink=sink)  # type: ignore[arg-type]
        finally:
            await gateway.aclose()
        return walked, seen.effects

    walked, effects = asyncio.run(run())
    return walked, effects, b"".join(sent) or walked.body


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("api", APIS)
def test_a_pass_through_turn_tells_the_hooks_and_builds_no_history(api: str, stream: bool) -> None:
    """The turn's events reach the hooks in order and the driver only its calls and the answer's hand-over (no
    Emit it would drop); the
    result says what the answer was (status, text, tokens, one answered attempt) but holds no messages: the
    client gets the upstream's bytes, not a history the gateway would build and throw away."""
    with scenario(rules=[]) as emu:
        walked, effects, sent = _walked(emu, api, stream=stream)
    assert [type(e) for e in effects] == [Call, Answered]
    kinds = [type(e) for e in walked.events]
    assert kinds == [ev.TurnStarted, ev.AttemptStarted, ev.AttemptEnded, ev.TurnFinished]
    result = walked.result
    assert result is not None and result.ok and result.final_response == FULL
    assert result.messages == () and result.history == () and not result.truncated
    ended = walked.last(ev.AttemptEnded)
    assert (ended.outcome, ended.action) == ("ok", "answered")
    assert (result.input_tokens, result.output_tokens) == (ended.input_tokens, ended.output_tokens)
    assert result.output_tokens > 0 or (api, stream) == ("openai-chat", True)  # a chat stream reports no usage unasked
    assert [a.outcome for a in result.attempts] == ["ok"]
    assert b"Hello" in sent


@pytest.mark.parametrize("api", APIS)
def test_a_tool_call_answer_ends_a_pass_through_turn(api: str) -> None:
    """An answer with a tool call is the client's to act on: the turn ends answered, asking the driver to run
    no tools."""
    rules = [{"respond": "tool_call", "tool_name": "get_weather", "tool_arguments": {"city": "Paris"}}]
    with scenario(rules=rules) as emu:
        walked, effects, sent = _walked(emu, api, stream=False)
    assert [type(e) for e in effects] == [Call, Answered]
    assert walked.result is not None and walked.result.ok and walked.result.messages == ()
    assert walked.last(ev.AttemptEnded).action == "answered" and b"get_weather" in sent


def _handed(emu: Emulator, api: str, keys: list[str], *, stream: bool, fail: bool = False) -> dict[str, Any]:
    """One request walked with an ``answered`` hand-over (raising OSError when ``fail``): what the hand-over saw
    (the walk's result, the events, the client's bytes so far), what the walk returned or raised, the pool."""
    body = {**_BODIES[api], **({"stream": True} if stream else {})}
    sent: list[bytes] = []
    seen: dict[str, Any] = {}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message.get("body", b""))

    async def answered(walked: Walked) -> None:
        seen.update(result=walked.result, events=[type(e) for e in walked.events], body=walked.body,
                    sent=b"".join(sent), calls=len(driver.effects))
        if fail:
            raise OSError("the client left")

    async def run() -> None:
        gateway = Gateway(config(emu, api, keys=keys))
        loop = gateway.loop("r", api)
        nonlocal driver
        driver = _Seen(loop)
        sink = StreamSink(send, list, keep_alive=30) if stream else None
        try:
            seen["walked"] = await walk(driver, RawRequest.of(body, {}, data=json.dumps(body).encode()),  # type: ignore[arg-type]
                                        sink=sink, answered=answered)
        except OSError as err:
            seen["raised"] = err
        finally:
            seen["pool"] = loop.pools["main"]
            seen["effects"] = [type(e) for e in driver.effects]
            await gateway.aclose()

    driver: _Seen
    asyncio.run(run())
    return seen


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("api", APIS)
def test_the_answer_is_handed_over_before_the_turns_records(api: str, stream: bool) -> None:
    """``answered`` runs once the answer is final and before the turn records it (no AttemptEnded, no result
    yet): the client gets its answer without waiting for the key's success, the events and the result, which
    follow; a 429 on the first key is still walked first (rotated), the hand-over coming after the second call."""
    rule = {"match": {"key": "sk-emu-one"}, "respond": "error", "shape": "mistral_429"}
    with scenario(keys=[{"key": "sk-emu-one", "label": "one"}, {"key": "sk-emu-two", "label": "two"}],
                  rules=[rule]) as emu:
        seen = _handed(emu, api, ["sk-emu-one", "sk-emu-two"], stream=stream)
    assert seen["result"] is None and seen["calls"] == 3  # two calls, then the hand-over
    assert seen["events"] == [ev.TurnStarted, ev.AttemptStarted, ev.AttemptFailed, ev.AttemptEnded,
                              ev.CredentialRotated, ev.AttemptStarted]
    assert b"Hello" in (seen["sent"] if stream else seen["body"])
    walked = seen["walked"]
    assert walked.result.ok and [a.outcome for a in walked.result.attempts] == ["rate_limit", "ok"]
    assert seen["effects"] == [Call, Call, Answered]
    assert [type(e) for e in walked.events][-2:] == [ev.AttemptEnded, ev.TurnFinished]


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
def test_a_hand_over_that_fails_still_records_the_answer(stream: bool) -> None:
    """The answer was good: a hand-over that raises (the client left) still lets the turn record the key's
    success and release it, then the walk raises what the hand-over raised."""
    with scenario(rules=[]) as emu:
        seen = _handed(emu, "anthropic-messages", ["sk-emu-one"], stream=stream, fail=True)
    assert isinstance(seen.get("raised"), OSError) and "walked" not in seen
    pool = seen["pool"]
    assert pool.acquire("m").credential.id == "k1"  # released: the only key is free again
    assert seen["effects"] == [Call, Answered]


_STREAM = (b'event: message_start\ndata: {"type":"message_start",'
           b'"message":{"model":"m","usage":{"input_tokens":1}}}\n\n'
           b'event: content_block_start\ndata: {"type":"content_block_start","index":0,'
           b'"content_block":{"type":"text"}}\n\n'
           b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,'
           b'"delta":{"type":"text_delta","text":"Hel"}}\n\n'
           b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,'
           b'"delta":{"type":"text_delta","text":"lo"}}\n\n'
           b'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n'
           b'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},'
           b'"usage":{"output_tokens":2}}\n\n'
           b'event: message_stop\ndata: {"type":"message_stop"}\n\n')
_STOP = b'event: message_stop\ndata: {"type":"message_stop"}\n\n'
_FIRST_CONTENT = _STREAM.index(b"event: content_block_delta")
_SECOND_CONTENT = _STREAM.index(b"event: content_block_delta", _FIRST_CONTENT + 1)


async def _chunks(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def _relayed(*chunks: bytes, watch: Watch | None = None) -> tuple[Any, list[bytes], Walked, StreamSink]:
    """The upstream body in these chunks relayed to a sink: the failure, the writes to the client, what the walk
    kept."""
    writes: list[bytes] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.body":
            writes.append(message["body"])

    async def run() -> tuple[Any, Walked, StreamSink]:
        sink, walked = StreamSink(send, list, keep_alive=30), Walked()
        seen = watch or Watch("anthropic-messages", None, None)
        return await _relay(batches(_chunks(*chunks)), seen, sink, walked, [], lambda: None), walked, sink

    failure, walked, sink = asyncio.run(run())
    return failure, writes, walked, sink


@pytest.mark.parametrize(("chunks", "writes"), [
    ([_STREAM], [_STREAM[:_SECOND_CONTENT], _STREAM[_SECOND_CONTENT:]]),
    ([_STREAM[:_SECOND_CONTENT + 5], _STREAM[_SECOND_CONTENT + 5:]],
     [_STREAM[:_SECOND_CONTENT], _STREAM[_SECOND_CONTENT:]]),
    ([_STREAM[:40], _STREAM[40:_FIRST_CONTENT], _STREAM[_FIRST_CONTENT:]],
     [_STREAM[:_SECOND_CONTENT], _STREAM[_SECOND_CONTENT:]]),
    ([_STREAM[:_SECOND_CONTENT], _STREAM[_SECOND_CONTENT:-len(_STOP)], _STOP],
     [_STREAM[:_SECOND_CONTENT], _STREAM[_SECOND_CONTENT:-len(_STOP)], _STOP]),
], ids=["one chunk", "cut in an event", "held over three chunks", "last event alone"])
def test_what_one_upstream_chunk_ends_leaves_in_one_write(chunks: list[bytes], writes: list[bytes]) -> None:
    """Past the commit point, the events one upstream chunk ended leave in one write (a whole short answer often
    arrives in one segment: two writes and two wake-ups of the client, not one an event); the held events leave
    with the first content event, at once; the bytes and their order are the upstream's."""
    failure, written, _, sink = _relayed(*chunks)
    assert failure is None and sink.committed
    assert written == writes and b"".join(written) == _STREAM


def test_events_before_a_failure_in_the_same_chunk_go_out_before_it() -> None:
    """An error event after the commit point, in the chunk of other events: those events reach the client
    first, and the error is kept for the driver (sent once the turn has recorded it), not written here."""
    import anthropic
    import httpx2

    error = b'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"busy"}}\n\n'
    body = _STREAM.removesuffix(_STOP)
    client = anthropic.AsyncAnthropic(api_key="sk-unused", base_url="http://127.0.0.1:9")
    response = httpx2.Response(200, request=httpx2.Request("POST", "http://127.0.0.1:9/v1/messages"))
    watch = Watch("anthropic-messages", client, response)
    failure, written, walked, _ = _relayed(body[:_SECOND_CONTENT + 5], body[_SECOND_CONTENT + 5:] + error, watch=watch)
    assert isinstance(failure, anthropic.APIStatusError) and walked.terminal == error
    assert written == [body[:_SECOND_CONTENT], body[_SECOND_CONTENT:]]


def test_events_before_a_malformed_one_in_the_same_chunk_go_out_before_it_fails() -> None:
    """A chunk that is not JSON after the commit point fails the stream, but only after the events before it in
    the same upstream chunk have reached the client, as when each was written alone."""
    written: list[bytes] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        written.append(message.get("body", b""))

    async def run() -> None:
        sink = StreamSink(send, list, keep_alive=30)
        chunks = _chunks(_STREAM[:_SECOND_CONTENT + 5], _STREAM[_SECOND_CONTENT + 5:-len(_STOP)] + b"data: {x\n\n")
        with pytest.raises(ValueError):
            await _relay(batches(chunks), Watch("anthropic-messages", None, None), sink, Walked(), [], lambda: None)

    asyncio.run(run())
    assert b"".join(written) == _STREAM[:-len(_STOP)]


@pytest.mark.parametrize("committed", [False, True], ids=["before the commit point", "after it"])
def test_events_the_watch_does_not_read_are_not_decoded_after_the_commit_point(committed: bool) -> None:
    """Past the commit point a ``ping``, a ``content_block_stop`` or a ``message_stop`` is relayed without decoding
    its JSON (``message_stop`` ends the answer by its name); before it every event is still decoded, so one that
    is not JSON fails the attempt while the ladder can walk on invisibly. Events the watch reads (text, the
    finish and usage, errors) are decoded as before."""
    watch = Watch("anthropic-messages", None, None)
    if committed:
        watch.feed(Event("content_block_delta", '{"type":"content_block_delta","index":0,'
                                                '"delta":{"type":"text_delta","text":"Hi"}}', b""))
    unread = [Event(name, "{not json", b"") for name in ("ping", "content_block_stop", "message_stop")]
    if not committed:
        with pytest.raises(ValueError):
            watch.feed(unread[0])
        return
    assert [watch.feed(event) for event in unread] == [None, None, None] and watch.done
    watch.feed(Event("message_delta", '{"type":"message_delta","delta":{"stop_reason":"end_turn"},'
                                      '"usage":{"output_tokens":2}}', b""))
    reply = watch.reply()
    assert (reply.text, reply.finish_reasons, reply.usage.output_tokens) == ("Hi", ("end_turn",), 2)
    with pytest.raises(ValueError):
        watch.feed(Event("message_delta", "{not json", b""))


def test_the_first_content_event_leaves_before_the_rest_of_its_chunk_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """An upstream chunk holding the whole answer: the held events and the first content event are written to the
    client before the events after it in that chunk are parsed (the first token waits for no more of the answer
    than it needs); every event is still relayed, as sent and in order."""
    from agent.serve import sse

    parsed: list[bytes] = []
    at_commit: list[list[bytes]] = []
    whole = sse._whole

    def parse(block: bytes) -> Event:
        parsed.append(block)
        return whole(block)

    monkeypatch.setattr(sse, "_whole", parse)
    writes: list[bytes] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.body":
            if not writes:
                at_commit.append(list(parsed))
            writes.append(message["body"])

    async def run() -> Any:
        sink = StreamSink(send, list, keep_alive=30)
        return await _relay(batches(_chunks(_STREAM)), Watch("anthropic-messages", None, None), sink, Walked(), [],
                            lambda: None)

    assert asyncio.run(run()) is None
    assert len(at_commit[0]) == 3 and at_commit[0][-1].startswith(b"event: content_block_delta")
    assert writes == [_STREAM[:_SECOND_CONTENT], _STREAM[_SECOND_CONTENT:]] and len(parsed) == _STREAM.count(b"\n\n")


def test_a_slow_client_is_not_the_upstreams_silence() -> None:
    """The idle timeout bounds the upstream's silence only: an upstream that sends its chunks at once to a client
    that takes 0.6 s to take each write (past the 0.3 s idle timeout, twice) gets the whole answer relayed, not a
    cut; and an upstream silent past it between two chunks is cut (httpx's ReadTimeout, naming idle_timeout)."""
    import httpx2

    writes: list[bytes] = []

    async def slow(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.body":
            await asyncio.sleep(0.6)
            writes.append(message["body"])

    async def silent(*chunks: bytes) -> AsyncIterator[bytes]:
        for i, chunk in enumerate(chunks):
            if i:
                await asyncio.sleep(0.6)
            yield chunk

    async def run(send: Any, chunks: AsyncIterator[bytes]) -> Any:
        return await _relay(batches(chunks), Watch("anthropic-messages", None, None), StreamSink(send, list,
                            keep_alive=30), Walked(), [], lambda: None, idle=0.3)

    assert asyncio.run(run(slow, _chunks(_STREAM[:_SECOND_CONTENT + 5], _STREAM[_SECOND_CONTENT + 5:]))) is None
    assert b"".join(writes) == _STREAM

    async def quick(message: MutableMapping[str, Any]) -> None:
        pass

    with pytest.raises(httpx2.ReadTimeout, match="idle_timeout"):
        asyncio.run(run(quick, silent(_STREAM[:_SECOND_CONTENT + 5], _STREAM[_SECOND_CONTENT + 5:])))
