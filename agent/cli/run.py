"""``steadyloop run``: one turn through the configured chain, exit code per status."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from ._common import CONFIG_HELP, UsageError, load_config_arg

if TYPE_CHECKING:
    from ..config import SteadyConfig
    from ..conversation import Message
    from ..conversation_loop import ConversationLoop
    from ..cron import CronStatus, RunStatus
    from ..interrupt import Interrupts
    from ..results import TurnResult

__all__ = ["STATUS_FILE_FAILED", "add", "load_history", "read_prompt"]


def load_history(path: str) -> tuple[Message, ...]:
    """Messages from a JSON file: a list of neutral ``{"role", "text"}``, OpenAI Chat or Anthropic Messages
    dicts (``agent.history``), for example a previous ``run --json``'s ``history``."""
    from ..history import HistoryError, to_messages

    try:
        data = json.loads(Path(path).expanduser().read_text(encoding="utf-8"))
    except OSError as err:
        raise UsageError(f"--history {path}: cannot read it ({err.strerror})") from err
    except json.JSONDecodeError as err:
        raise UsageError(f"--history {path}: not JSON ({err.msg}, line {err.lineno})") from err
    if not isinstance(data, list):
        raise UsageError(f"--history {path}: expected a JSON list of messages like "
                         '[{"role": "user", "content": "..."}, {"role": "assistant", "content": "..."}]')
    try:
        return to_messages(data)
    except HistoryError as err:
        raise UsageError(f"--history {path}: message {err.index}: {err.field.lstrip('.') or 'message'}: "
                         f"{err.problem}") from err


def _chosen(config: SteadyConfig, model: str | None) -> SteadyConfig:
    from ..chain import starting_at

    if model is None:
        return config
    try:
        return config.model_copy(update={"chain": starting_at(config.chain, model)})
    except ValueError as err:
        raise UsageError(str(err)) from err


def _streamed(loop: ConversationLoop, args: argparse.Namespace, history: tuple[Message, ...],
              out: TextIO) -> TurnResult:
    from ..events import TextDelta
    from ..results import TurnResult

    result: TurnResult | None = None
    shown = False
    for event in loop.stream(args.prompt, history=history, system=args.system, session=args.session):
        if isinstance(event, TextDelta):
            out.write(event.text)
            out.flush()
            shown = True
        elif isinstance(event, TurnResult):
            result = event
    if result is None:  # pragma: no cover - stream() always ends with the TurnResult
        raise RuntimeError("the streamed turn ended without a result")
    out.write("\n" if result.ok else ("\n" if shown else "") + result.final_response + "\n")
    return result


STATUS_FILE_FAILED = 20
"""Exit code when the answer was printed but ``--status-file`` could not be written."""


def read_prompt(args: argparse.Namespace, stdin: BinaryIO) -> str:
    """The prompt: the argument, ``-`` (stdin) or ``--prompt-file`` (for prompts over the OS argument limit)."""
    if (args.prompt is None) == (args.prompt_file is None):
        raise UsageError("give the prompt as an argument, '-' to read it from stdin, or --prompt-file PATH "
                         "(exactly one)")
    if args.prompt_file is not None:
        where = f"--prompt-file {args.prompt_file}"
        try:
            raw = Path(args.prompt_file).expanduser().read_bytes()
        except OSError as err:
            raise UsageError(f"{where}: cannot read it ({err.strerror}); check the path and its permissions") from err
    elif args.prompt == "-":
        where, raw = "the prompt on stdin", stdin.read()
    else:
        return str(args.prompt)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UsageError(f"{where}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); "
                         "save or pipe it as UTF-8") from err
    if not text.strip():
        raise UsageError(f"{where}: the prompt is empty")
    return text


class _ConfigError(UsageError):
    """The configuration cannot give a loop: its own exit code (78), not a usage error's 2."""


def _config(args: argparse.Namespace) -> ConversationLoop:
    from ..config import ConfigError, build_loop

    try:
        config = load_config_arg(args)
    except UsageError as err:
        raise _ConfigError(str(err)) from err
    config = _chosen(config, args.model)
    try:
        return build_loop(config)
    except (ConfigError, ValueError) as err:
        raise _ConfigError(str(err)) from err


