"""What the client is told: status, headers and error body of a finished pass-through turn.

One table maps the turn's status to the HTTP status a client SDK understands and to whether
retrying can help. ``x-should-retry: false`` stops the SDKs (and Claude Code, which retries up
to ten times) from amplifying a failure no retry can fix; ``retry-after`` is the longest wait
any failure of the turn announced, or the time until a key is back.

| turn status            | HTTP | x-should-retry | Anthropic error type    | OpenAI error type       |
| ---------------------- | ---- | -------------- | ----------------------- | ----------------------- |
| rate_limited           | 429  | true           | rate_limit_error        | rate_limit_exceeded     |
| quota_exhausted        | 429  | false          | rate_limit_error        | insufficient_quota      |
| provider_unavailable   | 529 / 503 | true      | overloaded_error        | server_error            |
| deadline_exceeded      | 504  | true           | timeout_error           | timeout                 |
| content_policy_blocked | 400  | false          | invalid_request_error   | invalid_request_error   |
| context_overflow       | 400  | false          | invalid_request_error   | invalid_request_error   |
| invalid_request        | 400  | false          | invalid_request_error   | invalid_request_error   |
| auth_failed            | 502  | false          | api_error               | upstream_auth_failed    |
| model_unavailable      | 503  | false          | api_error               | model_unavailable       |
| error, interrupted     | 502  | true           | api_error               | server_error            |

Anthropic clients get 529 for an unavailable provider (its own "overloaded" status), OpenAI
clients 503.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any, Final, NamedTuple

from .. import events as ev
from .._redact import redact
from ..chain import Api
from ..results import TurnResult, TurnStatus

__all__ = ["Refusal", "error_body", "refusal", "stream_error_event"]


class _Row(NamedTuple):
    status: int
    retry: bool
    anthropic: str
    openai: str


_S = TurnStatus
_TABLE: Final[dict[TurnStatus, _Row]] = {
    _S.rate_limited: _Row(429, True, "rate_limit_error", "rate_limit_exceeded"),
    _S.quota_exhausted: _Row(429, False, "rate_limit_error", "insufficient_quota"),
    _S.provider_unavailable: _Row(503, True, "overloaded_error", "server_error"),
    _S.deadline_exceeded: _Row(504, True, "timeout_error", "timeout"),
    _S.content_policy_blocked: _Row(400, False, "invalid_request_error", "invalid_request_error"),
    _S.context_overflow: _Row(400, False, "invalid_request_error", "invalid_request_error"),
    _S.invalid_request: _Row(400, False, "invalid_request_error", "invalid_request_error"),
    _S.auth_failed: _Row(502, False, "api_error", "upstream_auth_failed"),
    _S.model_unavailable: _Row(503, False, "api_error", "model_unavailable"),
    _S.error: _Row(502, True, "api_error", "server_error"),
    _S.interrupted: _Row(502, True, "api_error", "server_error"),
}
_DEFAULT: Final = _TABLE[_S.error]


class Refusal(NamedTuple):
    """A give-up, ready to send."""

    status: int
    headers: dict[str, str]
    body: bytes


def _retry_after(result: TurnResult, events: list[ev.Event], now: datetime) -> int | None:
    """The longest wait a failure announced, or until a key is back; whole seconds, rounded up."""
    hints = [e.retry_after for e in events if isinstance(e, ev.AttemptEnded) and e.retry_after]
    if result.retry_at is not None:
        hints.append((result.retry_at - now).total_seconds())
    longest = max((h for h in hints if h is not None and h > 0), default=None)
    return None if longest is None else max(1, math.ceil(longest))


def error_body(api: Api, kind: str, message: str) -> dict[str, Any]:
    """An error in the protocol's own JSON shape."""
    if api == "anthropic-messages":
        return {"type": "error", "error": {"type": kind, "message": message}}
    return {"error": {"message": message, "type": kind, "param": None, "code": kind}}


def refusal(api: Api, result: TurnResult, events: list[ev.Event], *, now: datetime | None = None) -> Refusal:
    """The response for a turn that did not answer: classified status, hints and the protocol's error body."""
    row = _TABLE.get(result.status, _DEFAULT)
    status = 529 if row.status == 503 and row.retry and api == "anthropic-messages" else row.status
    headers = {"x-should-retry": "true" if row.retry else "false"}
    wait = _retry_after(result, events, now or datetime.now(UTC))
    if wait is not None:
        headers["retry-after"] = str(wait)
    kind = row.anthropic if api == "anthropic-messages" else row.openai
    message = redact(result.final_response or result.status.value, limit=2000)
    return Refusal(status, headers, json.dumps(error_body(api, kind, message)).encode())


def stream_error_event(api: Api, result: TurnResult | None) -> bytes:
    """The protocol's own terminal error, for a stream that failed after its content began (or after
    keep-alives started the response): never a clean end."""
    row = _TABLE.get(result.status, _DEFAULT) if result is not None else _DEFAULT
    message = redact(result.final_response if result is not None else "the upstream stream failed", limit=2000)
    if api == "anthropic-messages":
        data = error_body(api, row.anthropic, message)
        return b"event: error\ndata: " + json.dumps(data).encode() + b"\n\n"
    if api == "openai-responses":
        response = {"id": "resp_steadyloop", "object": "response", "status": "failed", "output": [],
                    "error": {"code": "server_error", "message": message}}
        data = {"type": "response.failed", "sequence_number": 0, "response": response}
        return b"event: response.failed\ndata: " + json.dumps(data).encode() + b"\n\n"
    return b"data: " + json.dumps(error_body(api, row.openai, message)).encode() + b"\n\n"
