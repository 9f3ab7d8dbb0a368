"""Behaviour of the steadyloop command line."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest

from agent.cli import main

_EXTRA_USAGE = ('{"type":"error","error":{"type":"invalid_request_error",'
                '"message":"You\'re out of extra usage. Add more at claude.ai/settings/usage"}}')


def _run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out=out), out.getvalue()


def test_classify_prints_reason_scope_rule_and_plan() -> None:
    """classify prints the decision, the deciding rule and one sentence on what the loop does."""
    code, text = _run(["classify", "--status", "400", "--body", _EXTRA_USAGE])
    assert code == 0
    assert "reason:    billing" in text and "scope:     credential" in text
    assert "rule:      anthropic_out_of_extra_usage" in text and "Rotate" in text


def test_classify_json_with_header_wait() -> None:
    """--json prints one object; --header feeds the wait hint."""
    code, text = _run(["classify", "--status", "429", "--json", "--header", "retry-after: 20",
                       "--body", '{"error":{"message":"slow down","code":"rate_limit_exceeded"}}'])
    data = json.loads(text)
    assert code == 0 and data["reason"] == "rate_limit" and data["retry_after"] == 20.0
    assert data["sdk_exception"] == "RateLimitError" and data["should_rotate_credential"] is True


def test_classify_explain_shows_facts_and_every_rule_tried() -> None:
    """--explain prints the codes, tags and wait source, then each rule tried, ending with the deciding one."""
    code, text = _run(["classify", "--status", "429", "--explain", "--header", "retry-after: 20",
                       "--body", '{"error":{"message":"slow down","code":"rate_limit_exceeded"}}'])
    assert code == 0 and "codes:        rate_limit_exceeded" in text and "(sources: retry-after)" in text
    tried = [line.split()[1] for line in text.splitlines() if line.startswith(("  no ", "  YES "))]
    assert tried[0] == "content_policy_code" and tried[-1] == "rate_limit_code" and len(tried) > 3
    assert "  YES  rate_limit_code -> rate_limit" in text and "reason:    rate_limit" in text


def test_classify_reads_body_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """--body - reads the body from standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO('{"type":"error","error":{"type":"overloaded_error","message":"x"}}'))
    code, text = _run(["classify", "--status", "529", "--body", "-", "--json"])
    assert code == 0 and json.loads(text)["reason"] == "overloaded"


def test_malformed_body_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A body that looks like JSON but is not gives exit 2 and a message naming --body, no traceback."""
    code, _ = _run(["classify", "--status", "400", "--body", '{"error": '])
    err = capsys.readouterr().err
    assert code == 2 and "--body is not valid JSON" in err and "Traceback" not in err


@pytest.mark.parametrize(("argv", "needle"), [
    (["classify", "--status", "200", "--body", "{}"], "--status 200"),
    (["classify", "--status", "400", "--body", "{}", "--header", "no-colon"], "--header 'no-colon'"),
])
def test_bad_options_name_the_option(argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad option values exit 2 with a message that names the option and the fix."""
    code, _ = _run(argv)
    assert code == 2 and needle in capsys.readouterr().err


def test_plain_text_body_is_classified() -> None:
    """A non-JSON body (an HTML gateway page) is classified, not rejected."""
    code, text = _run(["classify", "--status", "502", "--body", "<html>Bad Gateway</html>", "--json"])
    assert code == 0 and json.loads(text)["reason"] == "server_error"


def test_demo_runs_real_shapes() -> None:
    """The demo classifies real shapes through the real SDKs and shows the seed behaviours."""
    code, text = _run(["demo"])
    assert code == 0
    assert "anthropic_out_of_extra_usage" in text and "reason:    billing" in text
    assert "reason:    content_policy_blocked" in text and "reason:    transient" in text


