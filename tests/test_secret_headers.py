"""Behaviour of agent._secret_headers: a key configured as a header is a secret like any other."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from agent._redact import redact
from agent._secret_headers import is_secret_header
from agent.chain import ChainEntry
from agent.config import load_config
from agent.conversation_loop import ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.stores import SQLiteStore
from agent.testing.emulator import Emulator, Scenario

_HEADER_KEY = "proxyKey-Zq7Wk3Yp5Hd1Mf8Jc2Ux"  # no provider shape: only its registration can mask it
_BEARER_KEY = "proxyBearer-4Lx9Tz2Vn7Bm3Kq6"


@pytest.mark.parametrize(("name", "secret"), [
    ("x-api-key", True), ("api-key", True), ("Authorization", True), ("Proxy-Authorization", True),
    ("X-Goog-Api-Key", True), ("x-auth-token", True), ("Cookie", True), ("Ocp-Apim-Subscription-Key", True),
    ("OpenAI-Organization", False),
    ("HTTP-Referer", False), ("X-Title", False), ("anthropic-beta", False), ("x-session-id", False),
])
def test_which_headers_carry_secrets(name: str, secret: bool) -> None:
    """Headers named for keys, tokens, authorization or cookies carry secrets; descriptive ones do not."""
    assert is_secret_header(name) is secret


def test_a_key_configured_as_a_header_is_redacted_everywhere(tmp_path: Path) -> None:
    """Keys in extra_headers and default_headers (an Authorization's credential without its scheme word) are
    registered when the entry is made: a provider echoing them leaves them in no result, event, last_status, state
    file nor redacted text (before, only api_key values were registered, and these keys have no provider shape)."""
    echo = f"proxy refused x-api-key {_HEADER_KEY} (token {_BEARER_KEY})"
    rule = {"respond": "error", "status": 401, "body": {"error": {"message": echo, "code": _HEADER_KEY}}}
    events: list[Any] = []
    with Emulator(Scenario.model_validate({"rules": [rule]})) as emu:
        entry = ChainEntry(api="openai-chat", model="m", pool="p", base_url=emu.base_url("openai"), timeout=5,
                           extra_headers={"x-api-key": _HEADER_KEY},
                           default_headers={"Authorization": f"Bearer {_BEARER_KEY}"})
        pool = CredentialPool("p", [Credential(id="k", secret=SecretStr("sk-proj-hdrPool0Zq81Kw3Yp5Hd"))],
                              store=SQLiteStore(tmp_path / "state.db"))
        result = ConversationLoop([entry], {"p": pool}, hooks=(events.append,)).run("hi")
    assert not result.ok and "[REDACTED]" in result.attempts[0].message
    said = (repr(events) + result.model_dump_json() + json.dumps(result.last_status()) + repr(pool.states())
            + "".join(p.read_bytes().decode("latin-1") for p in tmp_path.glob("state.db*"))
            + redact(f"a log line with {_HEADER_KEY} and {_BEARER_KEY}"))
    assert _HEADER_KEY not in said and _BEARER_KEY not in said and "Bearer [REDACTED]" not in said


_KEY = "sk-proj-ReprKey0Zq81Kw3Yp5Hd1Mf8Jc"
_PROXY = "reprProxy-Q7Wk3Yp5Hd1Mf8Jc2Ux4L"
_REDIS_PW = "repr-Redis-Pw-8Hq3Zr6Tn"
_TOKEN = "reprSession-Token-4Lx9Tz2Vn7Bm"


def _config() -> Any:
    return load_config({
        "state": {"backend": "redis", "url": f"redis://u:{_REDIS_PW}@127.0.0.1:6379/0"},
        "pools": {"main": {"credentials": [{"id": "a", "key": _KEY}]}},
        "chain": [{"api": "openai-chat", "model": "m", "pool": "main", "base_url": "https://proxy.example/v1",
                   "extra_headers": {"x-api-key": _PROXY, "X-Title": "bot"},
                   "default_headers": {"Authorization": f"Bearer {_PROXY}"}}],
    }, env={})


def _reprs() -> dict[str, str]:
    """repr() of every public configuration, chain and pool type, built with real secret values."""
    from agent.platforms.auth import AwsAuth

    config = _config()
    entry = config.chain[0]
    credential = Credential(id="a", secret=SecretStr(_KEY),
                            auth=AwsAuth(access_key_id="AKIAEXAMPLE", session_token=SecretStr(_TOKEN)), kind="aws")
    pool = CredentialPool("main", [Credential(id="a", secret=SecretStr(_KEY))])
    return {"SteadyConfig": repr(config), "PoolConfig": repr(config.pools["main"]),
            "CredentialConfig": repr(config.pools["main"].credentials[0]), "StateConfig": repr(config.state),
            "ChainEntry": repr(entry), "ChainEntry str": str(entry), "chain": repr(config.chain),
            "ClientOptions": repr(entry.client_options()), "RequestSettings": repr(entry.settings()),
            "Credential": repr(credential), "CredentialPool": repr(pool), "Lease": repr(pool.acquire("m"))}


@pytest.mark.parametrize("kind", list(_reprs()))
def test_no_repr_shows_a_secret(kind: str) -> None:
    """A real key, a key in a header, an Authorization value, a Redis password and a session token appear in the
    repr of no configuration, chain, entry, options, settings, credential, pool or lease; their names still do."""
    shown = _reprs()[kind]
    for secret in (_KEY, _PROXY, _REDIS_PW, _TOKEN):
        assert secret not in shown, kind
