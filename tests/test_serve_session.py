"""A client's conversation keeps its key through ``steadyloop serve`` (agent.serve.session).

The session is what real coding agents send: Claude Code's ``X-Claude-Code-Session-Id`` header (2.1.86 and
later) and, before it, ``metadata.user_id`` in both its shapes (coder/aibridge#241), Codex CLI's ``session-id``
header (KarpelesLab/teamclaude#352), ``prompt_cache_key``; the order is CLIProxyAPI's probe-backed list
(router-for-me/CLIProxyAPI#4452).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from agent.config import load_config
from agent.serve.session import session_of
from agent.testing.emulator import Emulator

from .test_serve import anthropic_client, kind, openai_client, scenario, served

_UUID = "57a121ec-f78c-48c3-a745-e3036a3ecc33"
_LEGACY = "user_" + "9f" * 32 + "_account__session_" + _UUID  # Claude Code's user_id before the JSON form
_JSON = json.dumps({"device_id": "d" * 64, "account_uuid": "", "session_id": _UUID})


@pytest.mark.parametrize(("headers", "body", "same_as"), [
    ({"x-claude-code-session-id": _UUID}, {}, "header"),
    ({}, {"metadata": {"user_id": _LEGACY}}, "legacy"),
    ({}, {"metadata": {"user_id": _JSON}}, "json"),
    ({"session-id": _UUID}, {}, "codex"),
    ({"session_id": _UUID}, {}, "codex_underscore"),
    ({}, {"prompt_cache_key": "repo-main-" + _UUID}, "cache_key"),
    ({}, {"conversation": {"id": "conv_68af"}}, "conversation"),
])
def test_a_session_is_read_from_what_clients_send(headers: dict[str, str], body: dict[str, Any], same_as: str) -> None:
    """Each source gives a session; never the value as sent (it may name a user), always the same for the same."""
    found = session_of(headers, body)
    assert found is not None and found.startswith("s-") and _UUID not in found
    assert found == session_of(dict(headers), json.loads(json.dumps(body)))


def test_both_claude_code_user_id_shapes_and_the_header_name_one_session_each() -> None:
    """The legacy and the JSON ``metadata.user_id`` of one Claude Code session are one session; the header outranks
    the body, and Codex's header outranks ``prompt_cache_key``."""
    legacy = session_of({}, {"metadata": {"user_id": _LEGACY}})
    assert legacy == session_of({}, {"metadata": {"user_id": _JSON}})
    header = session_of({"x-claude-code-session-id": "other"}, {"metadata": {"user_id": _LEGACY}})
    assert header == session_of({"x-claude-code-session-id": "other"}, {}) != legacy
    assert session_of({"session-id": "a"}, {"prompt_cache_key": "b"}) == session_of({"session-id": "a"}, {})


@pytest.mark.parametrize(("headers", "body"), [
    ({}, {}),
    ({"x-claude-code-session-id": "   "}, {"metadata": {"user_id": ""}}),
    ({"session-id": "x" * 600}, {"prompt_cache_key": 42}),
    ({}, {"metadata": "user-1", "conversation": ["not", "an", "id"]}),
])
def test_no_session_when_nothing_says_one(headers: dict[str, str], body: dict[str, Any]) -> None:
    """Blank, overlong and ill-typed values name no session: the pool's own strategy picks."""
    assert session_of(headers, body) is None


def _two_keys(emu: Emulator, api: str) -> Any:
    chain = [{"api": api, "model": "m", "pool": "main", "base_url": emu.base_url(kind(api)), "timeout": 5}]
    return load_config({"state": {"backend": "memory"}, "chain": chain, "routes": {"r": {"chain": ["m"]}},
                        "pools": {"main": {"strategy": "round_robin", "credentials": [
                            {"id": "k1", "key": "sk-emu-one"}, {"id": "k2", "key": "sk-emu-two"}]}}})


def test_a_claude_code_session_keeps_its_key_while_others_spread() -> None:
    """Round robin spreads requests over the keys, but the requests of one Claude Code session all go to one key
    (its prompt cache lives there); a second session and requests without one still take turns."""
    with scenario(keys=[{"key": "sk-emu-one", "label": "one"}, {"key": "sk-emu-two", "label": "two"}]) as emu, \
            served(_two_keys(emu, "anthropic-messages")) as gw:
        client = anthropic_client(gw.url)

        def ask(session: str | None) -> str:
            headers = {"x-claude-code-session-id": session} if session else {}
            raw = client.messages.with_raw_response.create(model="r", max_tokens=16, extra_headers=headers,
                                                           messages=[{"role": "user", "content": "hi"}])
            return str(raw.headers["x-steadyloop-served-by"])

        assert len({ask("A") for _ in range(4)}) == 1
        assert len({ask(None) for _ in range(4)}) == 2
        assert len({ask("B") for _ in range(3)}) == 1
    assert {r.key for r in emu.log} == {"one", "two"}


def test_a_codex_session_keeps_its_key_on_responses() -> None:
    """Codex's ``session-id`` header keeps a Responses conversation on one key, streamed as Codex streams."""
    with scenario(keys=[{"key": "sk-emu-one", "label": "one"}, {"key": "sk-emu-two", "label": "two"}]) as emu, \
            served(_two_keys(emu, "openai-responses")) as gw:
        client = openai_client(gw.url)
        for _ in range(4):
            with client.responses.stream(model="r", input="hi", extra_headers={"session-id": _UUID}) as s:
                s.get_final_response()
    assert len({r.key for r in emu.log}) == 1 and len(emu.log) == 4
