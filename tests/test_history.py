"""History that is hard to lose: dicts of either API in, the whole conversation out, compressed and blocked turns."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agent.conversation import Image, Message, Thinking, ToolCall, ToolResult
from agent.history import HistoryError, to_messages
from agent.results import TurnStatus
from tests.test_conversation_loop import APIS, entry, make_loop, pool, scenario

OPENAI_HISTORY: list[dict[str, Any]] = [
    {"role": "developer", "content": "be brief"},
    {"role": "user", "content": [{"type": "text", "text": "look "},
                                 {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,QUJD"}}]},
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c1", "type": "function", "function": {"name": "weather", "arguments": '{"city": "Oslo"}'}},
        {"id": "c2", "type": "function", "function": {"name": "time", "arguments": "{}"}}]},
    {"role": "tool", "tool_call_id": "c1", "content": "sunny"},
    {"role": "tool", "tool_call_id": "c2", "content": [{"type": "text", "text": "noon"}]},
    {"role": "assistant", "content": "Sunny at noon."},
]
ANTHROPIC_HISTORY: list[dict[str, Any]] = [
    {"role": "user", "content": "weather?"},
    {"role": "assistant", "content": [
        {"type": "thinking", "thinking": "need a tool", "signature": "sig"},
        {"type": "redacted_thinking", "data": "opaque"},
        {"type": "text", "text": "Checking."},
        {"type": "tool_use", "id": "t1", "name": "weather", "input": {"city": "Oslo"}}]},
    {"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "t1", "content": [{"type": "text", "text": "sunny"}]},
        {"type": "text", "text": "and tomorrow?"}]},
    {"role": "assistant", "content": [{"type": "text", "text": "Rain."}]},
]
CALLS = (ToolCall(id="c1", name="weather", arguments={"city": "Oslo"}), ToolCall(id="c2", name="time"))


@pytest.mark.parametrize(("items", "expected"), [
    (OPENAI_HISTORY, (
        Message(role="system", text="be brief"),
        Message(role="user", text="look ", images=(Image(media_type="image/jpeg", data="QUJD"),)),
        Message(role="assistant", tool_calls=CALLS),
        Message(role="tool", tool_results=(ToolResult(call_id="c1", content="sunny"),
                                           ToolResult(call_id="c2", content="noon"))),
        Message(role="assistant", text="Sunny at noon."))),
    (ANTHROPIC_HISTORY, (
        Message.user("weather?"),
        Message(role="assistant", text="Checking.", thinking=(Thinking(text="need a tool", signature="sig"),),
                tool_calls=(ToolCall(id="t1", name="weather", arguments={"city": "Oslo"}),)),
        Message(role="tool", tool_results=(ToolResult(call_id="t1", content="sunny"),)),
        Message.user("and tomorrow?"),
        Message(role="assistant", text="Rain."))),
    ([{"role": "user", "text": "neutral"}, Message.user("model")], (Message.user("neutral"), Message.user("model"))),
], ids=["openai", "anthropic", "neutral"])
def test_history_dicts_of_either_api_become_messages(items: list[Any], expected: tuple[Message, ...]) -> None:
    """OpenAI Chat and Anthropic Messages dicts, tool calls and results included, convert to neutral messages."""
    assert to_messages(items) == expected


@pytest.mark.parametrize(("items", "says"), [
    ([{"role": "bot", "content": "hi"}], "history[0].role: 'bot' is not one of"),
    ([{"type": "function_call", "name": "f"}], "history[0].role: None is not one of"),
    ([{"role": "user", "content": "ok"}, "hello"], "history[1]: a str, not a message"),
    ([{"role": "user", "content": 42}], "history[0].content: a int: give a string or a list"),
    ([{"role": "user", "content": [{"type": "audio"}]}], "history[0].content[0].type: 'audio' is not a user"),
    ([{"role": "assistant", "content": None, "tool_calls": [
        {"id": "c1", "function": {"name": "f", "arguments": "{city: Oslo}"}}]}],
     "history[0].tool_calls[0].function.arguments: not valid JSON"),
    ([{"role": "tool", "content": "sunny"}], "history[0].tool_call_id: a tool message needs the tool_call_id"),
    ([{"role": "user", "content": [{"type": "tool_result", "content": "x"}]}],
     "history[0].content[0].tool_use_id: a tool_result block needs"),
    ([{"role": "user", "text": 5}], "history[0].text: Input should be a valid string"),
], ids=["role", "responses-item", "not-a-dict", "content-type", "part-type", "arguments", "tool-call-id",
        "tool-use-id", "neutral-field"])
def test_a_bad_history_item_names_its_index_and_field(items: list[Any], says: str) -> None:
    """A malformed item is refused before any call, naming history[i] and the field."""
    with pytest.raises(HistoryError) as caught:
        to_messages(items)
    assert str(caught.value).startswith(says)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("shape", ["openai", "anthropic"])
def test_dict_history_reaches_every_api_with_its_tool_traffic(api: str, shape: str) -> None:
    """Dict history of either shape is sent in the target API's own form, tool calls and results included."""
    items = OPENAI_HISTORY[1:] if shape == "openai" else ANTHROPIC_HISTORY
    with scenario() as emu:
        result = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")}).run("thanks", history=items)
        sent = json.dumps(emu.log[0].body)
    assert result.ok
    assert "sunny" in sent and "Oslo" in sent and sent.count("weather") >= 1 and "thanks" in sent


