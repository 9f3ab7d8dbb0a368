"""Benchmark: credential-pool acquire+release cycles per second and p99 latency, per store.

Three credentials, fill_first, one model; each cycle is ``with pool.acquire(model): pass``.
Runs 1 process, then 4 processes at once (the figure is the sum of their rates; p99 over every
cycle of every process). Redis runs against a redis-server this benchmark starts on loopback.

Run: python -m bench.pool [--cycles N]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from agent.credential_pool import Credential, CredentialPool
from agent.stores import MemoryStore, SQLiteStore, StateStore

CTX = mp.get_context("spawn")


def _store(spec: tuple[str, str]) -> StateStore:
    kind, where = spec
    if kind == "memory":
        return MemoryStore()
    if kind == "sqlite":
        return SQLiteStore(where)
    from agent.stores.redis import RedisStore

    return RedisStore(where, prefix="bench:")


def _cycles(spec: tuple[str, str], cycles: int, out: Any = None) -> list[float]:
    creds = [Credential(id=f"k{i}", secret=SecretStr(f"sk-bench-{i}-000000"), max_concurrency=64) for i in range(3)]
    pool = CredentialPool("bench", creds, store=_store(spec))
    samples = []
    for _ in range(cycles):
        start = time.perf_counter()
        with pool.acquire("model"):
            pass
        samples.append(time.perf_counter() - start)
    if out is not None:
        out.put((samples, sum(samples)))
    return samples


def _p99(samples: list[float]) -> float:
    return sorted(samples)[int(0.99 * (len(samples) - 1))] * 1e3


def _report(label: str, processes: int, samples: list[float], rate: float) -> None:
    print(f"  {label:7} {processes} process{'es' if processes > 1 else '  '}: {rate:8.0f} cycles/s   "
          f"p99 {_p99(samples):6.2f} ms")


def _multi(spec: tuple[str, str], cycles: int, processes: int) -> tuple[list[float], float]:
    queue = CTX.Queue()
    procs = [CTX.Process(target=_cycles, args=(spec, cycles, queue)) for _ in range(processes)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    elapsed = time.perf_counter() - start
    for p in procs:
        p.join()
    samples = [s for r in results for s in r[0]]
    return samples, sum(cycles / r[1] for r in results) if elapsed else 0.0


def _redis() -> tuple[subprocess.Popen[bytes] | None, str | None]:
    binary = shutil.which("redis-server")
    if binary is None:
        return None, None
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    for _ in range(200):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.02)
    return proc, f"redis://127.0.0.1:{port}/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cycles", type=int, default=5000)
    cycles = parser.parse_args().cycles
    redis_proc, redis_url = _redis()
    tmp = Path(tempfile.mkdtemp())
    print(f"credential pool: acquire+release cycles ({cycles} per process)")
    try:
        specs: list[tuple[str, str]] = [("memory", ""), ("sqlite", str(tmp / "bench.db"))]
        if redis_url:
            specs.append(("redis", redis_url))
        else:
            print("  redis: skipped (no redis-server on this machine)")
        for spec in specs:
            one = _cycles(spec, cycles)
            _report(spec[0], 1, one, len(one) / sum(one))
            if spec[0] != "memory":  # memory state is per process by design
                samples, rate = _multi(spec, cycles, 4)
                _report(spec[0], 4, samples, rate)
    finally:
        if redis_proc is not None:
            redis_proc.terminate()
    print("  goals: sqlite >= 2,000/s single-process, redis >= 5,000/s")


if __name__ == "__main__":
    main()
