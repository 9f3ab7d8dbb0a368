"""The providers' wire formats: request features, success bodies, SSE streams, error bodies.

Shapes follow the public API references of OpenAI Chat Completions, OpenAI Responses and
Anthropic Messages closely enough that the official SDKs parse every one of them.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any, Final

from .scenario import Endpoint

__all__ = [
    "RequestInfo",
    "ToolCall",
    "error_envelope",
    "frames_through_text",
    "items_body",
    "items_frames",
    "parse_request",
    "reply_body",
    "reply_frames",
    "soft_body",
    "stream_error_frame",
]


@dataclass(frozen=True, slots=True)
class ToolCall:
    """A tool call the emulated model makes."""

    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """What the emulator needs to know about one request."""

    endpoint: Endpoint
    model: str
    key: str
    streamed: bool
    text: str  # all prompt text, lower-case, for trigger phrases
    prompt_tokens: int  # estimate: 4 characters per token
    has_tools: bool
    has_images: bool
    has_tool_results: bool
    thinking: bool
    include_usage: bool
    last_user: str
    last_role: str = ""  # role of the conversation's last message ("assistant": a prefill)
    params: frozenset[str] = frozenset()  # the body's top-level fields
    max_output: int | None = None  # the output limit asked for, whatever the API calls it
    host: str = ""  # azure, bedrock or vertex when the request came by that host's path
    # Responses: the id this request's answer gets, the stored response it continues, and whether its answer is
    # stored (``store: false`` is not, so no later request may continue it)
    response_id: str = ""
    previous_response_id: str = ""
    stored: bool = True


def request_key(endpoint: Endpoint, headers: dict[str, str]) -> str:
    """The API key a request to ``endpoint`` presents (x-api-key for Messages, else the bearer token)."""
    return _key(endpoint, headers)


def _key(endpoint: Endpoint, headers: dict[str, str]) -> str:
    if endpoint == "messages":
        key = headers.get("x-api-key", "")
        if key:
            return key
    auth = headers.get("authorization", "")
    return auth[7:].strip() if auth.lower().startswith("bearer ") else ""


def _texts(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, list):
        for item in value:
            _texts(item, out)
    elif isinstance(value, dict):
        for name in ("text", "content", "input", "output", "instructions", "system", "arguments"):
            if name in value:
                _texts(value[name], out)


def _has_kind(value: Any, kinds: set[str]) -> bool:
    if isinstance(value, list):
        return any(_has_kind(item, kinds) for item in value)
    if isinstance(value, dict):
        if value.get("type") in kinds or value.get("role") in kinds:
            return True
        return any(_has_kind(v, kinds) for v in value.values() if isinstance(v, list | dict))
    return False


def _last_user(conversation: Any) -> str:
    if isinstance(conversation, str):
        return conversation
    if isinstance(conversation, list):
        for item in reversed(conversation):
            if isinstance(item, dict) and item.get("role") == "user":
                parts: list[str] = []
                _texts(item.get("content"), parts)
                return " ".join(parts)
    return ""


def _last_role(conversation: Any) -> str:
    if isinstance(conversation, list) and conversation and isinstance(conversation[-1], dict):
        return str(conversation[-1].get("role") or conversation[-1].get("type") or "")
    return "user" if isinstance(conversation, str) else ""


def parse_request(endpoint: Endpoint, headers: dict[str, str], body: dict[str, Any]) -> RequestInfo:
    """Features of a request body of ``endpoint``."""
    conversation = body.get("input") if endpoint == "responses" else body.get("messages")
    parts: list[str] = []
    _texts(body.get("system") or body.get("instructions") or "", parts)
    _texts(conversation, parts)
    text = " ".join(parts)
    stream_options = body.get("stream_options") or {}
    return RequestInfo(
        endpoint=endpoint,
        model=str(body.get("model", "")),
        key=_key(endpoint, headers),
        streamed=bool(body.get("stream")),
        text=text.lower(),
        prompt_tokens=max(1, len(json.dumps(conversation or "")) // 4),
        has_tools=bool(body.get("tools")),
        has_images=_has_kind(conversation, {"image", "image_url", "input_image"}),
        has_tool_results=_has_kind(conversation, {"tool", "tool_result", "function_call_output"}),
        thinking=isinstance(body.get("thinking"), dict) and body["thinking"].get("type") == "enabled",
        include_usage=bool(stream_options.get("include_usage")),
        last_user=_last_user(conversation),
        last_role=_last_role(conversation),
        params=frozenset(body),
        max_output=_max_output(body),
        response_id=_id("resp_") if endpoint == "responses" else "",
        previous_response_id=str(body.get("previous_response_id") or "") if endpoint == "responses" else "",
        stored=body.get("store") is not False,
    )


def _max_output(body: dict[str, Any]) -> int | None:
    for name in ("max_completion_tokens", "max_output_tokens", "max_tokens"):
        if isinstance(body.get(name), int):
            return int(body[name])
    return None


def _id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:24]}"


def _usage(info: RequestInfo, text: str) -> tuple[int, int]:
    return info.prompt_tokens, max(1, len(text) // 4)


# ------------------------------------------------------------------ success bodies


def reply_body(info: RequestInfo, text: str, tool: ToolCall | None) -> dict[str, Any]:
    """A complete non-streamed success answer; text over the request's output limit is cut, as providers do."""
    cut = tool is None and info.max_output is not None and len(text) > 4 * info.max_output
    text = text[:4 * info.max_output] if cut and info.max_output is not None else text
    if info.endpoint == "chat":
        body = _chat_body(info, text, tool)
        body["choices"][0]["finish_reason"] = "length" if cut else body["choices"][0]["finish_reason"]
        return body
    if info.endpoint == "responses":
        body = _responses_body(info, text, tool, "incomplete" if cut else "completed")
        body["incomplete_details"] = {"reason": "max_output_tokens"} if cut else None
        return body
    return _messages_body(info, text, tool, "max_tokens" if cut else None)


