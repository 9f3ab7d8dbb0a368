"""Report: how often the classifier picks the label of the real-error corpus, by provider.

Every entry of ``tests/corpus/*.jsonl`` and of the built-in table (``error_shapes.py``) is
replayed through the real SDK clients (``agent.testing.corpus.replay``). Reason accuracy is
the share of entries whose reason equals the label; each flag's accuracy is the share whose
hint (retryable, rotate, fallback, compress) equals the one the label implies (the label's
policy row, overridden by the entry's ``flags``).

Run: python -m bench.corpus [--misses] [--known-misses] [--no-builtin] [--no-word-model] [--dir DIR] [--file NAME ...]

An error no rule reads is read by the gram model of the labelled errors (``agent._gram_model``), each file's
entries with the model of its fold, trained without that file (``agent.testing.corpus.model_without``);
``--no-word-model`` reports the rules alone.

``--file holdout.jsonl --no-builtin`` reports the held-out file alone: real errors mined after the rules
were written (its misses then fixed by general rules); ``--file holdout2.jsonl --no-builtin`` reports the
second held-out file, mined after those fixes and never used to tune them; ``--file holdout11.jsonl`` the
eleventh (and ``holdout10.jsonl`` the tenth), the latest "unseen accuracy" figures (measured before any rule
saw them; the earlier holdouts, up to the ninth, have had general rules fitted to their misses, as the seventh
did, 103 -> 115 of 135). The
corpus-file rows are also split by kind (message-only, HTTP, HTTP-200 soft failures).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from agent._gram_model import TextReader
from agent._word_model import NO_MODEL
from agent.error_classifier import ClassifiedError
from agent.testing.corpus import (
    FLAGS,
    CorpusEntry,
    all_entries,
    expected_flags,
    load,
    observed_flags,
    replay,
    verdict_holds,
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One replayed entry: what it should get and what it got."""

    entry: CorpusEntry
    got: ClassifiedError | None

    @property
    def reason_ok(self) -> bool:
        return (self.got.reason if self.got else None) is self.entry.expect

    def flag_ok(self, flag: str) -> bool:
        expected, observed = expected_flags(self.entry), observed_flags(self.got)
        return (expected or {}).get(flag) == (observed or {}).get(flag)


def run(entries: Iterable[CorpusEntry], *, word_model: TextReader | None = None) -> list[Outcome]:
    """Each entry replayed; an error no rule reads is read by ``word_model`` (None: the gram model of the
    entry's file's fold, which never saw that file, so no entry is read by its own label)."""
    now = time.time()
    return [Outcome(e, replay(e, now=now, word_model=word_model)) for e in entries]


def _pct(good: int, total: int) -> str:
    return f"{100 * good / total:5.1f} %" if total else "    - "


def _row(label: str, outcomes: Sequence[Outcome]) -> str:
    n = len(outcomes)
    reasons = sum(o.reason_ok for o in outcomes)
    flags = "  ".join(f"{_pct(sum(o.flag_ok(f) for o in outcomes), n):>8}" for f in FLAGS)
    return f"{label:<22} {n:>4}  {reasons:>4}  {_pct(reasons, n):>8}  {flags}"


def report(outcomes: Sequence[Outcome], *, misses: bool) -> str:
    header = f"{'provider':<22} {'n':>4}  {'ok':>4}  {'reason':>8}  " + "  ".join(f"{f:>8}" for f in FLAGS)
    by_provider: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_provider[o.entry.provider].append(o)
    files = [o for o in outcomes if o.entry.origin != "error_shapes.py"]
    lines = [header, "-" * len(header)]
    lines += [_row(p, by_provider[p]) for p in sorted(by_provider, key=lambda p: (-len(by_provider[p]), p))]
    lines += ["-" * len(header), _row("corpus files", files),
              _row("built-in table", [o for o in outcomes if o.entry.origin == "error_shapes.py"]),
              _row("all", outcomes)]
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in files:
        by_kind[o.entry.kind].append(o)
    lines += [_row(f"files, kind {k}", by_kind[k]) for k in ("message", "http", "soft") if by_kind[k]]
    wrong = [o for o in outcomes if not o.reason_ok]
    lines.append(f"reasons wrong: {len(wrong)} of {len(outcomes)} ({len([o for o in wrong if o in files])} "
                 f"in the corpus files)")
    if misses:
        for o in wrong:
            got = f"{o.got.reason.value} by {o.got.rule}" if o.got else "no failure"
            lines.append(f"  {o.entry.id:<58} want {o.entry.expect.value if o.entry.expect else None:<24} got {got}")
    return "\n".join(lines)


def _only(entries: Sequence[CorpusEntry], files: Sequence[str]) -> list[CorpusEntry]:
    """The entries of the named corpus files (and the built-in table, when it was asked for); all when none named."""
    if not files:
        return list(entries)
    unknown = set(files) - {e.origin.split(":")[0] for e in entries}
    if unknown:
        raise SystemExit(f"--file: no corpus file named {', '.join(sorted(unknown))} (give the bare file name, "
                         "e.g. holdout.jsonl)")
    return [e for e in entries if e.origin == "error_shapes.py" or e.origin.split(":")[0] in files]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=None, help="corpus directory (default: tests/corpus)")
    parser.add_argument("--no-builtin", action="store_true", help="leave out the built-in table")
    parser.add_argument("--misses", action="store_true", help="list every entry whose reason is wrong")
    parser.add_argument("--known-misses", action="store_true",
                        help="print the wrong corpus-file entries in tests/corpus/known_misses.txt form")
    parser.add_argument("--no-word-model", action="store_true",
                        help="the rules alone: no word-model reading of an error no rule reads")
    parser.add_argument("--file", action="append", default=[], metavar="NAME",
                        help="only this corpus file (e.g. holdout.jsonl); repeat for several")
    args = parser.parse_args(argv)
    entries = _only(all_entries(args.dir, builtin=not args.no_builtin), args.file)
    word_model = NO_MODEL if args.no_word_model else None
    if args.known_misses:
        for o in run(_only(load(args.dir), args.file), word_model=word_model):
            if not verdict_holds(o.entry, o.got):
                got = f"{o.got.reason.value}/{o.got.scope.value} by {o.got.rule}" if o.got else "no failure"
                print(f"{o.entry.id}  # classifier gives {got}")
        return
    origins: dict[str, int] = defaultdict(int)
    for e in entries:
        origins[e.origin.split(":")[0]] += 1
    print("corpus: " + ", ".join(f"{name} {count}" for name, count in sorted(origins.items())))
    print(report(run(entries, word_model=word_model), misses=args.misses))


if __name__ == "__main__":
    main()
