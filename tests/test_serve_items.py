"""Answers that are neither text nor a function call pass through as answers, never as "empty".

A pass-through turn judges an upstream answer before the client gets it: an answer with no text and no tool
call is ``empty_response``, retried and then refused. What clients really receive besides text and function
calls is an answer too: Codex CLI's ``apply_patch`` and ``exec`` are freeform custom tools
(``custom_tool_call`` items), codex-mini calls ``local_shell_call``, the image generation tool answers an
``image_generation_call`` with the image, computer use answers a ``computer_call``, Anthropic's server tools
pause a long turn with ``server_tool_use`` and ``web_search_tool_result`` blocks and ``stop_reason:
pause_turn``, and Chat Completions with audio output answers ``message.audio`` with ``content: null``.

Shapes: the installed openai SDK's ``types/responses/response_output_item.py`` (``ResponseCustomToolCall``,
``LocalShellCall``, ``ImageGenerationCall``, ``ResponseComputerToolCall``) and
``types/chat/chat_completion_audio.py``; anthropic's ``types/server_tool_use_block.py``,
``types/web_search_tool_result_block.py`` and ``stop_reason`` ``pause_turn``; Codex's session rollouts record
``custom_tool_call`` items named ``apply_patch`` and ``exec``.
"""

from __future__ import annotations

from typing import Any

import pytest

from .test_serve import anthropic_client, config, openai_client, scenario, served

_PATCH = "*** Begin Patch\n*** Add File: hello.txt\n+hello\n*** End Patch\n"
_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

_RESPONSES: dict[str, list[dict[str, Any]]] = {
    "codex apply_patch (custom tool)": [
        {"type": "reasoning", "id": "rs_1", "summary": []},
        {"type": "custom_tool_call", "id": "ctc_1", "call_id": "call_1", "name": "apply_patch", "input": _PATCH,
         "status": "completed"}],
    "codex-mini local shell": [
        {"type": "local_shell_call", "id": "lsh_1", "call_id": "call_2", "status": "completed",
         "action": {"type": "exec", "command": ["ls", "-la"], "env": {}, "timeout_ms": 10000,
                    "user": None, "working_directory": None}}],
    "image generation": [
        {"type": "image_generation_call", "id": "ig_1", "status": "completed", "result": _PNG}],
    "computer use": [
        {"type": "computer_call", "id": "cu_1", "call_id": "call_3", "status": "completed",
         "action": {"type": "screenshot"}, "pending_safety_checks": []}],
}


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("name", list(_RESPONSES))
def test_a_responses_answer_of_other_items_is_delivered_once(name: str, stream: bool) -> None:
    """The client gets the item it asked for, from one upstream call: no retry, no refusal."""
    items = _RESPONSES[name]
    with scenario(rules=[{"respond": "items", "body": items}]) as emu, \
            served(config(emu, "openai-responses")) as gw:
        client = openai_client(gw.url)
        if stream:
            with client.responses.stream(model="r", input="go") as s:
                kinds = [e.type for e in s]
                response = s.get_final_response()
            assert "response.completed" in kinds
        else:
            response = client.responses.create(model="r", input="go")
        assert [item.type for item in response.output] == [i["type"] for i in items]
        assert len(emu.log) == 1


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
def test_an_anthropic_pause_turn_of_server_tool_blocks_is_delivered_once(stream: bool) -> None:
    """A long server-tool turn paused (``pause_turn``) carries no text yet: the client continues it itself."""
    blocks = [
        {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {"query": "steadyloop"}},
        {"type": "web_search_tool_result", "tool_use_id": "srvtoolu_1", "content": [
            {"type": "web_search_result", "url": "https://example.com/", "title": "Example", "page_age": None,
             "encrypted_content": "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5LTQ1NGUtODgxNC1kNjNjNTk1ZWI3Y2USDA"}]}]
    with scenario(rules=[{"respond": "items", "body": blocks, "stop_reason": "pause_turn"}]) as emu, \
            served(config(emu, "anthropic-messages")) as gw:
        client = anthropic_client(gw.url)
        if stream:
            with client.messages.stream(model="r", max_tokens=64, messages=[{"role": "user", "content": "go"}]) as s:
                message = s.get_final_message()
        else:
            message = client.messages.create(model="r", max_tokens=64, messages=[{"role": "user", "content": "go"}])
        assert message.stop_reason == "pause_turn"
        assert [b.type for b in message.content] == ["server_tool_use", "web_search_tool_result"]
        assert len(emu.log) == 1


_CHAT: dict[str, dict[str, Any]] = {
    "audio output": {"audio": {"id": "audio_1", "data": "UklGRiQAAABXQVZFZm10IBAAAAABAAEA", "expires_at": 1767225600,
                               "transcript": "Yes."}},
    "custom tool call": {"tool_calls": [{"id": "call_1", "type": "custom",
                                         "custom": {"name": "apply_patch", "input": _PATCH}}]},
}


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("name", list(_CHAT))
def test_a_chat_answer_without_text_is_delivered_once(name: str, stream: bool) -> None:
    """Audio output (``content: null``) and a custom tool call are answers the client reads."""
    fields = _CHAT[name]
    with scenario(rules=[{"respond": "items", "body": fields}]) as emu, served(config(emu, "openai-chat")) as gw:
        client = openai_client(gw.url)
        if stream:
            chunks = list(client.chat.completions.create(model="r", messages=[{"role": "user", "content": "go"}],
                                                         stream=True))
            deltas = [c.choices[0].delta.model_dump(exclude_none=True) for c in chunks if c.choices]
            assert any(set(fields) <= set(d) for d in deltas)
            assert chunks[-1].choices[0].finish_reason is not None
        else:
            done = client.chat.completions.create(model="r", messages=[{"role": "user", "content": "go"}])
            message = done.choices[0].message.model_dump(exclude_none=True)
            assert set(fields) <= set(message)
        assert len(emu.log) == 1


def test_a_background_request_is_answered_once_with_its_queued_response() -> None:
    """``background: true`` answers at once with ``status: queued`` and no output (OpenAI's background mode): the
    client polls for the answer. Judged empty, each retry would start another paid background job."""
    with scenario(rules=[{"respond": "items", "body": [], "stop_reason": "queued"}]) as emu, \
            served(config(emu, "openai-responses")) as gw:
        response = openai_client(gw.url).responses.create(model="r", input="go", background=True)
        assert response.status == "queued" and response.output == []
        assert len(emu.log) == 1
