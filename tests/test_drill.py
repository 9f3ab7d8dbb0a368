"""Behaviour of agent.drill and `steadyloop drill`: every scenario at its minimum cost."""

from __future__ import annotations

import io
import json

import pytest

from agent.cli import main
from agent.drill import run_drill
from agent.testing.emulator import list_scenarios


@pytest.mark.parametrize("name", sorted(list_scenarios()))
def test_every_scenario_drills_at_the_minimum(name: str) -> None:
    """Through the real loop, each scenario ends with its expected status after exactly its minimum calls."""
    report = run_drill(name)
    assert (report.status, report.calls) == (report.expected_status, report.min_calls), report.to_dict()


def test_drill_command_json() -> None:
    """`steadyloop drill --json` prints a timeline and verdict per scenario and exits 0 when all pass."""
    out = io.StringIO()
    code = main(["drill", "transient_400", "content_policy", "--json"], out=out)
    data = json.loads(out.getvalue())
    assert code == 0 and [d["scenario"] for d in data] == ["transient_400", "content_policy"]
    assert data[0]["timeline"][0]["outcome"] == "transient" and data[0]["waited"] > 0.4
    assert "safety system" in data[1]["final_response"]


def test_drill_text_output_shows_the_ladder() -> None:
    """The text form names each attempt, what the loop did, and the verdict."""
    out = io.StringIO()
    assert main(["drill", "anthropic_out_of_extra_usage"], out=out) == 0
    text = out.getvalue()
    assert "rotated credential" in text and "PASS status ok" in text and "2 upstream call(s) (minimum 2)" in text
