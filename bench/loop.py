"""Benchmark: loop overhead versus a bare SDK call against the emulator.

Bare: ``client.chat.completions.create`` with the real openai client (max_retries=0), sending
exactly the messages the loop sends: 1 message (the prompt alone) and 50 (49 of history and the
prompt). The emulator runs as a separate process (``steadyloop upstream``), as a real upstream
would: an in-process server thread would compete with the client for the GIL and blur the
comparison. Turn: ``ConversationLoop.run`` on the same model (lease, call, soft-failure check,
success report, result) with in-memory, SQLite and Redis credential state (a redis-server this
benchmark starts on loopback; skipped without one), and with in-memory state plus one bare round
trip to that server waited for in each acquire (``PING``): what any state that asks a server on
every turn pays on this machine before its own work, the floor under the Redis arm. Every arm
(bare or a state, at each size) runs in blocks, the arms' order rotated each round, so all see
the same machine conditions.
Printed per arm: p50 and p99 and their ratios to the bare call of the same size (goals: p50
ratio <= 1.00 memory, <= 1.05 SQLite, <= 1.10 Redis), and the process CPU time per call (every
thread of this process), which other processes' load on a shared machine disturbs far less than
wall time.

Observability: the in-memory loop with the ``Metrics`` and ``Tracing`` hooks on (the real
OpenTelemetry SDK, a batch span processor and an exporter that drops the spans, as a collector
would take them) against the same loop without hooks, in interleaved blocks of 20 turns (goal:
on / off <= 1.03). Printed: the wall-clock median and 25th-percentile ratios and the spread of the
per-round ratios, the process CPU time per turn (every thread: what the hooks cost a busy
machine) and the garbage collector's part of it (the measured rounds start after a full
collection), the CPU of the loop's own thread, the hooks' own cost per turn, and the SDK's floor:
a bare turn span and attempt span, which no change in steadyloop can remove.

Run: python -m bench.loop [--calls N] [--observability]   (--observability: only that comparison, 4000 turns
each unless --calls says otherwise)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import openai
from pydantic import SecretStr

from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.stores import MemoryStore, SQLiteStore, StateStore

SIZES: tuple[int, ...] = (1, 50)  # messages per call


def _loop(emu: Any, store: StateStore) -> ConversationLoop:
    pool = CredentialPool("bench", [Credential(id="k", secret=SecretStr("sk-bench-key"))], store=store)
    entry = ChainEntry(api="openai-chat", model="gpt-4o", pool="bench", base_url=emu.base_url("openai"))
    return ConversationLoop([entry], {"bench": pool}, hooks=())


def _observed(emu: Any) -> tuple[ConversationLoop, Any]:
    """The in-memory loop with tracing and metrics on, and its tracing hook."""
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    from agent.observability import Metrics, Tracing

    class Drop(SpanExporter):
        def export(self, spans: Any) -> SpanExportResult:
            return SpanExportResult.SUCCESS

    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(Drop()))
    loop = _loop(emu, MemoryStore())
    tracing = Tracing(provider.get_tracer("bench"))
    loop.hooks = (Metrics(), tracing)
    return loop, tracing


def _hook_cost(emu: Any, observed: tuple[ConversationLoop, Any], rounds: int = 2000) -> tuple[float, float]:
    """CPU seconds the observability hooks take per turn: one turn's recorded events, replayed into them.

    Returned: the whole cost, spans built inline, and the loop thread's part alone (the events stamped and
    kept, the metrics counted; the spans then built on the builder's thread, not counted)."""
    from agent.observability import Tracing

    recorded: list[Any] = []
    loop = _loop(emu, MemoryStore())
    loop.hooks = (recorded.append,)
    loop.run("Say hello.")
    metrics, tracing = observed[0].hooks[0], observed[1]
    costs = []
    for deferred, clock in ((False, time.process_time), (True, time.thread_time)):
        hooks = (metrics, Tracing(tracing.tracer, deferred=deferred))  # the same work as the builder's
        start = clock()
        for _ in range(rounds):
            for event in recorded:
                for hook in hooks:
                    hook(event)
        costs.append((clock() - start) / rounds)
        hooks[1].flush()
    return costs[0], costs[1]


