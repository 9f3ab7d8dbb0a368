"""The neighbour index (``agent._neighbours``): build it from the fitted corpus files, measure it honestly.

The index holds the labelled entries of every ``tests/corpus/*.jsonl`` file except the unseen ones
(``agent.testing.corpus.UNSEEN``, which are not even read): each entry's text and status as the classifier
extracts them, its words shared with at least one other entry, and the count of its other words.

The figures are leave-one-file-out: each file's entries are read with the index built without that file.

- unknown under rules: the entries whose rule walk ends in ``unknown``; how many the fallback reads, how many
  of those it gets right, by the branch of the decision that read them (``agreeing``: the two nearest carry the
  reason; ``alone``: the nearest alone, a retry-family reason) and by the reason it picks;
- verdict changes: entries right under the rules alone that the fallback makes wrong, and the reverse;
- as if unknown: every entry read by the fallback alone (a larger, easier sample of its precision), by branch and
  reason;
- cost: the fallback's time on the unknown path (each text's best of ``--rounds``).

``--as-of FILE ...`` reads those files' entries instead, with the index built without them (the index as it stood
before they were mined, less any file mined after them): the "as if unknown" figures over them, and over those of
their entries listed in ``--ids`` (one id a line, ``#`` starts a comment). ``first_unknown.txt`` lists the errors the
rules left unknown in the six blind samples holdout18-23 when each was first scored, so

    python -m bench.neighbours --as-of holdout18.jsonl holdout19.jsonl holdout20.jsonl holdout21.jsonl \
        holdout22.jsonl holdout23.jsonl --ids bench/first_unknown.txt

measures the fallback on real errors no rule read, as it would have read them then.

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

from agent._neighbours import FALLBACK_REASONS, NO_NEIGHBOURS, Labelled, Neighbours, Reading, words
from agent._soft import soft_facts
from agent._taxonomy import FailoverReason
from agent.error_classifier import ClassifiedError, _annotate, explain_api_error
from agent.testing.corpus import (
    UNSEEN,
    CorpusEntry,
    classify_prepared,
    default_dir,
    file_of,
    load,
    prepare,
    verdict_holds,
)

DATA = Path(__file__).resolve().parent.parent / "agent" / "_neighbours.json"
FIRST_UNKNOWN = Path(__file__).resolve().parent / "first_unknown.txt"
AS_OF_RANKED = 3  # nearest entries looked at for the "nearest entry's reason" figure
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
    return [f"    {reason:<24} {_pct(*counts[reason])}" for reason in sorted(counts, key=lambda r: -counts[r][1])]


def _readings(title: str, pairs: Sequence[tuple[CorpusEntry, Reading]], of: int) -> list[str]:
    """Report lines: how many of ``of`` entries were read and how many rightly, by branch, then by reason."""
    right = sum(r.entry.reason is e.expect for e, r in pairs)
    lines = [f"{title}: read {len(pairs)} of {of}, right {_pct(right, len(pairs))}"]
    for branch in ("agreeing", "alone"):
        some = [(e, r) for e, r in pairs if r.branch == branch]
        lines.append(f"  branch {branch:<9} {_pct(sum(r.entry.reason is e.expect for e, r in some), len(some))}")
    return lines + _by_reason([(e, r.entry) for e, r in pairs])


def leave_one_file_out(index: Neighbours, entries: Sequence[CorpusEntry], rounds: int) -> list[str]:
    """The figures of the module docstring, as report lines."""
    without = {f: index.without(f) for f in sorted({file_of(e) for e in entries})}
    unknown = 0
    picks: list[tuple[CorpusEntry, Reading]] = []
    broke: list[str] = []
    fixed: list[str] = []
    as_if: list[tuple[CorpusEntry, Reading]] = []
    timed: list[tuple[str, int | None, Neighbours]] = []
    for entry in entries:
        prepared = prepare(entry)
        alone = classify_prepared(entry, prepared, now=NOW, neighbours=NO_NEIGHBOURS)
        loo = without[file_of(entry)]
        read = text_and_status(prepared, entry)
        hit = loo.decision(*read) if read is not None else None
        if alone is not None and alone.rule == "unknown":
            with_it = classify_prepared(entry, prepared, now=NOW, neighbours=loo)
            assert with_it is not None
            unknown += 1
            if with_it.rule.startswith("neighbour:"):
                assert hit is not None and with_it.rule == f"neighbour:{hit.entry.id}"
                picks.append((entry, hit))
            if read is not None:
                timed.append((read[0], read[1], loo))
            if verdict_holds(entry, alone) and not verdict_holds(entry, with_it):
                broke.append(f"{entry.id} ({entry.expect} -> {with_it.reason} by {with_it.rule})")
            if verdict_holds(entry, with_it) and not verdict_holds(entry, alone):
                fixed.append(f"{entry.id} ({with_it.reason} by {with_it.rule})")
        if hit is not None:
            as_if.append((entry, hit))
    wrong = [(e, r.entry) for e, r in as_if if r.entry.reason is not e.expect]
    lines = [f"fitted files: {len(without)}, entries {len(entries)}, indexed {len(index.entries)}",
             *_readings("unknown under rules", picks, unknown),
             f"right under rules, wrong with the fallback: {len(broke)}", *(f"    {b}" for b in broke),
             f"wrong under rules, right with the fallback: {len(fixed)}", *(f"    {f}" for f in fixed),
             *_readings("as if every entry were unknown", as_if, len(entries)),
             f"    wrong, labelled with another reason of the retry family while read as one: "
             f"{sum(h.reason in FALLBACK_REASONS and e.expect in FALLBACK_REASONS for e, h in wrong)}; labelled "
             f"unknown: {sum(e.expect is FailoverReason.unknown for e, h in wrong)}"]
    return lines + _cost(timed, [(read[0], read[1], without[file_of(e)]) for e in entries[::10]
                                 if (read := text_and_status(prepare(e), e)) is not None], rounds)


def as_of(files: Sequence[str], ids: Sequence[str], directory: Path | None = None) -> list[str]:
    """Report lines: the named files' entries read with the index built without them, as if no rule read them;
    then those of them listed in ``ids`` (the errors the rules left unknown then)."""
    others = [p.name for p in (directory or default_dir()).glob("*.jsonl") if p.name not in files]
    entries = load(directory, skip=others)  # only the named files are read
    missing = set(files) - {file_of(e) for e in entries}
    if missing:
        raise SystemExit(f"--as-of: no corpus file named {', '.join(sorted(missing))}")
    index = build(e for e in fitted_entries(directory) if file_of(e) not in files)
    read: dict[str, tuple[CorpusEntry, list[tuple[float, Labelled]], Reading | None]] = {}
    for entry in entries:
        if (text := text_and_status(prepare(entry), entry)) is not None:
            read[entry.id] = (entry, index.ranked(*text, limit=AS_OF_RANKED), index.decision(*text))
    lines = [f"as of {', '.join(files)}: index of {len(index.entries)} entries without them"]
    unknown_ids = [i for i in ids if i in read]
    for title, chosen in (("every entry of those files", list(read)), ("those listed in --ids", unknown_ids)):
        if not chosen:
            continue
        top = sum(bool(read[i][1]) and read[i][1][0][1].reason is read[i][0].expect for i in chosen)
        lines += [f"{title}: {len(chosen)}; nearest entry's reason right {_pct(top, len(chosen))}",
                  *_readings("  read by the fallback", [(read[i][0], hit) for i in chosen
                                                         if (hit := read[i][2]) is not None], len(chosen))]
    if absent := [i for i in ids if i not in read]:
        lines.append(f"ids not in those files: {', '.join(absent)}")
    return lines


def read_ids(path: Path) -> list[str]:
    """The ids of an ids file: the first word of each line, ``#`` comments and blank lines left out."""
    return [line.split("#", 1)[0].split()[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line.split("#", 1)[0].strip()]


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
    parser.add_argument("--as-of", nargs="+", default=(), metavar="FILE",
                        help="read these corpus files with the index built without them (as if no rule read them)")
    parser.add_argument("--ids", type=Path, default=None,
                        help=f"with --as-of: also report the entries listed here (e.g. {FIRST_UNKNOWN.name})")
    args = parser.parse_args(argv)
    if args.as_of:
        print("\n".join(as_of(args.as_of, read_ids(args.ids) if args.ids else (), args.dir)))
        return
    entries = fitted_entries(args.dir)
    index = build(entries)
    if args.build:
        write(index)
        print(f"wrote {DATA} ({DATA.stat().st_size} bytes, {len(index.entries)} entries)")
    print("\n".join(leave_one_file_out(index, entries, args.rounds)))


if __name__ == "__main__":
    main()
