"""The turn's deadline as a hard bound on the call in flight (no HTTP imports: cheap to load).

``deadline(seconds)`` sets, for this thread or asyncio task, the monotonic time at which every
socket operation of steadyloop's HTTP clients (``agent._http``) fails; ``deadline_reached`` tells
whether an SDK error was that cut, so the turn can say so instead of quoting the provider.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

__all__ = ["deadline", "deadline_reached", "time_left"]

_DEADLINE: ContextVar[float | None] = ContextVar("steadyloop_call_deadline", default=None)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Calls made inside (in this thread or task) end at most ``seconds`` from now."""
    token = _DEADLINE.set(time.monotonic() + max(0.0, seconds))
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):  # a stream closed from another context: nothing to restore there
            _DEADLINE.reset(token)


def time_left() -> float | None:
    """Seconds to the current call's deadline (negative once passed); None outside ``deadline``."""
    end = _DEADLINE.get()
    return None if end is None else end - time.monotonic()


def deadline_reached(exc: BaseException | None) -> bool:
    """Whether ``exc`` (an SDK or HTTP error) was caused by the deadline (walks causes, cycle-safe)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if getattr(exc, "steadyloop_deadline", False):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
