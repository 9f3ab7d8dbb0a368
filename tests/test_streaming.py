"""Streaming through the loop: no silent truncation, recovery before the first delta, honesty after it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from agent.events import RetryScheduled, StreamRestarted, TextDelta
from agent.ladder import LadderPolicy
from agent.results import TurnResult, TurnStatus

from .test_conversation_loop import APIS, Sleeper, entry, make_loop, pool, scenario

FULL = "Hello from the steadyloop emulator."


def collect(loop: Any, prompt: str = "hi") -> tuple[str, list[Any], TurnResult]:
    events = list(loop.stream(prompt))
    text = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert isinstance(events[-1], TurnResult)
    return text, events, events[-1]


@pytest.mark.parametrize("api", APIS)
def test_plain_stream_delivers_the_whole_answer(api: str) -> None:
    """A healthy stream yields the text in deltas and a TurnResult that matches it."""
    with scenario() as emu:
        text, events, result = collect(make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}))
    assert text == FULL and result.ok and result.messages[0].text == FULL
    assert sum(isinstance(e, TextDelta) for e in events) > 1


@pytest.mark.parametrize("api", APIS)
def test_failure_before_first_delta_is_recovered_invisibly(api: str) -> None:
    """An error event before any text is retried through the ladder; the reader sees one clean answer."""
    rule = {"respond": "stream_error", "after_chunks": 0, "times": 1, "error_type": "overloaded_error",
            "message": "Overloaded"}
    with scenario(rules=[rule]) as emu:
        text, events, result = collect(make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}))
        assert emu.calls() == 2
    assert text == FULL and result.ok and not result.partial
    assert any(isinstance(e, RetryScheduled) for e in events)


@pytest.mark.parametrize("api", APIS)
def test_failure_after_deltas_is_never_hidden(api: str) -> None:
    """With on_partial_stream=stop, a mid-stream error after text was shown ends the turn as partial, with reason."""
    rule = {"respond": "stream_error", "after_chunks": 2, "error_type": "overloaded_error", "message": "Overloaded"}
    with scenario(rules=[rule]) as emu:
        text, _, result = collect(make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")},
                                            policy=LadderPolicy(on_partial_stream="stop")))
        assert emu.calls() == 1
    assert text == "Hello from the steadyloop " and result.partial and result.status is not TurnStatus.ok
    assert "cut off after" in result.final_response


@pytest.mark.parametrize("api", APIS)
def test_restart_policy_restarts_with_a_marker(api: str) -> None:
    """With on_partial_stream=restart the reader is told to discard what it saw, then gets the full answer."""
    rule = {"respond": "stream_error", "after_chunks": 2, "times": 1, "error_type": "overloaded_error",
            "message": "Overloaded"}
    with scenario(rules=[rule]) as emu:
        loop = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")},
                         policy=LadderPolicy(on_partial_stream="restart"))
        text, events, result = collect(loop)
    marker = next(i for i, e in enumerate(events) if isinstance(e, StreamRestarted))
    after = "".join(e.text for e in events[marker:] if isinstance(e, TextDelta))
    assert after == FULL and result.ok and text == "Hello from the steadyloop " + FULL


@pytest.mark.parametrize("api", APIS)
def test_stream_without_terminal_event_is_a_failure(api: str) -> None:
    """A stream that closes without message_stop / response.completed / a finish_reason is not a success."""
    sleeper = Sleeper()
    with scenario(rules=[{"respond": "stream_cut", "after_chunks": 0, "times": 1}]) as emu:
        text, _, result = collect(make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}, sleeper))
        assert emu.calls() == 2
    assert result.ok and text == FULL and result.attempts[0].rule == "stream_incomplete" and len(sleeper.waits) == 1


async def _agather(loop: Any) -> list[Any]:
    return [e async for e in loop.astream("hi")]


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(("rule", "expected_text", "partial"), [
    (None, FULL, False),
    ({"respond": "stream_error", "after_chunks": 0, "times": 1, "message": "Overloaded"}, FULL, False),
    ({"respond": "stream_error", "after_chunks": 2, "message": "Overloaded"}, "Hello from the steadyloop ", True),
])
def test_astream_with_async_clients(api: str, rule: dict[str, Any] | None, expected_text: str, partial: bool) -> None:
    """astream, on the async SDK clients: clean streams, recovery before the first delta, honesty after it."""
    async_waits: list[float] = []

    async def record(seconds: float) -> None:
        async_waits.append(seconds)

    with scenario(rules=[rule] if rule else []) as emu:
        loop = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}, async_sleep=record,
                         policy=LadderPolicy(on_partial_stream="stop"))
        events = asyncio.run(_agather(loop))
    result = events[-1]
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == expected_text
    assert isinstance(result, TurnResult) and result.partial is partial and result.ok is not partial
    assert len(async_waits) == (1 if rule and not partial else 0)


def test_retry_event_reaches_the_reader_before_the_wait() -> None:
    """A stream reader learns about a wait before it happens (so a status line can show it)."""
    order: list[str] = []
    sleeper = Sleeper()

    def sleep(seconds: float) -> None:
        order.append("sleep")
        sleeper(seconds)

    rule = {"respond": "error", "shape": "openai_500", "times": 1}
    with scenario(rules=[rule]) as emu:
        loop = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1")}, sleeper)
        loop._sleep = sleep
        for event in loop.stream("hi"):
            if isinstance(event, RetryScheduled):
                order.append("event")
    assert order == ["event", "sleep"]


def test_cancelled_stream_releases_its_lease() -> None:
    """Closing a stream mid-answer (Ctrl-C, a cancelled task) frees the credential at once."""
    with scenario() as emu:
        p = pool("main", "k1")
        capped = p.credentials[0].model_copy(update={"max_concurrency": 1})
        p.credentials, p._by_id = (capped,), {capped.id: capped}
        loop = make_loop([entry(emu, "openai-chat", "m")], {"main": p})
        stream = loop.stream("hi")
        next(e for e in stream if isinstance(e, TextDelta))
        stream.close()
        assert p.acquire("m").credential.id == capped.id  # the slot is free again


@pytest.mark.parametrize("api", APIS)
def test_tool_call_progress_is_streamed(api: str) -> None:
    """A streamed turn that calls a tool tells the reader which tool runs, then streams the answer."""
    from agent.events import ToolCallsRequested
    from agent.tools import ToolBox

    tools = ToolBox()

    @tools.tool
    def clock() -> str:
        """The time."""
        return "noon"

    rule = {"respond": "tool_call", "tool_name": "clock", "match": {"has_tool_results": False}}
    with scenario(rules=[rule]) as emu:
        text, events, result = collect(make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}, tools=tools))
    requested = [e for e in events if isinstance(e, ToolCallsRequested)]
    assert requested and requested[0].tools == ("clock",) and text == FULL and result.ok


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("body", ["<html>oops</html>", {"choices": "nope"}])
def test_garbage_stream_body_is_a_failure_not_a_crash(api: str, body: Any) -> None:
    """A 200 that is not an SSE stream is an incomplete stream: retried, then answered cleanly."""
    rule = {"respond": "error", "status": 200, "body": body, "times": 1}
    with scenario(rules=[rule]) as emu:
        text, _, result = collect(make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}))
        assert emu.calls() == 2
    assert result.ok and text == FULL
