"""``steadyloop classify`` (one error body) and ``steadyloop demo`` (real errors from the real SDKs)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TextIO

from ._common import UsageError

if TYPE_CHECKING:
    from ..error_classifier import ClassifiedError

__all__ = ["add", "explain"]


def explain(c: ClassifiedError) -> str:
    """One sentence on what the conversation loop does with this classification."""
    from ..error_classifier import Action

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
    from ..error_classifier import classify_api_error
    from ..testing.sdk_errors import exception_from_http

    if not 400 <= args.status <= 599:
        raise UsageError(f"--status {args.status}: an error status is 400-599 (a 200 answer is a soft failure)")
    body = _read_body(args.body, sys.stdin)
    api = args.api or _guess_api(body)
    error = exception_from_http(api, args.status, body, _parse_headers(args.header))
    rules = _operator_rules(args.rules)
    if args.explain:
        _print_explanation(error, args, rules, out)
        return 0
    c = classify_api_error(error, provider=args.provider, model=args.model, rules=rules)
    if args.json:
        out.write(json.dumps({**c.to_dict(), "sdk_exception": type(error).__name__, "loop": explain(c)}) + "\n")
        return 0
    _print_classification(c, type(error).__name__, out)
    return 0


def _operator_rules(path: str | None) -> tuple[Any, ...]:
    """The operator rules of --rules, else of $STEADYLOOP_RULES, else none."""
    from .._operator_rules import RulesFileError, load_rules

    path = path or os.environ.get("STEADYLOOP_RULES") or None
    if path is None:
        return ()
    try:
        return load_rules(path)
    except RulesFileError as err:
        raise UsageError(str(err)) from err


def _print_explanation(error: BaseException, args: argparse.Namespace, rules: tuple[Any, ...], out: TextIO) -> None:
    from ..error_classifier import explain_api_error

    f, tried, c = explain_api_error(error, provider=args.provider, model=args.model, rules=rules)
    sources = [name for name, _ in f.headers] + (["body: " + f.body_wait] if f.body_wait else [])
    out.write(
        f"facts:\n"
        f"  status:       {f.status} (HTTP {f.http_status}), kind {f.kind.value}\n"
        f"  error type:   {f.error_type or '-'}   error code: {f.error_code or '-'}\n"
        f"  codes:        {', '.join(sorted(f.codes)) or '-'}\n"
        f"  phrase tags:  {', '.join(sorted(f.tags)) or '-'}\n"
        f"  wait:         {'-' if f.wait is None else f'{f.wait:g} s'} "
        f"(sources: {', '.join(sources) or 'message text' if f.wait is not None else 'none'})\n"
        f"  x-should-retry: {f.server_retry}\n"
        f"rules tried ({len(tried)}):\n")
    for name in tried[:-1]:
        out.write(f"  no   {name}\n")
    out.write(f"  YES  {tried[-1]} -> {c.reason.value}\n\n")
    _print_classification(c, type(error).__name__, out)


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


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from ..error_classifier import classify_api_error
    from ..testing.error_shapes import SHAPES
    from ..testing.sdk_errors import exception_for

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


def add(sub: Any) -> None:
    """Register ``classify`` and ``demo``."""
    p = sub.add_parser("classify", help="classify one provider error response")
    p.add_argument("--status", type=int, required=True, help="HTTP status, 400-599")
    p.add_argument("--body", required=True, help="response body (JSON or text); '-' reads stdin")
    p.add_argument("--header", action="append", default=[], help="response header NAME:VALUE (repeatable)")
    p.add_argument("--provider", default="", help="provider name, for the record")
    p.add_argument("--model", default="", help="model name, for the record")
    p.add_argument("--api", choices=("openai", "anthropic"), help="which SDK receives it (default: guessed)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--rules", metavar="FILE", help="operator rules file (TOML), checked before the built-in table; "
                   "default $STEADYLOOP_RULES")
    p.add_argument("--explain", action="store_true",
                   help="print the facts extracted and every rule tried up to the one that decided")
    p.set_defaults(func=_cmd_classify)
    sub.add_parser("demo", help="classify real provider errors raised by the real SDKs").set_defaults(func=_cmd_demo)
