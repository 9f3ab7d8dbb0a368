"""Provider, gateway and client wordings of common failures, each family with a near miss that must not match."""

from __future__ import annotations

from typing import Any

import pytest

from agent import FailoverReason, classify_api_error, classify_soft_failure
from agent._word_model import NO_MODEL
from agent.testing.sdk_errors import exception_from_http, exception_from_message, response_from_http

R = FailoverReason


@pytest.mark.parametrize(("status", "body", "expect"), [
    # https://github.com/UKGovernmentBEIS/inspect_ai/pull/2267 (xAI's biology safety check)
    (403, {"code": "The caller does not have permission to execute the specified operation",
           "error": "Content violates usage guidelines. Team: t, API key ID: k, Model: grok-4-0709, "
                    "Failed check: SAFETY_CHECK_TYPE_BIO"}, R.content_policy_blocked),
    # https://github.com/stanford-crfm/helm/pull/3770 (the same refusal under xAI's permission-denied code)
    (403, {"code": "permission-denied", "error": "Content violates usage guidelines. "}, R.content_policy_blocked),
    # https://github.com/BerriAI/litellm/pull/24347 (a LiteLLM guardrail block, a 400 since that PR)
    (400, {"error": {"message": "Violated guardrail policy", "type": "invalid_request_error", "code": "400"}},
     R.content_policy_blocked),
    # near misses: xAI's permission refusal without content words is the key's; OpenRouter's guardrail is routing
    (403, {"code": "permission-denied", "error": "The caller does not have permission to execute the specified "
                                                 "operation"}, R.auth),
    (404, {"error": {"message": "No endpoints available matching your guardrail restrictions and data policy."}},
     R.provider_policy_blocked),
])
def test_a_content_refusal_under_a_permission_status_is_content_policy(status: int, body: dict[str, Any],
                                                                        expect: FailoverReason) -> None:
    """A safety check or guardrail refusing this request's content, even as a 403, never rotates the key."""
    assert classify_api_error(exception_from_http("openai", status, body)).reason is expect


def test_fastchat_moderation_text_is_content_policy() -> None:
    """FastChat's moderation answer names the content (https://github.com/lm-sys/FastChat/issues/3512)."""
    text = "$MODERATION$ YOUR INPUT VIOLATES OUR CONTENT MODERATION GUIDELINES."
    assert classify_api_error(exception_from_message("Error", text)).reason is R.content_policy_blocked


@pytest.mark.parametrize(("status", "text", "expect"), [
    # Anthropic's workspace spend cap, back on a calendar date (seen through LiteLLM's proxy)
    (400, "You have reached your specified API usage limits. You will regain access on 2026-09-01 at 00:00 UTC.",
     R.billing),
    # new-api relays' "user quota insufficient, remaining ..." (its relay code returns it as a 403), and its
    # "pre-deducting the quota failed"
    (403, "用户额度不足, 剩余额度: $-0.000002", R.billing),
    (403, "预扣费额度失败, 用户剩余额度: $0.000000, 需要预扣费额度: $0.012000", R.billing),
    # near miss: usage limits that say they reset soon are a rate limit
    (429, "You have hit your usage limits. Your limit resets in 5 minutes.", R.rate_limit),
])
def test_spend_caps_and_relay_balances_are_billing(status: int, text: str, expect: FailoverReason) -> None:
    """A usage cap with no near reset, or a relay's exhausted balance, is billing under any 4xx."""
    assert classify_api_error(exception_from_message("APIStatusError", text, status=status)).reason is expect


@pytest.mark.parametrize(("body", "headers", "expect"), [
    # Gemini's per-minute quota as a gateway forwards it (mozilla-ai otari), with Retry-After
    ({"detail": "You exceeded your current quota. Please retry in 34.6s."}, {"Retry-After": "34"}, R.rate_limit),
    # near misses: no wait hint, or a per-day quota id, is the plan's wall
    ({"detail": "You exceeded your current quota, please check your plan and billing details."}, {}, R.billing),
    ({"detail": "You exceeded your current quota. quotaId: GenerateRequestsPerDayPerProjectPerModel-FreeTier. "
                "Please retry in 34.6s."}, {"Retry-After": "34"}, R.billing),
])
def test_a_quota_429_that_reopens_in_seconds_is_a_rate_limit(body: dict[str, Any], headers: dict[str, str],
                                                            expect: FailoverReason) -> None:
    """"Exceeded your current quota" with a wait of seconds and no daily quota named is a per-minute window."""
    assert classify_api_error(exception_from_http("openai", 429, body, headers)).reason is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/pig-mesh/deepseek4j/issues/40 (DeepSeek's serde/axum rejection)
    ("Failed to deserialize the JSON body into the target type: messages[1]: missing field `content` at line 8 "
     "column 5", R.format_error),
    # https://github.com/foundation-model-stack/fms-guardrails-orchestrator/issues/91 (the same axum text)
    ("Failed to deserialize the JSON body into the target type: guardrail_config.output: missing field `models` "
     "at line 9 column 3", R.format_error),
    ("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP "
     "library correctly.)", R.format_error),
    ("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
     R.format_error),
    ("Invalid file 'image': unsupported mimetype ('application/octet-stream'). Supported file formats are "
     "'image/jpeg', 'image/png', and 'image/webp'.", R.format_error),
    ("Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/"
     "troubleshooting", R.format_error),
    # near miss: a client that could not deserialize the answer is no request defect: the answer's own
    ("Failed to deserialize the response body", R.malformed_response),
])
def test_request_defects_in_server_wordings(text: str, expect: FailoverReason) -> None:
    """A body, field or file the server refused, without a status: fix the request, do not retry it."""
    assert classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size
    ("invalid_request_error: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024",
     R.format_error),
    ("`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at "
     "https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size",
     R.format_error),
    # near miss: Anthropic's real overflow names max_tokens and the context limit, no thinking budget
    ("input length and `max_tokens` exceed context limit: 188240 + 21333 > 200000, decrease input length or "
     "`max_tokens` and try again", R.context_overflow),
])
def test_a_thinking_budget_out_of_bounds_is_a_request_defect(text: str, expect: FailoverReason) -> None:
    """A thinking budget below 1024 or not below max_tokens is the request's fault, whatever its doc link says."""
    assert classify_api_error(exception_from_message("BadRequestError", text, status=400)).reason is expect


