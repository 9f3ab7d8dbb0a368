"""agent.observability.logs: structured fields on every record, JSON lines, one INFO line per attempt."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.events import log_event
from agent.observability import FIELDS, configure_logging
from tests.drills import KEYS, PROMPT, drill_loop, drill_scenario


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """configure_logging('json') into a buffer; the steadyloop logger is restored afterwards."""
    logger = logging.getLogger("steadyloop")
    level = logger.level
    out = io.StringIO()
    handler = configure_logging("json", logging.INFO, out)
    yield out
    logger.removeHandler(handler)
    logger.setLevel(level)


def _records(out: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_a_drill_logs_exactly_one_json_line_per_attempt_and_one_per_turn(json_lines: io.StringIO) -> None:
    """Rotate, retry, fall back, answer: four attempt lines and a turn line, each with every structured field."""
    with drill_scenario() as emu:
        drill_loop(emu, [log_event]).run(PROMPT, session="chat-42")
    records = _records(json_lines)
    assert [r["level"] for r in records] == ["INFO"] * 5
    assert all(set(FIELDS) <= set(r) and r["session"] == "chat-42" for r in records)
    assert len({r["turn_id"] for r in records}) == 1
    assert [(r["attempt"], r["credential"], r["model"], r["reason"], r["action"], r["wait"]) for r in records[:4]] == [
        (1, "main-1", "a", "rate_limit", "rotate", 0.0), (2, "main-2", "a", "overloaded", "retry", 2.0),
        (3, "main-2", "a", "server_error", "fallback", 0.0), (4, "alt-1", "b", "ok", "answered", 0.0)]
    assert "-> retried (2 s)" in str(records[1]["message"])
    text = json_lines.getvalue()
    assert not any(k in text for k in KEYS) and "PROMPT-MARKER" not in text


def test_records_not_about_an_attempt_carry_the_fields_as_null(json_lines: io.StringIO) -> None:
    """Any steadyloop record gets every field (null when not about an attempt), so log queries stay uniform."""
    logging.getLogger("steadyloop.state").warning("shared state is unavailable")
    [record] = _records(json_lines)
    assert {name: record[name] for name in FIELDS} == dict.fromkeys(FIELDS)
    assert (record["level"], record["logger"]) == ("WARNING", "steadyloop.state")


def test_json_lines_mask_secret_shaped_text(json_lines: io.StringIO) -> None:
    """A key that reached a message or a traceback is masked before it is written."""
    log = logging.getLogger("steadyloop.loop")
    try:
        raise RuntimeError("bad key sk-proj-abcdefghijklmnop0123")
    except RuntimeError:
        log.exception("call failed with Bearer sk-proj-abcdefghijklmnop0123")
    [record] = _records(json_lines)
    assert "abcdefghijklmnop" not in json_lines.getvalue() and "[REDACTED]" in str(record["exception"])


def test_configuring_twice_keeps_one_handler(json_lines: io.StringIO) -> None:
    """Calling configure_logging again replaces its handler instead of doubling every line."""
    logger = logging.getLogger("steadyloop")
    again = configure_logging("json", logging.INFO, json_lines)
    try:
        assert [h.get_name() for h in logger.handlers].count("steadyloop") == 1
    finally:
        logger.removeHandler(again)


def test_unknown_format_is_refused_with_the_choices() -> None:
    """A wrong --log-format names the valid ones."""
    with pytest.raises(ValueError, match="use 'text' or 'json'"):
        configure_logging("yaml")  # type: ignore[arg-type]


def test_cli_log_format_json_writes_one_object_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`steadyloop -v --log-format json run`: stderr is JSON lines, one per attempt and one per turn, no key."""
    from agent.cli import main
    from agent.testing.emulator import Emulator, Scenario

    rules = [{"respond": "error", "shape": "openai_tpm_limit_retry_after", "match": {"key": "sk-emu-one-000"}}]
    with Emulator(Scenario.model_validate({"rules": rules})) as emu:
        config = tmp_path / "steadyloop.toml"
        keys = "".join(f'[[pools.main.credentials]]\nid = "{name}"\nkey = "sk-emu-{name}-000"\n'
                       for name in ("one", "two"))
        config.write_text(f'[state]\nbackend = "memory"\n[pools.main]\n{keys}[[chain]]\napi = "openai-chat"\n'
                          f'model = "gpt-4o"\npool = "main"\nbase_url = "{emu.base_url("openai")}"\n')
        assert main(["-v", "--log-format", "json", "run", "hi", "--config", str(config), "--session", "s9"],
                    out=io.StringIO()) == 0
    err = capsys.readouterr().err
    records = [json.loads(line) for line in err.splitlines()]
    assert [(r["attempt"], r["credential"], r["reason"], r["action"]) for r in records] == [
        (1, "one", "rate_limit", "rotate"), (2, "two", "ok", "answered"), (None, None, None, None)]
    assert {r["session"] for r in records} == {"s9"} and "sk-emu" not in err
