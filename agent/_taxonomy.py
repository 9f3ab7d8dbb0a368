"""The failure taxonomy: reasons, scopes, actions, and one policy row per reason.

Every boolean hint a caller may read (``retryable``, ``should_rotate_credential``,
``should_fallback``, ``should_compress``) is derived from the single row in
``REASON_POLICY`` for the reason, so two hints can never contradict each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = ["REASON_POLICY", "Action", "FailoverReason", "ReasonPolicy", "Scope"]


class FailoverReason(enum.StrEnum):
    """Why an upstream call failed; each value has exactly one row in ``REASON_POLICY``."""

    auth = "auth"
    auth_permanent = "auth_permanent"
    billing = "billing"
    rate_limit = "rate_limit"
    overloaded = "overloaded"
    server_error = "server_error"
    timeout = "timeout"
    transient = "transient"
    context_overflow = "context_overflow"
    payload_too_large = "payload_too_large"
    image_too_large = "image_too_large"
    model_not_found = "model_not_found"
    provider_policy_blocked = "provider_policy_blocked"
    content_policy_blocked = "content_policy_blocked"
    format_error = "format_error"
    invalid_encrypted_content = "invalid_encrypted_content"
    multimodal_tool_content_unsupported = "multimodal_tool_content_unsupported"
    thinking_signature = "thinking_signature"
    prefill_unsupported = "prefill_unsupported"
    long_context_tier = "long_context_tier"
    oauth_long_context_beta_forbidden = "oauth_long_context_beta_forbidden"
    llama_cpp_grammar_pattern = "llama_cpp_grammar_pattern"
    max_tokens_unsupported = "max_tokens_unsupported"  # OpenAI reasoning models: send max_completion_tokens
    empty_response = "empty_response"
    stream_incomplete = "stream_incomplete"
    malformed_response = "malformed_response"
    output_truncated = "output_truncated"
    tls_untrusted = "tls_untrusted"  # the endpoint's TLS certificate failed verification: a local trust or proxy setup
    unknown = "unknown"


class Scope(enum.StrEnum):
    """What the failure says is broken, which decides whose state changes."""

    request = "request"  # this request only; no credential or endpoint state changes
    credential = "credential"  # this key, for every model it serves
    credential_model = "credential_model"  # this key with this concrete model only
    endpoint = "endpoint"  # the provider endpoint, whatever key is used


class Action(enum.StrEnum):
    """The first recovery step the failure calls for."""

    repair = "repair"  # fix the request (strip a header, a block, a schema keyword) and resend once
    rotate = "rotate"  # cool this credential and resend at once with another one
    retry = "retry"  # wait (the provider's hint, or backoff) and resend to the same target
    compress = "compress"  # shrink the conversation and resend
    fallback = "fallback"  # move to the next model in the chain
    stop = "stop"  # nothing automatic will help; tell the user


@dataclass(frozen=True, slots=True)
class ReasonPolicy:
    """Everything a reason implies, in one row."""

    scope: Scope
    action: Action
    retryable: bool  # the same request can succeed later on the same target (after repair/wait)
    fallback: bool  # another model of the chain may succeed: the ladder falls back once this row's own step is spent
    advise_fallback: bool | None = None  # the ``should_fallback`` hint, when it differs from ``fallback``

    @property
    def should_fallback(self) -> bool:
        """The hint for callers: move to another model now. Not when compressing may fix the request, nor for
        an unrecognised failure (retry it with backoff first); the ladder may still fall back later."""
        return self.fallback if self.advise_fallback is None else self.advise_fallback


_R = FailoverReason
_S = Scope
_A = Action

REASON_POLICY: Final = MappingProxyType(
    {
        _R.auth: ReasonPolicy(_S.credential, _A.rotate, False, True),
        _R.auth_permanent: ReasonPolicy(_S.credential, _A.rotate, False, True),
        _R.billing: ReasonPolicy(_S.credential, _A.rotate, False, True),
        _R.rate_limit: ReasonPolicy(_S.credential, _A.rotate, True, True),
        _R.overloaded: ReasonPolicy(_S.endpoint, _A.retry, True, True),
        _R.server_error: ReasonPolicy(_S.endpoint, _A.retry, True, True),
        _R.timeout: ReasonPolicy(_S.endpoint, _A.retry, True, True),
        # Out of retries, a transient upstream fault is provider trouble: another model may answer.
        _R.transient: ReasonPolicy(_S.request, _A.retry, True, True),
        _R.context_overflow: ReasonPolicy(_S.request, _A.compress, True, True, advise_fallback=False),
        _R.payload_too_large: ReasonPolicy(_S.request, _A.compress, True, True, advise_fallback=False),
        _R.image_too_large: ReasonPolicy(_S.request, _A.repair, True, False),
        _R.model_not_found: ReasonPolicy(_S.credential_model, _A.fallback, False, True),
        _R.provider_policy_blocked: ReasonPolicy(_S.credential, _A.fallback, False, True),
        _R.content_policy_blocked: ReasonPolicy(_S.request, _A.fallback, False, True),
        _R.format_error: ReasonPolicy(_S.request, _A.fallback, False, True),
        _R.invalid_encrypted_content: ReasonPolicy(_S.request, _A.repair, True, False),
        _R.multimodal_tool_content_unsupported: ReasonPolicy(_S.request, _A.repair, True, False),
        _R.thinking_signature: ReasonPolicy(_S.request, _A.repair, True, False),
        _R.prefill_unsupported: ReasonPolicy(_S.request, _A.repair, True, True),  # model refuses an assistant prefill
        _R.long_context_tier: ReasonPolicy(_S.request, _A.compress, True, True, advise_fallback=False),
        _R.oauth_long_context_beta_forbidden: ReasonPolicy(_S.request, _A.repair, True, False),
        _R.llama_cpp_grammar_pattern: ReasonPolicy(_S.request, _A.repair, True, False),
        _R.max_tokens_unsupported: ReasonPolicy(_S.request, _A.repair, True, True),
        _R.empty_response: ReasonPolicy(_S.endpoint, _A.retry, True, True),
        _R.stream_incomplete: ReasonPolicy(_S.endpoint, _A.retry, True, True),  # cut: no terminal event
        _R.malformed_response: ReasonPolicy(_S.endpoint, _A.retry, True, True),  # a 200 body or chunk of garbage
        _R.output_truncated: ReasonPolicy(_S.request, _A.stop, False, False),
        # No retry or other key fixes a trust store or an intercepting proxy; another endpoint may be trusted.
        _R.tls_untrusted: ReasonPolicy(_S.endpoint, _A.fallback, False, True),
        _R.unknown: ReasonPolicy(_S.endpoint, _A.retry, True, True, advise_fallback=False),
    }
)
