"""Streamed calls of every API as one iterator of StreamItems, sync and async.

The stream is opened by the adapter's ``send(stream=True)`` (the SDK's stream classes either
way); this module reads it, names its failures, and accumulates the reply.
"""

from __future__ import annotations

from typing import Any

from .._sdk import SDKConnectionError, SDKTimeoutError
from ..conversation import ToolCall
from ._anthropic import AnthropicMessages
from ._base import Adapter, ModelReply, ModelRequest, Usage, reply_model, tool_args
from ._openai import OpenAIChat, OpenAIResponses

__all__ = ["MalformedStreamError", "StreamIncompleteError", "StreamItem", "astream_call", "stream_call"]

StreamItem = tuple[str, Any]
"""("text", delta) as text arrives; finally ("reply", ModelReply), or ("end", None) for a cut stream."""


class StreamIncompleteError(Exception):
    """The stream closed without its terminal event (message_stop, response.completed, a finish_reason)."""


class MalformedStreamError(Exception):
    """A streamed chunk was not valid JSON or not this API's event shape."""


def _idle(stream: Any, request: ModelRequest) -> None:
    """The answer has begun: from now on each read of the body may wait ``seconds`` (the idle timeout).

    The HTTP layer reads a request's read timeout when the body starts, so setting it here, after
    the headers arrived within the first-byte timeout, makes the body's reads use the idle one.
    """
    sent = getattr(getattr(stream, "response", None), "request", None)
    timeouts = getattr(sent, "extensions", {}).get("timeout") if sent is not None else None
    if request.timeouts is not None and isinstance(timeouts, dict):
        timeouts["read"] = request.timeouts.idle


def _named(err: Exception) -> Exception:
    """A failure while reading a begun stream: a timeout stays one; a connection error is a cut stream
    (the SDKs wrap the HTTP library's); a chunk that does not parse is a malformed one."""
    if isinstance(err, SDKTimeoutError):
        return err
    if isinstance(err, SDKConnectionError):
        return StreamIncompleteError(f"the connection closed mid-stream ({type(err).__name__})")
    if isinstance(err, ValueError):
        return MalformedStreamError(f"a streamed chunk could not be parsed ({type(err).__name__})")
    return err


def _guard(events: Any) -> Any:
    """Iterate a stream, naming its failures: a cut connection, or a chunk that is not JSON."""
    try:
        yield from events
    except Exception as err:
        named = _named(err)
        if named is err:
            raise
        raise named from err


async def _aguard(events: Any) -> Any:
    """``_guard`` for async streams."""
    try:
        async for event in events:
            yield event
    except Exception as err:
        named = _named(err)
        if named is err:
            raise
        raise named from err


