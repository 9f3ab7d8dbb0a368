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


def test_summarize_replaces_the_middle_with_a_summary() -> None:
    """The summariser sees the dropped messages and its summary replaces the removal note."""
    from agent.compress import Summarize

    seen: list[str] = []
    out = Summarize(lambda text: seen.append(text) or "they discussed turns 0 to 20").compress(conversation(), OVERFLOW)
    assert out is not None and "turn 0" in seen[0] and "the newest question" not in seen[0]
    marker = next(m for m in out[0] if m.note == "compressed")
    assert "summary of" in marker.text and "turns 0 to 20" in marker.text
    assert out[0][-1].text == "the newest question"


def test_summarize_falls_back_when_the_model_call_fails() -> None:
    """A failing summary call gives the deterministic cut, never an error."""
    from agent.compress import Summarize

    def broken(_: str) -> str:
        raise RuntimeError("summary model down")

    out = Summarize(broken).compress(conversation(), OVERFLOW)
    baseline = DropMiddle().compress(conversation(), OVERFLOW)
    assert out is not None and baseline is not None and out[0] == baseline[0]


def test_tiktoken_counter_is_optional() -> None:
    """Without a loadable encoding (offline), tiktoken_counter returns None and the approximation is used."""
    from agent.compress import tiktoken_counter

    counter = tiktoken_counter("an-encoding-that-does-not-exist")
    assert counter is None
    assert DropMiddle(counter=counter).count is not None
