"""Waking the main thread out of a blocking call for a signal whose Python handler is still pending.

CPython runs a Python signal handler only when the main thread next checks for signals. A signal
that lands after that check but before a blocking system call starts (``time.sleep``, a socket's
``poll``) does not interrupt the call: its handler waits until the call ends on its own, a whole
retry sleep or the rest of an upstream call later. ``Kicker`` closes that window with the
self-pipe trick: the C-level handler writes the signal's number to a socket (``set_wakeup_fd``),
a daemon thread reading it sends the same signal to the main thread (``pthread_kill``) until the
Python handler reports it ran. A kick interrupts the blocking call (EINTR) and CPython then runs
the handler; a kick that arrives while Python code runs is handled at the next check.

Each kick writes its own byte to the socket; the thread counts the kicks it sent and skips as many
bytes of that signal, so kicking never feeds itself. A handler run caused by a kick after the
first run is harmless: the handler records the signal and raises only inside a wait, as a signal
that arrived during the decision would have been raised at the start of the next wait.
Kicks stop (``stop()``) before the process's previous handlers are put back, so a kick can never
meet the default action of SIGTERM.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections import Counter
from collections.abc import Collection

__all__ = ["Kicker"]

KICK_INTERVAL = 0.05  # seconds between kicks while the handler has not run
MAX_KICKS = 100  # per signal received: a main thread that blocks the signal is not kicked forever


class Kicker:
    """The wakeup socket and the thread that kicks the main thread; ``start()`` may decline (returns False)."""

    def __init__(self, signums: Collection[int]) -> None:
        self._signums = frozenset(int(s) for s in signums)
        self._lock = threading.Lock()
        self._active = False
        self._handled = threading.Event()  # set by the Python handler each time it runs
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Install the wakeup socket (main thread only); False when another wakeup fd is in use (left alone), or where
        a signal cannot be sent to one thread (Windows: no ``pthread_kill``)."""
        if not hasattr(signal, "pthread_kill"):
            return False
        reader, writer = socket.socketpair()
        writer.setblocking(False)
        try:
            previous = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        except (ValueError, OSError):
            reader.close()
            writer.close()
            return False
        if previous != -1:  # the application (or a library) reads signals from its own fd: keep it
            signal.set_wakeup_fd(previous)
            reader.close()
            writer.close()
            return False
        self._sockets, self._active = (reader, writer), True
        self._thread = threading.Thread(target=self._run, args=(reader, threading.main_thread().ident),
                                        name="steadyloop-signal-kick", daemon=True)
        self._thread.start()
        return True

    def handled(self) -> None:
        """The Python handler ran (called from it, in the main thread)."""
        self._handled.set()

    def stop(self) -> None:
        """No kick after this returns; the wakeup fd is put back and the thread ends."""
        with self._lock:
            self._active = False
        if self._sockets is None:
            return
        with contextlib.suppress(ValueError, OSError):
            signal.set_wakeup_fd(-1)  # start() ran only when none was set
        reader, writer = self._sockets
        writer.close()
        with contextlib.suppress(OSError):
            reader.shutdown(socket.SHUT_RDWR)  # ends the thread's recv
        if self._thread is not None:
            self._thread.join()
        reader.close()
        self._sockets = None

    def _run(self, reader: socket.socket, main: int | None) -> None:
        echoes: Counter[int] = Counter()  # bytes our own kicks will write, per signal
        while True:
            try:
                data = reader.recv(64)
            except OSError:
                return
            if not data:
                return
            for signum in data:
                if signum not in self._signums:
                    continue
                if echoes[signum]:
                    echoes[signum] -= 1
                    continue
                echoes[signum] += self._kick(signum, main)

    def _kick(self, signum: int, main: int | None) -> int:
        """Kick until the handler runs (or MAX_KICKS); the number of kicks sent."""
        if main is None:
            return 0
        self._handled.clear()
        sent = 0
        # The handler may have run already, before the clear: then one kick more runs it once more (harmless).
        while sent < MAX_KICKS and not self._handled.is_set():
            with self._lock:
                if not self._active:
                    break
                signal.pthread_kill(main, signum)
            sent += 1
            self._handled.wait(KICK_INTERVAL)
        return sent
