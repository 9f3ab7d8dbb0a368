"""Client-side wordings of provider failures: a crash parsing the answer, a missing route, a refused key."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agent import FailoverReason, Scope, classify_api_error, classify_soft_failure
from agent.testing.sdk_errors import exception_from_http, exception_from_message

R = FailoverReason


def _json_decode_error(text: str) -> json.JSONDecodeError:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return exc
    raise AssertionError("the text parsed")


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/Rfym21/Qwen2API/issues/64
    ("TypeError", "Cannot read properties of undefined (reading 'choices')", R.malformed_response),
    # https://github.com/briansunter/logseq-openai/issues/137
    ("TypeError", "Cannot read properties of null (reading 'choices')", R.malformed_response),
    # https://github.com/ChatGPTNextWeb/NextChat/issues/3937 (an HTML page where JSON was expected)
    ("Error", '{ "error": true, "message": "Unexpected token \'<\', \\"<!DOCTYPE \\"... is not valid JSON" }',
     R.malformed_response),
    # near misses: a crash reading a field of the caller's own objects, a KeyError naming another key, and a
    # tool's arguments that are not JSON (the request's defect, not the answer's)
    ("TypeError", "Cannot read properties of undefined (reading 'map')", R.unknown),
    ("KeyError", "'tool_name'", R.unknown),
    # a bare KeyError 'choices' stays unknown (test_hints_ask_for_compression_or_backoff_before_fallback): any
    # dict lookup in client code raises it, so it says too little about the answer
    ("KeyError", "接口报错: 'choices'", R.unknown),
    ("Error", "Failed to parse tool call arguments: Expecting value: line 1 column 1 (char 0)", R.format_error),
])
def test_a_client_crash_parsing_the_answer_is_a_malformed_response(type_name: str, text: str,
                                                                   expect: FailoverReason) -> None:
    """A client that crashed reading the completion's fields, or found no JSON at all, got a malformed answer."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect


def test_python_json_error_on_an_html_page_is_a_malformed_response() -> None:
    """json's own error for a body that is no JSON from its first character (an HTML error page): a bad answer.
    https://github.com/lynote-ai/humanize-text/issues/55"""
    error = _json_decode_error("<html><body>502 Bad Gateway</body></html>")
    assert str(error) == "Expecting value: line 1 column 1 (char 0)"
    assert classify_api_error(error).reason is R.malformed_response


@pytest.mark.parametrize(("text", "expect", "scope"), [
    # https://github.com/xinnan-tech/xiaozhi-esp32-server/issues/1422 (Go net/http's default 404 body)
    ("【OpenAI服务响应异常: 404 page not found】", R.model_not_found, Scope.endpoint),
    # https://github.com/nanbingxyz/5ire/issues/195
    ("https://ark.cn-beijing.volces.com/api/v3/chat/completions not found, verify your API base.",
     R.model_not_found, Scope.endpoint),
    # near misses: a file or a tool that is not found is no route of the provider
    ("File not found: /tmp/notes.md", R.unknown, None),
    ("Tool 'web_search' not found", R.unknown, None),
])
def test_a_missing_route_in_a_wrappers_text_is_this_endpoint(text: str, expect: FailoverReason,
                                                             scope: Scope | None) -> None:
    """A route the server lacks, named without a status, is the endpoint's fault: fall back from it."""
    c = classify_api_error(exception_from_message("Error", text))
    assert c.reason is expect
    if scope is not None:
        assert c.scope is scope


