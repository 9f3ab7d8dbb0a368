"""OpenAI Chat Completions and Responses: conversion, and the call through ``client.post``.

Both APIs are sent as the SDK's ``create`` sends them: ``POST /chat/completions`` or
``POST /responses`` with ``security={"bearer_auth": True}`` (the option ``create`` passes; the
client's default would also offer an admin key), cast to ``ChatCompletion`` / ``Response`` and
streamed as ``Stream[ChatCompletionChunk]`` / ``Stream[ResponseStreamEvent]``. The chat and
responses parameter types (openai 3.x) alias or format no field an adapter sends, so the SDK's
transform would leave the body as it is (tests/test_adapters_wire.py compares both on the wire).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final

from .._params import chat_params, responses_params
from .._request_template import post_json, post_json_async
from ..chain import Api, ClientOptions
from ..conversation import Message, Thinking, ToolCall, ToolResult
from ..credential_pool import Credential
from ..platforms.clients import platform_client
from ._base import Adapter, ModelReply, ModelRequest, Prepared, Usage, api_key, prepared, reply_model, timed, tool_args

__all__ = ["OpenAIChat", "OpenAIResponses", "chat_messages", "responses_input"]

_BEARER: Final = {"bearer_auth": True}


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
    """The conversation as Chat Completions messages."""
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
    path: str
    _types: tuple[Any, Any]  # what a response is cast to, and a streamed event (a class or a union)

    def _build(self, credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
               options: ClientOptions) -> Any:
        if options.platform is not None:
            return platform_client(credential, base_url, timeout, asynchronous, options,
                                   self.shared_http(timeout, asynchronous))
        import openai  # only chains with an OpenAI-protocol entry load this SDK

        common: dict[str, Any] = {"api_key": api_key(credential), "base_url": base_url,
                                  "max_retries": 0, "timeout": timeout, "organization": options.organization,
                                  "project": options.project, "default_headers": dict(options.default_headers) or None,
                                  "http_client": self.shared_http(timeout, asynchronous)}
        return (openai.AsyncOpenAI if asynchronous else openai.OpenAI)(**common)

    def prepare(self, request: ModelRequest, *, stream: bool) -> Prepared:
        return prepared(self.path, {**self.payload(request), **(self.streamed() if stream else {})}, security=_BEARER)

    def streamed(self) -> dict[str, Any]:
        """The keywords a streamed call adds."""
        return {"stream": True}

    def post(self, client: Any, prepared: Prepared, *, stream: bool, asynchronous: bool) -> Any:
        import openai

        cast_to, event = self._types
        stream_cls = (openai.AsyncStream if asynchronous else openai.Stream)[event]
        send = post_json_async if asynchronous else post_json  # the SDK's request built once per shape
        return send(client, prepared.path, body=prepared.body, options=prepared.options, cast_to=cast_to,
                    stream=stream, stream_cls=stream_cls)


class OpenAIChat(_OpenAIClients):
    api: Api = "openai-chat"
    path = "/chat/completions"

    def __init__(self, *, async_http: Callable[[float], Any] | None = None) -> None:
        super().__init__(async_http=async_http)
        from openai.types.chat import ChatCompletion, ChatCompletionChunk

        self._types = (ChatCompletion, ChatCompletionChunk)

    def payload(self, request: ModelRequest) -> dict[str, Any]:
        payload: dict[str, Any] = {"model": request.model, "messages": chat_messages(request.messages),
                                   **chat_params(request.settings, request.model,
                                                 completion_tokens=request.completion_tokens)}
        if request.tools:
            payload["tools"] = [{"type": "function", "function": {"name": t.name, "description": t.description,
                                                                  "parameters": t.schema}} for t in request.tools]
        return timed(payload, request)

    def streamed(self) -> dict[str, Any]:
        return {"stream": True, "stream_options": {"include_usage": True}}

    def sdk_send(self, client: Any, request: ModelRequest, *, stream: bool) -> Any:
        return client.chat.completions.create(**self.payload(request), **(self.streamed() if stream else {}))

    def parse(self, raw: Any) -> ModelReply:
        message = raw.choices[0].message if raw.choices else None
        calls = tuple(ToolCall(id=c.id, name=c.function.name, arguments=tool_args(c.function.arguments))
                      for c in (message.tool_calls or [])) if message else ()
        usage = Usage(raw.usage.prompt_tokens, raw.usage.completion_tokens) if raw.usage else Usage()
        finish = tuple(str(c.finish_reason) for c in raw.choices or () if c.finish_reason)
        return ModelReply((message.content or "") if message else "", calls, (), usage, raw, reply_model(raw), finish)


def responses_input(messages: tuple[Message, ...]) -> tuple[str | None, list[dict[str, Any]]]:
    """The conversation as Responses ``instructions`` and input items."""
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
    path = "/responses"

    def __init__(self, *, async_http: Callable[[float], Any] | None = None) -> None:
        super().__init__(async_http=async_http)
        from openai.types.responses import Response, ResponseStreamEvent

        self._types = (Response, ResponseStreamEvent)

    def payload(self, request: ModelRequest) -> dict[str, Any]:
        instructions, items = responses_input(request.messages)
        payload: dict[str, Any] = {"model": request.model, "input": items, **responses_params(request.settings)}
        if instructions:
            payload["instructions"] = instructions
        if request.tools:
            payload["tools"] = [{"type": "function", "name": t.name, "description": t.description,
                                 "parameters": t.schema} for t in request.tools]
        return timed(payload, request)

    def sdk_send(self, client: Any, request: ModelRequest, *, stream: bool) -> Any:
        return client.responses.create(**self.payload(request), **(self.streamed() if stream else {}))

    def parse(self, raw: Any) -> ModelReply:
        texts, calls, thinking = [], [], []
        for item in raw.output or []:
            if item.type == "message":
                texts += [part.text for part in item.content if getattr(part, "type", "") == "output_text"]
            elif item.type == "function_call":
                calls.append(ToolCall(id=item.call_id, name=item.name, arguments=tool_args(item.arguments)))
            elif item.type == "reasoning" and getattr(item, "encrypted_content", None):
                thinking.append(Thinking(encrypted=item.encrypted_content))
        usage = Usage(raw.usage.input_tokens, raw.usage.output_tokens) if raw.usage else Usage()
        status = getattr(raw, "status", None)
        return ModelReply("".join(texts), tuple(calls), tuple(thinking), usage, raw, reply_model(raw),
                          (str(status),) if status else ())
