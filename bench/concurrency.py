"""Benchmark: many concurrent ``arun`` turns in one event loop versus one turn, against the emulator.

The emulator runs as its own process (``steadyloop upstream``), as a real upstream would. One
``ConversationLoop`` (in-memory credential state, one key without a concurrency cap) serves N
turns of N different sessions at once with ``asyncio.gather``; the figure is the wall time of
all N against the median of single turns. The emulator holds every answer back for ``--delay``
seconds (0.5 s by default, a realistic time to a model's answer), so the figure shows whether
turns overlap: turns that block each other would take about N times one turn; turns that
overlap take about one turn plus the loop's own work for N.

Run: python -m bench.concurrency [--turns N] [--rounds R] [--delay SECONDS]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from pydantic import SecretStr

from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.stores import MemoryStore
from bench.loop import _Upstream


def _loop(base_url: str) -> ConversationLoop:
    pool = CredentialPool("bench", [Credential(id="k", secret=SecretStr("sk-bench-key"))], store=MemoryStore())
    entry = ChainEntry(api="openai-chat", model="gpt-4o", pool="bench", base_url=base_url)
    return ConversationLoop([entry], {"bench": pool}, hooks=())


async def _measure(loop: ConversationLoop, turns: int, rounds: int) -> tuple[float, float, int]:
    for _ in range(2):  # warm-up: clients, connections, imports
        await loop.arun("Say hello.", session="warm")
    singles = []
    for _ in range(rounds):
        start = time.perf_counter()
        await loop.arun("Say hello.", session="one")
        singles.append(time.perf_counter() - start)
    start = time.perf_counter()
    results = await asyncio.gather(*(loop.arun("Say hello.", session=f"chat-{i}") for i in range(turns)))
    together = time.perf_counter() - start
    return statistics.median(singles), together, sum(1 for r in results if r.ok)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--delay", type=float, default=0.5, help="seconds the emulator takes to answer")
    args = parser.parse_args()
    scenario = Path(tempfile.mkdtemp()) / "delayed.json"
    scenario.write_text(json.dumps({"name": "delayed", "description": f"every answer after {args.delay} s",
                                    "rules": [{"respond": "reply", "delay": args.delay}]}))
    with _Upstream(str(scenario)) as emu:
        one, together, ok = asyncio.run(_measure(_loop(emu.url), args.turns, args.rounds))
    print(f"{args.turns} concurrent arun turns (one event loop, {args.turns} sessions): {together * 1e3:.1f} ms "
          f"total, {ok}/{args.turns} ok; one turn alone: median {one * 1e3:.1f} ms over {args.rounds}; "
          f"ratio {together / one:.1f}x one turn (serial would be about {args.turns}x; emulator answer delay "
          f"{args.delay:g} s)")


if __name__ == "__main__":
    main()