def test_the_loop_refuses_bad_history_before_any_call() -> None:
    """run() raises HistoryError for a malformed item; nothing is sent."""
    with scenario() as emu:
        loop = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1")})
        with pytest.raises(HistoryError, match=r"history\[0\]\.role"):
            loop.run("hi", history=[{"role": "robot", "content": "x"}])
        assert emu.calls() == 0


@pytest.mark.parametrize("api", APIS)
def test_result_history_is_the_whole_conversation_prompt_included(api: str) -> None:
    """history=result.history carries the earlier question and answer into the next turn's request."""
    with scenario() as emu:
        loop = make_loop([entry(emu, api, "m")], {"main": pool("main", "k1")})
        first = loop.run("what is the first question?", system="be brief")
        second = loop.run("and the second?", history=first.history, system="be brief")
        sent = json.dumps(emu.log[1].body)
    assert [m.role for m in first.history] == ["system", "user", "assistant"]
    assert first.history[1].text == "what is the first question?" and first.history[2].text == first.final_response
    assert "what is the first question?" in sent and "and the second?" in sent and sent.count("be brief") == 1
    assert second.history[:3] == first.history and len(second.history) == 5


def test_a_compressed_history_is_handed_back_so_the_next_turn_fits() -> None:
    """After an overflow was compressed away, result.history is the compressed one: the next turn needs one call."""
    history = tuple(Message(role="user" if i % 2 == 0 else "assistant", text=f"old {i} " * 60) for i in range(30))
    with scenario(models={"small": {"context_window": 600}}) as emu:
        loop = make_loop([entry(emu, "openai-chat", "small")], {"main": pool("main", "k1")})
        first = loop.run("the question", history=history)
        assert first.ok and emu.calls() == 2
        second = loop.run("a follow-up", history=first.history)
        assert second.ok and emu.calls() == 3
    assert any(m.note == "compressed" for m in first.history) and len(first.history) < len(history)
    assert first.history[-2].text == "the question"


def test_a_blocked_prompt_is_not_kept_in_the_history() -> None:
    """A content-policy-blocked prompt is left out of result.history, so the next turn does not send it again."""
    with scenario(content_policy_trigger="forbidden words") as emu:
        loop = make_loop([entry(emu, "openai-chat", "m")], {"main": pool("main", "k1")})
        first = loop.run("hello")
        blocked = loop.run("say the forbidden words", history=first.history)
        third = loop.run("something else", history=blocked.history)
        sent = json.dumps(emu.log[-1].body)
    assert blocked.status is TurnStatus.content_policy_blocked and third.ok
    assert blocked.history == first.history and "forbidden" not in sent and "hello" in sent
