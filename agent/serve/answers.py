"""A plain JSON answer, read the way the ladder judges it: text, tool calls, usage, how it ended.

The adapters parse SDK objects; building one from JSON costs about 140 us per answer, more than
everything else the gateway does around a call, so the pass-through reads the JSON directly.
The soft-failure rules (``classify_soft_failure``) read the same dict first.
"""

from __future__ import annotations

from typing import Any

from .._answer_parts import RESPONSES_ACCEPTED, RESPONSES_CALLS, RESPONSES_CONTENT, chat_parts, textless_block
from ..adapters import ModelReply, Usage
from ..chain import Api
from ..conversation import ToolCall

__all__ = ["answer_of", "call_name"]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _messages(data: dict[str, Any]) -> ModelReply:
    blocks = [_dict(b) for b in _list(data.get("content"))]
    text = "".join(str(b.get("text", "")) for b in blocks if b.get("type") == "text")
    calls = tuple(ToolCall(id=str(b.get("id", "")), name=str(b.get("name", "")), arguments=_dict(b.get("input")))
                  for b in blocks if b.get("type") == "tool_use")
    parts = tuple(str(b["type"]) for b in blocks if textless_block(b) and b.get("type") != "tool_use")
    usage = _dict(data.get("usage"))
    stop = data.get("stop_reason")
    return ModelReply(text, calls, (), Usage(int(usage.get("input_tokens") or 0), int(usage.get("output_tokens") or 0)),
                      None, data.get("model"), (str(stop),) if stop else (), parts)


def call_name(call: dict[str, Any]) -> str:
    """A Chat tool call's name: a function's, or a custom (freeform) tool's."""
    return str(_dict(call.get("function")).get("name") or _dict(call.get("custom")).get("name") or "")


def _chat(data: dict[str, Any]) -> ModelReply:
    choices = [_dict(c) for c in _list(data.get("choices"))]
    message = _dict(choices[0].get("message")) if choices else {}
    calls = tuple(ToolCall(id=str(c.get("id", "")), name=call_name(c), arguments={})
                  for c in map(_dict, _list(message.get("tool_calls"))))
    usage = _dict(data.get("usage"))
    finish = tuple(str(c["finish_reason"]) for c in choices if c.get("finish_reason"))
    return ModelReply(str(message.get("content") or ""), calls, (),
                      Usage(int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)),
                      None, data.get("model"), finish, chat_parts(message))


def _responses(data: dict[str, Any]) -> ModelReply:
    items = [_dict(i) for i in _list(data.get("output"))]
    text = "".join(str(_dict(part).get("text", "")) for item in items if item.get("type") == "message"
                   for part in _list(item.get("content")) if _dict(part).get("type") == "output_text")
    calls = tuple(ToolCall(id=str(i.get("call_id", "")), name=str(i.get("name") or i.get("type")), arguments={})
                  for i in items if i.get("type") in RESPONSES_CALLS)
    status = data.get("status")
    parts = tuple(str(i["type"]) for i in items if i.get("type") in RESPONSES_CONTENT and i.get("result"))
    if status in RESPONSES_ACCEPTED:  # a background request, accepted: the client polls for its answer
        parts += (str(status),)
    usage = _dict(data.get("usage"))
    return ModelReply(text, calls, (), Usage(int(usage.get("input_tokens") or 0), int(usage.get("output_tokens") or 0)),
                      None, data.get("model"), (str(status),) if status else (), parts)


_READERS = {"anthropic-messages": _messages, "openai-chat": _chat, "openai-responses": _responses}


def answer_of(api: Api, data: Any) -> ModelReply | None:
    """The answer in ``data`` (a decoded JSON body); None when it is not a JSON object (the ladder then
    judges the body malformed)."""
    if not isinstance(data, dict):
        return None
    try:
        return _READERS[api](data)
    except (TypeError, ValueError):  # numbers that are not numbers: a malformed answer
        return None
