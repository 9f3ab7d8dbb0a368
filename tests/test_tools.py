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
