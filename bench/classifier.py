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

With ``--stages``, each stage of the cold path is timed on its own, in its own pass over the corpus (so each
stage meets every entry's objects as cold as the full classification does), and the median and p99 over the
entries of each entry's best round are printed: reading the exception or 200 answer (without its text), the
text (lower case, normalised text, phrase tags), the wait hints, the rule walk, and building the redacted result.

Run: python -m bench.classifier [--rounds N] [--stages]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Sequence

from agent import _facts
from agent._facts import ErrorFacts, clear_text_cache, facts_from_exception
from agent._rules import first_match
from agent._soft import soft_facts
from agent.error_classifier import _annotate, _decide
from agent.testing.corpus import CorpusEntry, all_entries, classify_prepared, prepare


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


def _extract(prepared: tuple[bool, object]) -> ErrorFacts | None:
    is_error, outcome = prepared
    if is_error and isinstance(outcome, BaseException):
        return facts_from_exception(outcome)
    verdict = soft_facts(outcome)
    return None if verdict is None else verdict[0]


def stages(rounds: int, corpus: Sequence[CorpusEntry]) -> dict[str, list[float]]:
    """Each entry's best time (us) in each stage of the cold path (entries that are real successes left out)."""
    entries = [(e, prepare(e)) for e in corpus]
    now = time.time()
    best: dict[str, dict[str, float]] = {name: {} for name in ("classify", "facts", "text", "wait", "rules", "result")}
    clock = time.perf_counter_ns

    def keep(stage: str, entry: CorpusEntry, start: int) -> None:
        took = (clock() - start) / 1000
        best[stage][entry.id] = min(best[stage].get(entry.id, took), took)

    gc.disable()
    try:
        for _ in range(rounds):
            for entry, prepared in entries:
                clear_text_cache()
                start = clock()
                classify_prepared(entry, prepared, now=now)
                keep("classify", entry, start)
            stored: list[tuple[CorpusEntry, ErrorFacts, str]] = []
            for entry, prepared in entries:
                clear_text_cache()
                start = clock()
                facts = _extract(prepared)
                keep("facts", entry, start)
                if facts is not None:
                    stored.append((entry, facts, next(iter(_facts._TEXT_CACHE), "")))
            for entry, _stored_facts, text in stored:
                clear_text_cache()
                start = clock()
                _facts._text_facts(text)
                keep("text", entry, start)
            for entry, facts, _text in stored:
                start = clock()
                _annotate(facts, entry.provider, "", entry.approx_tokens, 200_000, entry.num_messages, now)
                keep("wait", entry, start)
            rules = []
            for entry, facts, _text in stored:
                start = clock()
                rules.append(first_match(facts))
                keep("rules", entry, start)
            for (entry, facts, _text), rule in zip(stored, rules, strict=True):
                start = clock()
                _decide(facts, rule)
                keep("result", entry, start)
    finally:
        gc.enable()
    # the facts pass includes the text stage: what is left is reading the exception or answer itself
    extract = {k: max(0.0, v - best["text"].get(k, 0.0)) for k, v in best["facts"].items() if k in best["text"]}
    return {"classify (all)": list(best["classify"].values()), "  read the error": list(extract.values()),
            "  text and tags": list(best["text"].values()), "  wait hints": list(best["wait"].values()),
            "  rule walk": list(best["rules"].values()), "  redacted result": list(best["result"].values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--stages", action="store_true", help="time each stage of the cold path on its own")
    args = parser.parse_args()
    rounds = args.rounds
    if args.stages:
        print(f"classifier stages, cold, each entry's best of {rounds} rounds (us):")
        for name, samples in stages(rounds, all_entries()).items():
            print(f"  {name:<20} median {statistics.median(samples):6.2f}   p99 {_percentile(samples, 0.99):6.2f}"
                  f"   mean {statistics.fmean(samples):6.2f}")
        return
    print(f"classifier: {len(all_entries())} real error shapes (corpus files + built-in table) from the real SDKs, "
          f"x {rounds} rounds each")
    for label, cold in (("cold", True), ("warm", False)):
        samples = _measure(rounds, cold=cold)
        print(f"  {label}: median {statistics.median(samples):6.2f} us   p99 {_percentile(samples, 0.99):6.2f} us"
              f"   mean {statistics.fmean(samples):6.2f} us   max {max(samples):8.2f} us")
    print("  goal: cold median <= 10 us, p99 <= 50 us")


if __name__ == "__main__":
    main()
