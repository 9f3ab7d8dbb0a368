"""The word model (``agent._word_model``): count it from the corpus files, measure it honestly.

The model counts every labelled entry of every ``tests/corpus/*.jsonl`` file: the words of the text the classifier
reads (as ``agent.testing.corpus.read_text`` gives it) and the entry's label.

The figures are leave-one-file-out: each file's entries are read with the model less that file's errors.

- unknown under rules: the entries whose rule walk ends in ``unknown``; how many the model reads, how many of
  those rightly, by the reason it picks; and how many of them end right in all (read rightly, or labelled
  ``unknown`` and left so);
- as if unknown: every entry read by the model alone (a larger, easier sample of its precision);
- cost: the model's reading on the unknown path (each text's best of ``--rounds``).

``--as-of FILE ...`` reads those files' entries with a model counted over the files mined before them (the model as
it would have stood then: ``holdoutN`` files by N, the sweeps where they were added), and reports over the entries
listed in ``--ids`` (one id a line, ``#`` starts a comment). ``first_unknown.txt`` lists the errors the rules left
unknown in blind samples when each was first scored, by sample, so

    python -m bench.word_model --blind

reads every listed sample that way: the model on real errors no rule read, as it would have read them then.

Run: python -m bench.word_model [--rounds N]     (figures)
     python -m bench.word_model --build          (rewrite agent/_word_model.json, then print the figures)
     python -m bench.word_model --blind          (the blind samples of first_unknown.txt)
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from agent._taxonomy import FailoverReason
from agent._word_model import NO_MODEL, WordModel
from agent.testing.corpus import (
    CorpusEntry,
    classify_prepared,
    default_dir,
    file_of,
    labelled_words,
    load,
    prepare,
    read_text,
)

DATA = Path(__file__).resolve().parent.parent / "agent" / "_word_model.json"
FIRST_UNKNOWN = Path(__file__).resolve().parent / "first_unknown.txt"
# Where the sweeps fall in mining order (they were added between holdout files; the number is the last holdout before)
_SWEEP_AFTER = {"sweep_families.jsonl": 24, "sweep_ide.jsonl": 33, "sweep_pyframeworks.jsonl": 33,
                "sweep_clis.jsonl": 33, "sweep_hosted_a.jsonl": 39, "sweep_hosted_b.jsonl": 39}
_FIRST_FILES = ("holdout.jsonl", "hosted.jsonl", "selfhosted_gateways.jsonl")


def mined_at(file: str) -> float:
    """A file's place in mining order: ``holdoutN`` is N, a sweep falls after the holdout it followed."""
    if file in _FIRST_FILES:
        return 0.0
    if m := re.fullmatch(r"holdout(\d+)\.jsonl", file):
        return float(m.group(1))
    return _SWEEP_AFTER.get(file, 32) + 0.5


def count(entries: Sequence[CorpusEntry]) -> WordModel:
    """The model of these entries."""
    return WordModel.counted(labelled_words(entries))


def write(model: WordModel, path: Path = DATA) -> None:
    """The model as JSON, one word a line (a rebuild's diff shows which words and counts changed)."""
    data = model.to_data("steadyloop's word model (agent/_word_model.py), counted by `python -m bench.word_model "
                         "--build` from the tests/corpus files: the reasons, how many labelled errors carry each, "
                         "and per word (held by two errors or more) how many errors of each reason hold it")
    lines = ",\n".join(f"{json.dumps(w, ensure_ascii=False)}: {json.dumps(c)}" for w, c in data.pop("words").items())
    head = json.dumps(data, ensure_ascii=False)[:-1]
    path.write_text(f'{head}, "words": {{\n{lines}\n}}}}\n', encoding="utf-8")


def _pct(good: int, total: int) -> str:
    return f"{good}/{total} ({100 * good / total:.1f} %)" if total else f"{good}/{total}"


def _by_reason(pairs: Sequence[tuple[CorpusEntry, FailoverReason]]) -> list[str]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for entry, pick in pairs:
        counts[pick.value][0] += pick is entry.expect
        counts[pick.value][1] += 1
    return [f"    {reason:<24} {_pct(*counts[reason])}" for reason in sorted(counts, key=lambda r: -counts[r][1])]


def _reads(title: str, entries: Sequence[CorpusEntry], read: dict[str, FailoverReason | None]) -> list[str]:
    picks = [(e, r) for e in entries if (r := read.get(e.id)) is not None]
    right = sum(r is e.expect for e, r in picks)
    ends = right + sum(read.get(e.id) is None and e.expect is FailoverReason.unknown for e in entries)
    return [f"{title}: {len(entries)}; read {len(picks)}, right {_pct(right, len(picks))}; right in all "
            f"{_pct(ends, len(entries))} (left unknown: {_pct(ends - right, len(entries))})", *_by_reason(picks)]


