"""``steadyloop run``: one turn through the configured chain, exit code per status."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from ._common import CONFIG_HELP, UsageError, load_config_arg

if TYPE_CHECKING:
    from ..config import SteadyConfig
    from ..conversation import Message
    from ..conversation_loop import ConversationLoop
    from ..results import TurnResult

__all__ = ["STATUS_FILE_FAILED", "add", "load_history", "read_prompt"]


def load_history(path: str) -> tuple[Message, ...]:
    """Messages from a JSON file: a list of ``{"role", "text"}`` (or OpenAI-style ``"content"``) objects."""
    from pydantic import ValidationError

    from ..conversation import Message

    try:
        data = json.loads(Path(path).expanduser().read_text(encoding="utf-8"))
    except OSError as err:
        raise UsageError(f"--history {path}: cannot read it ({err.strerror})") from err
    except json.JSONDecodeError as err:
        raise UsageError(f"--history {path}: not JSON ({err.msg}, line {err.lineno})") from err
    if not isinstance(data, list):
        raise UsageError(f"--history {path}: expected a JSON list of messages like "
                         '[{"role": "user", "text": "..."}, {"role": "assistant", "text": "..."}]')
    messages = []
    for i, item in enumerate(data):
        try:
            messages.append(Message.model_validate(_openai_style(item)))
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "message"
            raise UsageError(f"--history {path}: message {i}: {where}: {first['msg']}") from err
    return tuple(messages)


def _openai_style(item: Any) -> Any:
    """``{"role", "content": "..."}`` (the OpenAI shape) as the neutral ``{"role", "text"}``."""
    if isinstance(item, dict) and isinstance(item.get("content"), str) and "text" not in item:
        return {**{k: v for k, v in item.items() if k != "content"}, "text": item["content"]}
    return item


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


def _write_status(result: TurnResult, path: str) -> int | None:
    """Write the status file; on failure say so (the answer is already printed) and give its exit code."""
    from ..results import write_status_file

    try:
        write_status_file(result, path)
    except OSError as err:
        sys.stderr.write(f"steadyloop: error: --status-file {path}: cannot write it ({err.strerror or err}); the "
                         f"answer was printed; choose a writable file path (exit {STATUS_FILE_FAILED})\n")
        return STATUS_FILE_FAILED
    return None


def _cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    from ..config import ConfigError, build_loop
    from ..interrupt import on_signals
    from ..results import TurnStatus

    args.prompt = read_prompt(args, sys.stdin.buffer)
    if args.stream and args.json:
        raise UsageError("--stream prints the answer as it arrives and --json prints the result at the end; "
                         "choose one")
    config = _chosen(load_config_arg(args), args.model)
    history = load_history(args.history) if args.history else ()
    try:
        loop = build_loop(config)
    except (ConfigError, ValueError) as err:
        raise UsageError(str(err)) from err
    with on_signals() as signals:  # SIGTERM/SIGINT end the turn cleanly: key released, answer and status written
        if args.stream:
            result = _streamed(loop, args, history, out)
        else:
            result = loop.run(args.prompt, history=history, system=args.system, session=args.session)
            out.write((result.model_dump_json(indent=2) if args.json else result.final_response) + "\n")
        received = signals.signum
    if args.status_file:
        out.flush()  # the answer first, whatever happens to the status file
        failed = _write_status(result, args.status_file)
        if failed is not None:
            return failed
    if result.status is TurnStatus.interrupted and received is not None:
        return 128 + received  # as a shell reports a command ended by that signal
    return result.exit_code


def add(sub: Any) -> None:
    """Register ``run``."""
    p = sub.add_parser("run", help="one turn through the configured chain; exit code per status")
    p.add_argument("prompt", nargs="?", help="the prompt; '-' reads it from stdin")
    p.add_argument("--prompt-file", help="read the prompt from this UTF-8 file (for prompts of any length)")
    p.add_argument("--config", help=CONFIG_HELP)
    p.add_argument("--model", help="start the chain at the entry with this model (the others stay as fallbacks)")
    p.add_argument("--system", help="a system prompt")
    p.add_argument("--history", help='earlier messages: a JSON file [{"role": "user", "text": "..."}, ...]')
    p.add_argument("--stream", action="store_true", help="print the answer as it arrives")
    p.add_argument("--session", help="a conversation id (keeps the same key while healthy)")
    p.add_argument("--json", action="store_true", help="print the whole TurnResult as JSON")
    p.add_argument("--status-file", help="write last_status() there atomically (for cron)")
    p.set_defaults(func=_cmd_run)
