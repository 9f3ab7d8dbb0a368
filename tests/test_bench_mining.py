"""The mining wave's tools (``bench.mining``): the checks a mined file must pass and the figures a wave reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.mining import _held_notes, check, diff, summary, wilson


def _write(path: Path, entries: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def _entry(id_: str, source: str, message: str, expect: str, note: str = "wording: new. x") -> dict[str, Any]:
    return {"id": id_, "source": source, "provider": "openai", "kind": "message",
            "exception": {"type": "Error", "message": message}, "expect": expect, "note": note}


@pytest.mark.parametrize(("right", "total", "low", "high"), [
    (83, 98, 76.3, 90.5),  # wave 66 as its closing note gives it
    (311, 369, 80.2, 87.6),
    (0, 10, 0.0, 27.8),
])
def test_wilson_interval(right: int, total: int, low: float, high: float) -> None:
    got = wilson(right, total)
    assert got == (pytest.approx(low, abs=0.05), pytest.approx(high, abs=0.05))


def test_check_names_every_problem_and_every_twin(tmp_path: Path) -> None:
    """A reused id, a cited thread (its #fragment ignored), a note that admits a rewrite or lacks its start, a
    key-shaped string, and a text the corpus holds, with whether the labels agree; a clean entry gives nothing."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus / "holdout1.jsonl", [
        _entry("a-1", "https://github.com/o/r/issues/1", "Rate limit reached for requests", "rate_limit"),
        _entry("a-2", "https://github.com/o/r/issues/2", "Insufficient balance", "billing")])
    mined = _write(tmp_path / "holdout9.jsonl", [
        _entry("a-1", "https://github.com/o/r/issues/7", "something else", "unknown"),
        _entry("b-1", "https://github.com/o/r/issues/1#issuecomment-9", "other text", "timeout"),
        _entry("b-2", "https://github.com/o/r/issues/8", "x", "timeout", note="wording: new. text reconstructed"),
        _entry("b-3", "https://github.com/o/r/issues/9", "y", "timeout", note="no wording"),
        _entry("b-4", "https://github.com/o/r/issues/10", "key sk-abcdefghijklmnopqrstuvwxyz123", "auth"),
        _entry("b-5", "https://github.com/o/r/issues/11", "rate limit reached for requests ", "rate_limit"),
        _entry("b-6", "https://github.com/o/r/issues/12", "Insufficient balance", "rate_limit"),
        _entry("b-7", "https://github.com/o/r/issues/13", "a clean new text", "unknown")])
    lines = check([mined], corpus)
    joined = "\n".join(lines)
    assert "a-1: id already used" in joined
    assert "b-1: source already cited in holdout1.jsonl" in joined
    assert "b-2: the note says the text was not copied as pasted" in joined
    assert "b-3: the note does not start" in joined
    assert "b-4: a key-shaped string" in joined
    assert "b-5: same text as a-1 (holdout1.jsonl, rate_limit): the same label" in joined
    assert "b-6: same text as a-2 (holdout1.jsonl, billing): ANOTHER LABEL" in joined
    assert not [line for line in lines if " b-7:" in line]


def test_check_reads_a_waves_files_against_each_other(tmp_path: Path) -> None:
    """Two miners of one wave took the same thread (holdout694 and holdout695 both cited openai/codex#18307): the
    second file's entry is reported, as is an id both used; two errors from one thread in one file are not."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first = _write(tmp_path / "holdout694.jsonl", [
        _entry("c-1", "https://github.com/openai/codex/issues/18307", "Invalid Responses API request", "format_error"),
        _entry("c-2", "https://github.com/o/r/issues/6", "first error", "timeout"),
        _entry("c-3", "https://github.com/o/r/issues/6#issuecomment-2", "second error", "auth")])
    second = _write(tmp_path / "holdout695.jsonl", [
        _entry("d-1", "https://github.com/openai/codex/issues/18307#issuecomment-1", "Invalid Responses API request",
               "format_error"),
        _entry("c-2", "https://github.com/o/r/issues/77", "another", "timeout")])
    lines = check([first, second], corpus)
    assert "holdout695.jsonl:1 d-1: source also cited in holdout694.jsonl (another file given)" in lines
    assert "holdout695.jsonl:2 c-2: id already used" in lines
    assert not [line for line in lines if "holdout694.jsonl" in line.split(":")[0]]


def test_diff_counts_fixes_and_breaks_and_shows_moves() -> None:
    before = ["x\tf\tbilling\trate_limit\tr1\t0", "y\tf\tauth\tauth\tr2\t1", "z\tf\ttimeout\tunknown\tunknown\t0",
              "w\tf\tauth\tauth\tr2\t1"]
    after = ["x\tf\tbilling\tbilling\tr3\t1", "y\tf\tauth\tformat_error\tr4\t0",
             "z\tf\ttimeout\tserver_error\tword_model\t0", "w\tf\tauth\tauth\tr2\t1"]
    lines = diff(before, after)
    assert [line.split()[0] for line in lines[:-1]] == ["FIX", "BREAK", "move"]
    assert lines[-1] == "# 4 -> 4 entries; fixed 1, broken 1; right 2 -> 2"


def test_summary_splits_held_and_new_and_counts_the_labels_recovery() -> None:
    """timeout and stream_incomplete share a policy row; rate_limit and billing do not."""
    rows = ["a\th1\ttimeout\ttimeout\tr\t1", "b\th1\ttimeout\tstream_incomplete\tr\t0",
            "c\th2\tbilling\trate_limit\tr\t0", "d\th2\tauth\tnone\t-\t0"]
    held = {"a": True, "b": False, "c": True, "d": False}
    lines = summary(rows, held)
    assert lines[0].startswith("h1: 1/2 (50.0 %") and "held 1/1, new 0/1" in lines[0]
    assert lines[-1].startswith("all: 1/4 (25.0 %") and "held 1/2, new 0/2" in lines[-1]
    assert lines[-1].endswith("label's recovery 2")


def test_held_notes_are_read_from_a_waves_folder(tmp_path: Path) -> None:
    """A wave's files wait blind in their own folder (``incoming/w127/``); their held/new marks count as the corpus's
    and incoming's own files' do (before: the summary read every entry of a wave folder as new)."""
    incoming = tmp_path / "incoming"
    (incoming / "w127").mkdir(parents=True)
    _write(tmp_path / "holdout1.jsonl", [_entry("a", "https://x/1", "one", "auth", note="wording: held. x")])
    _write(incoming / "holdout2.jsonl", [_entry("b", "https://x/2", "two", "auth")])
    _write(incoming / "w127" / "holdout3.jsonl", [_entry("c", "https://x/3", "three", "auth", note="wording: held. y")])
    assert _held_notes([tmp_path, incoming]) == {"a": True, "b": False, "c": True}
