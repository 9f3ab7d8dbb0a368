"""Configuration values that reference the environment: ``${NAME}`` and LiteLLM's ``os.environ/NAME``."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from agent._envref import UnsetVariableError, expand
from agent.config import ConfigError, load_config, resolve_pool
from agent.stores import MemoryStore


def _config(key: str, base_url: str = "https://openrouter.ai/api/v1") -> dict[str, Any]:
    return {"pools": {"or": {"credentials": [{"id": "main", "key": key, "base_url": base_url}]}},
            "chain": [{"api": "openai-chat", "model": "m", "pool": "or",
                       "default_headers": {"X-Title": "${BOT_NAME} bot"}}]}


@pytest.mark.parametrize(("value", "expected"), [
    ("${A}", "alpha"), ("pre-${A}-${B}", "pre-alpha-beta"), ("$${A}", "${A}"), ("os.environ/A", "alpha"),
    ("no refs", "no refs"), ("$A", "$A"),
])
def test_references_are_replaced(value: str, expected: str) -> None:
    """``${NAME}`` anywhere in a string, ``$${`` as a literal, ``os.environ/NAME`` as a whole value."""
    assert expand({"x": value}, {"A": "alpha", "B": "beta"}) == {"x": expected}


def test_a_key_from_the_environment_is_resolved_and_sent_as_the_value(tmp_path: Any) -> None:
    """The credential holds the variable's value; headers too; nothing literal remains."""
    config = load_config(_config("${OPENROUTER_API_KEY}"), env={"OPENROUTER_API_KEY": "sk-or-v1-abc",
                                                                "BOT_NAME": "Ada"})
    pool = resolve_pool("or", config.pools["or"], MemoryStore(), env={})
    assert pool.credentials[0].secret.get_secret_value() == "sk-or-v1-abc"
    assert config.chain[0].default_headers == {"X-Title": "Ada bot"}


@pytest.mark.parametrize("form", ["${OPENROUTER_API_KEY}", "os.environ/OPENROUTER_API_KEY"])
def test_an_unset_variable_is_a_config_error_naming_field_and_variable(form: str) -> None:
    """Never a literal ``${...}`` sent as a key and marked dead: the load fails, naming both."""
    with pytest.raises(ConfigError, match=r"pools\.or\.credentials\.0\.key: environment variable "
                                          r"OPENROUTER_API_KEY is not set"):
        load_config(_config(form), env={"BOT_NAME": "x"})


def test_litellm_form_warns_with_a_pointer_to_ours(caplog: pytest.LogCaptureFixture) -> None:
    """LiteLLM's spelling works, and the warning shows the ``${NAME}`` form (never the value)."""
    with caplog.at_level(logging.WARNING, logger="steadyloop.config"):
        load_config(_config("os.environ/OPENROUTER_API_KEY"), env={"OPENROUTER_API_KEY": "sk-or-v1-secret",
                                                                   "BOT_NAME": "x"})
    assert "${OPENROUTER_API_KEY}" in caplog.text and "sk-or-v1-secret" not in caplog.text


def test_toml_file_references(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A TOML file read with the process environment (the CLI's path)."""
    path = tmp_path / "c.toml"
    path.write_text('[state]\nbackend = "memory"\n[pools.p]\n[[pools.p.credentials]]\nkey = "${MY_KEY}"\n'
                    '[[chain]]\napi = "openai-chat"\nmodel = "m"\npool = "p"\nbase_url = "${MY_URL}"\n')
    monkeypatch.setenv("MY_KEY", "sk-1")
    monkeypatch.setenv("MY_URL", "http://127.0.0.1:9/v1")
    assert load_config(path).chain[0].base_url == "http://127.0.0.1:9/v1"
    monkeypatch.delenv("MY_URL")
    with pytest.raises(ConfigError, match=r"chain\.0\.base_url: environment variable MY_URL"):
        load_config(path)


def test_unset_variable_error_type() -> None:
    """The expander's own error carries the dotted path of lists too."""
    with pytest.raises(UnsetVariableError, match=r"a\.1: environment variable NOPE"):
        expand({"a": ["x", "${NOPE}"]}, {})
