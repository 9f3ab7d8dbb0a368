"""Behaviour of agent.drill and `steadyloop drill`: every scenario at its minimum cost."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from agent.cli import main
from agent.drill import DrillSpec, judge, run_drill
from agent.results import Attempt
from agent.testing.emulator import RequestRecord, ScenarioError, list_scenarios, load_scenario


@pytest.mark.parametrize("name", sorted(list_scenarios()))
def test_every_scenario_drills_at_the_minimum(name: str) -> None:
    """Through the real loop, each scenario ends with its expected status after its minimum calls (outage drills:
    within the calls they declare, against that optimum)."""
    report = run_drill(name)
    spec = DrillSpec.model_validate(load_scenario(name).drill)
    assert report.status == report.expected_status, report.to_dict()
    assert report.min_calls <= report.calls <= (spec.max_calls or report.min_calls), report.to_dict()
    assert report.passed and report.problems == [], report.problems
    assert report.faults >= (0 if name == "healthy" else 1), "every drill but the baseline meets its fault"


def _scenario_with(name: str, **drill: object) -> dict[str, object]:
    data = load_scenario(name).model_dump(mode="json", exclude_none=True)
    data["drill"] = {**data["drill"], **drill}
    return data


def test_a_drill_whose_fault_never_fires_fails() -> None:
    """midstream_overloaded run without streaming never meets its fault: the drill fails and says why."""
    report = run_drill(_scenario_with("midstream_overloaded", stream=False, min_calls=1))
    assert report.status == "ok" and report.calls == 1 and report.faults == 0
    assert not report.passed
    assert any("served 0 fault(s)" in p and "never met" in p for p in report.problems), report.problems


def test_streamed_only_faults_run_streamed_by_default() -> None:
    """A scenario whose fault needs a stream is streamed even when its [drill] does not say so."""
    data = _scenario_with("midstream_overloaded")
    del data["drill"]["stream"]  # type: ignore[attr-defined]
    report = run_drill(data)
    assert report.streamed and report.faults == 1 and report.passed, report.problems


def _record(seq: int, outcome: str) -> RequestRecord:
    cause = "success" if outcome == "reply" else "rule:0"
    return RequestRecord(seq, "chat", "m", "one", False, 200, outcome, cause, 0.0, 0.0)


def _attempt(outcome: str) -> Attempt:
    action = "answered" if outcome == "ok" else "retried"
    return Attempt(api="openai-chat", model="m", credential_id="key1", outcome=outcome, action=action)


_SPEC = DrillSpec(api="openai-chat", model="m", keys=("k",), expect_status="ok", min_calls=2)


@pytest.mark.parametrize(("log", "attempts", "needle"), [
    ([("reply"), ("reply")], ["ok", "ok"], "served 0 fault(s)"),
    ([("error"), ("reply")], ["ok", "ok"], "emulator answered error (rule:0) but the loop recorded ok"),
    ([("error"), ("reply")], ["overloaded"], "recorded 1 attempt(s) for 2 upstream call(s)"),
    ([("error"), ("error"), ("reply")], ["overloaded", "overloaded", "ok"], "3 upstream call(s), the minimum is 2"),
    ([("reply"), ("drop")], ["timeout", "connection"], "emulator answered reply (success) but the loop recorded"),
])
def test_judge_names_each_way_a_drill_can_lie(log: list[str], attempts: list[str], needle: str) -> None:
    """A drill fails when its fault was not served, not handled, or not accounted for; the problem says which."""
    problems = judge(_SPEC, "ok", [_record(i, o) for i, o in enumerate(log)], [_attempt(o) for o in attempts])
    assert any(needle in p for p in problems), problems


def test_judge_passes_a_served_and_handled_fault() -> None:
    """One fault served, recorded as a failure, then an answer: no problems."""
    assert judge(_SPEC, "ok", [_record(0, "error"), _record(1, "reply")], [_attempt("overloaded"),
                                                                          _attempt("ok")]) == []


def test_bad_drill_section_names_the_field() -> None:
    """A [drill] with an unknown or missing field is a ScenarioError naming it."""
    with pytest.raises(ScenarioError, match=r"drill\.min_calls: Field required"):
        run_drill({**_scenario_with("healthy"), "drill": {"api": "openai-chat", "model": "m", "keys": ["k"],
                                                          "expect_status": "ok"}})
    with pytest.raises(ScenarioError, match=r"drill\.turnz: Extra inputs"):
        run_drill(_scenario_with("healthy", turnz=2))


def test_drill_command_json() -> None:
    """`steadyloop drill --json` prints a timeline and verdict per scenario and exits 0 when all pass."""
    out = io.StringIO()
    code = main(["drill", "transient_400", "content_policy", "--json"], out=out)
    data = json.loads(out.getvalue())
    assert code == 0 and [d["scenario"] for d in data] == ["transient_400", "content_policy"]
    # seed 001's first backoff: 0.5 s times a jitter in [0.8, 1.2], rounded to milliseconds in the JSON (so its lower
    # bound 0.4 itself can be printed: "> 0.4" failed once in about 400 runs)
    assert data[0]["timeline"][0]["outcome"] == "transient" and 0.4 <= data[0]["waited"] <= 0.6
    assert "safety system" in data[1]["final_response"]


def test_drill_text_output_shows_the_ladder() -> None:
    """The text form names each attempt, what the loop did, and the verdict."""
    out = io.StringIO()
    assert main(["drill", "anthropic_out_of_extra_usage"], out=out) == 0
    text = out.getvalue()
    assert "rotated credential" in text and "PASS status ok" in text and "2 upstream call(s) (minimum 2)" in text
    assert "1 fault(s) served" in text


def test_drill_text_output_says_why_a_drill_failed(tmp_path: Path) -> None:
    """A failing drill prints FAIL, the reason in plain words, and exits 1."""
    path = tmp_path / "quiet.json"
    path.write_text(json.dumps(_scenario_with("midstream_overloaded", stream=False, min_calls=1)))
    out = io.StringIO()
    assert main(["drill", str(path)], out=out) == 1
    assert "FAIL status ok" in out.getvalue() and "why it failed: the emulator served 0 fault(s)" in out.getvalue()
