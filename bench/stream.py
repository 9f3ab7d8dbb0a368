"""Benchmark: time to first token through the loop versus a bare SDK stream, against the emulator.

Bare: the real openai client streams a chat completion; the clock stops at the first content
delta. Loop: ``ConversationLoop.stream`` (lease, streamed call, deltas); the clock stops at the
first TextDelta. Both streams are read to the end. Blocks alternate; ratio = median loop / median
bare (goal <= 1.05).

Run: python -m bench.stream [--streams N]
"""

from __future__ import annotations

import argparse
import statistics
import time

import openai
from pydantic import SecretStr

from agent.adapters import ModelRequest, OpenAIChat
from agent.conversation import Message
from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.events import TextDelta
from agent.stores import MemoryStore
from agent.testing.emulator import Emulator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--streams", type=int, default=400)
    streams = parser.parse_args().streams
    with Emulator("healthy") as emu:
        client = openai.OpenAI(api_key="sk-bench-key", base_url=emu.base_url("openai"), max_retries=0)
        payload = OpenAIChat().payload(ModelRequest("gpt-4o", (Message.user("Say hello."),)))
        pool = CredentialPool("bench", [Credential(id="k", secret=SecretStr("sk-bench-key"))], store=MemoryStore())
        loop = ConversationLoop([ChainEntry(api="openai-chat", model="gpt-4o", pool="bench",
                                            base_url=emu.base_url("openai"))], {"bench": pool}, hooks=())

        def bare() -> float:
            start, first = time.perf_counter(), None
            for chunk in client.chat.completions.create(**payload, stream=True, stream_options={"include_usage": True}):
                if first is None and chunk.choices and chunk.choices[0].delta.content:
                    first = time.perf_counter()
            return (first or time.perf_counter()) - start

        def looped() -> float:
            start, first = time.perf_counter(), None
            for event in loop.stream("Say hello."):
                if first is None and isinstance(event, TextDelta):
                    first = time.perf_counter()
            return (first or time.perf_counter()) - start

        for _ in range(20):
            bare(), looped()
        bare_s, loop_s = [], []
        for _ in range(streams // 25):
            bare_s += [bare() for _ in range(25)]
            loop_s += [looped() for _ in range(25)]
    b, lo = statistics.median(bare_s), statistics.median(loop_s)
    print(f"time to first token: {len(bare_s)} streams each, real openai client, emulator upstream")
    print(f"  bare SDK stream: median {b * 1e3:6.3f} ms")
    print(f"  loop.stream:     median {lo * 1e3:6.3f} ms   ratio {lo / b:5.3f}")
    print("  goal: ratio <= 1.05")


if __name__ == "__main__":
    main()
