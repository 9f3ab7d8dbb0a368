"""Behaviour of agent.compress: overflowing conversations shrink, keeping what matters."""

from __future__ import annotations

from agent import FailoverReason, Scope
from agent.compress import DropMiddle, estimate_tokens
from agent.conversation import Message, ToolCall, ToolResult
from agent.error_classifier import ClassifiedError

OVERFLOW = ClassifiedError(reason=FailoverReason.context_overflow, scope=Scope.request,
                           message="prompt is too long: 5000 tokens > 1000 maximum")


def conversation(n: int = 30) -> tuple[Message, ...]:
    body = [Message(role="user" if i % 2 == 0 else "assistant", text=f"turn {i} " * 50) for i in range(n)]
    return (Message.system("rules"), Message.user("the first question"), *body, Message.user("the newest question"))


def test_keeps_system_first_user_and_newest_and_fits_the_numbers() -> None:
    """The cut aims below the provider's stated maximum (N tokens > M) and keeps head and newest message."""
    out = DropMiddle().compress(conversation(), OVERFLOW)
    assert out is not None
    messages, removed = out
    assert messages[0].text == "rules" and messages[1].text == "the first question"
    assert messages[-1].text == "the newest question" and removed > 0
    assert messages[2].note == "compressed" and estimate_tokens(messages) <= 800


def test_old_tool_outputs_are_truncated_and_pairs_stay_whole() -> None:
    """Old tool outputs shrink first; a tool result never survives without its call."""
    call = Message(role="assistant", tool_calls=(ToolCall(id="c1", name="f"),))
    result = Message(role="tool", tool_results=(ToolResult(call_id="c1", content="x" * 5000),))
    msgs = (Message.user("q"), call, result, *conversation(6)[1:])
    out = DropMiddle().compress(msgs, OVERFLOW)
    assert out is not None
    kept = out[0]
    assert not any(m.role == "tool" for m in kept) or any(m.tool_calls for m in kept)


def test_nothing_left_to_remove_returns_none() -> None:
    """A conversation already at its minimum cannot be compressed again."""
    assert DropMiddle().compress((Message.user("only"),), OVERFLOW) is None
