"""Behaviour of agent._model_fields: ``field`` answers exactly as ``getattr(value, name, None)`` does."""

from __future__ import annotations

from typing import Any

import pytest
from anthropic.types import Message
from openai.types.chat import ChatCompletion
from openai.types.responses import Response

from agent._model_fields import field

_MESSAGE = Message.model_validate({
    "id": "msg_1", "type": "message", "role": "assistant", "model": "claude",
    "content": [{"type": "text", "text": "hi"}], "stop_reason": "end_turn",
    "usage": {"input_tokens": 1, "output_tokens": 1}, "choices": [{"odd": True}],
    "proxy_note": "an undeclared field a relay added"})
_TEXT = {"type": "output_text", "text": "hi", "annotations": []}
_RESPONSE = Response.model_validate({
    "id": "resp_1", "object": "response", "created_at": 1, "model": "gpt", "status": "completed",
    "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
    "output": [{"type": "message", "id": "m1", "role": "assistant", "status": "completed", "content": [_TEXT]}]})
_CHAT = ChatCompletion.model_construct(id="c", object="chat.completion", choices=[])  # fields left unset stay unset


class _Dynamic:
    """A plain object whose attributes come from ``__getattr__``."""

    def __getattr__(self, name: str) -> Any:
        if name == "type":
            return "dynamic"
        raise AttributeError(name)


_OBJECTS = [_MESSAGE, _RESPONSE, _CHAT, _Dynamic(), {"type": "message"}, None, ValueError("x")]
_NAMES = ["type", "object", "choices", "content", "status", "output", "output_text", "proxy_note", "response",
          "stop_reason", "model_dump", "model_config", "created", "usage", "_private", "__pydantic_extra__", "args"]


@pytest.mark.parametrize("value", _OBJECTS, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("name", _NAMES)
def test_field_answers_as_getattr_does(value: object, name: str) -> None:
    """Declared fields, undeclared (extra) fields, properties, methods, missing and unset names, private names and
    non-pydantic objects: the same answer as ``getattr``, asked twice (the second time from the remembered class)."""
    for _ in range(2):
        got, expected = field(value, name), getattr(value, name, None)
        assert got == expected and type(got) is type(expected), (name, got, expected)
