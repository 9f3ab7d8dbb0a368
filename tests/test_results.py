"""Behaviour of agent.results: statuses, last_status, exit codes and the status file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent import FailoverReason
from agent.results import EXIT_CODES, TurnResult, TurnStatus, now_utc, status_for, write_status_file


def result(status: TurnStatus, reason: FailoverReason | None = None) -> TurnResult:
    return TurnResult(status=status, final_response="msg", failure_reason=reason, finished_at=now_utc(), model="m")


def test_every_status_has_a_distinct_exit_code() -> None:
    """0 for ok and one distinct non-zero code per terminal status."""
    assert set(EXIT_CODES) == set(TurnStatus) and len(set(EXIT_CODES.values())) == len(TurnStatus)
    assert EXIT_CODES[TurnStatus.ok] == 0 and all(v for s, v in EXIT_CODES.items() if s is not TurnStatus.ok)


@pytest.mark.parametrize(("reason", "status"), [
    (FailoverReason.content_policy_blocked, TurnStatus.content_policy_blocked),
    (FailoverReason.billing, TurnStatus.quota_exhausted), (FailoverReason.auth_permanent, TurnStatus.auth_failed),
    (FailoverReason.overloaded, TurnStatus.provider_unavailable),
    (FailoverReason.format_error, TurnStatus.invalid_request),
])
def test_reason_to_status(reason: FailoverReason, status: TurnStatus) -> None:
    """Each terminal reason maps to the status a cron job records."""
    assert status_for(reason) is status


def test_last_status_is_compact(tmp_path: Path) -> None:
    """last_status has status, reason, message, at, model, attempts; the file is written atomically."""
    failed = result(TurnStatus.quota_exhausted, FailoverReason.billing)
    path = tmp_path / "cron" / "last_status.json"
    write_status_file(failed, path)
    data = json.loads(path.read_text())
    assert {"status", "reason", "message", "at", "model", "attempts"} <= set(data)
    assert data["status"] == "quota_exhausted" and data["reason"] == "billing"
    assert [p.name for p in path.parent.iterdir()] == ["last_status.json"]  # no temp files left behind