@pytest.mark.parametrize(("text", "expect"), [
    ("Prompt exceeds max length", R.context_overflow),  # Zhipu's code 1261
    ("输入内容过长\uff0c请减少 Prompt 中的 token 数量后重试", R.context_overflow),
    # near miss: a field's own length cap is a format defect
    ("tools[0].function.name: string exceeds max length 64", R.format_error),
])
def test_prompt_length_wordings_are_overflow(text: str, expect: FailoverReason) -> None:
    """A prompt past the model's length, in Zhipu's and Chinese relays' words, asks for compression."""
    assert classify_api_error(exception_from_message("BadRequestError", text, status=400)).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/langgenius/dify/issues/35165, https://github.com/gpustack/gpustack/issues/2698
    ("ChunkedEncodingError", "Response ended prematurely", R.stream_incomplete),
    # https://github.com/RayBytes/ChatMock/issues/83 (urllib3 under requests)
    ("ProtocolError", "Response ended prematurely", R.stream_incomplete),
    ("APIConnectionError", "litellm.APIConnectionError: Response ended prematurely", R.stream_incomplete),
    ("Error", "API Error: Connection closed mid-response. The response above may be incomplete.",
     R.stream_incomplete),
    ("Error", 'Type validation failed: Value: {"error":"Stream error: error decoding response body"}.',
     R.stream_incomplete),
    ("Error", 'failed to decode event payload: unexpected end of JSON input - body: {"id":"chatcmpl-1","obj',
     R.stream_incomplete),
    # near miss: a body that was never JSON (an HTML page) is a malformed answer, not a cut stream
    ("SyntaxError", "Unexpected end of JSON input", R.malformed_response),
])
def test_a_stream_cut_before_its_end_is_incomplete(type_name: str, text: str, expect: FailoverReason) -> None:
    """An answer whose body stopped mid-way is resent, even under a connection class."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect


@pytest.mark.parametrize(("text", "status", "expect"), [
    # https://github.com/ollama/ollama/issues/12182, /7909, /2778, /9739 (Ollama's capability checks)
    ('Error: 400 Bad Request: "embeddinggemma" does not support generate', 400, R.model_not_found),
    ('"quentinz/bge-large-zh-v1.5:latest" does not support generate', 400, R.model_not_found),
    ("error : embedding models do not support chat", None, R.model_not_found),
    ("this model does not support embeddings", 400, R.model_not_found),
    ("As of transformers v4.44, default chat template is no longer allowed, so you must provide a chat template "
     "if the tokenizer does not define one.", 400, R.model_not_found),
    # LM Studio cannot load the model; llama.cpp cannot allocate the weights' buffer
    ('Failed to load model "gpt-oss-20b". Error: Error loading model.', 400, R.model_not_found),
    ("llama runner process has terminated: error loading model: unable to allocate CUDA0 buffer", 500,
     R.model_not_found),
    # near misses: a model still loading is a busy server; a tool the model refuses is the request's
    ("Loading model, please wait", 503, R.overloaded),
    ("registry.ollama.ai/library/gemma:2b does not support tools", 400, R.format_error),
])
def test_a_model_this_server_cannot_serve(text: str, status: int | None, expect: FailoverReason) -> None:
    """An embedding model asked to chat, a model without a chat template, or one the host cannot load: fall back."""
    assert classify_api_error(exception_from_message("Error", text, status=status)).reason is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/BerriAI/litellm/issues/8392, /4314 (LiteLLM proxy's parallel-request limiter)
    ("Max parallel request limit reached Hit limit for LiteLLM Virtual Key user_api_key_hash: 3758", R.rate_limit),
    ("max_parallel_requests limit reached", R.rate_limit),
    # near miss: a parallel tool call count the request exceeded is no throttle
    ("parallel tool calls are not supported for this model", R.unknown),
])
def test_a_proxys_parallel_request_limit_is_a_rate_limit(text: str, expect: FailoverReason) -> None:
    """Too many requests in flight on a virtual key clears as soon as some finish."""
    assert classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("text", "expect"), [
    ("Unexpected API Response: The language model did not provide any assistant messages.", R.empty_response),
    ("Invalid API Response: The provider returned an empty or unparsable response.", R.empty_response),
    ("Expected at least one candidate in Gemini response", R.empty_response),  # pydantic-ai
    ("Content field missing from Gemini response, body", R.empty_response),
    ('{"error":{"message":"Upstream error"}}', R.server_error),
    ("Server error, please report the following request id: c1abab9a-6b87-42bf-b218-176f71929c9c", R.server_error),
    ("1 validation error for ChatCompletionStreamResponse\nchoices.0.finish_reason\n  Input should be 'stop' or "
     "'length' [type=enum, input_value='error', input_type=str]", R.server_error),
    ("OpenAI Compatible request failed (502)", R.server_error),
    # near misses: a request failure with a 4xx is the request's; a validation error on another value is an answer
    # the client's class could not read (answer_model_refused), not the server's failure
    ("OpenAI Compatible request failed (400)", R.format_error),
    ("1 validation error for ChatCompletionStreamResponse\nchoices.0.finish_reason\n  Input should be 'stop' or "
     "'length' [type=enum, input_value='eos', input_type=str]", R.malformed_response),
])
def test_status_less_empty_and_server_side_wordings(text: str, expect: FailoverReason) -> None:
    """An empty answer or an upstream's own failure, named by a client without a status, is retried (the rules alone:
    the near miss is about them, not about what the neighbour index makes of an unread text)."""
    assert classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("body", "expect"), [
    # vLLM's flat ErrorResponse answered under HTTP 200 (RunPod's worker)
    ({"code": 404, "message": "The model `m` does not exist.", "object": "error", "param": None,
      "type": "NotFoundError"}, R.model_not_found),
    ({"code": 400, "message": "This model's maximum context length is 4096 tokens.", "object": "error",
      "param": None, "type": "BadRequestError"}, R.context_overflow),
    # LM Studio's answer for a path it does not serve: the caller's base URL lacks /v1, a request defect (four of the
    # corpus's five texts of it are format_error; https://github.com/pssah4/vault-operator/issues/73)
    ({"error": "Unexpected endpoint or method. (POST /chat/completions)"}, R.format_error),
    # near miss: a completion without choices is still an empty answer
    ({"id": "x", "object": "chat.completion", "choices": []}, R.empty_response),
])
def test_an_error_object_under_http_200(body: dict[str, Any], expect: FailoverReason) -> None:
    """An error object sent with HTTP 200, as the SDK parses it, is decided by its message and type."""
    c = classify_soft_failure(response_from_http("openai", body))
    assert (c.reason if c else None) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/WEIFENG2333/VideoCaptioner/issues/936 (a relay's per-minute cap sent as a 403)
    ("PermissionDeniedError", "Error code: 403 - RPM limit exceeded. Please complete identity verification to lift "
                              "the restriction.", 403, R.rate_limit),
    # https://github.com/acheong08/ChatGPT/issues/533 (a ban, raised by the 0.x SDK as RateLimitError)
    ("RateLimitError", "Your access was terminated due to violation of our policies, please check your email for "
                       "more information.", 429, R.auth_permanent),
    # https://github.com/QuantumNous/new-api/issues/4499 (new-api's banned-word filter under LiteLLM's 500)
    ("InternalServerError", "litellm. InternalServerError: Internal ServerError: OpenAIException - "
                            "sensitive_words_detected (request id:\n20260xxxxx0tJv7)", 500, R.content_policy_blocked),
    # https://github.com/tontinton/maki/issues/777 (OpenAI's overload wording under a 400)
    ("Error", "sub-agent error: API error (400): Our servers are currently overloaded. Please try again later.", None,
     R.overloaded),
    # https://github.com/vybestack/llxprt-code/issues/144 (Fireworks' queue could not start the answer)
    ("RateLimitError", "429 Request didn't generate first token before the given deadline", 429, R.overloaded),
    # https://github.com/OpenHands/OpenHands/pull/7713 (LiteLLM's 500 around an answer with no choices)
    ("InternalServerError", "litellm.InternalServerError: Response choices is less than 1 - This is only seen in "
                            "Gemini Pro 2.5 so far.", 500, R.empty_response),
    # https://github.com/agentgateway/agentgateway/pull/977 (a gateway's 503 around an answer it could not parse)
    ("Error", "gateway model request failed: gateway returned status 503: processing failed: failed to parse "
              "response: missing field choices at line 1 column 180", None, R.malformed_response),
    # https://github.com/NanmiCoder/cc-haha/issues/129 (Kimi's tokens-per-day cap: no wait of seconds helps)
    ("RateLimitError", "Your account org-x / proj-y <ak-z> request reached organization TPD rate limit, current: "
                       "1519679, limit: 1500000", 429, R.billing),
    # https://github.com/su-kaka/gcli2api/issues/416 (the ErrorInfo reason names the missing credits)
    ("RateLimitError", '"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", '
                       '"status": "RESOURCE_EXHAUSTED", "details": [{"reason": "INSUFFICIENT_G1_CREDITS_BALANCE"', 429,
     R.billing),
    # https://github.com/kirodotdev/Kiro/issues/7231 (an account locked until support verifies it)
    ("PermissionDeniedError", "[403]: Your User ID (24c8b4c8) temporarily is suspended. We've locked your account as "
                              "a security precaution.", 403, R.auth_permanent),
    # near misses: the same statuses with nothing but their generic words keep the status's reading
    ("PermissionDeniedError", "Error code: 403 - Forbidden", 403, R.auth),
    ("RateLimitError", "Rate limit reached for requests. Please try again in 20s.", 429, R.rate_limit),
    ("RateLimitError", "Request rate limit exceeded, current: 61, limit: 60 per minute", 429, R.rate_limit),
    ("InternalServerError", "litellm.InternalServerError: Internal Server Error", 500, R.server_error),
    ("Error", "API error (400): Invalid value for 'temperature': must be between 0 and 2.", None, R.format_error),
])
def test_clear_text_outranks_a_generic_status(type_name: str, text: str, status: int | None,
                                              expect: FailoverReason) -> None:
    """What the text says failed (a ban, a banned word, capacity, a per-minute or per-day cap, an unusable answer)
    beats the reading of the status a wrapper gave it."""
    assert classify_api_error(exception_from_message(type_name, text, status=status)).reason is expect


_QIANFAN_ERRORS = "https://ai.baidu.com/ai-doc/WENXINWORKSHOP/tlmyncueh"


@pytest.mark.parametrize(("body", "expect"), [
    # https://github.com/Undertone0809/promptulate/issues/60 and https://github.com/classfang/AIHub/issues/16
    ({"error_code": 336003, "error_msg": "the length of messages must be an odd number", "id": "as-r2m1yiqv5z"},
     R.format_error),
    ({"error_code": 336002, "error_msg": "Invalid JSON", "id": "as-gqmx0jixp0"}, R.format_error),
    # codes 18, 110 and 336000 of _QIANFAN_ERRORS, in its own words
    ({"error_code": 18, "error_msg": "Open api qps request limit reached"}, R.rate_limit),
    ({"error_code": 110, "error_msg": "Access token invalid or no longer valid"}, R.auth),
    ({"error_code": 336000, "error_msg": "Internal error"}, R.server_error),
    # Tencent Cloud API 3.0's failure envelope: https://tencentcloud.com/document/api/1131/45350
    ({"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "The provided credentials could not "
                             "be validated. Please ensure your signature is correct."},
                   "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}, R.auth),
    # near miss: a zero error_code beside a real answer is no failure
    ({"error_code": 0, "error_msg": "", "choices": [
        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hi"}}]}, None),
])
def test_an_error_envelope_under_http_200_is_read_like_an_http_error(body: dict[str, Any],
                                                                     expect: FailoverReason | None) -> None:
    """Baidu's ``error_code``/``error_msg`` and Tencent's ``Response.Error`` sent with HTTP 200, as the SDK parses
    them, are decided by their code and message; an envelope no rule reads is the server's failure."""
    c = classify_soft_failure(response_from_http("openai", body))
    assert (c.reason if c else None) is expect