class _ChatStream:
    """Accumulates a Chat Completions stream; ``feed`` returns the text a chunk carries."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.calls: dict[int, dict[str, str]] = {}
        self.finish: str | None = None
        self.usage = Usage()
        self.model: str | None = None

    def feed(self, chunk: Any) -> str | None:
        self.model = self.model or reply_model(chunk)
        if chunk.usage:
            self.usage = Usage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
        delivered = None
        for choice in chunk.choices or []:
            if choice.delta and choice.delta.content:
                delivered = choice.delta.content
                self.text.append(delivered)
            for call in (choice.delta.tool_calls or []) if choice.delta else []:
                slot = self.calls.setdefault(call.index, {"id": "", "name": "", "arguments": ""})
                slot["id"] = call.id or slot["id"]
                if call.function:
                    slot["name"] = call.function.name or slot["name"]
                    slot["arguments"] += call.function.arguments or ""
            self.finish = choice.finish_reason or self.finish
        return delivered

    def reply(self) -> ModelReply:
        if self.finish is None:
            raise StreamIncompleteError("the chat stream ended without a finish_reason")
        calls = tuple(ToolCall(id=c["id"], name=c["name"], arguments=tool_args(c["arguments"]))
                      for c in self.calls.values())
        raw = {"choices": [{"finish_reason": self.finish, "message": {"content": "".join(self.text),
                                                                      "tool_calls": [c.id for c in calls]}}]}
        return ModelReply("".join(self.text), calls, (), self.usage, raw, self.model, (self.finish,))


class _ResponsesStream:
    """Accumulates a Responses stream until its terminal event."""

    def __init__(self, adapter: OpenAIResponses) -> None:
        self.adapter = adapter
        self.final: ModelReply | None = None

    def feed(self, event: Any) -> str | None:
        kind = getattr(event, "type", "")
        if kind == "response.output_text.delta":
            return str(event.delta)
        if kind == "response.completed":
            self.final = self.adapter.parse(event.response)
        elif kind in ("response.failed", "response.incomplete"):
            self.final = ModelReply("", raw=event.response)
        elif kind == "error":
            self.final = ModelReply("", raw=event)
        return None

    def reply(self) -> ModelReply:
        if self.final is None:
            raise StreamIncompleteError("the Responses stream ended without response.completed")
        return self.final


def _messages_text(event: Any) -> str | None:
    if event.type == "content_block_delta" and getattr(event.delta, "type", "") == "text_delta":
        return str(event.delta.text)
    return None


def _chat_stream(client: Any, request: ModelRequest, adapter: OpenAIChat) -> Any:
    acc = _ChatStream()
    stream = adapter.send(client, request, stream=True)
    _idle(stream, request)
    for chunk in _guard(stream):
        if (text := acc.feed(chunk)) is not None:
            yield ("text", text)
    yield ("reply", acc.reply())


def _responses_stream(client: Any, request: ModelRequest, adapter: OpenAIResponses) -> Any:
    acc = _ResponsesStream(adapter)
    stream = adapter.send(client, request, stream=True)
    _idle(stream, request)
    for event in _guard(stream):
        if (text := acc.feed(event)) is not None:
            yield ("text", text)
        if acc.final is not None:
            break
    yield ("reply", acc.reply())


def _messages_stream(client: Any, request: ModelRequest, adapter: AnthropicMessages) -> Any:
    with adapter.send(client, request, stream=True) as stream:
        _idle(stream, request)
        stopped = False
        for event in _guard(stream):
            if (text := _messages_text(event)) is not None:
                yield ("text", text)
            stopped = stopped or event.type == "message_stop"
        if not stopped:
            raise StreamIncompleteError("the Messages stream ended without message_stop")
        yield ("reply", adapter.parse(stream.get_final_message()))


async def _achat_stream(client: Any, request: ModelRequest, adapter: OpenAIChat) -> Any:
    acc = _ChatStream()
    stream = await adapter.send(client, request, stream=True, asynchronous=True)
    _idle(stream, request)
    async for chunk in _aguard(stream):
        if (text := acc.feed(chunk)) is not None:
            yield ("text", text)
    yield ("reply", acc.reply())


async def _aresponses_stream(client: Any, request: ModelRequest, adapter: OpenAIResponses) -> Any:
    acc = _ResponsesStream(adapter)
    stream = await adapter.send(client, request, stream=True, asynchronous=True)
    _idle(stream, request)
    async for event in _aguard(stream):
        if (text := acc.feed(event)) is not None:
            yield ("text", text)
        if acc.final is not None:
            break
    yield ("reply", acc.reply())


async def _amessages_stream(client: Any, request: ModelRequest, adapter: AnthropicMessages) -> Any:
    async with adapter.send(client, request, stream=True, asynchronous=True) as stream:
        _idle(stream, request)
        stopped = False
        async for event in _aguard(stream):
            if (text := _messages_text(event)) is not None:
                yield ("text", text)
            stopped = stopped or event.type == "message_stop"
        if not stopped:
            raise StreamIncompleteError("the Messages stream ended without message_stop")
        yield ("reply", adapter.parse(await stream.get_final_message()))


def astream_call(adapter: Adapter, client: Any, request: ModelRequest) -> Any:
    """``stream_call`` for the async clients: an async iterator of StreamItems."""
    if isinstance(adapter, OpenAIChat):
        return _achat_stream(client, request, adapter)
    if isinstance(adapter, OpenAIResponses):
        return _aresponses_stream(client, request, adapter)
    if isinstance(adapter, AnthropicMessages):
        return _amessages_stream(client, request, adapter)
    raise TypeError(f"no streaming for {type(adapter).__name__}")


def stream_call(adapter: Adapter, client: Any, request: ModelRequest) -> Any:
    """Iterate a streamed call of any API as StreamItems (the SDKs' stream classes underneath)."""
    if isinstance(adapter, OpenAIChat):
        return _chat_stream(client, request, adapter)
    if isinstance(adapter, OpenAIResponses):
        return _responses_stream(client, request, adapter)
    if isinstance(adapter, AnthropicMessages):
        return _messages_stream(client, request, adapter)
    raise TypeError(f"no streaming for {type(adapter).__name__}")
