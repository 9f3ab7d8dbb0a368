"""Behaviour of the steadyloop command line."""

from __future__ import annotations

import io
import json
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
    code, text = _run(["pool", "list", "--config", path, "--json"])
    rows = {row["id"]: row for row in json.loads(text)["credentials"]}
    assert code == 0 and rows["one"]["status"] == "exhausted" and rows["two"]["status"] == "available"
    assert rows["one"]["available_in"] > 6 * 3600 - 60 and "sk-ant" not in text
    code, text = _run(["pool", "list", "--config", path])
    assert "anthropic/one: exhausted" in text
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
