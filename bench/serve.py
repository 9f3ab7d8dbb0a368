"""Benchmark: the latency ``steadyloop serve`` adds, against calling the emulator directly.

The emulator (``steadyloop upstream``) and the gateway (``steadyloop serve``, one worker) run as
their own processes, as in production; the client is one ``httpx2.AsyncClient`` sending the
same JSON body either straight to the emulator or through the gateway. Direct and served
requests are interleaved round by round, so a busy machine slows both alike. Figures:

- latency: request sent to the whole body read (plain answers);
- TTFT: request sent to the first content event (``content_block_delta`` / a chat chunk with text);
- sequential (one request at a time) and 32 concurrent clients;
- added = served minus direct, at the median and at p99;
- gw CPU: the gateway process's CPU time per served request (Linux ``/proc/PID/schedstat``: user and
  system time of all its threads, in ns), the figure a busy machine disturbs least (each relay's own
  process for the ``--floor`` rows).

With ``--baseline DIR`` a second gateway runs the code of the checkout at ``DIR`` (another worktree,
the commit before a change) against the same emulator, its rounds interleaved with the others, so a
before/after comparison on a loaded machine sees the same load; its rows are marked ``baseline``.

With ``--floor`` three bare relays run beside the gateway against the same emulator, each in its own process,
their rounds interleaved with the others (``bench.floor``): ``raw relay`` (asyncio, httptools, uvloop),
``uvicorn + bare ASGI`` (the gateway's uvicorn settings and protocol) and ``uvicorn + Starlette route``; what
any Python gateway adds here, before any work of its own.

Run: python -m bench.serve [--rounds N] [--state memory|sqlite] [--baseline DIR] [--floor]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx2

from bench.loop import _Upstream

BODIES = {
    "messages": ("/v1/messages", {"model": "m", "max_tokens": 64, "messages": [{"role": "user", "content": "Hi"}]},
                 b"content_block_delta"),
    "chat": ("/v1/chat/completions", {"model": "m", "messages": [{"role": "user", "content": "Hi"}]},
             b'"content": "Hello'),
}
CONCURRENCY = 32


class _Served:
    """A server in its own process, in front of the emulator: ``url``, its ``label`` in the table (None: the
    row's own label), its CPU time so far."""

    label: str | None = None
    proc: subprocess.Popen[str]
    url: str

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def cpu(self) -> float | None:
        """The process's CPU time so far (s), all its threads (the store's flusher too), where the
        system says (Linux: ``/proc/PID/schedstat`` alone is the main thread's)."""
        try:
            threads = Path(f"/proc/{self.proc.pid}/task").iterdir()
            return sum(int((t / "schedstat").read_text().split()[0]) for t in threads) / 1e9
        except (OSError, ValueError, IndexError):
            return None


class _Gateway(_Served):
    """``steadyloop serve`` in its own process, on a free port, in front of ``upstream``."""

    def __init__(self, upstream: str, state: str, code: Path | None = None) -> None:
        self.code = code  # the checkout whose agent package serves (None: this one)
        self.label = None if code is None else "  baseline"
        self.dir = Path(tempfile.mkdtemp(prefix="bench-serve-"))
        store = f'backend = "sqlite"\npath = "{self.dir / "state.db"}"' if state == "sqlite" else 'backend = "memory"'
        root = upstream.removesuffix("/v1")
        (self.dir / "steadyloop.toml").write_text(textwrap.dedent(f"""
            [state]
            {{store}}
            [pools.main]
            [[pools.main.credentials]]
            id = "bench"
            key = "sk-bench-key"
            [[chain]]
            api = "anthropic-messages"
            model = "m"
            pool = "main"
            base_url = "{root}"
            [[chain]]
            api = "openai-chat"
            model = "m"
            pool = "main"
            base_url = "{upstream}"
            [routes.m]
            chain = ["m"]
        """).replace("{store}", store))

    def __enter__(self) -> _Gateway:
        env = None if self.code is None else {**os.environ, "PYTHONPATH": str(self.code)}
        self.proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "-q", "serve", "--config",
                                      str(self.dir / "steadyloop.toml"), "--port", "0"], stdout=subprocess.PIPE,
                                     text=True, cwd=self.code, env=env)
        assert self.proc.stdout is not None
        self.url = _listening(self.proc)
        return self


FLOORS = {"raw": "  raw relay", "asgi": "  uvicorn + bare ASGI", "starlette": "  uvicorn + Starlette route"}


class _Floor(_Served):
    """A bare relay of ``bench.floor`` (``kind``) in its own process, in front of ``upstream``."""

    def __init__(self, upstream: str, kind: str) -> None:
        self.upstream, self.kind, self.label = upstream, kind, FLOORS[kind]

    def __enter__(self) -> _Floor:
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.floor", self.kind, self.upstream],
                                     stdout=subprocess.PIPE, text=True)
        self.url = _listening(self.proc)
        return self


def _listening(proc: subprocess.Popen[str]) -> str:
    """The URL a server just started prints on its first line (``... listening on URL ...``)."""
    assert proc.stdout is not None
    return proc.stdout.readline().split("listening on ")[1].split()[0]


