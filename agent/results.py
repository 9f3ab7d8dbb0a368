"""What a turn produced: a status, a message fit to deliver, and a record of every attempt.

Exit codes of ``steadyloop run`` (one per terminal status)::

    0 ok   10 content_policy_blocked   11 quota_exhausted   12 rate_limited   13 auth_failed
    14 context_overflow   15 provider_unavailable   16 invalid_request   17 deadline_exceeded
    18 model_unavailable   19 error   130 interrupted (143 when by SIGTERM: 128 + the signal)

Runs that end without a result (``agent.cron``): 2 usage error, 70 crashed, 78 configuration error;
20 when the answer was printed but the status file could not be written.
"""

from __future__ import annotations

import enum
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ._taxonomy import FailoverReason
from .conversation import Message

__all__ = ["EXIT_CODES", "Attempt", "Note", "TurnResult", "TurnStatus", "status_for", "write_json_atomic",
           "write_status_file"]


class TurnStatus(enum.StrEnum):
    ok = "ok"
    content_policy_blocked = "content_policy_blocked"
    quota_exhausted = "quota_exhausted"
    rate_limited = "rate_limited"
    auth_failed = "auth_failed"
    context_overflow = "context_overflow"
    provider_unavailable = "provider_unavailable"
    invalid_request = "invalid_request"
    deadline_exceeded = "deadline_exceeded"
    model_unavailable = "model_unavailable"  # every key of the pool is suspended for this model only
    error = "error"
    interrupted = "interrupted"  # SIGTERM/SIGINT ended the turn (steadyloop run exits 128 + the signal)


EXIT_CODES = {
    TurnStatus.ok: 0, TurnStatus.content_policy_blocked: 10, TurnStatus.quota_exhausted: 11,
    TurnStatus.rate_limited: 12, TurnStatus.auth_failed: 13, TurnStatus.context_overflow: 14,
    TurnStatus.provider_unavailable: 15, TurnStatus.invalid_request: 16, TurnStatus.deadline_exceeded: 17,
    TurnStatus.model_unavailable: 18, TurnStatus.error: 19, TurnStatus.interrupted: 130,
}

_R = FailoverReason
_STATUS_OF = {
    _R.content_policy_blocked: TurnStatus.content_policy_blocked, _R.billing: TurnStatus.quota_exhausted,
    _R.rate_limit: TurnStatus.rate_limited, _R.auth: TurnStatus.auth_failed, _R.auth_permanent: TurnStatus.auth_failed,
    _R.context_overflow: TurnStatus.context_overflow, _R.payload_too_large: TurnStatus.context_overflow,
    _R.long_context_tier: TurnStatus.context_overflow, _R.overloaded: TurnStatus.provider_unavailable,
    _R.server_error: TurnStatus.provider_unavailable, _R.timeout: TurnStatus.provider_unavailable,
    _R.empty_response: TurnStatus.provider_unavailable, _R.stream_incomplete: TurnStatus.provider_unavailable,
    _R.malformed_response: TurnStatus.provider_unavailable, _R.transient: TurnStatus.provider_unavailable,
    _R.unknown: TurnStatus.error, _R.tls_untrusted: TurnStatus.error,
}


def status_for(reason: FailoverReason | None) -> TurnStatus:
    """The terminal status a failure reason maps to (request-shape reasons are invalid_request)."""
    if reason is None:
        return TurnStatus.ok
    return _STATUS_OF.get(reason, TurnStatus.invalid_request)


class Attempt(BaseModel):
    """One upstream call (and what the loop did after it)."""

    model_config = ConfigDict(frozen=True)

    api: str
    model: str
    credential_id: str | None
    outcome: str  # "ok", "tool_calls", or the failure reason
    status_code: int | None = None
    rule: str | None = None
    action: str  # what the loop did next: answered, repaired, rotated, retried, compressed, fell back, finished
    wait: float = 0.0
    duration: float = 0.0
    message: str = ""


class Note(BaseModel):
    """A step of the turn that made no upstream call: a wait for a key, a skip, a fallback from an empty pool."""

    model_config = ConfigDict(frozen=True)

    model: str
    action: str
    reason: str
    wait: float = 0.0


class TurnResult(BaseModel):
    """The outcome of one turn: always carries a message fit to deliver to a chat user."""

    model_config = ConfigDict(frozen=True)

    status: TurnStatus
    final_response: str
    failure_reason: FailoverReason | None = None
    retry_at: datetime | None = None
    provider: str | None = None
    model: str | None = None
    credential_id: str | None = None
    attempts: tuple[Attempt, ...] = ()  # upstream calls only, in order
    notes: tuple[Note, ...] = ()  # what the turn did without calling: waits for a key, skips, empty pools
    input_tokens: int = 0
    output_tokens: int = 0
    elapsed: float = 0.0
    finished_at: datetime
    messages: tuple[Message, ...] = ()  # what this turn added to the conversation (assistant and tool messages)
    # The whole conversation to pass back as the next turn's history= (system prompt, history, the prompt, the
    # answer), compressed if the turn compressed it; a prompt blocked by the provider's safety system is left out.
    history: tuple[Message, ...] = ()
    partial: bool = False  # a stream failed after some of the answer was shown
    truncated: bool = False  # the answer was cut by the output limit (length, max_tokens, incomplete)

    @property
    def ok(self) -> bool:
        return self.status is TurnStatus.ok

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    def last_status(self) -> dict[str, Any]:
        """The compact record a cron job stores."""
        failed = self.status is not TurnStatus.ok
        return {
            "status": self.status.value,
            "reason": self.failure_reason.value if self.failure_reason else None,
            "message": self.final_response[:500] if failed else "ok",
            "at": self.finished_at.isoformat(),
            "provider": self.provider,
            "model": self.model,
            "attempts": len(self.attempts),
            "elapsed": round(self.elapsed, 3),
            "exit_code": self.exit_code,
            "truncated": self.truncated,
            "retry_at": self.retry_at.isoformat() if self.retry_at else None,
        }


def write_status_file(result: TurnResult, path: str | Path) -> None:
    """Write ``result.last_status()`` as JSON atomically (a temp file in the same directory, then rename)."""
    write_json_atomic(result.last_status(), path)


def write_json_atomic(record: Any, path: str | Path) -> None:
    """Write ``record`` as indented JSON to ``path`` through a temp file and a rename: never half a file."""
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(record, out, indent=2)
            out.write("\n")
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def now_utc() -> datetime:
    return datetime.now(UTC)
