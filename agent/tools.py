"""Tools: Python callables the model may call, with pydantic-validated arguments.

>>> tools = ToolBox()
>>> @tools.tool
... def add(a: int, b: int) -> int:
...     "Add two integers."
...     return a + b
>>> tools.run("add", {"a": "2", "b": 3}).content
'5'

A tool that raises, or that gets invalid arguments, returns an error result to the model; the
turn goes on.
"""

from __future__ import annotations

import inspect
import json
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
             description: str | None = None) -> Any:
        """Register ``function`` (usable as ``@tools.tool`` or ``@tools.tool(name=...)``)."""
        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            tool_name = name or fn.__name__
            if tool_name in self._tools:
                raise ValueError(f"tool {tool_name!r} is registered twice")
            doc = description or inspect.getdoc(fn) or tool_name
            self._tools[tool_name] = Tool(tool_name, doc, _argument_model(fn), fn)
            return fn
        return register(function) if function is not None else register

    def __iter__(self) -> Any:
        return iter(self._tools.values())

    def __len__(self) -> int:
        return len(self._tools)

    def run(self, name: str, arguments: dict[str, Any], call_id: str = "") -> ToolResult:
        """Run a tool; unknown tools, invalid arguments and exceptions become error results."""
        tool = self._tools.get(name)
        if tool is None:
            return ToolResult(call_id=call_id, is_error=True,
                              content=f"error: no tool named {name!r}; available: {sorted(self._tools)}")
        try:
            values = tool.arguments.model_validate(arguments)
        except ValidationError as err:
            return ToolResult(call_id=call_id, is_error=True, content=f"error: invalid arguments: {err}")
        try:
            result = tool.function(**dict(values))
        except Exception as exc:
            return ToolResult(call_id=call_id, is_error=True, content=f"error: {type(exc).__name__}: {exc}")
        return ToolResult(call_id=call_id, content=result if isinstance(result, str) else json.dumps(result,
                                                                                                      default=str))
