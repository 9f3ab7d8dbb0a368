"""Events: frozen records hooks receive while a turn runs (a gateway can say "switching models").

The default hook logs each event through stdlib ``logging`` under ``steadyloop.loop``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass

__all__ = [
    "AttemptFailed",
    "AttemptStarted",
    "Compressed",
    "CredentialRotated",
    "Event",
    "FallbackActivated",
    "Hook",
    "RequestRepaired",
    "RetryScheduled",
    "StreamRestarted",
    "TextDelta",
    "ToolCallsRequested",
    "TurnFinished",
    "log_event",
]

log = logging.getLogger("steadyloop.loop")


@dataclass(frozen=True, slots=True)
class AttemptStarted:
    api: str
    model: str
    credential_id: str
    attempt: int


@dataclass(frozen=True, slots=True)
class AttemptFailed:
    api: str
    model: str
    credential_id: str
    reason: str
    rule: str
    status_code: int | None
    message: str


@dataclass(frozen=True, slots=True)
class CredentialRotated:
    model: str
    from_credential: str
    reason: str


@dataclass(frozen=True, slots=True)
class RetryScheduled:
    model: str
    wait: float
    reason: str
    credential_id: str | None


@dataclass(frozen=True, slots=True)
class RequestRepaired:
    model: str
    reason: str
    repair: str


@dataclass(frozen=True, slots=True)
class Compressed:
    model: str
    removed_messages: int
    reason: str


@dataclass(frozen=True, slots=True)
class FallbackActivated:
    from_model: str
    to_model: str
    to_api: str
    reason: str


@dataclass(frozen=True, slots=True)
class ToolCallsRequested:
    """The model asked for tools; they run now."""

    model: str
    tools: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TextDelta:
    """A piece of the answer, as it streams."""

    text: str


@dataclass(frozen=True, slots=True)
class StreamRestarted:
    """The stream failed after text was shown; the turn starts over elsewhere (discard what was shown)."""

    reason: str
    discarded_chars: int


@dataclass(frozen=True, slots=True)
class TurnFinished:
    status: str
    model: str | None
    attempts: int
    elapsed: float


Event = (AttemptStarted | AttemptFailed | CredentialRotated | RetryScheduled | RequestRepaired | Compressed
         | FallbackActivated | StreamRestarted | ToolCallsRequested | TurnFinished)
Hook = Callable[[Event], None]


def log_event(event: Event) -> None:
    """The default hook: one log line per event (ids only, never secrets)."""
    level = logging.INFO if isinstance(event, AttemptFailed | FallbackActivated | TurnFinished) else logging.DEBUG
    fields = " ".join(f"{k}={v}" for k, v in asdict(event).items())
    log.log(level, "%s %s", type(event).__name__, fields)
