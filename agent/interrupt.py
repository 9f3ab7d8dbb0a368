"""Ending a turn cleanly on SIGTERM or SIGINT: the key is released and the result says so.

``on_signals()`` (``steadyloop run`` uses it) installs handlers for the signals while a turn runs.
A signal that arrives while the loop waits (an upstream call, a sleep, a tool) interrupts that wait
at once with ``TurnInterrupted``; one that arrives while the loop decides or writes shared state
is held until the next wait begins, so no store transaction is ever cut in half. The turn then
ends with status ``interrupted``, its lease released and its result whole (the CLI still prints
the answer and writes the status file). Signals reach Python's main thread only: turns run in
other threads are not interrupted.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Interrupts", "TurnInterrupted", "interruptible", "on_signals"]


class TurnInterrupted(BaseException):
    """A signal asked the process to stop while a turn was waiting (BaseException: nothing swallows it)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"interrupted by {signal.Signals(signum).name}")


@dataclass(slots=True)
class Interrupts:
    """Whether handlers are installed, whether a wait may be interrupted now, and the signal received."""

    installed: bool = False
    armed: bool = False
    signum: int | None = None


_STATE = Interrupts()


def _handler(signum: int, frame: Any) -> None:
    _STATE.signum = signum
    if _STATE.armed:  # only inside a wait: never in the middle of a decision or a store write
        _STATE.armed = False
        raise TurnInterrupted(signum)


@contextlib.contextmanager
def on_signals(signums: Sequence[int] = (signal.SIGTERM, signal.SIGINT)) -> Iterator[Interrupts]:
    """Turn these signals into a clean end of the running turn (main thread only; restored on exit)."""
    if threading.current_thread() is not threading.main_thread():
        yield _STATE
        return
    previous = {s: signal.signal(s, _handler) for s in signums}
    _STATE.installed, _STATE.signum = True, None
    try:
        yield _STATE
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        _STATE.installed = _STATE.armed = False


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """A wait that a received signal may cut short (raises TurnInterrupted, at once if one is pending)."""
    if not _STATE.installed or threading.current_thread() is not threading.main_thread():
        yield
        return
    if _STATE.signum is not None:
        raise TurnInterrupted(_STATE.signum)
    _STATE.armed = True
    try:
        yield
    finally:
        _STATE.armed = False
