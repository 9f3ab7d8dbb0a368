"""uvicorn's HTTP protocol, but each response leaves in one write where uvicorn makes two.

uvicorn writes a response's status line and headers as soon as the app sends
``http.response.start``, and its body on ``http.response.body``: two ``send`` system calls, two
TCP segments (``TCP_NODELAY`` is on, ``agent.serve.listen``), and two wake-ups of the client,
which has to read the headers before the body arrives. The transport here holds the header
block until the body's first bytes follow (the gateway sends both at once: a plain answer, or a
stream at its commit point) and writes them together; anything else written, the connection
closing, or the end of the event loop's iteration sends the held bytes first, so the order and
the timing of the bytes on the wire are kept.
"""

from __future__ import annotations

import asyncio
import importlib.util
from typing import Any

__all__ = ["protocol_class", "uvicorn_server"]


class _Coalescing:
    """A connection's transport whose response headers wait for the body's first write (or the loop's turn)."""

    __slots__ = ("_held", "_inner", "_loop")

    def __init__(self, inner: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._inner, self._loop, self._held = inner, loop, b""

    def write(self, data: bytes) -> None:
        if self._held:
            data, self._held = self._held + data, b""
        elif data.startswith(b"HTTP/1.1 ") and data.endswith(b"\r\n\r\n"):  # uvicorn's status line and headers
            self._held = data
            self._loop.call_soon(self.flush)
            return
        self._inner.write(data)

    def flush(self) -> None:
        if self._held:
            held, self._held = self._held, b""
            self._inner.write(held)

    def close(self) -> None:
        self.flush()
        self._inner.close()

    def __getattr__(self, name: str) -> Any:  # everything else is the transport's own
        return getattr(self._inner, name)


def protocol_class() -> type[asyncio.Protocol]:
    """uvicorn's HTTP/1.1 protocol (httptools' when installed, as uvicorn picks) with the coalescing transport."""
    base: Any
    if importlib.util.find_spec("httptools") is not None:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        base = HttpToolsProtocol
    else:
        from uvicorn.protocols.http.h11_impl import H11Protocol

        base = H11Protocol

    class _Protocol(base):  # type: ignore[misc]
        def connection_made(self, transport: Any) -> None:
            super().connection_made(_Coalescing(transport, self.loop))

    return _Protocol


def uvicorn_server(app: Any, idle_timeout: int) -> Any:
    """The ``uvicorn.Server`` of ``steadyloop serve`` (and of ``Served``): lifespan on (shutdown closes the
    upstream clients), no access log, this protocol, idle connections kept ``idle_timeout`` seconds."""
    import uvicorn

    return uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on",
                                         http=protocol_class(), timeout_keep_alive=idle_timeout))
