"""``steadyloop chat``: an interactive session over the loop, with streamed output and a live status line.

Commands: ``/status`` (chain and key health), ``/retry`` (resend the last message), ``/model NAME``
(put that chain entry first), ``/reset`` (forget the history), ``/quit``. Ctrl-C cancels the current
turn, not the session. Output uses rich, and stays plain text when stdout is not a terminal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO

from rich.console import Console

from . import events as ev
from .conversation import Message
from .conversation_loop import ConversationLoop
from .results import TurnResult

__all__ = ["Chat"]


def status_line(event: Any) -> str | None:
    """The one-line status a waiting user should see for a recovery event (None: nothing to say)."""
    if isinstance(event, ev.RetryScheduled):
        if event.reason == "no_credential":
            return f"every key is cooling or busy; waiting {event.wait:.0f} s"
        return f"{event.reason.replace('_', ' ')} on key {event.credential_id}, retrying in {event.wait:.0f} s"
    if isinstance(event, ev.CredentialRotated):
        return f"{event.reason.replace('_', ' ')} on key {event.from_credential}, switching keys"
    if isinstance(event, ev.FallbackActivated):
        return f"switching to fallback {event.to_api}:{event.to_model} ({event.reason.replace('_', ' ')})"
    if isinstance(event, ev.Compressed):
        return f"conversation too long; compressed ({event.removed_messages} messages removed)"
    if isinstance(event, ev.RequestRepaired):
        return f"request repaired: {event.repair}"
    if isinstance(event, ev.StreamRestarted):
        return "the answer broke off; restarting it"
    if isinstance(event, ev.ToolCallsRequested):
        return f"running {', '.join(event.tools)}"
    return None


class Chat:
    """One interactive session: history, commands, streamed turns."""

    def __init__(self, loop: ConversationLoop, *, out: TextIO | None = None,
                 read: Callable[[str], str] = input) -> None:
        self.loop, self.read = loop, read
        # markup off: model text and status lines may contain [brackets] that must print as they are
        self.console = Console(file=out, highlight=False, soft_wrap=True, markup=False)
        self.history: list[Message] = []
        self.last_prompt: str | None = None

    def run(self) -> int:
        self.console.print("steadyloop chat: /status /retry /model NAME /reset /quit; Ctrl-C cancels a turn",
                           style="dim")
        while True:
            try:
                line = self.read("you> ").strip()
            except (EOFError, KeyboardInterrupt):
                self.console.print()
                return 0
            if not line:
                continue
            if line.startswith("/"):
                if self.command(line) == "quit":
                    return 0
                continue
            self.turn(line)

    def command(self, line: str) -> str | None:
        name, _, arg = line.partition(" ")
        if name == "/quit":
            return "quit"
        if name == "/reset":
            self.history.clear()
            self.console.print("(history cleared)", style="dim")
        elif name == "/retry":
            if self.last_prompt is None:
                self.console.print("(nothing to retry yet)", style="dim")
            else:
                self.turn(self.last_prompt, retry=True)
        elif name == "/model":
            self.choose(arg.strip())
        elif name == "/status":
            self.status()
        else:
            self.console.print(f"(unknown command {name}; try /status /retry /model NAME /reset /quit)", style="dim")
        return None

    def choose(self, model: str) -> None:
        names = [e.model for e in self.loop.chain]
        if model not in names:
            self.console.print(f"(no chain entry {model!r}; configured: {', '.join(names)})", style="dim")
            return
        i = names.index(model)
        chain = self.loop.chain[i:] + self.loop.chain[:i]
        self.loop = ConversationLoop(chain, self.loop.pools, tools=self.loop.tools, policy=self.loop.policy,
                                     compressor=self.loop.compressor, hooks=self.loop.hooks)
        self.console.print(f"(primary model is now {model})", style="dim")

    def status(self) -> None:
        now = time.time()
        for position, entry in enumerate(self.loop.chain):
            label = "primary" if position == 0 else f"fallback {position}"
            self.console.print(f"{label}: {entry.api} {entry.model} (pool {entry.pool})")
            for cred, state in self.loop.pools[entry.pool].states():
                wait = max(0.0, state.cool_until - now)
                extra = f", back in {wait:.0f} s" if wait else ""
                self.console.print(f"    {cred.id}: {state.status(now).value}{extra}, uses {state.uses}, "
                                   f"failures {state.failures}")

    def turn(self, prompt: str, *, retry: bool = False) -> TurnResult | None:
        if retry and self.history and self.history[-1].role == "user":
            self.history.pop()
        self.last_prompt = prompt
        result: TurnResult | None = None
        try:
            for event in self.loop.stream(prompt, history=tuple(self.history), session=str(id(self))):
                result = self.show(event) or result
        except KeyboardInterrupt:
            self.console.print("\n(turn cancelled)", style="dim")
            return None
        if result is not None:
            self.history.append(Message.user(prompt))
            self.history.extend(result.messages)
        return result

    def show(self, event: Any) -> TurnResult | None:
        if isinstance(event, ev.TextDelta):
            self.console.print(event.text, end="")
            return None
        if isinstance(event, TurnResult):
            if event.ok:
                self.console.print()
            else:
                self.console.print(("\n" if event.partial else "") + event.final_response, style="yellow")
            return event
        line = status_line(event)
        if line:
            self.console.print(f"[{line}]", style="dim italic")
        return None
