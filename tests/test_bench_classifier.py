"""Behaviour of bench.classifier's stage timing (``--stages``)."""

from __future__ import annotations

from pathlib import Path

from agent.testing.corpus import load
from bench.classifier import stages


def test_each_stage_of_the_cold_path_is_timed_for_every_failing_entry(tmp_path: Path) -> None:
    """Every stage has one best time per entry that failed (a real 200 success has no facts to time)."""
    (tmp_path / "x.jsonl").write_text(
        '{"id": "a", "source": "https://x", "provider": "openai", "kind": "http", "api": "openai", "status": 429,'
        ' "body": {"error": {"message": "Rate limit reached", "code": "rate_limit_exceeded"}},'
        ' "headers": {"retry-after": "2"}, "expect": "rate_limit"}\n'
        '{"id": "b", "source": "https://x", "provider": "openai", "kind": "message",'
        ' "exception": {"type": "RateLimitError", "message": "slow down"}, "expect": "rate_limit"}\n')
    timed = stages(2, load(tmp_path))
    assert list(timed) == ["classify (all)", "  read the error", "  text and tags", "  wait hints", "  rule walk",
                           "  redacted result"]
    assert all(len(samples) == 2 and all(s >= 0 for s in samples) for samples in timed.values())
    assert min(timed["classify (all)"]) > 0 and min(timed["  text and tags"]) > 0
