"""Benchmark: successful non-streamed chat completions per second through the real openai client.

One client (max_retries=0, connection pooling as in production) against the in-process emulator,
first from one thread, then from four threads sharing the client. Also times streamed calls.

Run: python -m bench.emulator [--calls N]
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor

import openai

from agent.testing.emulator import Emulator

MESSAGES = [{"role": "user", "content": "Say hello."}]


def _rate(client: openai.OpenAI, calls: int, threads: int, *, stream: bool = False) -> float:
    def one(_: int) -> None:
        if stream:
            for _chunk in client.chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True):
                pass
        else:
            client.chat.completions.create(model="gpt-4o", messages=MESSAGES)

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, range(calls)))
    return calls / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=2000)
    calls = parser.parse_args().calls
    with Emulator("healthy") as emu:
        client = openai.OpenAI(api_key="sk-bench", base_url=emu.base_url("openai"), max_retries=0)
        _rate(client, 50, 1)  # warm-up
        single = _rate(client, calls, 1)
        multi = _rate(client, calls, 4)
        streamed = _rate(client, calls // 2, 1, stream=True)
        logged = len(emu.log)
    print(f"emulator: {calls} successful chat completions through the real openai client")
    print(f"  1 thread:  {single:7.0f} calls/s")
    print(f"  4 threads: {multi:7.0f} calls/s")
    print(f"  streamed, 1 thread: {streamed:7.0f} calls/s")
    print(f"  requests logged: {logged}")


if __name__ == "__main__":
    main()
