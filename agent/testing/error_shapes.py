"""Real provider error shapes: status, body and headers as providers send them.

Each shape names the source it was taken from (provider documentation, a public issue, or
one of the seeds) and the reason steadyloop must give it. The same table drives the
classifier tests, the classifier benchmark, ``steadyloop classify`` examples and the
emulator, so every layer is checked against the same real bodies.

``api`` says which official SDK receives the shape: ``openai`` (Chat Completions and every
OpenAI-compatible server) or ``anthropic`` (Messages, and Bedrock-style bodies).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal

from .._taxonomy import FailoverReason, Scope

__all__ = ["SHAPES", "SOFT_SHAPES", "ErrorShape", "SoftShape"]

R = FailoverReason


@dataclass(frozen=True, slots=True)
class ErrorShape:
    """One real error response and the classification it must receive."""

    id: str
    api: Literal["openai", "anthropic"]
    status: int
    body: Any
    expect: FailoverReason
    source: str
    headers: dict[str, str] = field(default_factory=dict)
    provider: str = ""
    scope: Scope | None = None  # checked when set
    retry_after: float | None = None  # checked when set
    approx_tokens: int = 0
    num_messages: int = 0


@dataclass(frozen=True, slots=True)
class SoftShape:
    """One HTTP 200 answer (a success or a soft failure) and the reason it must receive."""

    id: str
    kind: Literal["chat", "responses", "messages", "event"]
    body: dict[str, Any]
    expect: FailoverReason | None
    source: str


def oai(message: str, type_: str | None = "invalid_request_error", code: Any = None, param: Any = None) -> Any:
    """The OpenAI error envelope (also used by most OpenAI-compatible servers)."""
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


def ant(type_: str, message: str, error_code: str | None = None) -> Any:
    """The Anthropic error envelope, with the 2.x ``details.error_code`` when given."""
    error: dict[str, Any] = {"type": type_, "message": message}
    if error_code:
        error["details"] = {"error_code": error_code}
    return {"type": "error", "error": error, "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}


def google(code: int, status: str, message: str, details: list[Any] | None = None) -> Any:
    """The Google RPC envelope used by Gemini."""
    return {"error": {"code": code, "message": message, "status": status, "details": details or []}}


def openrouter(code: int, raw: str, provider_name: str = "Anthropic") -> Any:
    """OpenRouter's wrapper around an upstream provider error (``metadata.raw``)."""
    return {"error": {"message": "Provider returned error", "code": code,
                      "metadata": {"raw": raw, "provider_name": provider_name}}, "user_id": "user_2x"}


_OPENAI_DOCS = "OpenAI API docs, 'Error codes' guide"
_ANTHROPIC_DOCS = "Anthropic API docs, 'Errors' page"
_AZURE_DOCS = "Azure OpenAI docs, content filtering and quotas"
_GEMINI_DOCS = "Gemini API docs, 'Troubleshooting' error table"
_OPENROUTER_DOCS = "OpenRouter docs, 'Errors' page"
_BEDROCK_DOCS = "Amazon Bedrock API reference, InvokeModel errors"
_SEED3 = "seed 003 (hermes-agent error_classifier patterns and regression guards)"

_CTX_MSG = (
    "This model's maximum context length is 128000 tokens. However, your messages resulted in "
    "130412 tokens. Please reduce the length of the messages."
)

