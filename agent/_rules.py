"""The ordered rule table that turns facts into a reason.

The first rule whose predicate holds decides; table order is priority. Structured signals
come first (codes, then ``x-should-retry``), then statuses refined by narrow phrases, then
phrases alone for status-less errors, then transport kinds, and finally ``unknown``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ._facts import ErrorFacts, ExcKind
from ._phrases import has
from ._taxonomy import FailoverReason, Scope

__all__ = ["RULES", "Rule", "first_match"]

Predicate = Callable[[ErrorFacts], bool]
R = FailoverReason


@dataclass(frozen=True, slots=True)
class Rule:
    """One line of the table: a name, when it applies, and what it decides."""

    name: str
    reason: FailoverReason
    when: Predicate
    scope: Scope | None = None  # None: the reason's default scope


# --------------------------------------------------------------- predicate builders


def status(*codes: int | None) -> Predicate:
    wanted = frozenset(codes)
    return lambda f: f.status in wanted


def status_between(low: int, high: int) -> Predicate:
    return lambda f: f.status is not None and low <= f.status <= high


def code(*names: str) -> Predicate:
    wanted = frozenset(names)
    return lambda f: not wanted.isdisjoint(f.codes)


def phrase(tag: str) -> Predicate:
    return lambda f: has(f, tag)


def kind(*kinds: ExcKind) -> Predicate:
    wanted = frozenset(kinds)
    return lambda f: f.kind in wanted


def all_of(*preds: Predicate) -> Predicate:
    return lambda f: all(p(f) for p in preds)


def any_of(*preds: Predicate) -> Predicate:
    return lambda f: any(p(f) for p in preds)


def not_(pred: Predicate) -> Predicate:
    return lambda f: not pred(f)


def server_says_retry(f: ErrorFacts) -> bool:
    return f.server_retry is True


def _large_session(f: ErrorFacts, share: float, tokens: int, messages: int) -> bool:
    if f.approx_tokens > f.context_length * share:
        return True
    return f.context_length <= 256_000 and (f.approx_tokens > tokens or f.num_messages > messages)


def generic_400_in_large_session(f: ErrorFacts) -> bool:
    """Anthropic sometimes answers an oversized prompt with a bare 400 "Error"."""
    short = len(f.message.strip()) < 30 or f.message.strip().lower() == "error"
    return short and _large_session(f, 0.4, 80_000, 80)


def disconnect_in_large_session(f: ErrorFacts) -> bool:
    """Some gateways drop the connection instead of answering an oversized request."""
    return has(f, "disconnect") and _large_session(f, 0.6, 120_000, 200)


# --------------------------------------------------------------- the table

_NO_STATUS_OR = (None,)
_REQUEST_STATUSES = (400, 413, 422, *_NO_STATUS_OR)
_PHRASE_STATUSES = (400, 402, 403, 404, 422, 429, *_NO_STATUS_OR)

RULES: Final[tuple[Rule, ...]] = (
    # Per-prompt safety decisions: deterministic, so first (seed 003).
    Rule("content_policy_code", R.content_policy_blocked, code(
        "content_filter", "content_policy_violation", "responsibleaipolicyviolation", "invalid_prompt",
        "bio_policy", "image_content_policy_violation", "misalignment_policy_violation")),
    Rule("content_policy_phrase", R.content_policy_blocked, phrase("content_policy")),
    # Provider-specific request repairs and tiers.
    Rule("anthropic_long_context_tier", R.long_context_tier, all_of(status(429), phrase("long_context_tier"))),
    Rule("anthropic_out_of_extra_usage", R.billing, phrase("extra_usage_exhausted")),  # seed 000
    Rule("anthropic_thinking_signature", R.thinking_signature,
         all_of(status(400, None), phrase("thinking_signature"))),
    Rule("anthropic_long_context_beta", R.oauth_long_context_beta_forbidden,
         all_of(status(400), phrase("long_context_beta"))),
    Rule("llama_cpp_grammar", R.llama_cpp_grammar_pattern, all_of(status(400, 500), phrase("llama_grammar"))),
    Rule("invalid_encrypted_content", R.invalid_encrypted_content,
         any_of(code("invalid_encrypted_content"), phrase("encrypted_content"))),
    Rule("multimodal_tool_content", R.multimodal_tool_content_unsupported,
         all_of(status(*_REQUEST_STATUSES), phrase("multimodal_tool"))),
    Rule("image_too_large_code", R.image_too_large,
         code("image_too_large", "image_dimensions_too_large", "image_file_too_large")),
    Rule("image_too_large_phrase", R.image_too_large, all_of(status(*_REQUEST_STATUSES), phrase("image_too_large"))),
    # Structured codes beat statuses and phrases.
    Rule("billing_code", R.billing, code(
        "insufficient_quota", "billing_not_active", "billing_error", "payment_required", "insufficient_credits",
        "no_usable_credits", "balance_depleted", "billing_hard_limit_reached", "enforced_spend_limit_reached",
        "contract_spend_limit_reached", "linked_organization_spend_limit_reached",
        "linked_organization_billing_unavailable", "organization_on_hold")),
    Rule("rate_limit_code", R.rate_limit, code(
        "rate_limit_exceeded", "rate_limit_error", "resource_exhausted", "throttled", "throttlingexception",
        "too_many_requests", "ramp_limit_exceeded", "servicequotaexceededexception", "ratelimited")),
    Rule("context_overflow_code", R.context_overflow, code("context_length_exceeded", "max_model_len_exceeded")),
    Rule("payload_too_large_code", R.payload_too_large,
         code("string_above_max_length", "request_too_large", "request_body_too_large_after_decoding")),
    Rule("model_support_code", R.model_not_found,
         code("model_not_supported", "unsupported_model", "model_not_supported_on_free_tier", "model_not_available")),
    Rule("model_not_found_code", R.model_not_found, code("model_not_found", "invalid_model", "model_decommissioned")),
    Rule("auth_permanent_code", R.auth_permanent,
         code("invalid_api_key", "account_deactivated", "api_key_invalid", "invalid_grant")),
    Rule("overloaded_code", R.overloaded, code("overloaded_error", "overloaded", "unavailable")),
    Rule("timeout_code", R.timeout, code("vector_store_timeout", "timeout_error", "deadline_exceeded")),
    # Seed 002: this key cannot use this model; fall back, suspend key+model only.
    Rule("model_support_phrase", R.model_not_found,
         all_of(status(400, 403, 404, 422, None), phrase("model_support"))),
    Rule("openrouter_privacy_guardrail", R.provider_policy_blocked, phrase("provider_policy")),
    Rule("context_overflow_phrase", R.context_overflow,
         all_of(status(400, 413, 422, 500, None), phrase("context_overflow"))),
    Rule("payload_too_large", R.payload_too_large,
         any_of(status(413), all_of(status(*_REQUEST_STATUSES), phrase("payload_too_large")))),
    # Billing before rate limit (seed 004); a usage limit that says it resets is a rate limit.
    Rule("usage_limit_resets", R.rate_limit,
         all_of(status(402, 403, 429), phrase("usage_limit"), phrase("usage_transient"))),
    Rule("billing_phrase", R.billing, all_of(status(*_PHRASE_STATUSES), phrase("billing"))),
    Rule("usage_limit", R.billing, all_of(status(400, 402, 403, None), phrase("usage_limit"))),
    Rule("rate_limit_phrase", R.rate_limit, all_of(status(*_PHRASE_STATUSES, 503), phrase("rate_limit"))),
    # A generic code ("server_error" on a Codex soft failure) only after the quota phrases (seed 004).
    Rule("server_error_code", R.server_error,
         all_of(status(None, 500), code("server_error", "api_error", "internal_error", "internal"))),
    # Seed 001: an upstream 400 that is its own hiccup; retry soon on the same target.
    Rule("transient_upstream_400", R.transient,
         all_of(status(400, 422, None), phrase("transient"), not_(phrase("request_defect")))),
    Rule("server_says_retry", R.transient,
         all_of(status(400, 404, 408, 409, 422), server_says_retry, not_(phrase("request_defect")))),
    Rule("auth_permanent_phrase", R.auth_permanent,
         all_of(status(400, 401, 403, None), phrase("auth_permanent"))),
    # Statuses.
    Rule("status_401", R.auth, status(401)),
    Rule("status_403", R.auth, status(403)),
    Rule("status_402", R.billing, status(402)),
    Rule("status_404_model", R.model_not_found,
         all_of(status(404), any_of(phrase("model_missing"), phrase("mentions_model")))),
    Rule("model_not_found_phrase", R.model_not_found, all_of(status(400, 422, None), phrase("model_missing"))),
    Rule("status_404", R.unknown, status(404)),
    Rule("status_408", R.timeout, status(408)),
    Rule("status_409", R.transient, status(409)),
    Rule("status_429", R.rate_limit, status(429)),
    Rule("generic_400_large_session", R.context_overflow, all_of(status(400), generic_400_in_large_session)),
    Rule("request_defect_as_5xx", R.format_error, all_of(status_between(500, 599), phrase("request_defect"))),
    Rule("status_503_529", R.overloaded, status(503, 529)),
    Rule("status_504", R.timeout, status(504)),
    Rule("status_4xx", R.format_error, status_between(400, 499)),
    Rule("status_5xx", R.server_error, status_between(500, 599)),
    # No status: transport kinds and phrases.
    Rule("ssl_transient", R.timeout, phrase("ssl")),
    Rule("disconnect_large_session", R.context_overflow, disconnect_in_large_session),
    Rule("transport_timeout", R.timeout, kind(ExcKind.timeout)),
    Rule("transport_connection", R.timeout, kind(ExcKind.connection)),
    Rule("disconnect_phrase", R.timeout, phrase("disconnect")),
    Rule("timeout_phrase", R.timeout, phrase("timeout")),
    Rule("auth_phrase", R.auth, phrase("auth")),
    Rule("unknown", R.unknown, lambda f: True),
)


def first_match(facts: ErrorFacts) -> Rule:
    """The first rule of ``RULES`` that holds for ``facts`` (the last rule always holds)."""
    for rule in RULES:
        if rule.when(facts):
            return rule
    return RULES[-1]