@pytest.mark.parametrize(("event", "expect"), [
    # https://github.com/ZyphrZero/z.ai2api_python/issues/58 (chat.z.ai's stream event wrapping an error)
    ({"type": "chat:completion", "data": {"error": {
        "detail": "Content Security Warning: The content may contain inappropriate content.",
        "content": "Content Security Warning: The content may contain inappropriate content."},
        "done": True, "phase": "other"}}, R.content_policy_blocked),
    # https://github.com/BerriAI/litellm/issues/20357 (an image model's own block value, no parts)
    ({"candidates": [{"content": {"role": "model"}, "finishReason": "IMAGE_PROHIBITED_CONTENT"}]},
     R.content_policy_blocked),
    # near misses: an event whose data carries no error, and a finished candidate with text
    ({"type": "chat:completion", "data": {"delta_content": "hi", "phase": "answer"}}, None),
    ({"candidates": [{"content": {"role": "model", "parts": [{"text": "hi"}]}, "finishReason": "STOP"}]}, None),
])
def test_stream_events_that_wrap_an_error_or_a_block(event: dict[str, Any], expect: FailoverReason | None) -> None:
    """An event whose ``data`` holds an error object, and Gemini's image block values, end the answer."""
    c = classify_soft_failure(event)
    assert (c.reason if c else None) is expect


_VENICE_ERRORS = "https://docs.venice.ai/api-reference/error-codes"


@pytest.mark.parametrize(("status", "body", "expect", "source"), [
    # Venice's documented table: the text, not the 401/403/422/503, says what failed
    (401, {"error": "Authentication failed - Pro subscription is inactive. Please upgrade your subscription to "
                    "continue using the API"}, R.billing, _VENICE_ERRORS),
    (401, {"error": "This model is only available to Pro users"}, R.model_not_found, _VENICE_ERRORS),
    (403, {"error": "API access has been disabled for this account. Please contact support@venice.ai"},
     R.auth_permanent, _VENICE_ERRORS),
    (422, {"error": "Your prompt violates the content policy of Venice.ai or the model provider"},
     R.content_policy_blocked, _VENICE_ERRORS),
    (503, {"error": "The model is temporarily offline. Please try again later."}, R.server_error, _VENICE_ERRORS),
    # Azure OpenAI with disableLocalAuth: no key will ever pass
    (403, {"error": {"code": "AuthenticationTypeDisabled", "message": "Key based authentication is disabled for this "
                                                                      "resource."}}, R.auth_permanent,
     "https://github.com/Azure-Samples/azure-search-openai-demo/issues/1617"),
    # Kong could not resolve the provider's upstream: an outage at the gateway, not load
    (503, {"message": "name resolution failed"}, R.server_error, "https://github.com/Kong/kong/issues/10170"),
    # Grok's plain-text 403 refusal
    (403, "I can't help with that request.", R.content_policy_blocked, "https://github.com/openclaw/openclaw/issues/155823"),
    # Werkzeug's default 500 page names overload only as one possible cause
    (500, "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n"
          "<p>The server encountered an internal error and was unable to complete your request. Either the server is "
          "overloaded or there is an error in the application.</p>", R.server_error,
     "https://github.com/0ssamaak0/MackingJAI/issues/3"),
    # OpenCode's RegionError type: a model its region rules keep from this account
    (403, {"type": "error", "error": {"type": "RegionError", "message": "The latest version of this model is only "
           "available hosted in China and requires explicit opt in"}}, R.provider_policy_blocked,
     "https://github.com/NousResearch/hermes-agent/issues/75400"),
    # Anthropic's prefill refusal when tools are set
    (400, {"type": "error", "error": {"type": "invalid_request_error", "message": "Your API request included an "
           "`assistant` message in the final position, which would pre-fill the `assistant` response. When using "
           "tools, pre-filling the `assistant` response is not supported."}}, R.prefill_unsupported,
     "https://github.com/Doriandarko/claude-engineer/issues/9"),
    # a validator's list of accepted block types names 'thinking' without any thinking block at fault
    (400, {"type": "error", "error": {"type": "invalid_request_error", "message": "messages.1.content.0: Input tag "
           "'fallback' found using 'type' does not match any of the expected tags: 'document', 'image', "
           "'redacted_thinking', 'text', 'thinking', 'tool_result', 'tool_use'"}}, R.format_error,
     "https://github.com/vercel/ai/blob/dc5fc4acab11b38b3b6922d05f3e3d802f9f74b7/packages/anthropic/src/__fixtures__/"
     "anthropic-fallback-replay-without-beta.error.json"),
    # Gemini refusing a system instruction: drop it, the same model serves
    (400, {"error": {"code": 400, "message": "Developer instruction is not enabled for models/gemini-1.0-pro",
                     "status": "INVALID_ARGUMENT"}}, R.format_error,
     "https://github.com/devoxx/DevoxxGenieIDEAPlugin/issues/394"),
    # near misses: generic words under the same statuses keep the status's reading; a 503 that only asks to come back
    # later is load; a feature the model lacks (not the request's to drop) is model support; a signature is thinking's
    (401, {"error": "Authentication failed"}, R.auth, "-"),
    (403, {"error": "Forbidden"}, R.auth, "-"),
    (503, {"error": "The service is busy. Please try again later."}, R.overloaded, "-"),
    (503, {"message": "no healthy upstream"}, R.overloaded, "-"),
    (500, "<html><title>500 Internal Server Error</title><p>The server is overloaded.</p></html>", R.overloaded, "-"),
    (400, {"error": {"code": 400, "message": "Multiturn chat is not enabled for models/gemini-1.0-pro-vision",
                     "status": "INVALID_ARGUMENT"}}, R.model_not_found, "-"),
    (400, {"type": "error", "error": {"type": "invalid_request_error", "message": "messages.1.content.0.thinking."
           "signature: Field required"}}, R.thinking_signature, "-"),
])
def test_documented_texts_outrank_a_generic_status(status: int, body: Any, expect: FailoverReason,
                                                   source: str) -> None:
    """A provider's documented or plain text (a lapsed plan, a tier's model, a disabled account or key type, a refusal,
    an outage, a region rule, a prefill, a system instruction) decides over the reading of its status."""
    assert classify_api_error(exception_from_http("openai", status, body)).reason is expect, source


