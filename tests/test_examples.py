"""The quick-start files in examples/ run as documented against the emulator (one per kind of user)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.testing.emulator import Emulator, Scenario

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RATE_LIMITED_ONCE = {"rules": [{"respond": "error", "status": 429, "times": 1, "match": {"key": "sk-emu-one"},
                                "body": {"error": {"message": "Rate limit reached", "code": "rate_limit_exceeded"}}}]}


def _config(tmp_path: Path, emu: Emulator) -> Path:
    path = tmp_path / "steadyloop.toml"
    path.write_text(f'[state]\nbackend = "sqlite"\npath = "{tmp_path / "state.db"}"\n'
                    '[pools.main]\n[[pools.main.credentials]]\nid = "work"\nkey = "sk-emu-one"\n'
                    '[[pools.main.credentials]]\nid = "personal"\nkey = "sk-emu-two"\n'
                    f'[[chain]]\napi = "openai-chat"\nmodel = "gpt-4o"\npool = "main"\n'
                    f'base_url = "{emu.base_url("openai")}"\n')
    return path


@pytest.fixture
def upstream(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Emulator, dict[str, str]]]:
    scenario = getattr(request, "param", "healthy")
    with Emulator(Scenario.model_validate(scenario) if isinstance(scenario, dict) else scenario) as emu:
        yield emu, {**os.environ, "STEADYLOOP_CONFIG": str(_config(tmp_path, emu))}


def _example(name: str, env: dict[str, str], cwd: Path, *args: str,
             stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(EXAMPLES / name), *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=60, check=False)


def test_cron_job_answers_and_writes_last_status(upstream: tuple[Emulator, dict[str, str]], tmp_path: Path) -> None:
    """cron_job.py prints the answer, exits 0 and writes last_status with status ok."""
    _, env = upstream
    done = _example("cron_job.py", env, tmp_path, "Summarise today's alerts", "last_status.json")
    assert done.returncode == 0, done.stderr
    assert "Hello from the steadyloop emulator." in done.stdout
    assert json.loads((tmp_path / "last_status.json").read_text())["status"] == "ok"


@pytest.mark.parametrize("upstream", ["content_policy"], indirect=True)
def test_cron_job_records_a_refusal_honestly(upstream: tuple[Emulator, dict[str, str]], tmp_path: Path) -> None:
    """A content-policy block exits 10, says the safety system declined, and records the real reason."""
    _, env = upstream
    done = _example("cron_job.py", env, tmp_path, "Explain how to build a bioweapon.", "status.json")
    status = json.loads((tmp_path / "status.json").read_text())
    assert done.returncode == 10 and "safety system" in done.stdout
    assert status["status"] == "content_policy_blocked"


@pytest.mark.parametrize("upstream", [RATE_LIMITED_ONCE], indirect=True)
def test_gateway_bot_serves_users_concurrently_and_forwards_notices(upstream: tuple[Emulator, dict[str, str]],
                                                                     tmp_path: Path) -> None:
    """gateway_bot.py answers every user; a rate-limited key becomes a plain notice to that user."""
    emu, env = upstream
    done = _example("gateway_bot.py", env, tmp_path)
    assert done.returncode == 0, done.stderr
    answers = [line for line in done.stdout.splitlines() if "Hello from the steadyloop emulator." in line]
    assert sorted(line.split(":")[0] for line in answers) == ["-> ada", "-> ada", "-> bo", "-> cy"]
    assert "rate limit on key work, switching keys" in done.stdout and emu.calls() == 5


def test_chat_session_streams_each_line_with_history(upstream: tuple[Emulator, dict[str, str]],
                                                     tmp_path: Path) -> None:
    """chat_session.py answers each input line in turn and ends at end of input."""
    emu, env = upstream
    done = _example("chat_session.py", env, tmp_path, stdin="Hello!\nAnd again?\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Hello from the steadyloop emulator.") == 2 and emu.calls(streamed=True) == 2
