"""Benchmark: loop overhead versus a bare SDK call against the emulator.

Bare: ``client.chat.completions.create`` with the real openai client (max_retries=0), sending
exactly the payload the loop sends (same messages, same max_tokens).
The emulator runs as a separate process (``steadyloop upstream``), as a real upstream would: an
in-process server thread would compete with the client for the GIL and blur the comparison.
Loop: ``ConversationLoop.run`` on the same model (lease, call, soft-failure check, success report,
result), with in-memory and with SQLite credential state. Calls alternate bare/loop in blocks so
both see the same machine conditions. Ratio = loop median / bare median (goal <= 1.05).

Observability: the in-memory loop with the ``Metrics`` and ``Tracing`` hooks on (the real
OpenTelemetry SDK, a batch span processor and an exporter that drops the spans, as a collector
would take them) against the same loop without hooks, alternating call by call (goal: on / off
<= 1.03). Printed: the wall-clock median and 25th-percentile ratios, the process CPU time per turn
(both threads: what the hooks cost a busy machine), and the hooks' own cost per turn.

Run: python -m bench.loop [--calls N]
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


def _loop(emu: Any, store: StateStore) -> ConversationLoop:
    pool = CredentialPool("bench", [Credential(id="k", secret=SecretStr("sk-bench-key"))], store=store)
    entry = ChainEntry(api="openai-chat", model="gpt-4o", pool="bench", base_url=emu.base_url("openai"))
    return ConversationLoop([entry], {"bench": pool}, hooks=())


def _observed(emu: Any) -> ConversationLoop:
    """The in-memory loop with tracing and metrics on."""
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    from agent.observability import Metrics, Tracing

    class Drop(SpanExporter):
        def export(self, spans: Any) -> SpanExportResult:
            return SpanExportResult.SUCCESS

    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(Drop()))
    loop = _loop(emu, MemoryStore())
    loop.hooks = (Metrics(), Tracing(provider.get_tracer("bench")))
    return loop


def _hook_cost(emu: Any, observed: ConversationLoop, rounds: int = 2000) -> float:
    """Seconds the observability hooks take per turn: one turn's recorded events, replayed into them."""
    recorded: list[Any] = []
    loop = _loop(emu, MemoryStore())
    loop.hooks = (recorded.append,)
    loop.run("Say hello.")
    hooks = observed.hooks
    start = time.perf_counter()
    for _ in range(rounds):
        for event in recorded:
            for hook in hooks:
                hook(event)
    return (time.perf_counter() - start) / rounds


def _observability(emu: Any, calls: int) -> str:
    """Tracing and metrics on versus off, alternating call by call; the report's lines."""
    on_loop, off_loop = _observed(emu), _loop(emu, MemoryStore())
    wall: dict[str, list[float]] = {"on": [], "off": []}
    cpu = {"on": 0.0, "off": 0.0}
    for i in range(20 + calls):
        for name, loop in ((("on", on_loop), ("off", off_loop)) if i % 2 else (("off", off_loop), ("on", on_loop))):
            start, start_cpu = time.perf_counter(), time.process_time()
            loop.run("Say hello.")
            if i >= 20:  # after the warm-up
                wall[name].append(time.perf_counter() - start)
                cpu[name] += time.process_time() - start_cpu
    hooks = _hook_cost(emu, on_loop)
    on, off = statistics.median(wall["on"]), statistics.median(wall["off"])
    q_on, q_off = (statistics.quantiles(wall[k], n=4)[0] for k in ("on", "off"))
    return (f"observability on/off ({calls} turns each, alternating): median {on * 1e3:.3f} vs {off * 1e3:.3f} ms "
            f"ratio {on / off:5.3f}; p25 {q_on * 1e3:.3f} vs {q_off * 1e3:.3f} ms ratio {q_on / q_off:5.3f}\n"
            f"  process CPU per turn: {cpu['on'] / calls * 1e6:.0f} vs {cpu['off'] / calls * 1e6:.0f} us "
            f"ratio {cpu['on'] / cpu['off']:5.3f}; the hooks alone (one turn's events replayed): "
            f"{hooks * 1e6:.1f} us per turn\n  goal: on/off <= 1.03")


def _time(fn: object, n: int) -> list[float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return samples


class _Upstream:
    """``steadyloop upstream`` in its own process; ``base_url`` like ``Emulator``."""

    def __enter__(self) -> _Upstream:
        self.proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "upstream", "--scenario", "healthy"],
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline() and self.proc.stdout.readline().split()[-1]
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def base_url(self, api: str) -> str:
        return self.url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=600)
    calls = parser.parse_args().calls
    with _Upstream() as emu:
        client = openai.OpenAI(api_key="sk-bench-key", base_url=emu.base_url("openai"), max_retries=0)
        from agent.adapters import ModelRequest, OpenAIChat
        from agent.conversation import Message

        payload = OpenAIChat().payload(ModelRequest("gpt-4o", (Message.user("Say hello."),)))
        loops = {"memory": _loop(emu, MemoryStore()),
                 "sqlite": _loop(emu, SQLiteStore(Path(tempfile.mkdtemp()) / "bench.db"))}
        bare_samples: list[float] = []
        loop_samples: dict[str, list[float]] = {name: [] for name in loops}
        for _ in range(20):  # warm-up
            client.chat.completions.create(**payload)
            for loop in loops.values():
                loop.run("Say hello.")
        for _ in range(calls // 50):
            bare_samples += _time(lambda: client.chat.completions.create(**payload), 50)
            for name, loop in loops.items():
                loop_samples[name] += _time(lambda loop=loop: loop.run("Say hello."), 50)  # type: ignore[misc]
        observed = _observability(emu, calls)
    bare = statistics.median(bare_samples)
    print(f"loop overhead: {len(bare_samples)} successful calls each, real openai client, emulator upstream")
    print(f"  bare SDK call:      median {bare * 1e3:6.3f} ms")
    for name, samples in loop_samples.items():
        median = statistics.median(samples)
        print(f"  loop ({name:6} state): median {median * 1e3:6.3f} ms   ratio {median / bare:5.3f}")
    print("  goal: ratio <= 1.05")
    print(observed)


if __name__ == "__main__":
    main()
