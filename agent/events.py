"""Events: frozen records hooks receive while a turn runs (a gateway can say "switching models").

Every event, text deltas included, carries its ``turn`` (a random id and the caller's session;
also as ``event.session`` and ``event.turn_id``), so one hook can follow many concurrent turns
and a bot knows which chat a "retrying in 12 s" belongs to. A hook may be ``async def``:
``arun``/``astream`` await it before the turn goes on (a failing one is logged and ignored);
under ``run``/``stream`` it is run to completion with ``asyncio.run``. A turn's events, in order::

    TurnStarted
    ( AttemptStarted  [AttemptFailed]  AttemptEnded          one per upstream call
      [RequestRepaired | CredentialRotated | RetryScheduled | Compressed | FallbackActivated
       | StreamRestarted | ToolCallsRequested] )*
    TurnFinished

``AttemptEnded`` is the row of ``TurnResult.attempts`` as it is written: what happened and what
the loop did next; steps that make no upstream call (a wait for a key, a fallback from an empty
pool) are the result's ``notes``, announced by ``RetryScheduled`` / ``FallbackActivated``. A sleep
starts at ``RetryScheduled`` and tools run after ``ToolCallsRequested``; each lasts until the
turn's next event. Events never carry a key or message contents, with one opt-in exception:
``AttemptContent`` (the messages sent and the answer, just before ``AttemptEnded``) goes only to
hooks whose ``records_content`` attribute is ``True`` (``Tracing(record_content=True)``); every
other hook never sees it.

The default hook logs each event through stdlib ``logging`` under ``steadyloop.loop``: one INFO
line per ``AttemptEnded`` and per ``TurnFinished``, everything else at DEBUG, with ``session``,
``turn_id``, ``attempt``, ``credential``, ``model``, ``reason``, ``action`` and ``wait`` attached
to the record (``log_fields``; formatters in ``agent.observability.logs``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from .conversation import Message

__all__ = [
    "NO_TURN",
    "AttemptAction",
    "AttemptContent",
    "AttemptEnded",
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
    "TurnRef",
    "TurnStarted",
    "describe",
    "log_event",
    "log_fields",
]

log = logging.getLogger("steadyloop.loop")

AttemptAction = Literal["answered", "tools", "repair", "rotate", "retry", "compress", "fallback", "finish",
                        "partial", "wait", "cancelled", "interrupted"]
"""What the loop did after an attempt (a closed set: safe as a metric label)."""


@dataclass(frozen=True, slots=True)
class TurnRef:
    """Which turn an event belongs to: a random id, and the caller's conversation id (``session``)."""

    id: str
    session: str | None = None


NO_TURN = TurnRef("")


class _OfTurn:
    """``session`` and ``turn_id`` of any event, read from its ``turn``."""

    __slots__ = ()
    turn: TurnRef

    @property
    def session(self) -> str | None:
        """The caller's conversation id given to ``run(session=...)`` (None when not given)."""
        return self.turn.session

    @property
    def turn_id(self) -> str:
        """The turn's random id (16 hex digits)."""
        return self.turn.id


@dataclass(frozen=True, slots=True)
class TurnStarted(_OfTurn):
    """A turn begins on the first entry of the chain."""

    turn: TurnRef
    api: str
    model: str
    streaming: bool


@dataclass(frozen=True, slots=True)
class AttemptStarted(_OfTurn):
    """An upstream call is about to be sent (``attempt`` counts the turn's calls from 1)."""

    api: str
    model: str
    credential_id: str
    attempt: int
    provider: str = ""
    server_address: str = ""
    server_port: int | None = None
    fallback_hop: int = 0  # index of the chain entry: 0 primary, 1 first fallback ...
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class AttemptEnded(_OfTurn):
    """An attempt's row is recorded: its outcome and the loop's next action (``detail`` as shown to users)."""

    turn: TurnRef
    attempt: int
    api: str
    provider: str
    model: str
    credential_id: str | None
    outcome: str  # "ok", "tool_calls", or the classified reason
    action: AttemptAction
    detail: str
    wait: float
    duration: float
    fallback_hop: int
    status_code: int | None = None
    rule: str | None = None
    scope: str | None = None
    retry_after: float | None = None
    delivered: int = 0  # characters already streamed to the reader when it failed
    response_model: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0
    finish_reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AttemptFailed(_OfTurn):
    api: str
    model: str
    credential_id: str
    reason: str
    rule: str
    status_code: int | None
    message: str
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class CredentialRotated(_OfTurn):
    model: str
    from_credential: str
    reason: str
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class RetryScheduled(_OfTurn):
    model: str
    wait: float
    reason: str
    credential_id: str | None
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class RequestRepaired(_OfTurn):
    model: str
    reason: str
    repair: str
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class Compressed(_OfTurn):
    model: str
    removed_messages: int
    reason: str
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class FallbackActivated(_OfTurn):
    from_model: str
    to_model: str
    to_api: str
    reason: str
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class ToolCallsRequested(_OfTurn):
    """The model asked for tools; they run now."""

    model: str
    tools: tuple[str, ...]
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class TextDelta(_OfTurn):
    """A piece of the answer, as it streams."""

    text: str
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True, repr=False)
class AttemptContent(_OfTurn):
    """The conversation an attempt sent and the answer it got (None on a failure).

    Delivered only to hooks that opt in with ``records_content = True``, right before the
    attempt's ``AttemptEnded``; its repr names the sizes, never the text.
    """

    turn: TurnRef
    attempt: int
    model: str
    input_messages: tuple[Message, ...]
    output: Message | None

    def __repr__(self) -> str:
        return (f"AttemptContent(attempt={self.attempt}, model={self.model!r}, "
                f"{len(self.input_messages)} input message(s), output={'yes' if self.output else 'none'})")


