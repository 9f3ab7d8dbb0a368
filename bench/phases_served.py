"""The instrumented server of ``python -m bench.phases --served``: ``steadyloop serve`` (or ``bench.floor``'s bare
ASGI relay) in its own process, with the main thread's CPU time read at each boundary of a request.

Run by ``bench.phases``: python -m bench.phases_served OUT_FILE gateway CONFIG | asgi UPSTREAM
SIGUSR1 zeroes the sums; SIGUSR2 writes them (JSON, CPU ns per phase summed, the request count) to OUT_FILE.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from typing import Any

from agent import _h1
from agent.serve import protocol

PHASES = ("uvicorn in", "to upstream", "upstream wait", "to client", "writes", "after reply", "uvicorn rest",
          "threads")


class _Clock:
    def __init__(self) -> None:
        self.arrive = self.app0 = self.wrote = self.first = self.send0 = self.sent = self.app1 = None
        self.sums = dict.fromkeys(PHASES, 0)
        self.count = 0
        self.zero()

    def zero(self) -> None:
        self.sums = dict.fromkeys(PHASES, 0)
        self.count = 0
        self.main0, self.all0 = time.thread_time_ns(), time.process_time_ns()

    def dump(self, path: str) -> None:
        sums = dict(self.sums)
        main, every = time.thread_time_ns() - self.main0, time.process_time_ns() - self.all0
        sums["threads"] = every - main
        sums["unaccounted"] = main - sum(v for k, v in self.sums.items() if k != "threads")
        with open(path, "w") as out:
            json.dump({"count": self.count, "sums": sums}, out)


CLOCK = _Clock()


def upstream_marks(marks: Any) -> None:
    """``marks.wrote``: the main thread's CPU time at a request's first write upstream (``agent._h1``), and
    ``marks.first`` at its answer's first bytes, once the caller has set both to None."""
    send, received = _h1._Connection.send, _h1._Connection.data_received

    def sent(self: Any, exchange: Any, head: bytes, content: bytes) -> None:
        send(self, exchange, head, content)
        if marks.wrote is None:
            marks.wrote = time.thread_time_ns()

    def data(self: Any, data: bytes) -> None:
        if marks.first is None and marks.wrote is not None:
            marks.first = time.thread_time_ns()
        received(self, data)

    _h1._Connection.send, _h1._Connection.data_received = sent, data  # type: ignore[method-assign]


def _instrument() -> None:
    upstream_marks(CLOCK)

    base_class = protocol.protocol_class

    def protocol_class() -> type:
        base = base_class()

        class _Marked(base):  # type: ignore[misc,valid-type]
            def data_received(self, data: bytes) -> None:
                if CLOCK.arrive is None:
                    now = time.thread_time_ns()
                    if CLOCK.app1 is not None:  # the previous request's tail: uvicorn's cleanup, the loop, gc
                        CLOCK.sums["uvicorn rest"] += now - CLOCK.app1
                        CLOCK.app1 = None
                    CLOCK.arrive = now
                super().data_received(data)

        return _Marked

    protocol.protocol_class = protocol_class
    server = protocol.uvicorn_server

    def uvicorn_server(app: Any, idle_timeout: int) -> Any:
        async def marked(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] != "http":
                return await app(scope, receive, send)
            CLOCK.wrote = CLOCK.first = CLOCK.send0 = CLOCK.sent = None
            CLOCK.app0 = time.thread_time_ns()

            async def send_marked(message: Any) -> None:
                if message["type"] == "http.response.body" and CLOCK.send0 is None:
                    CLOCK.send0 = time.thread_time_ns()
                await send(message)
                if message["type"] == "http.response.body":
                    CLOCK.sent = time.thread_time_ns()

            await app(scope, receive, send_marked)
            end = time.thread_time_ns()
            c = CLOCK
            if None not in (c.arrive, c.wrote, c.first, c.send0, c.sent):
                c.sums["uvicorn in"] += c.app0 - c.arrive
                c.sums["to upstream"] += c.wrote - c.app0
                c.sums["upstream wait"] += c.first - c.wrote
                c.sums["to client"] += c.send0 - c.first
                c.sums["writes"] += c.sent - c.send0
                c.sums["after reply"] += end - c.sent
                c.count += 1
            c.arrive, c.app1 = None, end

        return server(marked, idle_timeout)

    protocol.uvicorn_server = uvicorn_server


def main(argv: list[str]) -> None:
    out, kind, arg = argv
    _instrument()
    signal.signal(signal.SIGUSR1, lambda *_: CLOCK.zero())
    signal.signal(signal.SIGUSR2, lambda *_: CLOCK.dump(out))
    if kind == "asgi":
        from bench import floor

        floor.main(["asgi", arg])
        return
    from agent.cli import main as cli

    sys.exit(cli(["-q", "serve", "--config", arg, "--port", "0"], own_process=True))


if __name__ == "__main__":
    main(sys.argv[1:])
