"""Behaviour of agent.config: typed configuration from TOML, errors that name the field and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent.config import ConfigError, default_state_path, load_config, open_state, resolve_pool
from agent.credential_pool import Strategy

GOOD = """
[state]
backend = "sqlite"
path = "{path}"

[pools.anthropic]
strategy = "round_robin"

[[pools.anthropic.credentials]]
id = "work"
key_env = "TEST_ANTHROPIC_KEY"
kind = "oauth"
max_concurrency = 2

[[pools.anthropic.credentials]]
key_file = "{keyfile}"
priority = 5
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "steadyloop.toml"
    path.write_text(text)
    return path


def test_valid_file_builds_a_working_pool(tmp_path: Path) -> None:
    """A TOML file gives pools whose keys come from the environment and from files, and a SQLite store."""
    keyfile = tmp_path / "key"
    keyfile.write_text("sk-ant-from-file-123456\n")
    config = load_config(_write(tmp_path, GOOD.format(path=tmp_path / "s.db", keyfile=keyfile)))
    store = open_state(config.state)
    pool = resolve_pool("anthropic", config.pools["anthropic"], store, env={"TEST_ANTHROPIC_KEY": "sk-ant-env-1"})
    assert pool.strategy is Strategy.round_robin and pool.credentials[0].id == "work"
    assert pool.credentials[1].secret.get_secret_value() == "sk-ant-from-file-123456"
    assert pool.credentials[1].id.startswith("fp-") and "sqlite" in store.description


@pytest.mark.parametrize(("text", "needle"), [
    ("[pools.a]\n[[pools.a.credentials]]\nid = 'x'\n", "pools.a.credentials.0: give exactly one of key, key_env"),
    ("[pools.a]\n[[pools.a.credentials]]\nkey = 'k'\nkey_env = 'E'\n", "got key, key_env"),
    ("[pools.a]\nstrategy = 'fastest'\n[[pools.a.credentials]]\nkey = 'k'\n", "pools.a.strategy"),
    ("[pools.a]\ncredentials = []\n", "pools.a.credentials"),
    ("[state]\nbackend = 'redis'\n", "needs url or url_env"),
    ("[state]\nbackend = 'postgres'\n", "state.backend"),
    ("[pools.a]\n[[pools.a.credentials]]\nkey = 'k'\nmax_concurrency = 0\n", "max_concurrency"),
    ("[pools.a\n", "not valid TOML"),
    ("[lop]\nmax_attempts = 3\n", "lop: unknown section; did you mean 'loop'? known: state, pools, chain, loop"),
    ("[pool.a]\n", "pool: unknown section; did you mean 'pools'?"),
    ("[telemetry]\n", "telemetry: unknown section; known: state"),
    ("[loop]\nmax_atempts = 3\n", "loop.max_atempts: unknown key; did you mean 'max_attempts'?"),
    ("[pools.a]\n[[pools.a.credentials]]\nkey = 'k'\nkey_envv = 'E'\n",
     "pools.a.credentials.0.key_envv: unknown key; did you mean 'key_env'?"),
])
def test_errors_name_the_field(tmp_path: Path, text: str, needle: str) -> None:
    """Each configuration mistake is reported with the field's dotted path and what to do."""
    with pytest.raises(ConfigError, match=re.escape(needle)):
        load_config(_write(tmp_path, text))


def test_missing_environment_variable_names_it(tmp_path: Path) -> None:
    """A key_env that is not set is named, with the export that fixes it."""
    config = load_config({"pools": {"a": {"credentials": [{"key_env": "NOPE_KEY"}]}}})
    with pytest.raises(ConfigError, match=r"pools\.a\.credentials\.0\.key_env: environment variable NOPE_KEY"):
        resolve_pool("a", config.pools["a"], open_state(config.state, env={"STEADYLOOP_STATE_DIR": str(tmp_path)}),
                      env={})


def test_unreadable_key_file_names_it(tmp_path: Path) -> None:
    """A key_file that cannot be read is named with the reason."""
    config = load_config({"pools": {"a": {"credentials": [{"key_file": str(tmp_path / "missing")}]}}})
    with pytest.raises(ConfigError, match=r"key_file: cannot read .*missing"):
        resolve_pool("a", config.pools["a"], open_state(config.state, env={"STEADYLOOP_STATE_DIR": str(tmp_path)}))


@pytest.mark.parametrize(("env", "expected"), [
    ({"STEADYLOOP_STATE_DIR": "/srv/sl", "XDG_STATE_HOME": "/x"}, "/srv/sl/state.db"),
    ({"XDG_STATE_HOME": "/x"}, "/x/steadyloop/state.db"),
    ({}, str(Path.home() / ".local/state/steadyloop/state.db")),
])
def test_default_state_path(env: dict[str, str], expected: str) -> None:
    """The state file follows STEADYLOOP_STATE_DIR, then XDG_STATE_HOME, then ~/.local/state."""
    assert str(default_state_path(env)) == expected


