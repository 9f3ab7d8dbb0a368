"""Anthropic Messages: conversion, and the call through ``client.post``.

Sent as the SDK's ``messages.create`` / ``messages.stream`` send it: ``POST /v1/messages`` with
the same span options (the SDK traces its own calls when OpenTelemetry is configured), cast to
``Message``, streamed as ``Stream[RawMessageStreamEvent]`` inside the SDK's ``MessageStream``
(with the two helper headers ``messages.stream`` adds), so text events and the final message
are the SDK's own. The SDK's method is used instead where it does more than send: for a model
it warns about (deprecated, or ``thinking.type=enabled`` on a model that wants ``adaptive``),
for a non-streamed call with neither a per-call timeout nor a client timeout of its own (it
derives one from ``max_tokens``), and with an SDK that lacks the parts named above.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._params import messages_params
from .._request_template import post_json, post_json_async
from ..chain import Api, ClientOptions
from ..conversation import Message, Thinking, ToolCall
from ..credential_pool import Credential
from ..platforms.clients import platform_client
from ._base import Adapter, ModelReply, ModelRequest, Prepared, Usage, api_key, prepared, reply_model, timed

__all__ = ["AnthropicMessages", "anthropic_messages"]


def _image_block(image: Any) -> dict[str, Any]:
    if image.url:
        return {"type": "image", "source": {"type": "url", "url": image.url}}
    return {"type": "image", "source": {"type": "base64", "media_type": image.media_type, "data": image.data}}


def anthropic_messages(messages: tuple[Message, ...]) -> tuple[str | None, list[dict[str, Any]]]:
    """The conversation as an Anthropic ``system`` and messages."""
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


@dataclass(frozen=True, slots=True)
class _SdkParts:
    """What ``messages.create`` / ``messages.stream`` add to a request, read from the SDK itself."""

    deprecated: frozenset[str]  # models the SDK warns about
    warn_thinking: frozenset[str]  # models the SDK warns about with thinking.type=enabled
    span: dict[str, Any]  # the span options of messages.create
    stream_headers: dict[str, str]  # the headers messages.stream adds


def _sdk_parts() -> _SdkParts | None:
    """The SDK's own tables and options (None: this SDK version lacks one; its methods are used)."""
    try:
        from anthropic._data import DEPRECATED_MODELS, MODELS_TO_WARN_WITH_THINKING_ENABLED
        from anthropic.lib._stainless_helpers import (
            HELPER_METHOD_STREAM,
            STAINLESS_HELPER_METHOD_HEADER,
            STAINLESS_STREAM_HELPER_HEADER,
        )
        from anthropic.lib._tracing import messages_create_request_attributes
    except ImportError:
        return None
    span = {"span_name": "anthropic.messages.create", "span_route": "/v1/messages",
            "span_attributes": messages_create_request_attributes}
    return _SdkParts(frozenset(DEPRECATED_MODELS), frozenset(MODELS_TO_WARN_WITH_THINKING_ENABLED), span,
                     {STAINLESS_HELPER_METHOD_HEADER: HELPER_METHOD_STREAM, STAINLESS_STREAM_HELPER_HEADER: "messages"})


class AnthropicMessages(Adapter):
    api: Api = "anthropic-messages"
    sdk = "anthropic"
    path = "/v1/messages"

    def __init__(self, *, async_http: Callable[[float], Any] | None = None) -> None:
        super().__init__(async_http=async_http)
        import anthropic
        from anthropic.types import Message as Reply
        from anthropic.types import RawMessageStreamEvent

        self._parts = _sdk_parts()
        self._types: tuple[Any, Any] = (Reply, RawMessageStreamEvent)
        self._default_timeout = anthropic.DEFAULT_TIMEOUT

    def _build(self, credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
               options: ClientOptions) -> Any:
        if options.platform is not None:
            return platform_client(credential, base_url, timeout, asynchronous, options,
                                   self.shared_http(timeout, asynchronous))
        import anthropic  # only chains with an Anthropic entry load this SDK

        secret = api_key(credential)
        auth: dict[str, Any] = {"auth_token": secret} if credential.kind == "oauth" else {"api_key": secret}
        common: dict[str, Any] = {**auth, "base_url": base_url, "max_retries": 0, "timeout": timeout,
                                  "default_headers": dict(options.default_headers) or None,
                                  "http_client": self.shared_http(timeout, asynchronous)}
        return (anthropic.AsyncAnthropic if asynchronous else anthropic.Anthropic)(**common)

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
        return timed(payload, request)

    def prepared_fits(self, client: Any, request: ModelRequest, *, stream: bool) -> bool:
        parts = self._parts
        if parts is None or request.model in parts.deprecated:
            return False
        if request.model in parts.warn_thinking and request.settings.thinking_budget is not None:
            return False  # the SDK warns: thinking.type=enabled
        return stream or request.timeouts is not None or client.timeout != self._default_timeout

    def prepare(self, request: ModelRequest, *, stream: bool) -> Prepared:
        assert self._parts is not None  # prepared_fits said so
        keywords = self.payload(request)
        headers = {**(self._parts.stream_headers if stream else {}), **keywords.pop("extra_headers", {})}
        if stream:
            keywords["stream"] = True
        return prepared(self.path, keywords, headers=headers, **self._parts.span)

    def post(self, client: Any, prepared: Prepared, *, stream: bool, asynchronous: bool) -> Any:
        import anthropic
        from anthropic.lib.streaming import AsyncMessageStreamManager, MessageStreamManager

        cast_to, event = self._types
        # the SDK's request built once per shape
        post: Callable[..., Any] = post_json_async if asynchronous else post_json
        if not stream:
            return post(client, prepared.path, body=prepared.body, options=prepared.options, cast_to=cast_to)
        stream_cls = (anthropic.AsyncStream if asynchronous else anthropic.Stream)[event]
        send = functools.partial(post, client, prepared.path, body=prepared.body, options=prepared.options,
                                 cast_to=cast_to, stream=True, stream_cls=stream_cls)
        if asynchronous:
            return AsyncMessageStreamManager(send(), output_format=anthropic.omit)
        return MessageStreamManager(send, output_format=anthropic.omit)

    def sdk_send(self, client: Any, request: ModelRequest, *, stream: bool) -> Any:
        return (client.messages.stream if stream else client.messages.create)(**self.payload(request))

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
        return ModelReply("".join(texts), tuple(calls), tuple(thinking), usage, raw, reply_model(raw),
                          (str(stop),) if stop else ())