async def _plain(client: httpx2.AsyncClient, url: str, body: dict[str, object]) -> float:
    start = time.perf_counter()
    response = await client.post(url, json=body, headers={"x-api-key": "sk-bench-key",
                                                          "authorization": "Bearer sk-bench-key"})
    response.raise_for_status()
    return time.perf_counter() - start


async def _ttft(client: httpx2.AsyncClient, url: str, body: dict[str, object], marker: bytes) -> float:
    start = time.perf_counter()
    async with client.stream("POST", url, json={**body, "stream": True},
                             headers={"x-api-key": "sk-bench-key", "authorization": "Bearer sk-bench-key"}) as r:
        first = None
        async for chunk in r.aiter_bytes():
            if first is None and marker in chunk:
                first = time.perf_counter() - start
        if first is None:
            raise RuntimeError(f"no content event from {url}")
        return first


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _row(label: str, ones: list[float], twos: list[float], cpu: float | None) -> str:
    """direct p50/p99, served p50/p99, added p50/p99, gateway CPU per served request, in ms."""
    d50, d99, s50, s99 = statistics.median(ones), _p(ones, 0.99), statistics.median(twos), _p(twos, 0.99)
    figures = " ".join(f"{v * 1e3:8.2f}" for v in (d50, d99, s50, s99, s50 - d50, s99 - d99))
    return f"{label:34} {len(ones):5} {figures} {'-' if cpu is None else f'{cpu / len(twos) * 1e3:8.2f}':>8}"


async def _rounds(measure: Callable[[str], Awaitable[float]], urls: list[str], rounds: int,
                  width: int) -> list[list[float]]:
    """``rounds`` x ``width`` requests to each URL, a round each, the order rotated every round."""
    samples: list[list[float]] = [[] for _ in urls]
    for i in range(rounds):
        for k in range(len(urls)):
            at = (i + k) % len(urls)
            samples[at].extend(await asyncio.gather(*(measure(urls[at]) for _ in range(width))))
    return samples


async def _run(upstream: str, gateways: list[_Served], rounds: int) -> list[str]:
    # a kept connection for each concurrent client of each server (the emulator's and every gateway's or relay's)
    kept = CONCURRENCY * (1 + len(gateways))
    limits = httpx2.Limits(max_connections=kept, max_keepalive_connections=kept)
    rows = []
    async with httpx2.AsyncClient(timeout=30, limits=limits) as client:
        for name, (path, body, marker) in BODIES.items():
            urls = [upstream.removesuffix("/v1") + path, *(g.url + path for g in gateways)]
            kinds: dict[str, Callable[[str], Awaitable[float]]] = {
                "latency": lambda url, body=body: _plain(client, url, body),  # type: ignore[misc]
                "TTFT": lambda url, body=body, marker=marker: _ttft(client, url, body, marker),  # type: ignore[misc]
            }
            for kind, measure in kinds.items():
                for width in (1, CONCURRENCY):
                    await _rounds(measure, urls, 3, width)  # warm-up: connections, clients, caches
                    n = max(1, rounds // width) if width > 1 else rounds
                    before = [g.cpu() for g in gateways]
                    direct, *served = await _rounds(measure, urls, n, width)
                    after = [g.cpu() for g in gateways]
                    label = f"{name} {kind}, {'sequential' if width == 1 else f'{width} concurrent'}"
                    for g, twos, start, end in zip(gateways, served, before, after, strict=True):
                        cpu = None if start is None or end is None else end - start
                        rows.append(_row(g.label or label, direct, twos, cpu))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=400, help="sequential requests each way (32 concurrent: "
                                                                "rounds/32 rounds of 32 ... at least 1)")
    parser.add_argument("--state", choices=("memory", "sqlite"), default="sqlite")
    parser.add_argument("--baseline", type=Path, help="a checkout whose gateway runs beside this one, interleaved")
    parser.add_argument("--floor", action="store_true", help="bare relays beside the gateway, interleaved: raw "
                                                             "asyncio, uvicorn + bare ASGI, uvicorn + Starlette")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        emu = stack.enter_context(_Upstream())
        codes = [None] if args.baseline is None else [None, args.baseline.resolve()]
        gateways: list[_Served] = [stack.enter_context(_Gateway(emu.url, args.state, code)) for code in codes]
        if args.floor:
            gateways += [stack.enter_context(_Floor(emu.url, kind)) for kind in FLOORS]
        rows = asyncio.run(_run(emu.url, gateways, args.rounds))
    print(f"steadyloop serve (state: {args.state}) vs the emulator directly, ms; loopback, one gateway worker")
    print(f"{'':34} {'n':>5} {'direct50':>8} {'direct99':>8} {'served50':>8} {'served99':>8} {'added50':>8} "
          f"{'added99':>8} {'gw CPU':>8}")
    for row in rows:
        print(row)
    print("goal: added p50 <= 1.5 ms, added TTFT <= 1 ms")


if __name__ == "__main__":
    main()
