"""Quick start: an async gateway bot. Many users at once, each with a history, told what is happening.

    STEADYLOOP_CONFIG=steadyloop.toml python examples/gateway_bot.py

A real gateway (Telegram, Slack, Discord, a web socket) replaces ``incoming`` and ``send``. Each
user's turns stream through ``loop.astream``; recovery events ("rate limit on key work, switching
keys") are forwarded as short notices, and the final response is always fit to deliver, success
or not: a content-policy block says the provider's safety system declined and what to do.
"""

from __future__ import annotations

import asyncio
import os

from agent.chat import status_line
from agent.config import build_loop, load_config
from agent.conversation import Message
from agent.conversation_loop import ConversationLoop
from agent.results import TurnResult


async def send(user: str, text: str) -> None:
    print(f"-> {user}: {text}", flush=True)  # a real bot posts to its chat platform here


async def handle(loop: ConversationLoop, user: str, text: str, history: dict[str, list[Message]]) -> None:
    """One incoming message: stream the turn, forward notices, deliver the answer, keep the history."""
    result: TurnResult | None = None
    async for event in loop.astream(text, history=history.get(user, []), session=user):
        if isinstance(event, TurnResult):
            result = event
        elif (notice := status_line(event)) is not None:
            await send(user, f"({notice})")
    assert result is not None  # astream always ends with the TurnResult
    history.setdefault(user, []).extend([Message.user(text), *result.messages])
    await send(user, result.final_response)


async def main() -> None:
    loop = build_loop(load_config(os.environ.get("STEADYLOOP_CONFIG", "steadyloop.toml")))
    history: dict[str, list[Message]] = {}
    incoming = [("ada", "Hello!"), ("bo", "What is the capital of Norway?"), ("cy", "Tell me a joke.")]
    await asyncio.gather(*(handle(loop, user, text, history) for user, text in incoming))
    await handle(loop, "ada", "And what did I just say?", history)  # a second turn with ada's history


if __name__ == "__main__":
    asyncio.run(main())
