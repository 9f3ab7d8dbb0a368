"""``steadyloop drill``: emulator scenarios through the real loop, a timeline and a verdict each."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from ._common import UsageError

__all__ = ["add"]


def _print_drill(report: Any, out: TextIO) -> None:
    out.write(f"== {report.scenario}: {report.description}\n")
    number = 0
    for turn_no, turn in enumerate(report.turns, 1):
        for a in turn.attempts:
            number += 1
            http = f"HTTP {a.status_code}, " if a.status_code else ""
            why = f" ({http}rule {a.rule})" if a.rule else ""
            wait = f", waited {a.wait:.2f} s" if a.wait else ""
            key = a.credential_id or "-"
            out.write(f"   {number:2}. turn {turn_no} {a.api} {a.model} {key} -> {a.outcome}{why}: {a.action}{wait}\n")
    verdict = "PASS" if report.passed else "FAIL"
    streamed = ", streamed" if report.streamed else ""
    out.write(f"   {verdict} status {report.status} (expected {report.expected_status}), {report.calls} upstream "
              f"call(s) (minimum {report.min_calls}), {report.faults} fault(s) served{streamed}, "
              f"{report.seconds:.2f} s, waits {report.waited:.2f} s\n")
    for problem in report.problems:
        out.write(f"   why it failed: {problem}\n")
    if report.status != "ok" and report.turns:
        out.write(f"   final response: {report.turns[-1].final_response}\n")
    out.write("\n")


def _print_table(reports: list[Any], out: TextIO) -> None:
    """The outage drills side by side: calls and drill seconds against the optimum."""
    from ..drill import TIME_SCALE

    out.write("| scenario | result | calls (optimum) | elapsed drill s (optimum) | waits s |\n")
    out.write("| --- | --- | --- | --- | --- |\n")
    for r in reports:
        result = ("rescued" if r.status == "ok" else f"honest {r.status}") if r.passed else f"FAIL: {r.status}"
        out.write(f"| {r.scenario} | {result} | {r.calls} ({r.min_calls}) | {r.seconds:.1f} "
                  f"({r.optimum_seconds:g}) | {r.waited:.1f} |\n")
    out.write(f"(drill time: timeouts and the emulator's delays compressed {1 / TIME_SCALE:g}x; default configuration)"
              "\n")


def _cmd_drill(args: argparse.Namespace, out: TextIO) -> int:
    from ..drill import run_drills
    from ..testing.emulator import ScenarioError, list_scenarios

    names = list(list_scenarios()) if args.all or not args.scenarios else args.scenarios
    if args.outages:
        names = [n for n in list_scenarios() if n.startswith("outage_")]
    try:
        reports = run_drills(names, real_time=args.real_time)
    except ScenarioError as err:
        raise UsageError(str(err)) from err
    if args.json:
        out.write(json.dumps([r.to_dict() for r in reports], indent=2) + "\n")
    else:
        for report in reports:
            _print_drill(report, out)
        timed = [r for r in reports if r.drill_time]
        if timed:
            _print_table(timed, out)
        passed = sum(r.passed for r in reports)
        out.write(f"drills: {passed} of {len(reports)} passed (expected status, minimum upstream calls, their fault "
                  "served by the emulator and handled by the loop)\n")
    return 0 if all(r.passed for r in reports) else 1


def add(sub: Any) -> None:
    """Register ``drill``."""
    p = sub.add_parser("drill", help="run emulator scenarios through the loop; timeline and verdict each")
    p.add_argument("scenarios", nargs="*", help="scenario names (default: all)")
    p.add_argument("--all", action="store_true", help="every shipped scenario")
    p.add_argument("--outages", action="store_true",
                   help="the 16 outage drills (primary + one fallback, default configuration) and their table")
    p.add_argument("--json", action="store_true")
    p.add_argument("--real-time", action="store_true", help="really sleep the waits (default: record them)")
    p.set_defaults(func=_cmd_drill)
