"""The ``steadyloop`` command line: one module per sub-command, each with ``add(sub)`` and its handler.

Every command module imports only argparse-level code at import time; the SDKs, pydantic models
and stores load inside the handler that needs them, so ``steadyloop --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from . import chat, classify, drill, pool, release_notes, run, upstream
from ._common import UsageError

__all__ = ["main"]

_COMMANDS = (classify, run, chat, drill, upstream, pool, release_notes)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="steadyloop", description="An agent conversation loop that keeps "
                                     "talking when LLM providers fail.")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in _COMMANDS:
        command.add(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (2 for usage errors)."""
    stream = out or sys.stdout
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args, stream)
    except UsageError as err:
        sys.stderr.write(f"steadyloop: error: {err}\n")
        return 2
    return code
