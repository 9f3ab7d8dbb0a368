"""The ``steadyloop`` command line: one sub-command per job, each in its own small function."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from typing import Any, Literal, TextIO

from .error_classifier import Action, ClassifiedError, classify_api_error

__all__ = ["main"]


class UsageError(Exception):
    """A bad command-line value; the message names the option and the fix."""


def explain(c: ClassifiedError) -> str:
    """One sentence on what the conversation loop does with this classification."""
    wait = f"{c.retry_after:g} s (the provider's hint)" if c.retry_after is not None else "a jittered backoff"
    if c.action is Action.rotate:
        return (f"Rotate: cool this {c.scope.value.replace('_', '+')} and retry at once with the next credential "
                f"of the same provider; fall back once the pool is empty.")
    if c.action is Action.retry:
        return f"Retry the same target after {wait}, within the attempt budget and deadline."
    if c.action is Action.repair:
        return f"Repair the request ({c.reason.value.replace('_', ' ')}) and resend it once."
    if c.action is Action.compress:
        return "Compress the conversation and resend; then fall back to a model with a larger window."
    if c.action is Action.fallback:
        return ("Do not resend this request here: move to the next model of the fallback chain, or tell the user "
                "plainly if none is configured.")
    return "Stop and tell the user why; nothing automatic will help."


# ------------------------------------------------------------------ classify


def _parse_headers(values: Sequence[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for raw in values:
        name, sep, value = raw.partition(":")
        if not sep or not name.strip():
            raise UsageError(f"--header {raw!r}: expected NAME:VALUE, for example --header retry-after:20")
        headers[name.strip().lower()] = value.strip()
    return headers


def _read_body(text: str, stdin: TextIO) -> Any:
    raw = stdin.read() if text == "-" else text
    stripped = raw.strip()
    if stripped[:1] not in ("{", "["):
        return raw  # plain-text bodies (HTML error pages, proxies) are real and classifiable
    try:
        return json.loads(stripped)
    except json.JSONDecodeError as err:
        raise UsageError(
            f"--body is not valid JSON ({err.msg}: line {err.lineno}, column {err.colno}); "
            "quote it for your shell, or pass --body - and pipe the body on stdin"
        ) from err


def _guess_api(body: Any) -> Literal["openai", "anthropic"]:
    if isinstance(body, dict) and body.get("type") == "error":
        return "anthropic"
    return "openai"


def _cmd_classify(args: argparse.Namespace, out: TextIO) -> int:
    from .testing.sdk_errors import exception_from_http

    if not 400 <= args.status <= 599:
        raise UsageError(f"--status {args.status}: an error status is 400-599 (a 200 answer is a soft failure)")
    body = _read_body(args.body, sys.stdin)
    api = args.api or _guess_api(body)
    error = exception_from_http(api, args.status, body, _parse_headers(args.header))
    c = classify_api_error(error, provider=args.provider, model=args.model)
    if args.json:
        out.write(json.dumps({**c.to_dict(), "sdk_exception": type(error).__name__, "loop": explain(c)}) + "\n")
        return 0
    _print_classification(c, type(error).__name__, out)
    return 0


def _print_classification(c: ClassifiedError, exc_name: str, out: TextIO) -> None:
    wait = f"{c.retry_after:g} s" if c.retry_after is not None else "none"
    hints = [name for name in ("retryable", "should_rotate_credential", "should_fallback", "should_compress")
             if getattr(c, name)]
    out.write(
        f"reason:    {c.reason.value}\n"
        f"scope:     {c.scope.value}\n"
        f"action:    {c.action.value}\n"
        f"hints:     {', '.join(hints) or 'none'}\n"
        f"wait:      {wait}\n"
        f"rule:      {c.rule}\n"
        f"sdk:       {exc_name} (status {c.status_code}, code {c.error_code or '-'})\n"
        f"message:   {c.message}\n"
        f"loop:      {explain(c)}\n"
    )


# ------------------------------------------------------------------ demo


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from .testing.error_shapes import SHAPES
    from .testing.sdk_errors import exception_for

    picks = ("anthropic_out_of_extra_usage", "deepseek_transient_400", "anthropic_model_not_on_plan",
             "openai_moderation_block", "openai_insufficient_quota", "anthropic_overloaded",
             "gemini_resource_exhausted", "openai_context_length")
    by_id = {shape.id: shape for shape in SHAPES}
    out.write("steadyloop demo: real provider errors, raised by the real SDKs, classified\n\n")
    for shape_id in picks:
        shape = by_id[shape_id]
        error = exception_for(shape)
        c = classify_api_error(error, provider=shape.provider)
        out.write(f"== {shape.id}  (HTTP {shape.status}, {type(error).__name__}; source: {shape.source})\n")
        _print_classification(c, type(error).__name__, out)
        out.write("\n")
    return 0


# ------------------------------------------------------------------ upstream


def _cmd_upstream(args: argparse.Namespace, out: TextIO) -> int:
    from .testing.emulator import Emulator, ScenarioError, list_scenarios

    if args.list:
        for name, description in list_scenarios().items():
            out.write(f"{name:32} {description}\n")
        return 0
    try:
        emulator = Emulator(args.scenario, host=args.host, port=args.port)
    except (ScenarioError, ValueError) as err:
        raise UsageError(str(err)) from err
    with emulator:
        keys = ", ".join(spec.label or "(unlabelled)" for spec in emulator.scenario.keys) or "any key"
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


# ------------------------------------------------------------------ run and drill


def _cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    from .config import ConfigError, build_loop
    from .results import write_status_file

    config = _load(args)
    try:
        loop = build_loop(config)
    except (ConfigError, ValueError) as err:
        raise UsageError(str(err)) from err
    result = loop.run(args.prompt, system=args.system, session=args.session)
    if args.status_file:
        write_status_file(result, args.status_file)
    out.write((result.model_dump_json(indent=2) if args.json else result.final_response) + "\n")
    return result.exit_code


def _cmd_chat(args: argparse.Namespace, out: TextIO) -> int:
    from .chat import Chat
    from .config import ConfigError, build_loop

    config = _load(args)
    try:
        loop = build_loop(config, hooks=())
    except (ConfigError, ValueError) as err:
        raise UsageError(str(err)) from err
    chat = Chat(loop, out=out)
    if args.model:
        chat.choose(args.model)
    return chat.run()


def _print_drill(report: Any, out: TextIO) -> None:
    out.write(f"== {report.scenario}: {report.description}\n")
    number = 0
    for turn_no, turn in enumerate(report.turns, 1):
        for a in turn.attempts:
            number += 1
            http = f"HTTP {a.status_code}, " if a.status_code else ""
            why = f" ({http}rule {a.rule})" if a.rule else ""
            wait = f", waited {a.wait:.2f} s" if a.wait else ""
            key = a.credential_id or "-"
            out.write(f"   {number:2}. turn {turn_no} {a.api} {a.model} {key} -> {a.outcome}{why}: {a.action}{wait}\n")
    verdict = "PASS" if report.passed else "FAIL"
    out.write(f"   {verdict} status {report.status} (expected {report.expected_status}), {report.calls} upstream "
              f"call(s) (minimum {report.min_calls}), {report.seconds:.2f} s, waits {report.waited:.2f} s\n")
    if report.status != "ok" and report.turns:
        out.write(f"   final response: {report.turns[-1].final_response}\n")
    out.write("\n")


def _cmd_drill(args: argparse.Namespace, out: TextIO) -> int:
    from .drill import run_drills
    from .testing.emulator import ScenarioError, list_scenarios

    names = list(list_scenarios()) if args.all or not args.scenarios else args.scenarios
    try:
        reports = run_drills(names, real_time=args.real_time)
    except ScenarioError as err:
        raise UsageError(str(err)) from err
    if args.json:
        out.write(json.dumps([r.to_dict() for r in reports], indent=2) + "\n")
    else:
        for report in reports:
            _print_drill(report, out)
        passed = sum(r.passed for r in reports)
        out.write(f"drills: {passed} of {len(reports)} at the minimum number of upstream calls with the expected "
                  "status\n")
    return 0 if all(r.passed for r in reports) else 1


# ------------------------------------------------------------------ pool


def _config_path(given: str | None) -> str:
    import os

    path = given or os.environ.get("STEADYLOOP_CONFIG") or "steadyloop.toml"
    if not os.path.exists(path):
        raise UsageError(f"--config {path}: no such file; pass --config FILE or set STEADYLOOP_CONFIG")
    return path


def _load(args: argparse.Namespace) -> Any:
    from .config import ConfigError, load_config

    try:
        return load_config(_config_path(args.config))
    except ConfigError as err:
        raise UsageError(str(err)) from err


def _cmd_pool_list(args: argparse.Namespace, out: TextIO) -> int:
    import time

    from .config import credential_ids, open_state

    config = _load(args)
    store, now = open_state(config.state), time.time()
    rows = []
    for name, pool in config.pools.items():
        if args.pool and name != args.pool:
            continue
        for state in store.read(name, credential_ids(name, pool), now).values():
            rows.append({"pool": name, **state.to_dict(), "status": state.status(now).value,
                         "available_in": max(0.0, state.cool_until - now) if not state.dead else None})
    if args.json:
        out.write(json.dumps({"store": store.description, "credentials": rows}) + "\n")
        return 0
    out.write(f"state: {store.description}\n")
    for row in rows:
        wait = "never (reset needed)" if row["available_in"] is None else f"{row['available_in']:.0f} s"
        out.write(f"{row['pool']}/{row['id']}: {row['status']}, available in {wait}, reason {row['reason'] or '-'}, "
                  f"uses {row['uses']}, ok {row['successes']}, failed {row['failures']}, "
                  f"in flight {row['in_flight']}\n")
        for model, suspension in row["suspensions"].items():
            out.write(f"    {model}: suspended {max(0.0, suspension['until'] - now):.0f} s ({suspension['reason']})\n")
    return 0


def _cmd_pool_reset(args: argparse.Namespace, out: TextIO) -> int:
    from .config import credential_ids, open_state

    config = _load(args)
    store = open_state(config.state)
    pools = [p for p in config.pools if not args.pool or p == args.pool]
    if args.pool and not pools:
        raise UsageError(f"--pool {args.pool}: no such pool; configured: {sorted(config.pools)}")
    total = 0
    for name in pools:
        if args.id is not None and args.id not in credential_ids(name, config.pools[name]):
            continue
        total += store.reset(name, args.id, args.model)
    if args.id is not None and total == 0:
        raise UsageError(f"credential {args.id!r} has no state in {', '.join(pools)}")
    out.write(f"reset {total} credential state(s){' for model ' + args.model if args.model else ''}\n")
    return 0


# ------------------------------------------------------------------ release notes


def _cmd_release_notes(args: argparse.Namespace, out: TextIO) -> int:
    from .release_notes import render_release_notes

    out.write(render_release_notes(args.since, repo=args.repo, author_map=args.author_map))
    return 0


# ------------------------------------------------------------------ wiring


def _add_classify(sub: Any) -> None:
    p = sub.add_parser("classify", help="classify one provider error response")
    p.add_argument("--status", type=int, required=True, help="HTTP status, 400-599")
    p.add_argument("--body", required=True, help="response body (JSON or text); '-' reads stdin")
    p.add_argument("--header", action="append", default=[], help="response header NAME:VALUE (repeatable)")
    p.add_argument("--provider", default="", help="provider name, for the record")
    p.add_argument("--model", default="", help="model name, for the record")
    p.add_argument("--api", choices=("openai", "anthropic"), help="which SDK receives it (default: guessed)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=_cmd_classify)
    sub.add_parser("demo", help="classify real provider errors raised by the real SDKs").set_defaults(func=_cmd_demo)


def _add_loop(sub: Any) -> None:
    p = sub.add_parser("run", help="one turn through the configured chain; exit code per status")
    p.add_argument("prompt")
    p.add_argument("--config", help="configuration file (default: $STEADYLOOP_CONFIG or ./steadyloop.toml)")
    p.add_argument("--system", help="a system prompt")
    p.add_argument("--session", help="a conversation id (keeps the same key while healthy)")
    p.add_argument("--json", action="store_true", help="print the whole TurnResult as JSON")
    p.add_argument("--status-file", help="write last_status() there atomically (for cron)")
    p.set_defaults(func=_cmd_run)
    p = sub.add_parser("chat", help="an interactive session with streamed answers and a live status line")
    p.add_argument("--config", help="configuration file (default: $STEADYLOOP_CONFIG or ./steadyloop.toml)")
    p.add_argument("--model", help="start with this chain entry as the primary")
    p.set_defaults(func=_cmd_chat)
    p = sub.add_parser("drill", help="run emulator scenarios through the loop; timeline and verdict each")
    p.add_argument("scenarios", nargs="*", help="scenario names (default: all)")
    p.add_argument("--all", action="store_true", help="every shipped scenario")
    p.add_argument("--json", action="store_true")
    p.add_argument("--real-time", action="store_true", help="really sleep the waits (default: record them)")
    p.set_defaults(func=_cmd_drill)


def _add_upstream(sub: Any) -> None:
    p = sub.add_parser("upstream", help="run the provider emulator on 127.0.0.1")
    p.add_argument("--scenario", default="healthy", help="a shipped scenario name or a TOML/JSON file")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    p.add_argument("--host", default="127.0.0.1", help="a loopback address")
    p.add_argument("--seconds", type=float, default=None, help="stop after this long (default: until Ctrl-C)")
    p.add_argument("--list", action="store_true", help="list the shipped scenarios and exit")
    p.set_defaults(func=_cmd_upstream)


def _add_pool(sub: Any) -> None:
    config_help = "configuration file (default: $STEADYLOOP_CONFIG or ./steadyloop.toml)"
    p = sub.add_parser("pool", help="inspect or reset shared credential state")
    pool_sub = p.add_subparsers(dest="pool_command", required=True)
    q = pool_sub.add_parser("list", help="each credential's status, wait, reason, suspensions and counts")
    q.add_argument("--config", help=config_help)
    q.add_argument("--pool", help="only this pool")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_cmd_pool_list)
    q = pool_sub.add_parser("reset", help="clear cooldowns, deaths and suspensions")
    q.add_argument("id", nargs="?", help="one credential id (default: all)")
    q.add_argument("--model", help="only this model's suspension")
    q.add_argument("--pool", help="only this pool")
    q.add_argument("--config", help=config_help)
    q.set_defaults(func=_cmd_pool_reset)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="steadyloop", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_add_classify, _add_loop, _add_upstream, _add_pool):
        add(sub)
    p = sub.add_parser("release-notes", help="release notes since a tag or commit, credited via AUTHOR_MAP")
    p.add_argument("since", help="tag or commit to start after (exclusive)")
    p.add_argument("--repo", default=".", help="git checkout (default: .)")
    p.add_argument("--author-map", default=None, help="AUTHOR_MAP path (default: REPO/AUTHOR_MAP)")
    p.set_defaults(func=_cmd_release_notes)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
