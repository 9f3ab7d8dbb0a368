"""``steadyloop run``: one turn through the configured chain, exit code per status."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ._common import CONFIG_HELP, UsageError, load_config_arg

__all__ = ["add"]


def _cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    from ..config import ConfigError, build_loop
    from ..results import write_status_file

    config = load_config_arg(args)
    try:
        loop = build_loop(config)
    except (ConfigError, ValueError) as err:
        raise UsageError(str(err)) from err
    result = loop.run(args.prompt, system=args.system, session=args.session)
    if args.status_file:
        write_status_file(result, args.status_file)
    out.write((result.model_dump_json(indent=2) if args.json else result.final_response) + "\n")
    return result.exit_code


def add(sub: Any) -> None:
    """Register ``run``."""
    p = sub.add_parser("run", help="one turn through the configured chain; exit code per status")
    p.add_argument("prompt")
    p.add_argument("--config", help=CONFIG_HELP)
    p.add_argument("--system", help="a system prompt")
    p.add_argument("--session", help="a conversation id (keeps the same key while healthy)")
    p.add_argument("--json", action="store_true", help="print the whole TurnResult as JSON")
    p.add_argument("--status-file", help="write last_status() there atomically (for cron)")
    p.set_defaults(func=_cmd_run)