@pytest.mark.parametrize(("text", "status", "expect", "source"), [
    ("There's an issue with the selected model (claude-sonnet-4-5). It may not exist or you may not have access to "
     "it.", None, R.model_not_found, "https://github.com/The-AgenticFlow/openflows/pull/69"),
    ("Oops. Something went wrong: No healthy deployment available, passed model=gpt-4-0125-preview", None,
     R.model_not_found, "https://github.com/OpenHands/OpenHands/issues/619"),
    ('{"message":"Model has not been loaded, please load model into cortex.llamacpp"}', None, R.model_not_found,
     "https://github.com/janhq/cortex.cpp/issues/1823"),
    ("Engine is not loaded yet", 400, R.model_not_found, "https://github.com/janhq/jan/issues/4686"),
    ("Error: Model does not support images. Please use a model that does.", None, R.model_not_found,
     "https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/362"),
    ('{"error":"Model requires a Pro subscription; check out hf.co/pricing to learn more. Make sure to include your HF '
     'token in your query."}', None, R.model_not_found, "https://github.com/radareorg/r2ai/pull/65"),
    ("openai.gpt-5.6-luna is not available for this account. You can explore other available models on Amazon "
     "Bedrock.", None, R.model_not_found, "https://github.com/theopenco/llmgateway/pull/3393"),
    ('Request to https://api.replicate.com/v1/predictions failed with status 422 Unprocessable Entity: {"title":'
     '"Invalid version or not permitted","detail":"The specified version does not exist (or perhaps you don\'t have '
     'permission to use it?)","status":422}', 422, R.model_not_found,
     "https://github.com/replicate/replicate-javascript/issues/307"),
    # near misses: a server loading the model is busy, not missing; LiteLLM's cooldown names no missing model
    ("Loading model, please retry in a moment", 503, R.overloaded, "-"),
    ("No deployments available for selected model, Try again in 60 seconds. Passed model=gpt-4o. pre-call-checks="
     "False, allowed_model_region=n/a, cooldown_list=[('a', {'exception_received': 'litellm.RateLimitError'})]", 429,
     R.rate_limit, "-"),
    ("API access is not available for this account", None, R.unknown, "-"),
])
def test_a_model_not_there_or_not_loaded_in_wrappers_words(text: str, status: int | None, expect: FailoverReason,
                                                           source: str) -> None:
    """Wrappers' and local servers' words for a model that is not served here (absent, not loaded, reserved to a tier
    or an account, without vision): another model or endpoint, not a retry."""
    c = classify_api_error(exception_from_message("Error", text, status=status), word_model=NO_MODEL)
    assert c.reason is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    ("Requested generation length 1 is not possible! The provided prompt is 4309 tokens long, so generating 1 tokens "
     "requires a sequence length of 4310, but the maximum supported sequence length is just 4096!",
     R.context_overflow, "https://github.com/cline/cline/issues/294"),
    ("Failed to process the request(s) for model 'gemma_chat_0_0', message: ValueError: The sum of prompt length "
     "(9351.0), query length (0) should not exceed max_num_tokens (8192)", R.context_overflow,
     "https://github.com/NVIDIA/TensorRT-LLM/issues/9277"),
    ("context shift is disabled", R.context_overflow, "https://github.com/ikawrakow/ik_llama.cpp/pull/2051"),
    ("Context overflow: prompt too large for the model. Try again with less input or a larger-context model.",
     R.context_overflow, "https://github.com/openclaw/openclaw/issues/5771"),
    ('Status: 400. Message: {"object":"error","message":"Too many tokens in batch. Max is 16384 got 17555","type":'
     '"invalid_request_error","param":null,"code":null}', R.context_overflow,
     "https://github.com/aurelio-labs/semantic-router/issues/297"),
    # near misses: a per-minute token budget is a rate limit; max_num_tokens named as a setting is no overflow
    ("Too many tokens, please wait before trying again.", R.rate_limit, "-"),
    ("max_num_tokens must be a positive integer", R.format_error, "-"),
])
def test_context_overflow_in_servers_words(text: str, expect: FailoverReason, source: str) -> None:
    """Servers' and clients' own words for a prompt past the window (sequence length, max_num_tokens, context shift
    off, "context overflow", a batch's token cap)."""
    assert classify_api_error(exception_from_message("Error", text)).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("OpenAIError", "missing finish_reason for choice 0", R.stream_incomplete,
     "https://github.com/openai/openai-node/issues/1292"),
    ("Error", "Provider error: terminated", R.stream_incomplete, "https://github.com/imzodev/openaidy/issues/408"),
    ("TypeError", "terminated", R.stream_incomplete, "https://github.com/nodejs/undici/blob/main/lib/web/fetch/index.js"),
    ("Error", "Streaming response ended before any complete data was received. Retrying without streaming.",
     R.stream_incomplete, "https://github.com/BerriAI/litellm/pull/41826"),
    ("Error", "Could not respond to message. An error occurred while streaming response. network error",
     R.stream_incomplete, "https://github.com/Mintplex-Labs/anything-llm/issues/3235"),
    ("Error", "Agent Error, unknown agent message: Unknown error from LLM stream", R.stream_incomplete,
     "https://github.com/google-gemini/gemini-cli/issues/12122"),
    ("APIError", "The provider repeatedly ended the response before returning usable output.", R.empty_response,
     "https://github.com/diegosouzapw/OmniRoute/issues/8320"),
    ("Error", "Provider finish_reason: network_error retrying in 17s - attempt #5", R.server_error,
     "https://github.com/anomalyco/opencode/issues/44624"),
    # near misses: undici's "terminated" with its cause printed is read by the cause; a runner that terminated is the
    # server's fault; an account whose access was terminated is a ban
    ("TypeError", "terminated\n  [cause]: SocketError: other side closed\n    code: 'UND_ERR_SOCKET'", R.timeout, "-"),
    ("Error", "llama runner process has terminated: exit status 2", R.server_error, "-"),
    ("Error", "Your access was terminated due to violation of our policies", R.auth_permanent, "-"),
])
def test_a_cut_stream_in_clients_words(type_name: str, text: str, expect: FailoverReason, source: str) -> None:
    """A stream cut before its end (undici's bare "terminated", no finish_reason, "ended before", "network error"
    while streaming) is resent; a stream closed on Zhipu's network_error is the server's failure."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect, source


def test_a_stream_terminated_code_under_a_502_is_incomplete() -> None:
    """OmniRoute's 502 ``stream_terminated`` code (https://github.com/diegosouzapw/OmniRoute/issues/10029)."""
    body = {"error": {"message": "terminated", "type": "stream_error", "code": "stream_terminated"}}
    assert classify_api_error(exception_from_http("anthropic", 502, body)).reason is R.stream_incomplete
    assert classify_api_error(exception_from_http("anthropic", 502, {"error": {"message": "Bad gateway"}})).reason \
        is R.server_error