def test_redis_url_from_environment_is_not_shown(redis_url: str) -> None:
    """A redis URL with a password comes from url_env; the store's description never shows the password."""
    config = load_config({"state": {"backend": "redis", "url_env": "SL_REDIS"}})
    url = redis_url.replace("redis://", "redis://:s3cret@")
    store = open_state(config.state, env={"SL_REDIS": url})
    assert "s3cret" not in store.description


_POOL = '[state]\nbackend = "memory"\n[pools.p]\n[[pools.p.credentials]]\nid = "one"\n{cred}\n'
_CHAIN = '[[chain]]\napi = "openai-chat"\nmodel = "m"\npool = "p"\nbase_url = "{url}"\n'


@pytest.mark.parametrize(("cred", "key_bytes", "field", "needle"), [
    ('key = ""', None, "pools.p.credentials.0.key", "the key is empty"),
    ('key = "sk-caf\u00e9-00000000"', None, "pools.p.credentials.0.key", "position 7 (U+00E9)"),
    ('key = "sk-abc\u00a0def0000"', None, "pools.p.credentials.0.key", "cannot be sent in an HTTP header"),
    ('key_file = "{keyfile}"', b"", "pools.p.credentials.0.key_file", "is empty; put the key in it"),
    ('key_file = "{keyfile}"', b"\n \n", "pools.p.credentials.0.key_file", "is empty"),
    ('key_file = "{keyfile}"', b"sk-\xe9t\xe9", "pools.p.credentials.0.key_file", "is not UTF-8 text"),
    ('key_env = "TEST_NONASCII_KEY"', None, "pools.p.credentials.0.key_env", "(U+2013)"),
])
def test_unusable_keys_are_one_line_naming_the_field(tmp_path: Path, cred: str, key_bytes: bytes | None, field: str,
                                                      needle: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty, non-ASCII or non-UTF-8 key is a ConfigError naming the field and the fix, not pydantic's raw text."""
    keyfile = tmp_path / "key"
    if key_bytes is not None:
        keyfile.write_bytes(key_bytes)
    monkeypatch.setenv("TEST_NONASCII_KEY", "sk-abc\u2013def000")
    config = load_config(_write(tmp_path, _POOL.format(cred=cred.format(keyfile=keyfile))))
    with pytest.raises(ConfigError) as err:
        resolve_pool("p", config.pools["p"], open_state(config.state))
    text = str(err.value)
    assert text.startswith(field + ":") and needle in text and "\n" not in text
    assert "validation error" not in text and "sk-" not in text.split(":", 1)[1]  # never the key itself


@pytest.mark.parametrize("url", ["ftp://api.example.com/v1", "api.example.com/v1", "http://", "https://host:99999/v1",
                                 "http://exa mple.com", "https://host:abc/"])
def test_a_base_url_that_cannot_be_used_is_a_config_error_at_load(tmp_path: Path, url: str) -> None:
    """A malformed or non-HTTP base_url is rejected when the file is loaded, naming chain.0.base_url."""
    with pytest.raises(ConfigError, match=r"chain\.0\.base_url: .*https://api\.example\.com/v1"):
        load_config(_write(tmp_path, _POOL.format(cred='key = "sk-good-key-0000"') + _CHAIN.format(url=url)))


@pytest.mark.parametrize("url", [
    "https://admin:Qv7Rk2Zt9Wm4Lp8Hx3@api.example.com:abc/v1",  # user-info password, bad port
    "ftp://api.example.com/v1?api-key=Qv7Rk2Zt9Wm4Lp8Hx3",  # a key as a query parameter, wrong scheme
    "https://api.example.com/v 1?sig=Qv7Rk2Zt9Wm4Lp8Hx3",  # any parameter, a space in the URL
    "https://[::1/v1?key=Qv7Rk2Zt9Wm4Lp8Hx3#Qv7Rk2Zt9Wm4Lp8Hx3",  # an invalid IPv6 host, a fragment
])
def test_a_base_url_error_never_repeats_its_credentials(tmp_path: Path, url: str) -> None:
    """A base_url may carry a password (user-info) or a key (query string): its error names the field and the fix
    and shows the URL without them (before, the whole URL was quoted on stderr and in the status file)."""
    with pytest.raises(ConfigError) as err:
        load_config(_write(tmp_path, _POOL.format(cred='key = "sk-good-key-0000"') + _CHAIN.format(url=url)))
    text = str(err.value)
    assert "chain.0.base_url: " in text and "https://api.example.com/v1" in text
    assert "Qv7Rk2Zt9Wm4Lp8Hx3" not in text, text


@pytest.mark.parametrize("pasted", ["sk-proj-Qv7Rk2Zt9Wm4Lp8Hx3Jn6Bc1", "3f9a2b7c4d5e6f708192a3b4c5d6e7f8",
                                    "hf_QvRkZtWmLpHxJnBcQvRkZtWmLpHx12", "Qv7Rk2Zt9Wm4Lp8Hx3Jn6Bc1Yd5Fs0Gt"])
def test_a_key_pasted_into_key_env_is_never_repeated(pasted: str) -> None:
    """key_env names a variable; a key pasted there (the common slip) is not set as a variable, and its error says
    so without the value when it does not look like a variable's name (before: "environment variable sk-proj-...
    is not set; export sk-proj-...=<your key>", on stderr and in the status file)."""
    config = load_config({"pools": {"a": {"credentials": [{"key_env": pasted}]}}})
    with pytest.raises(ConfigError) as err:
        resolve_pool("a", config.pools["a"], open_state(config.state))
    text = str(err.value)
    assert text.startswith("pools.a.credentials.0.key_env: ") and "key_env = \"OPENAI_API_KEY\"" in text, text
    assert pasted not in text and pasted[:12] not in text, text


@pytest.mark.parametrize("name", ["OPENAI_API_KEY_2", "openai_key", "MY_SERVICE_TOKEN_2024", "Api_Key"])
def test_a_variable_name_in_key_env_is_still_named(name: str) -> None:
    """An ordinary variable name that is not set is still quoted, with the export that fixes it."""
    config = load_config({"pools": {"a": {"credentials": [{"key_env": name}]}}})
    with pytest.raises(ConfigError, match=f"environment variable {name} is not set or empty; export {name}="):
        resolve_pool("a", config.pools["a"], open_state(config.state))


def test_a_latin_1_config_file_is_one_line_naming_the_encoding(tmp_path: Path) -> None:
    """A configuration file saved as Latin-1 gets one line: not UTF-8, where, and to save it as UTF-8."""
    path = tmp_path / "steadyloop.toml"
    path.write_bytes('# caf\u00e9\n[state]\nbackend = "memory"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match=r"not UTF-8 \(byte 0xe9 at offset 5\); .*save it as UTF-8"):
        load_config(path)


LOOP_DURATIONS = ["deadline_seconds", "max_wait_seconds", "fallback_reserve_seconds", "backoff_base",
                  "transient_400_base", "backoff_cap", "circuit_probe_seconds", "busy_poll_seconds"]
CHAIN_DURATIONS = ["timeout", "connect_timeout", "first_token_timeout", "idle_timeout"]
CHAIN = ('[pools.p]\n[[pools.p.credentials]]\nid = "a"\nkey = "sk-bounds-0123"\n'
         '[[chain]]\napi = "openai-chat"\nmodel = "m"\npool = "p"\n')


@pytest.mark.parametrize(("section", "field"), [("loop", f) for f in LOOP_DURATIONS]
                         + [("chain.0", f) for f in CHAIN_DURATIONS])
@pytest.mark.parametrize(("value", "bound"), [
    ("1e12", r"less than or equal to (86400|60)\b"), ("inf", r"less than or equal to (86400|60)\b"),
    ("nan", r"(less|greater) than"), ("-5", r"greater than (or equal to )?0\b")])
def test_every_loop_and_chain_duration_is_bounded_naming_the_field_and_the_bound(
        tmp_path: Path, section: str, field: str, value: str, bound: str) -> None:
    """Issue 11 item 10b for [loop] and [[chain]]: a duration of 1e12, inf, NaN or below zero is refused at load,
    naming the field and the bound it broke (a day for turns, waits and calls)."""
    config = tmp_path / "steadyloop.toml"
    setting = f"{field} = {value}\n"
    config.write_text(CHAIN + setting if section == "chain.0" else CHAIN + f"[loop]\n{setting}")
    with pytest.raises(ConfigError, match=rf"{re.escape(section)}\.{field}: Input should be {bound}"):
        load_config(config)


@pytest.mark.parametrize(("setting", "floor"), [
    ("[loop]\nbusy_poll_seconds = 1e-9", r"loop\.busy_poll_seconds: Input should be greater than or equal to 0\.01"),
    ("[serve]\nkeep_alive_seconds = 1e-9", r"serve\.keep_alive_seconds: Input should be greater than or equal to 0\.1"),
])
def test_a_poll_too_short_to_be_a_wait_is_refused(tmp_path: Path, setting: str, floor: str) -> None:
    """A busy poll of 1e-9 s would spin a core while other calls hold every key, a keep-alive of 1e-9 s would
    flood a gateway client with comments: both refused at load, naming the floor."""
    config = tmp_path / "steadyloop.toml"
    config.write_text(CHAIN + setting + "\n")
    with pytest.raises(ConfigError, match=floor):
        load_config(config)


@pytest.mark.parametrize("field", LOOP_DURATIONS[:-1])
def test_a_day_is_the_longest_loop_duration_and_is_accepted(tmp_path: Path, field: str) -> None:
    """The bound itself is a valid setting: long turns stay possible."""
    config = tmp_path / "steadyloop.toml"
    config.write_text(CHAIN + f"[loop]\n{field} = 86400\n")
    assert getattr(load_config(config).loop, field) == 86400
