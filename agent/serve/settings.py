"""The gateway's configuration: ``[routes.NAME]`` and ``[serve]`` (pydantic only: no web stack).

::

    [routes.claude-sonnet]               # the model name clients send
    chain = ["claude-sonnet-4-5", "claude-haiku-4-5"]   # [[chain]] entries, by model, in order
    # pass_through_key = false           # true: send the client's own key upstream (no pool)

    [serve]
    host = "127.0.0.1"                   # another address needs client keys ([[serve.keys]])
    port = 8788
    [[serve.keys]]
    id = "laptop"
    hash = "sha256:..."                  # steadyloop serve --hash-key
    models = ["claude-sonnet"]           # routes this key may use (none listed: every route)
    [serve.management]
    key_hash = "sha256:..."              # /v0/*: a separate key; unset: loopback clients only
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["ClientKey", "ManagementConfig", "RouteConfig", "ServeConfig"]

_HASH = re.compile(r"sha256:[0-9a-f]{64}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_hash(value: str) -> str:
    if not _HASH.fullmatch(value):
        raise ValueError("must be sha256: followed by 64 hex digits; print one with `steadyloop serve --hash-key`")
    return value


class RouteConfig(_Strict):
    """A model name clients may send, and the chain entries that serve it."""

    chain: tuple[str, ...] = Field(..., min_length=1, description="[[chain]] entries by model, tried in this "
                                   "order; each endpoint uses the ones of its own wire format")
    pass_through_key: bool = Field(False, description="send the client's own key upstream instead of the "
                                   "pool's (clients then authenticate to steadyloop with x-steadyloop-key)")


class ClientKey(_Strict):
    """One client key, stored as its hash."""

    id: str = Field(..., min_length=1, description="a label shown in logs")
    hash: str = Field(..., description="sha256:HEX of the key (steadyloop serve --hash-key)")
    models: tuple[str, ...] = Field((), description="routes this key may use (none listed: every route)")

    @field_validator("hash")
    @classmethod
    def _hash(cls, value: str) -> str:
        return _check_hash(value)


class ManagementConfig(_Strict):
    """``/v0/*`` (status, reset) and ``/metrics``: a separate key, loopback by default."""

    key_hash: str | None = Field(None, description="sha256:HEX of the management key (unset: loopback only)")

    @field_validator("key_hash")
    @classmethod
    def _key_hash(cls, value: str | None) -> str | None:
        return None if value is None else _check_hash(value)


class ServeConfig(_Strict):
    """``steadyloop serve``: where it listens, who may call it."""

    host: str = Field("127.0.0.1", description="listen address; anything but loopback needs [[serve.keys]]")
    port: int = Field(8788, ge=0, le=65535, description="listen port (0: any free port)")
    keys: tuple[ClientKey, ...] = Field((), description="client keys (none: loopback clients only, no key)")
    management: ManagementConfig = ManagementConfig()
    keep_alive_seconds: float = Field(5.0, ge=0.1, le=300, description="a held stream sends an SSE comment after "
                                      "this much silence (at least 0.1: shorter would flood the client)")
    max_body_bytes: int = Field(32 * 1024 * 1024, ge=1024, description="largest request body accepted (bytes); "
                                "larger ones get 413")
    responses_ttl_seconds: float = Field(30 * 86400, ge=60, le=366 * 86400, description="how long the key "
                                         "that created a stored Responses answer is remembered, so that "
                                         "previous_response_id and GET/DELETE /v1/responses/{id} reach it (OpenAI "
                                         "keeps a stored response 30 days)")
    idle_timeout_seconds: int = Field(120, ge=1, le=3600, description="an idle client connection is closed "
                                      "after this long: longer than clients' own pools keep one (the SDKs' httpx "
                                      "5 s, Node 4 s, aiohttp 15 s, Go and reqwest 90 s), so no client sends on a "
                                      "connection the gateway is closing (a ReadError in the client)")
