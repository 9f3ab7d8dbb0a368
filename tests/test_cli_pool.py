"""Behaviour of `steadyloop pool list|reset` (agent/cli/pool.py) with a bad [state] section."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from agent.cli import main

POOL = "[pools.p]\n[[pools.p.credentials]]\nid = 'a'\nkey = 'k-0123456789abcdef'\n"


@pytest.mark.parametrize(("url", "field", "words"), [
    (None, "state.url_env", "is not set"),
    ("", "state.url_env", "is not set"),
    ("http://:hunter2@127.0.0.1:6379/0", "state.url_env ($TEST_REDIS_URL)", "scheme"),
    ("redis://:hunter2@127.0.0.1:notaport/0", "state.url_env ($TEST_REDIS_URL)", "port"),
    ("redis://:hunter2@127.0.0.1:6379/zero", "state.url_env ($TEST_REDIS_URL)", "database"),
    ("redis://:hunter2@/0", "state.url_env ($TEST_REDIS_URL)", "host"),
])
@pytest.mark.parametrize("command", [["pool", "list"], ["pool", "list", "--json"], ["pool", "reset"]])
def test_a_bad_redis_setting_is_one_line_naming_the_field(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        url: str | None, field: str, words: str, command: list[str]) -> None:
    """Issue 11 item 11b: unset url_env or a malformed Redis URL: one line with the field and the fix, no password."""
    config = tmp_path / "steadyloop.toml"
    config.write_text(f"[state]\nbackend = 'redis'\nurl_env = 'TEST_REDIS_URL'\n{POOL}")
    if url is None:
        monkeypatch.delenv("TEST_REDIS_URL", raising=False)
    else:
        monkeypatch.setenv("TEST_REDIS_URL", url)
    code = main([*command, "--config", str(config)], out=io.StringIO())
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and field in err and words in err, err
    assert "Traceback" not in err and "hunter2" not in err and ("export" in err or "expected redis://" in err)


def test_the_table_prints_ids_and_reasons_as_written(tmp_path: Path) -> None:
    """Labels are data: an id like ``team:fire:`` is not rendered as an emoji (nor ``[red]`` as markup),
    and the table never loads rich's emoji table."""
    config = tmp_path / "steadyloop.toml"
    config.write_text(f"[state]\nbackend = 'sqlite'\npath = '{tmp_path / 'state.db'}'\n"
                      "[pools.p]\n[[pools.p.credentials]]\nid = 'team:fire:'\nkey = 'k-0123456789abcdef'\n"
                      "[[pools.p.credentials]]\nid = '[red]b'\nkey = 'k-fedcba9876543210'\n")
    out = io.StringIO()
    assert main(["pool", "list", "--config", str(config)], out=out) == 0
    assert "team:fire:" in out.getvalue() and "[red]b" in out.getvalue(), out.getvalue()
