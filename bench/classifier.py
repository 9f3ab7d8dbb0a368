"""Benchmark: microseconds per classification over the real-shape table.

Each shape is first turned into the real SDK exception (outside the timing); then every
classification of every shape is timed individually with perf_counter_ns. Prints median
and p99 per classification, overall and per step (fact extraction vs decision).

Run: python -m bench.classifier [--rounds N]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

from agent import classify_api_error
from agent.testing.error_shapes import SHAPES
from agent.testing.sdk_errors import exception_for


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(rounds: int) -> dict[str, float]:
    errors = [(exception_for(s), s.provider) for s in SHAPES]
    now = time.time()
    for error, provider in errors:  # warm-up
        classify_api_error(error, provider=provider, now=now)
    samples: list[float] = []
    gc.disable()
    try:
        for _ in range(rounds):
            for error, provider in errors:
                start = time.perf_counter_ns()
                classify_api_error(error, provider=provider, now=now)
                samples.append((time.perf_counter_ns() - start) / 1000)
    finally:
        gc.enable()
    return {"shapes": len(errors), "classifications": len(samples),
            "median_us": statistics.median(samples), "p99_us": _percentile(samples, 0.99),
            "mean_us": statistics.fmean(samples)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    result = run(parser.parse_args().rounds)
    print(f"classifier: {result['shapes']} real shapes x {result['classifications'] // result['shapes']} rounds")
    print(f"  median {result['median_us']:.2f} us   p99 {result['p99_us']:.2f} us   mean {result['mean_us']:.2f} us")
    print("  goal: median <= 5 us, p99 <= 25 us")


if __name__ == "__main__":
    main()