_ARK_ERRORS = "https://www.volcengine.com/docs/82379/1299023"
_HUAWEI_MAAS_CODES = "https://support.huaweicloud.com/intl/id-id/usermanual-maas-modelarts/maas-modelarts-0080.html"
_CLOVA_ERRORS = "https://api.ncloud-docs.com/release-20250717/docs/en/clovastudio-troubleshoot-c4xx"
_ZHIPU_CODES = "https://docs.bigmodel.cn/cn/api/api-code"
_QIANFAN_V2_ERRORS = "https://cloud.baidu.com/doc/qianfan-api/s/Om9b4yj3w"


def _clova(code: str, message: str) -> dict[str, Any]:
    return {"status": {"code": code, "message": message}, "result": None}


def _zhipu(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


@pytest.mark.parametrize(("status", "body", "expect", "source"), [
    # documented code tables: the code decides, whatever the status
    (400, {"error": {"code": "SensitiveContentDetected", "message": "The request failed because the input text may "
                     "contain sensitive information.", "param": "", "type": "BadRequest"}}, R.content_policy_blocked,
     _ARK_ERRORS),
    (400, {"error": {"code": "InputImageSensitiveContentDetected", "message": "The request failed because the input "
                     "image may contain sensitive information.Request ID: 1", "param": "", "type": "BadRequest"}},
     R.content_policy_blocked, _ARK_ERRORS),
    (400, {"error_code": "ModelArts.81002", "error_msg": "Failed to get the authorization header."}, R.auth,
     _HUAWEI_MAAS_CODES),
    (403, {"error_code": "ModelArts.81011", "error_msg": "May contain senstive....."}, R.content_policy_blocked,
     _HUAWEI_MAAS_CODES),
    (400, _clova("40003", "Context length exceeded"), R.context_overflow, _CLOVA_ERRORS),
    (400, _clova("40005", "Unavailable output"), R.content_policy_blocked, _CLOVA_ERRORS),
    (400, _clova("40082", "Model fade out"), R.model_not_found, _CLOVA_ERRORS),
    (400, {"error": {"code": "characters_too_long", "message": "the max input characters is xxx",
                     "type": "invalid_request_error"}}, R.context_overflow, _QIANFAN_V2_ERRORS),
    (400, {"error": {"message": "The dedicated endpoint for mistralai/Mixtral-8x22B-Instruct-v0.1 is not running. "
                     "Please visit https://api.together.ai/models to start the endpoint.",
                     "type": "invalid_request_error", "param": None, "code": "dedicated_endpoint_not_running"}},
     R.model_not_found, "https://github.com/HeyPuter/puter/issues/3168"),
    # Zhipu's table in its Chinese texts
    (429, _zhipu("1304", "该 API 已达今日调用次数限额\uff0c如有更多需求\uff0c请联系客服购买。"), R.billing,
     _ZHIPU_CODES),
    (429, _zhipu("1309", "您的 GLM Coding Plan 套餐已到期\uff0c暂无法使用\uff0c前往官方续订后即可恢复"),
     R.billing, _ZHIPU_CODES),
    (429, _zhipu("1310", "您已达到每周/每月使用上限\uff0c您的限额将在 2026-12-08 00:00:00 重置。"), R.billing,
     _ZHIPU_CODES),
    (429, _zhipu("1313", "您的账户当前使用模式不符合公平使用策略\uff0c请求频率已受到限制。"), R.provider_policy_blocked,
     _ZHIPU_CODES),
    (401, _zhipu("1110", "您的账户当前处于非活动状态。请检查账户信息。"), R.auth_permanent, _ZHIPU_CODES),
    (400, _zhipu("1221", "API chatglm_pro 已下线。"), R.model_not_found, _ZHIPU_CODES),
    # a weekly plan cap that says when it resets: days away
    (403, {"error": {"message": "You've reached your weekly (7-day) usage limit. Your quota will reset when the "
                     "current 7-day window ends. To continue now, purchase extra usage or upgrade your plan",
                     "type": "access_terminated_error"}}, R.billing, "https://github.com/openclaw/openclaw/pull/142656"),
    # a wrong route, a size cap, a model no provider or endpoint serves, a 499 the server sent
    (400, {"error": {"code": "InvalidURL", "message": "Invalid URL provided in your request.", "type": "InvalidURL"}},
     R.model_not_found, "https://www.alibabacloud.com/help/en/model-studio/developer-reference/error-code"),
    (400, {"message": "The requested operation is not recognized by the service."}, R.model_not_found,
     "https://github.com/aws-samples/amazon-bedrock-workshop/issues/58"),
    (400, {"type": "error", "error": {"type": "invalid_request_error", "message": "messages.38.content.0.pdf.source."
                                      "base64.data: A maximum of 100 PDF pages may be provided."}}, R.payload_too_large,
     "https://github.com/anthropics/claude-code/issues/6231"),
    (400, {"error": {"code": 400, "message": "The file size of `gs://data/abc/image.png` is 47688287, which exceeds "
                     "max allowed file size of 31457280 for `image/png` files. Reduce the file size by lowering the "
                     "image resolution, splitting the PDF into multiple files, and so on.",
                     "status": "INVALID_ARGUMENT"}},
     R.image_too_large, "https://github.com/googleapis/js-genai/issues/1391"),
    (499, {"error": {"code": 499, "message": "The operation was cancelled.", "errors": [
        {"message": "The operation was cancelled.", "domain": "global", "reason": "backendError"}],
        "status": "CANCELLED"}}, R.timeout, "https://github.com/google-gemini/gemini-cli/issues/20309"),
    (400, {"error": {"message": "Missing namespace for function_call 'create_widget'. It does not exist in the default "
                     "namespace. Round-trip the model's function_call item with its namespace field included.",
                     "type": "invalid_request_error", "param": "input[3].namespace", "code": None}}, R.format_error,
     "https://github.com/vercel/ai/blob/f41714791a2780d6e7667bf98ac54a223e5381d5/packages/openai/src/responses/"
     "__fixtures__/openai-missing-function-call-namespace-error.1.json"),
    (500, {"error": {"message": "The model produced invalid content. Consider modifying your prompt if you are seeing "
                     "this error persistently.", "type": "model_error", "param": None, "code": None}},
     R.malformed_response, "https://github.com/BerriAI/litellm/issues/8020"),
    # near misses: another code of the same envelopes; Huawei's frozen resource and Qianfan's image range (left to the
    # status); a rate limit among Zhipu's codes; a plan window of hours; a PDF over the file cap (the body, not an
    # image); a missing model beside the namespace words; OpenAI's plain 500; Google's invalid argument
    (400, {"error": {"code": "InvalidParameter", "message": "The parameter `temperature` specified in the request are "
                     "not valid", "param": "temperature", "type": "BadRequest"}}, R.format_error, "-"),
    (400, _clova("40001", "Invalid parameter"), R.format_error, "-"),
    (401, {"error_code": "ModelArts.81006", "error_msg": "The resource is frozen."}, R.auth, "-"),
    (400, {"error": {"code": "invalid_image_url", "message": "the image width and height are not within the allowed "
                     "range", "type": "invalid_request_error"}}, R.format_error, "-"),
    (429, _zhipu("1302", "Rate limit reached for requests"), R.rate_limit, "-"),
    (429, {"error": {"message": "You've reached your usage limit for this 5-hour window. It resets in 3 hours."}},
     R.rate_limit, "-"),
    (400, {"error": {"code": 400, "message": "The file size of `gs://data/abc/doc.pdf` is 60000000, which exceeds max "
                     "allowed file size of 52428800 for `application/pdf` files. Reduce the file size by lowering the "
                     "image resolution, splitting the PDF into multiple files, and so on.",
                     "status": "INVALID_ARGUMENT"}}, R.payload_too_large, "-"),
    (400, {"error": {"message": "The model `gpt-9` does not exist or you do not have access to it.",
                     "type": "invalid_request_error", "code": "model_not_found"}}, R.model_not_found, "-"),
    (500, {"error": {"message": "The server had an error while processing your request. Sorry about that!",
                     "type": "server_error"}}, R.server_error, "-"),
    (400, {"error": {"code": 400, "message": "Request contains an invalid argument.", "status": "INVALID_ARGUMENT"}},
     R.format_error, "-"),
])
def test_documented_code_tables_and_specific_words_outrank_the_generic_4xx(
        status: int, body: dict[str, Any], expect: FailoverReason, source: str) -> None:
    """Providers' documented codes (Volcengine Ark, Huawei MaaS, CLOVA Studio, Qianfan V2, Together) and Zhipu's table
    texts, a weekly cap, a wrong route, byte and page caps, a model no route serves, a 499 the server sent and an
    invalid answer decide over the status; each family with its near miss (holdout16)."""
    assert classify_api_error(exception_from_http("openai", status, body)).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "status", "expect", "source"), [
    ("Error", "Incomplete JSON segment at the end", None, R.stream_incomplete,
     "https://github.com/googleapis/js-genai/issues/1342"),
    ("Error", 'http2: server sent GOAWAY and closed the connection; LastStreamID=795, ErrCode=ENHANCE_YOUR_CALM, '
              'debug=""', None, R.stream_incomplete, "https://github.com/anthropics/anthropic-sdk-go/issues/219"),
    ("ConnectionClosedError", "received 1011 (internal error) Internal error occurred.; then sent 1011 (internal "
                              "error) Internal error occurred.", None, R.server_error,
     "https://github.com/livekit/agents/issues/2274"),
    ("ConnectionClosedError", "received 1011 (internal error) The service is currently unavailable.; then sent 1011 "
                              "(internal error) The service is currently unavailable.", None, R.overloaded,
     "https://github.com/googleapis/python-genai/issues/760"),
    ("ConnectionClosedError", "no close frame received or sent", None, R.timeout,
     "https://github.com/google/adk-python/issues/3035"),
    ("ValueError", "Cannot get the response text.", None, R.empty_response,
     "https://github.com/googleapis/python-aiplatform/issues/3836"),
    ("ValueError", 'Response candidate content has no parts (and thus no text). The candidate is likely blocked by the '
                   'safety filters.\nContent:\n{}\nCandidate:\n{\n  "finish_reason": "OTHER"\n}', None,
     R.empty_response, "https://github.com/GoogleCloudPlatform/generative-ai/issues/344"),
    ("Error", "stream disconnected before completion: This user's access to gpt-5.3-codex has been temporarily limited "
              "for potentially suspicious activity related to cybersecurity.", None, R.provider_policy_blocked,
     "https://github.com/openai/codex/issues/13311"),
    ("InvalidArgument", "400 Request payload size exceeds the limit: 10000 bytes.", None, R.payload_too_large,
     "https://github.com/zylon-ai/private-gpt/issues/2009"),
    ("Error", "400 The requested model 'moonshotai/Kimi-K2-Instruct' is not supported by any provider you have "
              "enabled.", 400, R.model_not_found, "https://github.com/cline/cline/issues/5098"),
    ("BadRequestError", 'litellm.BadRequestError: CohereException - {"message":"invalid request: generate API is not '
                        "supported for model 'command-a-03-2025'. Please use the chat API instead\"}", 400,
     R.model_not_found, "https://github.com/BerriAI/litellm/issues/9485"),
    # near misses: a JSON text cut without a stream's words; a websocket closed normally; the SDK's block reason printed
    # with the missing parts; a request flagged (not the user restricted); a stream that never sent its request
    ("SyntaxError", "Unexpected end of JSON input", None, R.malformed_response, "-"),
    ("ConnectionClosedOK", "received 1000 (OK); then sent 1000 (OK)", None, R.unknown, "-"),
    ("ValueError", 'Response candidate content has no parts (and thus no text). The candidate is likely blocked by the '
                   'safety filters.\nCandidate:\n{\n  "finish_reason": "SAFETY"\n}', None,
     R.content_policy_blocked, "-"),
    ("Error", "This request was flagged for possible cybersecurity risk.", None, R.content_policy_blocked, "-"),
    ("Error", "stream disconnected before completion: error sending request for url (https://api.openai.com/v1/"
              "responses)", None, R.timeout, "-"),
])
def test_holdout16_wordings_of_sdks_and_transports(type_name: str, text: str, status: int | None,
                                                   expect: FailoverReason, source: str) -> None:
    """Cut streams (a JSON segment, HTTP/2 GOAWAY), websocket closes by their code and reason, the Vertex SDK's empty
    candidates, a user restricted on a model, byte caps and models no route serves, in SDKs' words (holdout16); the
    rules alone (a near miss is about them, not about what the neighbour index makes of a text no rule reads)."""
    error = exception_from_message(type_name, text, status=status)
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect, source


