#!/usr/bin/env python3
"""Dump every classifier verdict of the whole corpus, one JSON line per entry (the oracle for speed work).

For each entry of ``tests/corpus/*.jsonl`` and of the built-in table (``error_shapes.py``), replayed through
the real SDKs as ``bench.classifier`` does: the full ``ClassifiedError`` (reason, scope, action, status, code,
redacted message, retry_after, rule, server_retry, the four hints) and, for exceptions, ``explain_api_error``'s
rules tried and its facts. ``now`` is fixed so absolute reset times give the same waits on every run.

The entries are classified three times: in order with the text memo cleared before each call (cold), again
in order (warm), then in reverse order (warm); the script fails if a verdict differs between the passes
(verdicts must not depend on order or on what was classified before).

Run: python scripts/classifier_verdicts.py > before.jsonl   (then diff against a later run: byte-identical)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent._facts import clear_text_cache  # noqa: E402
from agent.error_classifier import ClassifiedError, explain_api_error  # noqa: E402
from agent.testing.corpus import CorpusEntry, all_entries, classify_prepared, prepare  # noqa: E402

NOW = 1_764_000_000.0  # a fixed epoch (2025-11-24): reset times in the corpus are relative to it


def _verdict(c: ClassifiedError | None) -> dict[str, Any] | None:
    return None if c is None else {**c.to_dict(), "server_retry": c.server_retry}


def _explain(outcome: BaseException, entry: CorpusEntry) -> dict[str, Any]:
    e = explain_api_error(outcome, provider=entry.provider, now=NOW)
    f = e.facts
    facts = {"status": f.status, "http_status": f.http_status, "kind": f.kind.value, "error_type": f.error_type,
             "error_code": f.error_code, "codes": sorted(f.codes), "message": f.message, "text": f.text,
             "norm": f.norm, "tags": sorted(f.tags), "headers": list(f.headers), "server_retry": f.server_retry,
             "body_wait": f.body_wait, "wait": f.wait}
    return {"tried": list(e.tried), "decision": _verdict(e.decision), "facts": facts}


def _lines(entries: list[tuple[CorpusEntry, tuple[bool, object]]], *, cold: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry, prepared in entries:
        if cold:
            clear_text_cache()
        record: dict[str, Any] = {"id": entry.id, "verdict": _verdict(classify_prepared(entry, prepared, now=NOW))}
        is_error, outcome = prepared
        if is_error and isinstance(outcome, BaseException):
            record["explain"] = _explain(outcome, entry)
        out[entry.id] = json.dumps(record, sort_keys=True, ensure_ascii=False)
    return out


def main() -> int:
    entries = [(e, prepare(e)) for e in all_entries()]
    cold = _lines(entries, cold=True)
    passes = {"warm": _lines(entries, cold=False), "reversed": _lines(entries[::-1], cold=False)}
    for name, lines in passes.items():
        differing = [k for k in cold if lines[k] != cold[k]]
        if differing:
            print(f"{name} pass differs from the cold pass for {differing[:5]}", file=sys.stderr)
            return 1
    sys.stdout.write("".join(line + "\n" for line in cold.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
