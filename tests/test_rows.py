"""Malformed stored rows (agent.stores._rows), written by hand into the real SQLite file and redis-server."""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from agent.cli import main
from agent.config import ConfigError, load_config
from agent.credential_pool import Credential, CredentialPool
from agent.stores import SQLiteStore

HUGE = 1e12 + 1.8e9  # about 31,700 years from now: a fixed value keeps the test ids the same in every process
# (field, stored value): each makes the row malformed; huge and NaN times included (issue 11 item 10b)
BAD = [
    ("suspensions", "not json"),
    ("suspensions", json.dumps(["a", "list"])),
    ("suspensions", json.dumps({"m": {"until": "soon", "reason": "x"}})),
    ("suspensions", json.dumps({"m": {"until": HUGE, "reason": "x"}})),
    ("cool_until", "tomorrow"),
    ("cool_until", str(HUGE)),
    ("cool_until", "nan"),
    ("cool_until", "inf"),
    ("uses", "many"),
    ("uses", "\u00b2"),  # a digit to str.isdigit, not to int(): the quick path of a count must not take it
    ("uses", "1" * 16),  # all digits, over 1e15
    ("last_used", "-1.0"),
    ("backoff", "-3"),
    ("dead", "maybe"),
    ("status_code", "teapot"),
]


SECRET = "sk-rows-test-0000000"
KEY = Credential(id="a", secret=SecretStr(SECRET)).state_key  # the rows of credential "a" with this secret


def _sqlite_row(path: Path, field: str, value: str) -> bytes:
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"INSERT INTO credential_state (pool, id, dead, {field}) VALUES ('p', ?, 1, ?)"
                   if field != "dead" else "INSERT INTO credential_state (pool, id, dead) VALUES ('p', ?, ?)",
                   (KEY, value))
    with sqlite3.connect(path) as db:
        return repr(db.execute("SELECT * FROM credential_state").fetchall()).encode()


def _pool(store: Any) -> CredentialPool:
    return CredentialPool("p", [Credential(id="a", secret=SecretStr(SECRET))], store=store)


@pytest.mark.parametrize(("field", "value"), BAD)
def test_a_malformed_sqlite_row_is_no_state_with_a_warning_and_is_left_alone(
        tmp_path: Path, field: str, value: str, caplog: pytest.LogCaptureFixture) -> None:
    """Issue 11 item 10: a bad row reads as no state (the key is usable), one warning names it, nothing rewrites it."""
    path = tmp_path / "state.db"
    before = _sqlite_row(path, field, value)
    with caplog.at_level(logging.WARNING, logger="steadyloop.state"):
        pool = _pool(SQLiteStore(path))
        states = [pool.states()[0][1] for _ in range(3)]
        lease = pool.acquire("m")
        lease.release()
    assert lease.credential.id == "a" and not states[0].dead and states[0].cool_until == 0.0
    assert caplog.text.count("is malformed:") == 1 and f"credential {KEY} in pool p" in caplog.text
    assert field in caplog.text
    with sqlite3.connect(path) as db:
        assert repr(db.execute("SELECT * FROM credential_state").fetchall()).encode() == before


@pytest.mark.parametrize(("field", "value"), BAD)
def test_a_malformed_redis_hash_is_no_state_with_a_warning_and_is_left_alone(
        redis_url: str, field: str, value: str, caplog: pytest.LogCaptureFixture) -> None:
    """The same over a real redis-server: the acquire script and the reader both treat it as no state."""
    import redis

    from agent.stores.redis import RedisStore

    prefix = f"rows-{uuid.uuid4().hex[:8]}:"
    raw = redis.Redis.from_url(redis_url, decode_responses=True)
    raw.hset(f"{prefix}p:s:{KEY}", mapping={"dead": "1" if field != "dead" else value, field: value})
    before = raw.hgetall(f"{prefix}p:s:{KEY}")
    with caplog.at_level(logging.WARNING, logger="steadyloop.state"):
        pool = _pool(RedisStore(redis_url, prefix=prefix))
        state = pool.states()[0][1]
        lease = pool.acquire("m")
        lease.release()
    assert lease.credential.id == "a" and not state.dead
    assert caplog.text.count("is malformed:") == 1 and field in caplog.text
    assert raw.hgetall(f"{prefix}p:s:{KEY}") == before


def test_pool_list_and_reset_survive_a_malformed_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`pool list` shows a malformed row as available; `pool reset` (the operator's word) replaces it."""
    path = tmp_path / "state.db"
    _sqlite_row(path, "suspensions", "not json")
    config = tmp_path / "steadyloop.toml"
    config.write_text(f"[state]\npath = '{path}'\n[pools.p]\n[[pools.p.credentials]]\nid = 'a'\n"
                      "key = 'sk-rows-test-0000000'\n")
    out = io.StringIO()
    assert main(["pool", "list", "--config", str(config), "--json"], out=out) == 0
    assert json.loads(out.getvalue())["credentials"][0]["status"] == "available"
    assert main(["pool", "reset", "a", "--config", str(config)], out=io.StringIO()) == 0
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT suspensions, dead FROM credential_state").fetchone() == ("{}", 0)


@pytest.mark.parametrize("field", ["rate_limit_base", "rate_limit_cap", "billing_default", "auth_transient",
                                   "model_support"])
@pytest.mark.parametrize("value", ["1e12", "inf", "nan", "0", "-5"])
def test_an_unbounded_cooldown_is_a_config_error_naming_the_field(tmp_path: Path, field: str, value: str) -> None:
    """Issue 11 item 10b: a cooldown of 1e12, inf, NaN, zero or less is refused, naming the field."""
    config = tmp_path / "steadyloop.toml"
    config.write_text(f"[pools.p]\n[[pools.p.credentials]]\nid = 'a'\nkey = 'k-0123456789'\n"
                      f"[pools.p.cooldown]\n{field} = {value}\n")
    with pytest.raises(ConfigError, match=rf"pools\.p\.cooldown\.{field}"):
        load_config(config)


def test_the_next_outcome_replaces_a_malformed_redis_hash_whole(redis_url: str) -> None:
    """A report on a key whose stored hash is malformed writes the change applied to no state, and releases."""
    import redis

    from agent.stores.redis import RedisStore

    prefix = f"rows-{uuid.uuid4().hex[:8]}:"
    raw = redis.Redis.from_url(redis_url, decode_responses=True)
    raw.hset(f"{prefix}p:s:{KEY}", mapping={"dead": "maybe", "failures": "7"})
    pool = _pool(RedisStore(redis_url, prefix=prefix))
    state = pool.report_success(pool.acquire("m"), release=True)
    assert (state.successes, state.failures, state.dead) == (1, 0, False)
    stored = raw.hgetall(f"{prefix}p:s:{KEY}")
    assert (stored["dead"], stored["successes"], stored["failures"]) == ("0", "1", "0")
    assert pool.states()[0][1].in_flight == 0
