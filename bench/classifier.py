"""Benchmark: microseconds per classification over the real-shape table.

Each shape is first turned into the real SDK exception (outside the timing); then every
classification of every shape is timed individually with perf_counter_ns. Two figures:

- cold: the body memo is cleared before every call, so each call does the full work
  (fact extraction, normalisation, rules, wait hints, redaction);
- warm: the same body was classified before (a retry storm); rules, headers, wait hints and
  session-size checks still run on every call, only the body-derived facts are remembered.

Run: python -m bench.classifier [--rounds N]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

from agent import classify_api_error
from agent._facts import clear_text_cache
from agent.testing.error_shapes import SHAPES
from agent.testing.sdk_errors import exception_for


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _measure(rounds: int, *, cold: bool) -> list[float]:
    errors = [(exception_for(s), s.provider) for s in SHAPES]
    now = time.time()
    for error, provider in errors:  # warm-up (imports, caches of the interpreter)
        classify_api_error(error, provider=provider, now=now)
    samples: list[float] = []
    gc.disable()
    try:
        for _ in range(rounds):
            for error, provider in errors:
                if cold:
                    clear_text_cache()
                start = time.perf_counter_ns()
                classify_api_error(error, provider=provider, now=now)
                samples.append((time.perf_counter_ns() - start) / 1000)
    finally:
        gc.enable()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    print(f"classifier: {len(SHAPES)} real error shapes from the real SDKs, x {rounds} rounds each")
    for label, cold in (("cold", True), ("warm", False)):
        samples = _measure(rounds, cold=cold)
        print(f"  {label}: median {statistics.median(samples):6.2f} us   p99 {_percentile(samples, 0.99):6.2f} us"
              f"   mean {statistics.fmean(samples):6.2f} us")
    print("  goal: median <= 5 us, p99 <= 25 us")


if __name__ == "__main__":
    main()