@pytest.mark.parametrize(("text", "status", "expect"), [
    # https://github.com/ding113/claude-code-hub/issues/1290 (new-api's English wording, under a 503)
    ("new_api_error: No available channel for model gpt-5.5 under group codex (distributor) (request id: "
     "202606240035378086644568268d9d6AsuclAOv)", 503, R.model_not_found),
    # near miss: a 503 without the model wording stays an overload
    ("new_api_error: service unavailable (request id: 2026062400353780)", 503, R.overloaded),
])
def test_a_relay_without_a_channel_for_the_model(text: str, status: int, expect: FailoverReason) -> None:
    """new-api/one-api have no upstream channel serving this model: another provider of the chain should take it."""
    assert classify_api_error(exception_from_message("APIStatusError", text, status=status)).reason is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/justlovemaki/AIClient2API/issues/274 (AWS's wording for Kiro's stale bearer token)
    ("Error", "API call failed: 403 - The bearer token included in the request is invalid.", 403, R.auth),
    # https://github.com/glowingjade/obsidian-smart-composer/issues/286
    ("Error", "Provider anthropic API key is invalid. Please update it in settings menu.", None, R.auth),
    # https://github.com/griffinmartin/opencode-claude-auth/issues/281: only a new browser login helps
    ("Error", "Error: Failed to authenticate: OAuth session expired and could not be refreshed", None,
     R.auth_permanent),
    # near miss: an access token whose refresh failed once is another credential's turn, not a dead account
    ("Error", "Token refresh failed: could not be refreshed, network error", None, R.auth),
])
def test_refused_credentials_in_client_wordings(type_name: str, text: str, status: int | None,
                                                expect: FailoverReason) -> None:
    """A key or token the provider refused, in a client's or AWS's words, is an auth failure."""
    assert classify_api_error(exception_from_message(type_name, text, status=status)).reason is expect


def test_a_bad_key_typed_api_error_by_a_proxy_is_auth() -> None:
    """A proxy's own key check whose body says only "type": "api_error" is a bad key, not a server fault; a real
    HTTP 500 with the same words stays the server's. https://ai.etisalna.com/openai.php"""
    text = ('{"error":"Invalid API key format. OpenAI keys start with \'sk-\' or \'sk-proj-\'","type":"api_error",'
            '"suggestion":"Please check your API key and billing status at https:\\/\\/platform.openai.com"}')
    assert classify_api_error(exception_from_message("Error", text)).reason is R.auth
    body = {"error": {"message": "Invalid API key format", "type": "api_error"}}
    assert classify_api_error(exception_from_http("openai", 500, body)).reason is R.server_error


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/SillyTavern/SillyTavern/issues/93 (KoboldAI's validator under FastAPI's "detail")
    ("Error", "{ detail: { stop_sequence: [ 'Unknown field.' ] } }", R.format_error),
    # https://github.com/infiniflow/ragflow/issues/6421 (the Anthropic SDK's required-arguments check)
    ("TypeError", "Missing required arguments; Expected either ('max_tokens', 'messages' and 'model') or "
     "('max_tokens', 'messages', 'model' and 'stream') arguments to be given", R.format_error),
    # https://github.com/infiniflow/ragflow/issues/4074
    ("Error", 'Fail to access model(qwen2:0.5b).**ERROR**:invalid format: expected "json" or a JSON schema',
     R.format_error),
    # https://github.com/logancyang/obsidian-copilot/issues/677
    ("Error", "CORS requests must set 'anthropic-dangerous-direct-browser-access' header", R.format_error),
    # https://github.com/lobehub/lobehub/issues/1398 (Zhipu's code 1214)
    ("Error", "max_tokens参数非法。请检查文档。", R.format_error),
    # near misses: "Unknown field" in a tool's own output, and a CORS failure of the network (no header named)
    ("Error", "Tool output: Unknown field 'foo' in config.yaml", R.unknown),
    ("TypeError", "Failed to fetch (CORS request did not succeed)", R.unknown),
])
def test_request_defects_without_a_status(type_name: str, text: str, expect: FailoverReason) -> None:
    """A validator's or SDK's refusal of the request's fields, format or headers is the request's defect."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/diegosouzapw/OmniRoute/pull/8210 (NVIDIA's worker concurrency cap via OpenRouter)
    ("Worker local total request limit reached (33/32)", R.overloaded),
    # https://github.com/lobehub/lobehub/issues/4193
    ("请求失败\n很抱歉\uff0c服务器似乎遇到了一些困难\uff0c暂时无法完成您的请求\uff0c请稍后再试", R.server_error),
    # https://github.com/FluentRead/FluentRead/issues/22
    ("翻译次数已达上限\uff0c请稍后再试", R.rate_limit),
    # https://github.com/BeehiveInnovations/pal-mcp-server/issues/251 (a STOP finish with no text)
    ("Gemini - Response blocked or incomplete. Finish reason: FinishReason.STOP", R.empty_response),
    # near misses: the same wrapper on a safety finish is a block; a worker crash names no limit
    ("Gemini - Response blocked or incomplete. Finish reason: FinishReason.SAFETY", R.content_policy_blocked),
    ("Worker thread crashed while loading config", R.unknown),
])
def test_server_side_wordings_without_a_status(text: str, expect: FailoverReason) -> None:
    """A serving worker at its cap is an overload, a server "in difficulty" a server error, a count "at its cap,
    try later" a rate limit, and a normal STOP finish that a wrapper raised on an empty answer."""
    assert classify_api_error(exception_from_message("Error", text)).reason is expect


