"""Context compression: make a conversation fit after an overflow.

The default ``DropMiddle`` keeps every system message, the first user message and the newest
turns; it first truncates tool outputs older than the last ``keep_last`` messages, then drops
the oldest middle messages until the estimate fits (never the newest message; a tool call's
results never outlive the call), and marks what it removed with a note the model can read. When the
provider's error says "N tokens > M maximum" the cut aims a margin below M (scaled by the ratio of
the provider's count to ours); otherwise it halves the size. When what must stay is too big on its
own, it compresses nothing and says so (``None``): the loop falls back to a larger window or ends
without claiming it compressed.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Protocol

from .conversation import Message
from .error_classifier import ClassifiedError

if TYPE_CHECKING:
    from .conversation_loop import ConversationLoop

log = logging.getLogger("steadyloop.compress")
TokenCounter = Callable[[tuple[Message, ...]], int]

__all__ = ["Compressor", "DropMiddle", "Summarize", "TokenCounter", "estimate_tokens", "model_summarizer",
           "tiktoken_counter"]

_NUMBERS: Final = re.compile(r"(\d[\d,]*)\s*tokens?\s*>\s*(\d[\d,]*)|maximum context length is (\d[\d,]*)")
_SENT: Final = re.compile(r"resulted in (\d[\d,]*) tokens")  # OpenAI's "However, your messages resulted in N tokens"
CHARS_PER_TOKEN: Final = 4  # a documented approximation; providers' tokenizers differ


def estimate_tokens(messages: tuple[Message, ...]) -> int:
    """The documented approximation: 4 characters a token, plus 4 tokens of framing per message."""
    return sum(m.approx_chars() for m in messages) // CHARS_PER_TOKEN + 4 * len(messages)


def tiktoken_counter(encoding: str = "o200k_base") -> TokenCounter | None:
    """An exact counter for OpenAI models when tiktoken and its encoding can be loaded, else None.

    tiktoken downloads its encodings on first use; offline (as in our CI) that fails, and the
    approximation is used instead. Loading happens here, once, never in the middle of a turn.
    """
    try:
        tiktoken = importlib.import_module("tiktoken")  # optional: pip install 'steadyloop[tokens]'
        enc = tiktoken.get_encoding(encoding)
    except Exception as err:
        log.warning("steadyloop: tiktoken encoding %s is unavailable (%s); using the 4-characters-a-token "
                    "approximation", encoding, type(err).__name__)
        return None

    def count(messages: tuple[Message, ...]) -> int:
        return sum(len(enc.encode(m.text)) + 4 for m in messages) + sum(
            m.approx_chars() - len(m.text) for m in messages) // CHARS_PER_TOKEN

    return count


class Compressor(Protocol):
    def compress(self, messages: tuple[Message, ...],
                 failure: ClassifiedError) -> tuple[tuple[Message, ...], int] | None:
        """(smaller messages, messages removed), or None when nothing more can be removed."""
        ...


MARGIN: Final = 0.9  # aim this far below the provider's limit (its tokenizer is not ours)


def _target(messages: tuple[Message, ...], failure: ClassifiedError, count: TokenCounter) -> int:
    """The size to cut to, in ``count``'s units.

    From the provider's own numbers when the error gives them: "N tokens > M" means our count of
    this request corresponds to N of theirs, so the cut aims at ``count * M / N * MARGIN``; only
    "maximum ... is M": ``M * 0.8``; no numbers: half the current size.
    """
    found = _NUMBERS.search(failure.message)
    current = count(messages)
    sent_match = _SENT.search(failure.message)
    pair = ((found.group(1), found.group(2)) if found and found.group(1) else
            (sent_match.group(1), found.group(3)) if found and sent_match else None)
    if pair is not None:
        sent, limit = (int(g.replace(",", "")) for g in pair)
        if sent > 0:
            return int(current * min(1.0, limit / sent) * MARGIN)
    if found:
        limit_text = found.group(2) or found.group(3)
        return int(int(limit_text.replace(",", "")) * 0.8)
    return current // 2


class DropMiddle:
    """Keep the head (system + first user) and the newest turns; drop the middle, oldest first."""

    def __init__(self, keep_last: int = 4, tool_output_chars: int = 200, counter: TokenCounter | None = None) -> None:
        self.keep_last, self.tool_output_chars = keep_last, tool_output_chars
        self.count: TokenCounter = counter or estimate_tokens

    def compress(self, messages: tuple[Message, ...],
                 failure: ClassifiedError) -> tuple[tuple[Message, ...], int] | None:
        target = _target(messages, failure, self.count)
        head_end = next((i + 1 for i, m in enumerate(messages) if m.role == "user"), 0)
        head, body = list(messages[:head_end]), [m for m in messages[head_end:] if m.note != "compressed"]
        tail_start = max(0, len(body) - self.keep_last)
        body = [self._truncate(m) if i < tail_start else m for i, m in enumerate(body)]
        removed = 0
        # Oldest first; the newest turns go last, and the newest message (the question) never does.
        while len(body) > 1 and self.count(tuple(head + body)) > target:
            body.pop(0)
            removed += 1
        while body and body[0].role == "tool":  # never keep results whose call was dropped
            body.pop(0)
            removed += 1
        if removed == 0 and tuple(head + body) == messages:
            return None
        if self.count(tuple(head + body)) > target:  # what must stay (the newest message) is too big alone
            log.info("steadyloop: compression cannot bring the request below the model's window")
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


_SUMMARY_PROMPT: Final = ("Summarise the following earlier part of a conversation in at most 150 words. Keep facts, "
                          "decisions, names, numbers and open questions; drop pleasantries.\n\n")


class Summarize:
    """Replace the dropped middle with a model-written summary; the deterministic cut if that fails.

    ``summarize`` turns a transcript into a summary (``model_summarizer(loop)`` asks a model,
    typically a cheaper one). Any failure of the summary call falls back to ``fallback``'s result,
    so compression itself never fails because of the summariser.
    """

    def __init__(self, summarize: Callable[[str], str], fallback: DropMiddle | None = None,
                 max_summary_chars: int = 2000) -> None:
        self.summarize, self.fallback, self.max_chars = summarize, fallback or DropMiddle(), max_summary_chars

    def compress(self, messages: tuple[Message, ...],
                 failure: ClassifiedError) -> tuple[tuple[Message, ...], int] | None:
        cut = self.fallback.compress(messages, failure)
        if cut is None:
            return None
        kept, removed = cut
        kept_ids = {id(m) for m in kept}
        dropped = [m for m in messages if id(m) not in kept_ids and m.note != "compressed"]
        transcript = "\n".join(f"{m.role}: {m.text or ' '.join(r.content[:500] for r in m.tool_results)}"
                               for m in dropped)
        try:
            summary = self.summarize(_SUMMARY_PROMPT + transcript).strip()[: self.max_chars]
        except Exception as err:  # the summariser must never make compression fail
            log.warning("steadyloop: summarising failed (%s); dropping the middle instead", type(err).__name__)
            return cut
        if not summary:
            return cut
        marker = Message(role="user", note="compressed",
                         text=f"[steadyloop: summary of {removed} earlier message(s): {summary}]")
        return tuple(marker if m.note == "compressed" else m for m in kept), removed


def model_summarizer(loop: ConversationLoop) -> Callable[[str], str]:
    """A ``summarize`` function that asks ``loop``'s model (use a small budget and a cheap model)."""
    def summarize(text: str) -> str:
        result = loop.run(text)
        if not result.ok:
            raise RuntimeError(f"summary call ended with {result.status.value}")
        return result.final_response

    return summarize
