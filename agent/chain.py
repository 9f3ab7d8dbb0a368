"""The model chain's entries: which API, which model, which pool pays, in fallback order.

Kept apart from the loop so that reading a configuration (``steadyloop pool list``) needs
neither the loop nor any SDK.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ._params import Effort, RequestSettings, anthropic_max_tokens
from ._secret_headers import masked_headers, register_headers
from .platforms.extras import Platform

__all__ = ["MAX_CALL_SECONDS", "Api", "CallTimeouts", "ChainEntry", "ClientOptions", "Platform", "check_base_url",
           "starting_at"]

MAX_CALL_SECONDS: Final = 86_400.0  # no call timeout is longer than a day (the longest deadline); NaN and inf fail it


def check_base_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) URL with a host; raises ValueError naming the fix otherwise (quoting the URL
    without its user-info, query and fragment, where a password or a key may be)."""
    if value is None:
        return None
    shown = repr(_without_secrets(value))
    try:
        parts = urlsplit(value)
        port = parts.port  # parses the port: "host:abc" raises here
    except ValueError as err:
        problem = str(err).replace(value, shown)
        raise ValueError(f"{shown} is not a valid URL ({problem}); write it like https://api.example.com/v1") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"{shown}: the scheme must be http or https (got {parts.scheme or 'none'!r}); write it "
                         "like https://api.example.com/v1")
    if not parts.hostname or any(c.isspace() for c in value) or (port is not None and not 0 < port < 65536):
        raise ValueError(f"{shown} has no valid host; write it like https://api.example.com/v1")
    return value


def _without_secrets(url: str) -> str:
    """``url`` without its query and fragment, and without the user-info before its host (``user:password@``)."""
    for mark in ("?", "#"):
        url = url.split(mark, 1)[0]
    scheme, sep, rest = url.partition("://") if "://" in url else ("", "", url)
    host_end = rest.find("/") if "/" in rest else len(rest)
    at = rest.rfind("@", 0, host_end)
    return f"{scheme}{sep}{rest[at + 1:] if at >= 0 else rest}"

Api = Literal["openai-chat", "openai-responses", "anthropic-messages"]
_PLATFORM_NAMES: dict[str, str] = {"azure": "Azure OpenAI", "bedrock": "AWS Bedrock", "vertex": "Google Vertex AI"}


@dataclass(frozen=True, slots=True)
class CallTimeouts:
    """One call's limits per phase, in seconds (the adapter hands them to the HTTP library)."""

    connect: float
    first_byte: float  # to the first byte of the answer: the response headers
    idle: float  # streams: silence allowed between chunks once the body has begun
    write: float  # sending the request; also the bound of every phase


@dataclass(frozen=True, slots=True)
class ClientOptions:
    """Per-client settings beyond key, URL and timeout."""

    organization: str | None = None
    project: str | None = None
    default_headers: tuple[tuple[str, str], ...] = ()
    platform: Platform | None = None
    api_version: str | None = None  # azure
    region: str | None = None  # bedrock, vertex
    project_id: str | None = None  # vertex

    def __repr__(self) -> str:
        shown = {**{f: getattr(self, f) for f in self.__slots__}, "default_headers": tuple(
            masked_headers(dict(self.default_headers)).items())}  # a key may be configured as a header
        return f"ClientOptions({', '.join(f'{k}={v!r}' for k, v in shown.items())})"


