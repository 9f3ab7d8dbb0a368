"""Talking to models through the official SDKs: one adapter per API.

``openai-chat`` (OpenAI and every OpenAI-compatible server via ``base_url``), ``openai-responses``
(OpenAI / Codex Responses) and ``anthropic-messages``. Clients are built with ``max_retries=0``
(the loop owns retries), cached per (credential, base_url, timeout), and share one HTTP client
per adapter and timeout. Conversion to and from the neutral conversation model is shared by the
sync and async calls; only the call differs. Calls go out through the SDK client's low-level
``post`` with the body the adapter built (``_base``), streamed through the SDK's own classes.

Modules: ``_base`` (values, client cache, the prepared call), ``_openai`` (Chat Completions and
Responses), ``_anthropic`` (Messages), ``_stream`` (streamed calls of every API).
"""

from __future__ import annotations

from ..chain import Api
from ._anthropic import AnthropicMessages, anthropic_messages
from ._base import Adapter, ModelReply, ModelRequest, Prepared, ToolSpec, Usage
from ._openai import OpenAIChat, OpenAIResponses, chat_messages, responses_input
from ._stream import MalformedStreamError, StreamIncompleteError, StreamItem, astream_call, stream_call

__all__ = [
    "ADAPTERS", "Adapter", "AnthropicMessages", "Api", "MalformedStreamError", "ModelReply", "ModelRequest",
    "OpenAIChat", "OpenAIResponses", "Prepared", "StreamIncompleteError", "StreamItem", "ToolSpec", "Usage",
    "anthropic_messages", "astream_call", "chat_messages", "responses_input", "stream_call",
]

ADAPTERS: dict[Api, type[Adapter]] = {
    "openai-chat": OpenAIChat, "openai-responses": OpenAIResponses, "anthropic-messages": AnthropicMessages,
}
