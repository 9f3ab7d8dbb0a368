"""Cron truth: `steadyloop run --status-file` tells the truth on every exit path, with a bounded history."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from agent.cron import EXIT_CONFIG, EXIT_CRASHED, CronStatus, history_path, read_history
from agent.testing.emulator import Emulator, Scenario

SECRET = "sk-cron-canary-0123456789abcdef"


def _config(tmp_path: Path, emu: Emulator, extra: str = "") -> Path:
    path = tmp_path / "steadyloop.toml"
    path.write_text(f'[state]\nbackend = "sqlite"\npath = "{tmp_path / "state.db"}"\n[pools.main]\n'
                    f'[[pools.main.credentials]]\nid = "one"\nkey = "{SECRET}"\n[[chain]]\napi = "openai-chat"\n'
                    f'model = "gpt-4o"\npool = "main"\nbase_url = "{emu.base_url("openai")}"\n{extra}')
    return path


def _start(tmp_path: Path, *argv: str, stdin: int | None = None,
           stdout: Any = subprocess.PIPE) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "agent.cli", "run", *argv, "--status-file",
                             str(tmp_path / "status.json")], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                            text=True, cwd=tmp_path)


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out or "", err


def _status(tmp_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((tmp_path / "status.json").read_text())
    return data


def _until(condition: Any, proc: subprocess.Popen[str]) -> None:
    """Poll until ``condition()`` holds (the process reached a point), never to synchronise a race."""
    limit = time.monotonic() + 30
    while not condition() and proc.poll() is None and time.monotonic() < limit:
        time.sleep(0.02)
    assert condition(), "the run never reached the expected point"


def _running(tmp_path: Path) -> bool:
    try:
        return _status(tmp_path)["status"] == "running"
    except (OSError, ValueError):
        return False


def _no_secret(tmp_path: Path) -> None:
    for path in (tmp_path / "status.json", history_path(tmp_path / "status.json")):
        assert SECRET not in path.read_text() and SECRET[-8:] not in path.read_text()


@pytest.fixture
def healthy() -> Iterator[Emulator]:
    with Emulator("healthy") as emu:
        yield emu


def test_a_config_error_replaces_the_last_ok_and_has_its_own_exit_code(tmp_path: Path, healthy: Emulator) -> None:
    """After an ok run, a broken config writes config_error (exit 78) naming the field: never a stale "ok"."""
    config = _config(tmp_path, healthy)
    assert _finish(_start(tmp_path, "hi", "--config", str(config)))[0] == 0
    ok = _status(tmp_path)
    assert ok["status"] == "ok" and ok["exit_code"] == 0 and ok["provider"] == "OpenAI" and ok["model"] == "gpt-4o"
    assert ok["attempts"] == 1 and ok["elapsed"] > 0
    config.write_text(config.read_text() + "[loop]\nmax_attempts = 'many'\n")
    for _ in range(2):
        code, _, err = _finish(_start(tmp_path, "hi", "--config", str(config)))
        assert code == EXIT_CONFIG and "max_attempts" in err and "Traceback" not in err
    broken = _status(tmp_path)
    assert broken["status"] == "config_error" and broken["exit_code"] == EXIT_CONFIG
    assert "max_attempts" in broken["message"] and broken["attempts"] == 0 and broken["elapsed"] >= 0
    assert [(r["status"], r["streak"]) for r in read_history(tmp_path / "status.json")] == [
        ("ok", 1), ("config_error", 1), ("config_error", 2)]
    _no_secret(tmp_path)


def test_a_missing_config_file_is_a_config_error_too(tmp_path: Path) -> None:
    """No configuration file: exit 78 and a config_error record that says which file and the fix."""
    code, _, _ = _finish(_start(tmp_path, "hi", "--config", str(tmp_path / "nope.toml")))
    assert code == EXIT_CONFIG and _status(tmp_path)["status"] == "config_error"
    assert "nope.toml: no such file" in _status(tmp_path)["message"]


def test_an_unexpected_exception_is_recorded_as_crashed(tmp_path: Path, healthy: Emulator) -> None:
    """stdout on a full disk (/dev/full) fails the run: it exits 70 and records crashed with the error."""
    config = _config(tmp_path, healthy)
    with open("/dev/full", "w") as full:
        code, _, err = _finish(_start(tmp_path, "hi", "--config", str(config), stdout=full))
    record = _status(tmp_path)
    assert code == EXIT_CRASHED and record["status"] == "crashed" and record["exit_code"] == EXIT_CRASHED
    assert "OSError" in record["message"] and "No space left on device" in record["message"]
    assert "(exit 70)" in err and read_history(tmp_path / "status.json")[-1]["status"] == "crashed"
    _no_secret(tmp_path)


def test_a_usage_error_is_recorded(tmp_path: Path, healthy: Emulator) -> None:
    """A bad command line (--stream with --json) exits 2 and records usage_error."""
    code, _, _ = _finish(_start(tmp_path, "hi", "--stream", "--json", "--config", str(_config(tmp_path, healthy))))
    assert code == 2 and _status(tmp_path)["status"] == "usage_error" and _status(tmp_path)["exit_code"] == 2


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_before_the_turn_is_recorded(tmp_path: Path, healthy: Emulator, signum: signal.Signals) -> None:
    """A signal while the run waits for its prompt on stdin: interrupted, 128 + the signal, nothing sent."""
    proc = _start(tmp_path, "-", "--config", str(_config(tmp_path, healthy)), stdin=subprocess.PIPE)
    _until(lambda: _running(tmp_path), proc)
    proc.send_signal(signum)
    code, _, err = _finish(proc)
    record = _status(tmp_path)
    assert code == 128 + signum and record["status"] == "interrupted" and record["exit_code"] == 128 + signum
    assert f"Stopped by {signum.name} before the turn began" in err and healthy.calls() == 0
    assert record["attempts"] == 0 and read_history(tmp_path / "status.json")[-1]["status"] == "interrupted"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_the_turn_records_exit_code_model_and_attempts(tmp_path: Path,
                                                                       signum: signal.Signals) -> None:
    """A signal while the call hangs: interrupted with the exit code, the model waited on, one attempt."""
    with Emulator(Scenario.model_validate({"rules": [{"respond": "hang", "delay": 60}]})) as emu:
        proc = _start(tmp_path, "hi", "--config", str(_config(tmp_path, emu, "[loop]\ndeadline_seconds = 60\n")))
        _until(lambda: emu.calls() > 0, proc)
        proc.send_signal(signum)
        code, _, _ = _finish(proc)
    record = _status(tmp_path)
    assert code == 128 + signum and record["status"] == "interrupted" and record["exit_code"] == 128 + signum
    assert record["model"] == "gpt-4o" and record["provider"] == "OpenAI" and record["attempts"] == 1
    assert record["elapsed"] > 0
    _no_secret(tmp_path)


def test_a_killed_run_leaves_running_not_the_previous_ok(tmp_path: Path) -> None:
    """SIGKILL cannot be handled: the status file still says "running" (with its pid), never the last "ok"."""
    rules = {"rules": [{"respond": "reply", "times": 1}, {"respond": "hang", "delay": 60}]}
    with Emulator(Scenario.model_validate(rules)) as emu:
        config = str(_config(tmp_path, emu, "[loop]\ndeadline_seconds = 60\n"))
        assert _finish(_start(tmp_path, "hi", "--config", config))[0] == 0
        proc = _start(tmp_path, "hi again", "--config", config)
        _until(lambda: emu.calls() > 1, proc)
        proc.kill()
        proc.communicate(timeout=30)
    record = _status(tmp_path)
    assert record["status"] == "running" and record["pid"] == proc.pid


def test_the_history_is_bounded_and_counts_streaks() -> None:
    """The history keeps the newest runs (at most twice keep lines on disk), and streak counts equal statuses."""
    import tempfile

    from agent.results import TurnResult, TurnStatus

    path = Path(tempfile.mkdtemp()) / "last_status.json"
    fixed = datetime(2026, 1, 1, tzinfo=UTC)
    statuses = ["ok", "ok", "rate_limited", "rate_limited", "rate_limited", "ok", "ok", "ok", "ok", "ok", "ok"]
    for status in statuses:
        job = CronStatus(path, keep=3, clock=lambda: 0.0, now=lambda: fixed)
        job.finished(TurnResult(status=TurnStatus(status), final_response="x", finished_at=fixed), 0)
    lines = history_path(path).read_text().splitlines()
    records = read_history(path)
    assert len(lines) <= 6 and records[-1]["status"] == "ok"
    assert [r["streak"] for r in records[-3:]] == [4, 5, 6] and json.loads(path.read_text())["streak"] == 6
    CronStatus(path, keep=0).failed("crashed", f"boom {SECRET}", EXIT_CRASHED)
    assert SECRET not in path.read_text() and len(history_path(path).read_text().splitlines()) == len(lines)
