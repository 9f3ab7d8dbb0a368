"""Benchmark: the gateway's own CPU per request, split by phase, in one process (no uvicorn, no HTTP client).

The gateway's ASGI app (``steadyloop serve``'s: SQLite state, the log and Prometheus hooks) is called directly
with a request, on uvloop, the emulator (``steadyloop upstream``) in its own process; ``--arm asgi`` calls
``bench.floor``'s bare ASGI relay the same way (the same ``agent._h1`` upstream client), the floor under it.
The main thread's CPU time (``time.thread_time_ns``) is read at each boundary of a request:

- ``to upstream``: the request's arrival to its write upstream (body, route, auth, the turn's start, the pick,
  the SDK-shaped layers, the write);
- ``upstream wait``: the write to the answer's first bytes (the loop's own work while it waits);
- ``to client``: the answer's first bytes to the first write to the client (parsing, judging, the reply);
- ``writes``: the first write to the client to the last (a stream's later events);
- ``after reply``: the last write to the app's return (the records, state writes and hooks after the answer);
- ``between``: the main thread's CPU between requests (callbacks scheduled by one, run after it returned);
- ``threads``: the other threads' CPU (the state's flusher), per request.

Run: python -m bench.phases [--arm gateway|asgi] [--requests N] [--state sqlite|memory] [--hooks] [--profile FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from pathlib import Path
from typing import Any

from bench.loop import _Upstream
from bench.phases_served import upstream_marks
from bench.serve import BODIES, _Gateway

PHASES = ("to upstream", "upstream wait", "to client", "writes", "after reply", "between", "threads")


class _Marks:
    def __init__(self) -> None:
        self.wrote: int | None = None  # upstream write
        self.first: int | None = None  # upstream's first bytes


_MARKS = _Marks()
upstream_marks(_MARKS)


def _app(arm: str, upstream: str, state: str, hooks: bool) -> Any:
    if arm == "asgi":
        from bench.floor import asgi_app

        return asgi_app(upstream.removesuffix("/").removesuffix("/v1"))
    from agent.config import load_config
    from agent.events import log_event
    from agent.serve.app import create_app
    from agent.serve.gateway import Gateway

    config = load_config(_Gateway(upstream, state).dir / "steadyloop.toml")
    chosen: list[Any] = []
    metrics = None
    if hooks:
        from agent.observability.metrics import Metrics

        metrics = Metrics()
        chosen = [log_event, metrics]
    app = create_app(Gateway(config, hooks=chosen))
    app.state.metrics = metrics
    return app


async def _one(app: Any, path: str, data: bytes, marks: _Marks, sums: dict[str, list[int]] | None) -> None:
    headers = [(b"host", b"127.0.0.1:8788"), (b"accept", b"*/*"), (b"content-type", b"application/json"),
               (b"x-api-key", b"sk-bench-key"), (b"authorization", b"Bearer sk-bench-key"),
               (b"content-length", str(len(data)).encode())]
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
             "root_path": "", "headers": headers, "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8788)}
    given = False
    writes: list[int] = []

    async def receive() -> dict[str, Any]:
        nonlocal given
        if given:
            await asyncio.Event().wait()
        given = True
        return {"type": "http.request", "body": data, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            writes.append(time.thread_time_ns())

    marks.wrote = marks.first = None
    start = time.thread_time_ns()
    await app(scope, receive, send)
    end = time.thread_time_ns()
    if sums is None:  # warm-up (the first call of each shape goes through the SDK's post, over aiohttp)
        return
    assert marks.wrote is not None and marks.first is not None and writes, (marks.wrote, marks.first, writes)
    sums["to upstream"].append(marks.wrote - start)
    sums["upstream wait"].append(marks.first - marks.wrote)
    sums["to client"].append(writes[0] - marks.first)
    sums["writes"].append(writes[-1] - writes[0])
    sums["after reply"].append(end - writes[-1])


async def _callgrind(command: str) -> None:
    """Under ``valgrind --tool=callgrind`` (CALLGRIND=1 in the environment): zero the counts before the measured
    requests, dump them after (the dump then counts those requests alone, every thread)."""
    import os

    if os.environ.get("CALLGRIND"):
        done = await asyncio.create_subprocess_exec("callgrind_control", command, str(os.getpid()),
                                                    stdout=asyncio.subprocess.DEVNULL)
        await done.wait()


async def _run(app: Any, name: str, stream: bool, n: int, profile: Any) -> dict[str, float]:
    path, body, _ = BODIES[name]
    data = json.dumps({**body, "stream": True} if stream else body).encode()
    marks = _MARKS
    for _ in range(50):  # warm-up: connections, clients, caches
        await _one(app, path, data, marks, None)
    sums: dict[str, list[int]] = {p: [] for p in PHASES}
    await _callgrind("--zero")
    main0, all0 = time.thread_time_ns(), time.process_time_ns()
    if profile is not None:
        profile.enable()
    for _ in range(n):
        await _one(app, path, data, marks, sums)
    if profile is not None:
        profile.disable()
    main, every = time.thread_time_ns() - main0, time.process_time_ns() - all0
    await _callgrind("--dump")
    inside = sum(sum(v) for v in sums.values())
    out = {p: statistics.mean(v) / 1e3 for p, v in sums.items() if v}
    out["between"] = (main - inside) / n / 1e3
    out["threads"] = (every - main) / n / 1e3
    out["total"] = every / n / 1e3
    return out


def _served(rounds: int, arms: list[str], state: str) -> None:
    """Each arm's instrumented server (``bench.phases_served``) in its own process, sequential requests from
    an ``httpx2`` client in this one, the rows interleaved arm by arm; CPU us per request and phase."""
    import os
    import signal
    import subprocess
    import sys
    import tempfile

    import httpx2

    from bench.phases_served import PHASES as SERVED
    from bench.serve import _listening, _plain, _ttft

    with _Upstream() as emu:
        procs = {}
        outs = {}
        try:
            for arm in arms:
                outs[arm] = tempfile.mktemp(prefix=f"phases-{arm}-")
                what = str(_Gateway(emu.url, state).dir / "steadyloop.toml") if arm == "gateway" else emu.url
                procs[arm] = subprocess.Popen([sys.executable, "-m", "bench.phases_served", outs[arm], arm, what],
                                              stdout=subprocess.PIPE, text=True)
            urls = {arm: _listening(p) for arm, p in procs.items()}

            async def go() -> dict[tuple[str, str], list[dict[str, float]]]:
                found: dict[tuple[str, str], list[dict[str, float]]] = {}
                async with httpx2.AsyncClient(timeout=30) as client:
                    for name, (path, body, marker) in BODIES.items():
                        for stream in (False, True):
                            for arm in arms:
                                url = urls[arm] + path

                                async def one(url: str = url, body: dict[str, object] = body,
                                              marker: bytes = marker, stream: bool = stream) -> float:
                                    if stream:
                                        return await _ttft(client, url, body, marker)
                                    return await _plain(client, url, body)

                                for _ in range(30):
                                    await one()
                                os.kill(procs[arm].pid, signal.SIGUSR1)
                                await asyncio.sleep(0.2)
                                for _ in range(rounds):
                                    await one()
                                await asyncio.sleep(0.2)
                                os.kill(procs[arm].pid, signal.SIGUSR2)
                                await asyncio.sleep(0.3)
                                with open(outs[arm]) as f:
                                    got = json.load(f)
                                per = {k: v / max(1, got["count"]) / 1e3 for k, v in got["sums"].items()}
                                per["n"] = got["count"]
                                found.setdefault((f"{name}{' stream' if stream else ''}", arm), []).append(per)
                return found

            found = asyncio.run(go())
        finally:
            for p in procs.values():
                p.terminate()
                p.wait(timeout=10)
    cols = (*SERVED, "unaccounted")
    print(f"served, CPU us per request (main thread by phase; threads: the others), {rounds} sequential requests")
    print(f"{'':28}" + "".join(f"{c:>14}" for c in (*cols, "total")))
    for (label, arm), runs in found.items():
        out = runs[0]
        total = sum(out[c] for c in cols)
        print(f"{label + ', ' + arm:28}" + "".join(f"{out[c]:14.0f}" for c in cols) + f"{total:14.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arm", choices=("gateway", "asgi"), default="gateway")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--state", choices=("sqlite", "memory"), default="sqlite")
    parser.add_argument("--no-hooks", action="store_true", help="without the log and Prometheus hooks")
    parser.add_argument("--only", help="one row: messages, messages-stream, chat or chat-stream")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the measured requests here")
    parser.add_argument("--served", action="store_true", help="the real servers in their own processes, "
                                                                 "instrumented (bench.phases_served)")
    args = parser.parse_args()
    if args.served:
        _served(args.requests, ["gateway", "asgi"], args.state)
        return
    import uvloop

    profile = None
    if args.profile is not None:
        import cProfile

        profile = cProfile.Profile(time.thread_time_ns, 1e-9)
    rows = [(n, s) for n in BODIES for s in (False, True)]
    if args.only:
        rows = [r for r in rows if f"{r[0]}{'-stream' if r[1] else ''}" == args.only]
    with _Upstream() as emu:
        async def go() -> list[tuple[str, dict[str, float]]]:
            app = _app(args.arm, emu.url, args.state, not args.no_hooks)
            try:
                return [(f"{n}{' stream' if s else ''}", await _run(app, n, s, args.requests, profile))
                        for n, s in rows]
            finally:
                if args.arm == "gateway":
                    await app.state.gateway.aclose()

        results = uvloop.run(go())
    if profile is not None:
        profile.dump_stats(str(args.profile))
    print(f"{args.arm} (state {args.state}{', no hooks' if args.no_hooks else ''}), CPU us per request, "
          f"{args.requests} sequential requests")
    print(f"{'':16}" + "".join(f"{p:>14}" for p in (*PHASES, "total")))
    for label, out in results:
        print(f"{label:16}" + "".join(f"{out.get(p, 0):14.0f}" for p in (*PHASES, "total")))


if __name__ == "__main__":
    main()
