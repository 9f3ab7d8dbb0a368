"""Benchmark: credential-pool throughput across processes, and acquire cost by pool size, per store.

Two tables, each measured in interleaved blocks (every configuration gets one block per round,
rounds repeat), so a machine whose load changes during the run affects every row alike; the
figure printed is the median over rounds. Compare ratios within one run, not absolute numbers
across runs.

1. Throughput: ``pool.acquire(model)`` then ``pool.record_success(lease)`` (what a turn does: the
   success is written behind it, in front of the process's next acquire; ``--synchronous``:
   ``pool.report_success(lease, release=True)``, a second round trip or transaction), 3
   credentials, fill_first (so every process contends for the same key), by 1, 4 and 16
   processes at once on SQLite and Redis; cycles per second summed over the processes.
   The worker processes are started once and kept, so process start-up is never measured. Each
   round runs every (process count, store) block once, the process counts in an order rotated
   each round (the stores side by side), so the 1- and 16-process blocks of a round are seconds
   apart at most; ``16/1`` is the median of the per-round ratios, with their range: on a shared
   machine a lone ratio of medians swings with whatever else ran during each block. Also printed
   per block: the CPU the workers spent per cycle, and for Redis the server's CPU per cycle and
   how busy it was (% of one core, from ``INFO cpu``): on a 2-core machine the server competes
   with the workers for the same cores, which a real fleet's Redis does not.
   Operations that failed (SQLite: another process's lock held past the busy timeout; Redis: the
   server's reply past the socket timeout), which a real pool serves from memory with a warning, are not counted as
   cycles: they are printed as "store errors" (summed over rounds, for 1/4/16 processes).
2. Acquire cost: one ``pool.acquire`` (its release is not timed), microseconds, with 2, 50 and
   1,000 credentials, per store and strategy; every key healthy, so the first one in order wins
   (random: the first of a fresh shuffle).

Redis runs against a redis-server this benchmark starts on loopback.

Run: python -m bench.pool [--rounds N] [--seconds S] [--synchronous]
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
from dataclasses import dataclass, field
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
    """Serves commands (spec, start_at, seconds, synchronous) until None: turns run in that window; sends back
    their count, the failed operations and the process CPU seconds they took."""
    pools: dict[Spec, CredentialPool] = {}
    while (job := conn.recv()) is not None:
        spec, start_at, seconds, synchronous = job
        if spec not in pools:
            pools[spec] = CredentialPool("bench", _creds(3, "k"), store=_store(spec))
        pool = pools[spec]
        time.sleep(max(0.0, start_at - time.time()))
        count, busy, end, cpu = 0, 0, start_at + seconds, time.process_time()
        while time.time() < end:
            try:
                lease = pool.acquire("model")
                if synchronous:
                    pool.report_success(lease, release=True)
                else:
                    pool.record_success(lease)
                count += 1
            except (StoreError, NoCredentialAvailable):  # busy lock, too many conflicts; a lease lost to one
                busy += 1
        conn.send((count, busy, time.process_time() - cpu))


def _answer(conn: Connection, seconds: float) -> tuple[int, int, float]:
    if not conn.poll(seconds + 60):
        raise RuntimeError("a benchmark worker died (its traceback is above)")
    done, busy, cpu = conn.recv()
    return int(done), int(busy), float(cpu)


Block = tuple[str, int]  # (store, processes)


@dataclass
class Throughput:
    """Per block, one entry per round: cycles per second, worker CPU per cycle and (Redis) the server's CPU per
    cycle and busy share (``server``: seconds of server CPU per cycle, and per second of the block)."""

    rates: dict[Block, list[float]] = field(default_factory=lambda: defaultdict(list))
    client_cpu: dict[Block, list[float]] = field(default_factory=lambda: defaultdict(list))
    server_cpu: dict[Block, list[float]] = field(default_factory=lambda: defaultdict(list))
    server_busy: dict[Block, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[Block, int] = field(default_factory=lambda: defaultdict(int))


def _server_cpu(spec: Spec) -> float | None:
    """The Redis server's CPU seconds so far (user + system), or None for another store."""
    if spec[0] != "redis":
        return None
    import redis

    info = redis.Redis.from_url(spec[1]).info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def _block(pipes: list[tuple[Connection, Connection]], spec: Spec, n: int, seconds: float, synchronous: bool,
           out: Throughput) -> None:
    before = _server_cpu(spec)
    start_at = time.time() + 0.05
    for parent, _ in pipes[:n]:
        parent.send((spec, start_at, seconds, synchronous))
    results = [_answer(parent, seconds) for parent, _ in pipes[:n]]
    cycles = max(1, sum(done for done, _, _ in results))
    key = (spec[0], n)
    out.rates[key].append(sum(done for done, _, _ in results) / seconds)
    out.errors[key] += sum(failed for _, failed, _ in results)
    out.client_cpu[key].append(sum(cpu for _, _, cpu in results) / cycles)
    after = _server_cpu(spec)
    if before is not None and after is not None:
        out.server_cpu[key].append((after - before) / cycles)
        out.server_busy[key].append((after - before) / seconds)


