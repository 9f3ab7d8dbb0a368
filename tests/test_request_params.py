"""Chain entry settings reach the wire: each parameter, each API, seen in the emulator's request log."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from agent import FailoverReason
from agent._params import anthropic_max_tokens, needs_max_completion_tokens
from agent.conversation_loop import ChainEntry
from agent.results import TurnResult, TurnStatus
from agent.testing.emulator import Emulator, Scenario
from tests.test_conversation_loop import entry, make_loop, pool

CHAT, RESPONSES, MESSAGES = "openai-chat", "openai-responses", "anthropic-messages"

# (api, model, chain entry settings, what the body must hold, headers that must arrive)
WIRE: list[tuple[str, str, dict[str, Any], dict[str, Any], dict[str, str]]] = [
    (CHAT, "gpt-4o", {"max_tokens": 3000}, {"max_tokens": 3000}, {}),
    (CHAT, "gpt-5-mini", {"max_tokens": 3000}, {"max_completion_tokens": 3000}, {}),
    (CHAT, "o3", {"max_tokens": 3000}, {"max_completion_tokens": 3000}, {}),
    (RESPONSES, "gpt-5", {"max_tokens": 3000}, {"max_output_tokens": 3000}, {}),
    (MESSAGES, "claude-sonnet-4-5", {"max_tokens": 3000}, {"max_tokens": 3000}, {}),
    (MESSAGES, "claude-sonnet-4-5", {}, {"max_tokens": 64_000}, {}),
    (MESSAGES, "claude-3-5-haiku-latest", {}, {"max_tokens": 8_192}, {}),
    (CHAT, "gpt-4o", {"temperature": 0.3, "top_p": 0.9}, {"temperature": 0.3, "top_p": 0.9}, {}),
    (RESPONSES, "gpt-4o", {"temperature": 0.3, "top_p": 0.9}, {"temperature": 0.3, "top_p": 0.9}, {}),
    (MESSAGES, "claude-x", {"temperature": 0.3, "top_p": 0.9}, {"temperature": 0.3, "top_p": 0.9}, {}),
    (CHAT, "o4-mini", {"reasoning_effort": "high"}, {"reasoning_effort": "high"}, {}),
    (RESPONSES, "o4-mini", {"reasoning_effort": "low"}, {"reasoning": {"effort": "low"}}, {}),
    (MESSAGES, "claude-sonnet-4-5", {"thinking_budget": 2048},
     {"thinking": {"type": "enabled", "budget_tokens": 2048}}, {}),
    (CHAT, "gpt-4o", {"stop": ("END",)}, {"stop": ["END"]}, {}),
    (MESSAGES, "claude-x", {"stop": ("END",)}, {"stop_sequences": ["END"]}, {}),
    (CHAT, "gpt-4o", {"extra_body": {"seed": 7}, "extra_headers": {"X-Trace": "t1"}}, {"seed": 7},
     {"x-trace": "t1"}),
    (RESPONSES, "gpt-4o", {"extra_body": {"store": False}, "extra_headers": {"X-Trace": "t1"}}, {"store": False},
     {"x-trace": "t1"}),
    (MESSAGES, "claude-x", {"extra_body": {"metadata": {"user_id": "u1"}}, "extra_headers": {"X-Trace": "t1"}},
     {"metadata": {"user_id": "u1"}}, {"x-trace": "t1"}),
    (CHAT, "gpt-4o", {"organization": "org-1", "project": "proj-1"}, {},
     {"openai-organization": "org-1", "openai-project": "proj-1"}),
    (RESPONSES, "gpt-4o", {"organization": "org-1", "project": "proj-1"}, {},
     {"openai-organization": "org-1", "openai-project": "proj-1"}),
    (CHAT, "openai/gpt-4o", {"default_headers": {"HTTP-Referer": "https://bot.example", "X-Title": "Bot"}}, {},
     {"http-referer": "https://bot.example", "x-title": "Bot"}),
    (MESSAGES, "claude-x", {"default_headers": {"X-Title": "Bot"}}, {}, {"x-title": "Bot"}),
]


def _subset(want: dict[str, Any], got: dict[str, Any]) -> bool:
    return all(got.get(k) == v for k, v in want.items())


@pytest.mark.parametrize(("api", "model", "settings", "body", "headers"), WIRE)
@pytest.mark.parametrize("streamed", [False, True])
def test_each_setting_reaches_the_wire(api: str, model: str, settings: dict[str, Any], body: dict[str, Any],
                                       headers: dict[str, str], streamed: bool) -> None:
    """The emulator's log shows the setting under the API's own name (streamed and not)."""
    with Emulator("healthy") as emu:
        loop = make_loop([entry(emu, api, model, **settings)], {"main": pool("main", "sk-emu-one")})
        results = [e for e in loop.stream("hi") if isinstance(e, TurnResult)] if streamed else [loop.run("hi")]
        result = results[-1]
        assert result.status is TurnStatus.ok, result.final_response
        sent = emu.log[-1]
        assert _subset(body, sent.body), sent.body
        assert _subset(headers, sent.headers), sent.headers


@pytest.mark.parametrize("api", [CHAT, RESPONSES])
def test_no_output_limit_is_sent_unless_configured(api: str) -> None:
    """OpenAI's limit is optional: no max_tokens of any name is sent, so no silent 1,024 cap."""
    with Emulator("healthy") as emu:
        assert make_loop([entry(emu, api, "gpt-4o")], {"main": pool("main", "k")}).run("hi").ok
        assert not {"max_tokens", "max_completion_tokens", "max_output_tokens"} & set(emu.log[-1].body)


