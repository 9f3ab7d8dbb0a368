"""Ending a turn cleanly on SIGTERM or SIGINT: the key is released and the result says so.

``on_signals()`` (``steadyloop run`` uses it) installs handlers for the signals while a turn runs.
A signal that arrives while the loop waits (an upstream call, a sleep, a tool) interrupts that wait
at once with ``TurnInterrupted``; one that arrives while the loop decides or writes shared state
is held until the next wait begins, so no store transaction is ever cut in half. The turn then
ends with status ``interrupted``, its lease released and its result whole (the CLI still prints
the answer and writes the status file). Signals reach Python's main thread only: turns run in
other threads are not interrupted. A signal landing just before a blocking call starts (a sleep, a
socket wait) would otherwise be acted on only when that call ends; a wakeup socket and a small
thread wake the main thread for it at once (``agent._signal_kick``).

Inside a running event loop (``with on_signals(): await loop.arun(...)``) the handlers are the
loop's own (``loop.add_signal_handler``), so a signal never raises in the middle of the loop's
machinery: it cancels, inside its own task, the wait every ``arun``/``astream`` turn is in
(``await_interruptible``: a call, a sleep, the next streamed chunk), and the turn ends as above.
Every turn of the loop ends, not only one.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Awaitable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ._signal_kick import Kicker

__all__ = ["Interrupts", "TurnInterrupted", "await_interruptible", "interruptible", "on_signals"]

T = TypeVar("T")


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
    loop: asyncio.AbstractEventLoop | None = None  # the event loop whose handlers are installed (async turns)


_STATE = Interrupts()
_WAITING: set[asyncio.Task[Any]] = set()  # async turns' tasks inside await_interruptible now
_CANCELLED: set[asyncio.Task[Any]] = set()  # of those, the ones a signal cancelled
_KICKER: list[Kicker] = []  # the sync handlers' wakeup thread, while installed


def _handler(signum: int, frame: Any) -> None:
    _STATE.signum = signum
    for kicker in _KICKER:
        kicker.handled()
    if _STATE.armed:  # only inside a wait: never in the middle of a decision or a store write
        _STATE.armed = False
        raise TurnInterrupted(signum)


@contextlib.contextmanager
def on_signals(signums: Sequence[int] = (signal.SIGTERM, signal.SIGINT)) -> Iterator[Interrupts]:
    """Turn these signals into a clean end of the running turn(s) (main thread only; restored on exit).

    Entered inside a running event loop, it ends every async turn of that loop instead.
    """
    if threading.current_thread() is not threading.main_thread():
        yield _STATE
        return
    try:
        running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    previous = {s: signal.getsignal(s) for s in signums}
    if running is None:
        for s in signums:
            signal.signal(s, _handler)
        kicker = Kicker(signums)
        if kicker.start():  # a signal landing just before a blocking call starts still ends that call at once
            _KICKER.append(kicker)
    else:
        _STATE.loop = running
        for s in signums:
            running.add_signal_handler(s, _received, s)
    _STATE.installed, _STATE.signum = True, None
    try:
        yield _STATE
    finally:
        while _KICKER:  # no kick may outlive our handlers
            _KICKER.pop().stop()
        for s, handler in previous.items():
            if running is not None:
                running.remove_signal_handler(s)
            if handler is not None:  # None: a handler installed outside Python, which cannot be put back
                signal.signal(s, handler)
        _STATE.installed = _STATE.armed = False
        _STATE.loop = None


def _received(signum: int) -> None:
    """The event loop's handler: remember the signal and cancel every async turn's wait in progress.

    It runs between task steps, so each waiting task is suspended inside its wait: the
    cancellation lands there, in that task (like ``asyncio.timeout``), never anywhere else.
    """
    _STATE.signum = signum
    for task in list(_WAITING):
        _WAITING.discard(task)
        _CANCELLED.add(task)
        task.cancel()


async def await_interruptible(awaitable: Awaitable[T]) -> T:
    """Await a wait of an async turn; a signal received (now or before) ends it with TurnInterrupted."""
    task = asyncio.current_task() if _STATE.loop is not None else None
    if task is None or task.get_loop() is not _STATE.loop:
        return await awaitable
    if _STATE.signum is not None:
        close = getattr(awaitable, "close", None)
        if close is not None:
            close()  # never started: no "never awaited" warning
        raise TurnInterrupted(_STATE.signum)
    _WAITING.add(task)
    try:
        return await awaitable
    except asyncio.CancelledError:
        if task not in _CANCELLED:
            raise  # someone else's cancellation: theirs to handle
        _CANCELLED.discard(task)
        task.uncancel()
        raise TurnInterrupted(_STATE.signum or signal.SIGTERM) from None
    finally:
        _WAITING.discard(task)
        if task in _CANCELLED:  # the wait ended although cancelled (swallowed inside): the next wait raises
            _CANCELLED.discard(task)
            task.uncancel()


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
