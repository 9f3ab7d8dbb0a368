"""The client's side of a streamed answer, in raw ASGI: the response starts late, on purpose.

Nothing is sent while the ladder may still rescue the request invisibly: the HTTP response
starts at the commit point (the first content event), so a request steadyloop gives up on
before it still gets a real status, ``retry-after`` and ``x-should-retry``. When the wait is
long, a ``: keep-alive`` SSE comment goes out after ``keep_alive`` seconds of silence; that
starts the response (status 200), and from then on a give-up can only be the protocol's own
terminal error event.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["SSE_HEADERS", "ClientGone", "StreamSink"]

Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
SSE_HEADERS = (("content-type", "text/event-stream; charset=utf-8"), ("cache-control", "no-cache"),
               ("x-accel-buffering", "no"))
_KEEP_ALIVE = b": keep-alive\n\n"


class ClientGone(Exception):  # noqa: N818 - a fact, not an error of ours
    """The client closed the connection: stop, release the key, blame no one upstream."""


class StreamSink:
    """Writes a streamed answer; ``headers()`` is asked for the response headers when it starts."""

    def __init__(self, send: Send, headers: Callable[[], list[tuple[str, str]]], *, keep_alive: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._send, self._headers, self._every, self._clock = send, headers, keep_alive, clock
        self._lock = asyncio.Lock()
        self._last = clock()
        self._timer: asyncio.TimerHandle | None = None  # the next keep-alive check, while held
        self._beat: asyncio.Task[None] | None = None  # a keep-alive comment being written
        self._held = False
        self.started = False  # the status line went out (200)
        self.committed = False  # content went out: the ladder can no longer walk invisibly
        self.written = 0  # body bytes sent after the commit point

    async def _write(self, data: bytes) -> None:
        try:
            if not self.started:
                self.started = True
                headers = [*SSE_HEADERS, *self._headers()]
                await self._send({"type": "http.response.start", "status": 200,
                                  "headers": [(k.encode(), v.encode()) for k, v in headers]})
            await self._send({"type": "http.response.body", "body": data, "more_body": True})
        except OSError as err:  # uvicorn's ClientDisconnected is one
            raise ClientGone(str(err)) from err
        self._last = self._clock()

    async def commit(self, held: bytes) -> None:
        """The first content event arrived: send what was held, and stream from now on."""
        async with self._lock:
            self.committed = True
            await self._write(held)
            self.written += len(held)

    async def write(self, data: bytes) -> None:
        async with self._lock:
            await self._write(data)
            self.written += len(data)

    async def end(self) -> None:
        with contextlib.suppress(OSError):
            await self._send({"type": "http.response.body", "body": b"", "more_body": False})

    def hold(self) -> None:
        """While the answer is held (until ``release``): a comment after each ``keep_alive`` seconds of silence.

        A timer, not a task running for every request: most answers commit long before the first comment
        is due, and a task started and cancelled per request cost more than a timer set and cancelled."""
        self._held = True
        self._arm()

    def release(self) -> None:
        """No more keep-alive comments (the walk is over)."""
        self._held = False
        if self._timer is not None:
            self._timer.cancel()
        if self._beat is not None:
            self._beat.cancel()

    def _arm(self) -> None:
        wait = max(0.01, self._last + self._every - self._clock())
        self._timer = asyncio.get_running_loop().call_later(wait, self._due)

    def _due(self) -> None:
        if not self._held or self.committed:
            return
        if self._clock() - self._last >= self._every:
            self._beat = asyncio.ensure_future(self._keep_alive())
        else:
            self._arm()  # something was written since: wait for the rest of the silence

    async def _keep_alive(self) -> None:
        async with self._lock:
            if not self.committed and self._clock() - self._last >= self._every:
                try:
                    await self._write(_KEEP_ALIVE)
                except ClientGone:
                    return  # the walk learns it from its own next write
        if self._held:
            self._arm()
