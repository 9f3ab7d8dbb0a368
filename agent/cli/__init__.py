"""The ``steadyloop`` command line: one module per sub-command, each with ``add(sub)`` and its handler.

Every command module imports only argparse-level code at import time; the SDKs, pydantic models
and stores load inside the handler that needs them, so ``steadyloop --help`` stays fast.
Global options: ``--version``, ``-v`` (more log detail: INFO, then DEBUG), ``-q`` (errors only) and
``--log-format json`` (one JSON object per log line, with the turn's structured fields).
Output piped into ``head`` ends quietly; Ctrl-C exits with 130 and no traceback.

``console()`` is the process entry (the ``steadyloop`` script and ``python -m agent.cli``): it owns
the interpreter, so for every command but ``serve`` it keeps the SDKs' optional aiohttp transport
unloaded (see ``_without_sdk_aiohttp``). ``main()`` called in-process changes nothing of the kind.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from . import chat, classify, drill, pool, release_notes, run, serve, upstream
from ._common import UsageError

__all__ = ["console", "main"]

_COMMANDS = (classify, run, chat, drill, upstream, serve, pool, release_notes)

# The SDK modules behind ``openai.DefaultAioHttpClient`` and ``anthropic.DefaultAioHttpClient``: each SDK
# imports its own at import time whenever aiohttp is installed, and falls back to a stub (raising only
# if that client is made) when the import fails, as it does without the ``aiohttp`` extra.
_SDK_AIOHTTP = ("openai._vendor.httpx_aiohttp", "anthropic._vendor.httpx_aiohttp")


def _version() -> str:
    from .. import __version__

    return f"steadyloop {__version__}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="steadyloop", description="An agent conversation loop that keeps "
                                     "talking when LLM providers fail.")
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log more: -v shows each attempt and turn (INFO), -vv every event (DEBUG)")
    parser.add_argument("-q", "--quiet", action="store_true", help="log errors only")
    parser.add_argument("--log-format", choices=("text", "json"), default="text",
                        help="log lines on stderr as text (default) or JSON objects with session, turn_id, "
                             "attempt, credential, model, reason, action and wait fields")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in _COMMANDS:
        command.add(sub)
    return parser


def _log_level(verbose: int, quiet: bool) -> int:
    if quiet:
        return logging.ERROR
    return {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)


@contextlib.contextmanager
def _logging(level: int, fmt: str = "text") -> Iterator[None]:
    """While a command runs, log lines go to stderr as ``steadyloop: LEVEL: message`` or JSON (stdout stays
    the command's output); afterwards the logger is as it was, so ``main()`` called in-process leaves no trace."""
    from ..observability.logs import configure_logging

    logger = logging.getLogger("steadyloop")
    saved = logger.level
    handler = configure_logging("json" if fmt == "json" else "text", level, sys.stderr)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests): nothing to flush
        pass


def _without_sdk_aiohttp() -> None:
    """Import the SDKs, in this process, as if aiohttp were not installed.

    Only ``steadyloop serve`` makes an async client on aiohttp (``agent._http_aio``, through
    ``anthropic.DefaultAioHttpClient``); every other command's clients are sync httpx ones. Yet an SDK
    imports aiohttp whenever it is installed, and aiohttp builds its TLS contexts at import: about a
    quarter of ``import openai`` (0.15-0.2 s here) spent before ``steadyloop run`` sends a byte. A
    ``None`` in ``sys.modules`` makes that import fail as a missing package does, which both SDKs
    handle; an SDK already imported is left as it is."""
    for name in _SDK_AIOHTTP:
        if name.partition(".")[0] not in sys.modules:
            sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def console() -> int:
    """The ``steadyloop`` command's process entry: ``main()`` owning the interpreter."""
    return main(own_process=True)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, *, own_process: bool = False) -> int:
    """Run the command line; returns the exit code (2 for usage errors, 130 for Ctrl-C).

    ``own_process``: this call is the whole process (``console()``), so what it imports is its own."""
    stream = out or sys.stdout
    args = _parser().parse_args(argv)
    if own_process and args.command != "serve":
        _without_sdk_aiohttp()
    try:
        with _logging(_log_level(args.verbose, args.quiet), args.log_format):
            code: int = args.func(args, stream)
            try:
                stream.flush()
            except OSError:
                if not code:
                    raise
                _silence_stdout()  # the command already said what failed (and recorded it): no second report
    except UsageError as err:
        sys.stderr.write(f"steadyloop: error: {err}\n")
        return 2
    except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
        _silence_stdout()
        return 141  # 128 + SIGPIPE, as a shell reports a command killed by it
    except KeyboardInterrupt:
        sys.stderr.write("\nsteadyloop: interrupted\n")
        return 130
    return code
