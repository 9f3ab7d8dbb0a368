"""Quick start: an async gateway bot. Three chats at once in one event loop, a tool, told what is happening.

    STEADYLOOP_CONFIG=steadyloop.toml python examples/gateway_bot.py

A real gateway (Telegram, Slack, Discord, a web socket) replaces ``incoming`` and ``send``. Each
chat is one task; their turns run concurrently through ``loop.arun`` and never block each other:
the sync tool below runs in a worker thread, not on the event loop. An async hook forwards
recovery events ("rate limit on key work, switching keys") to the chat they belong to, by
``event.session``. Each chat keeps its history as ``result.history`` (question and answer
included, compressed if the turn had to compress), and the final response is always fit to
deliver, success or not.
"""

from __future__ import annotations

import asyncio
import os
import time

from agent.chat import status_line
from agent.config import build_loop, load_config
from agent.conversation import Message
from agent.conversation_loop import ConversationLoop
from agent.events import Event
from agent.interrupt import on_signals
from agent.tools import ToolBox

tools = ToolBox()


@tools.tool(timeout=10)
def order_status(order_id: str) -> str:
    """Look up an order in the shop's database (a blocking call: it runs in a worker thread)."""
    time.sleep(0.2)  # stands in for a slow database query
    return f"order {order_id}: shipped"


async def send(chat: str, text: str) -> None:
    print(f"-> {chat}: {text}", flush=True)  # a real bot posts to its chat platform here


async def notify(event: Event) -> None:
    """An async hook: recovery notices go to the chat whose turn they belong to."""
    notice = status_line(event)
    if notice is not None and event.session is not None:
        await send(event.session, f"({notice})")


async def handle(loop: ConversationLoop, chat: str, text: str, history: dict[str, list[Message]]) -> None:
    """One incoming message: run the turn, deliver the answer, keep the whole conversation."""
    result = await loop.arun(text, history=history.get(chat, []), session=chat)
    history[chat] = list(result.history)
    await send(chat, result.final_response)


async def main() -> None:
    loop = build_loop(load_config(os.environ.get("STEADYLOOP_CONFIG", "steadyloop.toml")), tools=tools,
                      hooks=(notify,))
    history: dict[str, list[Message]] = {}
    incoming = [("ada", "Where is my order 42?"), ("bo", "Has order 7 shipped?"), ("cy", "Status of order 9?")]
    with on_signals():  # SIGTERM/Ctrl-C: every turn in flight ends "interrupted", its key released
        await asyncio.gather(*(handle(loop, chat, text, history) for chat, text in incoming))
        await handle(loop, "ada", "And what did I just ask?", history)  # a second turn with ada's history


if __name__ == "__main__":
    asyncio.run(main())