@pytest.mark.parametrize(("message", "expect"), [
    # https://github.com/CherryHQ/cherry-studio/issues/4942 (SiliconFlow's flat body, code 20015)
    ("length of prompt_tokens (189152) must be less than max_seq_len (65536).", R.context_overflow),
    # near miss: a configuration value named max_seq_len is no overflow
    ("max_seq_len must be a positive integer", R.format_error),
])
def test_a_prompt_past_max_seq_len_is_an_overflow(message: str, expect: FailoverReason) -> None:
    """A prompt longer than the model's max_seq_len outranks the generic 400: compress, do not fall back."""
    body = {"code": 20015, "message": message, "data": None}
    assert classify_api_error(exception_from_http("openai", 400, body)).reason is expect


_MINIMAX_ERRORS = "https://platform.minimax.io/docs/api-reference/errorcode.md"


@pytest.mark.parametrize(("body", "expect"), [
    # MiniMax's native chatcompletion_v2 reports failures in base_resp under HTTP 200 (codes from _MINIMAX_ERRORS)
    ({"choices": None, "base_resp": {"status_code": 1008, "status_msg": "insufficient balance"}}, R.billing),
    ({"choices": None, "base_resp": {"status_code": 1002, "status_msg": "rate limit"}}, R.rate_limit),
    ({"choices": None, "base_resp": {"status_code": 1001, "status_msg": "request timeout"}}, R.timeout),
    ({"choices": None, "base_resp": {"status_code": 1000, "status_msg": "unknown error"}}, R.server_error),
    # near misses: a zero code is success, so an answer without choices is still an empty one; a real answer
    # with base_resp 0 is no failure at all
    ({"choices": None, "base_resp": {"status_code": 0, "status_msg": ""}}, R.empty_response),
    ({"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hi"}}],
      "base_resp": {"status_code": 0, "status_msg": ""}}, None),
])
def test_minimax_base_resp_failure_is_read(body: dict[str, Any], expect: FailoverReason | None) -> None:
    """A 200 body whose base_resp.status_code is non-zero is a failure decided by its message; a message no rule
    reads is the server's failure."""
    c = classify_soft_failure(body)
    assert (c.reason if c else None) is expect


# Chinese relays and clients: the vocabulary of their own message tables, verbatim (templates filled with a model name
# or numbers where the table has a placeholder).
_NEW_API_ZH = "https://github.com/QuantumNous/new-api/blob/main/i18n/locales/zh-CN.yaml"
_AIHUBMIX = "https://docs.aihubmix.com/cn/FAQs/HTTP-Codes"
_OMNICHAT_ZH = "https://github.com/HeavenTTT/Gemini-OmniChat-auto/blob/main/utils/locales/zh/error.ts"