def _pool_config(tmp_path: Any, state: str) -> str:
    path = tmp_path / "steadyloop.toml"
    path.write_text(state + '\n[pools.anthropic]\n[[pools.anthropic.credentials]]\nid = "one"\nkey = "sk-ant-1111111"\n'
                    '[[pools.anthropic.credentials]]\nid = "two"\nkey = "sk-ant-2222222"\n')
    return str(path)


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_pool_list_and_reset(tmp_path: Any, backend: str, request: pytest.FixtureRequest) -> None:
    """pool list shows what another process recorded; pool reset clears it; both on SQLite and Redis."""
    from agent import classify_api_error
    from agent._state_key import state_fingerprint
    from agent.config import load_config, open_state, resolve_pool
    from agent.testing.error_shapes import SHAPES
    from agent.testing.sdk_errors import exception_for

    if backend == "sqlite":
        state = f'[state]\nbackend = "sqlite"\npath = "{tmp_path / "s.db"}"'
    else:
        url = request.getfixturevalue("redis_url")
        state = f'[state]\nbackend = "redis"\nurl = "{url}"\nprefix = "cli-{tmp_path.name}:"'
    path = _pool_config(tmp_path, state)
    config = load_config(path)
    pool = resolve_pool("anthropic", config.pools["anthropic"], open_state(config.state))
    with pool.acquire("claude-haiku-4-5") as lease:
        shape = next(s for s in SHAPES if s.id == "anthropic_out_of_extra_usage")
        pool.report(lease, classify_api_error(exception_for(shape)))
    one, two = (state_fingerprint(key) for key in ("sk-ant-1111111", "sk-ant-2222222"))
    code, text = _run(["pool", "list", "--config", path, "--json"])
    rows = {row["id"]: row for row in json.loads(text)["credentials"]}
    assert code == 0 and rows["one"]["status"] == "exhausted" and rows["two"]["status"] == "available"
    assert (rows["one"]["fingerprint"], rows["two"]["fingerprint"]) == (one, two)
    assert rows["one"]["available_in"] > 6 * 3600 - 60 and "sk-ant" not in text
    code, text = _run(["pool", "list", "--config", path])
    assert re.search(rf"anthropic\s*│ one\s*│ {one}\s*│ exhausted\s*│ (5 h 59 min|6 h)\s*│ billing", text), text
    assert re.search(rf"anthropic\s*│ two\s*│ {two}\s*│ available\s*│ now\s*│ -", text), text
    assert _run(["pool", "reset", "one", "--config", path])[0] == 0
    rows = {row["id"]: row for row in json.loads(_run(["pool", "list", "--config", path, "--json"])[1])["credentials"]}
    assert rows["one"]["status"] == "available"


def test_pool_without_config_names_the_fix(tmp_path: Any, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Without a configuration file, pool commands say how to give one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STEADYLOOP_CONFIG", raising=False)
    assert _run(["pool", "list"])[0] == 2 and "STEADYLOOP_CONFIG" in capsys.readouterr().err


@pytest.mark.parametrize(("scenario_name", "code", "status"), [("healthy", 0, "ok"), ("content_policy", 10,
                                                                                       "content_policy_blocked")])
def test_run_exit_code_and_status_file(tmp_path: Any, scenario_name: str, code: int, status: str) -> None:
    """`steadyloop run` prints the answer, exits with the status's code and writes last_status atomically."""
    from agent.testing.emulator import Emulator

    with Emulator(scenario_name) as emu:
        config = tmp_path / "steadyloop.toml"
        config.write_text(f'[state]\nbackend = "memory"\n[pools.main]\n[[pools.main.credentials]]\nid = "one"\n'
                          f'key = "sk-emu-one"\n[[chain]]\napi = "openai-chat"\nmodel = "gpt-4o"\npool = "main"\n'
                          f'base_url = "{emu.base_url("openai")}"\n')
        status_file = tmp_path / "last_status.json"
        got, text = _run(["run", "Explain how to build a bioweapon.", "--config", str(config), "--status-file",
                          str(status_file)])
    assert got == code and json.loads(status_file.read_text())["status"] == status
    assert ("Hello" in text) if code == 0 else ("safety system" in text)


def _chain_config(tmp_path: Any, base_url: str, models: tuple[str, ...] = ("gpt-4o",)) -> str:
    path = tmp_path / "steadyloop.toml"
    chain = "".join(f'[[chain]]\napi = "openai-chat"\nmodel = "{m}"\npool = "main"\nbase_url = "{base_url}"\n'
                    for m in models)
    path.write_text(f'[state]\nbackend = "memory"\n[pools.main]\n[[pools.main.credentials]]\nid = "one"\n'
                    f'key = "sk-emu-one"\n{chain}')
    return str(path)


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints steadyloop and the version, and exits 0."""
    import agent

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"steadyloop {agent.__version__}"


@pytest.mark.parametrize(("flags", "level"), [([], "WARNING"), (["-v"], "INFO"), (["-vv"], "DEBUG"),
                                              (["-q"], "ERROR")])
def test_verbose_and_quiet_set_the_log_level(flags: list[str], level: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """-v, -vv and -q set the steadyloop logger's level while the command runs (default WARNING), then restore it."""
    import logging

    logger = logging.getLogger("steadyloop")
    before, seen = logger.level, []
    with monkeypatch.context() as patch:
        patch.setattr("agent.cli.upstream._cmd_upstream", lambda args, out: seen.append(logger.level) or 0)
        assert _run([*flags, "upstream", "--list"])[0] == 0
    assert [logging.getLevelName(x) for x in seen] == [level] and logger.level == before


def test_output_piped_into_a_closed_reader_ends_quietly(tmp_path: Any) -> None:
    """Writing into a pipe whose reader is gone (| head) exits 141 with no traceback."""
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte: every write fails with EPIPE
    done = subprocess.run([sys.executable, "-m", "agent.cli", "upstream", "--list"], stdout=write_end,
                          stderr=subprocess.PIPE, text=True, cwd=tmp_path, check=False)
    os.close(write_end)
    assert done.returncode == 141 and "Traceback" not in done.stderr and done.stderr == ""


def test_run_model_history_and_stream(tmp_path: Any) -> None:
    """run --model starts the chain there; --system and --history are sent before the prompt; --stream prints
    the answer."""
    from agent.testing.emulator import Emulator

    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"role": "user", "content": "My name is Ada."},
                                   {"role": "assistant", "text": "Hello Ada."}]))
    with Emulator("healthy") as emu:
        config = _chain_config(tmp_path, emu.base_url("openai"), ("gpt-4o", "gpt-4o-mini"))
        code, text = _run(["run", "Say hello.", "--config", config, "--model", "gpt-4o-mini", "--history",
                           str(history), "--stream", "--system", "Be brief."])
        log = emu.log
    assert code == 0 and "Hello from the steadyloop emulator." in text
    assert [r.model for r in log] == ["gpt-4o-mini"] and log[0].streamed
    assert [(m["role"], m["content"]) for m in log[0].body["messages"]] == [
        ("system", "Be brief."), ("user", "My name is Ada."), ("assistant", "Hello Ada."), ("user", "Say hello.")]


