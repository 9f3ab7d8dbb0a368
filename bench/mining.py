"""The working tools of a mining wave (``tests/corpus/MINING.md``): check a mined file, score it blind, diff verdicts.

Kept in the repository because each session that lost its machine wrote them again.

- ``check FILE ...``: each mined file against the corpus: ids already used, sources already cited, notes that admit
  invented text or lack their ``wording: held|new.`` start, key-shaped strings; and every entry whose text equals a
  corpus entry's, with both labels (the same text from another thread is kept, as a frequency; a different label is
  a dispute to read). Given a wave's files together, it also reports a thread two of them cite (miners working at
  once can take the same one) and an id two of them use.
- ``tsv [--dir DIR] [FILE ...]``: every verdict as a tab-separated line (id, file, label, reason, rule, 1 if right),
  each file read by the gram model of its fold (trained without it), as ``bench.corpus`` reads it.
- ``diff BEFORE AFTER``: the entries whose verdict moved between two ``tsv`` runs (FIX, BREAK, or a move between two
  wrong verdicts), and the totals: the whole-corpus check of a fit.
- ``summary TSV``: per file and in all, right/total with a Wilson interval, the held and new wordings apart (the
  notes say which), and how many verdicts carry the label's recovery row (scope, action, hints).

Run: python -m bench.mining check /path/holdoutN.jsonl
     python -m bench.mining tsv --dir tests/corpus/incoming > blind.tsv
     python -m bench.mining summary blind.tsv
     python -m bench.mining tsv > before.tsv; (fit); python -m bench.mining tsv > after.tsv
     python -m bench.mining diff before.tsv after.tsv
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from agent._taxonomy import REASON_POLICY, FailoverReason
from agent.testing.corpus import default_dir, load
from bench.corpus import run

_KEY_SHAPE = re.compile(r"(?<![\w-])(?:sk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{30,}|xai-[A-Za-z0-9]{20,}|"
                        r"gsk_[A-Za-z0-9]{20,})")
_INVENTED = ("reconstruct", "paraphras")


def wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of ``right`` of ``total``, in per cent."""
    if total == 0:
        return (0.0, 0.0)
    p = right / total
    centre = p + z * z / (2 * total)
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    scale = 1 + z * z / total
    return (100 * (centre - spread) / scale, 100 * (centre + spread) / scale)