@pytest.mark.parametrize(("text", "expect", "source"), [
    ("未提供令牌", R.auth, _NEW_API_ZH),  # no token given
    ("该令牌无权访问模型 gpt-4o", R.model_not_found, _NEW_API_ZH),  # this token may not use the model
    ("该令牌无权使用模型", R.model_not_found, _AIHUBMIX),
    ("额度不足", R.billing, _NEW_API_ZH),  # quota insufficient
    ("您已达到请求数限制\uff1a1分钟内最多请求60次", R.rate_limit, _NEW_API_ZH),  # request-count limit per minutes
    ("请求频率超过限制", R.rate_limit, _AIHUBMIX),  # request frequency over the limit
    ("用户已被封禁", R.auth_permanent, _AIHUBMIX),  # the user is banned
    ("内容由于合规问题已被阻止生成", R.content_policy_blocked,
     "https://github.com/LLM-Red-Team/qwen-free-api/blob/master/src/api/consts/exceptions.ts"),
    ("API 密钥无效 (401)。", R.auth, _OMNICHAT_ZH),
    ("模型未找到 (404)。", R.model_not_found, _OMNICHAT_ZH),
    ("服务器错误 (5xx)。", R.server_error, _OMNICHAT_ZH),
    ("已被安全过滤器拦截。", R.content_policy_blocked, _OMNICHAT_ZH),
    ("连接被拒绝。请检查本地服务。", R.timeout, _OMNICHAT_ZH),  # connection refused: a transport fault
    ("超出上下文长度限制。", R.context_overflow, _OMNICHAT_ZH),
    ("请求无效 (400)。请检查输入。", R.format_error, _OMNICHAT_ZH),
    # near misses: a channel (the relay's upstream) disabled is no verdict on the caller's account
    ("该渠道已被禁用", R.unknown, _AIHUBMIX),
])
def test_chinese_relay_and_client_wordings(text: str, expect: FailoverReason, source: str) -> None:
    """Relays built on one-api/new-api and Chinese clients say what failed in their own table's words."""
    assert classify_api_error(exception_from_message("Error", text)).reason is expect, source