def _sdk_floor(tracer: Any, rounds: int = 4000) -> float:
    """CPU seconds (every thread) the SDK takes for the fewest spans a turn has under the conventions:
    a turn span and one attempt span, bare (``start_span().end()``, no attributes), on this tracer."""
    from opentelemetry import trace

    start = time.process_time()
    for _ in range(rounds):
        turn = tracer.start_span("invoke_agent steadyloop")
        tracer.start_span("chat gpt-4o", context=trace.set_span_in_context(turn)).end()
        turn.end()
    return (time.process_time() - start) / rounds


class _GcClock:
    """Process CPU seconds spent in the garbage collector, and the number of collections, by generation,
    while installed."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.count = [0, 0, 0]
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds[info["generation"]] += time.process_time() - self._start
            self.count[info["generation"]] += 1


def _observability(emu: Any, calls: int, block: int = 20) -> str:
    """Tracing and metrics on versus off in interleaved blocks (order swapped each round); the report's lines.

    Each turn's wall time is a sample; each block's process CPU (every thread) is summed per arm,
    the "on" block including a ``flush()`` of the tracing hook, so the background span building
    its turns caused is counted in its own arm. Also printed: the CPU the garbage collector took
    in each arm's blocks, the CPU of the loop's own thread (the turn's latency cost, without the
    background span building), and the spread of the per-round median ratios."""
    import gc

    (on_loop, tracing), off_loop = _observed(emu), _loop(emu, MemoryStore())
    wall: dict[str, list[float]] = {"on": [], "off": []}
    cpu, gc_cpu, own = {"on": 0.0, "off": 0.0}, {"on": 0.0, "off": 0.0}, {"on": 0.0, "off": 0.0}
    rounds: list[float] = []
    for _ in range(40):  # warm-up: connections, label children, the builder thread
        on_loop.run("Say hello.")
        off_loop.run("Say hello.")
    tracing.flush()
    # Start with no collector debt: the objects the imports left since the last full collection would
    # otherwise bring one (~60-90 ms here) into the first blocks, nearly always an "on" block, as only
    # that arm's objects (spans waiting in the batch processor) live long enough to be promoted.
    gc.collect()
    clock = _GcClock()
    full = {"on": 0, "off": 0}
    gc.callbacks.append(clock)
    try:
        for r in range(max(1, calls // block)):
            medians = {}
            for name, loop in (("on", on_loop), ("off", off_loop))[:: 1 if r % 2 else -1]:
                gc_before, full_before = sum(clock.seconds), clock.count[2]
                start_cpu, start_own = time.process_time(), time.thread_time()
                samples = _time(lambda loop=loop: loop.run("Say hello."), block)
                own[name] += time.thread_time() - start_own
                if name == "on":
                    tracing.flush()
                cpu[name] += time.process_time() - start_cpu
                gc_cpu[name] += sum(clock.seconds) - gc_before
                full[name] += clock.count[2] - full_before
                wall[name] += samples
                medians[name] = statistics.median(samples)
            rounds.append(medians["on"] / medians["off"])
    finally:
        gc.callbacks.remove(clock)
    hooks, stamped = _hook_cost(emu, (on_loop, tracing))
    floor = _sdk_floor(tracing.tracer)
    turns = len(wall["on"])
    on, off = statistics.median(wall["on"]), statistics.median(wall["off"])
    q_on, q_off = (statistics.quantiles(wall[k], n=4)[0] for k in ("on", "off"))
    deciles = statistics.quantiles(rounds, n=10)
    per = {k: v / turns * 1e6 for k, v in cpu.items()}
    gc_per = {k: v / turns * 1e6 for k, v in gc_cpu.items()}
    mine = {k: v / turns * 1e6 for k, v in own.items()}
    least = (per["off"] + floor * 1e6 + gc_per["on"] - gc_per["off"]) / per["off"]  # the SDK's part alone
    return ("observability on/off: real OpenTelemetry SDK, BatchSpanProcessor, an exporter that drops the spans "
            "(no encoding, no network), every turn sampled\n"
            f"  {turns} turns each, blocks of {block} interleaved: median {on * 1e3:.3f} vs "
            f"{off * 1e3:.3f} ms ratio {on / off:5.3f}; p25 {q_on * 1e3:.3f} vs {q_off * 1e3:.3f} ms ratio "
            f"{q_on / q_off:5.3f}\n"
            f"  per-round median ratios ({len(rounds)} rounds): p10 {deciles[0]:5.3f}, median "
            f"{statistics.median(rounds):5.3f}, p90 {deciles[-1]:5.3f}\n"
            f"  process CPU per turn (span building included): {per['on']:.0f} vs {per['off']:.0f} us ratio "
            f"{per['on'] / per['off']:5.3f}; of it garbage collection {gc_per['on']:.1f} vs {gc_per['off']:.1f} us "
            f"({full['on']} vs {full['off']} full collections)\n"
            f"  the loop's own thread (what a turn waits for; span building is on another): {mine['on']:.0f} vs "
            f"{mine['off']:.0f} us CPU per turn ratio {mine['on'] / mine['off']:5.3f}\n"
            f"  the hooks alone (one turn's events replayed, spans built inline): {hooks * 1e6:.1f} us per turn, of "
            f"which on the loop's thread when spans are built on the builder's: {stamped * 1e6:.1f} us\n"
            f"  the SDK's floor (a bare turn span and attempt span, no attributes): {floor * 1e6:.1f} us per turn; "
            f"with the collection above, CPU on/off >= {least:5.3f}\n"
            f"  goal: on/off <= 1.03")


def _first_use(emu: Any, keys: int = 40) -> str:
    """Turns whose key has not been used before (round robin over ``keys`` fresh keys) versus turns
    whose key has: the first call with a key builds that key's SDK client."""
    creds = [Credential(id=f"k{i}", secret=SecretStr(f"sk-bench-{i:04d}")) for i in range(keys)]
    pool = CredentialPool("bench", creds, store=MemoryStore(), strategy="round_robin")
    entry = ChainEntry(api="openai-chat", model="gpt-4o", pool="bench", base_url=emu.base_url("openai"))
    loop = ConversationLoop([entry], {"bench": pool}, hooks=())
    loop.run("Say hello.")  # the first key: imports and the first connection are not what is measured
    first = statistics.median(_time(lambda: loop.run("Say hello."), keys - 1))
    used = statistics.median(_time(lambda: loop.run("Say hello."), keys))
    return (f"first call with a key not used before ({keys} keys, round robin, memory state): median "
            f"{first * 1e3:.3f} ms vs {used * 1e3:.3f} ms with a key used before ({(first - used) * 1e3:+.3f} ms)")