def _throughput(specs: list[Spec], rounds: int, seconds: float, synchronous: bool) -> Throughput:
    pipes = [CTX.Pipe() for _ in range(max(PROCESSES))]
    procs = [CTX.Process(target=_worker, args=(child,), daemon=True) for _, child in pipes]
    for p in procs:
        p.start()
    out = Throughput()
    try:
        for spec in specs:  # warm-up: every worker imports, connects and builds its pool before timing
            for parent, _ in pipes:
                parent.send((spec, time.time(), 0.05, synchronous))
            for parent, _ in pipes:
                parent.recv()
        for r in range(rounds):
            for n in PROCESSES[r % len(PROCESSES):] + PROCESSES[:r % len(PROCESSES)]:
                for spec in specs if r % 2 == 0 else specs[::-1]:
                    _block(pipes, spec, n, seconds, synchronous, out)
    finally:
        for parent, _ in pipes:
            parent.send(None)
        for p in procs:
            p.join(timeout=10)
    return out


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


def _print_throughput(out: Throughput, kinds: list[str], rounds: int, synchronous: bool) -> None:
    first, last = PROCESSES[0], PROCESSES[-1]
    report = "report_success(release=True)" if synchronous else "record_success (as a turn)"
    print(f"acquire+{report} cycles per second, summed over processes (median of {rounds} rounds; {last}/{first}: "
          "median of the per-round ratios [lowest, highest])")
    print(f"  {'store':7} " + "".join(f"{f'{n} proc':>11}" for n in PROCESSES)
          + f"{f'{last}/{first}':>8} {'[range]':>13}   store errors")
    for kind in kinds:
        meds = [statistics.median(out.rates[(kind, n)]) for n in PROCESSES]
        ratios = [b / a for a, b in zip(out.rates[(kind, first)], out.rates[(kind, last)], strict=True) if a > 0]
        errors = "/".join(str(out.errors[(kind, n)]) for n in PROCESSES)
        spread = f"[{min(ratios):.2f}, {max(ratios):.2f}]" if ratios else ""
        ratio = statistics.median(ratios) if ratios else float("nan")
        print(f"  {kind:7} " + "".join(f"{m:11.0f}" for m in meds) + f"{ratio:8.2f} {spread:>13}   {errors}")
    print("  CPU per cycle, microseconds (median of rounds): workers' processes summed; Redis server, and how busy "
          "it was (% of one core)")
    for kind in kinds:
        cells = []
        for n in PROCESSES:
            cell = f"{statistics.median(out.client_cpu[(kind, n)]) * 1e6:.0f}"
            if out.server_cpu[(kind, n)]:
                cell += (f" + server {statistics.median(out.server_cpu[(kind, n)]) * 1e6:.0f}"
                         f" ({statistics.median(out.server_busy[(kind, n)]) * 100:.0f} %)")
            cells.append(f"{n} proc {cell}")
        print(f"  {kind:7} " + "; ".join(cells))


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
    parser.add_argument("--rounds", type=int, default=6, help="interleaved rounds (median reported)")
    parser.add_argument("--seconds", type=float, default=0.5, help="length of one throughput block")
    parser.add_argument("--block", type=int, default=60, help="acquires per acquire-cost block")
    parser.add_argument("--synchronous", action="store_true",
                        help="throughput cycles report with report_success(release=True), not as a turn does")
    args = parser.parse_args()
    redis_proc, redis_url = _redis()
    tmp = Path(tempfile.mkdtemp())
    shared: list[Spec] = [("sqlite", str(tmp / "bench.db"))]
    if redis_url:
        shared.append(("redis", redis_url))
    else:
        print("redis: skipped (no redis-server on this machine)")
    try:
        throughput = _throughput(shared, args.rounds, args.seconds, args.synchronous)
        sizes: list[Spec] = [("memory", ""), ("sqlite", str(tmp / "sizes.db")), *shared[1:]]
        costs = _acquire_cost(sizes, args.rounds, args.block)
    finally:
        if redis_proc is not None:
            redis_proc.terminate()
    _print_throughput(throughput, [s[0] for s in shared], args.rounds, args.synchronous)
    _print_costs(costs, [s[0] for s in sizes])
    print("  goals: redis 16/1 >= 1.00; acquire 1000/2 <= 2.00 for every store and strategy")


if __name__ == "__main__":
    main()