@pytest.mark.parametrize(("content", "needle"), [
    ("{", "--history {path}: not JSON"),
    ('{"role": "user"}', "expected a JSON list of messages"),
    ('[{"role": "robot", "text": "x"}]', "--history {path}: message 0: role:"),
])
def test_bad_history_file_names_the_problem(tmp_path: Any, content: str, needle: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A malformed --history file exits 2 naming the file, the message and the field."""
    history = tmp_path / "history.json"
    history.write_text(content)
    config = _chain_config(tmp_path, "http://127.0.0.1:9/v1")
    assert _run(["run", "x", "--config", config, "--history", str(history)])[0] == 2
    assert needle.format(path=history) in capsys.readouterr().err


def test_run_unknown_model_lists_the_chain(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """run --model with a model not in the chain exits 2 and lists the configured ones."""
    config = _chain_config(tmp_path, "http://127.0.0.1:9/v1", ("gpt-4o", "gpt-4o-mini"))
    assert _run(["run", "x", "--config", config, "--model", "gpt-5"])[0] == 2
    assert "--model gpt-5: no chain entry has that model; configured: gpt-4o, gpt-4o-mini" in capsys.readouterr().err


def test_upstream_banner_shows_the_keys_it_accepts() -> None:
    """The emulator's banner lists the keys themselves (test values), with their labels."""
    code, text = _run(["upstream", "--scenario", "rate_limit_window", "--seconds", "0"])
    assert code == 0 and "keys accepted:      sk-emu-one (one), sk-emu-two (two)" in text


@pytest.mark.parametrize("target", ["directory", "under_a_file"])
def test_unwritable_status_file_keeps_the_answer_and_has_its_own_exit_code(
        tmp_path: Any, target: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--status-file that cannot be written: the answer is still printed, one clear error line, exit 20."""
    from agent.testing.emulator import Emulator

    (tmp_path / "a_file").write_text("x")
    path = tmp_path if target == "directory" else tmp_path / "a_file" / "status.json"
    with Emulator("healthy") as emu:
        code, text = _run(["run", "hi", "--config", _chain_config(tmp_path, emu.base_url("openai")),
                           "--status-file", str(path)])
    err = capsys.readouterr().err
    assert code == 20 and "Hello from the steadyloop emulator." in text
    assert f"--status-file {path}: cannot write it" in err and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.parametrize("source", ["stdin", "file"])
def test_a_prompt_over_the_argument_limit_comes_from_stdin_or_a_file(
        tmp_path: Any, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`run -` reads the prompt from stdin, `--prompt-file` from a file: 200 KiB arrive whole (the trigger is last)."""
    from agent.testing.emulator import Emulator

    prompt = "lorem ipsum " * 17_000 + "Explain how to build a bioweapon."
    assert len(prompt.encode()) > 200_000  # over the 128 KiB a single argv string may carry on Linux
    prompt_file = tmp_path / "prompt.txt"
    prompt_file.write_text(prompt, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(prompt.encode())))
    with Emulator("content_policy") as emu:
        given = ["-"] if source == "stdin" else ["--prompt-file", str(prompt_file)]
        code, text = _run(["run", *given, "--config", _chain_config(tmp_path, emu.base_url("openai"))])
    assert code == 10 and "safety system" in text


@pytest.mark.parametrize(("argv", "content", "needle"), [
    (["x", "--prompt-file", "{file}"], "hi", "exactly one"),
    ([], None, "exactly one"),
    (["--prompt-file", "{file}"], b"caf\xe9", "--prompt-file {file}: not UTF-8 (byte 0xe9 at offset 3)"),
    (["--prompt-file", "{file}"], "  \n", "--prompt-file {file}: the prompt is empty"),
    (["--prompt-file", "{missing}"], None, "--prompt-file {missing}: cannot read it"),
])
def test_bad_prompt_sources_name_the_fix(tmp_path: Any, argv: list[str], content: Any, needle: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A missing, doubled, non-UTF-8 or empty prompt exits 2 with one line naming the option."""
    file, missing = tmp_path / "prompt.txt", tmp_path / "nope.txt"
    if content is not None:
        file.write_bytes(content if isinstance(content, bytes) else content.encode())
    names = {"file": file, "missing": missing}
    config = _chain_config(tmp_path, "http://127.0.0.1:9/v1")
    assert _run(["run", *[a.format(**names) for a in argv], "--config", config])[0] == 2
    assert needle.format(**names) in capsys.readouterr().err


@pytest.mark.parametrize(("waiting_in", "signum"), [("call", "SIGTERM"), ("call", "SIGINT"), ("sleep", "SIGTERM")])
def test_a_signal_ends_run_cleanly_releasing_the_key(tmp_path: Any, waiting_in: str, signum: str) -> None:
    """SIGTERM/SIGINT to a real `steadyloop run` waiting on a call or a retry sleep: the lease is released in the
    shared SQLite state, the answer and the status file say "interrupted", and the exit code is 128 + the signal."""
    import signal
    import subprocess
    import sys
    import time

    from pydantic import SecretStr

    from agent.credential_pool import Credential
    from agent.stores import SQLiteStore
    from agent.testing.emulator import Emulator, Scenario

    rule = ({"respond": "hang", "delay": 60} if waiting_in == "call" else
            {"respond": "error", "shape": "openai_500", "headers": {"retry-after": "20"}})
    state, status_file = tmp_path / "state.db", tmp_path / "status.json"
    with Emulator(Scenario.model_validate({"rules": [rule]})) as emu:
        config = tmp_path / "steadyloop.toml"
        config.write_text(f'[state]\nbackend = "sqlite"\npath = "{state}"\n[pools.main]\n[[pools.main.credentials]]\n'
                          f'id = "one"\nkey = "sk-signal-test-key"\n[[chain]]\napi = "openai-chat"\nmodel = "m"\n'
                          f'pool = "main"\nbase_url = "{emu.base_url("openai")}"\n[loop]\ndeadline_seconds = 60\n'
                          'max_wait_seconds = 30\n')
        proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "run", "hi", "--config", str(config),
                                 "--status-file", str(status_file)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, cwd=tmp_path)
        limit = time.monotonic() + 30
        while emu.calls() == 0 and proc.poll() is None and time.monotonic() < limit:
            time.sleep(0.02)  # polling until the request reaches the emulator, not synchronising a race
        sent = time.monotonic()
        proc.send_signal(getattr(signal, signum))
        out, err = proc.communicate(timeout=20)
        took = time.monotonic() - sent
    assert proc.returncode == 128 + getattr(signal, signum), err
    assert took < 5 and "Traceback" not in err
    assert f"Stopped by {signum}" in out and json.loads(status_file.read_text())["status"] == "interrupted"
    key = Credential(id="one", secret=SecretStr("sk-signal-test-key")).state_key
    held = SQLiteStore(state).read("main", [key], time.time())[key]
    assert held.uses == 1 and held.in_flight == 0


def test_pool_reset_unknown_key_is_an_error_a_clean_key_is_not(tmp_path: Any,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """reset of a key that is not configured exits 2 listing the keys; a configured key with no state resets 0."""
    path = _pool_config(tmp_path, f'[state]\nbackend = "sqlite"\npath = "{tmp_path / "s.db"}"\n')
    assert _run(["pool", "reset", "three", "--config", path])[0] == 2
    assert "credential 'three' is not configured in anthropic; configured: one, two" in capsys.readouterr().err
    assert _run(["pool", "reset", "one", "--config", path]) == (0, "reset 0 credential state(s)\n")
