"""``Served``: the gateway in a background thread on an ephemeral loopback port (tests, benches).

The listening socket is bound before the thread starts, so clients may connect at once: the
kernel queues them until uvicorn accepts.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

from ..config import SteadyConfig
from .listen import listening_socket

__all__ = ["Served"]


class Served:
    """``with Served(config) as gw: gw.url`` serves ``config`` until the block ends."""

    def __init__(self, config: SteadyConfig, *, hooks: tuple[Any, ...] = (), metrics: Any = None,
                 sleep: Callable[[float], Awaitable[Any]] | None = None,
                 clocks: tuple[Callable[[], float], Callable[[], float]] | None = None) -> None:
        """``sleep``: the gateway's waits; ``clocks``: its (monotonic, epoch) clocks, the loops' and the pools'."""
        from .app import create_app
        from .protocol import uvicorn_server

        self._hooks, self._sleep, self._clocks = hooks, sleep, clocks
        self.gateway = self._gateway(config)
        self.app = app = create_app(self.gateway)
        app.state.metrics = metrics
        self._sock = listening_socket("127.0.0.1", 0)
        self.port: int = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn_server(app, config.serve.idle_timeout_seconds)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True)

    def _gateway(self, config: SteadyConfig) -> Any:
        from .gateway import Gateway

        kw: dict[str, Any] = {} if self._sleep is None else {"sleep": self._sleep}
        if self._clocks is not None:
            kw["clock"], kw["wall_clock"] = self._clocks
        return Gateway(config, hooks=self._hooks, **kw)

    def use(self, config: SteadyConfig) -> None:
        """Serve ``config`` from now on, with fresh pools and state (one server, many scenarios); the gateway
        it replaces closes its upstream clients on the server's loop (else each leaves aiohttp sessions open)."""
        old, self.gateway = self.gateway, self._gateway(config)
        self.app.state.gateway = self.gateway
        servers = getattr(self._server, "servers", None) or []  # uvicorn's listening servers, once started
        if servers:
            asyncio.run_coroutine_threadsafe(old.aclose(), servers[0].get_loop()).result(timeout=10)

    def __enter__(self) -> Served:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()
