"""Tools: Python callables the model may call, with pydantic-validated arguments.

>>> tools = ToolBox()
>>> @tools.tool
... def add(a: int, b: int) -> int:
...     "Add two integers."
...     return a + b
>>> tools.run("add", {"a": "2", "b": 3}).content
'5'

A tool that raises, or that gets invalid arguments, returns an error result to the model; the
turn goes on. Tools are bounded in time: ``run(..., timeout=)`` (the loop passes the time left
to the turn's deadline) and ``@tools.tool(timeout=SECONDS)`` per tool, whichever is shorter. A
tool still running then becomes an error result ("timed out") and the turn goes on; Python
cannot stop a thread, so the tool's thread is left to finish in the background (a daemon
thread: it never holds the process open) and its result is discarded.
"""

from __future__ import annotations

import inspect
import json
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError, create_model

from .conversation import ToolResult

__all__ = ["Tool", "ToolBox"]


@dataclass(frozen=True, slots=True)
class Tool:
    """A registered tool: its name, description, argument model and function."""

    name: str
    description: str
    arguments: type[BaseModel]
    function: Callable[..., Any]
    timeout: float | None = None  # seconds this tool may run (None: only the turn's deadline bounds it)

    def schema(self) -> dict[str, Any]:
        """The JSON schema of the arguments (what every API's tool definition carries)."""
        schema = self.arguments.model_json_schema()
        schema.pop("title", None)
        return schema


def _argument_model(function: Callable[..., Any]) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for name, param in inspect.signature(function).parameters.items():
        annotation = param.annotation if param.annotation is not inspect.Parameter.empty else Any
        default = param.default if param.default is not inspect.Parameter.empty else ...
        fields[name] = (annotation, default)
    model: type[BaseModel] = create_model(f"{function.__name__}_arguments", **fields)
    return model


class ToolBox:
    """The tools of a loop, by name."""

    def __init__(self) -> None:
        self._tools: dict[str, Tool] = {}

    def tool(self, function: Callable[..., Any] | None = None, *, name: str | None = None,
             description: str | None = None, timeout: float | None = None) -> Any:
        """Register ``function`` (usable as ``@tools.tool`` or ``@tools.tool(name=..., timeout=SECONDS)``)."""
        if timeout is not None and not (timeout > 0 and math.isfinite(timeout)):
            raise ValueError(f"timeout={timeout!r}: give a positive number of seconds, or None")

        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            tool_name = name or fn.__name__
            if tool_name in self._tools:
                raise ValueError(f"tool {tool_name!r} is registered twice")
            doc = description or inspect.getdoc(fn) or tool_name
            self._tools[tool_name] = Tool(tool_name, doc, _argument_model(fn), fn, timeout)
            return fn
        return register(function) if function is not None else register

    def __iter__(self) -> Any:
        return iter(self._tools.values())

    def __len__(self) -> int:
        return len(self._tools)

    def run(self, name: str, arguments: dict[str, Any], call_id: str = "", *,
            timeout: float | None = None) -> ToolResult:
        """Run a tool; unknown tools, invalid arguments, exceptions and overruns become error results.

        ``timeout``: seconds it may take at most (the tool's own ``timeout`` applies too, the shorter wins).
        """
        tool = self._tools.get(name)
        if tool is None:
            return ToolResult(call_id=call_id, is_error=True,
                              content=f"error: no tool named {name!r}; available: {sorted(self._tools)}")
        try:
            values = tool.arguments.model_validate(arguments)
        except ValidationError as err:
            return ToolResult(call_id=call_id, is_error=True, content=f"error: invalid arguments: {err}")
        limit = min((t for t in (timeout, tool.timeout) if t is not None), default=None)
        if limit is None:
            return _call(tool, dict(values), call_id)
        if limit <= 0:
            return ToolResult(call_id=call_id, is_error=True,
                              content=f"error: tool {name!r} was not run: the turn's deadline has passed")
        box: list[ToolResult] = []
        worker = threading.Thread(target=lambda: box.append(_call(tool, dict(values), call_id)),
                                  name=f"steadyloop-tool-{name}", daemon=True)
        worker.start()
        worker.join(limit)
        if box:
            return box[0]
        return ToolResult(call_id=call_id, is_error=True,
                          content=f"error: tool {name!r} timed out after {limit:.3g} s and was abandoned; its "
                                  "result is discarded")


def _call(tool: Tool, values: dict[str, Any], call_id: str) -> ToolResult:
    try:
        result = tool.function(**values)
    except Exception as exc:
        return ToolResult(call_id=call_id, is_error=True, content=f"error: {type(exc).__name__}: {exc}")
    return ToolResult(call_id=call_id, content=result if isinstance(result, str) else json.dumps(result, default=str))
