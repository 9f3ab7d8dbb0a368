"""``steadyloop chat``: an interactive session (the session itself lives in ``agent.chat``)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ._common import CONFIG_HELP, UsageError, load_config_arg

__all__ = ["add"]


def _cmd_chat(args: argparse.Namespace, out: TextIO) -> int:
    from ..chat import Chat
    from ..config import ConfigError, build_loop

    config = load_config_arg(args)
    try:
        loop = build_loop(config, hooks=())
    except (ConfigError, ValueError) as err:
        raise UsageError(str(err)) from err
    chat = Chat(loop, out=out)
    if args.model:
        chat.choose(args.model)
    return chat.run()


def add(sub: Any) -> None:
    """Register ``chat``."""
    p = sub.add_parser("chat", help="an interactive session with streamed answers and a live status line")
    p.add_argument("--config", help=CONFIG_HELP)
    p.add_argument("--model", help="start with this chain entry as the primary")
    p.set_defaults(func=_cmd_chat)
