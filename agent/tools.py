"""Tools: Python callables the model may call, with pydantic-validated arguments.

>>> tools = ToolBox()
>>> @tools.tool
... def add(a: int, b: int) -> int:
...     "Add two integers."
...     return a + b
>>> tools.run("add", {"a": "2", "b": 3}).content
'5'

A tool that raises, that gets invalid arguments, or whose result JSON cannot carry (a cycle, a
key that is not a string) returns an error result to the model at once; the turn goes on.
Tools are bounded in time: ``run(..., timeout=)`` (the loop passes the time left to the turn's
deadline) and ``@tools.tool(timeout=SECONDS)`` per tool, whichever is shorter. A
tool still running then becomes an error result ("timed out") and the turn goes on; Python
cannot stop a thread, so the tool's thread is left to finish in the background (a daemon
thread: it never holds the process open) and its result is discarded.

Tools may be ``async def``. ``arun`` (what ``ConversationLoop.arun``/``astream`` use) awaits an
async tool on the event loop (an overrun cancels it and returns at once: a tool that catches the
cancellation and runs on is abandoned, like a thread) and runs a sync tool in a worker thread of
its own, never on the event loop, so a blocking tool in one chat does not hold up the others.
``run`` (the sync drivers) runs an async tool to completion with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import math
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final

from pydantic import BaseModel, ValidationError, create_model

from ._redact import redact
from .conversation import ToolResult

__all__ = ["Tool", "ToolBox"]

_ERROR_CHARS: Final = 4000  # of a failed tool's error result: enough of any traceback line for the model
_ABANDONED: set[asyncio.Future[ToolResult]] = set()  # tools left running past their limit (kept from the collector)


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

    def _prepare(self, name: str, arguments: dict[str, Any], call_id: str,
                 timeout: float | None) -> ToolResult | tuple[Tool, dict[str, Any], float | None]:
        """The tool, its validated arguments and its time limit; or the error result that replaces the run."""
        tool = self._tools.get(name)
        if tool is None:
            return ToolResult(call_id=call_id, is_error=True,
                              content=f"error: no tool named {name!r}; available: {sorted(self._tools)}")
        try:
            values = tool.arguments.model_validate(arguments)
        except ValidationError as err:
            return ToolResult(call_id=call_id, is_error=True, content=f"error: invalid arguments: {err}")
        limit = min((t for t in (timeout, tool.timeout) if t is not None), default=None)
        if limit is not None and limit <= 0:
            return ToolResult(call_id=call_id, is_error=True,
                              content=f"error: tool {name!r} was not run: the turn's deadline has passed")
        return tool, dict(values), limit

    def run(self, name: str, arguments: dict[str, Any], call_id: str = "", *,
            timeout: float | None = None) -> ToolResult:
        """Run a tool; unknown tools, invalid arguments, exceptions and overruns become error results.

        ``timeout``: seconds it may take at most (the tool's own ``timeout`` applies too, the shorter wins).
        """
        prepared = self._prepare(name, arguments, call_id, timeout)
        if isinstance(prepared, ToolResult):
            return prepared
        tool, values, limit = prepared
        if limit is None:
            return _call(tool, values, call_id)
        box: list[ToolResult] = []
        worker = threading.Thread(target=lambda: box.append(_call(tool, values, call_id)),
                                  name=f"steadyloop-tool-{name}", daemon=True)
        worker.start()
        worker.join(limit)
        return box[0] if box else _overrun(name, limit, call_id)

    async def arun(self, name: str, arguments: dict[str, Any], call_id: str = "", *,
                   timeout: float | None = None) -> ToolResult:
        """``run`` for asyncio: an async tool is awaited (cancelled at its limit), a sync one runs in a worker
        thread (abandoned at its limit), so the event loop is never blocked by a tool."""
        prepared = self._prepare(name, arguments, call_id, timeout)
        if isinstance(prepared, ToolResult):
            return prepared
        tool, values, limit = prepared
        work = _acall(tool, values, call_id) if inspect.iscoroutinefunction(tool.function) else _in_thread(
            tool, values, call_id)
        task = asyncio.ensure_future(work)
        try:
            # not wait_for: at the limit it cancels and then waits for the task to end, forever for a tool that
            # catches CancelledError and runs on
            await asyncio.wait((task,), timeout=limit)
        except asyncio.CancelledError:
            task.cancel()
            raise
        if task.done():
            return task.result()
        task.cancel()  # an async tool that ignores it runs on, abandoned like a sync one: its result is discarded
        _ABANDONED.add(task)
        task.add_done_callback(_ABANDONED.discard)
        return _overrun(name, limit or 0.0, call_id)


def _overrun(name: str, limit: float, call_id: str) -> ToolResult:
    return ToolResult(call_id=call_id, is_error=True,
                      content=f"error: tool {name!r} timed out after {limit:.3g} s and was abandoned; its "
                              "result is discarded")


def _in_thread(tool: Tool, values: dict[str, Any], call_id: str) -> Awaitable[ToolResult]:
    """A sync tool in a daemon thread of its own (not the loop's executor: an abandoned tool must never hold
    the process open, nor take one of the executor's few workers from the other chats)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[ToolResult] = loop.create_future()

    def deliver(result: ToolResult) -> None:
        if not done.done():  # abandoned at its timeout: the result is discarded
            done.set_result(result)

    def work() -> None:
        try:
            result = _call(tool, values, call_id)
        except BaseException as exc:  # the waiting caller must hear of any end of this thread
            result = _failed(exc, call_id)
        with contextlib.suppress(RuntimeError):  # the event loop is already closed: nobody waits for it
            loop.call_soon_threadsafe(deliver, result)

    threading.Thread(target=work, name=f"steadyloop-tool-{tool.name}", daemon=True).start()
    return done


def _call(tool: Tool, values: dict[str, Any], call_id: str) -> ToolResult:
    try:
        result = tool.function(**values)
        if inspect.isawaitable(result):  # an async tool under the sync drivers
            result = asyncio.run(_awaited(result))
    except Exception as exc:
        return _failed(exc, call_id)
    return _content(tool.name, result, call_id)


async def _acall(tool: Tool, values: dict[str, Any], call_id: str) -> ToolResult:
    try:
        result = await tool.function(**values)
    except Exception as exc:
        return _failed(exc, call_id)
    return _content(tool.name, result, call_id)


async def _awaited(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


def _failed(exc: BaseException, call_id: str) -> ToolResult:
    """The tool's exception as its error result, redacted like any text that leaves the process: it goes to the
    provider with the next request and stays in the turn's messages (an HTTP client's error may quote a URL's key,
    or one of our own)."""
    try:
        said = str(exc)
    except Exception:
        said = "(its message could not be read)"
    return ToolResult(call_id=call_id, is_error=True,
                      content=redact(f"error: {type(exc).__name__}: {said}", _ERROR_CHARS))


def _content(name: str, result: Any, call_id: str) -> ToolResult:
    """The result as text: a str as it is, anything else as JSON (objects JSON lacks as their str); a value JSON
    cannot carry at all (a cycle, a key that is not a string) is an error result naming the fix."""
    if isinstance(result, str):
        return ToolResult(call_id=call_id, content=result)
    try:
        return ToolResult(call_id=call_id, content=json.dumps(result, default=str))
    except Exception as err:  # ValueError (a cycle), TypeError (a key), RecursionError, a failing __str__
        said = f"{type(err).__name__}: {err}"
        return ToolResult(call_id=call_id, is_error=True, content=redact(
            f"error: tool {name!r} returned a {type(result).__name__} that cannot be sent as JSON ({said}); return "
            "a str, or numbers, strings, lists and dicts with string keys", _ERROR_CHARS))
