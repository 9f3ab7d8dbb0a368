"""Talking to models through the official SDKs: one adapter per API.

``openai-chat`` (OpenAI and every OpenAI-compatible server via ``base_url``), ``openai-responses``
(OpenAI / Codex Responses) and ``anthropic-messages``. Clients are built with ``max_retries=0``
(the loop owns retries) and cached per (credential, base_url, timeout). Conversion to and from
the neutral conversation model is shared by the sync and async calls; only the call differs.
"""

from __future__ import annotations

import importlib
import json
import threading
from dataclasses import dataclass, field
from typing import Any, Final

from ._params import RequestSettings, chat_params, messages_params, responses_params
from ._sdk import SDKConnectionError, SDKTimeoutError
from .chain import Api, CallTimeouts, ClientOptions
from .conversation import Message, Thinking, ToolCall, ToolResult
from .credential_pool import Credential
from .platforms.clients import platform_client

__all__ = [
    "ADAPTERS", "Adapter", "Api", "MalformedStreamError", "ModelReply", "ModelRequest", "StreamIncompleteError",
    "ToolSpec", "Usage",
    "astream_call",
    "stream_call",
]



@dataclass(frozen=True, slots=True)
class ToolSpec:
    """A tool as sent to the model (the schema may be repaired per request)."""

    name: str
    description: str
    schema: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ModelRequest:
    """Everything one upstream call sends."""

    model: str
    messages: tuple[Message, ...]
    tools: tuple[ToolSpec, ...] = ()
    settings: RequestSettings = field(default_factory=RequestSettings)
    betas: tuple[str, ...] = ()
    timeouts: CallTimeouts | None = None  # this call's per-phase limits; None: the client's own
    completion_tokens: bool = False  # Chat: send max_completion_tokens (the provider rejected max_tokens)


