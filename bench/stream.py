"""Benchmark: time to first token through the loop versus a bare SDK stream, against the emulator.

Bare: the real openai client streams a chat completion; the clock stops at the first content
delta. Loop: ``ConversationLoop.stream`` (lease, streamed call, deltas; in-memory state); the
clock stops at the first TextDelta. Both streams are read to the end. Each call carries 1 message
(the prompt alone) or 50 (49 of history and the prompt). The emulator runs in its own process
(``steadyloop upstream``). Arms alternate in blocks, their order rotated each round; printed:
p50 and p99 and their ratios to the bare stream of the same size (goal: p50 ratio <= 1.05).

Run: python -m bench.stream [--streams N]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import openai
from pydantic import SecretStr

from agent.adapters import ModelRequest, OpenAIChat
from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.events import TextDelta
from agent.stores import MemoryStore
from bench.loop import SIZES, _conversation, _interleaved, _table, _Upstream


def _arms(client: Any, loop: ConversationLoop, size: int) -> dict[str, Any]:
    conversation = _conversation(size)
    payload = OpenAIChat().payload(ModelRequest("gpt-4o", conversation))
    history, prompt = conversation[:-1], conversation[-1]

    def bare() -> float:
        start, first = time.perf_counter(), None
        for chunk in client.chat.completions.create(**payload, stream=True, stream_options={"include_usage": True}):
            if first is None and chunk.choices and chunk.choices[0].delta.content:
                first = time.perf_counter()
        return (first or time.perf_counter()) - start

    def looped() -> float:
        start, first = time.perf_counter(), None
        for event in loop.stream(prompt, history=history):
            if first is None and isinstance(event, TextDelta):
                first = time.perf_counter()
        return (first or time.perf_counter()) - start

    return {"bare": bare, "memory": looped}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--streams", type=int, default=600, help="streams per arm")
    parser.add_argument("--block", type=int, default=10, help="streams in a row before the next arm")
    args = parser.parse_args()
    with _Upstream() as emu:
        client = openai.OpenAI(api_key="sk-bench-key", base_url=emu.base_url("openai"), max_retries=0)
        pool = CredentialPool("bench", [Credential(id="k", secret=SecretStr("sk-bench-key"))], store=MemoryStore())
        loop = ConversationLoop([ChainEntry(api="openai-chat", model="gpt-4o", pool="bench",
                                            base_url=emu.base_url("openai"))], {"bench": pool}, hooks=())
        arms = {(size, name): fn for size in SIZES for name, fn in _arms(client, loop, size).items()}
        samples, _ = _interleaved(arms, args.streams, args.block, timed=False)
    print(f"time to first token: {args.streams} streams per arm, blocks of {args.block} alternated (order rotated "
          "each round); real openai client, emulator upstream in its own process")
    print("  a shared machine: read the ratios (both sides saw the same load), not the absolute times")
    print(_table(samples, turn="loop.stream"))
    print("  goal: p50 ratio <= 1.05")


if __name__ == "__main__":
    main()
