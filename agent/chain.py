"""The model chain's entries: which API, which model, which pool pays, in fallback order.

Kept apart from the loop so that reading a configuration (``steadyloop pool list``) needs
neither the loop nor any SDK.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["Api", "CallTimeouts", "ChainEntry", "check_base_url", "starting_at"]


def check_base_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) URL with a host; raises ValueError naming the fix otherwise."""
    if value is None:
        return None
    try:
        parts = urlsplit(value)
        port = parts.port  # parses the port: "host:abc" raises here
    except ValueError as err:
        raise ValueError(f"{value!r} is not a valid URL ({err}); write it like https://api.example.com/v1") from err
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"{value!r}: the scheme must be http or https (got {parts.scheme or 'none'!r}); write it "
                         "like https://api.example.com/v1")
    if not parts.hostname or any(c.isspace() for c in value) or (port is not None and not 0 < port < 65536):
        raise ValueError(f"{value!r} has no valid host; write it like https://api.example.com/v1")
    return value

Api = Literal["openai-chat", "openai-responses", "anthropic-messages"]


@dataclass(frozen=True, slots=True)
class CallTimeouts:
    """One call's limits per phase, in seconds (the adapter hands them to the HTTP library)."""

    connect: float
    first_byte: float  # to the first byte of the answer: the response headers
    idle: float  # streams: silence allowed between chunks once the body has begun
    write: float  # sending the request; also the bound of every phase


class ChainEntry(BaseModel):
    """One model of the ordered fallback chain, with the pool that pays for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    api: Api
    model: str
    pool: str = Field(description="name of the credential pool of this provider")
    provider: str = Field("", description="shown to users (default: from the api)")
    base_url: str | None = None
    max_tokens: int = Field(1024, ge=1)
    timeout: float = Field(60.0, gt=0, description="seconds: upper bound of every phase of a call")
    connect_timeout: float = Field(10.0, gt=0, description="seconds to open the connection")
    first_token_timeout: float = Field(
        30.0, gt=0, description="seconds to the first byte of the answer (streamed or not)")
    idle_timeout: float = Field(30.0, gt=0, description="seconds of silence allowed between streamed chunks")
    context_window: int | None = Field(None, ge=1, description="tokens; guides compression and fallback")
    betas: tuple[str, ...] = ()

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        return check_base_url(value)

    @property
    def provider_name(self) -> str:
        return self.provider or ("Anthropic" if self.api == "anthropic-messages" else "OpenAI")

    def call_timeouts(self, cap: float) -> CallTimeouts:
        """Per-phase limits of one call, none longer than ``cap`` (what the deadline allows)."""
        top = max(0.05, min(self.timeout, cap))
        return CallTimeouts(min(top, self.connect_timeout), min(top, self.first_token_timeout),
                            min(top, self.idle_timeout), top)


def starting_at(chain: Sequence[ChainEntry], model: str) -> tuple[ChainEntry, ...]:
    """The chain rotated to start at the entry for ``model``; the others follow in their order, wrapping.

    Raises ValueError naming the configured models when no entry has that model.
    """
    names = [entry.model for entry in chain]
    if model not in names:
        raise ValueError(f"--model {model}: no chain entry has that model; configured: {', '.join(names)}")
    i = names.index(model)
    return tuple(chain[i:]) + tuple(chain[:i])
