"""The neutral conversation model: what a turn says, independent of any provider's API.

Adapters (``agent.adapters``) convert it to and from OpenAI Chat Completions, OpenAI
Responses and Anthropic Messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Image", "Message", "Thinking", "ToolCall", "ToolResult", "unsendable_text"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Image(_Frozen):
    """An image, inline (base64) or by URL."""

    media_type: str = "image/png"
    data: str = Field("", description="base64 bytes")
    url: str | None = None

    def data_url(self) -> str:
        return self.url or f"data:{self.media_type};base64,{self.data}"

    @property
    def size(self) -> int:
        """Approximate byte size (base64 is 4/3 of the bytes)."""
        return len(self.data) * 3 // 4


class Thinking(_Frozen):
    """A reasoning block: Anthropic thinking with its signature, or an encrypted Responses replay."""

    text: str = ""
    signature: str | None = None
    encrypted: str | None = None


class ToolCall(_Frozen):
    """A call the model asked for."""

    id: str
    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)


class ToolResult(_Frozen):
    """What a tool returned, fed back to the model."""

    call_id: str
    content: str
    images: tuple[Image, ...] = ()
    is_error: bool = False


class Message(_Frozen):
    """One message. ``role`` decides which fields are used."""

    role: Literal["system", "user", "assistant", "tool"]
    text: str = ""
    images: tuple[Image, ...] = ()
    tool_calls: tuple[ToolCall, ...] = ()
    tool_results: tuple[ToolResult, ...] = ()
    thinking: tuple[Thinking, ...] = ()
    note: str | None = Field(None, description="set on messages steadyloop wrote itself (compression markers)")

    @classmethod
    def user(cls, text: str, *images: Image) -> Message:
        return cls(role="user", text=text, images=images)

    @classmethod
    def system(cls, text: str) -> Message:
        return cls(role="system", text=text)

    def approx_chars(self) -> int:
        """A size estimate: characters of text, tool traffic and images (an image counts 1,000)."""
        size = len(self.text) + sum(len(r.content) for r in self.tool_results)
        size += sum(len(str(c.arguments)) + len(c.name) for c in self.tool_calls)
        size += sum(len(t.text) + len(t.encrypted or "") for t in self.thinking)
        return size + 1000 * (len(self.images) + sum(len(r.images) for r in self.tool_results))


def unsendable_text(messages: Sequence[Message]) -> str | None:
    """Why ``messages`` cannot be sent (text that is not valid Unicode, e.g. lone surrogates), or None."""
    for index, message in enumerate(messages):
        texts = [message.text, *(r.content for r in message.tool_results), *(t.text for t in message.thinking)]
        for text in texts:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as err:
                return (f"message {index} ({message.role}) has text that cannot be encoded as UTF-8 at character "
                        f"{err.start} (U+{ord(text[err.start]):04X}, a lone surrogate: usually bytes decoded with the "
                        "wrong encoding); fix the input's encoding and send it again")
    return None
