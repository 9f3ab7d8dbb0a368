"""Scenarios: what the emulator knows (keys, models) and how it misbehaves (rules).

A scenario is a TOML/JSON file or a ``Scenario`` built in Python. Example::

    name = "one exhausted key"
    [[keys]]
    key = "sk-ant-one"
    label = "one"
    api = "anthropic"
    exhausted_for = 3600          # seconds from emulator start: quota exhausted until then

    [[rules]]
    match = { calls = [1], endpoint = "chat" }
    respond = "error"
    shape = "deepseek_transient_400"   # any id of agent.testing.error_shapes.SHAPES

Rules are tried in order before the stateful behaviours (keys, rate windows, context windows,
content policy, entitlements); the first rule whose ``match`` holds and whose ``times`` budget
is not spent answers. A request no rule answers gets a normal success.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

__all__ = [
    "Endpoint",
    "KeySpec",
    "Match",
    "ModelSpec",
    "Respond",
    "Rule",
    "Scenario",
    "ScenarioError",
    "list_scenarios",
    "load_scenario",
]

Endpoint = Literal["chat", "responses", "messages"]
Api = Literal["openai", "anthropic"]
Respond = Literal["error", "soft", "stream_error", "stream_cut", "stream_stall", "stream_malformed", "drop", "hang",
                  "reply", "tool_call", "drip", "sse_comments", "chunks_forever", "slow_headers", "huge_body",
                  "gzip_bomb", "items"]


class ScenarioError(ValueError):
    """A scenario file or object is invalid; the message names the field and the fix."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KeySpec(_Strict):
    """An API key the emulator accepts, and its state."""

    key: str = Field(description="the literal API key clients send")
    label: str = Field("", description="a name for logs; defaults to a fingerprint")
    api: Api | None = Field(None, description="only this API family accepts the key (None: both)")
    exhausted_for: float | None = Field(
        None, ge=0, description="quota exhausted for this many seconds after start (None: never)")
    rate_requests: int | None = Field(None, ge=1, description="rate window: at most this many requests ...")
    rate_seconds: float = Field(60.0, gt=0, description="... per this many seconds")
    denied_models: tuple[str, ...] = Field((), description="models this key is not entitled to (seed 002)")


class ModelSpec(_Strict):
    """A model's limits."""

    context_window: int | None = Field(None, ge=1, description="prompt tokens above this overflow")
    reasoning: bool | None = Field(
        None, description="Chat rejects max_tokens like OpenAI's reasoning models (None: by the name's family)")


class Match(_Strict):
    """When a rule applies; every given condition must hold."""

    key: str | None = None
    model: str | None = None
    endpoint: Endpoint | None = None
    calls: tuple[int, ...] | None = Field(None, description="1-based call numbers across the whole emulator")
    key_calls: tuple[int, ...] | None = Field(None, description="1-based call numbers for the request's key")
    streamed: bool | None = None
    has_tools: bool | None = None
    has_images: bool | None = None
    has_tool_results: bool | None = None
    min_prompt_tokens: int | None = None
    within_seconds: float | None = Field(
        None, gt=0, description="only during the first N s after start or reset: an outage that ends")
    last_role: Literal["user", "assistant"] | None = Field(
        None, description="the role of the conversation's last message (assistant: a prefill)")


