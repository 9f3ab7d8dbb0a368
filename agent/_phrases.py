"""Narrow provider phrasings, compiled once, looked up lazily by tag.

Phrases are the last resort: structured codes and statuses decide first. Each list holds
verbatim fragments of real provider messages; none is a lone generic word like "policy" or
"max_tokens" that would collide with unrelated errors (the near-miss tests pin this).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from ._facts import ErrorFacts

__all__ = ["PHRASES", "has"]


def _literal(*phrases: str) -> str:
    return "|".join(re.escape(p) for p in phrases)


_RAW: Final[dict[str, str]] = {
    # Per-prompt safety decisions (seed 003). "content_filter" with the underscore is the
    # OpenAI/Azure token; the spaced "content filter" appears in benign text and is excluded.
    "content_policy": _literal(
        "flagged for possible cybersecurity risk",
        "trusted access for cyber",
        "violates our usage policies",
        "violates openai's usage policies",
        "violating our usage policy",
        "your request was flagged by",
        "prompt was flagged by our safety",
        "responses cannot be generated due to safety",
        "output blocked by content filtering policy",
        "content_filter",
        "responsibleaipolicyviolation",
        "content management policy",
        "request was rejected as a result of our safety system",
        "blocked due to prohibited content",
        "requires moderation on",
        "input was flagged for",
    ),
    # Seed 000: Anthropic subscription quota exhaustion, sent as a 400.
    "extra_usage_exhausted": _literal("out of extra usage", "claude.ai/settings/usage"),
    "long_context_tier": r"extra usage.{0,200}long context|long context.{0,200}extra usage",
    "thinking_signature": r"signature.{0,200}thinking|thinking.{0,200}signature",
    "long_context_beta": r"long context beta.{0,100}not yet available",
    "llama_grammar": _literal("error parsing grammar", "json-schema-to-grammar")
    + r"|unable to generate parser.{0,200}template",
    "encrypted_content": _literal("invalid_encrypted_content")
    + r"|encrypted content for item.{0,200}could not be verified",
    "multimodal_tool": _literal(
        "text is not set",
        "tool message content must be a string",
        "tool content must be a string",
        "tool message must be a string",
        "expected string, got list",
        "expected string, got array",
        "tool_call.content must be string",
    ),
    "image_too_large": _literal(
        "image exceeds", "image too large", "image_too_large", "image size exceeds",
        "image dimensions exceed",
    ),
    # Seed 002: this key cannot use this model (plan, entitlement or support).
    "model_support": _literal(
        "model not supported",
        "model is not supported",
        "not a supported model",
        "does not support model",
        "does not support the model",
        "not available on your plan",
        "not available for your plan",
        "not available on the free tier",
        "does not exist or you do not have access",
        "does not exist or your team",
        "do not have access to the model",
        "do not have access to model",
        "don't have access to the model",
        "model_not_supported",
        "unsupported model",
    ),
    "model_missing": _literal(
        "model not found", "model_not_found", "no such model", "unknown model", "invalid model",
        "is not a valid model",
        "has been decommissioned",
        "no endpoints found that support",
    )
    + r"|model\b.{0,120}\b(?:does not exist|not found)",
    "context_overflow": _literal(
        "maximum context length",
        "context length",
        "context_length_exceeded",
        "context window",
        "prompt is too long",
        "prompt too long",
        "input is too long",
        "max_model_len",
        "maximum model length",
        "maximum prompt length",
        "reduce the length of the messages",
        "n_ctx_slot",
        "available context size",
        "exceeds the maximum number of input tokens",
        "input token count",
        "exceeds the context",
        "上下文长度",
        "超过最大长度",
    ),
    "payload_too_large": _literal(
        "request entity too large", "payload too large", "error code: 413", "request_too_large",
        "request too large",
    ),
    "provider_policy": _literal(
        "no endpoints available matching your guardrail",
        "no endpoints available matching your data policy",
        "no endpoints found matching your data policy",
    ),
    "billing": _literal(
        "insufficient credits",
        "insufficient_quota",
        "insufficient balance",
        "credit balance",
        "credits exhausted",
        "credits have been exhausted",
        "no usable credits",
        "requires more credits",
        "top up your credits",
        "payment required",
        "billing hard limit",
        "billing details",
        "exceeded your current quota",
        "plan does not include",
        "out of funds",
        "run out of funds",
        "balance_depleted",
        "spending limit",
        "spend limit",
        "key limit exceeded",
        "do not have an active grok subscription",
        "out of available resources",
    ),
    "usage_limit": _literal("usage limit", "quota", "limit exceeded"),
    "usage_transient": _literal(
        "try again", "retry", "resets at", "reset in", "resets in", "wait", "requests remaining",
        "per minute", "per hour", "window",
    ),
    "rate_limit": _literal(
        "rate limit",
        "rate_limit",
        "ratelimit",
        "too many requests",
        "throttl",
        "requests per minute",
        "tokens per minute",
        "requests per day",
        "please retry after",
        "resource_exhausted",
        "resource has been exhausted",
        "rate increased too quickly",
        "too many concurrent requests",
        "slow down",
    ),
    # Seed 001: the upstream blamed the request, but the fault is on its side.
    "transient": _literal(
        "invalid request sent to provider",
        "temporarily unavailable",
        "please try again later",
        "upstream connect error",
    ),
    # A concrete request defect: retrying the same bytes can only fail the same way.
    "request_defect": _literal(
        "unknown parameter",
        "unsupported parameter",
        "unrecognized request argument",
        "unknown_parameter",
        "unsupported_parameter",
        "invalid schema",
        "invalid_schema",
        "extra inputs are not permitted",
        "missing required parameter",
        "field required",
        "invalid type for",
    ),
    "auth_permanent": _literal(
        "revoked",
        "invalid_grant",
        "invalid api key",
        "invalid_api_key",
        "incorrect api key",
        "invalid x-api-key",
        "api key not valid",
        "api_key_invalid",
        "account has been disabled",
        "account is deactivated",
        "account_deactivated",
        "organization has been disabled",
        "user not found",
        "no auth credentials found",
    ),
    "auth": _literal(
        "unauthorized", "authentication", "invalid token", "token expired", "token has expired",
        "access denied", "forbidden", "not authorized",
    ),
    "timeout": _literal(
        "timed out", "timeout", "deadline exceeded", "request timeout",
    ),
    "ssl": _literal(
        "bad record mac", "ssl alert", "tls alert", "ssl handshake", "tlsv1 alert", "sslv3 alert",
        "bad_record_mac", "[ssl:",
    ),
    "disconnect": _literal(
        "server disconnected",
        "peer closed connection",
        "connection reset by peer",
        "connection was closed",
        "network connection lost",
        "unexpected eof",
        "incomplete chunked read",
        "connection error",
    ),
    "mentions_model": r"\bmodel",
}

# No IGNORECASE: ErrorFacts.text is already lower-case, and case-folding slows every search.
PHRASES: Final = {tag: re.compile(pattern, re.DOTALL) for tag, pattern in _RAW.items()}


def has(facts: ErrorFacts, tag: str) -> bool:
    """Whether the facts' text carries one of the phrases of ``tag`` (memoised per facts)."""
    cached = facts._tags.get(tag)
    if cached is None:
        cached = facts._tags[tag] = PHRASES[tag].search(facts.text) is not None
    return cached
