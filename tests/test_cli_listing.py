"""Behaviour of `steadyloop pool list`'s quick path (agent/cli/_listing.py): same output, same errors, no pydantic."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from agent._config_file import read_config
from agent._state_key import state_fingerprint, state_key
from agent.cli import main
from agent.cli._listing import Listing, quick_listing
from agent.config import ConfigError, load_config, validate_config
from agent.stores import StateStore, open_sqlite

KEY_A = "k-0123456789abcdef"
POOLS = f"""
[pools.work]
[[pools.work.credentials]]
id = "a"
key = "{KEY_A}"
[[pools.work.credentials]]
id = "b"
key_env = "TEST_KEY_B"
[[pools.work.credentials]]
key_file = "KEY_FILE"
[[pools.work.credentials]]
id = "gone"
key_env = "TEST_UNSET_KEY"
[[pools.work.credentials]]
id = "acct"
key = "k-rotating-0001"
state_identity = "account-7"

[pools.spare]
strategy = "round_robin"
[[pools.spare.credentials]]
id = "s"
key = "${{TEST_SPARE_KEY}}"

[[chain]]
api = "openai-chat"
model = "gpt-4o"
pool = "work"
[[chain]]
api = "openai-chat"
model = "gpt-4o-mini"
pool = "work"
[[chain]]
api = "anthropic-messages"
model = "claude-sonnet-4-5"
pool = "spare"
"""
STATES = {
    "memory": "backend = 'memory'",
    "sqlite": "backend = 'sqlite'\npath = '{dir}/state.db'\nbusy_timeout_seconds = 2",
    "redis": "backend = 'redis'\nurl_env = 'TEST_REDIS_URL'\nprefix = '{prefix}'",
}
# Runs the command in a fresh interpreter, then says on stderr's last line whether pydantic was loaded.
RUN = ("import sys\nfrom agent.cli import main\ncode = main(sys.argv[1:])\nsys.stdout.flush()\n"
       "print('pydantic' in sys.modules, file=sys.stderr)\nsys.exit(code)")


def _setup(tmp_path: Path, backend: str, redis_url: str | None) -> tuple[Path, dict[str, str], StateStore | None]:
    """A configuration of two pools (every key source, an unreadable key, a state identity), its environment and
    its store (None: memory, which no other process sees)."""
    key_file, prefix = tmp_path / "key.txt", f"test-{uuid.uuid4().hex[:8]}:"
    key_file.write_text("k-from-a-file-42\n")
    config = tmp_path / "steadyloop.toml"
    config.write_text("[state]\n" + STATES[backend].format(dir=tmp_path, prefix=prefix) + "\n"
                      + POOLS.replace("KEY_FILE", str(key_file)))
    env = {**os.environ, "TEST_KEY_B": "k-bbbbbbbbbbbb", "TEST_SPARE_KEY": "k-spare-0000"}
    env.pop("TEST_UNSET_KEY", None)
    store: StateStore | None = None
    if backend == "sqlite":
        store = open_sqlite(tmp_path / "state.db")
    elif backend == "redis":
        assert redis_url is not None
        from agent.stores.redis import RedisStore

        env["TEST_REDIS_URL"] = redis_url
        store = RedisStore(redis_url, prefix=prefix)
    return config, env, store


def _pool_list(config: Path, flags: list[str], env: dict[str, str]) -> tuple[bytes, bool]:
    """stdout of ``steadyloop pool list`` in a fresh process, and whether that process loaded pydantic."""
    done = subprocess.run([sys.executable, "-c", RUN, "pool", "list", "--config", str(config), *flags], env=env,
                          capture_output=True, check=True)
    return done.stdout, done.stderr.split()[-1] == b"True"


@pytest.mark.parametrize("flags", [[], ["--json"], ["--prometheus"]], ids=["table", "json", "prometheus"])
@pytest.mark.parametrize("backend", ["memory", "sqlite", "redis"])
def test_the_quick_path_prints_the_same_bytes_without_pydantic(
        tmp_path: Path, request: pytest.FixtureRequest, backend: str, flags: list[str]) -> None:
    """A listing validated before skips pydantic and prints byte for byte what the validating one printed."""
    redis_url = request.getfixturevalue("redis_url") if backend == "redis" else None
    config, env, store = _setup(tmp_path, backend, redis_url)
    if store is not None:  # a time-independent state, so two runs a moment apart print the same
        store.update("work", state_key("a", state_fingerprint(KEY_A)),
                     lambda s: replace(s, dead=True, reason="auth_permanent", failures=3, uses=5, successes=2))
        store.close()
    before, loaded_before = _pool_list(config, flags, env)
    after, loaded_after = _pool_list(config, flags, env)
    assert after == before, (before.decode(), after.decode())
    assert loaded_before and not loaded_after
    text = before.decode()
    assert "gpt-4o-mini" in text if flags == ["--prometheus"] else "TEST_UNSET_KEY" in text
    assert ("dead" in text or "3.0" in text) if backend != "memory" else "k-0123" not in text


BAD = [
    ("an unknown section", lambda t: t + "\n[lop]\nmax_attempts = 3\n"),
    ("a misspelt backend", lambda t: t.replace("backend = 'sqlite'", "backend = 'sqlit'")),
    ("a chain entry without its pool", lambda t: t.replace('pool = "spare"', 'pool = "spares"')),
    ("two key sources", lambda t: t.replace('id = "b"\n', f'id = "b"\nkey = "{KEY_A}"\n')),
    ("a limit out of range", lambda t: t + "\n[loop]\nmax_attempts = 0\n"),
    ("a bad base URL", lambda t: t.replace('pool = "spare"', 'pool = "spare"\nbase_url = "ftp://x"')),
    ("not TOML", lambda t: t + "\n[pools\n"),
]


@pytest.mark.parametrize(("case", "edit"), BAD, ids=[case for case, _ in BAD])
@pytest.mark.parametrize("flags", [[], ["--json"], ["--prometheus"]], ids=["table", "json", "prometheus"])
def test_a_file_made_wrong_after_a_quick_listing_errors_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        case: str, edit: Any, flags: list[str]) -> None:
    """A remembered file edited into a wrong one errors word for word as ``load_config`` does, on every output."""
    config, env, _ = _setup(tmp_path, "sqlite", None)
    monkeypatch.setenv("TEST_KEY_B", env["TEST_KEY_B"])
    monkeypatch.setenv("TEST_SPARE_KEY", env["TEST_SPARE_KEY"])
    assert main(["pool", "list", "--config", str(config), *flags], out=io.StringIO()) == 0
    assert main(["pool", "list", "--config", str(config), *flags], out=io.StringIO()) == 0  # the quick path
    capsys.readouterr()
    config.write_text(edit(config.read_text()))
    with pytest.raises(ConfigError) as expected:
        load_config(config)
    assert main(["pool", "list", "--config", str(config), *flags], out=io.StringIO()) == 2
    assert capsys.readouterr().err == f"steadyloop: error: {expected.value}\n"


def test_a_variable_that_makes_a_remembered_file_wrong_errors_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``${NAME}`` is part of what was validated: the same file with a variable now wrong is validated again."""
    config = tmp_path / "steadyloop.toml"
    config.write_text("[state]\nbackend = '${TEST_BACKEND}'\n[pools.p]\n[[pools.p.credentials]]\nid = 'a'\n"
                      f"key = '{KEY_A}'\n")
    monkeypatch.setenv("TEST_BACKEND", "memory")
    assert main(["pool", "list", "--config", str(config)], out=io.StringIO()) == 0
    monkeypatch.setenv("TEST_BACKEND", "redis-cluster")
    with pytest.raises(ConfigError) as expected:
        load_config(config)
    assert main(["pool", "list", "--config", str(config)], out=io.StringIO()) == 2
    assert capsys.readouterr().err == f"steadyloop: error: {expected.value}\n"