def _chat_body(info: RequestInfo, text: str, tool: ToolCall | None) -> dict[str, Any]:
    prompt, completion = _usage(info, text)
    message: dict[str, Any] = {"role": "assistant", "content": None if tool else text, "refusal": None}
    if tool:
        message["tool_calls"] = [{"id": _id("call_"), "type": "function", "function": {
            "name": tool.name, "arguments": json.dumps(tool.arguments)}}]
    return {
        "id": _id("chatcmpl-"), "object": "chat.completion", "created": int(time.time()), "model": info.model,
        "choices": [{"index": 0, "message": message, "logprobs": None,
                     "finish_reason": "tool_calls" if tool else "stop"}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
    }


def _responses_output(text: str, tool: ToolCall | None) -> list[dict[str, Any]]:
    if tool:
        return [{"type": "function_call", "id": _id("fc_"), "call_id": _id("call_"), "name": tool.name,
                 "arguments": json.dumps(tool.arguments), "status": "completed"}]
    return [{"type": "message", "id": _id("msg_"), "status": "completed", "role": "assistant",
             "content": [{"type": "output_text", "text": text, "annotations": []}]}]


def _responses_body(info: RequestInfo, text: str, tool: ToolCall | None, status: str,
                    output: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    prompt, completion = _usage(info, text)
    return {
        "id": info.response_id or _id("resp_"), "object": "response", "created_at": int(time.time()), "status": status,
        "model": info.model, "output": _responses_output(text, tool) if output is None else output,
        "parallel_tool_calls": True, "tool_choice": "auto", "tools": [], "error": None,
        "incomplete_details": None,
        "usage": {"input_tokens": prompt, "output_tokens": completion, "total_tokens": prompt + completion,
                  "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}},
    }


def _messages_content(info: RequestInfo, text: str, tool: ToolCall | None) -> list[dict[str, Any]]:
    content: list[dict[str, Any]] = []
    if info.thinking:
        content.append({"type": "thinking", "thinking": "Let me think about that.",
                        "signature": "EmulatorSig" + uuid.uuid4().hex})
    if tool:
        content.append({"type": "tool_use", "id": _id("toolu_"), "name": tool.name, "input": tool.arguments})
    else:
        content.append({"type": "text", "text": text})
    return content


def _messages_body(info: RequestInfo, text: str, tool: ToolCall | None, stop: str | None = None) -> dict[str, Any]:
    prompt, completion = _usage(info, text)
    return {
        "id": _id("msg_"), "type": "message", "role": "assistant", "model": info.model,
        "content": _messages_content(info, text, tool),
        "stop_reason": stop or ("tool_use" if tool else "end_turn"), "stop_sequence": None,
        "usage": {"input_tokens": prompt, "output_tokens": completion},
    }


# ------------------------------------------------------------------ streams


def _sse(data: Any, event: str | None = None) -> bytes:
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {json.dumps(data)}\n\n".encode()


def _chunks(text: str, words: int) -> list[str]:
    tokens = text.split(" ")
    return [" ".join(tokens[i:i + words]) + (" " if i + words < len(tokens) else "")
            for i in range(0, len(tokens), words)] or [""]


TEXT_MARKERS: Final = (b'"content": "', b'"response.output_text.delta"', b'"text_delta"')


def reply_frames(info: RequestInfo, text: str, tool: ToolCall | None, words: int) -> tuple[list[bytes], bytes]:
    """The SSE frames of a streamed success: (every frame before the end, the terminal frames)."""
    if info.endpoint == "chat":
        return _chat_frames(info, text, tool, words)
    if info.endpoint == "responses":
        return _responses_frames(info, text, tool, words)
    return _messages_frames(info, text, tool, words)


def frames_through_text(frames: list[bytes], text_deltas: int) -> list[bytes]:
    """The leading frames up to and including the ``text_deltas``-th frame that delivers text."""
    seen = 0
    for index, frame in enumerate(frames):
        if seen >= text_deltas:
            return frames[:index]
        if any(marker in frame for marker in TEXT_MARKERS) and b'"content": ""' not in frame:
            seen += 1
    return frames


def _chat_frames(info: RequestInfo, text: str, tool: ToolCall | None, words: int) -> tuple[list[bytes], bytes]:
    base = {"id": _id("chatcmpl-"), "object": "chat.completion.chunk", "created": int(time.time()),
            "model": info.model}

    def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
        return _sse({**base, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]})

    frames = [chunk({"role": "assistant", "content": ""})]
    if tool:
        frames.append(chunk({"tool_calls": [{"index": 0, "id": _id("call_"), "type": "function",
                                             "function": {"name": tool.name, "arguments": ""}}]}))
        frames.append(chunk({"tool_calls": [{"index": 0, "function": {"arguments": json.dumps(tool.arguments)}}]}))
    else:
        frames += [chunk({"content": piece}) for piece in _chunks(text, words)]
    tail = chunk({}, "tool_calls" if tool else "stop")
    if info.include_usage:
        prompt, completion = _usage(info, text)
        tail += _sse({**base, "choices": [], "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                                                        "total_tokens": prompt + completion}})
    return frames, tail + b"data: [DONE]\n\n"


def _responses_frames(info: RequestInfo, text: str, tool: ToolCall | None,
                      words: int) -> tuple[list[bytes], bytes]:
    final = _responses_body(info, text, tool, "completed")
    seq = iter(range(1_000_000))

    def event(kind: str, **data: Any) -> bytes:
        return _sse({"type": kind, "sequence_number": next(seq), **data}, kind)

    pending = {**final, "status": "in_progress", "output": [], "usage": None}
    frames = [event("response.created", response=pending), event("response.in_progress", response=pending)]
    item = final["output"][0]
    if tool:
        frames.append(event("response.output_item.added", output_index=0, item={**item, "arguments": "",
                                                                                 "status": "in_progress"}))
        frames.append(event("response.function_call_arguments.delta", item_id=item["id"], output_index=0,
                            delta=item["arguments"]))
        frames.append(event("response.function_call_arguments.done", item_id=item["id"], output_index=0,
                            arguments=item["arguments"]))
    else:
        frames.append(event("response.output_item.added", output_index=0,
                            item={**item, "status": "in_progress", "content": []}))
        part = {"type": "output_text", "text": "", "annotations": []}
        frames.append(event("response.content_part.added", item_id=item["id"], output_index=0, content_index=0,
                            part=part))
        frames += [event("response.output_text.delta", item_id=item["id"], output_index=0, content_index=0,
                         delta=piece, logprobs=[]) for piece in _chunks(text, words)]
        frames.append(event("response.output_text.done", item_id=item["id"], output_index=0, content_index=0,
                            text=text, logprobs=[]))
        frames.append(event("response.content_part.done", item_id=item["id"], output_index=0, content_index=0,
                            part={**part, "text": text}))
    tail = event("response.output_item.done", output_index=0, item=item)
    tail += event("response.completed", response=final)
    return frames, tail


def _messages_frames(info: RequestInfo, text: str, tool: ToolCall | None,
                     words: int) -> tuple[list[bytes], bytes]:
    final = _messages_body(info, text, tool)
    start = {**final, "content": [], "stop_reason": None, "usage": {"input_tokens": info.prompt_tokens,
                                                                     "output_tokens": 1}}
    frames = [_sse({"type": "message_start", "message": start}, "message_start")]
    for index, block in enumerate(final["content"]):
        frames += _messages_block_frames(index, block, words)
    tail = _sse({"type": "message_delta", "delta": {"stop_reason": final["stop_reason"], "stop_sequence": None},
                 "usage": {"output_tokens": final["usage"]["output_tokens"]}}, "message_delta")
    tail += _sse({"type": "message_stop"}, "message_stop")
    return frames, tail


def _messages_block_frames(index: int, block: dict[str, Any], words: int) -> list[bytes]:
    kind = block["type"]
    if kind == "thinking":
        empty: dict[str, Any] = {"type": "thinking", "thinking": "", "signature": ""}
        deltas = [{"type": "thinking_delta", "thinking": block["thinking"]},
                  {"type": "signature_delta", "signature": block["signature"]}]
    elif kind == "tool_use":
        empty = {**block, "input": {}}
        deltas = [{"type": "input_json_delta", "partial_json": json.dumps(block["input"])}]
    else:
        empty = {"type": "text", "text": ""}
        deltas = [{"type": "text_delta", "text": piece} for piece in _chunks(block["text"], words)]
    frames = [_sse({"type": "content_block_start", "index": index, "content_block": empty}, "content_block_start")]
    frames += [_sse({"type": "content_block_delta", "index": index, "delta": d}, "content_block_delta")
               for d in deltas]
    frames.append(_sse({"type": "content_block_stop", "index": index}, "content_block_stop"))
    return frames


# ------------------------------------------------------------------ answers of given items (Rule.respond "items")
# What providers answer beside text and function calls: Codex's custom and shell tool calls, image generation,
# computer use, hosted tools' blocks, audio. ``items`` is the answer's content in the endpoint's own shape: the
# Responses ``output`` items, the Messages ``content`` blocks, or the Chat ``message`` fields.


def items_body(info: RequestInfo, items: Any, stop: str | None) -> dict[str, Any]:
    """A complete non-streamed answer of ``items``."""
    if info.endpoint == "responses":
        return _responses_body(info, "", None, stop or "completed", output=list(items))
    if info.endpoint == "chat":
        body = _chat_body(info, "", None)
        body["choices"][0]["message"] = {"role": "assistant", "content": None, "refusal": None, **dict(items)}
        body["choices"][0]["finish_reason"] = stop or ("tool_calls" if items.get("tool_calls") else "stop")
        return body
    body = _messages_body(info, "", None, stop)
    body["content"] = list(items)
    if stop is None:
        body["stop_reason"] = "tool_use" if any(b.get("type") == "tool_use" for b in items) else "end_turn"
    return body


def items_frames(info: RequestInfo, items: Any, stop: str | None) -> tuple[list[bytes], bytes]:
    """The SSE frames of a streamed answer of ``items``: each item as the provider streams it whole (added and
    done; an image generation call's partial image between), each block started and stopped, the message fields
    in one delta."""
    final = items_body(info, items, stop)
    if info.endpoint == "chat":
        base = {"id": final["id"], "object": "chat.completion.chunk", "created": final["created"],
                "model": info.model}
        fields = {k: v for k, v in final["choices"][0]["message"].items() if v is not None and k != "refusal"}
        frames = [_sse({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""},
                                             "finish_reason": None}]}),
                  _sse({**base, "choices": [{"index": 0, "delta": fields, "finish_reason": None}]})]
        finish = final["choices"][0]["finish_reason"]
        tail = _sse({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]})
        return frames, tail + b"data: [DONE]\n\n"
    if info.endpoint == "responses":
        seq = iter(range(1_000_000))

        def event(kind: str, **data: Any) -> bytes:
            return _sse({"type": kind, "sequence_number": next(seq), **data}, kind)

        pending = {**final, "status": "in_progress", "output": [], "usage": None}
        frames = [event("response.created", response=pending), event("response.in_progress", response=pending)]
        for index, item in enumerate(final["output"]):
            frames.append(event("response.output_item.added", output_index=index,
                                item={k: v for k, v in item.items() if k != "result"} | {"status": "in_progress"}))
            if item.get("type") == "image_generation_call" and item.get("result"):
                frames.append(event("response.image_generation_call.partial_image", item_id=item.get("id"),
                                    output_index=index, partial_image_index=0, partial_image_b64=item["result"]))
            frames.append(event("response.output_item.done", output_index=index, item=item))
        return frames, event("response.completed", response=final)
    start = {**final, "content": [], "stop_reason": None, "usage": {"input_tokens": info.prompt_tokens,
                                                                     "output_tokens": 1}}
    frames = [_sse({"type": "message_start", "message": start}, "message_start")]
    for index, block in enumerate(final["content"]):
        if block.get("type") in ("text", "thinking", "tool_use"):
            frames += _messages_block_frames(index, block, 4)
            continue
        frames.append(_sse({"type": "content_block_start", "index": index, "content_block": block},
                           "content_block_start"))
        frames.append(_sse({"type": "content_block_stop", "index": index}, "content_block_stop"))
    tail = _sse({"type": "message_delta", "delta": {"stop_reason": final["stop_reason"], "stop_sequence": None},
                 "usage": {"output_tokens": final["usage"]["output_tokens"]}}, "message_delta")
    return frames, tail + _sse({"type": "message_stop"}, "message_stop")


