"""History in any common shape: ``Message``, OpenAI Chat dicts, Anthropic Messages dicts, neutral dicts.

``to_messages(items)`` is what ``history=`` goes through on every driver. Each item may be:

- a ``Message``;
- a neutral dict (``{"role": "user", "text": "..."}``, the fields of ``Message``);
- an OpenAI Chat message: ``content`` as a string or parts (``text``, ``image_url``), assistant
  ``tool_calls`` (``function.arguments`` a JSON string), ``{"role": "tool", "tool_call_id",
  "content"}`` results; ``developer`` is a system message;
- an Anthropic message: ``content`` as a string or blocks (``text``, ``image``, ``tool_use``,
  ``tool_result``, ``thinking``; ``redacted_thinking`` is dropped, as the adapters replay only
  signed thinking). A user message's ``tool_result`` blocks become a tool message before its text.

Consecutive tool results (one OpenAI ``tool`` message per call) are merged into one tool message.
Anything else raises ``HistoryError`` naming the item's index and field, and the fix.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from .conversation import Image, Message, Thinking, ToolCall, ToolResult

__all__ = ["HistoryError", "to_messages"]

_ROLES = ("system", "developer", "user", "assistant", "tool")


class HistoryError(ValueError):
    """A history item that is not a message of a known shape; the message names its index and field."""

    def __init__(self, index: int, field: str, problem: str) -> None:
        super().__init__(f"history[{index}]{field}: {problem}")
        self.index, self.field, self.problem = index, field, problem  # field: ".content[1].type" ("" for all)


class _ItemError(Exception):
    """What is wrong, and where inside the item (joined to ``history[i]`` by the caller)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(where, problem)
        self.where, self.problem = where, problem


def to_messages(items: Iterable[Message | Mapping[str, Any]]) -> tuple[Message, ...]:
    """The neutral messages of ``items`` (see the module docstring for the accepted shapes)."""
    out: list[Message] = []
    for index, item in enumerate(items):
        try:
            converted = _convert(item)
        except _ItemError as bad:
            raise HistoryError(index, bad.where, bad.problem) from None
        for message in converted:
            if message.role == "tool" and out and out[-1].role == "tool" and not message.text:
                out[-1] = out[-1].model_copy(update={"tool_results": (*out[-1].tool_results,
                                                                      *message.tool_results)})
            else:
                out.append(message)
    return tuple(out)


def _convert(item: Message | Mapping[str, Any]) -> list[Message]:
    if isinstance(item, Message):
        return [item]
    if not isinstance(item, Mapping):
        raise _ItemError("", f"a {type(item).__name__}, not a message: give a Message or a dict with 'role'")
    role = item.get("role")
    if role not in _ROLES:
        hint = " (Responses API items are not accepted: give Chat or Messages shapes)" if "type" in item else ""
        raise _ItemError(".role", f"{role!r} is not one of {list(_ROLES)}{hint}")
    if "content" not in item:
        return [_neutral(item)]
    if role == "tool":
        return [_openai_tool(item)]
    content = item["content"]
    if role in ("system", "developer"):
        return [Message(role="system", text=_text_only(content, ".content"))]
    if role == "assistant":
        return [_assistant(item, content)]
    return _user(content)


