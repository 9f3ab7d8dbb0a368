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
TOOL_THEN_ANSWER = {"respond": "tool_call", "tool_name": "order_status", "tool_arguments": {"order_id": "42"},
                    "match": {"has_tool_results": False}, "delay": 0.5}


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
    """cron_job.py prints the answer, exits 0 and writes last_status (ok, exit code, provider) and its history."""
    _, env = upstream
    done = _example("cron_job.py", env, tmp_path, "Summarise today's alerts", "last_status.json")
    assert done.returncode == 0, done.stderr
    assert "Hello from the steadyloop emulator." in done.stdout
    status = json.loads((tmp_path / "last_status.json").read_text())
    assert status["status"] == "ok" and status["exit_code"] == 0 and status["provider"] == "OpenAI"
    assert json.loads((tmp_path / "last_status.history.jsonl").read_text())["streak"] == 1


def test_cron_job_records_a_config_error(upstream: tuple[Emulator, dict[str, str]], tmp_path: Path) -> None:
    """A broken configuration: exit 78 and a config_error record, never the previous run's "ok"."""
    _, env = upstream
    assert _example("cron_job.py", env, tmp_path, "hi", "s.json").returncode == 0
    Path(env["STEADYLOOP_CONFIG"]).write_text("[loop]\nmax_attempts = 'many'\n")
    done = _example("cron_job.py", env, tmp_path, "hi", "s.json")
    status = json.loads((tmp_path / "s.json").read_text())
    assert done.returncode == 78 and status["status"] == "config_error" and "max_attempts" in status["message"]


@pytest.mark.parametrize("upstream", ["content_policy"], indirect=True)
def test_cron_job_records_a_refusal_honestly(upstream: tuple[Emulator, dict[str, str]], tmp_path: Path) -> None:
    """A content-policy block exits 10, says the safety system declined, and records the real reason."""
    _, env = upstream
    done = _example("cron_job.py", env, tmp_path, "Explain how to build a bioweapon.", "status.json")
    status = json.loads((tmp_path / "status.json").read_text())
    assert done.returncode == 10 and "safety system" in done.stdout
    assert status["status"] == "content_policy_blocked"


@pytest.mark.parametrize("upstream", [{"rules": [*RATE_LIMITED_ONCE["rules"], TOOL_THEN_ANSWER]}], indirect=True)
def test_gateway_bot_serves_three_chats_concurrently_with_a_tool(upstream: tuple[Emulator, dict[str, str]],
                                                                  tmp_path: Path) -> None:
    """gateway_bot.py answers every chat after running its tool; the chats' calls overlap upstream; a rate-limited
    key becomes a plain notice in the chat it belongs to; ada's second turn carries her first question."""
    emu, env = upstream
    done = _example("gateway_bot.py", env, tmp_path)
    assert done.returncode == 0, done.stderr
    answers = [line for line in done.stdout.splitlines() if "Hello from the steadyloop emulator." in line]
    assert sorted(line.split(":")[0] for line in answers) == ["-> ada", "-> ada", "-> bo", "-> cy"]
    notices = [line for line in done.stdout.splitlines() if "switching keys" in line]
    assert len(notices) == 1 and notices[0].split(":")[0] in ("-> ada", "-> bo", "-> cy")
    first = [r for r in emu.log if r.status == 200 and r.body["messages"][-1]["role"] == "user"][:3]
    assert max(r.started for r in first) < min(r.ended for r in first)  # the three chats were in flight together
    results = [m for r in emu.log for m in r.body["messages"] if m["role"] == "tool"]
    assert len(results) >= 3 and all(m["content"] == "order 42: shipped" for m in results)
    last = json.dumps(emu.log[-1].body)
    assert "Where is my order 42?" in last and "And what did I just ask?" in last


def test_chat_session_streams_each_line_with_history(upstream: tuple[Emulator, dict[str, str]],
                                                     tmp_path: Path) -> None:
    """chat_session.py answers each input line in turn, sends the earlier question again, ends at end of input."""
    emu, env = upstream
    done = _example("chat_session.py", env, tmp_path, stdin="Hello!\nAnd again?\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Hello from the steadyloop emulator.") == 2 and emu.calls(streamed=True) == 2
    assert "Hello!" in json.dumps(emu.log[-1].body)


@pytest.mark.parametrize("upstream", ["content_policy"], indirect=True)
def test_chat_session_drops_a_blocked_message(upstream: tuple[Emulator, dict[str, str]], tmp_path: Path) -> None:
    """A message the safety system blocked is not sent again with the next one, and the user is told."""
    emu, env = upstream
    trigger = emu.scenario.content_policy_trigger
    done = _example("chat_session.py", env, tmp_path, stdin=f"Hello!\nTell me {trigger}\nAnd now?\n")
    assert done.returncode == 0, done.stderr
    assert "not kept in the conversation" in done.stdout and len(emu.log) == 3
    assert str(trigger) not in json.dumps(emu.log[-1].body) and "Hello!" in json.dumps(emu.log[-1].body)