_QIANFAN_V1 = "https://cloud.baidu.com/doc/WENXINWORKSHOP/s/tlmyncueh"


@pytest.mark.parametrize(("body", "expect", "source"), [
    ({"error_code": 4, "error_msg": "Open api request limit reached"}, R.overloaded, _QIANFAN_V1),
    ({"error_code": 6, "error_msg": "No permission to access data"}, R.auth, _QIANFAN_V1),
    ({"error_code": 14, "error_msg": "IAM Certification failed"}, R.auth, _QIANFAN_V1),
    ({"error_code": 19, "error_msg": "Open api total request limit reached"}, R.billing, _QIANFAN_V1),
    ({"code": 336502, "msg": "Rate limit reached for TPM"}, R.rate_limit,
     "https://ai.baidu.com/ai-doc/WENXINWORKSHOP/hlzic283e"),
    ({"candidates": [{"finishReason": "LANGUAGE", "index": 0}]}, R.content_policy_blocked,
     "https://ai.google.dev/api/generate-content#FinishReason"),
    ({"id": "gen-1", "object": "chat.completion.chunk", "model": "deepseek/deepseek-r1", "choices": [
        {"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": "error",
         "native_finish_reason": "error", "error": {
             "message": "Error processing stream", "code": 502,
             "metadata": {"provider_name": "DeepInfra", "raw": {"retryable": True}}}}]},
     R.server_error, "https://github.com/hotovo/aider-desk/issues/103"),
    ({"type": "error", "event_id": "event_1", "error": {
        "type": "invalid_request_error", "code": "session_expired",
        "message": "Your session hit the maximum duration of 30 minutes.", "param": None, "event_id": None}},
     R.stream_incomplete, "https://github.com/livekit/agents/issues/2358"),
    # near misses: Qianfan's qps code and internal error read by their words; a success's code/msg envelope; Gemini's
    # finish OTHER (no block); a chunk whose error names Gemini's bad call; a realtime request defect
    ({"error_code": 18, "error_msg": "Open api qps request limit reached"}, R.rate_limit, "-"),
    ({"error_code": 336000, "error_msg": "Internal error"}, R.server_error, "-"),
    ({"code": 0, "msg": "success", "data": {"result": "ok"}}, None, "-"),
    ({"code": 200, "msg": "ok", "data": {"result": "ok"}}, None, "-"),
    ({"candidates": [{"finishReason": "OTHER", "index": 0}]}, R.empty_response, "-"),
    ({"choices": [{"index": 0, "finish_reason": "error", "native_finish_reason": "MALFORMED_FUNCTION_CALL",
                   "message": {"role": "assistant", "content": None}}]}, R.malformed_response, "-"),
    ({"type": "error", "error": {"type": "invalid_request_error", "code": "invalid_value",
                                 "message": "Invalid value: 'pcm8'. Supported values are: 'pcm16', 'g711_ulaw'."}},
     R.format_error, "-"),
])
def test_holdout16_soft_failures(body: dict[str, Any], expect: FailoverReason | None, source: str) -> None:
    """Qianfan's HTTP-200 envelopes by its documented codes, Gemini's LANGUAGE finish, an error on a stream chunk's
    choice and a realtime session at its length cap (holdout16)."""
    c = classify_soft_failure(body)
    assert (c.reason if c else None) is expect, source


