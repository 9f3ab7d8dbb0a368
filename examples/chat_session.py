"""Quick start: a chat session in your own program, streamed, with the history kept between turns.

    STEADYLOOP_CONFIG=steadyloop.toml python examples/chat_session.py      # one message per line; Ctrl-D ends

For a ready-made terminal chat use ``steadyloop chat`` (line editing, a countdown during waits,
/status, /retry, /model). This file shows the same loop embedded: text is printed as it arrives,
recovery notices in brackets, and the final response replaces nothing that was already shown.
``result.history`` is the whole conversation to pass back (the question included, compressed if
the turn compressed it); a message the provider's safety system blocked is left out of it, so
the next turn is not blocked for it again.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from agent.chat import status_line
from agent.config import build_loop, load_config
from agent.events import TextDelta
from agent.results import TurnResult, TurnStatus


def main() -> int:
    loop = build_loop(load_config(os.environ.get("STEADYLOOP_CONFIG", "steadyloop.toml")), hooks=())
    history: list[Any] = []  # Message objects, or OpenAI/Anthropic-style dicts loaded from elsewhere
    for line in sys.stdin:
        prompt = line.strip()
        if not prompt:
            continue
        result: TurnResult | None = None
        for event in loop.stream(prompt, history=history, session="my-chat"):
            if isinstance(event, TextDelta):
                print(event.text, end="", flush=True)
            elif isinstance(event, TurnResult):
                result = event
            elif (notice := status_line(event)) is not None:
                print(f"[{notice}]", flush=True)
        assert result is not None  # stream() always ends with the TurnResult
        if result.ok:
            print()
        else:  # the honest message; after a cut-off stream it starts on a new line
            print(("\n" if result.partial else "") + result.final_response)
        if result.status is TurnStatus.content_policy_blocked:
            print("[that message was not kept in the conversation]")
        history = list(result.history)
    return 0


if __name__ == "__main__":
    sys.exit(main())