def leave_one_file_out(entries: Sequence[CorpusEntry], rounds: int) -> list[str]:
    """The figures of the module docstring, as report lines."""
    by_file: dict[str, list[CorpusEntry]] = defaultdict(list)
    for e in entries:
        by_file[file_of(e)].append(e)
    model = count(entries)
    unknown: list[CorpusEntry] = []
    read: dict[str, FailoverReason | None] = {}
    timed: list[tuple[str, WordModel]] = []
    for some in by_file.values():
        less = model.without(labelled_words(some))
        for entry in some:
            prepared = prepare(entry)
            text = read_text(prepared, entry)
            if text is None or entry.expect is None:
                continue
            read[entry.id] = less.reading(text)
            alone = classify_prepared(entry, prepared, word_model=NO_MODEL)
            if alone is not None and alone.rule == "unknown":
                unknown.append(entry)
                timed.append((text, less))
    labelled = [e for e in entries if e.id in read]
    return [f"files: {len(by_file)}, entries {len(entries)}, words known {model.vocabulary}",
            *_reads("unknown under rules", unknown, read),
            *_reads("as if every entry were unknown", labelled, read),
            *_cost(timed, rounds)]


def samples(ids_path: Path = FIRST_UNKNOWN) -> dict[str, list[str]]:
    """The entry ids of each blind sample of ``ids_path`` ("# sample: NAME" sections, one id a line), in file order."""
    found: dict[str, list[str]] = defaultdict(list)
    sample = ""
    for line in ids_path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"#\s*sample:\s*(\S+)", line):
            sample = m.group(1)
        elif (word := line.split("#", 1)[0].strip()) and sample:
            found[sample].append(word)
    return found


def blind(ids_path: Path = FIRST_UNKNOWN) -> list[str]:
    """Report lines: each sample of ``ids_path`` read with the model counted over the files mined before it."""
    entries = {e.id: e for e in load()}
    lines: list[str] = []
    total: Counter[str] = Counter()
    for name, ids in samples(ids_path).items():
        chosen = [entries[i] for i in ids if i in entries]
        if not chosen:
            continue
        first = min(mined_at(file_of(e)) for e in chosen)
        model = count([e for e in entries.values() if mined_at(file_of(e)) < first])
        read = {e.id: model.reading(t) for e in chosen if (t := read_text(prepare(e), e)) is not None}
        right = sum(read.get(e.id) is e.expect for e in chosen)
        kept = sum(read.get(e.id) is None and e.expect is FailoverReason.unknown for e in chosen)
        wrong = sum(read.get(e.id) not in (None, e.expect) for e in chosen)
        total.update(n=len(chosen), right=right, kept=kept, wrong=wrong)
        lines.append(f"sample {name}: {len(chosen)} left unknown by the rules; the model reads {right} right, "
                     f"{wrong} wrong; {kept} labelled unknown left so; right in all {_pct(right + kept, len(chosen))}")
    lines.append(f"all samples: {total['n']}; read right {total['right']}, wrong {total['wrong']}; right in all "
                 f"{_pct(total['right'] + total['kept'], total['n'])} (left unknown alone: "
                 f"{_pct(total['kept'], total['n'])})")
    return lines


def _cost(unknown: Sequence[tuple[str, WordModel]], rounds: int) -> list[str]:
    took = []
    for text, model in unknown:
        best = []
        for _ in range(rounds):
            start = time.perf_counter_ns()
            model.reading(text)
            best.append((time.perf_counter_ns() - start) / 1000)
        took.append(min(best))
    took.sort()
    if not took:
        return []
    return [f"cost of the reading (unknown under rules, best of {rounds}): median {took[len(took) // 2]:.1f} us, "
            f"p99 {took[int(len(took) * 0.99)]:.1f} us, max {took[-1]:.1f} us"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true", help=f"rewrite {DATA.name} from the corpus files first")
    parser.add_argument("--blind", action="store_true", help=f"read the blind samples of {FIRST_UNKNOWN.name}")
    parser.add_argument("--rounds", type=int, default=20, help="timing rounds per text")
    args = parser.parse_args(argv)
    if args.blind:
        print("\n".join(blind()))
        return
    entries = load(default_dir())
    if args.build:
        model = count(entries)
        write(model)
        print(f"wrote {DATA} ({DATA.stat().st_size} bytes, {model.vocabulary} words)")
    print("\n".join(leave_one_file_out(entries, args.rounds)))


if __name__ == "__main__":
    main()