SHAPES: Final[tuple[ErrorShape, ...]] = (
    # ------------------------------------------------------------------ OpenAI
    ErrorShape("openai_insufficient_quota", "openai", 429, oai(
        "You exceeded your current quota, please check your plan and billing details. For more information "
        "on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
        "insufficient_quota", "insufficient_quota"), R.billing, _OPENAI_DOCS + " (429 quota)"),
    ErrorShape("openai_rpm_limit", "openai", 429, oai(
        "Rate limit reached for gpt-4o in organization org-abc on requests per min (RPM): Limit 500, Used 500, "
        "Requested 1. Please try again in 120ms.", "requests", "rate_limit_exceeded"), R.rate_limit,
        _OPENAI_DOCS + " (429 rate limit)", headers={"x-ratelimit-remaining-requests": "0",
                                                     "x-ratelimit-reset-requests": "120ms"}, retry_after=0.12),
    ErrorShape("openai_tpm_limit_retry_after", "openai", 429, oai(
        "Rate limit reached for gpt-4o on tokens per min (TPM): Limit 30000, Used 29000, Requested 4000. "
        "Please try again in 6s.", "tokens", "rate_limit_exceeded"), R.rate_limit, _OPENAI_DOCS,
        headers={"retry-after": "6"}, retry_after=6.0),
    ErrorShape("openai_reset_tokens_header", "openai", 429, oai(
        "Rate limit reached for gpt-4.1 on tokens per min (TPM).", "tokens", "rate_limit_exceeded"),
        R.rate_limit, "OpenAI docs, 'Rate limits' (x-ratelimit-reset-tokens: 6m0s)",
        headers={"x-ratelimit-remaining-tokens": "0", "x-ratelimit-reset-tokens": "6m0s",
                 "x-ratelimit-remaining-requests": "499", "x-ratelimit-reset-requests": "1s"}, retry_after=360.0),
    ErrorShape("openai_retry_after_ms", "openai", 429, oai("Rate limit exceeded", "requests", "rate_limit_exceeded"),
               R.rate_limit, "openai-python _parse_retry_after_header (retry-after-ms)",
               headers={"retry-after-ms": "1500", "retry-after": "9"}, retry_after=1.5),
    ErrorShape("openai_invalid_api_key", "openai", 401, oai(
        "Incorrect API key provided: sk-proj-****abcd. You can find your API key at "
        "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"),
        R.auth, _OPENAI_DOCS + " (401 invalid authentication)"),
    ErrorShape("openai_401_expired_session", "openai", 401, oai(
        "Your authentication token has expired. Please try signing in again.", "invalid_request_error",
        "token_expired"), R.auth, "OpenAI Codex OAuth 401 (ChatGPT session expiry)"),
    ErrorShape("openai_403_region", "openai", 403, oai(
        "Country, region, or territory not supported", "request_forbidden", "unsupported_country_region_territory"),
        R.provider_policy_blocked, _OPENAI_DOCS + " (403 unsupported region)"),
    ErrorShape("openai_model_not_found", "openai", 404, oai(
        "The model `gpt-5-turbo` does not exist or you do not have access to it.", "invalid_request_error",
        "model_not_found"), R.model_not_found, _OPENAI_DOCS + "; seed 002", scope=Scope.credential_model),
    ErrorShape("openai_context_length", "openai", 400, oai(_CTX_MSG, "invalid_request_error",
                                                             "context_length_exceeded", "messages"),
               R.context_overflow, _OPENAI_DOCS + " (context_length_exceeded)"),
    ErrorShape("openai_unknown_parameter", "openai", 400, oai(
        "Unrecognized request argument supplied: reasoning_effort", "invalid_request_error", None),
        R.format_error, "OpenAI 400 for an unsupported argument; seed 001 (concrete defect)"),
    ErrorShape("openai_unsupported_param_max_tokens", "openai", 400, oai(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' "
        "instead.", "invalid_request_error", "unsupported_parameter", "max_tokens"), R.max_tokens_unsupported,
        "OpenAI o-series 400 (near miss: mentions max_tokens, not a context overflow)"),
    ErrorShape("openai_max_tokens_too_large", "openai", 400, oai(
        "max_tokens is too large: 200000. This model supports at most 16384 completion tokens, whereas you "
        "provided 200000.", "invalid_request_error", "invalid_value", "max_tokens"), R.format_error,
        "OpenAI 400 invalid max_tokens (near miss for context overflow)"),
    ErrorShape("openai_invalid_schema", "openai", 400, oai(
        "Invalid schema for function 'search': In context=(), 'additionalProperties' is required to be supplied "
        "and to be false.", "invalid_request_error", "invalid_function_parameters", "tools[0].function.parameters"),
        R.format_error, "OpenAI structured-outputs 400 (invalid schema)"),
    ErrorShape("openai_moderation_block", "openai", 400, oai(
        "Your request was flagged by our content moderation system as potentially violating our usage policies.",
        "invalid_request_error", None), R.content_policy_blocked, _SEED3),
    ErrorShape("openai_invalid_prompt", "openai", 400, oai(
        "Invalid prompt: your prompt was flagged as potentially violating our usage policy. Please try again "
        "with a different prompt.", "invalid_request_error", "invalid_prompt"), R.content_policy_blocked,
        "OpenAI 400 invalid_prompt (reasoning models)"),
    ErrorShape("openai_cyber_flag", "openai", 400, oai(
        "This request has been flagged for possible cybersecurity risk. Learn more about Trusted Access for "
        "Cyber.", "invalid_request_error", None), R.content_policy_blocked, _SEED3 + " (Codex cyber flag)"),
    ErrorShape("openai_image_too_large", "openai", 400, oai(
        "Invalid image: image exceeds the maximum size of 20MB.", "invalid_request_error", "image_too_large"),
        R.image_too_large, "OpenAI vision 400 image size"),
    ErrorShape("openai_invalid_encrypted_content", "openai", 400, oai(
        "The encrypted content for item rs_68a1 could not be verified.", "invalid_request_error",
        "invalid_encrypted_content"), R.invalid_encrypted_content, _SEED3 + " (Responses replay)"),
    ErrorShape("openai_encrypted_nested_json", "openai", 400, oai(
        '{"error": {"message": "Encrypted content could not be decrypted", "code": "invalid_encrypted_content"}}',
        "invalid_request_error", None), R.invalid_encrypted_content, _SEED3 + " (code nested in message JSON)"),
    ErrorShape("openai_500", "openai", 500, oai(
        "The server had an error while processing your request. Sorry about that!", "server_error", None),
        R.server_error, _OPENAI_DOCS + " (500)"),
    ErrorShape("openai_503_engine_overloaded", "openai", 503, oai(
        "The engine is currently overloaded, please try again later.", "server_error", None), R.overloaded,
        _OPENAI_DOCS + " (503 slow down)"),
    ErrorShape("openai_503_slow_down", "openai", 503, oai(
        "Slow Down: please reduce your request rate.", "server_error", None), R.rate_limit,
        _OPENAI_DOCS + " (503 'Slow Down')"),
    ErrorShape("openai_502_html", "openai", 502,
               "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>",
               R.server_error, "Cloudflare 502 page in front of an OpenAI-compatible API"),
    ErrorShape("openai_409_conflict", "openai", 409, oai("Another request is in progress.", "invalid_request_error"),
               R.transient, "openai-python retries 409 (conflict) by default"),
    ErrorShape("openai_408", "openai", 408, oai("Request timed out.", "timeout"), R.timeout,
               "openai-python retries 408 by default"),
    ErrorShape("openai_should_retry_true", "openai", 400, oai("Something went wrong, retry the request.", None),
               R.transient, "Stainless SDKs obey x-should-retry before any heuristic",
               headers={"x-should-retry": "true"}),
    ErrorShape("openai_should_retry_defect", "openai", 400, oai("Unknown parameter: 'foo'.", None, "unknown_parameter"),
               R.format_error, "x-should-retry:true does not override a concrete request defect",
               headers={"x-should-retry": "true"}),
    ErrorShape("openai_billing_not_active", "openai", 429, oai(
        "Your account is not active, please check your billing details on our website.", "billing_not_active",
        "billing_not_active"), R.billing, _OPENAI_DOCS + " (billing_not_active)"),
    ErrorShape("openai_account_deactivated", "openai", 401, oai(
        "Your account has been deactivated. Please contact support.", "invalid_request_error",
        "account_deactivated"), R.auth_permanent, _OPENAI_DOCS),
    ErrorShape("openai_string_too_long", "openai", 400, oai(
        "Invalid 'messages[3].content': string too long. Expected a string with maximum length 10485760, but got "
        "a string with length 11000000 instead.", "invalid_request_error", "string_above_max_length"),
        R.payload_too_large, "OpenAI 400 string_above_max_length"),
    ErrorShape("openai_413", "openai", 413, "Request Entity Too Large", R.payload_too_large,
               "nginx 413 in front of an OpenAI-compatible API"),
    ErrorShape("openai_multimodal_tool", "openai", 400, oai("Invalid 'messages[4]': tool message content must be a "
                                                              "string.", "invalid_request_error"),
               R.multimodal_tool_content_unsupported, _SEED3 + " (tool content must be a string)"),
    ErrorShape("openai_reset_http_date", "openai", 429, oai("Rate limit exceeded", "requests", "rate_limit_exceeded"),
               R.rate_limit, "RFC 9110 Retry-After as an HTTP date",
               headers={"retry-after": "Wed, 21 Oct 2037 07:28:00 GMT"}),
    # ------------------------------------------------------------------ Anthropic
    ErrorShape("anthropic_out_of_extra_usage", "anthropic", 400, ant(
        "invalid_request_error", "You're out of extra usage. Add more at claude.ai/settings/usage and keep going."),
        R.billing, "seed 000 (CLIProxyAPI #3305)", scope=Scope.credential),
    ErrorShape("anthropic_out_of_extra_usage_caps", "anthropic", 400, ant(
        "invalid_request_error", "YOU'RE OUT OF EXTRA USAGE."), R.billing, "seed 000 review: case-insensitive match"),
    ErrorShape("anthropic_settings_usage_marker", "anthropic", 400, ant(
        "invalid_request_error", "Usage exhausted. Visit Claude.ai/settings/usage to continue."), R.billing,
        "seed 000: the claude.ai/settings/usage marker alone"),
    ErrorShape("anthropic_invalid_request_generic", "anthropic", 400, ant(
        "invalid_request_error", "messages: roles must alternate between \"user\" and \"assistant\""),
        R.format_error, "seed 000: other invalid_request_error 400s keep failing fast"),
    ErrorShape("anthropic_rate_limit", "anthropic", 429, ant(
        "rate_limit_error", "This request would exceed the rate limit for your organization of 50 requests per "
        "minute."), R.rate_limit, _ANTHROPIC_DOCS + " (429)", headers={
            "retry-after": "17", "anthropic-ratelimit-requests-remaining": "0",
            "anthropic-ratelimit-requests-reset": "2037-01-01T00:00:00Z"}, retry_after=17.0),
    ErrorShape("anthropic_reset_header_only", "anthropic", 429, ant(
        "rate_limit_error", "Number of input tokens has exceeded your per-minute rate limit"), R.rate_limit,
        "Anthropic docs, 'Rate limits' response headers (RFC 3339 reset)", headers={
            "anthropic-ratelimit-input-tokens-remaining": "0",
            "anthropic-ratelimit-input-tokens-reset": "2037-01-01T00:00:00Z"}),
    ErrorShape("anthropic_spend_limit", "anthropic", 429, ant(
        "rate_limit_error", "Your organization has reached its monthly spend limit.",
        "enforced_spend_limit_reached"), R.billing, "anthropic 2.x ERROR_CLASSES (429, enforced_spend_limit_reached)"),
    ErrorShape("anthropic_contract_spend_limit", "anthropic", 429, ant(
        "rate_limit_error", "Contract spend limit reached.", "contract_spend_limit_reached"), R.billing,
        "anthropic 2.x ERROR_CLASSES (429, contract_spend_limit_reached)"),
    ErrorShape("anthropic_ramp_limit", "anthropic", 429, ant(
        "rate_limit_error", "Your usage is increasing too quickly.", "ramp_limit_exceeded"), R.rate_limit,
        "anthropic 2.x ERROR_CLASSES (429, ramp_limit_exceeded)"),
    ErrorShape("anthropic_linked_org_billing", "anthropic", 402, ant(
        "billing_error", "Linked organization billing is unavailable.", "linked_organization_billing_unavailable"),
        R.billing, "anthropic 2.x ERROR_CLASSES (402)"),
    ErrorShape("anthropic_credit_balance", "anthropic", 400, ant(
        "invalid_request_error", "Your credit balance is too low to access the Anthropic API. Please go to Plans & "
        "Billing to upgrade or purchase credits."), R.billing, _ANTHROPIC_DOCS + "; public issue reports"),
    ErrorShape("anthropic_overloaded", "anthropic", 529, ant("overloaded_error", "Overloaded"), R.overloaded,
               _ANTHROPIC_DOCS + " (529)", headers={"x-should-retry": "true"}),
    ErrorShape("anthropic_api_error", "anthropic", 500, ant("api_error", "Internal server error"), R.server_error,
               _ANTHROPIC_DOCS + " (500)"),
    ErrorShape("anthropic_auth", "anthropic", 401, ant("authentication_error", "invalid x-api-key"),
               R.auth, _ANTHROPIC_DOCS + " (401)"),
    ErrorShape("anthropic_oauth_expired", "anthropic", 401, ant(
        "authentication_error", "OAuth token has expired. Please obtain a new token or refresh your existing "
        "token."), R.auth, "Claude Code OAuth 401 (refreshable)"),
    ErrorShape("anthropic_oauth_revoked", "anthropic", 401, ant(
        "authentication_error", "OAuth token has been revoked. Please obtain a new token."), R.auth_permanent,
        "Claude Code OAuth 401 (revoked)"),
    ErrorShape("anthropic_permission", "anthropic", 403, ant(
        "permission_error", "Your API key does not have permission to use the specified resource."), R.auth,
        _ANTHROPIC_DOCS + " (403)"),
    ErrorShape("anthropic_not_found_model", "anthropic", 404, ant("not_found_error", "model: claude-3-opus-20990101"),
               R.model_not_found, _ANTHROPIC_DOCS + " (404)"),
    ErrorShape("anthropic_request_too_large", "anthropic", 413, ant(
        "request_too_large", "Request exceeds the maximum allowed number of bytes."), R.payload_too_large,
        _ANTHROPIC_DOCS + " (413)"),
    ErrorShape("anthropic_prompt_too_long", "anthropic", 400, ant(
        "invalid_request_error", "prompt is too long: 208310 tokens > 200000 maximum"), R.context_overflow,
        _ANTHROPIC_DOCS + "; Claude Code overflow reports"),
    ErrorShape("anthropic_bare_error_large_session", "anthropic", 400, ant("invalid_request_error", "Error"),
               R.context_overflow, _SEED3 + " (generic 400 in a large session)", approx_tokens=150_000,
               num_messages=120),
    ErrorShape("anthropic_bare_error_small_session", "anthropic", 400, ant("invalid_request_error", "Error"),
               R.format_error, _SEED3 + " (same body, small session: not an overflow)"),
    ErrorShape("anthropic_thinking_signature", "anthropic", 400, ant(
        "invalid_request_error", "messages.1.content.0: Invalid `signature` in `thinking` block"),
        R.thinking_signature, _SEED3),
    ErrorShape("anthropic_long_context_tier", "anthropic", 429, ant(
        "rate_limit_error", "Extra usage is required for long context requests."), R.long_context_tier, _SEED3),
    ErrorShape("anthropic_long_context_beta", "anthropic", 400, ant(
        "invalid_request_error", "The long context beta is not yet available for this subscription."),
        R.oauth_long_context_beta_forbidden, _SEED3),
    ErrorShape("anthropic_image_too_large", "anthropic", 400, ant(
        "invalid_request_error", "messages.0.content.1.image.source.base64: image exceeds 5 MB maximum: 7340032 "
        "bytes > 5242880 bytes"), R.image_too_large, _SEED3 + " (Anthropic 5 MB image limit)"),
    ErrorShape("anthropic_image_dimensions", "anthropic", 400, ant(
        "invalid_request_error", "Image dimensions exceed max allowed size: 8000 pixels",
        "image_dimensions_too_large"), R.image_too_large, "anthropic 2.x ERROR_CLASSES (image_dimensions_too_large)"),
    ErrorShape("anthropic_safety", "anthropic", 400, ant(
        "invalid_request_error", "Your prompt was flagged by our safety system and responses cannot be generated."),
        R.content_policy_blocked, _SEED3 + " (Anthropic safety system)"),
    ErrorShape("anthropic_model_not_on_plan", "anthropic", 400, ant(
        "invalid_request_error", "claude-opus-4-1 is not available on your plan."), R.model_not_found,
        "seed 002 ('not available on your plan')", scope=Scope.credential_model),
    ErrorShape("anthropic_invalid_request_sent_to_provider", "anthropic", 400, ant(
        "invalid_request_error", "Invalid request sent to provider."), R.transient, "seed 001 (DeepSeek via proxy)"),
    ErrorShape("anthropic_max_tokens_bound", "anthropic", 400, ant(
        "invalid_request_error", "max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens "
        "for claude-sonnet-4"), R.format_error, "near miss: 'max_tokens' + 'maximum' is not a context overflow"),
    ErrorShape("anthropic_504", "anthropic", 504, ant("timeout_error", "Request timed out"), R.timeout,
               _ANTHROPIC_DOCS + " (504)"),
    ErrorShape("anthropic_org_on_hold", "anthropic", 400, ant(
        "invalid_request_error", "Your organization is on hold.", "organization_on_hold"), R.billing,
        "anthropic 2.x ERROR_CLASSES (organization_on_hold)"),
    ErrorShape("anthropic_unified_reset_epoch", "anthropic", 429, ant(
        "rate_limit_error", "Rate limited"), R.rate_limit, "Claude subscription unified limit headers (epoch reset)",
        headers={"anthropic-ratelimit-unified-status": "rejected",
                 "anthropic-ratelimit-unified-reset": "2100000000"}),
    # ------------------------------------------------------------------ Azure OpenAI
    ErrorShape("azure_content_filter", "openai", 400, {"error": {
        "message": "The response was filtered due to the prompt triggering Azure OpenAI's content management "
                   "policy. Please modify your prompt and retry.", "type": None, "param": "prompt", "code":
        "content_filter", "status": 400, "innererror": {"code": "ResponsibleAIPolicyViolation",
                                                        "content_filter_result": {"hate": {"filtered": True}}}}},
        R.content_policy_blocked, _AZURE_DOCS, provider="azure"),
    ErrorShape("azure_429_retry_after", "openai", 429, {"error": {
        "code": "429", "message": "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version "
                                  "2024-02-01 have exceeded token rate limit of your current OpenAI S0 pricing tier. "
                                  "Please retry after 12 seconds."}}, R.rate_limit, _AZURE_DOCS,
        headers={"retry-after": "12"}, provider="azure", retry_after=12.0),
    ErrorShape("azure_deployment_not_found", "openai", 404, {"error": {
        "code": "DeploymentNotFound", "message": "The API deployment for this resource does not exist. If you "
                                                 "created the deployment within the last 5 minutes, please wait a "
                                                 "moment and try again."}}, R.model_not_found, _AZURE_DOCS,
        provider="azure"),
    ErrorShape("azure_401", "openai", 401, {"error": {
        "code": "401", "message": "Access denied due to invalid subscription key or wrong API endpoint. Make sure "
                                  "to provide a valid key for an active subscription and use a correct regional API "
                                  "endpoint for your resource."}}, R.auth, _AZURE_DOCS, provider="azure"),
    ErrorShape("azure_context", "openai", 400, {"error": {
        "message": _CTX_MSG, "type": "invalid_request_error", "param": "messages",
        "code": "context_length_exceeded"}}, R.context_overflow, _AZURE_DOCS, provider="azure"),
    ErrorShape("azure_quota_429", "openai", 429, {"error": {
        "code": "insufficient_quota", "message": "The tokens per minute quota for this deployment has been "
                                                 "exhausted."}}, R.billing, _AZURE_DOCS + " (insufficient_quota)",
        provider="azure"),
    # ------------------------------------------------------------------ Bedrock (Anthropic SDK body shape)
    ErrorShape("bedrock_throttling", "anthropic", 429, {"message": "Too many requests, please wait before trying "
                                                                   "again."}, R.rate_limit, _BEDROCK_DOCS,
               headers={"x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/"},
               provider="bedrock"),
    ErrorShape("bedrock_input_too_long", "anthropic", 400, {"message": "Input is too long for requested model."},
               R.context_overflow, _BEDROCK_DOCS + " (ValidationException)",
               headers={"x-amzn-errortype": "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/"},
               provider="bedrock"),
    ErrorShape("bedrock_access_denied", "anthropic", 403, {"message": "You don't have access to the model with the "
                                                                       "specified model ID."}, R.model_not_found,
               _BEDROCK_DOCS + " (AccessDeniedException)", headers={"x-amzn-errortype": "AccessDeniedException"},
               provider="bedrock"),
    ErrorShape("bedrock_service_unavailable", "anthropic", 503, {"message": "Bedrock is unable to process your "
                                                                            "request."}, R.overloaded, _BEDROCK_DOCS,
               headers={"x-amzn-errortype": "ServiceUnavailableException"}, provider="bedrock"),
    ErrorShape("bedrock_model_not_ready", "anthropic", 429, {"message": "Model is not ready for inference. Wait and "
                                                                        "try your request again."}, R.rate_limit,
               _BEDROCK_DOCS + " (ModelNotReadyException)", headers={"x-amzn-errortype": "ModelNotReadyException"},
               provider="bedrock"),
    ErrorShape("bedrock_quota", "anthropic", 400, {"message": "The request was denied due to exceeding the account "
                                                              "quotas for Amazon Bedrock."}, R.rate_limit,
               _BEDROCK_DOCS + " (ServiceQuotaExceededException)",
               headers={"x-amzn-errortype": "ServiceQuotaExceededException"}, provider="bedrock"),
    ErrorShape("bedrock_internal", "anthropic", 500, {"message": "The server encountered an internal error while "
                                                                 "processing the request."}, R.server_error,
               _BEDROCK_DOCS + " (InternalServerException)", headers={"x-amzn-errortype": "InternalServerException"},
               provider="bedrock"),
    # ------------------------------------------------------------------ Gemini
    ErrorShape("gemini_resource_exhausted", "openai", 429, google(
        429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and billing details.",
        [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [
            {"quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
             "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"}]},
         {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "37s"}]), R.rate_limit,
        _GEMINI_DOCS + " (429 RESOURCE_EXHAUSTED with RetryInfo)", provider="gemini", retry_after=37.0),
    ErrorShape("gemini_openai_compat_list", "openai", 429, [google(
        429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).")], R.rate_limit,
        "Gemini OpenAI-compatible endpoint returns a JSON list", provider="gemini"),
    ErrorShape("gemini_api_key_invalid", "openai", 400, google(
        400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.",
        [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
          "domain": "googleapis.com"}]), R.auth, _GEMINI_DOCS + " (API_KEY_INVALID)", provider="gemini"),
    ErrorShape("gemini_unavailable", "openai", 503, google(503, "UNAVAILABLE", "The model is overloaded. Please try "
                                                                              "again later."), R.overloaded,
               _GEMINI_DOCS + " (503)", provider="gemini"),
    ErrorShape("gemini_internal", "openai", 500, google(500, "INTERNAL", "An internal error has occurred. Please "
                                                                        "retry or report."), R.server_error,
               _GEMINI_DOCS + " (500)", provider="gemini"),
    ErrorShape("gemini_token_count", "openai", 400, google(
        400, "INVALID_ARGUMENT", "The input token count (1200000) exceeds the maximum number of tokens allowed "
                                 "(1048576)."), R.context_overflow, _GEMINI_DOCS + " (context)", provider="gemini"),
    ErrorShape("gemini_model_not_found", "openai", 404, google(
        404, "NOT_FOUND", "models/gemini-9.0-pro is not found for API version v1beta, or is not supported for "
                          "generateContent."), R.model_not_found, _GEMINI_DOCS + " (404)", provider="gemini"),
    ErrorShape("gemini_permission_denied", "openai", 403, google(
        403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers. Please use an API key."), R.auth,
        _GEMINI_DOCS + " (403)", provider="gemini"),
    ErrorShape("gemini_location", "openai", 400, google(400, "FAILED_PRECONDITION", "User location is not supported "
                                                                                   "for the API use."),
               R.provider_policy_blocked, _GEMINI_DOCS + " (FAILED_PRECONDITION)", provider="gemini"),
    ErrorShape("gemini_safety_prohibited", "openai", 400, google(
        400, "INVALID_ARGUMENT", "The request was blocked due to prohibited content."), R.content_policy_blocked,
        "Gemini promptFeedback blockReason PROHIBITED_CONTENT", provider="gemini"),
    # ------------------------------------------------------------------ OpenRouter
    ErrorShape("openrouter_402_credits", "openai", 402, {"error": {
        "message": "This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but "
                   "can only afford 1023. To increase, visit https://openrouter.ai/settings/credits and upgrade to a "
                   "paid account", "code": 402}}, R.billing, _OPENROUTER_DOCS + " (402)", provider="openrouter"),
    ErrorShape("openrouter_privacy_404", "openai", 404, {"error": {
        "message": "No endpoints available matching your guardrail restrictions and data policy. Configure: "
                   "https://openrouter.ai/settings/privacy", "code": 404}}, R.provider_policy_blocked,
        _SEED3 + " (OpenRouter privacy guardrail)", provider="openrouter"),
    ErrorShape("openrouter_wrapped_429", "openai", 429, openrouter(
        429, '{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your '
             'organization\'s rate limit."}}'), R.rate_limit, _OPENROUTER_DOCS + " (metadata.raw)",
        provider="openrouter"),
    ErrorShape("openrouter_wrapped_context", "openai", 400, openrouter(
        400, '{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens '
             '> 200000 maximum"}}'), R.context_overflow, _SEED3 + " (context overflow inside metadata.raw)",
        provider="openrouter"),
    ErrorShape("openrouter_wrapped_deepseek_transient", "openai", 400, openrouter(
        400, "Invalid request sent to provider.", "DeepSeek"), R.transient, "seed 001 (raw is plain text)",
        provider="openrouter"),
    ErrorShape("openrouter_key_limit", "openai", 403, {"error": {"message": "Key limit exceeded (total limit). "
                                                                          "Manage it using https://openrouter.ai/"
                                                                          "settings/keys", "code": 403}},
               R.billing, _SEED3 + " (OpenRouter 403 key limit is billing)", provider="openrouter"),
    ErrorShape("openrouter_no_auth", "openai", 401, {"error": {"message": "No auth credentials found", "code": 401}},
               R.auth, _OPENROUTER_DOCS + " (401)", provider="openrouter"),
    ErrorShape("openrouter_user_not_found", "openai", 401, {"error": {"message": "User not found.", "code": 401}},
               R.auth, _OPENROUTER_DOCS + " (401; thirteen public reports of it are mistyped or misread keys and one "
               "an OpenRouter incident, so the key is cooled, not declared dead)", provider="openrouter"),
    ErrorShape("openrouter_moderation_403", "openai", 403, {"error": {
        "message": "gpt-4o requires moderation on OpenAI. Your input was flagged for \"harassment\".", "code": 403,
        "metadata": {"reasons": ["harassment"], "flagged_input": "...", "provider_name": "OpenAI"}}},
        R.content_policy_blocked, _OPENROUTER_DOCS + " (403 moderation)", provider="openrouter"),
    ErrorShape("openrouter_no_endpoints_tools", "openai", 404, {"error": {
        "message": "No endpoints found that support tool use. To learn more about provider routing, visit: "
                   "https://openrouter.ai/docs/provider-routing", "code": 404}}, R.model_not_found,
        "OpenRouter 404 when no provider of a model supports tools", provider="openrouter"),
    ErrorShape("openrouter_upstream_502", "openai", 502, openrouter(502, "upstream connect error or disconnect/reset "
                                                                         "before headers"), R.server_error,
               _OPENROUTER_DOCS + " (502 provider down)", provider="openrouter"),
    ErrorShape("openrouter_free_tier_model", "openai", 404, {"error": {
        "message": "This model is not available on the free tier.", "code": "model_not_supported_on_free_tier"}},
        R.model_not_found, _SEED3 + " + seed 002 (entitlement is per key and model)", provider="openrouter",
        scope=Scope.credential_model),
    # ------------------------------------------------------------------ DeepSeek
    ErrorShape("deepseek_402_balance", "openai", 402, oai("Insufficient Balance", "unknown_error",
                                                          "invalid_request_error"), R.billing,
               "DeepSeek API docs, error codes (402)", provider="deepseek"),
    ErrorShape("deepseek_context", "openai", 400, oai(
        "This model's maximum context length is 65536 tokens. However, you requested 70000 tokens (66000 in the "
        "messages, 4000 in the completion). Please reduce the length of the messages or completion.",
        "invalid_request_error"), R.context_overflow, "DeepSeek API docs, error codes (400)", provider="deepseek"),
    ErrorShape("deepseek_422", "openai", 422, oai("Failed to deserialize the JSON body into the target type: "
                                                  "messages[0]: missing field `content`", "invalid_request_error"),
               R.format_error, "DeepSeek API docs, error codes (422 invalid parameters)", provider="deepseek"),
    ErrorShape("deepseek_503_busy", "openai", 503, oai("Server busy, please try again later", "service_unavailable"),
               R.overloaded, "DeepSeek API docs, error codes (503)", provider="deepseek"),
    ErrorShape("deepseek_transient_400", "openai", 400, oai("Invalid request sent to provider.", None),
               R.transient, "seed 001 (free-claude-code #1)", provider="deepseek"),
    ErrorShape("deepseek_429", "openai", 429, oai("Rate Limit Reached", "rate_limit_error"), R.rate_limit,
               "DeepSeek API docs, error codes (429)", provider="deepseek"),
    # ------------------------------------------------------------------ xAI
    ErrorShape("xai_no_subscription", "openai", 403, {"code": "The caller does not have permission to execute the "
                                                              "specified operation",
                                                      "error": "You have either run out of available resources or do "
                                                               "not have an active Grok subscription."},
               R.billing, _SEED3 + " (xAI entitlement)", provider="xai"),
    ErrorShape("xai_model_access", "openai", 404, {"code": "Some requested entity was not found",
                                                   "error": "The model grok-9 does not exist or your team "
                                                            "t-123 does not have access to it."},
               R.model_not_found, "xAI 404 model access (seed 002 phrasing)", provider="xai",
               scope=Scope.credential_model),
    ErrorShape("xai_bad_key", "openai", 400, {"code": "Client specified an invalid argument",
                                              "error": "Incorrect API key provided: xa***. You can obtain an API key "
                                                       "from https://console.x.ai."}, R.auth,
               "xAI 400 for a bad key", provider="xai"),
    ErrorShape("xai_context", "openai", 400, {"code": "Client specified an invalid argument",
                                              "error": "This model's maximum prompt length is 131072 but the request "
                                                       "contains 200000 tokens."}, R.context_overflow,
               "xAI 400 context", provider="xai"),
    ErrorShape("xai_429", "openai", 429, {"code": "Some resource has been exhausted",
                                          "error": "Your team t-123 has either used all available credits or "
                                                   "reached its monthly spending limit."}, R.billing,
               "xAI 429 spending limit", provider="xai"),
    # ------------------------------------------------------------------ Mistral
    ErrorShape("mistral_context", "openai", 400, {"object": "error", "message": "Prompt contains 40000 tokens and 0 "
                                                                               "draft tokens, too large for model "
                                                                               "with 32768 maximum context length",
                                                  "type": "invalid_request_message_order", "param": None,
                                                  "code": None}, R.context_overflow, "Mistral API 400 context",
               provider="mistral"),
    ErrorShape("mistral_429", "openai", 429, {"object": "error", "message": "Requests rate limit exceeded",
                                              "type": "rate_limited", "param": None, "code": "1300"},
               R.rate_limit, "Mistral API 429", provider="mistral"),
    ErrorShape("mistral_401", "openai", 401, {"message": "Unauthorized", "request_id": "abc"}, R.auth,
               "Mistral API 401", provider="mistral"),
    ErrorShape("mistral_invalid_model", "openai", 400, {"object": "error", "message": "Invalid model: mistral-huge",
                                                        "type": "invalid_model", "param": None, "code": "1500"},
               R.model_not_found, "Mistral API invalid model", provider="mistral"),
    ErrorShape("mistral_422_extra", "openai", 422, {"object": "error", "message": {"detail": [
        {"type": "extra_forbidden", "loc": ["body", "foo"], "msg": "Extra inputs are not permitted"}]},
        "type": "invalid_request_error", "param": None, "code": None}, R.format_error,
        "Mistral API 422 validation (message is an object)", provider="mistral"),
    # Relabelled from rate_limit: the model's capacity for the whole service tier, not this key's limit (issue 9:
    # capacity wording on a 429 means back off on the same key, do not rotate).
    ErrorShape("mistral_capacity", "openai", 429, {"object": "error", "message": "Service tier capacity exceeded for "
                                                                                "this model.",
                                                   "type": "service_tier_capacity_exceeded", "param": None,
                                                   "code": "3505"}, R.overloaded, "Mistral API 429 capacity",
               provider="mistral"),
    # ------------------------------------------------------------------ Groq
    ErrorShape("groq_tpd", "openai", 429, oai(
        "Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_01` service tier `on_demand` on "
        "tokens per day (TPD): Limit 100000, Used 99500, Requested 1200. Please try again in 10m4.8s. Need more "
        "tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing", "tokens",
        "rate_limit_exceeded"), R.rate_limit, "Groq API 429 (TPD)", provider="groq", retry_after=604.8),
    ErrorShape("groq_context", "openai", 400, oai(
        "Please reduce the length of the messages or completion.", "invalid_request_error",
        "context_length_exceeded", "messages"), R.context_overflow, "Groq API 400 context", provider="groq"),
    ErrorShape("groq_decommissioned", "openai", 400, oai(
        "The model `mixtral-8x7b-32768` has been decommissioned and is no longer supported.",
        "invalid_request_error", "model_decommissioned"), R.model_not_found, "Groq model deprecation 400",
        provider="groq"),
    ErrorShape("groq_tool_use_failed", "openai", 400, oai(
        "Failed to call a function. Please adjust your prompt.", "invalid_request_error", "tool_use_failed"),
        R.format_error, "Groq 400 tool_use_failed", provider="groq"),
    ErrorShape("groq_503", "openai", 503, oai("Service Unavailable", "internal_server_error"), R.overloaded,
               "Groq API 503", provider="groq"),
    ErrorShape("groq_413", "openai", 413, oai("Request too large for model `llama3-8b-8192` in organization `org_1` "
                                              "on tokens per minute (TPM): Limit 6000, Requested 9000.", "tokens",
                                              "rate_limit_exceeded"), R.context_overflow,
               "Groq 413: one request above the TPM budget is a context overflow (issue 9)", provider="groq"),
    # ------------------------------------------------------------------ vLLM / llama.cpp / Ollama
    ErrorShape("vllm_context", "openai", 400, {"object": "error", "message": "This model's maximum context length is "
                                                                            "8192 tokens. However, you requested 9000 "
                                                                            "tokens in the messages.",
                                               "type": "BadRequestError", "param": None, "code": 400},
               R.context_overflow, "vLLM OpenAI server 400", provider="vllm"),
    ErrorShape("vllm_max_model_len", "openai", 400, {"object": "error", "message": "The decoder prompt (length 9000) "
                                                                                  "is longer than the maximum model "
                                                                                  "length of 8192.",
                                                     "type": "BadRequestError", "param": None, "code": 400},
               R.context_overflow, "vLLM 400 maximum model length", provider="vllm"),
    ErrorShape("vllm_model_missing", "openai", 404, {"object": "error", "message": "The model `llama-9` does not "
                                                                                  "exist.",
                                                     "type": "NotFoundError", "param": None, "code": 404},
               R.model_not_found, "vLLM 404 model", provider="vllm"),
    ErrorShape("vllm_engine_dead", "openai", 500, {"object": "error", "message": "EngineCore encountered an issue.",
                                                   "type": "InternalServerError", "param": None, "code": 500},
               R.server_error, "vLLM 500", provider="vllm"),
    ErrorShape("llamacpp_context", "openai", 400, {"error": {"code": 400, "message": "the request exceeds the "
                                                                                   "available context size, try "
                                                                                   "increasing it",
                                                             "type": "exceed_context_size_error",
                                                             "n_prompt_tokens": 9000, "n_ctx": 8192}},
               R.context_overflow, "llama.cpp server 400 context", provider="llamacpp"),
    ErrorShape("llamacpp_grammar", "openai", 400, {"error": {"code": 400, "message": "JSON schema conversion failed:"
                                                                                   " json-schema-to-grammar does not "
                                                                                   "support pattern \\d",
                                                             "type": "invalid_request_error"}},
               R.llama_cpp_grammar_pattern, _SEED3 + " (llama.cpp grammar)", provider="llamacpp"),
    ErrorShape("llamacpp_grammar_parse", "openai", 400, {"error": {"code": 400, "message": "error parsing grammar: "
                                                                                         "unknown escape at \\w",
                                                                   "type": "invalid_request_error"}},
               R.llama_cpp_grammar_pattern, _SEED3, provider="llamacpp"),
    ErrorShape("llamacpp_503_loading", "openai", 503, {"error": {"code": 503, "message": "Loading model",
                                                                 "type": "unavailable_error"}}, R.overloaded,
               "llama.cpp server 503 while loading", provider="llamacpp"),
    ErrorShape("ollama_model_missing", "openai", 404, {"error": {"message": "model \"qwen9\" not found, try pulling "
                                                                            "it first", "type": "api_error",
                                                                 "param": None, "code": None}},
               R.model_not_found, "Ollama OpenAI-compatible 404", provider="ollama"),
    ErrorShape("ollama_plain_error", "openai", 500, {"error": "llama runner process has terminated: signal: killed"},
               R.server_error, "Ollama 500 with a string error", provider="ollama"),
    ErrorShape("ollama_multimodal_tool", "openai", 400, {"error": {
        "message": "json: cannot unmarshal array into Go struct field; expected string, got array",
        "type": "invalid_request_error"}},
               R.multimodal_tool_content_unsupported, _SEED3 + " (list tool content)", provider="ollama"),
    ErrorShape("mimo_text_not_set", "openai", 400, {"error": {"code": "400", "message": "Param Incorrect",
                                                              "param": "text is not set"}},
               R.format_error, "Xiaomi MiMo 400: 'text is not set' sits in param, not message (near miss)",
               provider="mimo"),
    ErrorShape("dashscope_tool_content", "openai", 400, oai("tool_call.content must be string",
                                                            "invalid_request_error"),
               R.multimodal_tool_content_unsupported, _SEED3 + " (DashScope)", provider="dashscope"),
    ErrorShape("dashscope_throttle", "openai", 429, oai("Request rate increased too quickly. To ensure system "
                                                        "stability, please adjust your client logic.", "Throttling",
                                                        "Throttling.RateQuota"), R.rate_limit,
               _SEED3 + " (Alibaba DashScope throttling)", provider="dashscope"),
    # ------------------------------------------------------------------ near misses and proxies
    ErrorShape("proxy_5xx_unknown_parameter", "openai", 502, oai("Unknown parameter: 'reasoning.summary'.",
                                                                 "invalid_request_error", "unknown_parameter"),
               R.format_error, _SEED3 + " (gateway returns request validation as 5xx)"),
    ErrorShape("billing_402_near_content", "openai", 402, oai("Payment required: your usage policy limit was "
                                                              "reached.", None), R.billing,
               _SEED3 + " (billing 402 mentioning 'policy' stays billing)"),
    ErrorShape("generic_400_near_content", "openai", 400, oai("Invalid content filter configuration value "
                                                              "'strict'.", "invalid_request_error"), R.format_error,
               _SEED3 + " (spaced 'content filter' is not a block)"),
    ErrorShape("usage_limit_resets", "openai", 429, oai("You've reached your usage limit. Your limit resets in 3h "
                                                        "12m.", "usage_limit_reached"), R.rate_limit,
               "Codex usage limit with a reset time", retry_after=3 * 3600 + 12 * 60),
    ErrorShape("usage_limit_402_transient", "openai", 402, oai("Usage limit exceeded, try again in 5 minutes.",
                                                               None), R.rate_limit,
               _SEED3 + " (402 periodic usage limit is a rate limit)", retry_after=300.0),
    ErrorShape("usage_limit_400_permanent", "openai", 400, oai("Monthly usage limit exceeded for this key.", None),
               R.billing, _SEED3 + " (usage limit without reset is billing)"),
    ErrorShape("negative_retry_after", "openai", 429, oai("Too many requests", "requests", "rate_limit_exceeded"),
               R.rate_limit, "hostile Retry-After: negative value is rejected",
               headers={"retry-after": "-5", "retry-after-ms": "nan"}),
    ErrorShape("absurd_retry_after", "openai", 429, oai("Too many requests", "requests", "rate_limit_exceeded"),
               R.rate_limit, "hostile Retry-After: 10 years is rejected", headers={"retry-after": "315360000"}),
    ErrorShape("tooltip_try_again_500", "openai", 500, oai("Internal error, please try again in 2s.",
                                                           "server_error"), R.server_error,
               "5xx 'try again' stays a server error, with its wait", retry_after=2.0),
    ErrorShape("nonjson_503_text", "anthropic", 503, "upstream connect error or disconnect/reset before headers. "
                                                     "reset reason: overflow", R.overloaded,
               "Envoy 503 plain-text body"),
    ErrorShape("empty_body_500", "anthropic", 500, "", R.server_error, "a 500 with an empty body"),
    # Relabelled from server_error: Cloudflare's 524 is "A timeout occurred" (the origin took too long), a 504 in all
    # but number; the recovery (retry, then fall back) is the same either way.
    ErrorShape("cloudflare_524", "openai", 524, "error code: 524", R.timeout, "Cloudflare 524 origin timeout"),
    ErrorShape("x_should_retry_false_500", "openai", 500, oai("The server had an error.", "server_error"),
               R.server_error, "x-should-retry:false on a 500 (hint retryable is False)",
               headers={"x-should-retry": "false"}),
    ErrorShape("key_in_message_redacted", "openai", 401, oai(
        "Incorrect API key provided: sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234. You can find your API key at "
        "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"),
        R.auth, "OpenAI 401 echoing the key (must be redacted)"),
)