def _turn(args: argparse.Namespace, out: TextIO, signals: Interrupts, job: CronStatus | None) -> int:
    """Read the prompt, build the loop, run the turn, print it, record it; the exit code."""
    from ..interrupt import interruptible
    from ..results import TurnStatus

    with interruptible():  # reading stdin is a wait: a signal ends it
        args.prompt = read_prompt(args, sys.stdin.buffer)
    if args.stream and args.json:
        raise UsageError("--stream prints the answer as it arrives and --json prints the result at the end; "
                         "choose one")
    history = load_history(args.history) if args.history else ()
    loop = _config(args)
    if args.stream:
        result = _streamed(loop, args, history, out)
    else:
        result = loop.run(args.prompt, history=history, system=args.system, session=args.session)
        out.write((result.model_dump_json(indent=2) if args.json else result.final_response) + "\n")
    out.flush()  # the answer first, whatever happens to the status file
    received = signals.signum
    code = 128 + received if result.status is TurnStatus.interrupted and received is not None else result.exit_code
    if job is not None and not _recorded(args, lambda: job.finished(result, code), "the answer was printed; "):
        return STATUS_FILE_FAILED
    return code


def _recorded(args: argparse.Namespace, write: Callable[[], object], printed: str = "") -> bool:
    """Write the status file; on failure say so on stderr and return False."""
    try:
        write()
    except OSError as err:
        sys.stderr.write(f"steadyloop: error: --status-file {args.status_file}: cannot write it "
                         f"({err.strerror or err}); {printed}choose a writable file path (exit "
                         f"{STATUS_FILE_FAILED})\n")
        return False
    return True


def _fail(args: argparse.Namespace, job: CronStatus | None, status: RunStatus, said: str, code: int) -> int:
    """Record a run that ended without a turn result (when a status file is kept); return its exit code."""
    if job is not None:
        _recorded(args, lambda: job.failed(status, said, code))
    return code


def _cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    """The run, with a truthful status file on every exit path (see ``agent.cron``)."""
    import traceback

    from .._redact import redact
    from ..cron import EXIT_CONFIG, EXIT_CRASHED, EXIT_USAGE, CronStatus
    from ..interrupt import TurnInterrupted, on_signals

    job = CronStatus(args.status_file, keep=args.status_history) if args.status_file else None
    with on_signals() as signals:  # SIGTERM/SIGINT end the run cleanly from here on: key released, status written
        if job is not None:
            with contextlib.suppress(OSError):  # said once, by the final write, if the file stays unwritable
                job.started()
        try:
            return _turn(args, out, signals, job)
        except _ConfigError as err:
            sys.stderr.write(f"steadyloop: error: {err} (exit {EXIT_CONFIG})\n")
            return _fail(args, job, "config_error", str(err), EXIT_CONFIG)
        except UsageError as err:
            _fail(args, job, "usage_error", str(err), EXIT_USAGE)
            raise
        except TurnInterrupted as stop:  # before the turn began (waiting for the prompt on stdin)
            said = f"Stopped by {signal.Signals(stop.signum).name} before the turn began; nothing was sent."
            sys.stderr.write(f"steadyloop: {said}\n")
            return _fail(args, job, "interrupted", said, 128 + stop.signum)
        except Exception as err:  # a bug, or a fault of the environment: say it, record it, exit 70
            sys.stderr.write(redact(traceback.format_exc()))
            said = f"steadyloop stopped on an unexpected {type(err).__name__}: {err}"
            sys.stderr.write(f"steadyloop: error: {redact(said)} (exit {EXIT_CRASHED})\n")
            return _fail(args, job, "crashed", said, EXIT_CRASHED)


def _runs(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of runs (0 keeps none)")
    return int(text)


def add(sub: Any) -> None:
    """Register ``run``."""
    p = sub.add_parser("run", help="one turn through the configured chain; exit code per status")
    p.add_argument("prompt", nargs="?", help="the prompt; '-' reads it from stdin")
    p.add_argument("--prompt-file", help="read the prompt from this UTF-8 file (for prompts of any length)")
    p.add_argument("--config", help=CONFIG_HELP)
    p.add_argument("--model", help="start the chain at the entry with this model (the others stay as fallbacks)")
    p.add_argument("--system", help="a system prompt")
    p.add_argument("--history", help='earlier messages: a JSON file [{"role": "user", "content": "..."}, ...] '
                                     "(OpenAI, Anthropic or steadyloop's own shape)")
    p.add_argument("--stream", action="store_true", help="print the answer as it arrives")
    p.add_argument("--session", help="a conversation id (keeps the same key while healthy)")
    p.add_argument("--json", action="store_true", help="print the whole TurnResult as JSON")
    p.add_argument("--status-file", help="write the run's status there atomically on every exit path, and append "
                                         "it to NAME.history.jsonl beside it (for cron)")
    p.add_argument("--status-history", type=_runs, default=50, metavar="N",
                   help="runs kept in the status history (default 50; 0 keeps none)")
    p.set_defaults(func=_cmd_run)
