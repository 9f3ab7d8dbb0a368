"""``steadyloop upstream``: the provider emulator on a loopback port."""

from __future__ import annotations

import argparse
import contextlib
from typing import Any, TextIO

from ._common import UsageError

__all__ = ["add"]


def _cmd_upstream(args: argparse.Namespace, out: TextIO) -> int:
    from ..testing.emulator import Emulator, ScenarioError, list_scenarios

    if args.list:
        for name, description in list_scenarios().items():
            out.write(f"{name:32} {description}\n")
        return 0
    try:
        emulator = Emulator(args.scenario, host=args.host, port=args.port)
    except (ScenarioError, ValueError) as err:
        raise UsageError(str(err)) from err
    with emulator:
        # the emulator's keys are test values, not secrets: show them so clients can be configured
        keys = ", ".join(f"{spec.key} ({spec.label})" if spec.label else spec.key
                         for spec in emulator.scenario.keys) or "any key (the scenario lists none)"
        out.write(
            f"steadyloop upstream: scenario {emulator.scenario.name!r} ({emulator.scenario.description})\n"
            f"  OpenAI base_url:    {emulator.base_url('openai')}\n"
            f"  Anthropic base_url: {emulator.base_url('anthropic')}\n"
            f"  keys accepted:      {keys}\n"
            f"  request log:        http://127.0.0.1:{emulator.port}/_emulator/log\n"
            "  Ctrl-C stops it.\n"
        )
        out.flush()
        with contextlib.suppress(KeyboardInterrupt):
            emulator.wait(args.seconds)
    return 0


def add(sub: Any) -> None:
    """Register ``upstream``."""
    p = sub.add_parser("upstream", help="run the provider emulator on 127.0.0.1")
    p.add_argument("--scenario", default="healthy", help="a shipped scenario name or a TOML/JSON file")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    p.add_argument("--host", default="127.0.0.1", help="a loopback address")
    p.add_argument("--seconds", type=float, default=None, help="stop after this long (default: until Ctrl-C)")
    p.add_argument("--list", action="store_true", help="list the shipped scenarios and exit")
    p.set_defaults(func=_cmd_upstream)