@pytest.mark.parametrize(("api", "body", "expect"), [
    # https://github.com/pydantic/pydantic-ai/blob/362f49678b156c2cb07af5373390dbd986ab9c89/tests/models/cassettes/
    # test_google/test_google_model_armor_response_template_real_block.yaml (Vertex's MODEL_ARMOR finish reason)
    (None, {"candidates": [{"finishMessage": "The response violated Responsible AI Safety settings filters.",
                            "finishReason": "MODEL_ARMOR"}]}, R.content_policy_blocked),
    (None, {"promptFeedback": {"blockReason": "JAILBREAK"}}, R.content_policy_blocked),
    # https://github.com/Mirascope/mirascope/blob/6b0fff591b417e68636e45bb14c34addb3c06ea5/python/tests/e2e/output/
    # cassettes/test_refusal/openai_responses_gpt_4o/sync.yaml (a Responses answer that is only a refusal part)
    ("responses", {"id": "resp_1", "object": "response", "created_at": 1761084245, "status": "completed",
                   "model": "gpt-4o-2024-08-06", "output": [
                       {"id": "msg_1", "type": "message", "status": "completed", "role": "assistant",
                        "content": [{"type": "refusal", "refusal": "I'm very sorry, but I can't assist with that."}]}],
                   "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}, R.content_policy_blocked),
    # near misses: a Responses answer with text, and a Gemini candidate with text, are answers
    ("responses", {"id": "resp_2", "object": "response", "created_at": 1761084245, "status": "completed",
                   "model": "gpt-4o-2024-08-06", "output": [
                       {"id": "msg_2", "type": "message", "status": "completed", "role": "assistant",
                        "content": [{"type": "output_text", "text": "hi", "annotations": []}]}],
                   "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}, None),
    (None, {"candidates": [{"content": {"role": "model", "parts": [{"text": "hi"}]}, "finishReason": "STOP"}]}, None),
])
def test_model_armor_and_refusal_parts_are_content_blocks(api: str | None, body: dict[str, Any],
                                                         expect: FailoverReason | None) -> None:
    """Vertex's Model Armor and jailbreak blocks, and a Responses message made only of refusal parts, end the answer
    as a content block (the SDK's parsed Response object and the plain dict read the same)."""
    response = response_from_http("responses", body) if api == "responses" else body
    c = classify_soft_failure(response)
    assert (c.reason if c else None) is expect
    if api == "responses":
        c = classify_soft_failure(body)
        assert (c.reason if c else None) is expect


_HUAWEI_MAAS_ERRORS = "https://www.huaweicloud.com/guide/productsdesc-bms_61ecf7507c2de3fabbbb9da99692d6besupport0"
_GEMINI_QUOTA = "You exceeded your current quota, please check your plan and billing details."


def _quota_failure(quota_id: str) -> dict[str, Any]:
    return {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [
        {"quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests", "quotaId": quota_id}]}


@pytest.mark.parametrize(("status", "body", "expect", "source"), [
    # Huawei Cloud's {error_code, error_msg} envelope: the message is read like any other body's
    (401, {"error_msg": "The free quota has been used up."}, R.billing, _HUAWEI_MAAS_ERRORS),
    (400, {"error_code": "ModelArts.4905", "error_msg": "Failed to check the authorization request header. "}, R.auth,
     _HUAWEI_MAAS_ERRORS),
    (400, {"error_code": "ModelArts.4203", "error_msg": "Invalid request because requested service "
                                                       "5a6a7a2d-3a1b-44d3-bb40-3633a8ef**** is unavailable. "},
     R.model_not_found, _HUAWEI_MAAS_ERRORS),
    (429, {"error_msg": "The throttling threshold has been reached: policy ip over ratelimit,limit:5,time:1 minute",
           "error_code": "APIG.0308", "request_id": "914a39d68c290da3e187f827f7e1b771"}, R.rate_limit,
     "https://github.com/langgenius/dify/issues/18378"),
    # Google's RESOURCE_EXHAUSTED under its billing headline, with no window named: the project has no quota to use
    (429, {"error": {"code": 429, "message": _GEMINI_QUOTA, "status": "RESOURCE_EXHAUSTED"}}, R.billing,
     "https://github.com/googleapis/python-genai/issues/1446"),
    (429, {"error": {"code": 429, "message": _GEMINI_QUOTA, "status": "RESOURCE_EXHAUSTED",
                     "details": [_quota_failure("GenerateRequestsPerDayPerProjectPerModel-FreeTier")]}}, R.billing,
     "-"),
    # Volcengine Ark: a model not served on this API
    (400, {"error": {"code": "InvalidParameter", "message": "The parameter `model` specified in the request are not "
           "valid: the requested model doubao-seed-translation-250915 does not support this api.. Request id: 0217",
           "param": "model", "type": "BadRequest"}}, R.model_not_found,
     "https://github.com/immersive-translate/immersive-translate/issues/3352"),
    # Anthropic's cap on the attachments of one request: shrink the history
    (400, {"type": "error", "error": {"type": "invalid_request_error", "message": "too many images and documents: "
                                                                              "104 + 1 > 100"}}, R.payload_too_large,
     "https://github.com/anthropics/claude-code/issues/23392"),
    # near misses: the same 4302 code names a gateway fault under a 500 (its entries disagree on what it means); a
    # per-minute quota id, a retry in seconds or a bare RESOURCE_EXHAUSTED keep the rate limit; OpenAI's structured
    # rate_limit_exceeded code beats the billing headline (seed 004); a parameter other than the model is a defect; one
    # image too large is the image's repair
    (500, {"error_code": "ModelArts.4302", "error_msg": "Gateway forwarding error because the access is rejected. "},
     R.server_error, "-"),
    (429, {"error": {"code": 429, "message": _GEMINI_QUOTA, "status": "RESOURCE_EXHAUSTED",
                     "details": [_quota_failure("GenerateRequestsPerMinutePerProjectPerModel-FreeTier")]}},
     R.rate_limit, "-"),
    (429, {"error": {"code": 429, "message": _GEMINI_QUOTA, "status": "RESOURCE_EXHAUSTED", "details": [
        {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "34s"}]}}, R.rate_limit, "-"),
    (429, {"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).",
                     "status": "RESOURCE_EXHAUSTED"}}, R.rate_limit, "-"),
    (429, {"error": {"code": "rate_limit_exceeded", "message": _GEMINI_QUOTA, "type": "requests"}}, R.rate_limit, "-"),
    (400, {"error": {"code": "InvalidParameter", "message": "The parameter `temperature` specified in the request are "
           "not valid: it must be less than 2.", "param": "temperature", "type": "BadRequest"}}, R.format_error, "-"),
    (400, {"type": "error", "error": {"type": "invalid_request_error", "message": "messages.0.content.1.image.source."
           "base64: image exceeds 5 MB maximum: 7340032 bytes > 5242880 bytes"}}, R.image_too_large, "-"),
])
def test_documented_envelopes_codes_and_quota_windows(status: int, body: dict[str, Any], expect: FailoverReason,
                                                      source: str) -> None:
    """Huawei Cloud's ``error_msg`` and documented codes, Google's RESOURCE_EXHAUSTED read by the window it names (or
    its billing headline when it names none), a model not on this API and an attachment cap (holdout15)."""
    assert classify_api_error(exception_from_http("openai", status, body)).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "status", "expect", "source"), [
    ("Error", 'Reason: Rate limit exceeded {"message":"The engine is currently overloaded, please try again later",'
              '"type":"engine_overloaded_error"}', None, R.overloaded,
     "https://github.com/MoonshotAI/kimi-code/issues/2152"),
    ("Error", "Error: Prompt blocked or filtered. Reason: OTHER", None, R.content_policy_blocked,
     "https://github.com/avante-corp/avante.nvim/issues/2068"),
    ("Error", "Response stopped due to malformed function call.", None, R.malformed_response,
     "https://github.com/lbjlaq/Antigravity-Manager/issues/1045"),
    ("Error", "stream disconnected before completion: Transport error: network error: error decoding", None,
     R.stream_incomplete, "https://github.com/openai/codex/issues/22472"),
    ("Error", "[handleAbortError] AI response error; aborting request: 400 Provider not allowed for organization", None,
     R.provider_policy_blocked, "https://github.com/LibreChat-AI/librechat.ai/issues/331"),
    ("Error", "Model loading was stopped due to insufficient system resources. Under the current settings, this model "
              "requires approximately 273.25 GB of memory", None, R.model_not_found,
     "https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1202"),
    ("ValidationException", "An error occurred (ValidationException) when calling the Converse operation: This action "
                            "doesn't support the model that you provided. Try again with a supported text or chat "
                            "model.", None, R.model_not_found, "https://github.com/mlcommons/modelbench/issues/1654"),
    ("AI_NoOutputGeneratedError", "[Error [AI_NoOutputGeneratedError]: No output generated. Check the stream for "
                                  "errors.]", None, R.empty_response, "https://github.com/vercel/ai/pull/7982"),
    ("Error", "error: LLM returned an empty summary", None, R.empty_response,
     "https://github.com/steipete/summarize/issues/112"),
    ("Error", "✕ [API Error: OpenAI API error: 400 Access denied, please make sure your account is in good standing.]",
     None, R.billing, "https://github.com/QwenLM/qwen-code/issues/54"),
    ("Error", '"Model disabled."', 403, R.model_not_found, "https://github.com/continuedev/continue/issues/10839"),
    ("BadRequestError", "Error code: 400 - request (53192 tokens) exceeds context size (50176 tokens)", 400,
     R.context_overflow, "https://github.com/llmmllab/llmmllab-api/issues/56"),
    ("Error", "Unknown: Model provider is currently unavailable (error ID: 67f03a54fb0c485cb9e1f79d8e28a407)", None,
     R.overloaded, "https://github.com/Exafunction/codeium/issues/278"),
    ("ConnectError", "Failed to log in: ConnectError: [permission_denied] api server wire error: free user account "
                     "exceeded, please use an existing account or upgrade to a paid plan", None, R.billing,
     "https://github.com/Exafunction/codeium/issues/260"),
    ("Error", "You've reached the limit of your current plan", None, R.billing,
     "https://github.com/eigent-ai/eigent/issues/1249"),
    ("Error", '"error_msg": "Due to self protection, the backend service is disconnected, please wait moment."', None,
     R.overloaded, "https://support.huaweicloud.com/eu/trouble-modelarts/modelarts_13_0218.html"),
    ("Error", '"error_msg": "Gateway forwarding error. Failed to invoke backend service due to connection refused. "',
     None, R.server_error, "https://support.huaweicloud.com/eu/trouble-modelarts/modelarts_13_0218.html"),
    ("Error", "upstream connect error or disconnect/reset before headers. reset reason: connection termination", None,
     R.server_error, "https://github.com/Kilo-Org/kilocode/issues/12543"),
    ("Error", 'HTTP 500 Internal Server Error from https://api.continue.dev/model-proxy/v1/chat/completions Error in '
              'Continue server: {"type":"error","error":{"type":"invalid_request_error","message":"messages.80: '
              '`tool_use` ids were found without `tool_result` blocks immediately after: toolu_01G2. Each `tool_use` '
              'block must have a corresponding `tool_result` block in the next message."}}', 500, R.format_error,
     "https://github.com/continuedev/continue/issues/5412"),
    # near misses: a client's rate-limit headline alone; a finish reason OTHER is no prompt block; a request (not the
    # answer) that is malformed; a stream that never sent its request; an organisation refusing a kind of credential;
    # a model that is loading; the answer words of a client that could not parse it; a bare "Access denied"; an account
    # (not a model) switched off; an unknown model; a rate limit with an upsell; a plan limit that resets within hours;
    # a client's own connection refused; Envoy's overflow (load); a proxy's 500 in its own words
    ("Error", "Reason: Rate limit exceeded", None, R.rate_limit, "-"),
    ("Error", "Response blocked or incomplete. Finish reason: OTHER", None, R.unknown, "-"),
    ("Error", "Malformed request body", None, R.format_error, "-"),
    ("Error", "stream disconnected before completion: error sending request for url (https://chatgpt.com/backend-api/"
              "codex/responses)", None, R.timeout, "-"),
    ("Error", "OAuth authentication is currently not allowed for this organization.", None, R.auth_permanent, "-"),
    ("Error", "Loading model, please retry in a moment", 503, R.overloaded, "-"),
    ("Error", "API Error: API returned an empty or malformed response (HTTP 200)", None, R.malformed_response, "-"),
    ("Error", "Access denied", None, R.auth, "-"),
    ("Error", "API access has been disabled for this account", 403, R.auth_permanent, "-"),
    ("Error", "Unknown model: gpt-9", None, R.model_not_found, "-"),
    ("RateLimitError", "You have been rate limited. Your rate limit is 60 queries per minute. Please navigate to "
                       "https://api.together.xyz/settings/billing to upgrade to a paid plan.", 429, R.rate_limit, "-"),
    ("Error", "You've reached the limit of your current plan. Your limit resets in 3 hours.", None, R.rate_limit, "-"),
    ("Error", "dial tcp 127.0.0.1:11434: connect: connection refused", None, R.timeout, "-"),
    # Envoy's circuit breaker overflowing is load with or without its 503 (https://github.com/istio/istio/issues/19454),
    # as the built-in shape nonjson_503_text labels it; before, without a status, it read as a one-off reset (transient)
    ("Error", "upstream connect error or disconnect/reset before headers. reset reason: overflow", None, R.overloaded,
     "https://github.com/kgateway-dev/kgateway/issues/609"),
    ("Error", "HTTP 500 Internal Server Error from https://api.continue.dev/model-proxy/v1/chat/completions Error in "
              "Continue server: Internal error", 500, R.server_error, "-"),
])
def test_holdout15_wordings_in_wrappers_and_clients(type_name: str, text: str, status: int | None,
                                                    expect: FailoverReason, source: str) -> None:
    """A provider's code inside a client's headline decides over the headline; prompt block reasons, bad-call finishes,
    empty answers, decode errors mid-stream, a forbidden provider, a host too small, models switched off or not served,
    arrears, free allowances and plan limits, a gateway's backend down or shielding itself, and Anthropic's history
    defect under a proxy's 500, each with its near miss (holdout15)."""
    c = classify_api_error(exception_from_message(type_name, text, status=status), word_model=NO_MODEL)
    assert c.reason is expect, source
