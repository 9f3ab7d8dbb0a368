"""The neighbour index (``agent._neighbours``): build it from the fitted corpus files, measure it honestly.

The index holds the labelled entries of every ``tests/corpus/*.jsonl`` file except the unseen ones
(``agent.testing.corpus.UNSEEN``, which are not even read): each entry's text and status as the classifier
extracts them, its words shared with at least one other entry, and the count of its other words.

The figures are leave-one-file-out: each file's entries are read with the index built without that file.

- unknown under rules: the entries whose rule walk ends in ``unknown``; how many the fallback reads, how many
  of those it gets right, by the reason it picks;
- verdict changes: entries right under the rules alone that the fallback makes wrong, and the reverse;
- as if unknown: every entry read by the fallback alone (a larger, easier sample of its precision);
- cost: the fallback's time on the unknown path (each text's best of ``--rounds``).

Run: python -m bench.neighbours [--rounds N]     (figures)
     python -m bench.neighbours --build          (rewrite agent/_neighbours.json, then print the figures)
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from agent._neighbours import FALLBACK_REASONS, NO_NEIGHBOURS, Labelled, Neighbours, words
from agent._soft import soft_facts
from agent._taxonomy import FailoverReason
from agent.error_classifier import ClassifiedError, _annotate, explain_api_error
from agent.testing.corpus import UNSEEN, CorpusEntry, classify_prepared, file_of, load, prepare, verdict_holds

DATA = Path(__file__).resolve().parent.parent / "agent" / "_neighbours.json"
NOW = 1_764_000_000.0  # a fixed epoch: the index never depends on the day it was built


def fitted_entries(directory: Path | None = None) -> tuple[CorpusEntry, ...]:
    """The entries of the corpus files rules were fitted to (the unseen files are left unread)."""
    return load(directory, skip=UNSEEN)


def text_and_status(prepared: tuple[bool, object], entry: CorpusEntry) -> tuple[str, int | None] | None:
    """The text and status the classifier reads for an entry (None: a 200 answer that is a real success)."""
    is_error, outcome = prepared
    if is_error and isinstance(outcome, BaseException):
        facts = explain_api_error(outcome, provider=entry.provider, now=NOW, neighbours=NO_NEIGHBOURS).facts
        return facts.text, facts.status
    verdict = soft_facts(outcome)
    if verdict is None:
        return None
    _annotate(verdict[0], entry.provider, "", 0, 200_000, 0, NOW)
    return verdict[0].text, verdict[0].status


def build(entries: Iterable[CorpusEntry]) -> Neighbours:
    """The index of the labelled entries: each keeps the words some other entry shares, and counts the rest."""
    raw: list[tuple[CorpusEntry, int | None, frozenset[str]]] = []
    for entry in entries:
        read = text_and_status(prepare(entry), entry) if entry.expect is not None else None
        if read is not None:
            raw.append((entry, read[1], words(read[0])))
    df = Counter(w for _, _, ws in raw for w in ws)
    return Neighbours(Labelled(id=e.id, file=file_of(e), reason=e.expect, status=status,
                               words=frozenset(w for w in ws if df[w] > 1), rare=sum(df[w] == 1 for w in ws))
                      for e, status, ws in raw if e.expect is not None)


def write(index: Neighbours, path: Path = DATA) -> None:
    """The index as JSON, one entry a line (a rebuild's diff shows which entries and words changed)."""
    data = index.to_data("steadyloop's neighbour index (agent/_neighbours.py), built by `python -m bench.neighbours "
                         "--build` from the fitted tests/corpus files: per entry its id, file, label, status, the "
                         "words it shares with another entry, and how many other words it had")
    entries = ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in data.pop("entries"))
    head = json.dumps(data, ensure_ascii=False)[:-1]
    path.write_text(f'{head}, "entries": [\n{entries}\n]}}\n', encoding="utf-8")


def _pct(good: int, total: int) -> str:
    return f"{good}/{total} ({100 * good / total:.1f} %)" if total else f"{good}/{total}"


def _by_reason(pairs: Sequence[tuple[CorpusEntry, ClassifiedError | Labelled]]) -> list[str]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for entry, pick in pairs:
        counts[pick.reason.value][0] += pick.reason is entry.expect
        counts[pick.reason.value][1] += 1
    return [f"    {reason:<20} {_pct(*counts[reason])}" for reason in sorted(counts, key=lambda r: -counts[r][1])]