@pytest.mark.parametrize(("code", "status", "expect"), [
    ("insufficient_user_quota", 403, R.billing),
    ("pre_consume_token_quota_failed", 403, R.billing),
    ("sensitive_words_detected", 400, R.content_policy_blocked),
    ("prompt_blocked", 400, R.content_policy_blocked),
    ("token_concurrency_limit_reached", 429, R.rate_limit),
    ("channel:response_time_exceeded", 504, R.timeout),
])
def test_new_api_error_codes_decide_whatever_the_message(code: str, status: int, expect: FailoverReason) -> None:
    """new-api's codes (https://github.com/QuantumNous/new-api, types/error.go) decide even when the message is only
    its error type, as the relay sends it for an error without a message of its own (``ToOpenAIError``)."""
    body = {"error": {"message": "new_api_error", "type": "new_api_error", "param": "", "code": code}}
    assert classify_api_error(exception_from_http("openai", status, body)).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("Error", '["error": {\n    code = "<null>";\n    message = "The server had an error while processing your '
              'request. Sorry about that!";\n    type = "server_error";\n}]', R.server_error,
     "https://github.com/adamrushy/OpenAISwift/issues/28"),
    ("Error", "stream error: stream ID 53; INTERNAL_ERROR; received from peer", R.stream_incomplete,
     "https://github.com/sashabaranov/go-openai/issues/332"),
    ("Error", "the server closed connection before returning the first response byte. Make sure the server returns "
              "'Connecti", R.transient, "https://github.com/maximhq/bifrost/issues/3927"),
    ("InvalidResponseDataError", "Response contained no choices.", R.empty_response,
     "https://github.com/vercel/ai/pull/20352"),
    ("Swift.DecodingError", 'Error sending message: keyNotFound(CodingKeys(stringValue: "id", intValue: nil), '
                            'Swift.DecodingError.Context(codingPath: [], debugDescription: "No value associated with '
                            'key", underlyingError: nil))', R.malformed_response,
     "https://github.com/kevinhermawan/swift-llm-chat-openai/issues/5"),
    ("Error", "Open api qps request limit reached", R.rate_limit,
     "https://github.com/chatgpt-web-dev/chatgpt-web/issues/568"),
    ("Error", '{"error":"timed out waiting for a concurrent request slot"}', R.rate_limit,
     "https://github.com/devops-thiago/ThrillhouseBot/issues/838"),
    ("Error", "Access token invalid or no longer valid", R.auth,
     "https://github.com/immersive-translate/immersive-translate/issues/1800"),
    ("Error", 'request failed, body={"code":4101,"msg":"The token you entered is incorrect. Please double-check and '
              'try again.', R.auth, "https://github.com/coze-dev/coze-go/issues/56"),
    ("Error", "no keys found that support model: gemini-3.1-pro-preview", R.model_not_found,
     "https://github.com/langwatch/langwatch/pull/7602"),
    ("Error", "{\n  error: {\n    error: 'Unexpected response from Coze API.',\n    message: 'The Bot is not currently "
              "published to the corresponding platform\\n'\n  }\n}", R.model_not_found,
     "https://github.com/fatwang2/coze2openai/issues/18"),
    ("BadRequestError", "prompt tokens too long", R.context_overflow,
     "https://github.com/PaddlePaddle/ERNIE-SDK/issues/336"),
    ("Error", "Error talking to OpenAI: There was an issue with your request. Please check your inputs and try again",
     R.format_error, "https://github.com/home-assistant/core/issues/161073"),
    ("Error", 'API Error: 400 Upstream provider GEMINI returned HTTP 400.\n  Mapped message: Invalid request sent to '
              'provider.\n  Upstream error:\n  [{"error":{"code":400,"message":"Invalid JSON payload received. Unknown '
              'name \\"metadata\\": Cannot find field.","status":"INVALID_ARGUMENT"}}]', R.format_error,
     "https://github.com/Alishahryar1/free-claude-code/issues/1548"),
    ("Error", "error consuming token remain quota: failed to update user quota after max retries", R.server_error,
     "https://github.com/ai365vip/chat-api/issues/83"),
    # near misses: a stream id without Go's "stream error", a quota that is really spent, a model named without a key
    ("Error", "stream ID 53 finished", R.unknown, "-"),
    ("Error", "error consuming token remain quota: token quota is not enough", R.billing, "-"),
    ("Error", "no keys found", R.unknown, "-"),
])
def test_status_less_wordings_of_clients_and_gateways(type_name: str, text: str, expect: FailoverReason,
                                                      source: str) -> None:
    """Clients', gateways' and providers' own sentences for common failures, printed without a status."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    ("api return error, code: 336003, msg: field system too long", R.format_error,
     "https://github.com/baidubce/bce-qianfan-sdk/issues/81"),
    ("Manually set deadline 5s is too short. Minimum allowed deadline is 10s.", R.format_error,
     "https://github.com/livekit/agents/issues/3723"),
    ("[ERROR] Translation Failed: HTTP Error - BadRequest", R.format_error,
     "https://github.com/SakiRinn/LiveCaptions-Translator/issues/223"),
    # the key's words come before the request's: a token that is invalid is the credential's fault
    ("bot token invalid, check the settings", R.auth, "-"),
    ("insufficient balance on the relay account", R.billing, "-"),
    ("model busy, retry", R.overloaded, "-"),
    ("upstream said: frequency limit hit", R.rate_limit, "-"),
    ("upstream: deadline reached before the answer", R.timeout, "-"),
    ("upstream: connection reset while reading", R.timeout, "-"),
    # near misses: nothing that says what failed stays unknown
    ("Something went wrong", R.unknown, "-"),
    ("Tool 'web_search' not found", R.unknown, "-"),
])
def test_last_resort_words_before_unknown(text: str, expect: FailoverReason, source: str) -> None:
    """A status-less text no rule reads is read by its words (key or token invalid, credits, rate limits, busy,
    parameters and fields, deadlines, connections) before it is called unknown."""
    assert classify_api_error(exception_from_message("Error", text)).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("UnexpectedApiResponseError", "API returned an empty or malformed response (HTTP 200) — check for a proxy or "
                                   "gateway intercepting the request. Response: content-type html, body is an HTML "
                                   "page", R.malformed_response, "https://github.com/anthropics/claude-code/issues/87842"),
    ("litellm.APIError", "OpenAIException - Empty or invalid response from LLM endpoint.\nReceived: 'data: {\"id\":"
                         "\"chatcmpl-...\"}'\nCheck the reverse proxy or model server configuration.",
     R.malformed_response, "https://github.com/BerriAI/litellm/issues/25766"),
    ("litellm.InternalServerError", "litellm.InternalServerError: InternalServerError: OpenAIException - Invalid "
                                    "response object", R.malformed_response,
     "https://github.com/bestruirui/octopus/issues/241"),
    ("Error", '{"error":{"message":"bad_response_body","type":"upstream_error","code":"bad_response_body"}}',
     R.malformed_response, "https://github.com/QuantumNous/new-api/issues/2992"),
    ("Error", "the gateway answered with a corrupted response", R.malformed_response, "-"),
    # credential words outrank "invalid"
    ("Error", "Invalid gateway credential", R.auth, "https://langfuse.com/faq/all/ai-gateway-error-codes"),
    # near misses: the request's own words stay a request defect; openai<1.0 quotes the body it could not use, whose
    # words decide; a response_format parameter is the request's
    ("Error", "Invalid function_response.response: field `results` has an empty value.", R.format_error, "-"),
    ("Error", "invalid response format: expected json_schema", R.format_error, "-"),
    ("APIError", "Invalid response object from API: 'Internal Server Error' (HTTP response code was 500)",
     R.server_error, "-"),
    ("APIError", "Invalid response object from API: '{\"message\":\"Unauthorized\"}' (HTTP response code was 401)",
     R.auth, "-"),
    ("Error", "invalid value for key 'temperature'", R.format_error, "-"),
])
def test_answer_words_outrank_request_words(type_name: str, text: str, expect: FailoverReason, source: str) -> None:
    """Words about the answer (a response or output malformed, invalid, empty, unparsable) outrank words about the
    request, and credential words outrank "invalid": neither is a request defect."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("Error", "Your request was rejected by the safety system. If you believe this is an error, contact us at "
              "help.openai.com and include the request ID 1d3a. safety_violations=[sexual].",
     R.content_policy_blocked, "https://github.com/openai/codex/issues/38582"),
    ("Error", "Prompt blocked due to security configurations", R.content_policy_blocked,
     "https://developers.cloudflare.com/ai-gateway/guardrails/set-up-guardrail/"),
    ("Exception", "LLM API call failed: VertexAIException - 503 Getting metadata from plugin failed with error: "
                  "Reauthentication is needed. Please run gcloud auth application-default login to reauthenticate.",
     R.auth, "https://github.com/BerriAI/litellm/pull/3130"),
    ("FetchError", "request to https://oauth2.googleapis.com/token failed, reason: ", R.timeout,
     "https://github.com/google-gemini/gemini-cli/issues/1552"),
    ("litellm.APIConnectionError", 'litellm.APIConnectionError: Ollama_chatException - {"error":"illegal base64 data '
                                   'at input byte 4"}. Received Model Group=qwen2.5vl:7b', R.format_error,
     "https://github.com/BerriAI/litellm/issues/15464"),
    ("Error", "This may mean that you forgot to add '/v1' to the end of your 'apiBase' in config.json.",
     R.model_not_found, "https://github.com/continuedev/continue/issues/10696"),
    ("Exception", "请求千帆 API 时发生错误\uff1a{'error_code': 3, 'text': 'Unsupported openapi method', 'error': "
                  "{'message': 'Unsupported openapi method', 'type': 'invalid_request_error', 'param': None, "
                  "'code': None}}",
     R.model_not_found, "https://github.com/chatchat-space/Langchain-Chatchat/issues/2475"),
    ("Error", '"供应商模型响应异常\uff0c请检查请求参数是否正确"', R.format_error,
     "https://github.com/continuedev/continue/issues/12666"),
    # near misses: a safety system that accepted the request, a request failing for its own stated reason
    ("Error", "The safety system is being updated", R.unknown, "-"),
    ("FetchError", "request to https://api.openai.com/v1/chat/completions failed, reason: certificate has expired",
     R.tls_untrusted, "-"),
])
def test_refusals_credentials_and_routes_in_wrappers_words(type_name: str, text: str, expect: FailoverReason,
                                                           source: str) -> None:
    """Safety refusals, a credential that needs a new login, node-fetch's failed request, a body the server cannot
    decode, a route that is not there, in the words wrappers print without a status."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect, source
