"""Benchmark: credential-pool throughput across processes, and acquire cost by pool size, per store.

Two tables, each measured in interleaved blocks (every configuration gets one block per round,
rounds repeat), so a machine whose load changes during the run affects every row alike; the
figure printed is the median over rounds. Compare ratios within one run, not absolute numbers
across runs.

1. Throughput: ``pool.acquire(model)`` then ``pool.report_success(lease, release=True)`` (what a
   turn does), 3 credentials, fill_first (so every process contends for the same key), by 1, 4
   and 16 processes at once on SQLite and Redis; cycles per second summed over the processes.
   The worker processes are started once and kept, so process start-up is never measured.
   Operations that failed (SQLite: another process's lock held past the busy timeout; Redis: the
   server's reply past the socket timeout), which a real pool serves from memory with a warning, are not counted as
   cycles: they are printed as "store errors" (summed over rounds, for 1/4/16 processes).
2. Acquire cost: one ``pool.acquire`` (its release is not timed), microseconds, with 2, 50 and
   1,000 credentials, per store and strategy; every key healthy, so the first one in order wins
   (random: the first of a fresh shuffle).

Redis runs against a redis-server this benchmark starts on loopback.

Run: python -m bench.pool [--rounds N] [--seconds S]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections import defaultdict
from multiprocessing.connection import Connection
from pathlib import Path

from pydantic import SecretStr

from agent.credential_pool import Credential, CredentialPool, NoCredentialAvailable, Strategy
from agent.stores import MemoryStore, SQLiteStore, StateStore, StoreError

CTX = mp.get_context("spawn")
PROCESSES = (1, 4, 16)
SIZES = (2, 50, 1000)
STRATEGIES = (Strategy.fill_first, Strategy.round_robin, Strategy.least_used, Strategy.random)
Spec = tuple[str, str]


def _store(spec: Spec) -> StateStore:
    kind, where = spec
    if kind == "memory":
        return MemoryStore()
    if kind == "sqlite":
        return SQLiteStore(where)
    from agent.stores.redis import RedisStore

    return RedisStore(where, prefix="bench:")


def _creds(n: int, tag: str) -> list[Credential]:
    return [Credential(id=f"{tag}{i}", secret=SecretStr(f"sk-bench-{tag}-{i:04d}-000000"), max_concurrency=64)
            for i in range(n)]


# ------------------------------------------------------------------ throughput across processes


def _worker(conn: Connection) -> None:
    """Serves commands (spec, start_at, seconds) until None: turns run in that window, their count sent back."""
    pools: dict[Spec, CredentialPool] = {}
    while (job := conn.recv()) is not None:
        spec, start_at, seconds = job
        if spec not in pools:
            pools[spec] = CredentialPool("bench", _creds(3, "k"), store=_store(spec))
        pool = pools[spec]
        time.sleep(max(0.0, start_at - time.time()))
        count, busy, end = 0, 0, start_at + seconds
        while time.time() < end:
            try:
                lease = pool.acquire("model")
                pool.report_success(lease, release=True)
                count += 1
            except (StoreError, NoCredentialAvailable):  # busy lock, too many conflicts; a lease lost to one
                busy += 1
        conn.send((count, busy))


def _answer(conn: Connection, seconds: float) -> tuple[int, int]:
    if not conn.poll(seconds + 60):
        raise RuntimeError("a benchmark worker died (its traceback is above)")
    done, busy = conn.recv()
    return int(done), int(busy)


Rates = dict[tuple[str, int], list[float]]
Busy = dict[tuple[str, int], int]


def _throughput(specs: list[Spec], rounds: int, seconds: float) -> tuple[Rates, Busy]:
    pipes = [CTX.Pipe() for _ in range(max(PROCESSES))]
    procs = [CTX.Process(target=_worker, args=(child,), daemon=True) for _, child in pipes]
    for p in procs:
        p.start()
    rates: dict[tuple[str, int], list[float]] = defaultdict(list)
    busy: dict[tuple[str, int], int] = defaultdict(int)
    try:
        for spec in specs:  # warm-up: every worker imports, connects and builds its pool before timing
            for parent, _ in pipes:
                parent.send((spec, time.time(), 0.05))
            for parent, _ in pipes:
                parent.recv()
        for _ in range(rounds):
            for spec in specs:
                for n in PROCESSES:
                    start_at = time.time() + 0.05
                    for parent, _ in pipes[:n]:
                        parent.send((spec, start_at, seconds))
                    results = [_answer(parent, seconds) for parent, _ in pipes[:n]]
                    rates[(spec[0], n)].append(sum(done for done, _ in results) / seconds)
                    busy[(spec[0], n)] += sum(failed for _, failed in results)
    finally:
        for parent, _ in pipes:
            parent.send(None)
        for p in procs:
            p.join(timeout=10)
    return rates, busy


# ------------------------------------------------------------------ acquire cost by pool size


def _acquire_cost(specs: list[Spec], rounds: int, block: int) -> dict[tuple[str, str, int], list[float]]:
    stores = {spec[0]: _store(spec) for spec in specs}
    pools = {(kind, s.value, n): CredentialPool(f"size-{s.value}-{n}", _creds(n, f"{s.value[:2]}{n}-"),
                                                strategy=s, store=store)
             for kind, store in stores.items() for s in STRATEGIES for n in SIZES}
    costs: dict[tuple[str, str, int], list[float]] = defaultdict(list)
    for _ in range(rounds + 1):  # the first round warms up and is dropped
        for config, pool in pools.items():
            samples = []
            for _ in range(block):
                start = time.perf_counter()
                lease = pool.acquire("model")
                samples.append(time.perf_counter() - start)
                lease.release()
            costs[config].append(statistics.median(samples) * 1e6)
    return {k: v[1:] for k, v in costs.items()}


# ------------------------------------------------------------------ report


def _print_throughput(rates: Rates, busy: Busy, kinds: list[str]) -> None:
    print("acquire+report cycles per second, summed over processes (median of rounds)")
    print(f"  {'store':7} " + "".join(f"{f'{n} proc':>11}" for n in PROCESSES) + f"{'16/1':>8}   store errors")
    for kind in kinds:
        meds = [statistics.median(rates[(kind, n)]) for n in PROCESSES]
        errors = "/".join(str(busy[(kind, n)]) for n in PROCESSES)
        print(f"  {kind:7} " + "".join(f"{m:11.0f}" for m in meds) + f"{meds[-1] / meds[0]:8.2f}   {errors}")


def _print_costs(costs: dict[tuple[str, str, int], list[float]], kinds: list[str]) -> None:
    print("acquire cost, microseconds per acquire (median of rounds)")
    print(f"  {'store':7} {'strategy':12}" + "".join(f"{f'{n} keys':>11}" for n in SIZES) + f"{'1000/2':>8}")
    for kind in kinds:
        for s in STRATEGIES:
            meds = [statistics.median(costs[(kind, s.value, n)]) for n in SIZES]
            print(f"  {kind:7} {s.value:12}" + "".join(f"{m:11.1f}" for m in meds) + f"{meds[-1] / meds[0]:8.2f}")


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
            time.sleep(0.02)  # polling a starting server
    return proc, f"redis://127.0.0.1:{port}/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (median reported)")
    parser.add_argument("--seconds", type=float, default=1.0, help="length of one throughput block")
    parser.add_argument("--block", type=int, default=60, help="acquires per acquire-cost block")
    args = parser.parse_args()
    redis_proc, redis_url = _redis()
    tmp = Path(tempfile.mkdtemp())
    shared: list[Spec] = [("sqlite", str(tmp / "bench.db"))]
    if redis_url:
        shared.append(("redis", redis_url))
    else:
        print("redis: skipped (no redis-server on this machine)")
    try:
        rates, busy = _throughput(shared, args.rounds, args.seconds)
        sizes: list[Spec] = [("memory", ""), ("sqlite", str(tmp / "sizes.db")), *shared[1:]]
        costs = _acquire_cost(sizes, args.rounds, args.block)
    finally:
        if redis_proc is not None:
            redis_proc.terminate()
    _print_throughput(rates, busy, [s[0] for s in shared])
    _print_costs(costs, [s[0] for s in sizes])
    print("  goals: redis 16/1 >= 1.00; acquire 1000/2 <= 2.00 for every store and strategy")


if __name__ == "__main__":
    main()
