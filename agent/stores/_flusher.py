"""Deferred success outcomes, applied off the turn: one background thread per process.

A success (``finish_later``: the call worked, release the lease and count it) changes nothing any
other process must see before it picks a key: it clears no cooldown a failure needs and frees a
lease (which only ever made a cap stricter). So SQLite and Redis stores do not pay a transaction or
a round trip for it inside the turn: they keep it and apply it in front of their next operation in
this process (the same transaction, the same network write), so this process always sees its own
outcomes in order. If no operation comes, this thread applies it after ``DELAY`` seconds; a store's
``close()`` and the interpreter's exit apply what is left. Failures are never deferred.

Fork: a child starts with nothing pending (its parent applies its own), and starts its own thread
when it first defers an outcome.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable
from typing import Final, Protocol

__all__ = ["DELAY", "FLUSHER", "PAUSED", "Flushable", "Flusher"]

log = logging.getLogger("steadyloop.state")
DELAY: Final = 0.05  # seconds a deferred success waits for the store's next operation before it is applied alone


class Flushable(Protocol):
    def flush(self) -> None:
        """Apply every deferred outcome now."""
        ...


class Flusher:
    """The stores holding deferred outcomes, and the thread that applies them after ``delay``."""

    def __init__(self, *, delay: float = DELAY, sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay, self._sleep = delay, sleep
        self._waiting: weakref.WeakSet[Flushable] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()
        os.register_at_fork(before=self._lock.acquire, after_in_parent=self._lock.release,
                            after_in_child=self._lock.release)

    def mark(self, store: Flushable) -> None:
        """``store`` holds a deferred outcome: apply it within ``delay`` unless the store does first."""
        with self._lock:
            self._waiting.add(store)
            if self._thread is None or self._pid != os.getpid():
                self._pid, self._wake = os.getpid(), threading.Event()
                self._thread = threading.Thread(target=self._run, name="steadyloop-state-flush", daemon=True)
                self._thread.start()
        if not self._wake.is_set():  # set and not yet cleared: the thread's next flush, after its clear, takes this
            self._wake.set()

    def run_once(self) -> int:
        """Flush every marked store now; how many were flushed."""
        with self._lock:
            stores = list(self._waiting)
            self._waiting.clear()
        for store in stores:
            try:
                store.flush()
            except Exception as err:  # a store that fails degrades on its next operation; never kill the thread
                log.debug("steadyloop: applying deferred outcomes to a state store failed: %s", err)
        return len(stores)

    def _run(self) -> None:
        wake = self._wake
        while True:
            wake.wait()
            wake.clear()
            self._sleep(self.delay)
            with contextlib.suppress(Exception):
                self.run_once()


FLUSHER: Final = Flusher()
atexit.register(FLUSHER.run_once)


def _forever(_: float) -> None:
    threading.Event().wait()


PAUSED: Final = Flusher(sleep=_forever)  # for tests: its thread never flushes (run_once does, when asked)