def _neutral(item: Mapping[str, Any]) -> Message:
    try:
        return Message.model_validate(item)
    except ValidationError as err:
        first = err.errors()[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        raise _ItemError(where, f"{first['msg']} (a neutral message has role, text, images, tool_calls, "
                          "tool_results, thinking; OpenAI and Anthropic dicts carry 'content')") from None


def _blocks(content: Any, where: str) -> list[Mapping[str, Any]]:
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    if content is None:
        return []
    if not isinstance(content, list):
        raise _ItemError(where, f"a {type(content).__name__}: give a string or a list of content parts")
    for i, block in enumerate(content):
        if not isinstance(block, Mapping) or not isinstance(block.get("type"), str):
            raise _ItemError(f"{where}[{i}]", "a content part is a dict with a 'type' (text, image_url, image, "
                                        "tool_use, tool_result, thinking)")
    return list(content)


def _text_of(block: Mapping[str, Any], where: str) -> str:
    text = block.get("text")
    if not isinstance(text, str):
        raise _ItemError(f"{where}.text", "a text part needs 'text' as a string")
    return text


def _text_only(content: Any, where: str) -> str:
    texts = []
    for i, block in enumerate(_blocks(content, where)):
        if block["type"] not in ("text", "input_text"):
            raise _ItemError(f"{where}[{i}].type", f"{block['type']!r}: only text parts are allowed here")
        texts.append(_text_of(block, f"{where}[{i}]"))
    return "".join(texts)


def _image(block: Mapping[str, Any], where: str) -> Image:
    if block["type"] == "image_url":  # OpenAI: {"image_url": {"url": "https://..." | "data:image/png;base64,..."}}
        url = block.get("image_url")
        url = url.get("url") if isinstance(url, Mapping) else url
        if not isinstance(url, str):
            raise _ItemError(f"{where}.image_url.url", "an image_url part needs image_url.url as a string")
        if url.startswith("data:") and ";base64," in url:
            media, data = url[5:].split(";base64,", 1)
            return Image(media_type=media or "image/png", data=data)
        return Image(url=url)
    source = block.get("source")  # Anthropic: {"source": {"type": "base64", "media_type", "data"} | {"url"}}
    if not isinstance(source, Mapping):
        raise _ItemError(f"{where}.source", "an image block needs a source: {type: base64, media_type, data} or "
                                      "{type: url, url}")
    if source.get("type") == "url" and isinstance(source.get("url"), str):
        return Image(url=source["url"])
    if not isinstance(source.get("data"), str):
        raise _ItemError(f"{where}.source.data", "a base64 image source needs 'data' as a string")
    return Image(media_type=str(source.get("media_type") or "image/png"), data=source["data"])


def _each(content: Any, kinds: Mapping[str, Callable[[Mapping[str, Any], str], object]], role: str) -> None:
    """Hand each content part to the handler of its type; an unknown type names the ones accepted here."""
    for i, block in enumerate(_blocks(content, ".content")):
        handle = kinds.get(block["type"])
        if handle is None:
            raise _ItemError(f".content[{i}].type", f"{block['type']!r} is not {role} content part "
                                                     f"({', '.join(kinds)})")
        handle(block, f".content[{i}]")


def _user(content: Any) -> list[Message]:
    texts: list[str] = []
    images: list[Image] = []
    results: list[ToolResult] = []
    text = lambda b, w: texts.append(_text_of(b, w))  # noqa: E731
    image = lambda b, w: images.append(_image(b, w))  # noqa: E731
    _each(content, {"text": text, "input_text": text, "image_url": image, "image": image,
                    "tool_result": lambda b, w: results.append(_anthropic_result(b, w))}, "a user")
    messages = [Message(role="tool", tool_results=tuple(results))] if results else []
    if texts or images or not results:
        messages.append(Message(role="user", text="".join(texts), images=tuple(images)))
    return messages


def _anthropic_result(block: Mapping[str, Any], where: str) -> ToolResult:
    call_id = block.get("tool_use_id")
    if not isinstance(call_id, str):
        raise _ItemError(f"{where}.tool_use_id", "a tool_result block needs the tool_use_id of its call")
    parts = _blocks(block.get("content", ""), f"{where}.content")
    text = "".join(_text_of(p, f"{where}.content[{j}]") for j, p in enumerate(parts) if p["type"] == "text")
    images = tuple(_image(p, f"{where}.content[{j}]") for j, p in enumerate(parts) if p["type"] == "image")
    return ToolResult(call_id=call_id, content=text, images=images, is_error=bool(block.get("is_error", False)))


def _openai_tool(item: Mapping[str, Any]) -> Message:
    call_id = item.get("tool_call_id")
    if not isinstance(call_id, str):
        raise _ItemError(".tool_call_id", "a tool message needs the tool_call_id of the call it answers")
    return Message(role="tool", tool_results=(ToolResult(call_id=call_id,
                                                         content=_text_only(item["content"], ".content")),))


def _assistant(item: Mapping[str, Any], content: Any) -> Message:
    texts: list[str] = []
    calls: list[ToolCall] = []
    thinking: list[Thinking] = []
    text = lambda b, w: texts.append(_text_of(b, w))  # noqa: E731
    _each(content, {"text": text, "output_text": text, "tool_use": lambda b, w: calls.append(_tool_use(b, w)),
                    "thinking": lambda b, w: thinking.append(Thinking(text=str(b.get("thinking", "")),
                                                                      signature=b.get("signature"))),
                    "redacted_thinking": lambda b, w: None}, "an assistant")
    calls += _openai_calls(item.get("tool_calls") or [])
    return Message(role="assistant", text="".join(texts), tool_calls=tuple(calls), thinking=tuple(thinking))


def _tool_use(block: Mapping[str, Any], where: str) -> ToolCall:
    if not isinstance(block.get("id"), str) or not isinstance(block.get("name"), str):
        raise _ItemError(where, "a tool_use block needs 'id' and 'name' as strings")
    arguments = block.get("input", {})
    if not isinstance(arguments, Mapping):
        raise _ItemError(f"{where}.input", "a tool_use block's input is an object")
    return ToolCall(id=block["id"], name=block["name"], arguments=dict(arguments))


def _openai_calls(calls: Sequence[Any]) -> list[ToolCall]:
    out = []
    for i, call in enumerate(calls):
        where = f".tool_calls[{i}]"
        function = call.get("function") if isinstance(call, Mapping) else None
        if not isinstance(function, Mapping) or not isinstance(call.get("id"), str) \
                or not isinstance(function.get("name"), str):
            raise _ItemError(where, "a tool call is {id, type: function, function: {name, arguments}}")
        raw = function.get("arguments") or "{}"
        try:
            arguments = json.loads(raw) if isinstance(raw, str) else raw
        except json.JSONDecodeError as err:
            raise _ItemError(f"{where}.function.arguments", f"not valid JSON ({err.msg} at {err.pos}); OpenAI sends "
                                                      "the arguments as a JSON string") from None
        if not isinstance(arguments, Mapping):
            raise _ItemError(f"{where}.function.arguments", "the arguments are a JSON object")
        out.append(ToolCall(id=call["id"], name=function["name"], arguments=dict(arguments)))
    return out
