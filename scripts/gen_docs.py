#!/usr/bin/env python3
"""Regenerate the generated tables in docs/ from the code (tests check they are current)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent._rules import RULES  # noqa: E402
from agent._taxonomy import REASON_POLICY  # noqa: E402

BEGIN, END = "<!-- generated:rules -->", "<!-- /generated:rules -->"


def rules_block() -> str:
    """The reason policy table and the rule table, as markdown."""
    yes = {True: "yes", False: "no"}
    lines = ["| reason | scope | action | retryable | may fall back | should_fallback hint |",
             "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| `{r.value}` | {p.scope.value} | {p.action.value} | {yes[p.retryable]} | {yes[p.fallback]} "
              f"| {yes[p.should_fallback]} |" for r, p in REASON_POLICY.items()]
    lines += ["", "| # | rule | reason | statuses | codes | phrase tags |", "| --- | --- | --- | --- | --- | --- |"]
    for i, rule in enumerate(RULES, 1):
        statuses = "any" if rule.statuses is None else _statuses(rule.statuses)
        codes = ", ".join(sorted(rule.codes)) or "-"
        tags = ", ".join(sorted(rule.tags)) + (f" (not {', '.join(sorted(rule.unless))})" if rule.unless else "")
        lines.append(f"| {i} | `{rule.name}` | `{rule.reason.value}` | {statuses} | {codes} | {tags or '-'} |")
    return "\n".join([BEGIN, *lines, END])


def _statuses(statuses: frozenset[int | None]) -> str:
    ints = sorted(s for s in statuses if s is not None)
    text = "4xx" if ints == list(range(400, 500)) else "5xx" if ints == list(range(500, 600)) else \
        ", ".join(map(str, ints))
    return ", ".join(filter(None, [text, "none" if None in statuses else ""]))


def render(doc: str) -> str:
    head, _, rest = doc.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + rules_block() + tail


if __name__ == "__main__":
    path = ROOT / "docs" / "classifier.md"
    path.write_text(render(path.read_text()))
    print(f"updated {path}")
