"""``steadyloop chat``: an interactive session over the loop, with streamed output and a live status line.

- ``session``: the session (history, commands, streamed turns, the countdown during waits);
- ``words``: recovery events and failure reasons in plain language;
- ``wrap``: word wrap for text that arrives in pieces.
"""

from .session import Chat
from .words import plain_reason, status_line
from .wrap import Wrapper

__all__ = ["Chat", "Wrapper", "plain_reason", "status_line"]
