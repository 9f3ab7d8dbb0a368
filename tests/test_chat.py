"""Behaviour of `steadyloop chat`, driven through a pseudo-terminal against the emulator."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest

from agent.chat import status_line
from agent.events import CredentialRotated, FallbackActivated, RetryScheduled
from agent.testing.emulator import Emulator, Scenario

RATE_LIMITED_ONCE = {"rules": [{"respond": "error", "status": 429, "times": 1, "headers": {"retry-after": "1"},
                                "body": {"error": {"message": "Rate limit reached", "type": "requests",
                                                   "code": "rate_limit_exceeded"}}}]}


@pytest.fixture
def config(tmp_path: Path) -> Iterator[tuple[Path, Emulator]]:
    with Emulator(Scenario.model_validate(RATE_LIMITED_ONCE)) as emu:
        path = tmp_path / "steadyloop.toml"
        path.write_text(
            '[state]\nbackend = "memory"\n[pools.main]\n[[pools.main.credentials]]\nid = "work"\nkey = "sk-emu-1"\n'
            f'[[chain]]\napi = "openai-chat"\nmodel = "gpt-4o"\npool = "main"\nbase_url = "{emu.base_url("openai")}"\n'
            f'[[chain]]\napi = "openai-chat"\nmodel = "gpt-4o-mini"\npool = "main"\n'
            f'base_url = "{emu.base_url("openai")}"\n[loop]\nmax_wait_seconds = 5\n')
        yield path, emu


def test_rate_limited_turn_shows_the_wait_then_the_answer(config: tuple[Path, Emulator]) -> None:
    """In a terminal, a rate-limited turn shows which key and how long it waits, then the streamed answer."""
    path, emu = config
    child = pexpect.spawn(sys.executable, ["-m", "agent.cli", "chat", "--config", str(path)], encoding="utf-8",
                          timeout=20, dimensions=(40, 200))
    try:
        child.expect("you> ")
        child.sendline("hello")
        # One key: nothing to switch to, so the rate limit is a retry of that key after its hint.
        child.expect(r"rate limit on key work, retrying in 1 s")
        child.expect("Hello from the steadyloop emulator.")
        child.expect("you> ")
        child.sendline("/status")
        child.expect(r"work: available, uses 2")
        child.sendline("/model gpt-4o-mini")
        child.expect("primary model is now gpt-4o-mini")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert emu.calls() == 2


def test_usable_when_stdout_is_not_a_terminal(config: tuple[Path, Emulator]) -> None:
    """Piped, the session prints plain text (no escape codes) and keeps history between turns."""
    path, _ = config
    done = subprocess.run([sys.executable, "-m", "agent.cli", "chat", "--config", str(path)],
                          input="hello\nagain\n/reset\n/quit\n", capture_output=True, text=True, timeout=30,
                          check=False)
    assert done.returncode == 0 and "\x1b[" not in done.stdout
    assert done.stdout.count("Hello from the steadyloop emulator.") == 2 and "history cleared" in done.stdout


@pytest.mark.parametrize(("event", "text"), [
    (RetryScheduled("m", 12.0, "rate_limit", "work"), "rate limit on key work, retrying in 12 s"),
    (CredentialRotated("m", "work", "billing"), "billing on key work, switching keys"),
    (FallbackActivated("a", "gpt-5", "openai-chat", "overloaded"), "switching to fallback openai-chat:gpt-5"),
])
def test_status_lines(event: object, text: str) -> None:
    """Recovery events become one readable status line each."""
    assert text in (status_line(event) or "")


def _until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Poll a condition with a bound (the request log fills when the child's request arrives)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_ctrl_c_cancels_the_turn_not_the_session(tmp_path: Path) -> None:
    """Ctrl-C while an answer is pending cancels that turn; the session goes on and answers the next message."""
    slow_first = {"rules": [{"respond": "reply", "delay": 30, "match": {"calls": [1]}}]}
    with Emulator(Scenario.model_validate(slow_first)) as emu:
        path = tmp_path / "steadyloop.toml"
        path.write_text('[state]\nbackend = "memory"\n[pools.main]\n[[pools.main.credentials]]\nkey = "sk-emu-1"\n'
                        f'[[chain]]\napi = "openai-chat"\nmodel = "m"\npool = "main"\n'
                        f'base_url = "{emu.base_url("openai")}"\n')
        child = pexpect.spawn(sys.executable, ["-m", "agent.cli", "chat", "--config", str(path)], encoding="utf-8",
                              timeout=20)
        try:
            child.expect("you> ")
            child.sendline("this one is slow")
            _until(lambda: emu.calls() == 1)  # the slow request reached the upstream: the turn is under way
            child.sendintr()
            child.expect(r"\(turn cancelled\)")
            child.expect("you> ")
            child.sendline("again")
            child.expect("Hello from the steadyloop emulator.")
            child.sendline("/quit")
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)
