"""Request settings of a chain entry, written the way each API names them.

One place decides which keyword each setting becomes on the wire:

| setting            | openai-chat                         | openai-responses        | anthropic-messages        |
|--------------------|-------------------------------------|-------------------------|---------------------------|
| max_tokens         | max_tokens / max_completion_tokens  | max_output_tokens       | max_tokens (required)     |
| temperature, top_p | temperature, top_p                  | temperature, top_p      | temperature, top_p (body) |
| reasoning_effort   | reasoning_effort                    | reasoning.effort        | (config error)            |
| thinking_budget    | (config error)                      | (config error)          | thinking.budget_tokens    |
| stop               | stop                                | (config error)          | stop_sequences            |
| extra_headers/body | extra_headers / extra_body          | same                    | same                      |

OpenAI's reasoning models (o-series, GPT-5 family) reject ``max_tokens`` and take
``max_completion_tokens`` (https://platform.openai.com/docs/api-reference/chat/create#chat-create-max_tokens);
other names learn it from the provider's 400 through a repair (``agent.repairs``).
Anthropic requires ``max_tokens``; unset, it is the model family's documented output limit
(https://docs.anthropic.com/en/docs/about-claude/models/overview), never a silent small cap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

__all__ = [
    "ANTHROPIC_DEFAULT_MAX_TOKENS",
    "Effort",
    "RequestSettings",
    "anthropic_max_tokens",
    "chat_params",
    "messages_params",
    "needs_max_completion_tokens",
    "responses_params",
]

Effort = Literal["none", "minimal", "low", "medium", "high"]

# OpenAI reasoning families: o1, o3, o4-mini, gpt-5, gpt-5-mini, gpt-5.1, ... (with any provider prefix).
_REASONING: Final = re.compile(r"(?:^|/)(?:o\d(?:$|[-.])|gpt-5(?:$|[-.]))", re.IGNORECASE)

# Documented output limits per Claude family, most specific first; the last row is the fallback
# for names we do not know (the smallest limit of any current Claude model, so it is always accepted).
_ANTHROPIC_LIMITS: Final[tuple[tuple[str, int], ...]] = (
    ("claude-opus-4-5", 64_000), ("claude-opus-4-1", 32_000), ("claude-opus-4", 32_000),
    ("claude-sonnet-4", 64_000), ("claude-haiku-4", 64_000), ("claude-3-7-sonnet", 64_000),
    ("claude-3-5-sonnet", 8_192), ("claude-3-5-haiku", 8_192), ("claude-3-opus", 4_096), ("claude-3-haiku", 4_096),
)
ANTHROPIC_DEFAULT_MAX_TOKENS: Final = 4_096


def needs_max_completion_tokens(model: str) -> bool:
    """Whether ``model`` is a known OpenAI reasoning model (which rejects ``max_tokens``)."""
    return _REASONING.search(model) is not None


def anthropic_max_tokens(model: str) -> int:
    """The documented output limit of ``model``'s Claude family (4,096 for names not known)."""
    name = model.lower()
    for family, limit in _ANTHROPIC_LIMITS:
        if family in name:
            return limit
    return ANTHROPIC_DEFAULT_MAX_TOKENS


@dataclass(frozen=True, slots=True)
class RequestSettings:
    """A chain entry's per-request settings (None or empty: not sent, the provider's default holds)."""

    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    reasoning_effort: Effort | None = None
    thinking_budget: int | None = None
    stop: tuple[str, ...] = ()
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    extra_body: Mapping[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        from ._secret_headers import masked_headers  # a key may be configured as a header

        shown = {**{f: getattr(self, f) for f in self.__slots__}, "extra_headers": masked_headers(self.extra_headers)}
        return f"RequestSettings({', '.join(f'{k}={v!r}' for k, v in shown.items())})"


def _common(s: RequestSettings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if s.temperature is not None:
        out["temperature"] = s.temperature
    if s.top_p is not None:
        out["top_p"] = s.top_p
    if s.extra_body:
        out["extra_body"] = dict(s.extra_body)
    if s.extra_headers:
        out["extra_headers"] = dict(s.extra_headers)
    return out


def chat_params(s: RequestSettings, model: str, *, completion_tokens: bool = False) -> dict[str, Any]:
    """Chat Completions keywords; ``completion_tokens``: the provider said max_tokens is unsupported."""
    out = _common(s)
    if s.max_tokens is not None:
        name = "max_completion_tokens" if completion_tokens or needs_max_completion_tokens(model) else "max_tokens"
        out[name] = s.max_tokens
    if s.reasoning_effort is not None:
        out["reasoning_effort"] = s.reasoning_effort
    if s.stop:
        out["stop"] = list(s.stop)
    return out


def responses_params(s: RequestSettings) -> dict[str, Any]:
    """Responses keywords."""
    out = _common(s)
    if s.max_tokens is not None:
        out["max_output_tokens"] = s.max_tokens
    if s.reasoning_effort is not None:
        out["reasoning"] = {"effort": s.reasoning_effort}
    return out


def messages_params(s: RequestSettings, model: str) -> dict[str, Any]:
    """Anthropic Messages keywords (``max_tokens`` always: the API requires it).

    The anthropic SDK (2.x) has no ``temperature``/``top_p`` keywords; the API still reads them
    from the body, so they travel in ``extra_body``.
    """
    out = _common(RequestSettings(extra_headers=s.extra_headers))
    sampling = {"temperature": s.temperature, "top_p": s.top_p}
    body = {**{k: v for k, v in sampling.items() if v is not None}, **s.extra_body}
    if body:
        out["extra_body"] = body
    out["max_tokens"] = s.max_tokens if s.max_tokens is not None else anthropic_max_tokens(model)
    if s.thinking_budget is not None:
        out["thinking"] = {"type": "enabled", "budget_tokens": s.thinking_budget}
    if s.stop:
        out["stop_sequences"] = list(s.stop)
    return out