def leave_one_file_out(index: Neighbours, entries: Sequence[CorpusEntry], rounds: int) -> list[str]:
    """The figures of the module docstring, as report lines."""
    without = {f: index.without(f) for f in sorted({file_of(e) for e in entries})}
    unknown: list[tuple[CorpusEntry, ClassifiedError]] = []
    broke: list[str] = []
    fixed: list[str] = []
    as_if: list[tuple[CorpusEntry, Labelled]] = []
    timed: list[tuple[str, int | None, Neighbours]] = []
    for entry in entries:
        prepared = prepare(entry)
        alone = classify_prepared(entry, prepared, now=NOW, neighbours=NO_NEIGHBOURS)
        loo = without[file_of(entry)]
        read = text_and_status(prepared, entry)
        if alone is not None and alone.rule == "unknown":
            with_it = classify_prepared(entry, prepared, now=NOW, neighbours=loo)
            assert with_it is not None
            unknown.append((entry, with_it))
            if read is not None:
                timed.append((read[0], read[1], loo))
            if verdict_holds(entry, alone) and not verdict_holds(entry, with_it):
                broke.append(f"{entry.id} ({entry.expect} -> {with_it.reason} by {with_it.rule})")
            if verdict_holds(entry, with_it) and not verdict_holds(entry, alone):
                fixed.append(f"{entry.id} ({with_it.reason} by {with_it.rule})")
        if read is not None and (hit := loo.reading(*read)) is not None:
            as_if.append((entry, hit))
    picks = [(e, c) for e, c in unknown if c.rule.startswith("neighbour:")]
    lines = [f"fitted files: {len(without)}, entries {len(entries)}, indexed {len(index.entries)}",
             f"unknown under rules: {len(unknown)}; read by the fallback {len(picks)}, right "
             f"{_pct(sum(c.reason is e.expect for e, c in picks), len(picks))}", *_by_reason(picks),
             f"right under rules, wrong with the fallback: {len(broke)}", *(f"    {b}" for b in broke),
             f"wrong under rules, right with the fallback: {len(fixed)}", *(f"    {f}" for f in fixed),
             f"as if every entry were unknown: read {len(as_if)} of {len(entries)}, right "
             f"{_pct(sum(h.reason is e.expect for e, h in as_if), len(as_if))}", *_by_reason(as_if),
             f"    wrong, labelled with another reason of the fallback's: "
             f"{sum(h.reason is not e.expect and e.expect in FALLBACK_REASONS for e, h in as_if)}; labelled unknown: "
             f"{sum(e.expect is FailoverReason.unknown for e, h in as_if)}"]
    return lines + _cost(timed, [(read[0], read[1], without[file_of(e)]) for e in entries[::10]
                                 if (read := text_and_status(prepare(e), e)) is not None], rounds)


def _cost(unknown: Sequence[tuple[str, int | None, Neighbours]],
          sample: Sequence[tuple[str, int | None, Neighbours]], rounds: int) -> list[str]:
    def best(text: str, status: int | None, index: Neighbours) -> float:
        took = []
        for _ in range(rounds):
            start = time.perf_counter_ns()
            index.reading(text, status)
            took.append((time.perf_counter_ns() - start) / 1000)
        return min(took)

    lines = []
    for label, items in (("unknown under rules", unknown), ("every tenth entry", sample)):
        times = sorted(best(*item) for item in items)
        if times:
            lines.append(f"cost of the fallback ({label}, best of {rounds}): median {times[len(times) // 2]:.1f} us, "
                         f"max {times[-1]:.1f} us")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true", help=f"rewrite {DATA.name} from the fitted files first")
    parser.add_argument("--dir", type=Path, default=None, help="corpus directory (default: tests/corpus)")
    parser.add_argument("--rounds", type=int, default=20, help="timing rounds per text")
    args = parser.parse_args(argv)
    entries = fitted_entries(args.dir)
    index = build(entries)
    if args.build:
        write(index)
        print(f"wrote {DATA} ({DATA.stat().st_size} bytes, {len(index.entries)} entries)")
    print("\n".join(leave_one_file_out(index, entries, args.rounds)))


if __name__ == "__main__":
    main()
