"""Context compression: make a conversation fit after an overflow.

The default ``DropMiddle`` keeps every system message, the first user message and the newest
turns; it first truncates tool outputs older than the last ``keep_last`` messages, then drops
the oldest middle messages until the estimate fits (never the newest message; a tool call's
results never outlive the call), and marks what it removed with a note the model can read. When the
provider's error says "N tokens > M maximum" the cut aims below M; otherwise it halves the size.
"""

from __future__ import annotations

import re
from typing import Final, Protocol

from .conversation import Message
from .error_classifier import ClassifiedError

__all__ = ["Compressor", "DropMiddle", "estimate_tokens"]

_NUMBERS: Final = re.compile(r"(\d[\d,]*)\s*tokens?\s*>\s*(\d[\d,]*)|maximum context length is (\d[\d,]*)")
CHARS_PER_TOKEN: Final = 4  # a documented approximation; providers' tokenizers differ


def estimate_tokens(messages: tuple[Message, ...]) -> int:
    return sum(m.approx_chars() for m in messages) // CHARS_PER_TOKEN + 4 * len(messages)


class Compressor(Protocol):
    def compress(self, messages: tuple[Message, ...],
                 failure: ClassifiedError) -> tuple[tuple[Message, ...], int] | None:
        """(smaller messages, messages removed), or None when nothing more can be removed."""
        ...


def _target(messages: tuple[Message, ...], failure: ClassifiedError) -> int:
    found = _NUMBERS.search(failure.message)
    if found:
        limit = found.group(2) or found.group(3)
        return int(int(limit.replace(",", "")) * 0.8)
    return estimate_tokens(messages) // 2


class DropMiddle:
    """Keep the head (system + first user) and the newest turns; drop the middle, oldest first."""

    def __init__(self, keep_last: int = 4, tool_output_chars: int = 200) -> None:
        self.keep_last, self.tool_output_chars = keep_last, tool_output_chars

    def compress(self, messages: tuple[Message, ...],
                 failure: ClassifiedError) -> tuple[tuple[Message, ...], int] | None:
        target = _target(messages, failure)
        head_end = next((i + 1 for i, m in enumerate(messages) if m.role == "user"), 0)
        head, body = list(messages[:head_end]), [m for m in messages[head_end:] if m.note != "compressed"]
        tail_start = max(0, len(body) - self.keep_last)
        body = [self._truncate(m) if i < tail_start else m for i, m in enumerate(body)]
        removed = 0
        # Oldest first; the newest turns go last, and the newest message (the question) never does.
        while len(body) > 1 and estimate_tokens(tuple(head + body)) > target:
            body.pop(0)
            removed += 1
        while body and body[0].role == "tool":  # never keep results whose call was dropped
            body.pop(0)
            removed += 1
        if removed == 0 and tuple(head + body) == messages:
            return None
        marker = Message(role="user", note="compressed",
                         text=f"[steadyloop: {removed} earlier message(s) were removed or shortened to fit the "
                              "model's context window]")
        return tuple([*head, marker, *body]), removed

    def _truncate(self, m: Message) -> Message:
        if m.role != "tool" or all(len(r.content) <= self.tool_output_chars for r in m.tool_results):
            return m
        results = tuple(r.model_copy(update={"content": r.content[: self.tool_output_chars] + " [truncated]"})
                        for r in m.tool_results)
        return m.model_copy(update={"tool_results": results})