class Rule(_Strict):
    """One scripted behaviour."""

    match: Match = Match()
    respond: Respond
    times: int | None = Field(None, ge=1, description="fire at most this many times (None: always)")
    shape: str | None = Field(None, description="an id from agent.testing.error_shapes (errors)")
    status: int | None = Field(None, ge=200, le=599)
    body: Any = None
    headers: dict[str, str] = {}
    soft: Literal["failed", "cancelled", "incomplete", "content_filter", "refusal", "empty"] | None = None
    error_code: str | None = Field(None, description="error.code of a soft failure")
    message: str | None = Field(None, description="error message of a soft failure or stream error")
    error_type: str = Field("overloaded_error", description="the error type of a stream error")
    after_chunks: int = Field(0, ge=0, description="text chunks sent before a stream error, cut, stall or bad chunk")
    stall: float = Field(0.0, ge=0, le=120, description="stream_stall: seconds of silence, connection open, then "
                                                          "the rest of the stream")
    delay: float = Field(0.0, ge=0, le=120, description="seconds to wait before answering")
    interval: float = Field(0.5, gt=0, le=60, description="seconds between writes of a hostile answer (drip, ...)")
    size: int = Field(50_000_000, ge=0, le=10**10, description="bytes of a huge_body, or of a gzip_bomb decoded")
    text: str | None = Field(None, description="reply text (reply)")
    tool_name: str | None = None
    tool_arguments: dict[str, Any] = {}
    stop_reason: str | None = Field(None, description="items: the answer's stop_reason (Messages), finish_reason "
                                                      "(Chat) or status (Responses); default: how the items end")

    @model_validator(mode="after")
    def _needs(self) -> Rule:
        if self.respond == "error" and self.shape is None and self.status is None:
            raise ValueError("respond='error' needs shape (an error_shapes id) or status (and body)")
        if self.respond == "soft" and self.soft is None:
            raise ValueError("respond='soft' needs soft = failed|cancelled|incomplete|content_filter|refusal|empty")
        if self.respond == "items" and self.body is None:
            raise ValueError("respond='items' needs body: the answer's output items (Responses), content blocks "
                             "(Messages) or message fields (Chat)")
        if self.respond == "tool_call" and not self.tool_name:
            raise ValueError("respond='tool_call' needs tool_name")
        return self


class Scenario(_Strict):
    """A whole scripted upstream."""

    name: str = "custom"
    description: str = ""
    keys: tuple[KeySpec, ...] = Field((), description="accepted keys; empty: any key is accepted")
    models: dict[str, ModelSpec] = {}
    rules: tuple[Rule, ...] = ()
    content_policy_trigger: str | None = Field(None, description="a phrase the provider's safety system blocks")
    reply_text: str = "Hello from the steadyloop emulator."
    chunk_words: int = Field(2, ge=1, description="words per streamed text delta")
    drill: dict[str, Any] = Field({}, description="how `steadyloop drill` runs this scenario through the loop")

    def key_spec(self, key: str) -> KeySpec | None:
        """The spec of ``key``; a spec for any key when the scenario accepts all keys."""
        for spec in self.keys:
            if spec.key == key:
                return spec
        return None if self.keys else KeySpec(key=key)


def _scenario_dir() -> Path:
    return Path(str(resources.files("agent.testing") / "scenarios"))


def list_scenarios() -> dict[str, str]:
    """Named scenarios shipped with steadyloop: name -> description."""
    out: dict[str, str] = {}
    for path in sorted(_scenario_dir().glob("*.toml")):
        out[path.stem] = load_scenario(path).description
    return out


def load_scenario(source: str | Path | dict[str, Any]) -> Scenario:
    """A scenario from a shipped name, a TOML/JSON path, or a dict; errors name the field."""
    data: Any
    if isinstance(source, dict):
        data, origin = source, "scenario"
    else:
        path = Path(source)
        if not path.suffix and not path.exists():
            path = _scenario_dir() / f"{source}.toml"
            if not path.exists():
                known = ", ".join(sorted(p.stem for p in _scenario_dir().glob("*.toml")))
                raise ScenarioError(f"unknown scenario {source!r}; known: {known}")
        origin = str(path)
        try:
            raw = path.read_text(encoding="utf-8")
            data = json.loads(raw) if path.suffix == ".json" else tomllib.loads(raw)
        except (OSError, ValueError) as err:
            raise ScenarioError(f"{origin}: cannot read scenario: {err}") from err
        data.setdefault("name", path.stem)
    try:
        return Scenario.model_validate(data)
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}" for e in err.errors()
        )
        raise ScenarioError(f"{origin}: invalid scenario: {problems}") from err
