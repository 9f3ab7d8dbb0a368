"""The effects a turn yields (``Call``, ``Sleep``, ``RunTools``, ``Emit``, ``Answered``) and what a driver sends back.

``TurnLogic._turn`` (``agent._turn``) never performs I/O: it yields these, and the drivers of
``agent.conversation_loop`` perform them and send the ``Outcome`` (or the tool results) back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import events as ev
from .adapters import Adapter, ModelReply, ModelRequest
from .conversation import ToolCall
from .results import TurnResult

__all__ = ["Answered", "Call", "Effect", "Emit", "Outcome", "RunTools", "Sleep", "StreamEvent"]


@dataclass(frozen=True, slots=True)
class Call:
    adapter: Adapter
    client: Any
    request: ModelRequest
    stream: bool = False  # performed by stream(), which shows text as it arrives
    # seconds this call may take: the turn's deadline, less the fallback's reserve while a fallback may
    # follow; the drivers cut the call there, whatever upstream does (a drip, comments, chunks forever)
    time_left: float | None = None
    turn: ev.TurnRef = ev.NO_TURN  # the text deltas of a streamed call carry it
    turn_left: float | None = None  # seconds to the turn's own deadline (>= time_left)


@dataclass(frozen=True, slots=True)
class Sleep:
    seconds: float


@dataclass(frozen=True, slots=True)
class RunTools:
    calls: tuple[ToolCall, ...]
    time_left: float | None = None  # seconds to the turn's deadline: no tool runs past it


@dataclass(frozen=True, slots=True)
class Emit:
    event: ev.Event


@dataclass(frozen=True, slots=True)
class Answered:
    """A pass-through turn's last call answered for good (yielded by ``passthrough_turn`` only, before the key's
    success is recorded): the driver may hand the answer to its client now. What follows is the turn's
    bookkeeping (the success, its events, the result), which runs when the driver resumes the turn, and which
    the driver must let run whatever the hand-over raised; nothing else is yielded after it."""


@dataclass(frozen=True, slots=True)
class Outcome:
    raw: Any = None
    error: BaseException | None = None
    duration: float = 0.0
    reply: ModelReply | None = None  # already parsed (streams)
    delivered: int = 0  # characters of text shown to the reader before the outcome


Effect = Call | Sleep | RunTools | Emit | Answered
StreamEvent = ev.TextDelta | ev.Event | TurnResult