@dataclass(frozen=True, slots=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0


@dataclass(frozen=True, slots=True)
class ModelReply:
    """What came back: text, tool calls, reasoning, usage, and the raw SDK object."""

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    thinking: tuple[Thinking, ...] = ()
    usage: Usage = Usage()
    raw: Any = field(default=None, repr=False, compare=False)
    response_model: str | None = None  # the model the provider says answered
    finish_reasons: tuple[str, ...] = ()  # finish_reason / status / stop_reason, as the provider names them


_PLAIN: Final = ClientOptions()


class Adapter:
    """Base: client cache and the call; subclasses convert."""

    api: Api
    sdk: str  # the official SDK's module name

    def __init__(self) -> None:
        self._clients: dict[tuple[str, str | None, float, bool, ClientOptions], Any] = {}
        self._lock = threading.Lock()
        # Import the SDK when the loop is built, not inside the first turn: importing it costs
        # about a second, which would otherwise be charged to that turn's deadline.
        importlib.import_module(self.sdk)

    def client(self, credential: Credential, base_url: str | None, timeout: float, *,
               asynchronous: bool = False, options: ClientOptions = _PLAIN) -> Any:
        key = (credential.id, base_url, timeout, asynchronous, options)
        with self._lock:
            found = self._clients.get(key)
            if found is None:
                found = self._clients[key] = self._build(credential, base_url, timeout, asynchronous, options)
            return found

    def _build(self, credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
               options: ClientOptions) -> Any:
        raise NotImplementedError

    def call(self, client: Any, request: ModelRequest) -> Any:
        raise NotImplementedError

    async def acall(self, client: Any, request: ModelRequest) -> Any:
        raise NotImplementedError

    def parse(self, raw: Any) -> ModelReply:
        raise NotImplementedError


def _key(credential: Credential) -> str:
    if credential.secret is None:
        raise ValueError(f"credential {credential.id!r} of kind {credential.kind!r} has no key for this API; "
                         "set the chain entry's platform")
    return credential.secret.get_secret_value()


def _timed(payload: dict[str, Any], request: ModelRequest) -> dict[str, Any]:
    """The payload with this call's per-phase limits (read: to the first byte of the answer)."""
    t = request.timeouts
    if t is not None:
        import httpx2  # loaded already: the SDK that makes this call imports it

        payload["timeout"] = httpx2.Timeout(t.first_byte, connect=t.connect, write=t.write, pool=t.connect)
    return payload


def _args(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {"_unparsed": raw}
    return value if isinstance(value, dict) else {"value": value}


# ------------------------------------------------------------------ OpenAI Chat Completions


def _chat_content(message: Message) -> Any:
    if not message.images:
        return message.text
    parts: list[dict[str, Any]] = [{"type": "text", "text": message.text}] if message.text else []
    return parts + [{"type": "image_url", "image_url": {"url": image.data_url()}} for image in message.images]


def _chat_tool_result(result: ToolResult) -> dict[str, Any]:
    content: Any = result.content
    if result.images:
        content = [{"type": "text", "text": result.content}] + [
            {"type": "image_url", "image_url": {"url": image.data_url()}} for image in result.images]
    return {"role": "tool", "tool_call_id": result.call_id, "content": content}


def chat_messages(messages: tuple[Message, ...]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in messages:
        if m.role == "tool":
            out += [_chat_tool_result(r) for r in m.tool_results]
        elif m.role == "assistant":
            entry: dict[str, Any] = {"role": "assistant", "content": m.text or None}
            if m.tool_calls:
                entry["tool_calls"] = [{"id": c.id, "type": "function",
                                        "function": {"name": c.name, "arguments": json.dumps(c.arguments)}}
                                       for c in m.tool_calls]
            out.append(entry)
        else:
            out.append({"role": m.role, "content": _chat_content(m)})
    return out


class _OpenAIClients(Adapter):
    """Both OpenAI APIs use the same client (``max_retries=0``: the loop owns retries)."""

    sdk = "openai"

    def _build(self, credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
               options: ClientOptions) -> Any:
        if options.platform is not None:
            return platform_client(credential, base_url, timeout, asynchronous, options)
        import openai  # only chains with an OpenAI-protocol entry load this SDK

        from ._http import async_http_client, http_client

        common: dict[str, Any] = {"api_key": _key(credential), "base_url": base_url,
                                  "max_retries": 0, "timeout": timeout, "organization": options.organization,
                                  "project": options.project, "default_headers": dict(options.default_headers) or None}
        if asynchronous:
            return openai.AsyncOpenAI(**common, http_client=async_http_client(timeout))
        return openai.OpenAI(**common, http_client=http_client(timeout))


class OpenAIChat(_OpenAIClients):
    api: Api = "openai-chat"

    def payload(self, request: ModelRequest) -> dict[str, Any]:
        payload: dict[str, Any] = {"model": request.model, "messages": chat_messages(request.messages),
                                   **chat_params(request.settings, request.model,
                                                 completion_tokens=request.completion_tokens)}
        if request.tools:
            payload["tools"] = [{"type": "function", "function": {"name": t.name, "description": t.description,
                                                                  "parameters": t.schema}} for t in request.tools]
        return _timed(payload, request)

    def call(self, client: Any, request: ModelRequest) -> Any:
        return client.chat.completions.create(**self.payload(request))

    async def acall(self, client: Any, request: ModelRequest) -> Any:
        return await client.chat.completions.create(**self.payload(request))

    def parse(self, raw: Any) -> ModelReply:
        message = raw.choices[0].message if raw.choices else None
        calls = tuple(ToolCall(id=c.id, name=c.function.name, arguments=_args(c.function.arguments))
                      for c in (message.tool_calls or [])) if message else ()
        usage = Usage(raw.usage.prompt_tokens, raw.usage.completion_tokens) if raw.usage else Usage()
        finish = tuple(str(c.finish_reason) for c in raw.choices or () if c.finish_reason)
        return ModelReply((message.content or "") if message else "", calls, (), usage, raw, _model(raw), finish)


# ------------------------------------------------------------------ OpenAI Responses


def responses_input(messages: tuple[Message, ...]) -> tuple[str | None, list[dict[str, Any]]]:
    instructions = "\n\n".join(m.text for m in messages if m.role == "system") or None
    items: list[dict[str, Any]] = []
    for m in messages:
        if m.role == "user":
            content: list[dict[str, Any]] = [{"type": "input_text", "text": m.text}] if m.text else []
            content += [{"type": "input_image", "image_url": image.data_url()} for image in m.images]
            items.append({"role": "user", "content": content})
        elif m.role == "assistant":
            items += [{"type": "reasoning", "summary": [], "encrypted_content": t.encrypted}
                      for t in m.thinking if t.encrypted]
            if m.text:
                items.append({"role": "assistant", "content": m.text})
            items += [{"type": "function_call", "call_id": c.id, "name": c.name, "arguments": json.dumps(c.arguments)}
                      for c in m.tool_calls]
        elif m.role == "tool":
            items += [{"type": "function_call_output", "call_id": r.call_id, "output": r.content}
                      for r in m.tool_results]
    return instructions, items


class OpenAIResponses(_OpenAIClients):
    api: Api = "openai-responses"

    def payload(self, request: ModelRequest) -> dict[str, Any]:
        instructions, items = responses_input(request.messages)
        payload: dict[str, Any] = {"model": request.model, "input": items, **responses_params(request.settings)}
        if instructions:
            payload["instructions"] = instructions
        if request.tools:
            payload["tools"] = [{"type": "function", "name": t.name, "description": t.description,
                                 "parameters": t.schema} for t in request.tools]
        return _timed(payload, request)

    def call(self, client: Any, request: ModelRequest) -> Any:
        return client.responses.create(**self.payload(request))

    async def acall(self, client: Any, request: ModelRequest) -> Any:
        return await client.responses.create(**self.payload(request))

    def parse(self, raw: Any) -> ModelReply:
        texts, calls, thinking = [], [], []
        for item in raw.output or []:
            if item.type == "message":
                texts += [part.text for part in item.content if getattr(part, "type", "") == "output_text"]
            elif item.type == "function_call":
                calls.append(ToolCall(id=item.call_id, name=item.name, arguments=_args(item.arguments)))
            elif item.type == "reasoning" and getattr(item, "encrypted_content", None):
                thinking.append(Thinking(encrypted=item.encrypted_content))
        usage = Usage(raw.usage.input_tokens, raw.usage.output_tokens) if raw.usage else Usage()
        status = getattr(raw, "status", None)
        return ModelReply("".join(texts), tuple(calls), tuple(thinking), usage, raw, _model(raw),
                          (str(status),) if status else ())


# ------------------------------------------------------------------ Anthropic Messages


def _image_block(image: Any) -> dict[str, Any]:
    if image.url:
        return {"type": "image", "source": {"type": "url", "url": image.url}}
    return {"type": "image", "source": {"type": "base64", "media_type": image.media_type, "data": image.data}}


def anthropic_messages(messages: tuple[Message, ...]) -> tuple[str | None, list[dict[str, Any]]]:
    system = "\n\n".join(m.text for m in messages if m.role == "system") or None
    out: list[dict[str, Any]] = []
    for m in messages:
        if m.role == "user":
            blocks: list[dict[str, Any]] = [_image_block(i) for i in m.images]
            out.append({"role": "user", "content": [*blocks, {"type": "text", "text": m.text}] if blocks else m.text})
        elif m.role == "assistant":
            content: list[dict[str, Any]] = [{"type": "thinking", "thinking": t.text, "signature": t.signature}
                                             for t in m.thinking if t.signature]
            content += [{"type": "text", "text": m.text}] if m.text else []
            content += [{"type": "tool_use", "id": c.id, "name": c.name, "input": c.arguments} for c in m.tool_calls]
            out.append({"role": "assistant", "content": content})
        elif m.role == "tool":
            out.append({"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": r.call_id, "is_error": r.is_error,
                 "content": [{"type": "text", "text": r.content}, *(_image_block(i) for i in r.images)]
                 if r.images else r.content} for r in m.tool_results]})
    return system, out


class AnthropicMessages(Adapter):
    api: Api = "anthropic-messages"
    sdk = "anthropic"

    def _build(self, credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
               options: ClientOptions) -> Any:
        if options.platform is not None:
            return platform_client(credential, base_url, timeout, asynchronous, options)
        import anthropic  # only chains with an Anthropic entry load this SDK

        from ._http import async_http_client, http_client

        secret = _key(credential)
        auth: dict[str, Any] = {"auth_token": secret} if credential.kind == "oauth" else {"api_key": secret}
        common: dict[str, Any] = {**auth, "base_url": base_url, "max_retries": 0, "timeout": timeout,
                                  "default_headers": dict(options.default_headers) or None}
        if asynchronous:
            return anthropic.AsyncAnthropic(**common, http_client=async_http_client(timeout))
        return anthropic.Anthropic(**common, http_client=http_client(timeout))

    def payload(self, request: ModelRequest) -> dict[str, Any]:
        system, messages = anthropic_messages(request.messages)
        payload: dict[str, Any] = {"model": request.model, "messages": messages,
                                   **messages_params(request.settings, request.model)}
        if system:
            payload["system"] = system
        if request.tools:
            payload["tools"] = [{"name": t.name, "description": t.description, "input_schema": t.schema}
                                for t in request.tools]
        if request.betas:
            payload["extra_headers"] = {**payload.get("extra_headers", {}), "anthropic-beta": ",".join(request.betas)}
        return _timed(payload, request)

    def call(self, client: Any, request: ModelRequest) -> Any:
        return client.messages.create(**self.payload(request))

    async def acall(self, client: Any, request: ModelRequest) -> Any:
        return await client.messages.create(**self.payload(request))

    def parse(self, raw: Any) -> ModelReply:
        texts, calls, thinking = [], [], []
        for block in raw.content or []:
            if block.type == "text":
                texts.append(block.text)
            elif block.type == "tool_use":
                calls.append(ToolCall(id=block.id, name=block.name, arguments=dict(block.input or {})))
            elif block.type == "thinking":
                thinking.append(Thinking(text=block.thinking, signature=block.signature))
        usage = Usage(raw.usage.input_tokens, raw.usage.output_tokens) if raw.usage else Usage()
        stop = getattr(raw, "stop_reason", None)
        return ModelReply("".join(texts), tuple(calls), tuple(thinking), usage, raw, _model(raw),
                          (str(stop),) if stop else ())


def _model(raw: Any) -> str | None:
    model = getattr(raw, "model", None)
    return model if isinstance(model, str) and model else None


ADAPTERS: dict[Api, type[Adapter]] = {
    "openai-chat": OpenAIChat, "openai-responses": OpenAIResponses, "anthropic-messages": AnthropicMessages,
}


# ------------------------------------------------------------------ streaming

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
        self.model = self.model or _model(chunk)
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
        calls = tuple(ToolCall(id=c["id"], name=c["name"], arguments=_args(c["arguments"]))
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
    stream = client.chat.completions.create(**adapter.payload(request), stream=True,
                                            stream_options={"include_usage": True})
    _idle(stream, request)
    for chunk in _guard(stream):
        if (text := acc.feed(chunk)) is not None:
            yield ("text", text)
    yield ("reply", acc.reply())


def _responses_stream(client: Any, request: ModelRequest, adapter: OpenAIResponses) -> Any:
    acc = _ResponsesStream(adapter)
    stream = client.responses.create(**adapter.payload(request), stream=True)
    _idle(stream, request)
    for event in _guard(stream):
        if (text := acc.feed(event)) is not None:
            yield ("text", text)
        if acc.final is not None:
            break
    yield ("reply", acc.reply())


def _messages_stream(client: Any, request: ModelRequest, adapter: AnthropicMessages) -> Any:
    with client.messages.stream(**adapter.payload(request)) as stream:
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
    stream = await client.chat.completions.create(**adapter.payload(request), stream=True,
                                                  stream_options={"include_usage": True})
    _idle(stream, request)
    async for chunk in _aguard(stream):
        if (text := acc.feed(chunk)) is not None:
            yield ("text", text)
    yield ("reply", acc.reply())


async def _aresponses_stream(client: Any, request: ModelRequest, adapter: OpenAIResponses) -> Any:
    acc = _ResponsesStream(adapter)
    stream = await client.responses.create(**adapter.payload(request), stream=True)
    _idle(stream, request)
    async for event in _aguard(stream):
        if (text := acc.feed(event)) is not None:
            yield ("text", text)
        if acc.final is not None:
            break
    yield ("reply", acc.reply())


async def _amessages_stream(client: Any, request: ModelRequest, adapter: AnthropicMessages) -> Any:
    async with client.messages.stream(**adapter.payload(request)) as stream:
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
    """Iterate a streamed call of any API as StreamItems (real SDK streaming helpers underneath)."""
    if isinstance(adapter, OpenAIChat):
        return _chat_stream(client, request, adapter)
    if isinstance(adapter, OpenAIResponses):
        return _responses_stream(client, request, adapter)
    if isinstance(adapter, AnthropicMessages):
        return _messages_stream(client, request, adapter)
    raise TypeError(f"no streaming for {type(adapter).__name__}")