def _time(fn: object, n: int) -> list[float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return samples


class _Upstream:
    """``steadyloop upstream`` in its own process; ``base_url`` like ``Emulator``."""

    def __init__(self, scenario: str = "healthy") -> None:
        self.scenario = scenario  # a shipped name or a TOML/JSON file

    def __enter__(self) -> _Upstream:
        self.proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "upstream", "--scenario", self.scenario],
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline() and self.proc.stdout.readline().split()[-1]
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def base_url(self, api: str) -> str:
        return self.url


ARMS: tuple[str, ...] = ("bare", "memory", "sqlite", "memory+PING", "redis")
GOALS: dict[str, float] = {"memory": 1.00, "sqlite": 1.05, "redis": 1.10}


def _conversation(messages: int) -> tuple[Any, ...]:
    """``messages`` messages in all: alternating history, then the prompt last."""
    from agent.conversation import Message

    history = [Message.user(f"Question {i}: what is {i} + {i}?") if i % 2 == 0
               else Message(role="assistant", text=f"Answer {i}: it is {2 * i}.") for i in range(messages - 1)]
    return (*history, Message.user("Say hello."))


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class _Pinged(MemoryStore):
    """In-memory state that also waits, in each acquire, for one bare round trip to a Redis server (``PING``,
    written and read on the connection as ``RedisStore`` writes its scripts)."""

    def __init__(self, url: str) -> None:
        import redis

        super().__init__()
        self._connection = redis.Redis.from_url(url, single_connection_client=True).connection

    def acquire(self, *args: Any, **kwargs: Any) -> str | None:
        self._connection.send_packed_command([b"*1\r\n$4\r\nPING\r\n"], check_health=False)
        self._connection.read_response()
        return super().acquire(*args, **kwargs)


def _stores(redis_url: str | None) -> dict[str, StateStore]:
    stores: dict[str, StateStore] = {"memory": MemoryStore(),
                                     "sqlite": SQLiteStore(Path(tempfile.mkdtemp()) / "bench.db")}
    if redis_url:
        from agent.stores.redis import RedisStore

        stores["memory+PING"] = _Pinged(redis_url)
        stores["redis"] = RedisStore(redis_url, prefix="bench-loop:")
    return stores


