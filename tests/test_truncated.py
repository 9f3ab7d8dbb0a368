"""An answer cut by the output limit is delivered and reported as truncated, never passed off as complete."""

from __future__ import annotations

import pytest

from agent.testing.emulator import Emulator
from tests.test_conversation_loop import entry, make_loop, pool

APIS = ["openai-chat", "openai-responses", "anthropic-messages"]


@pytest.mark.parametrize("api", APIS)
def test_an_answer_cut_by_the_limit_is_marked_truncated(api: str) -> None:
    """finish_reason length, Responses incomplete, stop_reason max_tokens: ok with the text, truncated."""
    with Emulator("healthy") as emu:
        result = make_loop([entry(emu, api, "m", max_tokens=3)], {"main": pool("main", "k")}).run("hi")
    assert result.ok and result.truncated
    assert result.final_response == "Hello from t"
    assert result.last_status()["truncated"] is True


@pytest.mark.parametrize("api", APIS)
def test_a_whole_answer_is_not_truncated(api: str) -> None:
    """An answer within the limit says so."""
    with Emulator("healthy") as emu:
        result = make_loop([entry(emu, api, "m", max_tokens=500)], {"main": pool("main", "k")}).run("hi")
    assert result.ok and not result.truncated and result.final_response.startswith("Hello from the")
