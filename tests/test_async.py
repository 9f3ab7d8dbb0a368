"""Async gateways: many sessions' turns share one event loop; tools, hooks and events behave under asyncio."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from agent import events as ev
from agent.conversation_loop import ConversationLoop
from agent.results import TurnResult
from agent.testing.emulator import Emulator
from agent.tools import ToolBox
from tests.test_conversation_loop import entry, make_loop, pool, scenario

SESSIONS = ("ada", "bo", "cy")
TOOL_RULE = {"respond": "tool_call", "tool_name": "lookup", "tool_arguments": {"city": "Oslo"},
             "match": {"has_tool_results": False}}


def _loop(emu: Emulator, tools: ToolBox | None = None, **kw: Any) -> ConversationLoop:
    return make_loop([entry(emu, "openai-chat", "gpt-4o")], {"main": pool("main", "k1")}, tools=tools, **kw)


async def _three(loop: ConversationLoop) -> list[TurnResult]:
    return list(await asyncio.gather(*(loop.arun("weather?", session=s) for s in SESSIONS)))


def test_sync_tools_of_three_sessions_run_at_once_off_the_event_loop() -> None:
    """A blocking sync tool in three concurrent sessions does not serialize them: all three are running at once."""
    tools, order, lock = ToolBox(), [], threading.Lock()
    together = threading.Barrier(len(SESSIONS), timeout=20)  # passes only if all three block at the same time

    @tools.tool
    def lookup(city: str) -> str:
        """Blocks until the other sessions' calls are running too."""
        with lock:
            order.append(("start", threading.current_thread().name))
        together.wait()
        with lock:
            order.append(("end", threading.current_thread().name))
        return f"sunny in {city}"

    with scenario(rules=[TOOL_RULE]) as emu:
        results = asyncio.run(_three(_loop(emu, tools)))
    assert all(r.ok for r in results)
    assert [r.messages[1].tool_results[0].content for r in results] == ["sunny in Oslo"] * 3
    assert [kind for kind, _ in order] == ["start"] * 3 + ["end"] * 3  # overlap: every start before any end
    assert threading.main_thread().name not in {name for _, name in order}


def test_async_tools_are_awaited_on_the_loop_concurrently() -> None:
    """An async tool is awaited (not stringified as a coroutine), and three sessions' tools wait together."""
    tools = ToolBox()
    together: list[asyncio.Barrier] = []

    @tools.tool
    async def lookup(city: str) -> str:
        """Waits for the other sessions' calls on the event loop."""
        await asyncio.wait_for(together[0].wait(), 20)
        return f"cloudy in {city}"

    async def main(loop: ConversationLoop) -> list[TurnResult]:
        together.append(asyncio.Barrier(len(SESSIONS)))
        return await _three(loop)

    with scenario(rules=[TOOL_RULE]) as emu:
        results = asyncio.run(main(_loop(emu, tools)))
    assert [r.messages[1].tool_results[0].content for r in results] == ["cloudy in Oslo"] * 3


def test_an_async_tool_also_runs_under_the_sync_driver() -> None:
    """run() runs an async tool to completion, so one ToolBox serves both drivers."""
    tools = ToolBox()

    @tools.tool
    async def lookup(city: str) -> str:
        """Async."""
        await asyncio.sleep(0)
        return f"windy in {city}"

    with scenario(rules=[TOOL_RULE]) as emu:
        result = _loop(emu, tools).run("weather?")
    assert result.ok and result.messages[1].tool_results[0].content == "windy in Oslo"


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_tool_timeouts_hold_under_arun(kind: str) -> None:
    """An overrunning tool under arun becomes a "timed out" error result; an async one is really cancelled."""
    tools, release, cancelled = ToolBox(), threading.Event(), []

    if kind == "sync":
        @tools.tool(timeout=0.2)
        def lookup(city: str) -> str:
            """Hangs."""
            release.wait(30)
            return "late"
    else:
        @tools.tool(timeout=0.2)
        async def lookup(city: str) -> str:
            """Hangs."""
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                cancelled.append(city)
                raise
            return "late"

    try:
        with scenario(rules=[TOOL_RULE]) as emu:
            result = asyncio.run(_loop(emu, tools).arun("weather?"))
    finally:
        release.set()
    outcome = result.messages[1].tool_results[0]
    assert result.ok and outcome.is_error and "timed out after 0.2 s" in outcome.content
    assert cancelled == ([] if kind == "sync" else ["Oslo"])


def test_model_calls_of_three_sessions_overlap_upstream() -> None:
    """Three sessions' calls are in flight together: the emulator's log shows every start before any end."""
    with scenario(rules=[{"respond": "reply", "delay": 1.0}]) as emu:
        results = asyncio.run(_three(_loop(emu)))
        log = emu.log
    assert all(r.ok for r in results) and len(log) == 3
    assert max(r.started for r in log) < min(r.ended for r in log)


def test_async_hooks_are_awaited_in_order_before_the_turn_goes_on() -> None:
    """An async hook gets every event, in order, and the retry notice is delivered before the wait starts."""
    seen: list[str] = []

    async def hook(event: ev.Event) -> None:
        await asyncio.sleep(0)  # a real await: the driver must await the hook, not drop the coroutine
        seen.append(type(event).__name__)

    async def broken(event: ev.Event) -> None:
        raise RuntimeError("hook down")

    async def sleep(seconds: float) -> None:
        seen.append(f"sleep {seconds:g}")

    rule = {"respond": "error", "status": 503, "times": 1, "headers": {"retry-after": "2"},
            "body": {"error": {"message": "The server is overloaded", "type": "server_error"}}}
    with scenario(rules=[rule]) as emu:
        result = asyncio.run(_loop(emu, hooks=(broken, hook, seen.append), async_sleep=sleep).arun("hi"))
    named = [s for s in seen if isinstance(s, str)]
    assert result.ok and named[0] == "TurnStarted" and named[-1] == "TurnFinished"
    assert named.index("RetryScheduled") < named.index("sleep 2") < named.index("AttemptStarted", 2)
    assert [type(e).__name__ for e in seen if not isinstance(e, str)] == [s for s in named if " " not in s]


def test_an_async_hook_runs_under_the_sync_driver() -> None:
    """run() runs an async hook's coroutine to its end (no "never awaited"), so hooks work with either driver."""
    seen: list[str] = []

    async def hook(event: ev.Event) -> None:
        await asyncio.sleep(0)
        seen.append(type(event).__name__)

    with Emulator("healthy") as emu:
        assert _loop(emu, hooks=(hook,)).run("hi").ok
    assert seen[0] == "TurnStarted" and seen[-1] == "TurnFinished"


def test_every_streamed_event_names_its_session_and_turn() -> None:
    """Under astream, every event (text deltas too) carries session and turn_id, so a bot routes it to its chat."""

    async def collect(loop: ConversationLoop, session: str) -> list[Any]:
        return [e async for e in loop.astream("hi", session=session)]

    async def main(loop: ConversationLoop) -> list[list[Any]]:
        return list(await asyncio.gather(*(collect(loop, s) for s in SESSIONS)))

    with Emulator("healthy") as emu:
        streams = asyncio.run(main(_loop(emu)))
    for session, events in zip(SESSIONS, streams, strict=True):
        tagged = [e for e in events if not isinstance(e, TurnResult)]
        assert any(isinstance(e, ev.TextDelta) for e in tagged)
        assert {e.session for e in tagged} == {session} and len({e.turn_id for e in tagged}) == 1
    assert len({streams[i][0].turn_id for i in range(3)}) == 3