def _seen(listing: Listing) -> dict[str, Any]:
    """Everything a listing gives the command, as plain values."""
    pools = {name: ([(c.id, c.fingerprint, c.state_key) for c in read()[0]], list(read()[1]))
             for name, read in listing.pools.items()}
    return {"state": listing.state, "url": listing.state.url, "pools": pools, "models": dict(listing.models)}


CONFIGS = [
    "[pools.p]\n[[pools.p.credentials]]\nkey = 'k-unlabelled-1'\n",
    "[state]\nbackend = 'sqlite'\npath = '~/x/state.db'\nbusy_timeout_seconds = 3\n"
    "[pools.p]\n[[pools.p.credentials]]\nid = 'a'\nkey_env = 'TEST_KEY_B'\nkind = 'oauth'\npriority = 2\n"
    "max_concurrency = 4\nbase_url = 'https://example.com/v1'\n",
    "[state]\nbackend = 'redis'\nurl = 'redis://:hunter2@127.0.0.1:1/0'\nprefix = 'x:'\n"
    "[pools.p]\n[[pools.p.credentials]]\nid = 'a'\nkey = 'k-1'\nstate_identity = 'acct'\n"
    "[[pools.p.credentials]]\nid = 'b'\nkey_file = '/nonexistent/key'\n",
    "[state]\nbackend = 'redis'\nurl = ''\nurl_env = 'TEST_URL'\n[pools.q]\n[[pools.q.credentials]]\nid = 'e'\n"
    "key = '   '\n[pools.p]\n[[pools.p.credentials]]\nid = 'a'\nkey = 'k-a'\n"
    "[[chain]]\napi = 'anthropic-messages'\nmodel = 'm2'\npool = 'p'\n"
    "[[chain]]\napi = 'anthropic-messages'\nmodel = 'm1'\npool = 'p'\n",
    "[state]\nbackend = 'memory'\n",
]


@pytest.mark.parametrize("text", CONFIGS)
def test_the_quick_listing_reads_what_the_models_read(tmp_path: Path, text: str) -> None:
    """Store settings (defaults and coercions included), ids, fingerprints, unknown-row reasons and models agree."""
    config = tmp_path / "steadyloop.toml"
    config.write_text(text)
    env = {"TEST_KEY_B": "k-bbbbbbbbbbbb", "HOME": str(tmp_path)}
    data, origin = read_config(config, env)
    quick = quick_listing(data, env)
    assert quick is not None
    assert _seen(quick) == _seen(Listing.of_config(validate_config(data, origin), env))


@pytest.mark.parametrize("credential", [
    "id = 'k-same-as-key'\nkey = 'k-same-as-key'\n",
    "kind = 'aws'\naws_profile = 'dev'\n",
    "kind = 'entra'\ntoken_command = ['az', 'account']\n",
    "kind = 'google'\n",
])
def test_the_quick_listing_leaves_the_models_checks_to_them(tmp_path: Path, credential: str) -> None:
    """A credential checked only by the models (an id equal to its key, the cloud kinds) is theirs to read."""
    data = {"pools": {"p": {"credentials": [tomllib.loads(credential)]}}}
    validate_config(data, "test")  # a valid file
    assert quick_listing(data, {}) is None