def malformed_frame(info: RequestInfo) -> bytes:
    """A frame whose data is not JSON (a proxy truncating or interleaving a chunk)."""
    event = "content_block_delta" if info.endpoint == "messages" else None
    head = f"event: {event}\n" if event else ""
    return f'{head}data: {{"type": "content_block_delta", "delta": {{"text": "brok\n\n'.encode()


def stream_error_frame(info: RequestInfo, error_type: str, message: str) -> bytes:
    """The frame a provider sends when a stream fails after it started."""
    if info.endpoint == "messages":
        return _sse({"type": "error", "error": {"type": error_type, "message": message}}, "error")
    if info.endpoint == "responses":
        failed = {**_responses_body(info, "", None, "failed", output=[]),
                  "error": {"code": "server_error", "message": message}}
        return _sse({"type": "response.failed", "sequence_number": 999, "response": failed}, "response.failed")
    return _sse({"error": {"message": message, "type": error_type, "code": None, "param": None}})


# ------------------------------------------------------------------ soft failures and errors


def soft_body(info: RequestInfo, soft: str, code: str | None, message: str | None) -> dict[str, Any]:
    """An HTTP 200 answer that is really a failure, in the endpoint's own shape."""
    if info.endpoint == "responses":
        if soft in ("failed", "cancelled"):
            body = _responses_body(info, "", None, soft, output=[])
            if soft == "failed":
                body["error"] = {"code": code or "server_error", "message": message or "The response failed."}
            return body
        body = _responses_body(info, "", None, "incomplete", output=[])
        body["incomplete_details"] = {"reason": "content_filter" if soft == "content_filter" else "max_output_tokens"}
        return body
    if info.endpoint == "chat":
        chat = _chat_body(info, "", None)
        choice = chat["choices"][0]
        choice["finish_reason"] = "content_filter" if soft in ("content_filter", "refusal") else "stop"
        choice["message"]["content"] = None if soft != "empty" else ""
        return chat
    stop = "refusal" if soft in ("refusal", "content_filter") else "end_turn"
    messages = _messages_body(info, "", None, stop)
    messages["content"] = [] if soft == "empty" else [{"type": "text", "text": ""}]
    return messages


def error_envelope(api: str, *, status: int, type_: str, message: str, code: str | None = None,
                   param: str | None = None) -> dict[str, Any]:
    """The provider's own error envelope."""
    if api == "anthropic":
        return {"type": "error", "error": {"type": type_, "message": message}, "request_id": _id("req_")}
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}