def _arms(emu: Any, client: Any, stores: dict[str, StateStore], size: int) -> dict[str, Any]:
    """Callables, one per arm, that each make one call carrying ``size`` messages."""
    from agent.adapters import ModelRequest, OpenAIChat

    conversation = _conversation(size)
    payload = OpenAIChat().payload(ModelRequest("gpt-4o", conversation))
    arms: dict[str, Any] = {"bare": lambda: client.chat.completions.create(**payload)}
    for name, store in stores.items():
        loop = _loop(emu, store)
        history, prompt = conversation[:-1], conversation[-1]
        arms[name] = lambda loop=loop, history=history, prompt=prompt: loop.run(prompt, history=history)
    return arms


Samples = dict[tuple[int, str], list[float]]


def _interleaved(arms: dict[tuple[int, str], Any], calls: int, block: int,
                 timed: bool = True) -> tuple[Samples, dict[tuple[int, str], float]]:
    """Every arm ``calls`` times, in blocks of ``block``, the arms' order rotated each round.

    ``timed``: each call is timed here; otherwise each call returns its own figure (seconds).
    Also returned: each arm's process CPU seconds per call (every thread of this process)."""
    names = list(arms)
    for fn in arms.values():  # warm-up: clients, connections, the first lease of each store
        for _ in range(20):
            fn()
    samples: Samples = {name: [] for name in names}
    cpu = dict.fromkeys(names, 0.0)
    for r in range(calls // block):
        for name in names[r % len(names):] + names[:r % len(names)]:
            start = time.process_time()
            samples[name] += _time(arms[name], block) if timed else [arms[name]() for _ in range(block)]
            cpu[name] += time.process_time() - start
    return samples, {name: total / len(samples[name]) for name, total in cpu.items()}


def _table(samples: Samples, cpu: dict[tuple[int, str], float] | None = None, turn: str = "turn") -> str:
    head = f"  {'messages':>8}  {'arm':20} {'p50 ms':>8} {'p99 ms':>8}   {'p50 ratio':>9} {'p99 ratio':>9}"
    lines = [head + ("   CPU us/call  CPU ratio" if cpu else "")]
    for (size, arm), got in samples.items():
        bare = samples[(size, "bare")]
        p50, p99 = _pct(got, 0.50), _pct(got, 0.99)
        label = "bare SDK call" if arm == "bare" else f"{turn}, {arm}"
        line = (f"  {size:>8}  {label:20} {p50 * 1e3:8.3f} {p99 * 1e3:8.3f}   "
                f"{p50 / _pct(bare, 0.50):9.3f} {p99 / _pct(bare, 0.99):9.3f}")
        if cpu:
            line += f"   {cpu[(size, arm)] * 1e6:11.0f} {cpu[(size, arm)] / cpu[(size, 'bare')]:10.3f}"
        lines.append(line)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, help="calls per arm (each size, each state, bare): 1000; turns per "
                        "arm with --observability: 4000 (a full collection comes about every 4000 turns)")
    parser.add_argument("--block", type=int, default=10, help="calls in a row before the next arm")
    parser.add_argument("--observability", action="store_true",
                        help="only the tracing and metrics on/off comparison, --calls turns each")
    args = parser.parse_args()
    if args.observability:
        with _Upstream() as emu:
            print(_observability(emu, args.calls or 4000))
        return
    args.calls = args.calls or 1000
    from bench.pool import _redis

    redis_proc, redis_url = _redis()
    try:
        with _Upstream() as emu:
            client = openai.OpenAI(api_key="sk-bench-key", base_url=emu.base_url("openai"), max_retries=0)
            stores = _stores(redis_url)
            arms = {(size, name): fn for size in SIZES
                    for name, fn in _arms(emu, client, stores, size).items()}
            samples, cpu = _interleaved(arms, args.calls, args.block)
            observed = _observability(emu, args.calls)
            rotation = _first_use(emu)
    finally:
        if redis_proc is not None:
            redis_proc.terminate()
    print(f"turn / bare SDK call: {args.calls} calls per arm, blocks of {args.block} alternated (order rotated "
          "each round); real openai client, emulator upstream in its own process")
    print("  a shared machine: read the ratios (both sides saw the same load), not the absolute times")
    print(_table(samples, cpu))
    if not redis_url:
        print("  redis: skipped (no redis-server on this machine)")
    print("  goals: p50 ratio <= " + ", ".join(f"{v:.2f} ({k})" for k, v in GOALS.items()))
    if redis_url:
        print("  memory+PING: in-memory state and one bare Redis round trip waited for per turn, the floor under "
              "the Redis arm")
    print(observed)
    print(rotation)


if __name__ == "__main__":
    main()