class ChainEntry(BaseModel):
    """One model of the ordered fallback chain, with the pool that pays for it."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    api: Api = Field(description="the wire protocol; openai-chat also serves OpenAI-compatible servers")
    model: str = Field(description="the provider's model name, sent as is")
    pool: str = Field(description="name of the credential pool of this provider")
    provider: str = Field("", description="shown to users (default: from the api)")
    base_url: str | None = Field(None, description="the endpoint (default: the SDK's, or $OPENAI_BASE_URL / "
                                  "$ANTHROPIC_BASE_URL)")
    max_tokens: int | None = Field(
        None, ge=1, description="output limit; unset: the provider's own (Anthropic, which requires one: the "
                                "model family's documented limit)")
    temperature: float | None = Field(None, ge=0, le=2, description="sampling temperature (unset: the provider's)")
    top_p: float | None = Field(None, gt=0, le=1, description="nucleus sampling (unset: the provider's)")
    reasoning_effort: Effort | None = Field(None, description="OpenAI reasoning models: none .. high")
    thinking_budget: int | None = Field(None, ge=1024, description="Anthropic extended thinking: budget_tokens")
    stop: tuple[str, ...] = Field((), max_length=4, description="stop sequences (Chat: stop, Anthropic: "
                                                                  "stop_sequences)")
    extra_headers: dict[str, str] = Field(default_factory=dict, description="headers added to every request")
    extra_body: dict[str, Any] = Field(default_factory=dict, description="fields merged into every request body")
    organization: str | None = Field(None, description="OpenAI organization id (OpenAI-Organization header)")
    project: str | None = Field(None, description="OpenAI project id (OpenAI-Project header)")
    default_headers: dict[str, str] = Field(
        default_factory=dict, description="headers of the client, e.g. OpenRouter's HTTP-Referer and X-Title")
    timeout: float = Field(60.0, gt=0, le=MAX_CALL_SECONDS, description="seconds: upper bound of every phase of a call")
    connect_timeout: float = Field(10.0, gt=0, le=MAX_CALL_SECONDS, description="seconds to open the connection")
    first_token_timeout: float = Field(
        30.0, gt=0, le=MAX_CALL_SECONDS, description="seconds to the first byte of the answer (streamed or not)")
    idle_timeout: float = Field(30.0, gt=0, le=MAX_CALL_SECONDS,
                                description="seconds of silence allowed between streamed chunks")
    context_window: int | None = Field(None, ge=1, description="tokens; guides compression and fallback")
    betas: tuple[str, ...] = Field((), description="anthropic-beta header values to send")
    platform: Platform | None = Field(
        None, description="azure (Azure OpenAI: openai-chat/openai-responses, model = deployment name), bedrock (AWS) "
                          "or vertex (Google Cloud), both anthropic-messages; unset: the maker's own API")
    api_version: str | None = Field(None, pattern=r"^(\d{4}-\d{2}-\d{2}(-preview)?|v1|latest|preview)$",
                                    description="azure: the api-version query parameter, e.g. 2024-10-21")
    region: str | None = Field(None, min_length=1, description="bedrock: the AWS region (us-east-1); vertex: the "
                                                               "Google Cloud region (us-east5, global)")
    project_id: str | None = Field(None, min_length=1, description="vertex: the Google Cloud project id")

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        return check_base_url(value)

    @model_validator(mode="after")
    def _header_keys_are_secrets(self) -> ChainEntry:
        """A key configured as a header (a proxy's x-api-key, a gateway's Authorization) is redacted like a pool's."""
        register_headers([*self.extra_headers.items(), *self.default_headers.items()])
        return self

    def __repr_args__(self) -> Any:
        for name, value in super().__repr_args__():
            yield name, masked_headers(value) if name in ("extra_headers", "default_headers") else value

    @model_validator(mode="after")
    def _settings_fit_the_api(self) -> ChainEntry:
        anthropic = self.api == "anthropic-messages"
        if self.reasoning_effort is not None and anthropic:
            raise ValueError("reasoning_effort is for the OpenAI APIs; for anthropic-messages set thinking_budget")
        if self.thinking_budget is not None and not anthropic:
            raise ValueError(f"thinking_budget is for anthropic-messages; for {self.api} set reasoning_effort")
        if self.stop and self.api == "openai-responses":
            raise ValueError("stop: the Responses API has no stop sequences; remove stop or use openai-chat")
        if anthropic and (self.organization or self.project):
            raise ValueError("organization and project are OpenAI settings; remove them from this "
                             "anthropic-messages entry")
        self._platform_fits()
        limit = self.max_tokens or anthropic_max_tokens(self.model)
        if anthropic and self.thinking_budget is not None and self.thinking_budget >= limit:
            raise ValueError(f"thinking_budget {self.thinking_budget} must be below max_tokens {limit}; raise "
                             "max_tokens or lower thinking_budget")
        return self

    def _platform_fits(self) -> None:
        """Each platform's own settings are given with it, and only with it."""
        wanted = {"azure": ("openai-chat", "openai-responses")}.get(self.platform or "", ("anthropic-messages",))
        if self.platform is not None and self.api not in wanted:
            raise ValueError(f"platform {self.platform!r} serves {' and '.join(wanted)}, not {self.api}; change api")
        need = {"azure": ("api_version", "base_url"), "bedrock": ("region",), "vertex": ("region", "project_id")}
        hint = {"api_version": "api_version = \"2024-10-21\"", "base_url": "base_url = \"https://NAME.openai.azure."
                "com\" (your resource endpoint)", "region": "region = \"${AWS_REGION}\" or a region name",
                "project_id": "project_id = \"my-project\""}
        for name in need.get(self.platform or "", ()):
            if getattr(self, name) is None:
                raise ValueError(f"platform {self.platform!r} needs {name}: set {hint[name]}")
        for name, owners in (("api_version", ("azure",)), ("region", ("bedrock", "vertex")),
                             ("project_id", ("vertex",))):
            if getattr(self, name) is not None and self.platform not in owners:
                raise ValueError(f"{name} is a setting of platform {' or '.join(owners)}; set platform or remove "
                                 f"{name}")

    def settings(self) -> RequestSettings:
        """What every request to this entry carries besides the conversation."""
        return RequestSettings(self.max_tokens, self.temperature, self.top_p, self.reasoning_effort,
                               self.thinking_budget, self.stop, self.extra_headers, self.extra_body)

    def client_options(self) -> ClientOptions:
        """Settings of the SDK client itself (part of the client cache's key)."""
        return ClientOptions(self.organization, self.project, tuple(sorted(self.default_headers.items())),
                             self.platform, self.api_version, self.region, self.project_id)

    @property
    def provider_name(self) -> str:
        if self.provider:
            return self.provider
        if self.platform is not None:
            return _PLATFORM_NAMES[self.platform]
        return "Anthropic" if self.api == "anthropic-messages" else "OpenAI"

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
