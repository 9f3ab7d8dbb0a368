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
