"""agent.serve.walk: one pass-through turn per client request, against the emulator through the real SDK clients."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Generator, MutableMapping
from typing import Any

import pytest

from agent import events as ev
from agent._turn import Call, Effect
from agent.passthrough import RawRequest
from agent.results import TurnResult
from agent.serve.gateway import Gateway
from agent.serve.sink import StreamSink
from agent.serve.walk import Walked, walk
from agent.testing.emulator import Emulator

from .test_serve import APIS, FULL, HI, config, scenario

_BODIES = {"anthropic-messages": {"model": "r", "max_tokens": 64, "messages": HI},
           "openai-chat": {"model": "r", "messages": HI}, "openai-responses": {"model": "r", "input": HI}}


class _Seen:
    """The loop of a route, its pass-through turns' effects recorded as the driver receives them."""

    def __init__(self, logic: Any) -> None:
        self.logic, self.effects = logic, []

    def passthrough_turn(self, session: str | None = None) -> Generator[Effect, Any, TurnResult]:
        turn = self.logic.passthrough_turn(session)
        try:
            reply = None
            while True:
                try:
                    effect = turn.send(reply)
                except StopIteration as done:
                    return done.value  # type: ignore[no-any-return]
                self.effects.append(effect)
                reply = yield effect
        finally:
            turn.close()


def _walked(emu: Emulator, api: str, *, stream: bool) -> tuple[Walked, list[Effect], bytes]:
    """One client request walked through a gateway of ``emu``: what it saw, the turn's effects, the bytes sent."""
    body = {**_BODIES[api], **({"stream": True} if stream else {})}
    sent: list[bytes] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message.get("body", b""))

    async def run() -> tuple[Walked, list[Effect]]:
        gateway = Gateway(config(emu, api))
        seen = _Seen(gateway.loop("r", api))
        sink = StreamSink(send, list, keep_alive=30) if stream else None
        try:
            walked = await walk(seen, RawRequest.of(body, {}, data=json.dumps(body).encode()), sink=sink)  # type: ignore[arg-type]
        finally:
            await gateway.aclose()
        return walked, seen.effects

    walked, effects = asyncio.run(run())
    return walked, effects, b"".join(sent) or walked.body


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("api", APIS)
def test_a_pass_through_turn_tells_the_hooks_and_builds_no_history(api: str, stream: bool) -> None:
    """The turn's events reach the hooks in order and the driver only its calls (no Emit it would drop); the
    result says what the answer was (status, text, tokens, one answered attempt) but holds no messages: the
    client gets the upstream's bytes, not a history the gateway would build and throw away."""
    with scenario(rules=[]) as emu:
        walked, effects, sent = _walked(emu, api, stream=stream)
    assert [type(e) for e in effects] == [Call]
    kinds = [type(e) for e in walked.events]
    assert kinds == [ev.TurnStarted, ev.AttemptStarted, ev.AttemptEnded, ev.TurnFinished]
    result = walked.result
    assert result is not None and result.ok and result.final_response == FULL
    assert result.messages == () and result.history == () and not result.truncated
    ended = walked.last(ev.AttemptEnded)
    assert (ended.outcome, ended.action) == ("ok", "answered")
    assert (result.input_tokens, result.output_tokens) == (ended.input_tokens, ended.output_tokens)
    assert result.output_tokens > 0 or (api, stream) == ("openai-chat", True)  # a chat stream reports no usage unasked
    assert [a.outcome for a in result.attempts] == ["ok"]
    assert b"Hello" in sent


@pytest.mark.parametrize("api", APIS)
def test_a_tool_call_answer_ends_a_pass_through_turn(api: str) -> None:
    """An answer with a tool call is the client's to act on: the turn ends answered, asking the driver to run
    no tools."""
    rules = [{"respond": "tool_call", "tool_name": "get_weather", "tool_arguments": {"city": "Paris"}}]
    with scenario(rules=rules) as emu:
        walked, effects, sent = _walked(emu, api, stream=False)
    assert [type(e) for e in effects] == [Call]
    assert walked.result is not None and walked.result.ok and walked.result.messages == ()
    assert walked.last(ev.AttemptEnded).action == "answered" and b"get_weather" in sent
