"""Behaviour of agent.tools: registration, validated arguments, errors as results."""

from __future__ import annotations

import pytest

from agent.tools import ToolBox


def test_arguments_are_validated_and_coerced() -> None:
    """Arguments go through pydantic: "2" becomes 2; a wrong type is an error result, not an exception."""
    tools = ToolBox()

    @tools.tool
    def add(a: int, b: int = 1) -> int:
        """Add."""
        return a + b

    assert tools.run("add", {"a": "2"}).content == "3"
    bad = tools.run("add", {"a": "two"})
    assert bad.is_error and "invalid arguments" in bad.content


def test_raising_tools_and_unknown_tools_become_error_results() -> None:
    """A tool that raises, or a name that is not registered, gives the model an error result."""
    tools = ToolBox()

    @tools.tool(name="boom")
    def explode() -> None:
        raise ValueError("nope")

    assert tools.run("boom", {}).is_error and "ValueError: nope" in tools.run("boom", {}).content
    assert tools.run("missing", {}).is_error


def test_schema_and_duplicate_names() -> None:
    """Each tool carries a JSON schema; registering a name twice is refused."""
    tools = ToolBox()

    @tools.tool
    def f(city: str) -> str:
        """City."""
        return city

    assert next(iter(tools)).schema()["required"] == ["city"]
    with pytest.raises(ValueError, match="twice"):
        tools.tool(f)


def test_a_tool_over_its_timeout_becomes_an_error_result() -> None:
    """A tool still running at its timeout (own or given, the shorter) returns "timed out" at once; others run."""
    import threading
    import time

    tools, release = ToolBox(), threading.Event()

    @tools.tool(timeout=0.2)
    def hang() -> str:
        """Never answers in time."""
        release.wait(30)
        return "late"

    @tools.tool
    def quick() -> str:
        """Answers."""
        return "fine"

    try:
        started = time.monotonic()
        slow = tools.run("hang", {}, "c1")
        own = time.monotonic() - started
        given = tools.run("hang", {}, "c2", timeout=0.05)
        assert slow.is_error and "timed out after 0.2 s" in slow.content and 0.2 <= own < 0.6
        assert given.is_error and "timed out after 0.05 s" in given.content
        assert tools.run("quick", {}, timeout=1.0).content == "fine"
        assert "deadline has passed" in tools.run("quick", {}, timeout=0.0).content
    finally:
        release.set()


@pytest.mark.parametrize("bad", [0, -1, float("inf"), float("nan")])
def test_a_tool_timeout_must_be_positive_seconds(bad: float) -> None:
    """timeout= is positive and finite, or None."""
    with pytest.raises(ValueError, match="positive number of seconds"):
        ToolBox().tool(lambda: None, name="x", timeout=bad)


class _Loop(dict[str, object]):
    """A value the JSON encoder cannot write: it contains itself."""


def _unsendable() -> dict[str, object]:
    looped = _Loop()
    looped["self"] = looped
    return looped


@pytest.mark.parametrize("value", [_unsendable(), {(1, 2): "tuple key"}], ids=["circular", "tuple-key"])
def test_a_result_that_is_not_json_is_an_error_result_at_once(value: object) -> None:
    """A tool returning what JSON cannot carry gives the model a clear error result at once, under every driver:
    ``run`` does not raise, and ``arun``'s worker thread does not die silently (it left the caller waiting for
    the tool's whole timeout, then said "timed out")."""
    import asyncio

    tools = ToolBox()

    @tools.tool(timeout=30)
    def odd() -> object:
        """Returns an unsendable value."""
        return value

    @tools.tool(timeout=30)
    async def odd_async() -> object:
        """The same, async."""
        return value

    results = [tools.run("odd", {}, "c1"), asyncio.run(tools.arun("odd", {}, "c2")),
               asyncio.run(tools.arun("odd_async", {}, "c3"))]
    for result in results:
        assert result.is_error and "cannot be sent as JSON" in result.content, result.content
        assert "timed out" not in result.content
    assert [r.call_id for r in results] == ["c1", "c2", "c3"]


def test_an_async_tool_that_swallows_cancellation_is_abandoned_at_its_limit() -> None:
    """An async tool that catches CancelledError and keeps running: ``arun`` returns the "timed out" result at the
    limit instead of waiting for the tool to give up (``wait_for`` waited for the cancellation to finish)."""
    import asyncio

    tools = ToolBox()
    swallowed: list[int] = []

    async def check() -> tuple[bool, str]:
        release = asyncio.Event()
        asyncio.get_running_loop().call_later(30, release.set)  # a failing run ends too, instead of hanging

        @tools.tool
        async def stubborn() -> str:
            """Ignores cancellation until released."""
            while not release.is_set():
                try:
                    await release.wait()
                except asyncio.CancelledError:
                    swallowed.append(1)
            return "late"

        result = await tools.arun("stubborn", {}, "c1", timeout=0.1)
        returned_first = not release.is_set()
        release.set()
        await asyncio.sleep(0)  # the abandoned tool sees the release and ends before the loop closes
        return returned_first, result.content

    returned_first, content = asyncio.run(check())
    assert returned_first and "timed out after 0.1 s" in content
    assert swallowed, "the tool was cancelled (and ignored it)"
