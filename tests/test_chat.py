"""Behaviour of `steadyloop chat`, driven through a pseudo-terminal against the emulator."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest

from agent import FailoverReason
from agent.chat import Wrapper, status_line
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


def _ctrl_c_delivered() -> None:
    """In the child, before exec: SIGINT at its default, as in a user's terminal. A test run started in the
    background by a non-interactive shell ignores SIGINT, children inherit that, and Python then installs
    no KeyboardInterrupt handler, so every Ctrl-C of these tests would be lost."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_rate_limited_turn_shows_the_wait_then_the_answer(config: tuple[Path, Emulator]) -> None:
    """In a terminal, a rate-limited turn shows which key and how long it waits, then the streamed answer."""
    path, emu = config
    child = pexpect.spawn(sys.executable, ["-m", "agent.cli", "chat", "--config", str(path)], encoding="utf-8",
                          timeout=20, dimensions=(40, 200), preexec_fn=_ctrl_c_delivered)
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
    (RetryScheduled("m", 200.0, "overloaded", "work"), "provider overloaded on key work, retrying in 3 min 20 s"),
    (RetryScheduled("m", 4.0, "no_credential", None), "every key is cooling or busy; waiting 4 s"),
    (CredentialRotated("m", "work", "billing"), "out of credit or quota on key work, switching keys"),
    (FallbackActivated("a", "gpt-5", "openai-chat", "overloaded"),
     "provider overloaded on a; switching to the fallback model gpt-5"),
])
def test_status_lines(event: object, text: str) -> None:
    """Recovery events become one readable status line each."""
    assert text in (status_line(event) or "")


@pytest.mark.parametrize("reason", [r.value for r in FailoverReason])
def test_every_reason_reads_as_plain_words(reason: str) -> None:
    """No status line shows an internal reason name alone: each reason has a phrase without underscores."""
    line = status_line(CredentialRotated("m", "work", reason)) or ""
    phrase = line.split(" on key")[0]
    assert "_" not in line and len(phrase.split()) >= 2, line


@pytest.mark.parametrize(("pieces", "width", "expected"), [
    (["Hello from the st", "eadyloop emulator."], 20, "Hello from the\nsteadyloop emulator."),
    (["one two", " three"], 10, "one two\nthree"),
    (["  indented\n", "next"], 20, "  indented\nnext"),
    (["a" * 25], 10, "aaaaaaaaaa\naaaaaaaaaa\naaaaa"),
    (["short"], 40, "short"),
])
def test_wrapper_breaks_between_words_across_pieces(pieces: list[str], width: int, expected: str) -> None:
    """Streamed pieces wrap at word boundaries to the width, a word split across pieces stays whole."""
    wrapper = Wrapper(width)
    text = "".join(wrapper.feed(p) for p in pieces) + wrapper.flush()
    assert text == expected and all(len(line) <= width for line in text.split("\n"))


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
                              timeout=20, preexec_fn=_ctrl_c_delivered)
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


def _spawn(path: Path) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "INPUTRC": "/dev/null"}
    return pexpect.spawn(sys.executable, ["-m", "agent.cli", "chat", "--config", str(path)], encoding="utf-8",
                         timeout=20, dimensions=(40, 200), env=env, preexec_fn=_ctrl_c_delivered)


def test_wait_counts_down_and_the_answer_says_who_answered(tmp_path: Path) -> None:
    """During a 3 s rate-limit wait the status line counts down 3, 2, 1; the answer names its model and key."""
    three_seconds = {"rules": [{**RATE_LIMITED_ONCE["rules"][0], "headers": {"retry-after": "3"}}]}
    with Emulator(Scenario.model_validate(three_seconds)) as emu:
        path = tmp_path / "steadyloop.toml"
        path.write_text('[state]\nbackend = "memory"\n[pools.main]\n[[pools.main.credentials]]\nid = "work"\n'
                        f'key = "sk-emu-1"\n[[chain]]\napi = "openai-chat"\nmodel = "gpt-4o"\npool = "main"\n'
                        f'base_url = "{emu.base_url("openai")}"\n[loop]\nmax_wait_seconds = 5\n')
        child = _spawn(path)
        try:
            child.expect("you> ")
            child.sendline("hello")
            for left in (3, 2, 1):
                child.expect(f"rate limit on key work, retrying in {left} s")
            child.expect("Hello from the steadyloop emulator.")
            child.expect(r"\(gpt-4o with key work, \d+\.\d s\)")
            child.sendline("/quit")
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)
    assert emu.calls() == 2


def test_prompt_line_editing_history_ctrl_c_and_ctrl_d(config: tuple[Path, Emulator]) -> None:
    """At the prompt: Ctrl-A edits the line, Up recalls history, Ctrl-C clears the line, Ctrl-D exits 0."""
    path, emu = config
    child = _spawn(path)
    try:
        child.expect("you> ")
        child.send("status\x01/\r")  # type "status", Ctrl-A to the start, insert "/": runs /status
        child.expect("primary: openai-chat gpt-4o")
        child.expect("you> ")
        child.send("\x1b[A\r")  # Up arrow recalls "/status"
        child.expect("primary: openai-chat gpt-4o")
        child.expect("you> ")
        child.send("half a thought")
        # Ctrl-C once readline has echoed the text and is back waiting for keys: CPython's readline
        # loop sees SIGINT only while it waits, so a signal sent mid-keystroke would sit until the next key
        child.expect("half a thought")
        child.sendintr()  # Ctrl-C at the prompt: the line is cleared, the session stays
        child.expect(r"\^C \(Ctrl-D or /quit exits\)")
        child.expect("you> ")
        child.sendline("/model gpt-4o-mini")  # nothing of "half a thought" is left on the line
        child.expect(r"\(primary model is now gpt-4o-mini\)")
        child.expect("you> ")
        child.sendeof()  # Ctrl-D
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0 and emu.calls() == 0


def test_a_blocked_message_is_dropped_from_the_chat_history_with_a_note(tmp_path: Path) -> None:
    """A prompt the safety system blocked is not sent again with the next message, and the user is told so."""
    import json

    with Emulator(Scenario.model_validate({"content_policy_trigger": "forbidden words"})) as emu:
        path = tmp_path / "steadyloop.toml"
        path.write_text('[state]\nbackend = "memory"\n[pools.main]\n[[pools.main.credentials]]\nid = "work"\n'
                        f'key = "sk-emu-1"\n[[chain]]\napi = "openai-chat"\nmodel = "gpt-4o"\npool = "main"\n'
                        f'base_url = "{emu.base_url("openai")}"\n')
        done = subprocess.run([sys.executable, "-m", "agent.cli", "chat", "--config", str(path)],
                              input="hello\nsay the forbidden words\nand now?\n/quit\n", capture_output=True,
                              text=True, timeout=30, check=False)
        last = json.dumps(emu.log[-1].body)
    assert done.returncode == 0 and "safety system" in done.stdout
    assert "your last message was not kept in the conversation" in done.stdout
    assert len(emu.log) == 3 and "forbidden" not in last and "hello" in last and "and now?" in last