SOFT_SHAPES: Final[tuple[SoftShape, ...]] = (
    SoftShape("codex_failed_quota", "responses", {
        "id": "resp_1", "object": "response", "created_at": 1, "model": "gpt-5-codex", "status": "failed",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "error": {"code": "rate_limit_exceeded", "message": "You exceeded your current quota, please check your "
                                                            "plan and billing details."}},
        R.rate_limit, "seed 004 (structured rate_limit_exceeded code wins)"),
    SoftShape("codex_failed_credits", "responses", {
        "id": "resp_2", "object": "response", "created_at": 1, "model": "gpt-5-codex", "status": "failed",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "error": {"code": "server_error", "message": "Your credits have been exhausted. Please top up your "
                                                     "credits."}},
        R.billing, "seed 004 (billing signal checked before anything else)"),
    SoftShape("codex_failed_usage_limit", "responses", {
        "id": "resp_3", "object": "response", "created_at": 1, "model": "gpt-5-codex", "status": "failed",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "error": {"code": "server_error", "message": "You've hit your usage limit. Upgrade to Pro or try again in "
                                                     "4 days 3 hours."}},
        R.billing, "seed 004 (usage limit is billing first)"),
    SoftShape("codex_failed_throttled", "responses", {
        "id": "resp_4", "object": "response", "created_at": 1, "model": "gpt-5-codex", "status": "failed",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "error": {"code": "server_error", "message": "Too many requests, slow down."}},
        R.rate_limit, "seed 004 (rate-limit signal)"),
    SoftShape("codex_failed_server", "responses", {
        "id": "resp_5", "object": "response", "created_at": 1, "model": "gpt-5-codex", "status": "failed",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "error": {"code": "server_error", "message": "An error occurred while processing your request."}},
        R.server_error, "seed 004 (non-quota failure does not rotate)"),
    SoftShape("codex_failed_cyber", "responses", {
        "id": "resp_6", "object": "response", "created_at": 1, "model": "gpt-5-codex", "status": "failed",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "error": {"code": "invalid_prompt", "message": "This request has been flagged for possible cybersecurity "
                                                       "risk."}},
        R.content_policy_blocked, "seed 003 + seed 004 (content policy never rotates)"),
    SoftShape("codex_cancelled", "responses", {
        "id": "resp_7", "object": "response", "created_at": 1, "model": "gpt-5-codex", "status": "cancelled",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": []},
        R.unknown, "seed 004 (cancelled without error: no rotation)"),
    SoftShape("responses_incomplete_filter", "responses", {
        "id": "resp_8", "object": "response", "created_at": 1, "model": "gpt-5", "status": "incomplete",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "incomplete_details": {"reason": "content_filter"}},
        R.content_policy_blocked, "OpenAI Responses incomplete_details.reason"),
    SoftShape("responses_incomplete_tokens", "responses", {
        "id": "resp_9", "object": "response", "created_at": 1, "model": "gpt-5", "status": "incomplete",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "incomplete_details": {"reason": "max_output_tokens"}},
        R.output_truncated, "OpenAI Responses incomplete_details.reason"),
    SoftShape("responses_completed", "responses", {
        "id": "resp_10", "object": "response", "created_at": 1, "model": "gpt-5", "status": "completed",
        "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
        "output": [{"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                    "content": [{"type": "output_text", "text": "hello", "annotations": []}]}]},
        None, "a real Responses success"),
    SoftShape("chat_content_filter", "chat", {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o",
        "choices": [{"index": 0, "finish_reason": "content_filter",
                     "message": {"role": "assistant", "content": None}}]},
        R.content_policy_blocked, "OpenAI/Azure finish_reason content_filter"),
    SoftShape("chat_empty", "chat", {
        "id": "chatcmpl-2", "object": "chat.completion", "created": 1, "model": "deepseek-chat",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": ""}}]},
        R.empty_response, "empty completion from an OpenAI-compatible server"),
    SoftShape("chat_refusal", "chat", {
        "id": "chatcmpl-3", "object": "chat.completion", "created": 1, "model": "gpt-4o",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": None, "refusal": "I can't help with that."}}]},
        R.content_policy_blocked, "OpenAI structured-output refusal"),
    SoftShape("chat_ok", "chat", {
        "id": "chatcmpl-4", "object": "chat.completion", "created": 1, "model": "gpt-4o",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hi"}}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}},
        None, "a real chat success"),
    SoftShape("chat_tool_call_ok", "chat", {
        "id": "chatcmpl-5", "object": "chat.completion", "created": 1, "model": "gpt-4o",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": None, "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}}]},
        None, "a tool call with no text is a success"),
    SoftShape("anthropic_refusal", "messages", {
        "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
        "content": [{"type": "text", "text": ""}], "stop_reason": "refusal", "stop_sequence": None,
        "usage": {"input_tokens": 10, "output_tokens": 1}},
        R.content_policy_blocked, "Anthropic stop_reason refusal"),
    SoftShape("anthropic_empty", "messages", {
        "id": "msg_2", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5", "content": [],
        "stop_reason": "end_turn", "stop_sequence": None, "usage": {"input_tokens": 10, "output_tokens": 0}},
        R.empty_response, "Anthropic message with no content"),
    SoftShape("anthropic_ok", "messages", {
        "id": "msg_3", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
        "content": [{"type": "text", "text": "hello"}], "stop_reason": "end_turn", "stop_sequence": None,
        "usage": {"input_tokens": 10, "output_tokens": 1}},
        None, "a real Anthropic success"),
    SoftShape("sse_anthropic_overloaded", "event", {
        "type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
        R.overloaded, "Anthropic streaming docs: error event mid-stream"),
    SoftShape("sse_responses_failed", "event", {
        "type": "response.failed", "sequence_number": 5, "response": {
            "id": "resp_11", "object": "response", "status": "failed", "output": [],
            "error": {"code": "rate_limit_exceeded", "message": "Rate limit reached. Please try again in 20s."}}},
        R.rate_limit, "OpenAI Responses streaming: response.failed"),
    SoftShape("sse_responses_error", "event", {
        "type": "error", "code": "server_error", "message": "The server had an error processing your request.",
        "param": None, "sequence_number": 2}, R.server_error, "OpenAI Responses streaming: error event"),
    SoftShape("openrouter_200_error", "event", {
        "id": "gen-1", "object": "chat.completion.chunk", "error": {"code": 502, "message": "Provider disconnected"},
        "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}]},
        R.server_error, _OPENROUTER_DOCS + " (error inside a 200 stream)"),
)