@dataclass(frozen=True, slots=True)
class StreamRestarted(_OfTurn):
    """The stream failed after text was shown; the turn starts over elsewhere (discard what was shown)."""

    reason: str
    discarded_chars: int
    turn: TurnRef = NO_TURN


@dataclass(frozen=True, slots=True)
class TurnFinished(_OfTurn):
    status: str
    model: str | None
    attempts: int
    elapsed: float
    reason: str | None = None  # the failure reason when the turn did not answer
    input_tokens: int = 0
    output_tokens: int = 0
    partial: bool = False
    turn: TurnRef = NO_TURN


Event = (TurnStarted | AttemptStarted | AttemptFailed | AttemptEnded | CredentialRotated | RetryScheduled
         | RequestRepaired | Compressed | FallbackActivated | StreamRestarted | ToolCallsRequested | TurnFinished
         | AttemptContent)
Hook = Callable[[Event], Awaitable[None] | None]
"""A callable receiving each event; ``async def`` hooks are awaited by ``arun``/``astream``."""


_ACTION_OF: dict[type, str] = {CredentialRotated: "rotate", RetryScheduled: "retry", FallbackActivated: "fallback",
                               Compressed: "compress", RequestRepaired: "repair", StreamRestarted: "restart",
                               ToolCallsRequested: "tools"}


def log_fields(event: Event) -> dict[str, object]:
    """The structured fields of a log record about ``event`` (ids, never secrets or contents)."""
    get = getattr
    ended = event if isinstance(event, AttemptEnded) else None
    return {
        "session": event.turn.session, "turn_id": event.turn.id or None,
        "attempt": get(event, "attempt", None),
        "credential": get(event, "credential_id", None) or get(event, "from_credential", None),
        "model": get(event, "model", None) or get(event, "from_model", None),
        "reason": ended.outcome if ended else get(event, "reason", None),
        "action": ended.action if ended else _ACTION_OF.get(type(event)),
        "wait": get(event, "wait", None),
    }


def describe(event: Event) -> str:
    """One line: for an attempt, what failed and what the loop did next; for a turn, how it ended."""
    if isinstance(event, AttemptEnded):
        failed = "" if event.outcome in ("ok", "tool_calls") else (
            f" ({event.status_code or '-'}, rule {event.rule or '-'})")
        wait = f" ({event.wait:.3g} s)" if event.wait else ""
        return (f"attempt {event.attempt} {event.model} key {event.credential_id or '-'}: {event.outcome}{failed}"
                f" -> {event.detail}{wait} [{event.duration * 1000:.0f} ms]")
    if isinstance(event, TurnFinished):
        why = f" ({event.reason})" if event.reason else ""
        return (f"turn {event.status}{why} on {event.model or '-'} after {event.attempts} attempt(s) "
                f"in {event.elapsed:.3g} s")
    if isinstance(event, AttemptContent):
        return repr(event)  # sizes only: contents never reach a log line
    fields = " ".join(f"{k}={v}" for k, v in asdict(event).items() if k != "turn")
    return f"{type(event).__name__} {fields}"


_LOGGED_AT_INFO: Final = (AttemptEnded, TurnFinished)


def log_event(event: Event) -> None:
    """The default hook: one INFO line per attempt and per turn, other events at DEBUG (never secrets)."""
    level = logging.INFO if isinstance(event, _LOGGED_AT_INFO) else logging.DEBUG
    if log.isEnabledFor(level):
        log.log(level, "%s", describe(event), extra=log_fields(event))
