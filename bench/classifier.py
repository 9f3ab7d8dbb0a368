"""Benchmark: microseconds per classification over the whole real-error corpus.

Every entry of ``tests/corpus/*.jsonl`` and of the built-in table is first turned into what the
real SDK produces (an exception, or a 200 answer for soft failures), outside the timing; then
every classification of every entry is timed individually with perf_counter_ns. Two figures:

- cold: the text memo is cleared before every call, so each call does the full work
  (fact extraction, embedded JSON and status, normalisation and phrase tags, rules, wait hints,
  redaction);
- warm: the same error was classified just before (a retry storm); only the normalised text and its
  phrase tags are remembered, everything else runs on every call. (Each entry is classified once,
  untimed, right before its timed call: the corpus holds more distinct texts than the memo's 1,024,
  so a pass in corpus order would find none of them remembered.)

Run: python -m bench.classifier [--rounds N]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

from agent._facts import clear_text_cache
from agent.testing.corpus import all_entries, classify_prepared, prepare


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _measure(rounds: int, *, cold: bool) -> list[float]:
    entries = [(e, prepare(e)) for e in all_entries()]
    now = time.time()
    for entry, prepared in entries:  # warm-up (imports, caches of the interpreter)
        classify_prepared(entry, prepared, now=now)
    samples: list[float] = []
    gc.disable()
    try:
        for _ in range(rounds):
            for entry, prepared in entries:
                if cold:
                    clear_text_cache()
                else:  # a retry storm: the same error again, its text remembered whatever the corpus's size
                    classify_prepared(entry, prepared, now=now)
                start = time.perf_counter_ns()
                classify_prepared(entry, prepared, now=now)
                samples.append((time.perf_counter_ns() - start) / 1000)
    finally:
        gc.enable()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=100)
    rounds = parser.parse_args().rounds
    print(f"classifier: {len(all_entries())} real error shapes (corpus files + built-in table) from the real SDKs, "
          f"x {rounds} rounds each")
    for label, cold in (("cold", True), ("warm", False)):
        samples = _measure(rounds, cold=cold)
        print(f"  {label}: median {statistics.median(samples):6.2f} us   p99 {_percentile(samples, 0.99):6.2f} us"
              f"   mean {statistics.fmean(samples):6.2f} us   max {max(samples):8.2f} us")
    print("  goal: cold median <= 10 us, p99 <= 50 us")


if __name__ == "__main__":
    main()
