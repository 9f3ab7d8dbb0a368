"""One interactive session: history, commands, streamed turns, a live countdown during waits.

Commands: ``/status`` (chain and key health), ``/retry`` (resend the last message), ``/model NAME``
(put that chain entry first), ``/reset`` (forget the history), ``/quit``. In a terminal the prompt
has line editing and history (readline); Ctrl-C at the prompt clears the line, Ctrl-D exits, and
Ctrl-C during a turn cancels that turn, not the session. Output uses rich, wraps between words to
the terminal's width, and stays plain text (no colours, no wrapping) when stdout is not a terminal.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any, TextIO

from rich.console import Console

from .. import events as ev
from .._human import duration
from ..chain import starting_at
from ..conversation import Message
from ..conversation_loop import ConversationLoop
from ..results import TurnResult, TurnStatus
from .words import status_line
from .wrap import Wrapper

__all__ = ["Chat"]

_HELP = "steadyloop chat: /status /retry /model NAME /reset /quit; Ctrl-C cancels a turn or clears the line, " \
        "Ctrl-D exits"


def _line_editing() -> None:
    """Arrow keys, Ctrl-A/E and history for ``input()`` (readline is absent on some platforms)."""
    with contextlib.suppress(ImportError):  # absent on Windows without pyreadline
        import readline  # noqa: F401 - importing it is what enables line editing for input()


class Chat:
    """One interactive session: history, commands, streamed turns."""

    def __init__(self, loop: ConversationLoop, *, out: TextIO | None = None,
                 read: Callable[[str], str] = input, sleep: Callable[[float], None] = time.sleep) -> None:
        self.read, self._sleep = read, sleep
        # markup off: model text and status lines may contain [brackets] that must print as they are
        self.console = Console(file=out, highlight=False, soft_wrap=True, markup=False)
        self.wrapper = Wrapper(self.console.width) if self.console.is_terminal else None
        self.loop = self._with_chain(loop, loop.chain)
        self.history: list[Message] = []
        self.last_prompt: str | None = None
        self._countdown: ev.RetryScheduled | None = None

    def _with_chain(self, loop: ConversationLoop, chain: Any) -> ConversationLoop:
        """The same loop with this chain, sleeping through the session (so waits show a countdown)."""
        return ConversationLoop(chain, loop.pools, tools=loop.tools, policy=loop.policy, compressor=loop.compressor,
                                hooks=loop.hooks, sleep=self.wait)

    def run(self) -> int:
        if self.console.is_terminal:
            _line_editing()
        self.console.print(_HELP, style="dim")
        while True:
            try:
                line = self.read("you> ").strip()
            except EOFError:  # Ctrl-D
                self.console.print()
                return 0
            except KeyboardInterrupt:  # Ctrl-C at the prompt: a fresh, empty line
                self.console.print("^C (Ctrl-D or /quit exits)", style="dim")
                continue
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
        try:
            chain = starting_at(self.loop.chain, model)
        except ValueError:
            names = ", ".join(e.model for e in self.loop.chain)
            self.console.print(f"(no chain entry {model!r}; configured: {names})", style="dim")
            return
        self.loop = self._with_chain(self.loop, chain)
        self.console.print(f"(primary model is now {model})", style="dim")

    def status(self) -> None:
        now = time.time()
        for position, entry in enumerate(self.loop.chain):
            label = "primary" if position == 0 else f"fallback {position}"
            self.console.print(f"{label}: {entry.api} {entry.model} (pool {entry.pool})")
            for cred, state in self.loop.pools[entry.pool].states():
                wait = max(0.0, state.cool_until - now)
                extra = f", back in {duration(wait)}" if wait else ""
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
        finally:
            self._countdown = None
            if self.wrapper:
                self.wrapper.reset()
        if result is not None:
            self.history = list(result.history)  # the prompt, the answer, compressed if the turn compressed
            if result.status is TurnStatus.content_policy_blocked:
                self.console.print("(your last message was not kept in the conversation, so the next one is not "
                                   "blocked for it)", style="dim")
        return result

    def show(self, event: Any) -> TurnResult | None:
        if isinstance(event, ev.TextDelta):
            self.console.print(self.wrapper.feed(event.text) if self.wrapper else event.text, end="")
            return None
        if isinstance(event, TurnResult):
            self.finish(event)
            return event
        if isinstance(event, ev.RetryScheduled) and self.console.is_terminal:
            self._countdown = event  # wait() draws it, counting down
            return None
        line = status_line(event)
        if line:
            self.console.print(f"[{line}]", style="dim italic")
        return None

    def finish(self, result: TurnResult) -> None:
        """End the answer: its last word, then who answered (or the honest failure message)."""
        if self.wrapper:
            self.console.print(self.wrapper.flush(), end="")
        if result.ok:
            self.console.print()
            key = f" with key {result.credential_id}" if result.credential_id else ""
            self.console.print(f"({result.model}{key}, {result.elapsed:.1f} s)", style="dim")
        else:
            self.console.print(("\n" if result.partial else "") + result.final_response, style="yellow")

    def wait(self, seconds: float) -> None:
        """The loop's sleep: in a terminal, redraw the status line every second with the time left."""
        event, self._countdown = self._countdown, None
        if event is None:
            self._sleep(seconds)
            return
        left = seconds
        while left > 0:
            self._draw(status_line(event, left), end="")
            step = min(1.0, left)
            self._sleep(step)
            left -= step
        self._draw(status_line(event), end="\n")  # what happened stays on screen

    def _draw(self, line: str | None, *, end: str) -> None:
        self.console.file.write("\r\x1b[2K")  # back to column 0 and clear the line
        self.console.print(f"[{line}]", style="dim italic", end=end)
        self.console.file.flush()