def _entries(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _text(entry: dict[str, Any]) -> str:
    if entry.get("kind") == "message":
        return str(entry.get("exception", {}).get("message", "")).strip().lower()
    return json.dumps(entry.get("body"), sort_keys=True).lower()


def _thread(source: str) -> str:
    return source.split("#", 1)[0].rstrip("/")


def check(files: Sequence[Path], corpus: Path) -> list[str]:
    """The problems and same-text pairs of mined ``files`` against the corpus files of ``corpus``, and against each
    other: a wave's miners work at once, and two of them can take the same thread (a thread another given file cites
    is reported; one file may take two errors from one thread)."""
    known: dict[str, dict[str, Any]] = {}
    for path in sorted(corpus.glob("*.jsonl")):
        for entry in _entries(path):
            known[entry["id"]] = {**entry, "_file": path.name}
    cited = {_thread(e["source"]): e["_file"] for e in known.values()}
    texts = {_text(e): e for e in reversed(list(known.values()))}
    wave_cited: dict[str, str] = {}  # thread -> the given file that cites it first
    wave_ids: set[str] = set()
    lines: list[str] = []
    for path in files:
        for number, entry in enumerate(_entries(path), 1):
            where = f"{path.name}:{number} {entry.get('id')}"
            note = str(entry.get("note", ""))
            if entry["id"] in known or entry["id"] in wave_ids:
                lines.append(f"{where}: id already used")
            wave_ids.add(entry["id"])
            if (thread := _thread(entry["source"])) in cited:
                lines.append(f"{where}: source already cited in {cited[thread]}")
            elif wave_cited.setdefault(thread, path.name) != path.name:
                lines.append(f"{where}: source also cited in {wave_cited[thread]} (another file given)")
            if any(word in note.lower() for word in _INVENTED):
                lines.append(f"{where}: the note says the text was not copied as pasted")
            if not note.startswith(("wording: held.", "wording: new.")):
                lines.append(f"{where}: the note does not start 'wording: held.' or 'wording: new.'")
            if _KEY_SHAPE.search(json.dumps(entry)):
                lines.append(f"{where}: a key-shaped string (mask it if it is a key)")
            if (twin := texts.get(_text(entry))) is not None:
                agree = "the same label" if twin["expect"] == entry["expect"] else "ANOTHER LABEL"
                lines.append(f"{where}: same text as {twin['id']} ({twin['_file']}, {twin['expect']}): {agree}")
    return lines


def verdicts(directory: Path | None, files: Sequence[str]) -> list[str]:
    """One tab-separated line per entry: id, file, label, reason, rule, 1 if the reason is the label's."""
    entries = [e for e in load(directory) if not files or e.origin.split(":")[0] in files]
    lines = []
    for outcome in run(entries):
        got = outcome.got
        lines.append("\t".join((outcome.entry.id, outcome.entry.origin.split(":")[0],
                                outcome.entry.expect.value if outcome.entry.expect else "-",
                                got.reason.value if got else "none", got.rule if got else "-",
                                "1" if outcome.reason_ok else "0")))
    return lines


def _rows(lines: Iterable[str]) -> dict[str, list[str]]:
    return {fields[0]: fields for fields in (line.rstrip("\n").split("\t") for line in lines) if len(fields) == 6}


def diff(before: Iterable[str], after: Iterable[str]) -> list[str]:
    """The entries whose reason or rule moved, then a totals line."""
    old, new = _rows(before), _rows(after)
    lines, fixed, broken = [], 0, 0
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        if (a[3], a[4]) == (b[3], b[4]):
            continue
        tag = "FIX" if (a[5], b[5]) == ("0", "1") else "BREAK" if (a[5], b[5]) == ("1", "0") else "move"
        fixed += tag == "FIX"
        broken += tag == "BREAK"
        lines.append(f"{tag} {key} [{b[1]}] label {b[2]}: {a[3]}/{a[4]} -> {b[3]}/{b[4]}")
    right_before = sum(r[5] == "1" for r in old.values())
    right_after = sum(r[5] == "1" for r in new.values())
    lines.append(f"# {len(old)} -> {len(new)} entries; fixed {fixed}, broken {broken}; right {right_before} -> "
                 f"{right_after}")
    return lines


def _same_recovery(label: str, reason: str) -> bool:
    if reason == "none":
        return False
    return REASON_POLICY[FailoverReason(label)] == REASON_POLICY[FailoverReason(reason)]


def summary(lines: Iterable[str], held: dict[str, bool]) -> list[str]:
    """Right/total with a Wilson interval, held and new wordings apart, and the label's recovery, per file and in
    all (``held``: id -> whether its note says ``wording: held.``)."""
    rows = list(_rows(lines).values())
    by_file: dict[str, list[list[str]]] = {}
    for row in rows:
        by_file.setdefault(row[1], []).append(row)
    out = []
    for name, group in [*sorted(by_file.items()), ("all", rows)]:
        right = sum(r[5] == "1" for r in group)
        low, high = wilson(right, len(group))
        held_rows = [r for r in group if held.get(r[0], False)]
        held_right = sum(r[5] == "1" for r in held_rows)
        recovery = sum(_same_recovery(r[2], r[3]) for r in group)
        out.append(f"{name}: {right}/{len(group)} ({100 * right / max(1, len(group)):.1f} %, {low:.1f}-{high:.1f}); "
                   f"held {held_right}/{len(held_rows)}, new {right - held_right}/{len(group) - len(held_rows)}; "
                   f"label's recovery {recovery}")
    return out


def _held_notes(directories: Sequence[Path]) -> dict[str, bool]:
    """Each entry's held/new mark, from the files of ``directories`` and of their wave folders (``incoming/w127``)."""
    return {e["id"]: str(e.get("note", "")).startswith("wording: held") for d in directories
            for path in sorted(d.glob("*.jsonl")) + sorted(d.glob("*/*.jsonl")) for e in _entries(path)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check").add_argument("files", nargs="+", type=Path)
    tsv = sub.add_parser("tsv")
    tsv.add_argument("--dir", type=Path, default=None)
    tsv.add_argument("files", nargs="*")
    moved = sub.add_parser("diff")
    moved.add_argument("before", type=Path)
    moved.add_argument("after", type=Path)
    sub.add_parser("summary").add_argument("tsv", type=Path)
    args = parser.parse_args(argv)
    corpus = default_dir()
    if args.command == "check":
        lines = check(args.files, corpus)
        lines += [f"{path.name}: {len(_entries(path))} entries checked" for path in args.files]
    elif args.command == "tsv":
        lines = verdicts(args.dir, args.files)
    elif args.command == "diff":
        lines = diff(args.before.read_text().splitlines(), args.after.read_text().splitlines())
    else:
        held = _held_notes([corpus, corpus / "incoming"])
        lines = summary(args.tsv.read_text().splitlines(), held)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
