"""The model chain's entries: which API, which model, which pool pays, in fallback order.

Kept apart from the loop so that reading a configuration (``steadyloop pool list``) needs
neither the loop nor any SDK.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Api", "ChainEntry"]

Api = Literal["openai-chat", "openai-responses", "anthropic-messages"]


class ChainEntry(BaseModel):
    """One model of the ordered fallback chain, with the pool that pays for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    api: Api
    model: str
    pool: str = Field(description="name of the credential pool of this provider")
    provider: str = Field("", description="shown to users (default: from the api)")
    base_url: str | None = None
    max_tokens: int = Field(1024, ge=1)
    timeout: float = Field(60.0, gt=0, description="seconds per upstream call")
    context_window: int | None = Field(None, ge=1, description="tokens; guides compression and fallback")
    betas: tuple[str, ...] = ()

    @property
    def provider_name(self) -> str:
        return self.provider or ("Anthropic" if self.api == "anthropic-messages" else "OpenAI")
