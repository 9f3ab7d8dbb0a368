"""WAL checkpoints for SQLite state files, off the hot path: one background thread per process.

SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages, and with
``synchronous=NORMAL`` that checkpoint is the only step that syncs: a 2-9 ms spike in some
unlucky turn. Stores turn it off (``wal_autocheckpoint=0``) and mark themselves dirty on every
commit; this thread wakes every ``INTERVAL`` seconds and runs a ``PASSIVE`` checkpoint (it never
waits for, nor blocks, a writer) for each dirty store, on a connection of its own.
``journal_size_limit`` then truncates the WAL after it restarts, so the file stays near
``WAL_LIMIT`` bytes. Should the thread ever fall behind (``BACKSTOP`` commits without a
checkpoint), the committing store checkpoints itself once: a bound, not the normal path.

Fork: the thread does not survive ``fork()``; the next commit in the child starts a new one, and
the fork hooks of ``sqlite`` close the checkpoint connections with the store's own.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

__all__ = ["BACKSTOP", "INTERVAL", "WAL_LIMIT", "Checkpointer"]

log = logging.getLogger("steadyloop.state")
INTERVAL: Final = 1.0  # seconds between background checkpoints of a store that committed
WAL_LIMIT: Final = 4 * 1024 * 1024  # bytes the WAL is truncated to after a checkpoint
BACKSTOP: Final = 8_192  # commits without a checkpoint after which the committing store does one


class Checkpointer:
    """The stores with commits not yet checkpointed, and the thread that checkpoints them."""

    def __init__(self, *, interval: float = INTERVAL, sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval, self._sleep = interval, sleep
        self._dirty: weakref.WeakSet[SQLiteStore] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()
        # A fork while the thread holds the lock would leave it held forever in the child.
        os.register_at_fork(before=self._lock.acquire, after_in_parent=self._lock.release,
                            after_in_child=self._lock.release)

    def mark(self, store: SQLiteStore) -> None:
        """``store`` committed: checkpoint it at the next wake-up (starting the thread if needed)."""
        with self._lock:
            self._dirty.add(store)
            if self._thread is None or self._pid != os.getpid():
                self._pid = os.getpid()
                self._thread = threading.Thread(target=self._run, name="steadyloop-sqlite-checkpoint", daemon=True)
                self._thread.start()

    def run_once(self) -> int:
        """Checkpoint every dirty store now; how many were checkpointed."""
        with self._lock:
            stores = list(self._dirty)
            self._dirty.clear()
        done = 0
        for store in stores:
            try:
                store.checkpoint()
                done += 1
            except (sqlite3.Error, OSError) as err:  # a busy or vanished file: the next wake-up tries again
                log.debug("steadyloop: checkpoint of %s deferred: %s", store.path, err)
                with self._lock:
                    self._dirty.add(store)
        return done

    def _run(self) -> None:
        while True:
            self._sleep(self.interval)
            with contextlib.suppress(Exception):  # never let a checkpoint kill the thread
                self.run_once()