def test_reasoning_model_max_tokens_is_learned_from_the_400_and_remembered() -> None:
    """A gateway name the families miss: one 400, one repaired resend, and later turns send it right away."""
    with Emulator(Scenario.model_validate({"models": {"gw/thinker": {"reasoning": True}}})) as emu:
        loop = make_loop([entry(emu, CHAT, "gw/thinker", max_tokens=500)], {"main": pool("main", "k")})
        first = loop.run("hi")
        assert first.ok
        assert [a.outcome for a in first.attempts] == [FailoverReason.max_tokens_unsupported.value, "ok"]
        assert "max_completion_tokens" in first.attempts[0].action
        assert [("max_tokens" in r.body, r.body.get("max_completion_tokens")) for r in emu.log] == [
            (True, None), (False, 500)]
        assert len(loop.run("again").attempts) == 1
        assert emu.log[-1].body.get("max_completion_tokens") == 500


def test_emulator_rejects_max_tokens_for_reasoning_models_with_openais_body() -> None:
    """The real client raises BadRequestError carrying OpenAI's unsupported_parameter body."""
    import openai

    with Emulator("healthy") as emu:
        client = openai.OpenAI(base_url=emu.base_url("openai"), api_key="k", max_retries=0)
        with pytest.raises(openai.BadRequestError) as raised:
            client.chat.completions.create(model="gpt-5", max_tokens=10, messages=[{"role": "user", "content": "x"}])
        assert raised.value.code == "unsupported_parameter" and raised.value.param == "max_tokens"
        ok = client.chat.completions.create(model="gpt-5", max_completion_tokens=10,
                                            messages=[{"role": "user", "content": "x"}])
        assert ok.choices[0].message.content


@pytest.mark.parametrize(("model", "expected"), [
    ("gpt-5", True), ("gpt-5-mini", True), ("gpt-5.1", True), ("o1", True), ("o3-mini", True), ("o4-mini", True),
    ("openai/o3", True), ("gpt-4o", False), ("gpt-4.1", False), ("gpt-50x", False), ("ollama/o1x", False),
])
def test_reasoning_families(model: str, expected: bool) -> None:
    """Known OpenAI reasoning families, with or without a gateway prefix; look-alikes are not."""
    assert needs_max_completion_tokens(model) is expected


@pytest.mark.parametrize(("model", "limit"), [
    ("claude-opus-4-5-20251101", 64_000), ("claude-opus-4-1", 32_000), ("claude-sonnet-4-20250514", 64_000),
    ("claude-haiku-4-5", 64_000), ("claude-3-5-haiku-latest", 8_192), ("claude-3-haiku-20240307", 4_096),
    ("some-proxy-name", 4_096),
])
def test_anthropic_default_output_limit_per_family(model: str, limit: int) -> None:
    """Anthropic requires max_tokens: unset, it is the family's documented limit."""
    assert anthropic_max_tokens(model) == limit


@pytest.mark.parametrize(("settings", "field"), [
    ({"api": MESSAGES, "reasoning_effort": "high"}, "thinking_budget"),
    ({"api": CHAT, "thinking_budget": 2048}, "reasoning_effort"),
    ({"api": RESPONSES, "stop": ("x",)}, "stop"),
    ({"api": MESSAGES, "organization": "org"}, "organization"),
    ({"api": MESSAGES, "thinking_budget": 5000, "max_tokens": 4000}, "thinking_budget"),
    ({"api": CHAT, "temperature": 3}, "temperature"),
])
def test_settings_that_do_not_fit_the_api_are_config_errors(settings: dict[str, Any], field: str) -> None:
    """A setting the API cannot take is refused when the chain is read, naming what to use instead."""
    with pytest.raises(ValidationError, match=field):
        ChainEntry.model_validate({"model": "m", "pool": "p", **settings})
