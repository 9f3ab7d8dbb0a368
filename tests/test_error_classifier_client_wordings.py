"""Client-side wordings of provider failures: a crash parsing the answer, a missing route, a refused key."""

from __future__ import annotations

import datetime
import json
from typing import Any, Final

import pytest

from agent import FailoverReason, Scope, classify_api_error, classify_soft_failure
from agent._word_model import NO_MODEL
from agent.ladder import LadderContext, LadderPolicy, Step, next_step
from agent.testing.sdk_errors import exception_from_http, exception_from_message, outcome_from_event, response_from_http

R = FailoverReason


def _rules_alone(type_name: str, text: str, status: int | None = None) -> FailoverReason:
    """The reason the rules alone give (no word model) for a message-only error of this class and text (and the status
    it states, if any), built as a production process would hold it (``exception_from_message``)."""
    return classify_api_error(exception_from_message(type_name, text, status=status), word_model=NO_MODEL).reason


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
    """A client that crashed reading the completion's fields, or found no JSON at all, got a malformed answer (the
    rules alone: the near misses they leave unknown may be read by the word model, test_word_model)."""
    assert _rules_alone(type_name, text) is expect


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
    """A route the server lacks, named without a status, is the endpoint's fault: fall back from it (the rules alone:
    the near misses pin the route rule, not what the word model makes of a text no rule reads)."""
    c = classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL)
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
    # https://github.com/genlayerlabs/genlayer-studio/issues/488: a gateway's check of the key's shape (corpus ad-q74)
    ("Error", 'OpenAIException - Error submitting job heurist-llm-gatewayrpqhveqsls: Unhandled rejection: '
              'CustomError { message: "Invalid auth_key format" }', None, R.auth),
    # near miss: a request field whose format is wrong is the request's defect
    ("Error", "Invalid format for the image_url field", None, R.format_error),
])
def test_refused_credentials_in_client_wordings(type_name: str, text: str, status: int | None,
                                                expect: FailoverReason) -> None:
    """A key or token the provider refused, in a client's or AWS's words, is an auth failure."""
    assert classify_api_error(exception_from_message(type_name, text, status=status)).reason is expect


def test_a_bad_key_typed_api_error_by_a_proxy_is_auth() -> None:
    """A proxy's own key check whose body says only "type": "api_error" is a bad key, not a server fault; so is a real
    HTTP 500 with the same words (wave 123: every corpus text of bad-key words under a 500 sent with it is labelled
    auth; test_bad_key_words_under_a_real_500_are_auth). https://ai.etisalna.com/openai.php"""
    text = ('{"error":"Invalid API key format. OpenAI keys start with \'sk-\' or \'sk-proj-\'","type":"api_error",'
            '"suggestion":"Please check your API key and billing status at https:\\/\\/platform.openai.com"}')
    assert classify_api_error(exception_from_message("Error", text)).reason is R.auth
    body = {"error": {"message": "Invalid API key format", "type": "api_error"}}
    assert classify_api_error(exception_from_http("openai", 500, body)).reason is R.auth


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
    """A validator's or SDK's refusal of the request's fields, format or headers is the request's defect (the rules
    alone, as above)."""
    assert _rules_alone(type_name, text) is expect


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
    assert _rules_alone("Error", text) is expect


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
    """Clients', gateways' and providers' own sentences for common failures, printed without a status (the rules
    alone: a near miss is what they leave unknown, whatever the word model would read)."""
    assert classify_api_error(exception_from_message(type_name, text), word_model=NO_MODEL).reason is expect, source


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
    assert _rules_alone("Error", text) is expect, source


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
    assert classify_api_error(exception_from_message(type_name, text), word_model=NO_MODEL).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("AI_NoTextGeneratedError", "[AI_NoTextGeneratedError: No text generated.] {\n  name: 'AI_NoTextGeneratedError'\n}",
     R.empty_response, "https://github.com/miurla/morphic/issues/96"),
    ("Error", "[Antigravity] Unexpected exit from streaming retry loop for claude-opus-4-5\nAPI call failed for model "
              "antigravity/claude-opus-4-5 with key antigravity_oauth_19.json. Error: EmptyResponseError. See "
              "failures.log for details.", R.empty_response, "https://github.com/Mirrowel/LLM-API-Key-Proxy/issues/107"),
    ("Error", "Sorry, no response was returned.", R.empty_response,
     "https://github.com/microsoft/vscode-copilot-release/issues/10389"),
    ("Error", "[API Error: Model stream ended with empty response text.]", R.empty_response,
     "https://github.com/google-gemini/gemini-cli/issues/7851"),
    ("Error", "[API Error: Model stream was invalid or completed without valid content.]", R.empty_response,
     "https://github.com/google-gemini/gemini-cli/issues/7904"),
    ("AI_NoObjectGeneratedError", "AI_NoObjectGeneratedError: No object generated: could not parse the response.\n"
                                  "Caused by: AI_JSONParseError: JSON parsing failed: Text: ```json\n{\n  "
                                  "\"isArticle\"",
     R.malformed_response, "https://github.com/mengxi-ream/read-frog/issues/311"),
    ("JSONParseError", "JSONParseError [AI_JSONParseError]: JSON parsing failed: Text: {\n  \"recipe\": {\n    "
                       "\"name\": \"Classic Lasagna\",\n    \"ingredients\": [\n      \"1 (.\nError message: "
                       "Unterminated string in JSON at position 166", R.malformed_response,
     "https://github.com/vercel/ai/issues/1921"),
    ("Error", "aiGenerate: Error: Failed to parse JSON response", R.malformed_response,
     "https://github.com/kekxv/AiReviewPR/issues/5"),
    ("Error", "invalid character 'i' looking for beginning of value", R.malformed_response,
     "https://github.com/ollama/ollama/pull/13007"),
    ("openai.error.APIError", 'HTTP code 200 from API ("{\\"rate_limit_usage\\": {\\)', R.malformed_response,
     "https://github.com/openinterpreter/openinterpreter/issues/628"),
    ("TypeError", "'NoneType' object is not subscriptable", R.malformed_response,
     "https://github.com/huggingface/huggingface_hub/issues/2514"),
    ("pydantic_ai.exceptions.UnexpectedModelBehavior", "Exceeded maximum retries (1) for result validation",
     R.malformed_response, "https://github.com/pydantic/pydantic-ai/issues/576"),
    ("Error", "Model Response Incomplete\nThe model failed to use any tools in its response. This typically happens "
              "when the model provides only text/reasoning without calling the required tools to complete the task.",
     R.malformed_response, "https://github.com/RooCodeInc/Roo-Code/issues/12165"),
    ("ValidationError", "1 validation error for CreateResult\nfinish_reason\n  Input should be 'stop', 'length', "
                        "'function_calls' or 'content_filter' [type=literal_error, input_value='end_turn', "
                        "input_type=str]", R.malformed_response, "https://github.com/microsoft/autogen/issues/5020"),
    # near misses: the same validator refusing a content block's own stop value is that block; a tool's arguments that
    # are not JSON are the request's defect; Go's JSON error under a status is the status's (Ollama's server refusing
    # a request body with a 400, a 503 page where JSON was expected)
    ("ValidationError", "1 validation error for CreateResult\nfinish_reason\n  Input should be 'stop' or 'length' "
                        "[type=literal_error, input_value='content_filter', input_type=str]",
     R.content_policy_blocked, "-"),
    ("Error", "Failed to parse tool call arguments: JSON parsing failed: Text: {\"a\": ", R.format_error, "-"),
    ("Error", "Error code: 400 - {'error': \"invalid character 'x' looking for beginning of value\"}", R.format_error,
     "-"),
    ("Error", "failed while calling AI provider openai: error, status code: 503, message: invalid character '<' "
              "looking for beginning of value", R.overloaded, "-"),
])
def test_a_clients_words_for_an_empty_or_unusable_answer(type_name: str, text: str, expect: FailoverReason,
                                                         source: str) -> None:
    """Wrappers' own sentences for an answer with nothing in it (empty_response) or one they could not use: a JSON
    parse failure, a 200 the SDK could not read, retries spent on answers that failed validation, a refused finish
    reason (malformed_response); with a status, or a request's own defect named, those decide."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("Error", "Sorry, your request was rate-limited. Please wait 587 hours 33 minutes before trying again.", R.billing,
     "https://github.com/microsoft/vscode-copilot-release/issues/6479"),
    ("Error", "Sorry, your request was speed limited. Please wait 2 minutes before trying again.", R.rate_limit,
     "https://github.com/microsoft/vscode-copilot-release/issues/5488"),
    ("Error", "You have exceeded your premium request allowance. We have automatically switched you to GPT-4.1 which "
              "is included with your plan. Enable additional paid premium requests to continue using premium models.",
     R.billing, "https://github.com/microsoft/vscode-copilot-release/issues/12785"),
    ("Error", "Sorry, the response was filtered by the Responsible AI Service. Please rephrase your prompt and try "
              "again.", R.content_policy_blocked, "https://github.com/microsoft/vscode-copilot-release/issues/1700"),
    ("Error", "Sorry, the response matched public code so it was blocked. Please rephrase your prompt",
     R.content_policy_blocked, "https://github.com/microsoft/vscode-copilot-release/issues/2057"),
    ("Error", "slot unavailable", R.overloaded, "https://github.com/ggml-org/llama.cpp/issues/3821"),
    # near misses: the same throttle with a wait of seconds stays a rate limit
    ("Error", "Sorry, your request was rate-limited. Please wait 17 seconds before trying again.", R.rate_limit, "-"),
])
def test_a_clients_words_for_limits_allowances_and_filters(type_name: str, text: str, expect: FailoverReason,
                                                           source: str) -> None:
    """Copilot Chat's throttles read by the wait they name (days away: an allowance spent), a premium allowance spent,
    its filters on an answer, llama.cpp's busy slots."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("Error", 'Internal error: "Re-connecting... 1/5"', R.timeout, "https://github.com/zed-industries/codex-acp/issues/41"),
    ("Error", "Reconnecting... waiting for network\nConnection failed: error sending request", R.timeout,
     "https://github.com/openai/codex/issues/42430"),
    ("Error", "Error interacting with language model not connected", R.timeout,
     "https://github.com/zed-industries/zed/issues/18916"),
    ("ConnectError", "[transport] Connect error in unary AI connect ConnectError: [unauthenticated] Error", R.auth,
     "https://connectrpc.com/docs/protocol#error-codes"),
    ("APIUserAbortError", "Request was aborted.", R.transient, "https://github.com/anthropics/claude-code/issues/58374"),
    ("Error", 'lat=90005ms err="The operation was aborted (nvidia, chat, 90s)"', R.timeout,
     "https://github.com/tashfeenahmed/freellmapi/issues/547"),
    # near misses: a model (not the client) not connected is not served; an abort that names its timeout is one; a
    # Connect code for load is load
    ("Error", "Sorry, your request failed. Please try again.\n\nReason: Model is not connected.: Error: Model is not "
              "connected.", R.model_not_found, "https://github.com/microsoft/foundry-dev-tools/issues/432"),
    ("APIUserAbortError", "Request was aborted due to timeout", R.timeout, "-"),
    ("ConnectError", "ConnectError: [unavailable] upstream is overloaded, try later", R.overloaded, "-"),
])
def test_reconnects_aborts_and_connect_codes(type_name: str, text: str, expect: FailoverReason, source: str) -> None:
    """A client reconnecting or not connected (timeout), the caller's own abort (transient) and a timer's (timeout),
    and Connect-RPC's bracketed code after ``ConnectError:``."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect, source


@pytest.mark.parametrize(("text", "expect"), [
    ("Reconnecting... waiting for network", R.timeout),  # never connected: the request's size is not the cause
    ("Server disconnected without sending a response.", R.context_overflow),  # a drop is read with the size
])
def test_a_client_offline_is_no_drop_of_a_large_request(text: str, expect: FailoverReason) -> None:
    """A client not connected or reconnecting is a timeout even in a large session; only a connection dropped while the
    request was sent is read as a gateway refusing its size."""
    error = exception_from_message("Error", text)
    assert classify_api_error(error, approx_tokens=150_000, num_messages=300).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("Error", "Unexpected server error. Check server logs for details.", R.server_error,
     "https://github.com/anomalyco/opencode/issues/47162"),
    ("RuntimeError", "Failed to generate chat completion", R.server_error,
     "https://github.com/xorbitsai/inference/issues/1004"),
    ("Error", '{"error":"An error occurred: Unable to obtain a valid response from Meta AI. Try again later."}',
     R.server_error, "https://github.com/Strvm/meta-ai-api/issues/55"),
    ("ProviderTokenNotInitError", "Node LLM run failed: Model moonshot-v1-32k credentials is not initialized.", R.auth,
     "https://github.com/langgenius/dify/issues/5668"),
    ("TRPCError", "InvalidProviderAPIKey", R.auth, "https://github.com/lobehub/lobehub/issues/7764"),
    ("Error", "[handleAbortError] AI response error; aborting request: Prompt token count of 37165 exceeds max token "
              "count of 4095.", R.context_overflow, "https://github.com/danny-avila/LibreChat/issues/4258"),
    ("Error", '{"error":"generate expects model to produce exactly 1 response, use generate stream for model that '
              'generates various number of responses"}', R.format_error,
     "https://github.com/triton-inference-server/tensorrtllm_backend/issues/193"),
    ("Error", '{"error":"Traceback (most recent call last):\\n  File \\"model.py\\", line 323, in execute\\n'
              'c_python_backend_utils.TritonModelException: Model postprocessing - Error when running inference: '
              '[request id: <id_unknown>] expected 4 inputs but got 1 inputs for model \'postprocessing\'\\n"}',
     R.format_error, "https://github.com/triton-inference-server/tensorrtllm_backend/issues/227"),
    ("Error", '{"error":"failed to parse the request JSON buffer: The document is empty. at 0"}', R.format_error,
     "https://github.com/triton-inference-server/tensorrtllm_backend/issues/582"),
    ("Error", "Multimodal not supported form the server of model", R.format_error,
     "https://github.com/PromptPasture/llama.ui/issues/215"),
    ("Error", "The server was not compiled for multimodal or the model projector can't be loaded.", R.format_error,
     "https://github.com/mozilla-ai/llamafile/issues/298"),
    ("Error", 'Error: {"detail":"Cannot load Qwen3.5-122B-A10B-Text-mxfp4-mlx: projected memory 127.68GB would exceed '
              'process limit 88.00GB (current: 64.22GB, model: 63.46GB)"}', R.model_not_found,
     "https://github.com/jundot/omlx/issues/62"),
    ("Error", "No chat model selected", R.format_error, "https://github.com/continuedev/continue/issues/11591"),
    # near misses: a credential that is set but refused stays auth; a token count that fits is no overflow; a server
    # error that says why it failed (the window) says so
    ("Error", "The tokenizer is not initialized", R.unknown, "-"),
    ("Error", "Prompt token count of 100 is within the max token count", R.unknown, "-"),
    ("RuntimeError", "Failed to generate chat completion: maximum context length is 4096 tokens", R.context_overflow,
     "-"),
])
def test_servers_and_wrappers_sentences_without_a_status(type_name: str, text: str, expect: FailoverReason,
                                                        source: str) -> None:
    """Status-less sentences of servers and wrappers: a failure they do not name (server_error), credentials not set
    up or a provider key refused (auth), a prompt past a client's count, Triton's and llama.cpp-family request defects,
    a host that cannot load the model, and a client with no model to send (the request names none)."""
    c = classify_api_error(exception_from_message(type_name, text), word_model=NO_MODEL)
    assert c.reason is expect, source


@pytest.mark.parametrize(("status", "body", "expect", "source"), [
    (446, {"code": "900514", "type": "Status report", "message": "Runtime Error",
           "description": "Violation of <intervened-guardrail-name> detected."}, R.content_policy_blocked,
     "https://apim.docs.wso2.com/en/4.5.0/ai-gateway/ai-guardrails/guardrail-error-response/"),
    (500, {"error": {"message": "Bedrock guardrail failed: I cannot respond to requests containing personally "
                                "identifiable information (PII). Please remove these references from your prompt.",
                     "type": "None", "param": "None", "code": "500"}}, R.content_policy_blocked,
     "https://github.com/BerriAI/litellm/issues/18261"),
    (500, {"statusCode": 500, "success": False, "message": "Error: predictionsServices.buildChatflow - Error: Timeout "
                                                            "waiting for thread to finish.", "stack": {}}, R.timeout,
     "https://github.com/FlowiseAI/Flowise/issues/4115"),
    (502, '{ "message": "Bad Request", "code": "upstream_error", "upstream_code": undefined }', R.format_error,
     "https://github.com/kortix-ai/suna/pull/5986"),
    (400, {"error": {"message": "Authentication Error - Expired Key. Key Expiry time 2025-01-01 00:00:00+00:00 and "
                                "current time 2025-01-06 12:00:00+00:00", "type": "expired_key", "param": "sk-12",
                     "code": "400"}}, R.auth_permanent, "https://github.com/BerriAI/litellm/issues/18731"),
    (500, {"error": {"message": "context_truncation_failed: Failed to reduce context to fit within budget.\nCurrent: "
                                "133 tokens, Max: -25 tokens.", "type": "server_error"}}, R.context_overflow,
     "https://github.com/llama-farm/llamafarm/issues/760"),
    # near misses: a gateway's 502 that names no 4xx, a 500 whose own words say the server failed, a guardrail that
    # only names the routing it restricts
    (502, '{ "message": "Bad Gateway", "code": "upstream_error", "upstream_code": undefined }', R.server_error, "-"),
    (500, {"error": {"message": "Internal server error: timeout while writing the log"}}, R.server_error, "-"),
    (404, {"error": {"message": "No endpoints available matching your guardrail restrictions and data policy."}},
     R.provider_policy_blocked, "-"),
])
def test_a_clearer_text_over_a_generic_status(status: int, body: Any, expect: FailoverReason, source: str) -> None:
    """A guardrail's verdict under WSO2's 446 or a proxy's 500, timeout words under a bare 500, a gateway's 502 around
    the upstream's "Bad Request" (a JavaScript object with ``undefined`` read as JSON), LiteLLM's expired virtual key
    and a server's failed context truncation decide over the generic status."""
    assert classify_api_error(exception_from_http("openai", status, body, {})).reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "status", "expect", "scope", "source"), [
    ("ProxyException", "Authentication Error, key is blocked. Update via /key/unblock if you're an admin", 401,
     R.auth_permanent, Scope.credential, "https://github.com/BerriAI/litellm/issues/22756"),
    ("Error", "Error interacting with language model\ncloud language model completion failed with status 403 "
              "Forbidden: You must subscribe to a plan in order to use models provided by Zed. Please visit "
              "https://zed.dev/account to start your trial, or select another model provider.", 403, R.billing,
     Scope.credential,
     "https://github.com/zed-industries/zed/issues/30082"),
    ("InternalServerError", "rpc error: code = Unknown desc = unimplemented", 500, R.model_not_found,
     Scope.credential_model, "https://github.com/mudler/LocalAI/issues/1946"),
    ("BadRequestError", "流式请求失败: Error code: 400 - {'requestId': '50493e12', 'code': 'InvalidParameter', "
                        "'message': 'No static resource api-openai/v1/chat/completions/chat/completions.'}", 400,
     R.model_not_found, Scope.endpoint, "https://github.com/666ghj/BettaFish/issues/336"),
    ("Error", '{"error":{"code":null,"message":"httproutes.gateway.networking.k8s.io \\"DeepSeek-R1-router\\" not '
              'found","type":"api_error"}}', None, R.model_not_found, Scope.endpoint,
     "https://github.com/vllm-project/aibrix/issues/1691"),
    ("openai.APIStatusError", "`store=True` (default) is not supported. Please set `store=False` in Responses API or "
                              "set `VLLM_ENABLE_RESPONSES_API_STORE=1` in the env var when starting the vLLM server.",
     501,
     R.format_error, Scope.request, "https://github.com/vllm-project/vllm/pull/22137"),
    # near misses: LocalAI's backend that is down is an outage; a 500 typed api_error that names no route stays one
    ("InternalServerError", "rpc error: code = Unavailable desc = error reading from server: EOF", 500,
     R.server_error, Scope.endpoint, "-"),
    ("Error", '{"error":{"code":null,"message":"upstream crashed","type":"api_error"}}', None, R.server_error,
     Scope.endpoint, "-"),
])
def test_keys_plans_backends_and_routes_under_a_status(type_name: str, text: str, status: int | None,
                                                       expect: FailoverReason, scope: Scope, source: str) -> None:
    """A LiteLLM virtual key blocked by an admin, a hosted model reserved to a plan, a gRPC backend that does not
    implement the call, a route the server or a Kubernetes gateway does not have, a parameter value a server refuses
    under a 501."""
    got = classify_api_error(exception_from_message(type_name, text, status=status))
    assert (got.reason, got.scope) == (expect, scope), source


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("GeminiException", "This exception was thrown because the response has a status code of 503 and "
                        "RequestOptions.validateStatus was configured to throw for this status code.\n\nThe status "
                        "code of 503 has the following meaning: \"Server error - the server failed to fulfil an "
                        "apparently valid request\"", R.overloaded, "https://github.com/babakcode/flutter_gemini/issues/44"),
    ("g4f.errors.ResponseStatusError", 'Response 502: <html>\n  <head>\n    <meta name="viewport" '
                                       'content="width=device-width, initial-scale=1" />', R.server_error,
     "https://github.com/xtekky/gpt4free/issues/2092"),
    ("litellm.APIError", "litellm.APIError: APIError: OpenrouterException -", R.server_error,
     "https://github.com/Aider-AI/aider/issues/1737"),
    ("APIError", "litellm.APIError: APIError: OpenAIException - . Attempt #1 | You can customize retry values in the "
                 "configuration.", R.server_error, "https://github.com/OpenHands/OpenHands/issues/6754"),
    ("Error", "[API Error: Please submit a new query to continue with the Flash model.]", R.billing,
     "https://github.com/google-gemini/gemini-cli/issues/11392"),
    ("Error", "Configuration validation failed: • LLM: Permission denied - your API key may not have access to this "
              "model", R.model_not_found, "https://github.com/willtho89/stremio-ai-companion/issues/7"),
    ("Error", "Error: No content provided", R.empty_response, "https://github.com/themaximalist/llm.js/pull/4"),
    ("PreferenceAnalysisError", "openai returned empty content", R.empty_response,
     "https://github.com/whiteguo233/OpenBiliClaw/issues/27"),
    ("APIError", "Response was missing 'choices' key", R.empty_response, "https://github.com/BerriAI/litellm/pull/40294"),
    ("SyntaxError", "Unexpected non-whitespace character after JSON at position 124 (line 2 column 1)",
     R.malformed_response, "https://github.com/themaximalist/llm.js/issues/28"),
    ("Error", "invalid character 'd' after top-level value", R.malformed_response, "Go encoding/json, scanner.go"),
    # near misses: LiteLLM's APIError with words is read by them; a status-less class with nothing to read stays
    # unknown; LiteLLM's fallback notice is no model switch; a response's length in tokens states no status
    ("litellm.APIError", "litellm.APIError: APIError: OpenAIException - Connection error.", R.timeout,
     "https://github.com/Aider-AI/aider/issues/2442"),
    ("Error", "Something odd happened", R.unknown, "-"),
    ("Error", "No fallback model group found for original model_group=grok-4. Fallbacks=[{'mf-1': ['deepseek-v3']}]",
     R.unknown, "-"),
    ("Error", "The model's response was 512 tokens long", R.unknown, "-"),
])
def test_wrapper_sentences_that_state_a_status_or_an_unusable_answer(type_name: str, text: str,
                                                                     expect: FailoverReason, source: str) -> None:
    """Status-less sentences of clients: a status in words (Dio's "status code of 503", "Response 502:"), LiteLLM's
    APIError with an empty provider text (its generic 500), a client that moved to a lesser model for a spent allowance,
    a key without access to the model, an empty answer ("No content provided", a missing 'choices' key) and a JSON
    parser that found trailing data after the document (NDJSON read as one)."""
    c = classify_api_error(exception_from_message(type_name, text), word_model=NO_MODEL)
    assert c.reason is expect, source


def test_python_json_trailing_data_is_a_malformed_response() -> None:
    """json's own error for a second document after the first (an NDJSON stream read as one answer)."""
    error = _json_decode_error('{"done": false}\n{"done": true}')
    assert str(error).startswith("Extra data: line 2 column 1")
    assert classify_api_error(error).reason is R.malformed_response


@pytest.mark.parametrize(("status", "body", "expect"), [
    # a server refusing the request's own JSON, or a request without content: the status decides, not the answer words
    (400, {"error": {"message": "Unexpected token } in JSON at position 12"}}, R.format_error),
    (400, {"error": {"message": "No content provided"}}, R.format_error),
])
def test_answer_words_under_a_client_status_stay_the_requests(status: int, body: Any, expect: FailoverReason) -> None:
    """The parse-failure and empty-content words read as the answer's only without a status; under a 4xx the server
    is refusing the request."""
    assert classify_api_error(exception_from_http("openai", status, body, {})).reason is expect


def test_a_mid_stream_error_typed_inappropriate_content_is_a_content_block() -> None:
    """A gateway's mid-stream error typed ``inappropriate_content`` is a content block, whatever status its source
    sent (the text's "Status 403" would read as auth). https://docs.naga.ac/build/error-handling"""
    event = {"error": {"type": "inappropriate_content", "message": "We got a bad response from the source. Status "
                                                                   "403. Error message: Unable to show the generated "
                                                                   "image."}}
    c = classify_soft_failure(event)
    assert c is not None and c.reason is R.content_policy_blocked
_CLOUDFLARE_BLOCK_PAGE = (
    '<!DOCTYPE html>\n<html class="no-js" lang="en-US">\n<head>\n<title>Attention Required! | Cloudflare</title>\n'
    '<meta charset="UTF-8" />\n<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/cf.errors.css" />')


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    ("Error", "Could not respond to message. 503 status code (no body)", R.overloaded,
     "https://github.com/Mintplex-Labs/anything-llm/issues/4812"),
    ("Error", "API Request Failed: 429 status code (no body)", R.rate_limit, "https://github.com/openai/openai-node"),
    ("Error", f"Error: HTTP code 403 from API ({_CLOUDFLARE_BLOCK_PAGE}", R.provider_policy_blocked,
     "https://github.com/AlizerUncaged/desktop-waifu/issues/261"),
    ("Error", '403 <html>\n  <head>\n    <style global>body{font-family:Arial}</style>\n  <meta http-equiv="refresh" '
              'content="390">\n</head>\n  <body>\n    <div class="container">', R.provider_policy_blocked,
     "https://github.com/lifan0127/ai-research-assistant/issues/109"),
    # near misses: openai<1.0 raising on a 200 it could not read stays an unreadable answer (200 states no failure); a
    # bare 403 without a page is still the key's; an HTML page under a 401 is the key's too
    ("APIError", 'HTTP code 200 from API ("{\\"rate_limit_usage\\": {\\)', R.malformed_response, "-"),
    ("AxiosError", "AxiosError: Request failed with status code 403", R.auth, "-"),
    ("Error", "401 <html><head><title>401 Authorization Required</title></head></html>", R.auth, "-"),
])
def test_a_status_stated_in_an_apps_sentence_and_edge_pages(type_name: str, text: str, expect: FailoverReason,
                                                            source: str) -> None:
    """The Stainless SDKs' "NNN status code (no body)" and openai<1.0's "HTTP code NNN from API" state the status
    wherever an app's sentence puts them; a 403 that is an HTML page (Cloudflare's block page, a challenge) comes from
    an edge in front of the API, not from a refused key (provider_policy_blocked)."""
    assert classify_api_error(exception_from_message(type_name, text)).reason is expect, source


def test_a_403_html_page_over_http_is_a_network_block() -> None:
    """The same page received by the SDK as a 403's body: an edge's block, while a JSON 403 stays the key's."""
    page = exception_from_http("openai", 403, _CLOUDFLARE_BLOCK_PAGE.replace("Attention Required! | ", ""), {})
    json_403 = exception_from_http("openai", 403, {"error": {"message": "Forbidden"}}, {})
    assert classify_api_error(page).reason is R.provider_policy_blocked
    assert classify_api_error(json_403).reason is R.auth


@pytest.mark.parametrize(("type_name", "text", "expect", "source"), [
    # no key configured: the client could not build the request
    ("openai.OpenAIError", "The api_key client option must be set either by passing api_key to the client or by "
                           "setting the OPENAI_API_KEY environment variable", R.auth,
     "https://github.com/OpenHands/OpenHands/issues/384"),
    ("OpenAIError", "The OPENAI_API_KEY environment variable is missing or empty; either provide it, or instantiate "
                    "the OpenAI client with an apiKey option, like new OpenAI({ apiKey: 'My API Key' }).", R.auth,
     "https://github.com/arunbandari/mongo-gui/issues/134"),
    ("Error", 'Could not resolve authentication method. Expected either apiKey or authToken to be set. Or for one of '
              'the "X-Api-Key" or "Authorization" headers to be explicitly omitted', R.auth,
     "https://github.com/anthropics/claude-code/issues/10591"),
    ("LoadAPIKeyError", "OpenAI API key is missing. Pass it using the 'apiKey' parameter or the OPENAI_API_KEY "
                        "environment variable.", R.auth, "https://github.com/dzhng/deep-research/issues/98"),
    ("ValidationError", "Did not find openai_api_key, please add an environment variable `OPENAI_API_KEY` which "
                        "contains it, or pass `openai_api_key` as a named parameter.", R.auth,
     "https://github.com/langchain-ai/langchain"),
    # refusals and filters in an app's words
    ("Error", "API Error: Sonnet 5 can't help with this. Start a new session to continue.  Send feedback with "
              "/feedback or learn more: https://www.anthropic.com/legal/aup  Request ID: req_011Ce6mZnHEnBZ3etXRRB1FP",
     R.content_policy_blocked, "https://github.com/anthropics/claude-code/issues/87169"),
    ("Error", "The response was blocked by the provider's content filter", R.content_policy_blocked,
     "https://github.com/anomalyco/opencode/issues/32029"),
    # a replayed reasoning item the API will not take
    ("Error", "Error from provider (Console): Upstream request failed: [invalid_request_error] reasoning "
              "`encrypted_content` was not issued to this caller", R.invalid_encrypted_content,
     "https://github.com/anomalyco/opencode/issues/48773"),
    ("Error", "The encrypted content Work...out. could not be verified. Reason: Encrypted content could not be "
              "decrypted or parsed.", R.invalid_encrypted_content, "https://github.com/edison7009/EchoBird/issues/255"),
    # an empty answer, a server not reached, a stream that could not be decoded
    ("ValueError", "Invalid response from LLM call - None or empty.", R.empty_response,
     "https://github.com/crewAIInc/crewAI/issues/2885"),
    ("Error", "The AnythingLLM LLM engine instance could not be reached or is not responding. You may need to reboot "
              "the app or check the logs for more information.", R.timeout,
     "https://github.com/Mintplex-Labs/anything-llm/issues/5438"),
    ("Error", "Stream decode error: error decoding response body", R.stream_incomplete,
     "https://github.com/aaif-goose/goose/issues/8021"),
    # a tier that serves only its own client
    ("Error", "Error from provider (Console): OpenCode's free tier can only be used from within OpenCode",
     R.provider_policy_blocked, "https://github.com/anomalyco/opencode/issues/49433"),
    # near misses: a missing request field is the request's; a content filter named as a setting blocks nothing; the
    # safety filters guessed at by the Vertex SDK's accessor are a safety block, as three of the corpus's four texts of
    # it are labelled (an empty answer before 7 December 2026; printed with finish reason OTHER it stays one); an
    # invalid answer that is not empty stays malformed; a gateway that could not reach its provider is its upstream's
    # failure; a key restricted to one client stays auth; an upstream failure without the encrypted item stays a server
    # error
    ("Error", "Missing required parameter: 'messages'", R.format_error, "-"),
    ("Error", "Content filter settings could not be loaded", R.unknown, "-"),
    ("ValueError", "Response candidate content has no parts (and thus no text). The candidate is likely blocked by the "
                   "safety filters.", R.content_policy_blocked, "-"),
    ("ValueError", "Invalid response from LLM call - malformed.", R.malformed_response, "-"),
    ("Error", "ERR_NGROK_3800: Could not reach the AI provider. The upstream request failed.", R.server_error, "-"),
    ("Error", "This credential is only authorized for use with Claude Code and cannot be used for other API requests.",
     R.auth, "-"),
    ("Error", "Error from provider (Console): Upstream request failed", R.server_error, "-"),
])
def test_an_apps_own_words_for_keys_refusals_answers_and_clients(type_name: str, text: str, expect: FailoverReason,
                                                                 source: str) -> None:
    """Apps' and SDKs' sentences: no API key configured (auth), a model's refusal or a named content filter (content
    block), an encrypted reasoning item refused, an answer None or empty, a server not reached or not responding
    (timeout), a stream body that could not be decoded, a tier that serves only its own client."""
    c = classify_api_error(exception_from_message(type_name, text), word_model=NO_MODEL)
    assert c.reason is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    ("[OpenAIClient.__handle_route] HTTP request failed. status: 429. message: {\"detail\":\"You've reached our limit "
     "of messages per hour. Please try again later.\"}", R.rate_limit, "https://github.com/adryfish/llm-web-api/issues/2"),
    ("Our servers are currently overloaded for non-pro users, and\nyou've used your free quota. Please try again in a "
     "few minutes. If\nyou think this is a mistake, please contact hi@cursor.com", R.rate_limit,
     "https://github.com/yuaotian/go-cursor-help/issues/494"),
    # near misses: "try again later" under a 429 with no limit named is load; a day's cap is an allowance; capacity
    # words alone are load, and a spent quota that names no near reset is billing
    ("HTTP request failed. status: 429. message: Please try again later.", R.overloaded, "-"),
    ("HTTP request failed. status: 429. message: You've reached our limit of messages per day.", R.billing, "-"),
    ("Our servers are currently overloaded. Please try again in a few minutes.", R.overloaded, "-"),
    ("Our servers are currently overloaded for non-pro users, and you've used your free quota.", R.billing, "-"),
])
def test_a_named_limit_beats_load_words(text: str, expect: FailoverReason, source: str) -> None:
    """A cap on an hour's messages is a rate limit even with "try again later", and capacity words that also say the
    caller's own quota is spent are read by the quota's reset (a few minutes: rate_limit)."""
    assert classify_api_error(exception_from_message("Error", text)).reason is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    ("You've hit your limit · resets 8pm (America/New_York)", R.rate_limit,
     "https://github.com/anthropics/claude-code/issues/42801"),
    ("You've hit your session limit · resets 1:40pm (Europe/Paris)", R.rate_limit,
     "https://github.com/anthropics/claude-code/issues/72691"),
    ("5-hour limit reached ∙ resets 9pm", R.rate_limit, "https://github.com/anthropics/claude-code/issues/7892"),
    ("Session limit reached ∙ resets 8pm", R.rate_limit, "https://github.com/anthropics/claude-code/issues/11577"),
    ("Usage limit reached for gemini-3-flash-preview. Access resets at 10:57 PM GMT-3.", R.rate_limit,
     "https://github.com/google-gemini/gemini-cli/issues/22643"),
    ("You\u2019ve hit your limit for Claude messages. Limits will reset at 9:30 AM.", R.rate_limit,
     "https://github.com/anthropics/claude-code/issues/80062"),
    ("Claude usage limit reached. Your limit will reset at 3pm (America/Bogota).", R.rate_limit, "-"),
    # a date before the time, or a weekly window: days away, the plan's allowance
    ("Weekly limit reached · resets Dec 2, 7pm (Europe/Moscow) ·", R.billing,
     "https://github.com/anthropics/claude-code/issues/12686"),
    ("You've hit your limit · resets Jan 30, 11:30am (Asia/Calcutta)", R.billing,
     "https://github.com/anthropics/claude-code/issues/21562"),
    ("Weekly limit reached · resets 10am (Asia/Seoul) · /upgrade to Max or turn on /extra-usage", R.billing,
     "https://github.com/anthropics/claude-code/issues/12789"),
    # near misses: a rate limit hit is no plan window; a concurrency cap names no window at all; a usage limit with
    # no reset at all is spent; a clock time that is not a reset says nothing of one
    ("You have hit your rate limit. Please try again in 20s.", R.rate_limit, "-"),
    ("Concurrent session limit reached", R.unknown, "-"),
    ("You've hit your usage limit.", R.billing, "-"),
    ("You've hit your usage limit. Our team reviews accounts at 9am.", R.billing, "-"),
])
def test_a_subscription_windows_limit_line(text: str, expect: FailoverReason, source: str) -> None:
    """A plan window ("hit your limit", "session limit", "5-hour limit") that resets at a time of day with no date
    clears within a day: a throttle on this login (rate_limit), as a usage limit that says it resets soon is. One that
    resets on a date, or a weekly one, is the plan's allowance (billing)."""
    assert classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL).reason is expect, source


_JAN_20_18H_UTC = 1_768_932_000.0  # 2026-01-20T18:00:00Z (Anchorage and Lima on standard time, Paris on UTC+1)


@pytest.mark.parametrize(("text", "hours", "source"), [
    ("You've hit your limit · resets 11pm (America/Anchorage)", 14.0,  # 23:00 AKST is 08:00Z
     "https://github.com/anthropics/claude-code/issues/19472"),
    ("Claude usage limit reached. Your limit will reset at 10am \n     (America/Lima).", 21.0,  # 10:00 PET is 15:00Z
     "https://github.com/anthropics/claude-code/issues/10188"),
    ("Usage limit reached for gemini-3-flash-preview. Access resets at 10:57 PM GMT-3.", 7.95,  # 01:57Z
     "https://github.com/google-gemini/gemini-cli/issues/22643"),
    ("You've hit your session limit · resets 12:50pm (Europe/Paris)", 17 + 50 / 60,  # 11:50Z tomorrow
     "https://github.com/anthropics/claude-code/issues/81975"),
])
def test_a_window_that_resets_at_a_time_of_day_cools_the_login_until_then(text: str, hours: float,
                                                                           source: str) -> None:
    """The reset hour, in the zone the line names, is the wait: the pool cools this login until then instead of
    trying it again within seconds. The reason is the same at any hour of the day: only the wait follows the clock."""
    error = exception_from_message("Error", text)
    classified = classify_api_error(error, now=_JAN_20_18H_UTC)
    assert classified.retry_after is not None
    assert abs(classified.retry_after - hours * 3600) < 60, source
    assert {classify_api_error(error, now=_JAN_20_18H_UTC + h * 3600).reason for h in range(0, 48, 5)} == {
        R.rate_limit}


@pytest.mark.parametrize(("text", "expect", "source"), [
    ('[API Error: got status: INTERNAL. {"error":{"code":500,"message":"An internal error has occurred. Please retry '
     'or report in https://developers. generativeai.google/guide/troubleshooting","status":"INT', R.server_error,
     "https://github.com/google-gemini/gemini-cli/issues/5125"),
    ("[API Error: (Status: Not Found)]", R.model_not_found, "https://github.com/google-gemini/gemini-cli/issues/4048"),
    ("Error 400, Message: * GenerateContentRequest.contents[45].parts[0].data: required oneof field 'data' must have "
     "one initialized field\n, Status: INVALID_ARGUMENT, Details: []", R.format_error,
     "https://github.com/google/syzkaller/issues/6966"),
    # near misses: the enum's spelling only, not a word after "status"; a reason phrase must end where it ends
    ("Job status: internal review pending", R.unknown, "-"),
    ("[API Error: (Status: Not Foundational)]", R.unknown, "-"),
])
def test_a_google_status_stated_in_a_sentence(text: str, expect: FailoverReason, source: str) -> None:
    """Google's status name after "status:" (INTERNAL, UNAVAILABLE...) or an HTTP reason phrase after it stands for the
    status when the JSON that held it is cut or absent (the rules alone, as above)."""
    assert classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL).reason is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    ("错误信息: All connection attempts failed", R.timeout, "https://github.com/xiamuceer-j/MuMuAINovel/issues/107"),
    ("scheduler.py:648] Input prompt (36893 tokens) is too long and exceeds limit of 1000", R.context_overflow,
     "https://github.com/vllm-project/vllm/issues/10440"),
    ("context size exceeded", R.context_overflow, "https://github.com/ggml-org/llama.cpp/issues/12113"),
    ("Assert failed: Context size exceeded\n(< n-past (llama_n_ctx ctx))", R.context_overflow,
     "https://github.com/phronmophobic/llama.clj/issues/13"),
    ("no content in Gemini response", R.empty_response, "https://github.com/xalgorix/xalgorix/issues/430"),
    ("no valid candidates were found in the generate response", R.empty_response,
     "https://github.com/genkit-ai/genkit-dart/pull/425"),
    ("[Generation Failed] Empty result returned", R.empty_response,
     "https://github.com/kikiprojecto/agent-challenge/blob/HEAD/LLM_EMPTY_RESULT_FIX_COMPLETE.md"),
    ("The model returned no content because the response was blocked by content filtering.", R.content_policy_blocked,
     "https://github.com/github/copilot-cli/issues/3348"),
    ("The response was blocked by the provider's content filter", R.content_policy_blocked,
     "https://github.com/anomalyco/opencode/issues/32029"),
    ("Response content filtered by model 'gpt-4o'", R.content_policy_blocked,
     "https://github.com/pydantic/pydantic-ai/pull/3634"),
    ("{'error': {'message': 'No models available\\n\\nTraceback (most recent call last):\\n  File \"/usr/local/lib/"
     "python3.9/site-packages/litellm/proxy/proxy_server.py\", line 2821, in chat_completion\\n", R.rate_limit,
     "https://github.com/BerriAI/litellm/issues/2487"),
    ("No deployments available for selected model, Try again in 5 seconds. Passed model=Qwen/Qwen2.5-0.5B-Instruct. "
     "pre-call-checks=False, cooldown_list=['3dfdf3fc']", R.rate_limit,
     "https://github.com/microsoft/agent-lightning/issues/290"),
    # near misses: a prompt too short is no overflow; no content in the request is no empty answer; a spaced "content
    # filter" that blocked nothing is a setting; a router with no deployment for the name has no such model
    ("Input prompt is too short", R.format_error, "-"),
    ("There is no content in the request body", R.unknown, "-"),
    ("Invalid content filter configuration value", R.format_error, "-"),
    ("Oops. Something went wrong: No healthy deployment available, passed model=gpt-4-0125-preview",
     R.model_not_found, "-"),
])
def test_connects_overflows_empty_answers_filters_and_routers_in_words(text: str, expect: FailoverReason,
                                                                       source: str) -> None:
    """httpx's failed connect, servers' words for a prompt past the window (vLLM's scheduler, llama.cpp's examples), a
    client's words for an answer with nothing in it or one a filter blocked, and LiteLLM's router with every deployment
    cooling down (a rate limit: wait for the window)."""
    assert classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL).reason is expect, source


@pytest.mark.parametrize(("body", "expect"), [
    ({"text": ""}, R.empty_response),  # https://github.com/decolua/9router/issues/2229
    ({"response": None}, R.empty_response),
    # near misses: text in it; any field beside the text (a finish reason, usage) leaves it to the other shapes
    ({"text": "hi"}, None),
    ({"text": "", "finish_reason": "stop"}, None),
    ({}, None),
])
def test_a_bare_answer_of_empty_text_fields(body: dict[str, Any], expect: FailoverReason | None) -> None:
    """A router's HTTP 200 whose answer is nothing but an empty text field generated nothing."""
    got = classify_soft_failure(body)
    assert (got.reason if got else None) is expect


_VERTEX_429_DOC = ("Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more "
                   "details.")


@pytest.mark.parametrize(("type_name", "text", "status", "expect", "source"), [
    # Vertex's pay-as-you-go 429 ("Resource exhausted, please try again later": the shared pool had no capacity), its
    # JSON cut before the status by a client's headline, bare, or behind an app's own words
    ("Error", '✕ [API Error: [{ "error": { "code": 429, "message": "Resource exhausted. Please try again later. '
              + _VERTEX_429_DOC + '"', None, R.overloaded, "https://github.com/google-gemini/gemini-cli/issues/14811"),
    ("Error", "✕ [API Error: Resource exhausted. Please try again later. Please refer to\n  https://cloud.google.com/"
              "vertex-ai/generative-ai/docs/error-code-429 for more\n  details.]", None, R.overloaded,
     "https://github.com/google-gemini/gemini-cli/issues/15498"),
    ("Error", "自拍失败: Edit failed: Vertex AI Anonymous 请求失败: Vertex AI Anonymous error 8: Resource exhausted. "
              "Please try again later. " + _VERTEX_429_DOC, None, R.overloaded,
     "https://github.com/sukafon/astrbot_plugin_big_banana/issues/4"),
    ("Error", "429 Resource exhausted. Please try again later.\nPlease refer to https://cloud.google.com/vertex-ai/"
              "generative-ai/docs/error-code-429", None, R.overloaded,
     "https://github.com/googleapis/python-genai/issues/2001"),
    # the hiccups the rule is for stay transient
    ("BadRequestError", "Invalid request sent to provider.", 400, R.transient, "-"),
    ("BadRequestError", "Timeout while downloading 20250503_162129.jpg.", 400, R.transient, "-"),
    # near misses: the Gemini API's quota wording is a rate limit; a throttle's "try again later" is the throttle's;
    # "please try again later" alone says nothing of what failed
    ("Error", 'Error 429 "Resource has been exhausted (e.g. check quota)"', None, R.rate_limit,
     "https://github.com/google-gemini/gemini-cli/issues/23981"),
    ("Error", "Rate limit exceeded. Please try again later.", None, R.rate_limit, "-"),
    ("Error", "Please try again later.", None, R.unknown, "-"),
])
def test_try_again_later_is_no_upstream_hiccup(type_name: str, text: str, status: int | None,
                                              expect: FailoverReason, source: str) -> None:
    """An upstream's hiccup is read only from words that say so: a bare "please try again later" or "temporarily
    unavailable" never pre-empts the 429, overload or limit the text names (issue 9); Vertex's pay-as-you-go
    "Resource exhausted, try again later" is its shared pool at capacity (overloaded)."""
    c = classify_api_error(exception_from_message(type_name, text, status=status), word_model=NO_MODEL)
    assert c.reason is expect, source


@pytest.mark.parametrize(("type_name", "text", "status", "expect", "source"), [
    # a zero allowance printed as JSON (Google's ErrorInfo metadata), as its other printouts are
    ("Error", 'API Error: Status Code 429, { "error": { "code": 429, "message": "Quota exceeded for quota metric '
              "'Generate Content API requests per minute' and limit 'GenerateContent request limit per minute for a "
              "region' of service 'generativelanguage.googleapis.com' for consumer 'project_number:391029737820'.\", "
              '"status": "RESOURCE_EXHAUSTED", "details": [ { "@type": "type.googleapis.com/google.rpc.ErrorInfo", '
              '"reason": "RATE_LIMIT_EXCEEDED", "domain": "googleapis.com", "metadata": { "quota_location": '
              '"us-west4", "quota_limit_value": "0", "quota_limit": '
              '"GenerateContentRequestsPerMinutePerProjectPerRegion" } } ] } }', None, R.billing,
     "https://github.com/tech-shrimp/gemini-playground/issues/10"),
    ("Error", "[429 Too Many Requests] You exceeded your current quota, please check your plan and billing details.\n"
              "* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, "
              "limit: 0, model: gemini-2.0-flash", None, R.billing, "https://github.com/genkit-ai/genkit/issues/3915"),
    # curl's error 7, the connection never made
    ("Error", "curl: (7) Failed to connect to 172.16.105.65 port 11434 after 0 ms: Couldn't connect to server", None,
     R.timeout, "https://github.com/ollama/ollama/issues/4005"),
    ("Error", "(7) Failed to connect to xxx port ##### after 45 ms: Couldn't connect to server", None, R.timeout,
     "https://github.com/Athlon1600/php-proxy-app/issues/226"),
    ("Error", "cURL error 7: Failed to connect to 127.0.0.1 port 80 after 0 ms: Connection refused (see "
              "https://curl.haxx.se/libcurl/c/libcurl-errors.html)", None, R.timeout,
     "https://github.com/fresns/fresns/issues/36"),
    # a provider that does not serve the caller's region
    ("Error", "Model not available\nThis model provider doesn't serve your region. Visit https://docs.cursor.com/"
              "account/regions for more information.", None, R.provider_policy_blocked,
     "https://github.com/cursor/cursor/issues/3378"),
    ("Error", "This model is not available in your region.", None, R.provider_policy_blocked,
     "https://github.com/anomalyco/opencode/issues/19117"),
    # an app's own allowance spent, no reset named
    ("Error", "You've used all your remaining tokens", None, R.billing,
     "https://github.com/stackblitz/bolt.new/issues/912"),
    ("Error", "Monthly AI credits exhausted", None, R.billing, "https://github.com/github/app/issues/1896"),
    # a daily cap reported as a 500
    ("InternalServerError", "500 - Token limit (500,000 per day) exceeded. Used: 508,311 tokens. Sign up at "
                            "g4f.dev/members.html for higher limits.", 500, R.billing,
     "https://github.com/xtekky/gpt4free/issues/3456"),
    ("InternalServerError", "QuotaExceededException: You have already reached the daily limit of 10 requests for "
                            "host novagaia.fr today", 500, R.billing, "https://github.com/cnumr/ecoindex_api/issues/310"),
    # Bedrock's ServiceUnavailableException in a client's words
    ("Error", "Error: Can't invoke. Reason: Bedrock is unable to process your request.", None, R.overloaded,
     "https://github.com/darko-mesaros/bedrust/issues/47"),
    ("Error", "Bedrock is unable to process your request.", None, R.overloaded,
     "https://github.com/danny-avila/LibreChat/issues/4217"),
    # near misses: a non-zero quota value; a region the text only names; tokens left; a 500 that failed on its own
    # ledger, or a daily cap that resets in seconds
    ("Error", '"quota_limit_value": "10"', None, R.unknown, "-"),
    ("Error", "We serve your region from Frankfurt", None, R.unknown, "-"),
    ("Error", "You have 1,000 remaining tokens", None, R.unknown, "-"),
    ("InternalServerError", "Internal Server Error: failed to update usage limit", 500, R.server_error, "-"),
    ("InternalServerError", "Daily limit reached. Resets in 30 seconds.", 500, R.rate_limit, "-"),
])
def test_zero_quotas_connect_failures_regions_allowances_and_capacity_in_apps_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason, source: str) -> None:
    """A zero allowance in Google's JSON metadata, curl's failed connect, a provider that does not serve the region, an
    app's own token allowance spent (also when a relay reports it as a 500), and Bedrock's capacity sentence, in the
    words clients print them (holdout21)."""
    c = classify_api_error(exception_from_message(type_name, text, status=status), word_model=NO_MODEL)
    assert c.reason is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    # a local server that cut the prompt to its window and answered from the rest: Ollama's runner, then the llama.cpp
    # server it used to run
    ('time=2025-04-22T11:21:47.546Z level=WARN source=runner.go:131 msg="truncating input prompt" limit=2048 '
     "prompt=5065 keep=5 new=2048", R.context_overflow, "https://github.com/ollama/ollama/issues/10368"),
    ('Jun 11 08:07:59 ollama-host ollama[159]: time=2025-06-11T08:07:59.286Z level=WARN source=runner.go:128 '
     'msg="truncating input prompt" limit=512 prompt=617 keep=4 new=512', R.context_overflow,
     "https://github.com/karakeep-app/karakeep/issues/1593"),
    ('INFO [update_slots] input truncated | n_ctx=2048 n_erase=1090 n_keep=4 n_left=2044 n_shift=1022 '
     'tid="130623106379776" timestamp=1721345155', R.context_overflow,
     "https://github.com/TheAiSingularity/graphrag-local-ollama/issues/24"),
    # the Gemini JS SDK's accessor on a blocked prompt (promptFeedback.blockReason OTHER), and a Chinese provider's
    # filter on the request's content
    ("sendMessage() was unsuccessful. Response was blocked due to OTHER. Inspect response object for details.",
     R.content_policy_blocked, "https://github.com/google-gemini/deprecated-generative-ai-js/issues/106"),
    ("[GoogleGenerativeAI Error]: Text not available. Response was blocked due to OTHER", R.content_policy_blocked,
     "https://github.com/google-gemini/generative-ai-js (src/requests/response-helpers.ts, formatBlockErrorMessage)"),
    ("抱歉\uff0c您的请求包含不安全内容\uff0c已被系统拦截\u3002", R.content_policy_blocked,
     "https://github.com/NousResearch/hermes-agent/issues/59306"),
    # xAI's refusal of an argument it does not take, with or without "on this model"
    ('{"error": "Argument not supported: stream_options", "provider": "xai"}', R.format_error,
     "https://github.com/lobehub/lobehub/issues/7336"),
    ('Grok Error: 400 "Argument not supported: stream_options"', R.format_error,
     "https://github.com/cline/cline/issues/2764"),
    ('{"error": "Argument not supported on this model: presencePenalty", "endpoint": "https://api.x.ai/v1"}',
     R.format_error, "https://github.com/lobehub/lobehub/issues/8389"),
    # LM Studio's app when its worker could not load the model
    ("[LMSInternal][Client=LM Studio][Endpoint=loadModel] Error in channel handler: Error: Received load-error",
     R.model_not_found, "https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/790"),
    ("[LMSInternal][LMSAuthenticator][Client=LM Studio][Endpoint=multiplexedLoadModel] Error in channel handler: "
     "Error: Received load-error", R.model_not_found, "https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1492"),
    # near misses: "truncated" with no prompt or window named; a candidate's finish reason OTHER is no prompt block
    # (the SDK never prints it); a load still under way is a busy server, not a failed load
    ("Output truncated: see the log for the rest", R.unknown, "-"),
    ("Candidate was blocked due to OTHER", R.unknown, "-"),
    ("The model is loading, please wait", R.overloaded, "-"),
])
def test_truncated_prompts_prompt_blocks_refused_arguments_and_failed_loads(text: str, expect: FailoverReason,
                                                                           source: str) -> None:
    """A server's log that it cut the prompt to its window (context_overflow), a prompt block in an SDK's or a Chinese
    provider's words (content_policy_blocked), xAI's refused argument (format_error), and LM Studio's failed load
    (model_not_found: this endpoint does not serve the model now)."""
    assert _rules_alone("Error", text) is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    ("The Gemini API quota has been exceeded. - Resource Exhausted (429)", R.rate_limit,
     "https://github.com/hihumanzone/Gemini-Discord-Bot/issues/48"),
    ("@firebase/firestore: Firestore (10.9.0): FirebaseError: [code=resource-exhausted]: 8 RESOURCE_EXHAUSTED: Quota "
     "exceeded.", R.rate_limit, "https://github.com/firebase/firebase-js-sdk/issues/8318"),
    # near misses: Vertex's pay-as-you-go pool at capacity keeps its own reading; a quota sentence without the status
    # name is the quota's (billing)
    ("\u2715 [API Error: Resource exhausted. Please try again later. Please refer to\n  https://cloud.google.com/vertex-ai/"
     "generative-ai/docs/error-code-429 for more\n  details.]", R.overloaded,
     "https://github.com/google-gemini/gemini-cli/issues/15498"),
    ("The Gemini API quota has been exceeded.", R.billing, "-"),
])
def test_google_resource_exhausted_named_in_words(text: str, expect: FailoverReason, source: str) -> None:
    """Google's RESOURCE_EXHAUSTED named in words or in Firebase's spelling beside a quota sentence is its 429 throttle
    (rate_limit), as its underscored name is; Vertex's "Resource exhausted, please try again later" stays overloaded."""
    assert classify_api_error(exception_from_message("Error", text)).reason is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    # a server that shuts itself down because its engine died: vLLM's launcher, in its versions' words
    ("CRITICAL 11-05 12:03:03 launcher.py:99] MQLLMEngine is already dead, terminating server process", R.server_error,
     "https://github.com/vllm-project/vllm/issues/10024"),
    ("CRITICAL 11-04 12:53:11 launcher.py:72] AsyncLLMEngine has failed, terminating server process", R.server_error,
     "https://github.com/vllm-project/vllm/issues/9230"),
    ("ERROR 11-04 12:53:08 client.py:250] RuntimeError: Engine loop has died", R.server_error,
     "vllm/engine/multiprocessing/client.py"),
    # Cloudflare's error 1101 page: the Worker in front of the API threw
    ('<span class="cf-error-code">1101</span> <h2 class="cf-subheadline" data-translate="error_desc">Worker threw '
     "exception</h2> You've requested a page on a website (gateway.ai.cloudflare.com) that is on the Cloudflare "
     "network. An unknown error occurred while rendering the page.", R.server_error,
     "https://github.com/Jazee6/cloudflare-ai-web/issues/49; https://developers.cloudflare.com/workers/observability/"
     "errors/"),
    # ModelScope's moderation of the answer
    ('output content security inspection failed by Modelscope. - {"code":555,"message":"output content security '
     'inspection failed by Modelscope.","request_id":"84f4e303-f67b-472c-88ed-ab8bc67c43b5"}', R.content_policy_blocked,
     "https://github.com/agentscope-ai/QwenPaw/issues/3486"),
    # a chat client's notice for an answer stopped at the output cap (finish_reason "length")
    ("This message is finished due to length, increasing max output tokens may help with this", R.output_truncated,
     "https://github.com/egoist/chatwise-releases/issues/1006"),
    # a rate limit over a week: the plan's allowance, days away (Copilot, two of its wordings)
    ("You've reached your weekly rate limit. Please wait for your limit to reset on April 20, 2026 at 2:00 AM or "
     "switch to \nauto model to continue. Learn More (https://docs.github.com/en/copilot/concepts/rate-limits).",
     R.billing, "https://github.com/github/copilot-cli/issues/2828"),
    ("Sorry, you have been rate-limited. Please wait 2 minutes before trying again or consider switching to Auto.\n"
     "Server Error: Sorry, you've exceeded your weekly rate limit. Please review our Terms of Service.\nError Code: "
     "user_weekly_rate_limited", R.billing, "https://github.com/github/copilot-cli/issues/2769"),
    # near misses: a process ended on request; a worker named with other words; a moderation that passed; a prompt
    # refused for its length (no output cap); an hour's rate limit is a throttle
    ("Terminating process 1234 on user request", R.unknown, "-"),
    ("The worker threw away the cached answer", R.unknown, "-"),
    ("input content security inspection passed", R.unknown, "-"),
    ("Request rejected due to length of the prompt", R.unknown, "-"),
    ("You've reached your hourly rate limit. Please wait for your limit to reset at 3:00 PM.", R.rate_limit, "-"),
])
def test_dead_engines_worker_pages_output_moderation_length_stops_and_weekly_limits(text: str, expect: FailoverReason,
                                                                                  source: str) -> None:
    """A server shutting down after its engine died and Cloudflare's Worker exception page (server_error), ModelScope's
    output moderation (content_policy_blocked), a client's notice of an answer cut at the output cap (output_truncated)
    and a weekly rate limit (billing: the plan's allowance) (holdout23; the rules alone)."""
    classified = classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL)
    assert classified.reason is expect, source


@pytest.mark.parametrize(("text", "expect", "source"), [
    # OpenRouter's upstream error with the status openai-node prints before a message, inside a wrapper's sentence (a
    # terminal's wrap in it): the upstream refused the request (400)
    ("ERROR: Error in OpenRouter API call (Attempt 1/3): 400 Provider\n   returned error", R.format_error,
     "https://github.com/campfirein/byterover-cli/issues/43"),
    # ... and under a 429, the upstream's limit (the key is healthy)
    ("OpenRouter call failed: 429 Provider returned error", R.rate_limit,
     "https://github.com/openai/openai-node (src/core/error.ts, makeMessage)"),
    # near miss: with no status it is the upstream's failure, nothing more (five holdout199 threads:
    # https://github.com/cline/cline/issues/813)
    ("ERROR: Error in OpenRouter API call (Attempt 1/3): Provider returned error", R.server_error,
     "https://github.com/cline/cline/issues/813"),
])
def test_openrouter_upstream_error_after_its_status(text: str, expect: FailoverReason, source: str) -> None:
    """OpenRouter's "Provider returned error" with the status openai-node's APIError prints before it: the status
    decides, wherever a wrapper's sentence puts it (holdout23; the rules alone)."""
    classified = classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL)
    assert classified.reason is expect, source


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/huggingface/text-generation-inference/issues/1374 (TGI relays the shard's PyTorch OOM)
    ("Server error: CUDA out of memory. Tried to allocate 222.00 MiB. GPU 0 has a total capacty of 39.39 GiB of which "
     "217.94 MiB is free.", R.overloaded),
    # https://github.com/EricLBuehler/mistral.rs/issues/44 (the CUDA driver's enum)
    ('Model failed with error `DriverError(CUDA_ERROR_OUT_OF_MEMORY, "out of memory")`. Please raise an issue.',
     R.overloaded),
    # https://github.com/sgl-project/sglang/issues/4602 and /10408
    ("Decode out of memory. Try to lower your batch size.\nTry to allocate 148 tokens.", R.overloaded),
    ("alloc_req_slots runs out of memory. Please set a smaller number for `--max-running-requests`.", R.overloaded),
    # https://github.com/huggingface/transformers/issues/11904 (Hugging Face serverless warming the model)
    ("{'error': 'Model Matthieu/stsb-xlm-r-multilingual is currently loading', 'estimated_time': 44.49033436}",
     R.overloaded),
    # https://github.com/openai/openai-cookbook/issues/1214
    ("ChatGPT is under heavy load", R.overloaded),
    # near misses: a client's own MemoryError, Ollama's runner killed by a CUDA error (its crash: a server error), a
    # host too small for the model, a model that fails to load
    ("out of memory", R.unknown),
    ("Error: llama runner process has terminated: CUDA error: out of memory", R.server_error),
    ('{"error":"model requires more system memory (3.7 GiB) than is available (3.6 GiB)"}', R.model_not_found),
    ("Error loading model. (Exit code: 6)", R.model_not_found),
])
def test_capacity_loading_and_gpu_memory_wordings(text: str, expect: FailoverReason) -> None:
    """A serving engine out of GPU memory on a request, a model still warming and a service under heavy load lack
    capacity for now (overloaded: retry, then fall back); a process's own memory error, a crashed runner and a host
    too small for the model are not that."""
    assert _rules_alone("Error", text) is expect


def test_a_424_failed_dependency_is_the_servers_fault() -> None:
    """https://github.com/UiPath/uipath-python/issues/461: an LLM gateway's 424 (its backend failed) is a server error,
    not the request's defect its 4xx number suggests; TGI answers generation failures with 424 too."""
    error = exception_from_http("openai", 424, {"title": "Failed dependency", "status": 424})
    assert classify_api_error(error, word_model=NO_MODEL).reason is R.server_error


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/QuantumNous/new-api/issues/5675: a relay key whose model allow-list leaves the model out
    ("403 This token has no access to model glm-5.2", R.model_not_found),
    # https://github.com/langgenius/dify/issues/28638 and /35565: Dify's LLM node in its own grammar
    ("Model deepseek-v3.1 not exist.", R.model_not_found),
    ("model not exists", R.model_not_found),
    # near misses: a key with no access at all (no model named after it), a missing file that names no model
    ("403 This token has no access to this resource", R.auth),
    ("The file config.yaml does not exist", R.unknown),
])
def test_model_access_and_existence_wordings(text: str, expect: FailoverReason) -> None:
    """A relay key not allowed the model and a model that does not exist, in relays' and Dify's words, are the model's
    (fall back to another); a key refused outright and a missing file are not (sweep family c; the rules alone)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/sashabaranov/go-openai/issues/189: Go's url.Error wrapping io.EOF, a remote host
    ('Completion error: Post "https://api.openai.com/v1/completions": EOF', R.timeout),
    # https://github.com/cline/cline/issues/10359: undici's body timer, in a client's JSON
    ('{"message":"terminated","code":"UND_ERR_BODY_TIMEOUT","modelId":"m","providerId":"openai"}', R.timeout),
    ("TypeError: fetch failed\n  [cause]: HeadersTimeoutError: Headers Timeout Error\n"
     "    code: 'UND_ERR_HEADERS_TIMEOUT'", R.timeout),
    # near misses: the same EOF from a server's call to its own runner on the loopback address is that server's crash
    # (corpus s-ollama-post-predict-eof), a bare "terminated" is a cut stream, a bare EOF word names no request
    ('API Error: {"error":"POST predict: Post \\"http://127.0.0.1:63330/completion\\": EOF"}', R.server_error),
    ("TypeError: terminated", R.stream_incomplete),
    ("reached EOF of the config file", R.unknown),
])
def test_non_python_transport_wordings(text: str, expect: FailoverReason) -> None:
    """Go's 'Post "<url>": EOF' to a remote host and undici's timer codes are transport faults (resend); the loopback
    runner's EOF stays the server's crash and undici's bare "terminated" a cut stream (sweep family e; rules alone)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/briqt/xunfei-spark4j/issues/3 and /7: iFlytek Spark's input and output moderation
    ("讯飞星火api连接异常\uff1a输入内容审核不通过\uff0c涉嫌违规\uff0c请重新调整输入内容", R.content_policy_blocked),
    ("输出内容涉及敏感信息\uff0c审核不通过\uff0c后续结果无法展示给用户", R.content_policy_blocked),
    # https://github.com/bytedance/deer-flow/issues/1979, https://github.com/agentscope-ai/QwenPaw/pull/5533: MiniMax's
    # 1027 and 1026 (under a 422 its status would read as a request defect; an image word must not read as media)
    ("LLM request failed: Error code: 422 - {'type': 'error', 'error': {'type': 'unprocessable_entity_error', "
     "'message': 'output new_sensitive (1027)', 'http_code': '422'}}", R.content_policy_blocked),
    ("input new_sensitive, messages[10]'s content[0] image is sensitive, please check your input (1026)",
     R.content_policy_blocked),
    # https://github.com/ai-dock/comfyui/issues/148: Black Forest Labs' moderation status
    ("BFL API did not return an image due to: Request Moderated.", R.content_policy_blocked),
    # near misses: an account's real-name review (no content named), a case-sensitive parameter, a moderated forum
    ("实名认证审核不通过\uff0c请联系客服", R.unknown),
    ("Invalid value: model names are case-sensitive", R.format_error),
    ("the moderated queue is full", R.unknown),
])
def test_moderation_wordings_across_providers(text: str, expect: FailoverReason) -> None:
    """Moderation in iFlytek's and MiniMax's words and BFL's status is the content's (another model or a changed
    prompt), under any status; an account review, "case-sensitive" and other uses of the words are not (family f)."""
    assert _rules_alone("Error", text) is expect


def test_a_gateway_403_naming_a_sensitive_word_is_the_contents() -> None:
    """https://github.com/14790897/MiqroForge-Desktop/pull/1027: a gateway's keyword filter under a 403 refuses the
    content, not the key (content_policy_blocked, request scope: no key is cooled)."""
    error = exception_from_http("openai", 403, {"code": "sensitive_word_detected", "type": "security_violation"})
    classified = classify_api_error(error, word_model=NO_MODEL)
    assert (classified.reason, classified.scope) == (R.content_policy_blocked, Scope.request)


def test_a_cancelled_responses_object_without_error_stays_unknown_whatever_the_index_holds() -> None:
    """Seed 004: a Responses object cancelled with no error names no cause. Its two words ("response cancelled") are
    not read by the word model either (the labelled errors hold other "cancelled" errors, a Gemini 499 among
    them): the shape decides unknown, retried without cooling a key."""
    body = {"id": "resp_7", "object": "response", "created_at": 1, "model": "gpt-5-codex", "status": "cancelled",
            "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
    classified = classify_soft_failure(body)
    assert classified is not None
    assert (classified.reason, classified.rule) == (R.unknown, "soft_unknown")


def _gemini_quota_429(quota_id: str) -> dict[str, Any]:
    """Gemini's 429 for a spent free-tier quota with its 22 s retryDelay (the body of ae-q14, oppl's stored error)."""
    return {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED",
                      "message": "You exceeded your current quota, please check your plan and billing details. For "
                                 "more information on this error, head to: https://ai.google.dev/gemini-api/docs/"
                                 "rate-limits.",
                      "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [
                          {"quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                           "quotaId": quota_id, "quotaValue": "250"}]},
                          {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "22s"}]}}


@pytest.mark.parametrize(("quota_id", "expect"), [
    ("GenerateRequestsPerDayPerProjectPerModel-FreeTier", R.billing),
    # near miss: the same body and wait for a per-minute quota reopens in 22 s
    ("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", R.rate_limit),
])
def test_a_daily_quota_among_the_violations_outweighs_a_short_retry_delay(quota_id: str,
                                                                         expect: FailoverReason) -> None:
    """holdout28 (ae-q14): the daily quota id sits in the body's QuotaFailure violations, not in the message; the
    22 s retryDelay reopens nothing, so it is billing (rotate, no retry), as a daily id in the text already was."""
    error = exception_from_http("openai", 429, _gemini_quota_429(quota_id))
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/pot-app/pot-desktop/issues/127: Rust's io::Error under a Chinese Windows (WSAETIMEDOUT)
    ("Error", "Network Error: Io Error: 由于连接方在一段时间后没有正确答复或连接的主机没有反应\uff0c连接尝试失败。 "
              "(os error 10060)", None, R.timeout),
    ("Error", "[WinError 10061] 由于目标计算机积极拒绝\uff0c无法连接。", None, R.timeout),  # WSAECONNREFUSED
    ("Error", "Verbindung fehlgeschlagen [Errno 111]", None, R.timeout),  # ECONNREFUSED in another language
    # https://github.com/anomalyco/opencode/issues/9789: Zhipu's concurrency cap in Chinese
    ("Error", "您当前使用该API的并发数过高\uff0c请降低并发\uff0c或联系客服增加限额。", None, R.rate_limit),
    # https://github.com/immersive-translate/immersive-translate/issues/3628: a 500 saying "too many API requests"
    ("Error", "500: 当前API请求过多\uff0c请稍后重试。", 500, R.overloaded),
    ("InternalServerError", "Too many requests right now, please retry later", 500, R.overloaded),
    # https://github.com/liyupi/yucongming-java-sdk/issues/11 and https://github.com/gpustack/gpustack/issues/1845
    ("Error", "BaseResponse(code=40000, data=null, message=消息过长)", None, R.context_overflow),
    ("BadRequestError", "Illegal param: prefill 744 tokens exceed n_ctx_per_seq, try increasing total context size, "
                        "adjusting RoPE, enabling context shift or reducing input", 400, R.context_overflow),
    # https://github.com/labring/FastGPT/issues/2653: FastGPT's 500 envelope around its relay's upstream 400
    ("Error", '{"code": 500, "statusText": "", "message": "bad response status code 400 (request id: '
              '2024090909143933861328236420945)", "data": null}', None, R.format_error),
    # https://github.com/pydantic/pydantic-ai/issues/631: a validator's words around Gemini's bad-call finish reason
    ("ValidationError", "2 validation errors for typed-dict\ncandidates.0.content\n  Field required [type=missing, "
                        "input_value={'finishReason': 'MALFORMED_FUNCTION_CALL'}, input_type=dict]", None,
     R.malformed_response),
    # https://github.com/huggingface/lighteval/issues/299: Hugging Face's serverless auto-load cap
    ("ValueError", "Error occured when fetching info: {'error': 'The model akjindal53244/Llama-3.1-Storm-8B is too "
                   "large to be loaded automatically (16GB > 10GB). Please use Spaces (https://huggingface.co/spaces) "
                   "or Inference Endpoints (https://huggingface.co/inference-endpoints).'}", None, R.model_not_found),
    # near misses: an error number of no socket failure, a 500 whose "too many requests" is a spent quota (no load
    # word: a 500's quota wording stays the server's, as before), another
    # status under the envelope, and a validator's generic words alone (the request's defect)
    ("Error", "Failed to open config (os error 2)", None, R.unknown),
    ("InternalServerError", "Too many requests: you exceeded your current quota", 500, R.server_error),
    ("Error", '{"code": 500, "message": "bad response status code 503 (request id: 1)", "data": null}', None,
     R.server_error),
    ("ValidationError", "1 validation error for Request\nmodel\n  Field required [type=missing, input_value={}, "
                        "input_type=dict]", None, R.format_error),
])
def test_holdout28_families(type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """The general rules fitted to holdout28's misses, each with a near miss the rule must leave alone (the rules
    alone, no word model)."""
    error = exception_from_message(type_name, text, status=status)
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect


def test_a_200_body_holding_only_a_message_is_read_as_that_error() -> None:
    """https://github.com/Portkey-AI/gateway/issues/1142: Bedrock answered HTTP 200 with only {"message": "The model
    returned the following errors: ..."}; the message decides (before: an empty answer, resent as is). A body that
    also holds an answer's fields is not an error object."""
    text = ("The model returned the following errors: messages.1.content.0.type: Expected `thinking` or "
            "`redacted_thinking`, but found `text`. When `thinking` is enabled, a final `assistant` message must start "
            "with a thinking block.")
    classified = classify_soft_failure({"message": text})
    assert classified is not None and classified.reason is R.thinking_signature
    answered = {"id": "c1", "object": "chat.completion", "message": "note", "choices": [
        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "Hello"}}]}
    assert classify_soft_failure(answered) is None


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/continuedev/continue/issues/13259: a router's 502 around its upstreams' 400s
    ("Error", "502 All variants failed with errors: glm-5.2: All model providers failed to infer with errors: zai: "
              "Inference stream closed due to error from openai server: Invalid status code: 400 Bad Request: "
              '{"error":{"code":"1214","message":"The messages parameter is illegal."}}', 502, R.format_error),
    # AstrBot: "the parts the API returned are empty"; forge's empty completion
    ("Exception", "Chat Model google_gemini_1/gemini-3-flash-preview request error: API 返回的 "
                  "candidate.content.parts 为空\u3002", None, R.empty_response),
    ("Error", "ERROR: Empty completion received - no content, tool calls, or valid finish reason", None,
     R.empty_response),
    # https://github.com/xpressai/xaibo/pull/36: a gateway's code for a spent daily allowance
    ("RuntimeError", 'LLM API returned a completion without choices: {"code": "rate_limit_daily", "message": '
                     '"Error code: 429 - ..."}', None, R.billing),
    # a client version (CLIProxyAPI) or a relay's accounts that do not support the model
    ("BadRequestError", "Claude Code 2.1.220 does not support this model; version 2.1.251 or newer is required.",
     400, R.model_not_found),
    ("Error", "500 No available Claude accounts support the requested model: claude-opus-4-6", 500,
     R.model_not_found),
    # https://github.com/danny-avila/LibreChat/issues/11826: the words garbled, Google's page on thought signatures
    ("BadRequestError", "Unable to submit request because function call default_api:x in the 12. content block is "
                        "missing athought_signature. Learn more: https://docs.cloud.google.com/vertex-ai/"
                        "generative-ai/docs/thought-signatures", 400, R.thinking_signature),
    # DashScope's InvalidParameter for max_tokens out of range (not the input's length)
    ("Error", '{"code":"InvalidParameter","message":"Range of max_tokens should be [1, 2000]"}', None,
     R.format_error),
    # near misses: a router's 502 whose upstreams failed on their own, a relay's 500 naming no model, a request that
    # leaves a parameter empty in Chinese, a daily limit reached elsewhere in a sentence about something else
    ("Error", "502 All variants failed with errors: zai: Invalid status code: 503 Service Unavailable", 502,
     R.server_error),
    ("Error", "500 No available Claude accounts", 500, R.server_error),
    ("Error", "请求参数 model 为空", None, R.unknown),
    ("Error", "Range of input length should be [1, 30720]", None, R.context_overflow),
])
def test_holdout29_families(type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """The general rules fitted to holdout29's misses, each with a near miss (the rules alone)."""
    error = exception_from_message(type_name, text, status=status)
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect


def test_a_gemini_stop_with_only_empty_parts_is_an_empty_answer() -> None:
    """https://github.com/googleapis/js-genai/issues/1769: Gemini 3.5 Flash answered STOP with ``"parts": [{}]`` and
    no generated token; nothing was delivered (before: read as a success). A part holding only a thought signature
    is something, and a text part is an answer."""
    empty = {"candidates": [{"finishReason": "STOP", "content": {"parts": [{}]}}],
             "usageMetadata": {"promptTokenCount": 22649}}
    classified = classify_soft_failure(empty)
    assert classified is not None and classified.reason is R.empty_response
    signed = {"candidates": [{"finishReason": "STOP",
                              "content": {"parts": [{"text": "", "thoughtSignature": "c2ln"}]}}]}
    answered = {"candidates": [{"finishReason": "STOP", "content": {"parts": [{"text": "Hello"}]}}]}
    assert classify_soft_failure(signed) is None and classify_soft_failure(answered) is None


@pytest.mark.parametrize(("status", "body", "expect"), [
    # DMXAPI's public error log (a new-api relay): its own request check and its rate limit under its 500, its
    # token's spent allowance under a 401
    (500, {"error": {"message": "field messages is required (request id: 1)", "type": "rix_api_error", "param": "",
                     "code": "invalid_request"}}, R.format_error),
    (500, {"error": {"message": "limit_error (request id: 1)", "type": "rix_api_error", "param": "",
                     "code": "rate_limit"}}, R.rate_limit),
    (401, {"error": {"code": "", "message": "[sk-zoj***Vj8] Token amount has been exhausted token.RemainQuota = 0 "
                                           "(request id: 1)", "type": "rix_api_error"}}, R.billing),
    (401, {"error": {"code": "", "message": "[sk-Nt7***Rs9] Token count has been exhausted token.RemainCount = 0",
                     "type": "rix_api_error"}}, R.billing),
    # OpenAI's Sora 2 moderation, before and during a generation (APIYI's article on Sora 2 errors)
    (400, {"error": {"code": "sentinel_block", "message": "Hmmm something didn't look right with your request.",
                     "type": "invalid_request_error"}}, R.content_policy_blocked),
    (400, {"error": {"code": "moderation_blocked", "message": "Your request was blocked by our moderation system."}},
     R.content_policy_blocked),
    # Google's check of the model's name
    (400, {"error": {"code": 400, "message": "* GenerateContentRequest.model: unexpected model name format",
                     "status": "INVALID_ARGUMENT"}}, R.model_not_found),
    # near misses: a 500 with no code of the request's (the server's own), a 401 whose key is refused, a 500 with
    # "too many requests" words and no code (load, holdout28's rule)
    (500, {"error": {"message": "field messages is required", "type": "rix_api_error", "code": ""}},
     R.server_error),
    (401, {"error": {"code": "", "message": "[sk-zoj***Vj8] invalid token", "type": "rix_api_error"}}, R.auth),
    (500, {"error": {"message": "Too many requests right now, please retry later", "type": "server_error"}},
     R.overloaded),
])
def test_holdout30_relay_and_provider_codes(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """The general rules fitted to holdout30's misses, each with a near miss (the rules alone)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


def test_the_dotnet_sdks_json_error_reading_an_error_body_is_a_malformed_answer() -> None:
    """Microsoft Q&A 5555284: the OpenAI .NET SDK could not read Azure's 400 body (its code a number) and threw
    System.Text.Json's exception instead: the answer could not be read, whatever it said."""
    text = "The requested operation requires an element of type 'String', but the target element has type 'Number'."
    error = exception_from_message("System.InvalidOperationException", text)
    assert classify_api_error(error, word_model=NO_MODEL).reason is R.malformed_response


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a relay's stream cut under its 502, and a near miss: the same relay's bare 502
    ("Error", "channel error (status code: 502): Upstream stream ended without a terminal response event",
     R.stream_incomplete),
    ("Error", "channel error (status code: 502): upstream returned bad gateway", R.server_error),
    # a relay's failed call upstream inside its "upstream error", and a near miss: an upstream error alone
    ("Error", '{message: "do request failed: upstream error: do request failed", success: false, time: 0}', R.timeout),
    ("Error", "upstream error: internal failure", R.server_error),
    # Roo Code's 403 whose key authenticated, and a near miss: its key refused
    ("Error", "Unauthorized. Your API key is valid, but the provider refused to complete this request.",
     R.provider_policy_blocked),
    ("Error", "Unauthorized. Your API key is invalid.", R.auth),
    # pydantic-ai's output budget spent before any answer, and a near miss: a prompt over the window
    ("UnexpectedModelBehavior", "Model token limit (8192) exceeded before any response was generated. Increase the "
     "`max_tokens` model setting, or simplify the prompt to result in a shorter response that will fit within the "
     "limit.", R.output_truncated),
    ("Error", "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
     R.context_overflow),
    # Cohere's trial key: a month's calls (an allowance) and a minute's (a throttle)
    ("Error", "You are using a Trial key, which is limited to 1000 API calls / month.", R.billing),
    ("Error", "You are using a Trial key, which is limited to 10 API calls / minute.", R.rate_limit),
    # a per-user concurrency cap in a cut stream, and a near miss: a quota spent in the same words
    ("Error", "stream disconnected before completion: Concurrency limit exceeded for user, please retry later",
     R.rate_limit),
    ("Error", "stream disconnected before completion: quota limit exceeded for user", R.billing),
    # Imagen's policy block behind an "Invalid argument" wrapper, and a near miss: a real invalid argument
    ("DialAIError", "Invalid argument: 400 Image generation failed with the following error: The response is blocked, "
     "as it may violate our policies. If you believe this is an error, please send feedback to your account team.",
     R.content_policy_blocked),
    ("DialAIError", "Invalid argument: 400 Image generation failed with the following error: width must be a multiple "
     "of 8", R.format_error),
    # a 410 for a model at its end of life, and a near miss: a bare 410
    ("Error", "NVIDIA NIM API error 410: The model 'minimaxai/minimax-m2.7' has reached its end of life on "
     "2026-07-27T00:00:00Z and is no longer available.", R.model_not_found),
    ("Error", "NVIDIA NIM API error 410: Gone", R.format_error),
])
def test_holdout31_and_32_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdout31's and holdout32's misses, each with a near miss (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("message", "expect"), [
    ("unknown provider for model gemini-3.1-pro-preview", R.model_not_found),
    ("unknown provider error", R.server_error),  # near miss: no model named
])
def test_a_proxy_with_no_provider_for_the_model_under_its_502(message: str, expect: FailoverReason) -> None:
    """CLIProxyAPI answers a model none of its providers serves with a 502 typed server_error
    (https://github.com/kaitranntt/ccs/issues/598): another model, not a retry, is the way on."""
    body = {"error": {"message": message, "type": "server_error", "code": "internal_server_error"}}
    assert classify_api_error(exception_from_http("openai", 502, body), word_model=NO_MODEL).reason is expect


def _relay(message: str, code: str = "", kind: str = "new_api_error") -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": "", "code": code}}


@pytest.mark.parametrize(("status", "body", "expect"), [
    # new-api: no channel serves the model, no price is set for it; near miss: the same 500 with no code
    (500, _relay("分组 default 下模型 deepseek-v3.2 的可用渠道不存在\uff08retry\uff09", "get_channel_failed"),
     R.model_not_found),
    (500, _relay("Model gpt-5.2-codex ratio or price not set, please set or start self-use mode", "model_price_error"),
     R.model_not_found),
    # ... and its words alone, as a client prints the message without the code (bench.wrapped); near miss: a 500 that
    # names no model or price
    (500, _relay("Model gpt-5.2-codex ratio or price not set"), R.model_not_found),
    (500, _relay("upstream ratio service unavailable"), R.server_error),
    # one-api: its client's failed call and an answer that was no JSON, under its 500; near miss: another code
    (500, _relay('Post "https://api.openai.com/v1/chat/completions": read tcp 172.18.0.3:51234->104.18.6.192:443: '
                 "read: connection reset by peer", "do_request_failed", "one_api_error"), R.timeout),
    (500, _relay("invalid character '<' looking for beginning of value", "unmarshal_response_body_failed",
                 "one_api_error"), R.malformed_response),
    (500, _relay("invalid character '<' looking for beginning of value", "internal_error", "one_api_error"),
     R.server_error),
    # sub2api's codes: a spent key allowance under a 429 (not a throttle), a lapsed subscription, a disabled key or
    # group; near miss: a 429 that is its queue cap in words
    (429, {"code": "API_KEY_QUOTA_EXHAUSTED", "message": "API key 额度已用完"}, R.billing),
    (403, {"code": "SUBSCRIPTION_INVALID", "message": "subscription is invalid or expired"}, R.billing),
    (403, {"code": "SUBSCRIPTION_NOT_FOUND", "message": "No active subscription found for this group"}, R.billing),
    (401, {"code": "API_KEY_DISABLED", "message": "API key is disabled"}, R.auth_permanent),
    (403, {"code": "GROUP_DISABLED", "message": "API Key 所属分组已停用"}, R.auth_permanent),
    (429, {"type": "error", "error": {"type": "rate_limit_error",
                                      "message": "Too many pending requests, please retry later"}}, R.rate_limit),
    (429, {"type": "error", "error": {"type": "rate_limit_error", "message": "Service busy, please retry later"}},
     R.overloaded),
    # new-api's spent token under a 401; near miss: its invalid token
    (401, _relay("This token quota is exhausted TokenStatusExhausted[sk-mD4***9fQa]"), R.billing),
    (401, _relay("Invalid token"), R.auth),
    # a relay key bound to addresses (new-api, one-api); near miss: a key refused outright
    (403, _relay("您的 IP 不在令牌允许访问的列表中", "access_denied"), R.provider_policy_blocked),
    (403, _relay("该令牌只能在指定网段使用\uff1a10.8.0.0/16\uff0c当前 ip\uff1a203.0.113.45", kind="one_api_error"),
     R.provider_policy_blocked),
    (403, _relay("无效的令牌", "access_denied"), R.auth),
    # LiteLLM proxy: a blocked team, its guardrails; near miss: a 400 of the request's own
    (401, {"error": {"message": "Authentication Error, Team=team-ml-research is blocked. Update via `/team/unblock` if "
                                "you're an admin.", "type": "auth_error", "param": "None", "code": "401"}},
     R.auth_permanent),
    (400, {"error": {"message": "Rejected message. This is a prompt injection attack.",
                     "type": "invalid_request_error", "param": None, "code": "400"}}, R.content_policy_blocked),
    (400, {"error": {"message": "Rejected message. The messages field is empty.", "type": "invalid_request_error",
                     "param": None, "code": "400"}}, R.format_error),
    # CLIProxyAPI's monthly token allowance under a rate-limit code; near miss: a per-minute one
    (429, {"error": {"message": "monthly token quota exceeded for model claude-sonnet-4-6: 5000312/5000000 tokens used "
                                "in 2026-03", "type": "rate_limit_error", "code": "rate_limit_exceeded"}}, R.billing),
    (429, {"error": {"message": "token quota exceeded for model claude-sonnet-4-6, try again in 20s",
                     "type": "rate_limit_error", "code": "rate_limit_exceeded"}}, R.rate_limit),
    # claude-code-router with no model resolved
    (400, {"error": {"message": "All target providers failed. [model_resolution|400] Unknown final model"}},
     R.model_not_found),
])
def test_relay_catalogue_codes_and_wordings(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """The general rules fitted to the relay catalogue sweeps (new-api, one-api, sub2api, CLIProxyAPI, LiteLLM,
    claude-code-router), each with a near miss (the rules alone)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("message", "expect"), [
    ("无效的 token", R.auth), ("该 token 已过期", R.auth),  # one-api's older 200 answers
    ("服务暂时不可用", R.unknown),  # near miss: no credential named
])
def test_one_apis_token_refusals_under_http_200(message: str, expect: FailoverReason) -> None:
    """One-api's early key checks answered HTTP 200 with an error object whose words are Chinese."""
    body = {"error": {"message": message, "type": "one_api_error"}}
    classified = classify_soft_failure(body, word_model=NO_MODEL)
    assert classified is not None and classified.reason is expect


def _server(message: str, status: int = 500, kind: str = "server_error") -> dict[str, Any]:
    return {"error": {"code": status, "message": message, "type": kind}}


@pytest.mark.parametrize(("status", "body", "expect"), [
    # llama.cpp's request refusals thrown as runtime errors (a 500 typed server_error); near miss: its own fault
    (500, _server("Only one completion choice is allowed"), R.format_error),
    (500, _server("Cannot use both json_schema and grammar"), R.format_error),
    (500, _server("Failed to download image"), R.format_error),
    (500, _server("Invalid url format: data:application/pdf;base64"), R.format_error),
    (500, _server("Multimodal data provided, but model does not support multimodal requests."), R.format_error),
    (500, _server("Failed to tokenize prompt"), R.format_error),
    (500, _server("Failed to allocate KV cache"), R.server_error),
    # 501: what the server does not do; near miss: a 501 naming the request's parameter (vLLM)
    (501, _server("This server does not support embeddings. Start it with `--embeddings`", 501,
                  "not_supported_error"), R.model_not_found),
    (501, {"error": "this model does not support embeddings"}, R.model_not_found),
    (501, _server("`store=True` (default) is not supported. Please set `store=False` in Responses API", 501,
                  "BadRequestError"), R.format_error),
    # a model that cannot do what was asked, a gateway with no provider or a pinned model; near miss: a bare 400
    (400, _server("This model does not support generation", 400, "BadRequestError"), R.model_not_found),
    (400, _server("This model does not appear to be an embedding model by default. Please add `--is-embedding` when "
                  "launching the server or try another model.", 400, "BadRequestError"), R.model_not_found),
    (500, {"success": False, "error": {"code": "request_failed", "message": "No available providers for the requested "
                                       "models. Check provider names"}}, R.model_not_found),
    (400, {"error": {"message": "cannot use own model - must be: gpt-4o-mini"}}, R.model_not_found),
    (400, {"error": {"message": "Model gpt-4.1 is not allowed for this integration",
                     "type": "model_not_allowed_error"}}, R.model_not_found),
    (400, {"error": {"message": "messages must not be empty"}}, R.format_error),
    # Kong: no model anywhere (the request's defect, not a model missing upstream), no body to transform
    (400, {"error": {"message": "model parameter not found in request, nor in gateway configuration"}}, R.format_error),
    (500, {"error": {"message": "no response body found when transforming response"}}, R.empty_response),
    # Ollama: a model file its version cannot load
    (500, {"error": "llama runner process has terminated: error loading model: failed to load model: this model may be "
                    "incompatible with your version of Ollama. If you previously pulled this model, try updating it"},
     R.model_not_found),
    # Portkey: a guardrail's refusal, a spent virtual key or workspace, virtual keys it does not know; near miss: a
    # 412 with no code of these
    (446, {"error": {"message": "The guardrail checks defined in the config failed.", "type": "hooks_failed"}},
     R.content_policy_blocked),
    (412, {"error": {"message": "Portkey Virtual Key Usage Limit op****-a1 Exceeded",
                     "type": "virtual_key_exhaust_error", "code": "04"}}, R.billing),
    (412, {"error": {"message": "Portkey Workspace Usage Limit Exceeded", "type": "workspace_exhaust_error",
                     "code": "04"}}, R.billing),
    (412, {"error": {"message": "Precondition failed", "type": "precondition_error"}}, R.format_error),
    (400, {"status": "failure", "message": "Following keys are not valid: openai-prod-9f2c1e"}, R.auth),
])
def test_server_and_gateway_catalogue_codes_and_wordings(status: int, body: dict[str, Any],
                                                         expect: FailoverReason) -> None:
    """The general rules fitted to the server and gateway catalogue sweeps (llama.cpp, Ollama, vLLM, SGLang, Portkey,
    Helicone, Kong), each with a near miss (the rules alone)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # coding agents' own words: Codex's spend cap and plan, its Cloudflare block, its stream failures' causes
    ("Error", "You hit your spend cap set in your workspace. Increase your spend cap to continue.", R.billing),
    ("Error", "To use Codex with your ChatGPT plan, upgrade to Plus: https://chatgpt.com/explore/plus.", R.billing),
    ("Error", "Access blocked by Cloudflare. This usually happens when connecting from a restricted region (status 403 "
     "Forbidden)", R.provider_policy_blocked),
    ("Error", "stream disconnected before completion: response.failed event received", R.server_error),
    ("Error", "stream disconnected before completion: failed to parse ResponseCompleted: missing field `id`",
     R.malformed_response),
    ("Error", "stream disconnected before completion: websocket closed by server before response.completed",
     R.stream_incomplete),
    ("Error", "stream disconnected before completion: error sending request for url", R.timeout),  # near miss
    # a key not configured at all, in three clients' words; near miss: a variable that is no key
    ("Error", "Missing environment variable: `OPENROUTER_API_KEY`.", R.auth),
    ("Error", "GEMINI_API_KEY environment variable not found. Add that to your environment and try again", R.auth),
    ("Error", "OpenRouter API key is required", R.auth),
    ("Error", "The `tools` field is required", R.format_error),
    # capacity and cut streams in clients' words
    ("Error", "Pardon Our Congestion! It looks like gemini-2.5-pro is very popular at the moment.", R.overloaded),
    ("Error", "OpenRouter Mid-Stream Error: Stream terminated with error status but no error details provided",
     R.stream_incomplete),
    # Roo Code: a model the key or plan does not include, a thinking answer cut, an empty body
    ("Error", "Cerebras API access forbidden. Your API key may not have access to the requested model or feature.",
     R.model_not_found),
    ("Error", "API keys and subscription plans allow different models. Make sure the selected model is included in "
     "your plan.", R.model_not_found),
    ("Error", "(Thinking complete, but output was truncated due to token limit.)", R.output_truncated),
    ("Error", "Cerebras API Error: No response body", R.empty_response),
    # the Vercel AI SDK's classes
    ("AI_RetryError", "Failed after 3 attempts. Last error: Service Unavailable", R.overloaded),
    ("AI_RetryError", "Failed after 3 attempts. Last error: Bad Gateway", R.server_error),
    ("AI_RetryError", "Failed after 3 attempts. Last error: Too Many Requests", R.rate_limit),  # near miss
    ("AI_APICallError", "Cannot connect to API: terminated", R.timeout),
    ("AI_EmptyResponseBodyError", "Empty response body", R.empty_response),
    ("AI_NoObjectGeneratedError", "No object generated: the model did not return a response.", R.empty_response),
    ("AI_NoObjectGeneratedError", "No object generated: response did not match schema.", R.malformed_response),
    ("AI_NoSuchModelError", "No such languageModel: gpt-4.5-preview", R.model_not_found),
    ("AI_NoImageGeneratedError", "No image generated.", R.empty_response),
    # pydantic-ai's output budget spent mid tool call; near miss: the prompt over the window
    ("pydantic_ai.exceptions.IncompleteToolCall", "Model token limit (4096) exceeded while generating a tool call, "
     "resulting in incomplete arguments. Increase the `max_tokens` model setting, or simplify the prompt",
     R.output_truncated),
    ("Error", "Prompt token count exceeds the model's context window", R.context_overflow),
    # openai-agents' guardrails, llama_index's retired model and over-long memory
    ("agents.exceptions.InputGuardrailTripwireTriggered", "Guardrail InputGuardrail triggered tripwire",
     R.content_policy_blocked),
    ("ValueError", "OpenAI model text-davinci-003 has been discontinued. Please choose another model.",
     R.model_not_found),
    ("ValueError", "Initial token count exceeds token limit", R.context_overflow),
])
def test_agent_and_sdk_catalogue_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the coding-agent and SDK-wrapper sweeps, with near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # Baidu AppBuilder's daily allowances under a 429; near miss: its per-second throttle
    (429, {"code": "QUOTA_USER_DAILY_FREE", "message": "Daily free quota per user for AI Search exceeded"}, R.billing),
    (429, {"code": "QPS_LIMIT", "message": "Request qps limit exceeded"}, R.rate_limit),
    # Zhipu's 1220: no access to the model
    (403, {"error": {"code": "1220", "message": "您无权访问glm-4-plus"}}, R.model_not_found),
    # Kimi's file size cap
    (400, {"error": {"type": "invalid_request_error", "message": "File size is too large, max file size is 100MB"}},
     R.payload_too_large),
    # Volcengine Ark's sensitive content under a suffixed code
    (400, {"error": {"code": "SensitiveContentDetected.Violence", "message": "The request failed because the input "
                     "text may contain violence information.", "type": "BadRequest"}}, R.content_policy_blocked),
    # Qianfan's request with no model (the request's, not a model missing); near miss: a model it does not know
    (400, {"error": {"code": "invalid_model", "message": "model is empty", "type": "invalid_request_error"}},
     R.format_error),
    (400, {"error": {"code": "invalid_model", "message": "model ernie-9 not found", "type": "invalid_request_error"}},
     R.model_not_found),
])
def test_provider_table_codes_and_wordings(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """The general rules fitted to the provider error-table sweep, with near misses (the rules alone)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("status_msg", "expect"), [
    ("token not match group", R.auth), ("输出内容涉敏", R.content_policy_blocked),
])
def test_minimax_base_resp_wordings(status_msg: str, expect: FailoverReason) -> None:
    """MiniMax's HTTP-200 base_resp failures read by their words (1004: a key of another group; 1027: sensitive
    output)."""
    classified = classify_soft_failure({"choices": None, "base_resp": {"status_code": 1004, "status_msg": status_msg}},
                                       word_model=NO_MODEL)
    assert classified is not None and classified.reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # chat apps' words: LobeChat's error types
    ("ExceededContextWindow", "The current request content exceeds the length that the model can handle. Please reduce "
     "the amount of content and try again.", R.context_overflow),
    ("NoAvailableChannel", "Sorry, the proxy or router has no available channel for the requested model.",
     R.model_not_found),
    ("StreamChunkError", "Error parsing the message chunk of the streaming request.", R.malformed_response),
    ("SubscriptionPlanLimit", "Your subscription points have been exhausted, and you cannot use this feature.",
     R.billing),
    ("LocationNotSupportError", "We're sorry, your current location does not support this model service.",
     R.provider_policy_blocked),
    ("Error", "Sorry, this deployment does not support this model.", R.model_not_found),  # near miss: no location
    # Dify's and n8n's wrappers
    ("InvokeAuthorizationError", "[openai] Incorrect model credentials provided, please check and try again. ", R.auth),
    ("provider_not_initialize", "No valid model provider credentials found. Please go to Settings -> Model Provider",
     R.auth),
    ("model_currently_not_support", "Dify Hosted OpenAI trial currently not support the GPT-4 model.",
     R.model_not_found),
    ("OperationalError", "This model requires the Responses API. Enable \"Use Responses API\" in the node options",
     R.format_error),
    ("NodeApiError", "Service unavailable - try again later or consider setting this node to retry automatically",
     R.overloaded),
    # LibreChat's moderation and refusal notices, its illegal model request
    ("moderation", "It appears that the content submitted has been flagged by our moderation system for not aligning "
     "with our community guidelines.", R.content_policy_blocked),
    ("refusal", "Response refused by safety filters. Rewrite your message and try again.", R.content_policy_blocked),
    ("illegal_model_request", 'The model "gpt-4-32k" is not available for OpenAI. Please select a different model.',
     R.model_not_found),
    # Cherry Studio's cut stream (near miss: Roo Code's interruption marker names no cause), Open WebUI without Ollama
    ("Error", "Response interrupted, check network stability or retry", R.stream_incomplete),
    ("Error", "Response interrupted by API error", R.unknown),
    ("HTTPException", "WebUI could not connect to Ollama", R.timeout),
    # botocore: a missing profile, a stream read that broke
    ("botocore.exceptions.ProfileNotFound", "The config profile (bedrock-prod) could not be found", R.auth),
    ("botocore.exceptions.ResponseStreamingError", "An error occurred while reading from response stream: ('Connection "
     "broken: IncompleteRead(0 bytes read, 2 more expected)', IncompleteRead(0 bytes read, 2 more expected))",
     R.stream_incomplete),
    # Bedrock's pending Marketplace subscription
    ("botocore.errorfactory.AccessDeniedException", "An error occurred (AccessDeniedException) when calling the "
     "InvokeModel operation: Your account is not authorized to access this model. Your AWS Marketplace subscription "
     "for this model is still being processed.", R.model_not_found),
    # non-Python clients: go-openai's stream, async-openai's unparsable answer
    ("error", "stream has sent too many empty messages", R.malformed_response),
    ("async_openai::error::OpenAIError::JSONDeserialize",
     "failed to deserialize api response: expected value at line 1 column 1", R.malformed_response),
])
def test_app_cloud_and_client_catalogue_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the chat-app, cloud-SDK and client sweeps, with near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # aider: a timeout whose explanation guesses at load (near miss: a provider's own overload words), an output cap
    ("litellm.Timeout", "litellm.Timeout: Connection timed out after 600.0 seconds.\nThe API provider timed out "
     "without returning a response. They may be down or overloaded.", R.timeout),
    ("litellm.ServiceUnavailableError", "The server is overloaded, please try again later.", R.overloaded),
    ("Error", "Model deepseek/deepseek-chat has hit a token limit!\nInput tokens: ~12,418 of 128,000\nOutput tokens: "
     "~8,153 of 8,192 -- possibly exceeded output limit!", R.output_truncated),
    # OpenHands, AnythingLLM, AstrBot: empty answers
    ("LLMNoResponseError", "LLM did not return a response. This is only seen in Gemini models so far.",
     R.empty_response),
    ("Error", "Ollama::getChatCompletion text response was empty.", R.empty_response),
    ("EmptyModelOutputError", "All chat models failed: EmptyModelOutputError: OpenAI completion has no usable output.",
     R.empty_response),
    ("Exception", "AstrBot 请求失败。\n错误信息: API 返回的 completion 为空。", R.empty_response),
    # budgets and licences
    ("Error", "OpenHands encountered an error: **Organization budget limit has been exceeded**", R.billing),
    ("ChatboxAIAPIError", "Your license has expired. Please check your subscription or purchase a new one.", R.billing),
    # Jan and Chatbox: a model the key or licence leaves out, a prompt over the context, no memory to load
    ("Error", "This model needs to be enabled in your provider's key settings.", R.model_not_found),
    ("ChatboxAIAPIError", "Your current License (Chatbox AI Free/Lite) does not support the claude-sonnet-4-5 model. "
     "To use this model, please upgrade to Chatbox AI Pro or a higher-tier package.", R.model_not_found),
    ("Error", "This message is longer than the model can process at once.", R.context_overflow),
    ("Error", "Failed to start model: There is not enough memory to run this model.", R.model_not_found),
    # AnythingLLM's broken stream (near miss: the same headline over a reset connection), GPT4All's errors
    ("Error", "Ollama:streaming - could not stream chat. Stream returned undefined chunk. Aborting reply",
     R.stream_incomplete),
    ("Error", "Ollama:streaming - could not stream chat. Error: read ECONNRESET", R.timeout),
    ("Error", "ERROR: Network error occurred while connecting to the API server", R.timeout),
    ("Error", 'ERROR: ChatAPI responded with invalid json "illegal value"', R.malformed_response),
    # AstrBot's Chinese safety notices
    ("Exception", "错误信息: API 返回的 completion 由于内容安全过滤被拒绝(非 AstrBot)。", R.content_policy_blocked),
    ("Exception", "错误信息: 模型生成内容未通过 Gemini 平台的安全检查", R.content_policy_blocked),
    ("Exception", "错误信息: 模型生成内容违反 Gemini 平台政策", R.content_policy_blocked),
])
def test_framework_desktop_and_bot_catalogue_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the agent-framework, desktop-app and chat-bot sweeps, with near misses."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("body", "expect"), [
    ({"detail": {"msg": "Error parsing input.", "type": "bad_input"}}, R.format_error),
    ({"detail": {"msg": "Payload is too big. Max payload size is 32MB.", "type": "bad_input"}}, R.payload_too_large),
    ({"detail": {"msg": "Something broke.", "type": "server_error"}}, R.server_error),  # near miss: the server's own
])
def test_a_fastapi_detail_object_is_read_as_an_error_object(body: dict[str, Any], expect: FailoverReason) -> None:
    """koboldcpp answers {"detail": {"msg", "type"}} under a 500: the type is a code, the msg the message (before, the
    object was read as text and the 500 decided)."""
    assert classify_api_error(exception_from_http("openai", 500, body), word_model=NO_MODEL).reason is expect


def test_koboldcpps_throttle_under_its_503_is_a_rate_limit() -> None:
    """koboldcpp sends its per-client throttle as a 503; its words, not the status, say whose limit it is."""
    body = {"detail": {"msg": "You are sending requests too quickly. Please try again in 7 seconds.",
                       "type": "service_unavailable"}}
    busy = {"detail": {"msg": "Server is busy; please try again later.", "type": "service_unavailable"}}
    assert classify_api_error(exception_from_http("openai", 503, body), word_model=NO_MODEL).reason is R.rate_limit
    assert classify_api_error(exception_from_http("openai", 503, busy), word_model=NO_MODEL).reason is R.overloaded


@pytest.mark.parametrize(("text", "expect"), [
    ("AlCore failed with error type 2-INFERENCE ERROR and error code 11-RESPONSE PROCESSING ERROR: Inference failed.",
     R.server_error),
    ("Inference processing failed", R.server_error),
    ("Inference is not supported for this model", R.unknown),  # near miss: no failed run
])
def test_an_engines_failed_run_is_a_server_error(text: str, expect: FailoverReason) -> None:
    """An engine's own words for a run that failed are read by a rule (before, only by the neighbour index of the
    time, whose reading moved whenever files joined it)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Copilot: a premium allowance spent, a firewall, its CLI's transient errors, its length and RAI notices
    ("Error", "You have exceeded your premium request limit, and do not currently have overages enabled.", R.billing),
    ("Error", "You cannot accrue additional premium requests at this time.", R.billing),
    ("Error", "Sorry, your request failed. Reason: Please check your firewall rules and network connection then try "
     "again.", R.timeout),
    ("Error", "● Request failed due to a transient API error. Retrying...", R.server_error),
    ("Error", "Sorry, the response hit the length limit. Please rephrase your prompt.", R.output_truncated),
    ("Error", "很抱歉\uff0c响应已被负责任 AI 服务过滤。请改述你的提示\uff0c然后重试。", R.content_policy_blocked),
    ("Error", "Error: Message exceeds token limit.", R.context_overflow),
    # Windsurf, Cursor, Kiro, Trae
    ("Error", "Cascade has encountered an internal error in this step. No credits consumed on this tool call.",
     R.server_error),
    ("Error", "[permission_denied] user is disabled by team", R.auth_permanent),
    ("Error", "Your request has been blocked as our system has detected suspicious activity",
     R.provider_policy_blocked),
    ("Error", "Error sending prompt: The model you've selected is experiencing a high volume of traffic.",
     R.overloaded),
    ("Error", "添加模型失败\uff1a请求服务失败\uff0c请检查网络后重试 (997)", R.timeout),
    # a key a client asks to check "has not been revoked" is refused, not revoked; near miss: a revoked one
    ("Error", "Invalid Cursor API key. Please verify that your API key is correct and has not been revoked.", R.auth),
    ("Error", "This API key has been revoked.", R.auth_permanent),
    # Continue, Zed, Kilo Code
    ("Error", "HTTP 404 Not Found from https://api.openai.com/v1/chat/completions\n\nYou may need to add pre-paid "
     "credits before using the OpenAI API.", R.billing),
    ("Error", "You are using a Mistral API key, which is not compatible with the Codestral API.", R.auth),
    ("LanguageModelCompletionError", "error sending HTTP request to OpenRouter API", R.timeout),
    ("LanguageModelCompletionError", "error deserializing Mistral API response", R.malformed_response),
    ("Error", "Ran into this error: Request failed: Response body is not valid JSON: error decoding response body: "
     "expected value at line 1 column 1.", R.malformed_response),
    ("LanguageModelCompletionError", "missing OpenAI API key", R.auth),
    ("Error", "Rate limit exceeded. Free tier limits have been reached.", R.billing),
    ("Error", "Rate limit exceeded. Please slow down.", R.rate_limit),  # near miss: no allowance named
    ("Error", "OpenAI Codex service error. Please try again later.", R.server_error),
    ("Error", "Codex API endpoint not found.", R.model_not_found),
    # LiteLLM's context-window class over a body's byte cap; DSPy's truncation warning
    ("litellm.ContextWindowExceededError", "litellm.ContextWindowExceededError: litellm.BadRequestError: "
     "Vertex_aiException - 400 Request payload size exceeds the limit: 20971520 bytes.", R.payload_too_large),
    ("litellm.ContextWindowExceededError", "litellm.ContextWindowExceededError: This model's maximum context length is "
     "8192 tokens.", R.context_overflow),
    ("WARNING dspy.clients.lm", "LM response was truncated due to exceeding max_tokens=4000.", R.output_truncated),
])
def test_ide_product_and_framework_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdout33 (errors pasted from closed AI coding products) and the IDE-extension and
    Python-framework sweeps, with near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    ("integer below minimum value. Expected a value >= 16, but got 8.", R.format_error),
    ("报错1311\uff1a订阅套餐暂未开放GLM-5权限\uff0c请开通", R.model_not_found),
    ("integer below minimum value", R.unknown),  # near miss: no expected value named
])
def test_holdout34_families(text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdout34's two misses (24 of 26 unseen), with a near miss (the rules alone)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Google's API_KEY_SERVICE_BLOCKED in words; near miss: the same opening without the block
    ("Error", "Requests to this API generativelanguage.googleapis.com method "
     "google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent are blocked.", R.auth),
    ("Error", "Requests to this API are temporarily limited.", R.unknown),
    # LobeChat's InvalidProviderAPIKey in Chinese; near miss: a parameter "incorrect", not a key
    ("Error", "LobeHub API Key 不正确或为空\uff0c请检查 LobeHub API Key 后重试", R.auth),
    ("Error", "请求参数不正确", R.format_error),
    # capacity under a 429; near miss: the same proxy's plain throttle
    ("Error", "Proxy Error 429: Infrastructure is at maximum capacity.", R.overloaded),
    ("Error", "Proxy Error 429: Too many requests.", R.rate_limit),
    # Volcano Engine Ark's prompt over the model's length; near miss: another input-length defect
    ("ArkBadRequestError", "Input length 203743 exceeds the maximum length 202752", R.context_overflow),
    ("ArkBadRequestError", "Input length must be positive", R.format_error),
    # the cause inside Codex's "stream disconnected" decides: a plan without the model, an error body it could not
    # parse; near misses: a cause that is a transport fault, a serde error that is not about an answer
    ("Error", "stream disconnected before completion: No accounts with a plan supporting model 'gpt-5.4'",
     R.model_not_found),
    ("Error", "stream disconnected before completion: failed to parse ErrorResponse: invalid type: null, expected "
     "struct Error", R.malformed_response),
    ("Error", "stream disconnected before completion: error sending request for url", R.timeout),
    ("Error", "failed to parse config: invalid type: string", R.format_error),
    # Ollama Cloud's 403 for a model outside the plan; near miss: a 403 permission_error about nothing in particular
    ("Error", 'API Error: 403 {"type":"error","error":{"type":"permission_error","message":"this model requires a '
     'subscription, upgrade for access: https://ollama.com/upgrade"}}', R.model_not_found),
    ("Error", 'API Error: 403 {"type":"error","error":{"type":"permission_error","message":"You do not have access '
     'to this resource"}}', R.auth),
    # OpenAI's cyber-policy flag behind a proxy's misleading prefix; near miss: the prefix alone
    ("Error", "Unable to reach the model provider OpenAI flagged this request for potential high-risk cybersecurity "
     "activity", R.content_policy_blocked),
    ("Error", "Unable to reach the model provider", R.timeout),
    # llama.cpp's chat template raising on the history, as a 500; near miss: a plain 500
    ("Error", "Error code: 500 - {'error': {'code': 500, 'message': 'Message has tool role, but there was no previous "
     "assistant message with a tool call! at row 319, column 120:", R.format_error),
    ("Error", "Error code: 500 - {'error': {'code': 500, 'message': 'Internal server error'}}", R.server_error),
])
def test_holdout36_to_38_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdouts 36-38 (forum pages, apps and gateways, SDKs and CLIs outside Python), with
    near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


_REALTIME_DONE: dict[str, Any] = {"type": "response.done", "event_id": "event_1", "response": {
    "object": "realtime.response", "id": "resp_1", "status": "failed", "output": [],
    "status_details": {"type": "failed"}}}


@pytest.mark.parametrize(("error", "expect"), [
    # Azure's deployment throttle and OpenAI's bare server_error, both inside status_details
    ({"type": "invalid_request_error", "code": "inference_rate_limit_exceeded",
      "message": "We're currently processing too many requests \u2014 please try again later."}, R.rate_limit),
    ({"type": "server_error"}, R.server_error),
    (None, R.unknown),  # near miss: a failed turn that names no error
])
def test_realtime_response_done_reads_status_details_error(error: dict[str, Any] | None,
                                                           expect: FailoverReason) -> None:
    """A Realtime ``response.done`` whose turn failed carries its error in ``status_details.error``, streamed through
    the real client (before: only "response failed" was read, and the neighbour index said overloaded)."""
    event = json.loads(json.dumps(_REALTIME_DONE))
    if error is not None:
        event["response"]["status_details"]["error"] = error
    verdict = classify_soft_failure(outcome_from_event(event), word_model=NO_MODEL)
    assert verdict is not None and verdict.reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a model a gateway, a harness or a paused endpoint does not serve; near misses: an endpoint starting, a tool
    ("BadRequestError", "Bad request:\nBad Request: The endpoint is paused, ask a maintainer to restart it",
     R.model_not_found),
    ("BadRequestError", "Bad request:\nBad Request: The endpoint is starting", R.format_error),
    ("Error", 'inference returned 400 Bad Request: {"success":false,"error":"Model \'x/y\' is not available. Use GET '
     '/openai/v1/models to list available models.","errorCode":"BAD_REQUEST"}', R.model_not_found),
    ("Error", 'inference returned 400 Bad Request: {"success":false,"error":"Tool \'search\' is not available.",'
     '"errorCode":"BAD_REQUEST"}', R.format_error),
    ("Error", "model 'openai-codex/gpt-6' is not available on this run (Session 's' does not support value "
     "'openai-codex/gpt-6' for category 'model'). Allowed values: openai-codex/gpt-5.4.", R.model_not_found),
    # the class a wrapper names after its own words; near misses: a local class, a class no rule reads
    ("RuntimeError", "There was an unexpected error while running the agent. Please report this error to the "
     "developers. Your session ID is c9c1. Error type: NotFoundError", R.model_not_found),
    ("RuntimeError", "There was an unexpected error while running the agent. Please report this error to the "
     "developers. Your session ID is c9c1. Error type: FileNotFoundError", R.unknown),
    ("Exception", "{'code': 'AGENT_UNKNOWN_ERROR', 'message': 'Unknown agent error: ReadTimeout: \\n(Details:  "
     "C:\\\\Temp\\\\copaw_query_error.json)'}", R.timeout),
    ("Exception", "{'code': 'AGENT_UNKNOWN_ERROR', 'message': 'Unknown agent error: ValueError: bad config'}",
     R.unknown),
    # Copilot's engine on a cut answer; Hugging Face's refused token; near miss: its refused input
    ("Error", "\u25cf Response was interrupted due to a server error. Retrying...", R.server_error),
    ("InferenceClientProviderApiError", "Failed to perform inference: Invalid username or password.", R.auth),
    ("InferenceClientProviderApiError", "Failed to perform inference: Invalid input.", R.format_error),
])
def test_holdout35_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdout35 (errors pasted in agent frameworks' issues; 46 of 53 unseen), with near
    misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # a status line's reason phrase is the status's, not the provider's words (go-openai's APIError, reqwest's)
    ("error, status code: 429, status: 429 Too Many Requests, message: The engine is currently overloaded, please "
     "try again later", R.overloaded),
    ("error, status code: 429, status: 429 Too Many Requests, message: Rate limit reached for requests",
     R.rate_limit),
    ("HTTP status client error (429 Too Many Requests) for url (https://api.example.com/v1/chat/completions)",
     R.rate_limit),
    ("Too many requests, please try again later", R.rate_limit),  # near miss: the words without a status
    ("Failed to connect to API: 429 Too Many Requests\n\nToo many concurrent vision requests. Please try again later",
     R.rate_limit),
    # what a provider's code said, in its words alone (a client that prints only the message loses the code)
    ("400 The request was rejected because it was considered high risk", R.content_policy_blocked),
    ("400 The request failed because the input image may contain sensitive information.Request ID: x",
     R.content_policy_blocked),
    ("446 The guardrail checks defined in the config failed. You can find more information in the `hook_results` "
     "object.", R.content_policy_blocked),
    ("403 The latest version of this model is only available hosted in China and requires explicit opt in: "
     "https://opencode.ai/workspace/x", R.provider_policy_blocked),
    ("400 Unable to access non-serverless model meta-llama/Llama-3-8b-chat-hf. Please visit "
     "https://api.together.ai/models/meta-llama/Llama-3-8b-chat-hf to create and start a new dedicated endpoint for "
     "the model.", R.model_not_found),
    ("400 The dedicated endpoint for mistralai/Mixtral-8x22B-Instruct-v0.1 is not running. Please visit "
     "https://api.together.ai/models to start the endpoint.", R.model_not_found),
    ("401 No permission to use the model", R.model_not_found),
    ("503 获取分组 auto(default) 下模型 gpt-5.1 的可用渠道失败\uff08distributor\uff09: no available channel",
     R.model_not_found),
    ("500 Model gpt-5.2-codex ratio or price not set, please set or start self-use mode", R.model_not_found),
    ("400 the max input characters is 20000", R.context_overflow),
    ("412 Portkey Virtual Key Usage Limit op********-a1 Exceeded", R.billing),
    ("412 Precondition Failed", R.format_error),  # near miss: a 412 that names no limit
    ("429 API key 额度已用完", R.billing),
    ("403 No active subscription found for this group", R.billing),
    ("403 subscription is invalid or expired", R.billing),
    ("403 API Key 所属分组已停用", R.auth_permanent),
    ('413 {"type":"error","error":{"type":"invalid_request_error","message":"Request body too large, limit is '
     '256MB"}}', R.payload_too_large),
    # a throttle's code printed inside the JSON is a code, not the provider's words; near misses: a throttle in words,
    # the code alone
    ('API Error: 429 {"error":{"type":"rate_limit_error","message":"The engine is currently overloaded, please try '
     'again later"},"type":"error"}', R.overloaded),
    ('API Error: 429 {"error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your '
     'per-minute rate limit"},"type":"error"}', R.rate_limit),
    ("error type: rate_limit_error", R.rate_limit),
    # a 5xx that states its upstream's 4xx after it; near miss: an upstream 5xx
    ("500 Request failed with status code 429", R.rate_limit),
    ("Error code: 500 - Request failed with status code 400", R.format_error),
    ("500 Request failed with status code 502", R.server_error),
])
def test_an_answer_printed_by_a_client_keeps_its_reading(text: str, expect: FailoverReason) -> None:
    """What ``python -m bench.wrapped`` found lost when real HTTP answers of the corpus are printed as clients print
    them (go-openai, the TypeScript SDKs, LiteLLM) and read as message-only errors, with near misses (the rules
    alone)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # words that refuse the credential, with no 401 or 403 to say it first (a stream's error event)
    ("[G2] Virtual key not provided. path=/v1/chat/completions, requestId=req-abc", R.auth),
    ("OpenAI-Organization header should match organization for API key", R.auth),
    ("You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth",
     R.auth),
    ("Your authentication token has expired. Please try signing in again.", R.auth),
    ("login fail: Please carry the API secret key in the 'Authorization' field of the request header (1004)", R.auth),
    ("No permission to use the appid", R.auth),
    ("This token status is unavailable (request id: 20260702165509330861477Tz2MpQeL)", R.auth),
    ("无权访问 vip 分组 (request id: 20260814093321556430982Rb8FjWnC)", R.auth),
    ("身份验证失败", R.auth),
    ("您的账户不存在。", R.auth),
    # a throttle in words; near miss: a limit that names no window
    ("High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits",
     R.rate_limit),
    ("您当前使用该API的频率过高\uff0c请降低频率", R.rate_limit),
    ("gpt-5.1 所有账号均已达速率限制\uff0c请 117 秒后重试", R.rate_limit),
    ("You have reached the request limit: maximum 30 requests in 3 minutes", R.rate_limit),
    # a model this endpoint does not serve; budget words
    ("This model is only supported in v1/responses and not in v1/chat/completions.", R.model_not_found),
    ("This is not a chat model and thus not supported in the v1/chat/completions endpoint.", R.model_not_found),
    ("model is missing conversation_config, please use /completions API instead", R.model_not_found),
    ("Project budget exceeded for '4f8b2c6e'.", R.billing),
])
def test_words_a_status_said_first_are_read_alone(text: str, expect: FailoverReason) -> None:
    """Texts an HTTP answer's status decided before any words were read, and which arrive without it in a stream's
    error event (``bench.wrapped``'s stream formats found them read ``unknown`` or by a generic code), with near misses
    (the rules alone)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("error", "expect"), [
    # Ollama's missing model under a generic api_error type, streamed as a chat chunk: the words decide
    ({"message": 'model "qwen9" not found, try pulling it first', "type": "api_error"}, R.model_not_found),
    # near miss: the generic type with nothing specific said
    ({"message": "Internal error while generating", "type": "api_error"}, R.server_error),
])
def test_a_generic_server_code_in_a_stream_yields_to_specific_words(error: dict[str, Any],
                                                                    expect: FailoverReason) -> None:
    """In a 200 stream there is no status; a generic code (api_error, server_error) is weaker evidence than words that
    name what failed, as a 4xx status is in an HTTP answer. Streamed through the real client."""
    outcome = outcome_from_event({"error": error})
    assert isinstance(outcome, BaseException)
    assert classify_api_error(outcome, word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # holdout39: a history past the window whose compaction then failed; near miss: the compaction's timeout alone
    ("Error", "context exceeds provider limit and compaction failed: context deadline exceeded", R.context_overflow),
    ("Error", "compaction failed: context deadline exceeded", R.timeout),
    ("Error", "The provider omitted reasoning required to replay this tool turn, so Reasonix did not run the requested "
     "tools.", R.malformed_response),
    # holdout40: a dial timeout under a bare 500 (its reason phrase no longer blocks the words); near miss: the 500
    ("Error", '500 Internal Server Error: Post "https://ollama.com:443/api/chat": dial tcp 34.36.133.15:443: i/o '
     "timeout", R.timeout),
    ("Error", "500 Internal Server Error", R.server_error),
    ("Error", "Lütfen geçerli bir Gemini API anahtar\u0131 girin", R.auth),
    ("Error", "The connection errored: 信号灯超时时间已到 This indicates an error which most likely cannot be "
     "solved by the library. Status Code: -1", R.timeout),
    ("Error", "错误可能原因\uff1a 请求速度过快\uff0c被服务商限制了访问频率", R.rate_limit),
    ("Error", 'Ошибка: {"Error":"An error occurred while generating the response: list index out of range. Please try '
     'again later."}', R.server_error),
    ("Error", "响应格式错误。TraceID\uff1a212c393517592927570243881e1293", R.malformed_response),
    ("Error", "OpenAI 响应格式无效 - 缺少或空的 choices 数组。TraceID\uff1a2167786d", R.empty_response),
    ("Error", "API Error: 生成数据错误: 内容长度超出大语言模型限制。", R.context_overflow),
    ("Error", "心流不支持当前模型\uff0c请更换模型后重试。", R.model_not_found),
    # Tencent Cloud's SDK prints its code after "code:"; near miss: a code no rule names
    ("TencentCloudSDKException", "[TencentCloudSDKException] code:FailedOperation.EngineServerLimitExceeded "
     "message:引擎层请求超过限额 requestId:7c1f", R.rate_limit),
    ("TencentCloudSDKException", "[TencentCloudSDKException] code:FailedOperation.FreeResourcePackExhausted "
     "message:免费资源包余量已用尽 requestId:7c1f", R.billing),
    ("TencentCloudSDKException", "[TencentCloudSDKException] code:OperationDenied.TextIllegalDetected "
     "message:文本包含违法违规信息 requestId:7c1f", R.content_policy_blocked),
    ("TencentCloudSDKException", "[TencentCloudSDKException] code:ResourceUnavailable.StopUsing message:账号已停服。 "
     "requestId:7c1f", R.auth_permanent),
    ("TencentCloudSDKException", "[TencentCloudSDKException] code:FailedOperation.ServiceNotActivated "
     "message:服务未开通 requestId:7c1f", R.provider_policy_blocked),
    ("TencentCloudSDKException", "[TencentCloudSDKException] code:InternalError message:内部错误。 requestId:7c1f",
     R.server_error),
    # hosted providers' documented texts
    ("Error", "Cloudflare established a connection to the server it's supposed to communicate with, but the server "
     "took too long to respond.", R.timeout),
    ("Error", "Error on our servers", R.server_error),
    ("Error", "Account is suspended or there's an issue with account status.", R.auth_permanent),
    ("Error", "Your API key or team is blocked.", R.auth_permanent),
    ("Error", "Input data exceeds the allowed size limit.", R.payload_too_large),
    ("Error", "The file size exceeds the limit of 50MB. Please reduce the file size and try again.",
     R.payload_too_large),
    ("Error", "Content generated by the LLM was filtered by the output filter. Please try again with a different "
     "prompt or filter configuration.", R.content_policy_blocked),
    ("Error", "Unknown api key", R.auth),
    ("Error", "Failed to parse model URI", R.model_not_found),
    ("Error", "服务忙\uff0c请稍后再试", R.overloaded),
])
def test_holdout39_40_and_hosted_sweep_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdouts 39 (10 of 17 unseen) and 40 (20 of 30) and to the sweeps of hosted
    providers' documented errors (25 of 49, 20 of 52 before), with near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # Chinese sentences no phrase names, read by the last-resort words (rules alone); near miss: a sentence naming
    # nothing
    ("API 密钥已过期\uff0c请重新生成", R.auth),
    ("服务繁忙\uff0c请稍后重试", R.overloaded),
    ("输入长度超出模型上限", R.context_overflow),
    ("不支持该模型", R.model_not_found),
    ("内容包含敏感信息\uff0c已被拦截", R.content_policy_blocked),
    ("网络连接失败\uff0c请检查网络", R.timeout),
    ("响应数据异常", R.malformed_response),
    ("消息列表不能为空", R.format_error),
    ("出现了一个问题", R.unknown),
])
def test_chinese_last_resort_words(text: str, expect: FailoverReason) -> None:
    """The cue words of ``_rules._CJK_CUE_PATTERNS``: read only when no phrase, code or status does, and only in a
    text with non-ASCII characters (Chinese has no spaces for the English cue patterns to find words by)."""
    verdict = classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL)
    assert verdict.reason is expect
    assert verdict.rule.endswith("_words") or expect is R.unknown


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # holdout41: Bedrock Nova's token cap, Voyage's model list
    ("Error", "The model returned the following errors: Input Tokens Exceeded: Number of input tokens exceeds maximum "
     "length. Please update the input to try again.", R.context_overflow),
    ("Error", "Model nonexistent is not supported. Supported models are ['voyage-2', 'voyage-large-2'].",
     R.model_not_found),
    ("Error", "Streaming is not supported for this model.", R.unknown),  # near miss: no list of supported models
    # holdout42: a key in a provider's name, an account's standing, a TLS handshake, a missing answer field, a route
    ("Error", "Invalid xAI API Key. Try again?", R.auth),
    ("Error", "Invalid request body. Try again?", R.format_error),  # near miss: not a key
    ("Error", "Account abnormal. Please ensure it's on good standing to use QWen's text-embedding-v2", R.billing),
    ("Error", "ERROR: modules/mbedtls/stream_peer_mbedtls.cpp:88 - TLS handshake error: -27648", R.timeout),
    ("Error", "AstrBot 请求失败。 错误类型: KeyError 错误信息: 'candidates'", R.malformed_response),
    ("Error", "Groq API request failed: Unknown request URL: POST /v1/chat/completions. Please check the URL for "
     "typos", R.model_not_found),
    ("Error", "API Error: 400 failed to get config for provider anthropic: not found", R.model_not_found),
    ("Error", "500 /image/generate: Internal error occurred: failed to generate image: generated image was filtered: "
     "Unable to show generated images.", R.content_policy_blocked),
    ("Error", "A válasz állapotkódja nem sikert jelez: 529 ().", R.overloaded),
])
def test_holdout41_42_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdouts 41 (8 of 11 unseen) and 42 (39 of 55), with near misses (the rules
    alone)."""
    assert _rules_alone(type_name, text) is expect


def test_a_bedrock_guardrail_that_intervened_in_a_messages_answer_is_a_content_block() -> None:
    """Bedrock InvokeModel answers a guardrail's intervention with an ordinary-looking Messages answer (end_turn, the
    guardrail's canned text) flagged "amazon-bedrock-guardrailAction": "INTERVENED"; parsed by the real client. Near
    miss: the same answer with the action NONE is a success."""
    body: dict[str, Any] = {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-haiku-4-5",
                            "content": [{"type": "text", "text": "Guardrail blocked the input."}],
                            "stop_reason": "end_turn", "stop_sequence": None,
                            "usage": {"input_tokens": 0, "output_tokens": 0},
                            "amazon-bedrock-guardrailAction": "INTERVENED"}
    verdict = classify_soft_failure(response_from_http("anthropic", body), word_model=NO_MODEL)
    assert verdict is not None and verdict.reason is R.content_policy_blocked
    assert classify_soft_failure(response_from_http("anthropic", {**body, "amazon-bedrock-guardrailAction": "NONE"}),
                                 word_model=NO_MODEL) is None


@pytest.mark.parametrize(("reason_code", "expect"), [
    ("PUBLIC_ERROR_UNSAFE_GENERATION", R.content_policy_blocked),
    ("BAD_REQUEST_ARGUMENT", R.format_error),  # near miss: another ErrorInfo reason
])
def test_google_unsafe_generation_reason(reason_code: str, expect: FailoverReason) -> None:
    """Google's ErrorInfo reason for a generation judged unsafe, under its generic 400 INVALID_ARGUMENT."""
    body = {"error": {"code": 400, "message": "Request contains an invalid argument.", "status": "INVALID_ARGUMENT",
                      "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason_code}]}}
    assert classify_api_error(exception_from_http("openai", 400, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a certificate whose names do not cover the host, and TLS spoken to a plain-HTTP port
    # https://github.com/anthropics/claude-code/issues/1016 (a proxy's certificate for another name)
    ("Error", "Unable to connect to Anthropic services\n\nFailed to connect to api.anthropic.com: Hostname/IP does not "
     "match certificate's altnames: Host: api.anthropic.com. is not in the cert's altnames: DNS:internal.proxy.net",
     R.tls_untrusted),
    ("javax.net.ssl.SSLPeerUnverifiedException", "Hostname 10.0.0.5 not verified:\n    certificate: sha256/AAA=\n"
     "    DN: CN=vllm\n    subjectAltNames: []", R.tls_untrusted),
    ("Error", "Bot request to GPT-3.5-Turbo failed on try 0 \n SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version "
     "number (_ssl.c:1007)')", R.tls_untrusted),
    # an HTTP/2 stream reset mid-answer (GitHub Copilot)
    ("Error", "Request Error: Stream closed with error code NGHTTP2_INTERNAL_ERROR", R.stream_incomplete),
    # per-request caps of the non-chat endpoints, and a near miss: a per-minute budget is a rate limit
    ("Error", "Either `input.text` or `input.ssml` is longer than the limit of 5000 bytes. This limit is different "
     "from quotas. To fix, reduce the byte length of the characters in this request.", R.payload_too_large),
    ("Error", "Value error, batch size is invalid, it should not be larger than 10.: input.contents",
     R.payload_too_large),
    ("openai.RateLimitError", "Rate limit reached for text-embedding-3-small on tokens per min (TPM): Limit 1000000, "
     "Used 999000, Requested 3000. Please try again in 180ms.", R.rate_limit),
    # an encoder's sequence cap
    ("Error", "Input length of input_ids is `4498` and exceed max_sequence_length: `4096`!", R.context_overflow),
    # image models' refusals
    ("Error", "Image generation failed with the following error: The prompt could not be submitted. Your current "
     "safety filter threshold prohibited one or more words in this prompt.", R.content_policy_blocked),
    ("Error", "Sorry, this model is designed to avoid generating stereotypes. Please see our content limitations "
     "page for more information.", R.content_policy_blocked),
    # entitlements an account must be granted
    ("Error", "Image generation failed with the following error: Project or the user is not allowlisted to turn off "
     "child detection filter", R.provider_policy_blocked),
    ("Error", "Cannot access gated repo for url https://huggingface.co/api/models/org/model.\nRepo model org/model is "
     "gated. You must be authenticated to access it.", R.provider_policy_blocked),
    # the Assistants API while a run holds the thread, and a near miss: a thread that does not exist
    ("openai.BadRequestError", "Can't add messages to thread_abc while a run run_def is active.", R.transient),
    ("Error", "400 Thread thread_abc already has an active run run_def.", R.transient),
    ("openai.BadRequestError", "No thread found with id 'thread_abc'.", R.format_error),
    # the Batch API's queue cap
    ("Error", "Enqueued token limit reached for gpt-4o-mini in organization org-x. Limit: 2,000,000 enqueued tokens. "
     "Please try again once some in_progress batches have been completed.", R.rate_limit),
    # Coze's 5000, OpenAI's JSON-schema validation of request fields, Azure's unrecognized arguments
    ("Error", '{"msg":"service internal error, please retry after","detail":{"logid":"x"},"code":5000}',
     R.server_error),
    ("Error", "None is not of type 'string' - 'suffix'", R.format_error),
    ("Error", "openai error: '512x512' is not one of ['1024x1024', '1792x1024', '1024x1792'] - 'size'",
     R.format_error),
    ("Error", "Unrecognized request arguments supplied: store", R.format_error),
    # spent credits, a free plan's wall, an hourly allowance (rate limit, not billing)
    ("Error", "403 You've exhausted all your credits...", R.billing),
    ("UnknownAgentError", "[plan_required] Cloud Agent is not available for free users. Please upgrade to Pro.",
     R.billing),
    ("Error", "Rate limit reached. You reached free usage limit (reset hourly). Please subscribe to a plan at "
     "https://huggingface.co/pricing to use the API at this rate", R.rate_limit),
    # model access and names
    ("AioRpcError", 'status = StatusCode.INVALID_ARGUMENT\ndetails = "invalid model_uri"', R.model_not_found),
    ("Error", "The model_type 'mistral' is not recognized. It could be a bleeding edge model, or incorrect",
     R.model_not_found),
    ("AioRpcError", 'code = StatusCode.PERMISSION_DENIED details = "Access to model art://yandex-art/latest denied"',
     R.model_not_found),
    ("Error", "Use of Azure OpenAI models in Azure Machine Learning requires Azure OpenAI Services resources. This "
     "subscription or region doesn't have access to this model.", R.model_not_found),
    # "time out" in two words (Hugging Face's Inference API)
    ("Error", 'Something went wrong while requesting the Inference API: "Model org/model time out"', R.timeout),
])
def test_holdout45_to_48_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdouts 45-48's misses (non-chat endpoints, regional providers, pull requests,
    troubleshooting pages), each with real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a client that could not obtain credentials at all (the AWS SDKs' chains, Google's project discovery, a login)
    ("CredentialsProviderError", "Could not load credentials from any providers", R.auth),
    ("Error", "[bedrock] Error: Error when retrieving credentials from iam-role: Credential refresh failed, response "
     "did not contain: access_key, secret_key, token, expiry_time", R.auth),
    ("CommonRunTimeError", 'crtError(AwsCommonRuntimeKit.CRTError(code: 6153, message: "Valid credentials could not be '
     'sourced by the IMDS provider", name: "AWS_AUTH_CREDENTIALS_PROVIDER_IMDS_SOURCE_FAILURE"))', R.auth),
    ("Error", "Could not discover project ID. Make sure you're authenticated and consider setting GEMINI_PROJECT_ID",
     R.auth),
    ("Error", "Failed to login. Message: Precondition check failed.", R.auth),
    ("openai.BadRequestError", "Error code: 400 - {'error': {'code': 'Tenant provided in token does not match resource "
     "token', 'message': 'Token tenant 1234 does not match resource tenant.'}}", R.auth),
    ("Error", "403 PERMISSION_DENIED. {'error': {'code': 403, 'message': 'Your project has been denied access. Please "
     "contact support.', 'status': 'PERMISSION_DENIED'}}", R.auth_permanent),
    # a seat licence, a disabled subscription, an account a product will not serve
    ("Error", "You do not have a valid license of this product. Please contact your administrator to request a "
     "license. (#3501)", R.billing),
    ("ReadOnlyDisabledSubscription", "The subscription 'de60' is disabled and therefore marked as read only. You "
     "cannot perform any write actions on this subscription until it is re-enabled.", R.billing),
    ("Error", "Failed to login. Message: Your current account is not eligible for Gemini Code Assist for individuals "
     "because it is not currently available in your location.", R.provider_policy_blocked),
    # models a deployment, plan or client version does not serve
    ("BadRequestError", "Error code: 400 - Publisher Model projects/p/locations/us-central1/publishers/anthropic/"
     "models/claude-sonnet-4-6@default is not servable in region us-central1", R.model_not_found),
    ("Error", "The model claude-opus-4-7 is not available on your vertex deployment. Try /model to switch.",
     R.model_not_found),
    ("Error", 'Model call failed: {"message":"no endpoints available for this model under your current plan and '
     'policies","code":"no_available_model_endpoints"}', R.model_not_found),
    ("Error", "The 'gpt-5.6-sol' model requires a newer version of Codex. Please upgrade to the latest app or CLI.",
     R.model_not_found),
    # Gemini Live's session cap; a resource still being made ready
    ("LiveWebSocketClosedException", "You have exceeded the maximum number of concurrent sessions. Please close other "
     "sessions and try again later.", R.rate_limit),
    ("Error", "400 FAILED_PRECONDITION. {'error': {'code': 400, 'message': 'The File 5y6l is not in an ACTIVE state "
     "and usage is not allowed.', 'status': 'FAILED_PRECONDITION'}}", R.transient),
    ("Error", "Service agents are being provisioned ... Service agents are needed to read the Cloud Storage file.",
     R.transient),
    # Veo's media filter, the old SDK's quick accessor with a numeric stop, VS Code's filter
    ("Error", '{"raiMediaFilteredCount": 1, "raiMediaFilteredReasons": ["We could not create your video."]}',
     R.content_policy_blocked),
    ("Error", "Invalid operation: The `response.text` quick accessor requires the response to contain a valid `Part`, "
     "but none were returned. The candidate's finish_reason is 3.", R.content_policy_blocked),
    ("Error", "Invalid operation: The `response.text` quick accessor requires the response to contain a valid `Part`, "
     "but none were returned. The candidate's [finish_reason] is 2.", R.output_truncated),
    ("Error", "Response got filtered.", R.content_policy_blocked),
    ("MaxTokensReachedException", "Agent has reached an unrecoverable state due to max_tokens limit.",
     R.output_truncated),
    # request defects: a schema Gemini cannot compile, no model named, max_tokens over the output cap behind a 500
    ("Error", "The specified schema produces a constraint that has too many states for serving.", R.format_error),
    ("azure.core.exceptions.HttpResponseError", "(no_model_name) No model specified in request. Please provide a "
     "model name in the request body.", R.format_error),
    ("openai.InternalServerError", "500 Internal Server Error: max_tokens (32000) exceeds model's maximum output "
     "tokens (16384)", R.format_error),
    # Claude Code's TLS sentence; OpenClaw's empty turn; a router without the provider
    ("Error", "Unable to connect to API: SSL certificate verification failed. Check your proxy or corporate SSL "
     "certificates", R.tls_untrusted),
    ("Error", "\u26a0\ufe0f Agent couldn't generate a response. Please try again.", R.empty_response),
    ("Error", "API Error: 400 provider not found: provider '' not found in registry", R.model_not_found),
])
def test_holdout49_to_52_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to holdouts 49-52's misses (soft failures, the Google ecosystem, AWS and Azure, the
    coding agents), each with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Anthropic's: thinking left in a history sent without thinking; Claude Code's many-image cap, compaction, and
    # sign-in to an account that is not entitled; a model without the endpoint (Bedrock's token counting)
    ("anthropic.BadRequestError", "messages.139.content.0: When thinking is disabled, an `assistant` message in the "
     "final position cannot contain `thinking`. To use thinking blocks, enable `thinking` in your request.",
     R.thinking_signature),
    ("Error", "An image in the conversation exceeds the dimension limit for many-image requests (2000px). Run /compact "
     "to remove old images from context, or start a new session.", R.image_too_large),
    ("Error", "Error during compaction: Error: Conversation too long. Press esc twice to go up a few messages and try "
     "again.", R.context_overflow),
    ("Error", "Your organization does not have access to Claude. Please login again or contact your administrator.",
     R.auth_permanent),
    ("Error", "Your account does not have access to Claude Code. Please run /login.", R.auth_permanent),
    ("anthropic.BadRequestError", "The provided model doesn't support counting tokens.", R.model_not_found),
    # vLLM's and LM Studio's request checks
    ("openai.BadRequestError", "Stream options can only be defined when `stream=True`.", R.format_error),
    ("NotImplementedError", "Unknown part type: file", R.format_error),
    ("ValueError", "You set image=2 (or defaulted to 1) in '--limit-mm-per-prompt', but passed 3 image items in the "
     "same prompt.", R.format_error),
    ("Error", "Error in iterating prediction stream: ValueError: Vision add-on is not loaded, but images were provided "
     "for processing", R.format_error),
    # the model's output the server could not parse
    ("ollama._types.ResponseError", "error parsing tool call: invalid character ']' after object key:value pair "
     "(status code: 500)", R.malformed_response),
    ("RuntimeError", "OpenAI response failed: unexpected tokens remaining in message header: Some(\"need most recent "
     "U.S. CPI release\")", R.malformed_response),
    # a key outside its organisation, no key at all; the Realtime API mid-response; an Assistants thread that does
    # not exist; a model an API does not serve
    ("AI_APICallError", "You do not have access to the organization tied to the API key.", R.auth),
    ("openai.OpenAIError", "Missing credentials. Please pass an `api_key`, `workload_identity`, `admin_api_key`, or "
     "set the `OPENAI_API_KEY` or `OPENAI_ADMIN_KEY` environment variable.", R.auth),
    ("Error", "Conversation already has an active response in progress: resp_Cdul. Wait until the response is finished "
     "before creating a new one.", R.transient),
    ("Error", "404 No thread found with id '9098ea79'.", R.format_error),
    ("Error", "The requested model 'gpt-5-mini' cannot be used with the Assistants API.", R.model_not_found),
    # a gateway without a card; a gateway without the model's route; Moonshot's window; Cohere's output filter;
    # Cursor's empty answer
    ("GatewayInternalServerError", "AI Gateway requires a valid credit card on file to service requests.", R.billing),
    ("Error", "No matching route found. It is likely because the model specified in your request is not configured "
     "in the Gateway.", R.model_not_found),
    ("openai.BadRequestError", "Error code: 400 - {'error': {'message': 'model max length exceeded, max length:8192', "
     "'type': 'invalid_request_error'}}", R.context_overflow),
    ("cohere.error.CohereAPIError", "blocked output: please adjust your prompt and try again, as this generation may "
     "be a potential violation of our Usage Guidelines", R.content_policy_blocked),
    ("Error", "We encountered an issue when using your API key: Provider did not send back a response. API Error: "
     "Empty provider response.", R.empty_response),
    # a Go client's decode of the answer, and a near miss: of the request
    ("Error", "json: cannot unmarshal number 1742893830.8691158 into Go struct field ChatCompletionResponse.created "
     "of type int64", R.malformed_response),
    ("Error", "json: cannot unmarshal string into Go struct field GeneralOpenAIRequest.max_tokens of type uint",
     R.format_error),
])
def test_holdout53_to_56_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 53 (the Anthropic ecosystem), 54 (the OpenAI ecosystem), 55
    (routers and hosted clouds) and 56 (self-hosted servers), with near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a deployment id that names nothing (Volcengine Ark), a model no provider serves (ModelScope), a workspace's key
    # without the model, a framework's provider list
    ("ProviderBizError", "{ code: 'InvalidEndpoint.NotFound', message: 'The request targeted an endpoint that does "
     "not exist or is invalid. Request id: 0217', param: '', type: 'NotFound' }", R.model_not_found),
    ("openai.BadRequestError", "Model id : Qwen/Qwen3-Coder-480B-A35B-Instruct , has no provider supported",
     R.model_not_found),
    ("Error", "Model access denied.", R.model_not_found),
    ("Error", '400 {"detail":"INVALID_ARGUMENT: Provider anthropic is not supported (supported providers: letta, '
     'openai, google_ai, google_vertex)"}', R.model_not_found),
    # a caller a proxy will not serve; a name that did not resolve
    ("Error", 'upstream 400: {"code":11128,"msg":"Illegal API invocation from an unapproved channel"}',
     R.provider_policy_blocked),
    ("Error", "LLM request failed: DNS lookup for the provider endpoint failed.", R.timeout),
    ("Error", "[ProxyFetch] DNS resolve failed for cloudcode-pa.googleapis.com: queryA ETIMEOUT "
     "cloudcode-pa.googleapis.com", R.timeout),
    # answers that could not be read: an HTML page, a missing text field, a tool call the model could not form
    ("Error", "[ChatCore] Failed to parse JSON from openai-compatible-responses-6d80: Unexpected token '<', "
     '"<!doctype "', R.malformed_response),
    ("smolagents.utils.AgentGenerationError", "Error in generating model output:\n'\"text\" field not found in the "
     "last element of response[\"output\"][\"message\"][\"content\"]. Unexpected output format, possibly due to "
     "thinking mode changes.'", R.malformed_response),
    ("botocore.errorfactory.ModelErrorException", "An error occurred (ModelErrorException) when calling the Converse "
     "operation: Model produced invalid sequence as part of ToolUse.", R.malformed_response),
    # schema keywords Vertex's Schema lacks; LangChain's empty streams
    ("google.protobuf.json_format.ParseError", 'Message type "google.cloud.aiplatform.v1beta1.Schema" has no field '
     'named "$defs" at "Schema".', R.format_error),
    ("ValueError", 'Protocol message Schema has no "anyOf" field.', R.format_error),
    ("ValueError", "No generations found in stream", R.empty_response),
    ("Error", "No generation chunks were returned", R.empty_response),
    # windows in other words; Node's unclassified certificate failure; undici's short body; a seat quota
    ("Error", '"max_total_tokens (33298) must be less than or equal to max_seq_len (32768)"', R.context_overflow),
    ("Error", "This request exceeded the AI model's context limit, usually because the conversation or tool results "
     "became too large.", R.context_overflow),
    ("Error", "API Error: Unable to connect to API (UNKNOWN_CERTIFICATE_VERIFICATION_ERROR)", R.tls_untrusted),
    ("ResponseContentLengthMismatchError", "Response body length does not match content-length header",
     R.stream_incomplete),
    ("Error", "Cloud Code Assist API error (429): Individual quota reached.\n Contact your administrator to enable "
     "overages", R.billing),
])
def test_holdout57_to_60_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 57 (the Chinese-language ecosystem), 58 (Python agent
    frameworks), 59 (the JS/TS ecosystem) and 60 (chat bots and assistants), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


def test_an_errors_object_is_read_as_an_error_object() -> None:
    """ModelScope's envelope holds one error object under "errors" (Cloudflare's holds a list): its message is read.
    https://github.com/musistudio/claude-code-router/issues/906 (ModelScope's 400 for a model without a provider)"""
    body = {"errors": {"message": "Model id : Qwen/Qwen3-Coder-480B-A35B-Instruct , has no provider supported",
                       "request_id": "e22b5df8"}}
    assert classify_api_error(exception_from_http("openai", 400, body), word_model=NO_MODEL).reason is (
        R.model_not_found)


@pytest.mark.parametrize(("body", "expect"), [
    # https://github.com/prism-php/prism/pull/959 (Mistral's 503 naming its backend unreachable)
    ({"object": "error", "message": "unreachable_backend - Internal server error", "type": "internal_server_error"},
     R.server_error),
    # a server that says it is broken, not busy: TabbyAPI (https://github.com/theroyallab/tabbyAPI, endpoints/OAI/
    # utils/chat_completion.py) and llama-swap (https://github.com/mostlygeek/llama-swap/issues/92)
    ({"error": {"message": "Chat completion 36b5 aborted. Maybe the model was unloaded?"}}, R.server_error),
    ({"error": {"message": "Process can not ProxyRequest, state is failed"}}, R.server_error),
    # vLLM's faulted engine, whose "try again later" is no sign of load when the engine says it is broken
    ({"error": {"message": "The engine has faulted and cannot accept new requests. Please try again later or on a "
                "different replica."}}, R.server_error),
    # near misses: a bare 503, one whose words say it is busy, and a "try again later" alone stay overloaded
    ({"error": {"message": "Service Unavailable"}}, R.overloaded),
    ({"error": {"message": "The service is unavailable. Please try again later."}}, R.overloaded),
    ({"error": {"message": "The server is overloaded. Internal server error while queueing."}}, R.overloaded),
])
def test_a_503_whose_words_name_a_fault_is_a_server_error(body: dict[str, Any], expect: FailoverReason) -> None:
    """A 503 is read as load unless its words name a fault of the server itself (the rules alone)."""
    c = classify_api_error(exception_from_http("openai", 503, body), word_model=NO_MODEL)
    assert c.reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # transport faults in the words of Node, Bun, Go, Electron and Ruby
    ("Error", "Error: write EPIPE\n    at WriteWrap.onWriteComplete [as oncomplete] "
     "(node:internal/stream_base_commons:87:19)", R.timeout),
    ("AI_APICallError", '{"error":{"name":"AI_APICallError","cause":{"code":"FailedToOpenSocket","path":'
     '"http://192.168.4.9:8080/v1/chat/completions","errno":0}}}', R.timeout),
    ("Error", 'An error occurred in the request\uff0cPost "https://api.openai.com/v1/chat/completions": proxyconnect '
     "tcp: dial tcp 127.0.0.1:10809: connectex: No connection could be made because the target machine actively "
     "refused it.", R.timeout),
    ("Error", "ERR_SOCKET_CONNECTION_TIMEOUT", R.timeout),
    ("Error", "Error: net::ERR_HTTP2_PROTOCOL_ERROR\n    at SimpleURLLoaderWrapper.<anonymous> "
     "(node:electron/js2c/utility_init:2:10511)", R.timeout),
    ("Seahorse::Client::NetworkingError", "Net::ReadTimeout with #<TCPSocket:(closed)>", R.timeout),
    ("java.net.ConnectException", "Failed to connect to /127.0.0.1:12334", R.timeout),
    ("RuntimeError", "There was an unexpected error while running the agent. Please report this error to the "
     "developers. Your session ID is 85b2d59e19cf46a8b5bbfa2c6cae8a05. Error type: APIConnectionError", R.timeout),
    ("Error", "The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request "
     "immediately or wait and retry later.", R.timeout),
    ("Error", "write EPROTO 14654428880960:error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER:"
     "../../third_party/boringssl/src/ssl/tls_record.cc:231:", R.tls_untrusted),
    # a body stream that broke mid-read
    ("Error", "[Streaming Issue] Anthropic: Error in input stream", R.stream_incomplete),
    ("TypeError", "Error consuming stream: TypeError: Error in input stream", R.stream_incomplete),
    ("StreamResetException", "stream was reset: INTERNAL_ERROR", R.stream_incomplete),
    ("Error", "curl: (18) transfer closed with outstanding read data remaining", R.stream_incomplete),
    # answers a client could not read, and answers with nothing in them
    ("Error", "Failed to stream chat response: Failed to process successful response", R.malformed_response),
    ("Error", "Error: Unexpected Response: W4.k: Expected start of the object '{', but had 'EOF' instead at path: $\n"
     "JSON input:", R.malformed_response),
    ("Error", "Failed to generate response: Anthropic interrupted the response: SSE request received unexpected "
     "content-type text/html;charset=UTF-8", R.malformed_response),
    ("Error", 'Error occurred: Unexpected token "d", "data: ..." is not a valid JSON', R.malformed_response),
    ("Error", "Unknown message type: rate_limit_event", R.malformed_response),
    ("Error", "additional_kwargs[tool_calls] already exists in this message chunk.", R.malformed_response),
    ("litellm.APIConnectionError", "litellm.APIConnectionError: Unable to parse ollama chunk - {'model': "
     "'gpt-oss:120b', 'created_at': '2025-09-08T12:13:57.472827154Z', 'response': '', 'thinking': 'We', 'done': "
     "False}", R.malformed_response),
    ("Error", "Error sending message: No response received from the model", R.empty_response),
    ("Error", "failed to generate response: claude request failed: received empty response try again",
     R.empty_response),
    ("Error", "no actual response content", R.empty_response),
    # an empty answer whose client only guesses at a rate limit
    ("Error", "LLM returned 200 OK but response body was empty (possible rate limit)", R.empty_response),
    ("Error", "⚠️  Invalid API response (attempt 3/3): response.output is empty\n❌ Max retries (3) exceeded for "
     "invalid responses. Giving up.\nError: Invalid API response shape. Likely rate limited or malformed provider "
     "response.",
     R.empty_response),
    ("Error", "failed to get title: response incomplete: max tokens reached before completion", R.output_truncated),
    ("Error", "Response remained truncated after 3 continuation attempts", R.output_truncated),
    ("Error", "AI response JSON appears incomplete (text ends mid-sentence). Try increasing Max Response Length.",
     R.output_truncated),
    # refusals in image generators' and wrappers' words
    ("Error", "Unsuccessful Finish Reason: RECITATION", R.content_policy_blocked),
    ("Error", "We\u2019re so sorry, but the prompt may violate our guardrails around nudity, sexuality, or erotic "
     "content. If you think we got it wrong, please retry or edit your prompt.", R.content_policy_blocked),
    ("Error", "This query violates the policy against generating content that promotes or condones violence, incites "
     "hatred, promotes discrimination, or disparages on the basis of race or ethnic origin.", R.content_policy_blocked),
    ("Error", "This content can't be shown\nWe take extra caution with requests involving biological research and "
     "applications that could pose safety risks.", R.content_policy_blocked),
    # keys: refused, missing, empty
    ("qianfan.errors.APIError", "api return error, req_id:  code: 14, msg: IAM Certification failed", R.auth),
    ("Error", "请求百川 API 时发生错误\uff1a{'error_code': 10105, 'text': 'Invalid Signature parameter in request "
     "header', 'error': {'message': 'Invalid Signature parameter in request header', 'type': "
     "'invalid_request_error', 'param': None, 'code': None}}", R.auth),
    ("Error", 'Agent failed before reply: No API key found for provider "anthropic". Configure auth for this agent '
     "(openclaw agents add <id>)", R.auth),
    ("h11._util.LocalProtocolError", "Illegal header value b'Bearer '", R.auth),
    ("Error", "Zed's API rejected the request due to insufficient permissions. Check that your API key has access to "
     "this model.", R.auth),
    ("Error", "Response status code does not indicate success: 401 (PermissionDenied).", R.auth),
    # spend caps and credits; a month-long wait is no rate limit
    ("Error", "Workspace monthly budget of $500.00 exceeded. Contact your workspace admin.", R.billing),
    ("Error", '402 {"error":"Rate limited","reasons":["premium-usage-exceeded","not-enough-credits"],...}', R.billing),
    # sizes: an image over vLLM's encoder cache, prompts over a window, MiniMax's media cap
    ("openai.BadRequestError", "Error code: 400 - {'error': {'message': 'The decoder prompt contains a(n) image item "
     "with length 4200, which exceeds the pre-allocated encoder cache size 3721. Please reduce the input size or "
     "increase the encoder cache size by setting --limit-mm-per-prompt at startup.', 'type': 'BadRequestError', "
     "'param': None, 'code': 400}}", R.image_too_large),
    ("Error", "media exceeds size limit: max 10485760 bytes (2013)", R.image_too_large),
    ("Error", 'Tencent (cus_e4aii) provider error:\ninput length too long {"error":{"message":"input length too long",'
     '"type":"runtime_error","param":null,"code":"20059"}}', R.context_overflow),
    ("RuntimeError", "Prompt tokens (2068) cannot be greater than the model's max prompt length (2000)",
     R.context_overflow),
    ("ValueError", "This prompt (length 2185) exceeds the model's maximum allowed prompt length (2048).",
     R.context_overflow),
    # a model the endpoint does not serve; both token limits in one request
    ("openai.BadRequestError", "Error code: 400 - {'error': {'code': 'unavailable_model', 'message': 'Unavailable "
     "model: text-embedding-3-large', 'details': 'Unavailable model: text-embedding-3-large'}}", R.model_not_found),
    ("Error", "Error code: 400 - {'error': {'message': \"Setting 'max_tokens' and 'max_completion_tokens' at the same "
     "time is not supported.  (request id: 2024123103062962320720267438851)\", 'type': 'invalid_request_error', "
     "'param': 'max_tokens', 'code': 'invalid_parameter_combination'}}", R.max_tokens_unsupported),
    ("RuntimeError", 'Request failed, msg: {"error":{"code":"1214","message":"messages[4]:content和tool_calls '
     '字段不能同时为空"}}, please ref to `https://open.bigmodel.cn/dev/api#error-code-v3`', R.format_error),
    # a crashed server, a code a client names; a model's broken answer and an interrupted run are worth a resend
    ("std::runtime_error", "terminate called after throwing an instance of 'std::runtime_error'\n  what():  Invalid "
     "diff: now finding less tool calls!", R.server_error),
    ("Error", "Error interacting with language model\ncompletion request failed. request_id: 969fbc8d, code: "
     "internal_server_error, message: Error processing completion request: 969fbc8d", R.server_error),
    ("Error", "Request failed: Request failed with status: 400 Bad Request. Message: Error: Model response did not "
     "respect the required format. Please consider retrying or using a more straightforward prompt.", R.transient),
    ("replicate.exceptions.ModelError", "Prediction interrupted; please retry (code: PA)", R.transient),
    # a validator refusing an answer's finish reason that lists content_filter among the values it takes
    ("Error", "Error when calling OpenAI API: 1 validation error for Choice\nfinish_reason\n  Input should be 'stop', "
     "'length', 'tool_calls', 'content_filter' or 'function_call' [type=literal_error, input_value=None, "
     "input_type=NoneType]", R.malformed_response),
    ("Error", "failed to get token: failed to deserialize api response: unknown variant ``, expected one of `stop`, "
     "`length`, `tool_calls`, `content_filter`, `function_call` at line 1 column 213", R.malformed_response),
    # images a tool result may not hold, an image over DashScope's cap, a final assistant turn vLLM will not continue
    ("litellm.BadRequestError", "litellm.BadRequestError: OpenAIException - Error code: 400 - {\n    'error': {\n"
     "        'message': \"Invalid 'messages[3]'. Image URLs are only allowed for messages with role 'user', but this "
     "message with role 'tool' contains an image URL.\",\n        'type': 'invalid_request_error',\n        'param': "
     "'messages[3]',\n        'code': 'invalid_value'\n    }\n}", R.multimodal_tool_content_unsupported),
    ("openai.BadRequestError", "Error code: 400 - {'error': {'code': 'invalid_parameter_error', 'message': "
     "'Multimodal file size is too large'}}", R.image_too_large),
    ("Error", "Cannot set `add_generation_prompt` to True when the last message is from the assistant. Consider using "
     "`continue_final_message` instead.", R.prefill_unsupported),
    ("LLMDidNotFinishException", "The LLM generation was not completed. Please increase try increasing the max_tokens "
     "and try again.", R.output_truncated),
    ("Error", 'No output found in response: {"content":{},"finishReason":"STOP","index":0}', R.empty_response),
    ("BatchError", '{ "data": [ { "code": "token_limit_exceeded", "message": "The number of enqueued tokens has '
     "surpassed the configured limit of 30K for the deployment 'gpt-4.1-batch'. Please either increase the limit or "
     'try again once the current jobs have finished.", "line": null, "param": null } ], "object": "list" }',
     R.rate_limit),
    ("Error", "Request failed: Request failed with status: 400 Bad Request. Message: invalid request parameters: "
     "Requests cannot contain `assistant` role in the final position when `tools` are used..", R.prefill_unsupported),
    ("Error", '{\n  "error": {\n    "id": "75dd945dd905ae9d84a22cbad69bc57d",\n    "message": "请求格式有误",\n    '
     '"type": "runtime_error",\n    "param": null,\n    "code": "4003"\n  },\n  "endpoint": '
     '"https://api.hunyuan.cloud.tencent.com/v1",\n  "provider": "hunyuan"\n}', R.format_error),
    # Copilot Chat's rate-limit notice, translated
    ("Error", "申し訳ございません。要求はレート制限されました。84 seconds を待ってから、"
     "もう一度お試しください。", R.rate_limit),
    ("Error", "Lo sentimos, su solicitud estaba limitada a la velocidad. Espere 31 seconds antes de intentarlo de "
     "nuevo.", R.rate_limit),
    # near misses: a proxy's 500 whose upstream refused stays the proxy's answer; a wrapper's INTERNAL_SERVER_ERROR
    # label before a connection error is no server's code
    ("InternalServerError", "Unable to round-trip http request to upstream: dial tcp [::1]:11434: connectex: No "
     "connection could be made because the target machine actively refused it.", R.server_error),
    ("LLMConnectionError", "INTERNAL_SERVER_ERROR: Failed to connect to OpenAI: Connection error.", R.timeout),
])
def test_holdout61_to_74_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 61 to 74 (less-covered Asian providers, chat front-ends,
    transport faults as clients print them, coding assistants, direct inference providers, failures inside a 200,
    non-Python clients, documentation, workflow platforms, autonomous agents, self-hosted servers, localized texts, the
    newest models), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # GitHub Models' 413 counts its cap in tokens: the prompt is over the window (https://github.com/marketplace/models)
    (413, {"error": {"code": "tokens_limit_reached", "message": "Request body too large for gpt-4o model. Max size: "
                     "8000 tokens.", "details": "Request body too large for gpt-4o model. Max size: 8000 tokens."}},
     R.context_overflow),
    # near miss: a cap in bytes stays the body's size (sub2api)
    (413, {"error": {"message": "Request body too large, limit is 256MB"}}, R.payload_too_large),
    # OpenRouter's guardrail (https://openrouter.ai/docs/api-reference/errors-and-debugging): the prompt, not the key
    (403, {"error": {"code": 403, "message": "Request blocked: prompt injection patterns detected",
                     "metadata": {"patterns": ["ignore all previous instructions"]}}}, R.content_policy_blocked),
])
def test_holdout61_to_74_bodies(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """Bodies of the fitted families, replayed through the real client (the rules alone)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("choice", "expect"), [
    # vllm-mlx's failed generation: no error object, no content, zero usage (https://github.com/waybarrios/vllm-mlx)
    ({"index": 0, "message": {"role": "assistant", "content": None}, "finish_reason": "error"}, R.server_error),
    # near misses: an empty answer that stopped normally is empty; a real answer is no failure
    ({"index": 0, "message": {"role": "assistant", "content": None}, "finish_reason": "stop"}, R.empty_response),
    ({"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}, None),
])
def test_a_chat_answer_that_finished_on_error_is_the_servers_fault(choice: dict[str, Any],
                                                                   expect: FailoverReason | None) -> None:
    body = {"id": "chatcmpl-f9667199", "object": "chat.completion", "created": 1781813139, "model": "qwen3.5:397b",
            "choices": [choice], "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}
    c = classify_soft_failure(body)
    assert (c.reason if c else None) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # SDKs that met a field they cannot read (Firebase AI Logic on Flutter), a decoder handed no JSON (gp.nvim)
    ("VertexAISdkException", "Unhandled format for Part: {thought: true, thoughtSignature: AZs1mZzJbVRs==}\n"
     "This indicates a problem with the Vertex AI in Firebase SDK. Try updating to the latest version",
     R.malformed_response),
    ("FormatException", "Unhandled ContentModality format\nAUDIO", R.malformed_response),
    ("Error", "Error executing callback:\n.../.vim/plugged/gp.nvim/lua/gp/dispatcher.lua:373: Expected value but found "
     "invalid token at character 1\nstack traceback:\n\t[C]: in function 'decode'", R.malformed_response),
    # a client with no key to send; a preview model with no free tier; a service sold in packages
    ("Error", "Error: Error: OPENAI_API_KEY is not set", R.auth),
    ("Error", "Error code: 429 - {'error': {'code': 429, 'message': \"Gemini 2.5 Pro Preview doesn't have a free quota "
     "tier. Please use Gemini 2.5 Pro Experimental (models/gemini-2.5-pro-exp-03-25) instead.\"}}", R.billing),
    ("Error", "通过套餐包使用服务时需要先购买套餐包。", R.billing),
    # a load balancer with no replica up; an adapter the server has not loaded
    ("Error", '{"detail":"No ready replicas. Use \\"sky serve status [SERVICE_NAME]\\" to check the replica status."}',
     R.overloaded),
    ("Error", "The following requested LoRA adapters are not loaded: {'pbevan11/llama-3.1-8b-ocr-correction'} Loaded "
     "adapters: {'philschmid/code-llama-3-1-8b-text-to-sql-lora': 'philschmid/code-llama-3-1-8b-text-to-sql-lora'}",
     R.model_not_found),
    # models an endpoint cannot serve, in a relay's, Xinference's and Snowflake Cortex's words
    ("litellm.BadRequestError", "litellm.BadRequestError: \nOpenAIException - [trace_id: f22d5227] Invalid param: not "
     "support for \nmodel [gpt-4.1-2025-04-14]", R.model_not_found),
    ("Error", "Server error: 400 - [address=0.0.0.0:60419, pid=78] Model jina-reranker-v2 cannot be run on engine .",
     R.model_not_found),
    ("Error", "Request failed for external function SYSTEM$PARSE_DOC_INTERNAL with remote service error: 400 '\"The "
     "model you requested is unavailable in your region. To access it, enable cross region inference",
     R.model_not_found),
    # near miss: an invalid token that is the key's stays auth (a new-api relay's 401)
    ("Error", "AI 分析失败: Error code: 401 - {'error': {'message': 'Invalid token (request id: "
     "202607220322063555961998268d9d6xAiC5JEm)', 'type': 'new_api_error', 'param': '', 'code': ''}}", R.auth),
])
def test_holdout75_to_80_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 75 to 80 (RAG pipelines, translation tools, note-taking
    plugins, code-review bots, infra-hosted endpoints, mobile clients), and three model-support wordings left from
    holdouts 26, 44 and 47, with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("body", "expect", "step"), [
    # GPUStack's gateway (https://github.com/gpustack/gpustack), TrueFoundry's gateway: the model is not there for this
    # caller; the key may serve others, so the (key, model) pair is suspended and another key tried before a fallback
    ({"error": {"message": "Model not found", "code": 403, "type": "Forbidden"}}, R.model_not_found, Step.rotate),
    ({"status": "failure", "message": "User gateway-tester-v2-39655442-6 is not authorized to access model "
      "test-v2-openrouter/x-ai-grok-code-fast-1 or model does not exist",
      "error": {"message": "User gateway-tester-v2-39655442-6 is not authorized to access model "
                "test-v2-openrouter/x-ai-grok-code-fast-1 or model does not exist", "type": "AuthorizationError"}},
     R.model_not_found, Step.rotate),
    # a relay key scoped to other models (https://github.com/ningzimu/codex-ppt-skill/issues/57)
    ({"error": {"message": "Model 'gpt-5.5' is not allowed for this provider.\n  Allowed models: gpt-image-2"}},
     R.model_not_found, Step.rotate),
    # near misses: a 403 that names no model stays the key's (NVIDIA NIM, https://github.com/dmMaze/BallonsTranslator/
    # issues/1233; xAI, https://github.com/decolua/9router/issues/2559)
    ({"status": 403, "title": "Forbidden", "detail": "Authorization failed"}, R.auth, Step.rotate),
    ({"code": "permission-denied", "error": "Access to the chat endpoint is denied. Please ensure you're using the "
      "correct credentials."}, R.auth, Step.rotate),
])
def test_a_403_that_says_the_model_is_not_there_suspends_the_pair(body: dict[str, Any], expect: FailoverReason,
                                                                 step: Step) -> None:
    """A 403 whose words say the model does not exist for this caller is the (key, model) pair's, not the key's: the
    key is kept for other models, and another key is tried first (it may be entitled)."""
    c = classify_api_error(exception_from_http("openai", 403, body), word_model=NO_MODEL)
    assert c.reason is expect
    if expect is R.model_not_found:
        assert c.scope is Scope.credential_model
    assert next_step(c, LadderPolicy(), LadderContext(has_next=True)) is step


@pytest.mark.parametrize(("text", "expect"), [
    # texts of classes that decided them (ollama-python's ConnectionError, openai<1.0's APIConnectionError, botocore's
    # ProxyConnectionError, NoCredentialsError, PartialCredentialsError, SSOTokenLoadError, vLLM's
    # AsyncEngineDeadError, openai-python's LengthFinishReasonError), read the same once a wrapper drops the class
    ("Failed to connect to Ollama. Please check that Ollama is downloaded, running and accessible. "
     "https://ollama.com/download", R.timeout),
    ("Error communicating with OpenAI", R.timeout),
    ('Failed to connect to proxy URL: "http://proxy.internal:3128"', R.timeout),
    ("Unable to locate credentials", R.auth),
    ("Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY", R.auth),
    ("The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session "
     "run aws sso login with the corresponding profile.", R.auth),
    ("Invalid or missing API credentials", R.auth),
    ("This request requires a valid API key. You can create a new API key on the Billing page: "
     "https://aimlapi.com/app/keys", R.auth),
    ("Sorry, you do not have permission to access this service. Please check if your key has the necessary access "
     "rights.", R.auth),
    ("Task finished unexpectedly. This should never happen! Please open an issue on Github. See stack trace above for "
     "theactual cause.", R.server_error),
    ("The maximum tokens you requested exceed the model limit of 4096. Try again with a maximum tokens value lower "
     "than 4096.", R.format_error),
    ("The number of toolResult blocks at messages.11.content\nexceeds the number of toolUse blocks of previous turn.",
     R.format_error),
    ('"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" '
     "to control thinking behavior.", R.format_error),
    ("Could not parse response content as the length limit was reached - CompletionUsage(completion_tokens=300, "
     "prompt_tokens=513, total_tokens=813)", R.output_truncated),
    ("We apologize for any inconvenience caused. The default API key has reached its limit. To continue using this "
     "service, please set up your own API key.", R.billing),
    # chat bots' canned replies (chatgpt-on-wechat, chatgpt-mirai-qq-bot)
    ("[ERROR]\n提问太快啦\uff0c请休息一下再问我吧", R.rate_limit),
    ("[ERROR]\n我连接不到你的网络", R.timeout),
    ("抱歉\uff0c当前服务器压力有点大\uff0c请稍后再找我吧\uff01", R.overloaded),
    # near miss: Zed's words around an answer Ollama gave are no failure to connect
    ('Error interacting with language model\nFailed to connect to Ollama API: 400 Bad Request {"error":"json: cannot '
     'unmarshal array into Go struct field .tools.function.parameters.properties.type of type string"}',
     R.format_error),
])
def test_a_text_keeps_its_reading_without_its_class(text: str, expect: FailoverReason) -> None:
    """Errors whose class decided them (the corpus entries above) read the same from their words alone, as a wrapper
    that re-raises ``Exception(str(e))`` leaves them (the rules alone)."""
    assert _rules_alone("Exception", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # statuses stated in words: Google Apps Script's UrlFetchApp, a reverse-engineered client, a JS client that printed
    # its body as an object
    ("Exception", "Exception: Request failed for https://chatgpt-api.kesarx.repl.co returned code 502. Truncated "
     "server response: <!DOCTYPE html> <html lang=\"en\"> <head> <title>Unable To Wake Up</title> (use "
     "muteHttpExceptions option to examine full response)", R.server_error),
    ("Exception", "Response code not 200. Response Status is 429", R.rate_limit),
    ("Error", "[ERROR] 429 [object Object]", R.rate_limit),
    # prompts over the window: IBM's TGIS backend, Bedrock Mantle, a Go bot's own check, the Responses API's item cap
    ("genai.exceptions.genai_exception.GenAiException", '{"status_code":400,"error":"Bad Request","message":"Invalid '
     'argument or out of range","extensions":{"code":"INVALID_INPUT","state":null,"reason":"3 INVALID_ARGUMENT: input '
     'tokens (35000) plus prefix length (0) must be < 4096"}}', R.context_overflow),
    ("Error", 'Error code: 400 - {"error": {"code": "validation_error", "message": "prompt tokens (400007) exceed '
     'model maximum (278528) for openai.gpt-5.5"}}', R.context_overflow),
    ("Error", "gpt request error: maximum question length exceeded", R.context_overflow),
    ("Error", 'Error running remote compact task: {\n  "error": {\n    "message": "Invalid \'input\': array too long. '
     'Expected an array with maximum length 131072, but got an array with length 159085 instead.",\n    "type": '
     '"invalid_request_error",\n    "param": "input",\n    "code": "array_above_max_length"\n  }\n}',
     R.context_overflow),
    # near miss: the tools list over its cap is the request's defect
    ("BadRequestError", "Error code: 400 - {'error': {'message': \"Invalid 'tools': array too long. Expected an array "
     "with maximum length 128, but got an array with length 130 instead.\", 'type': 'invalid_request_error', 'param': "
     "'tools', 'code': 'array_above_max_length'}}", R.format_error),
    # answers with nothing in them, or cut: a Telegram bot, hermes-agent's reasoning-only turn
    ("Exception", "❌ Error: Empty response!\nClear the history and make another request or try again later",
     R.empty_response),
    ("Error", "Model used all output tokens on reasoning with none left for the response. Try lowering reasoning "
     "effort or increasing max_tokens.", R.output_truncated),
    # no key sent, a token refused in Chinese (by its class), an OAuth account to reconnect
    ("BadRequestError", "Error code: 400 - [{'error': {'code': 400, 'message': 'Missing Authorization header.', "
     "'status': 'INVALID_ARGUMENT'}}]", R.auth),
    ("Error", "OpenAl missing required apiKey", R.auth),
    ("erniebot.errors.InvalidTokenError", "暂无权限使用\uff0c请在 AI Studio 正确获取访问令牌(access token)使用",
     R.auth),
    ("Error", "[gemini-cli/gemini-2.5-flash-lite] GeminiCLI account is missing projectId. Reconnect OAuth to load your "
     "real Cloud Code project before sending requests. (reset after 10s)", R.auth),
    ("Error", "This workspace is deactivated. Select an active workspace and try again.", R.auth_permanent),
    # spent allowances: DashScope's free-tier-only switch, an AWS account with no payment method, a run's budget
    ("Error", '400 The free tier of the model has been exhausted. If you wish to continue access the model on a paid '
     'basis, please disable the "use free tier only" mode in the management console.\nRequest ID: 4d8a20d5-ada7',
     R.billing),
    ("litellm.APIConnectionError", 'litellm.APIConnectionError: BedrockException - {"message":"Model access is denied '
     'due to INVALID_PAYMENT_INSTRUMENT:A valid payment instrument must be provided.. Your AWS Marketplace '
     'subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after '
     '10 minutes."}', R.billing),
    # models on another surface, or not for this session; a chosen model out of service for a while
    ("Error", "400: The model 'openai.gpt-5.6-terra' does not support the '/v1/chat/completions' API",
     R.model_not_found),
    ("Error", 'Sorry, your request failed. Please try again. Request id: 6b5fb868\n\nReason: Request Failed: 400 '
     '{"error":{"message":"Requested model not available for session","code":""}}', R.model_not_found),
    ("Error", "Amazon Q is having trouble responding right now: \n   0: The model you've selected is temporarily "
     "unavailable. Please use '/model' to select a different model and try again.", R.overloaded),
    # near miss: a model kept from a region stays the region's block
    ("Error", "Upstream request failed: [403] This model is not available in your region.",
     R.provider_policy_blocked),
    # a filtering module's block, inline content over a count, a request built without a scheme, a proxy that failed
    ("OrchestrationClientException", "Request failed with status 400 Bad Request and error message: '400 - Filtering "
     "Module - Input Filter: Prompt filtered due to safety violations. Please modify the prompt and try again.'",
     R.content_policy_blocked),
    ("Error", "Exceeded limit on max data-uri per request: 250", R.payload_too_large),
    ("baml_py.BamlClientError", "Something went wrong with the LLM client CustomOllama: Failed to build request: "
     "reqwest::Error {\n    kind: Builder,\n    source: RelativeUrlWithoutBase,\n}", R.format_error),
    ("Error", "net::ERR_PROXY_CONNECTION_FAILED at https://chat.openai.com/chat", R.timeout),
    # answers the client could not read: no SSE stream, an event type the SDK does not know
    ("Error", "<internal/plugin/llm> cohere/adapter.go:126 | [ERRO] <Stream: -1> response is not 'text/event-stream'",
     R.malformed_response),
    ("Error", 'Unhandled response stream event: {"type":"keepalive","sequence_number":466}', R.malformed_response),
])
def test_holdout81_to_86_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 81 to 86 (automation platforms, chat bots, application
    frameworks, Chinese clouds, the OpenAI and the Anthropic/Google heads of 2025-2026), with real shapes (the rules
    alone)."""
    assert _rules_alone(type_name, text) is expect


def test_a_402_whose_detail_object_holds_only_a_code_is_read_by_that_code() -> None:
    """The ChatGPT backend's 402 for a deactivated workspace names it only in ``detail.code``: the account is gone
    for good, not out of credit; a 402 without the code stays billing."""
    gone = exception_from_http("openai", 402, {"detail": {"code": "deactivated_workspace"}})
    assert classify_api_error(gone, word_model=NO_MODEL).reason is R.auth_permanent
    unpaid = exception_from_http("openai", 402, {"detail": {"code": "payment_required"}})
    assert classify_api_error(unpaid, word_model=NO_MODEL).reason is R.billing


def test_a_failed_response_whose_message_states_the_upstream_status_is_read_by_that_status() -> None:
    """A relay's failed Response whose message is the upstream's bare status ("401 status code (no body)", as the
    Stainless SDKs print it) is the key's refusal, not a server fault; with a 5xx stated it stays the server's."""
    def failed(message: str) -> Any:
        return response_from_http("responses", {
            "id": "resp_0ba6db6810ee40f4a721ad7e5c74f2c7", "object": "response", "status": "failed", "created_at": 0,
            "model": "gpt-6-astra", "output": [],
            "error": {"code": "upstream_error", "type": "api_error", "message": message}})
    refused = classify_soft_failure(failed("401 status code (no body)"), word_model=NO_MODEL)
    assert refused is not None and refused.reason is R.auth and refused.scope is Scope.credential
    broken = classify_soft_failure(failed("502 status code (no body)"), word_model=NO_MODEL)
    assert broken is not None and broken.reason is R.server_error
    # the stated status is read as an exception's message reads it: a relay's 500 around its upstream's 429
    wrapped = classify_soft_failure(failed("500 Request failed with status code 429"), word_model=NO_MODEL)
    assert wrapped is not None and wrapped.reason is R.rate_limit


@pytest.mark.parametrize(("body", "expect"), [
    # deepseek-free-api's envelope over a web session: a negative code is a failure, read by its message
    ({"code": -2001, "message": "[请求deepseek失败]: Authorization Failed (invalid token)", "data": None}, R.auth),
    # near miss: code 0 is the envelope's success; with no choices the chat answer is empty, its message no error
    ({"code": 0, "message": "success", "data": {"id": "chat-1"}}, R.empty_response),
])
def test_a_relay_envelope_with_a_negative_code_is_a_failure(body: dict[str, Any], expect: FailoverReason) -> None:
    verdict = classify_soft_failure(response_from_http("openai", body), word_model=NO_MODEL)
    assert verdict is not None and verdict.reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # statuses stated in words: after "failed (", a localized "Error de API:", a reason phrase after "request failed:"
    ("Error", "ERROR API request failed (streamGenerateContent): Cloud Code stream failed (429)", R.rate_limit),
    ("Error", "Error de API: 503 Se alcanzó el límite máximo de reintentos de combinación. Este es un problema del "
     "servidor, generalmente temporal; inténtelo de nuevo en un momento.", R.overloaded),
    ("Error", "Failed to generate response: Kobold request failed: Unprocessable Entity", R.format_error),
    # new-api's upstream status in "param" beside bad_response_status_code (Cloudflare's 524: a read timeout)
    ("Error", '{"message":"","type":"upstream_error","param":"524","code":"bad_response_status_code"}', R.timeout),
    # LiteLLM's connection class around a KeyError on the answer; near miss: its real connection error
    ("litellm.APIConnectionError", "litellm.APIConnectionError: 'signature'", R.malformed_response),
    ("litellm.APIConnectionError", "litellm.APIConnectionError: APIConnectionError: OpenAIException - Connection "
     "error.", R.timeout),
    # near miss: a quoted value after another class is no missing field of an answer
    ("ValueError", "ValueError: 'auto'", R.unknown),
    # servers a client could not open a connection to, or lost
    ("ApiError", "Cannot connect to MLX server at http://localhost:8080. Make sure it is running.", R.timeout),
    ("Error", "Error occurred while retrieving translation. Cannot connect to destination host", R.timeout),
    ("Error", "Error invoking remote method 'chat:sendMessage': Error: Server connection lost. The model server may "
     "have crashed or stopped. Try restarting the session.", R.timeout),
    # routes and models a gateway does not serve; a gateway the tenant has not opted in to
    ("Error", "model is not available on this endpoint", R.model_not_found),
    ("litellm.exceptions.APIError", "litellm.APIError: AzureException APIError - Resource not found",
     R.model_not_found),
    ("Error", "Unexpected response received from http://localhost:5000: {'detail': {'msg': 'API generation is not "
     "supported in read-only mode; please load a model and then try again.', 'type': 'not_implemented'}}. Please "
     "check the health of the KAI worker.", R.model_not_found),
    ("Error", "LLM Gateway is not enabled for your organization. Ask your MSP administrator to enable it, or contact "
     "Hatz support.", R.provider_policy_blocked),
    ("Error", 'OpenAI: {"detail":"Our systems have detected unusual activity from your system. Please try again '
     'later."} (code: 403)', R.provider_policy_blocked),
    # streams that ended without their terminal event; inference that failed inside the provider
    ("Error", "Stream completed without a response.completed event", R.stream_incomplete),
    ("Error", "response stream dropped before provider terminal event", R.stream_incomplete),
    ("Error", "Error streaming response: The model was unable to complete inference due to an internal error.",
     R.server_error),
    ("Error", "<h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as "
     "possible. Please check back soon.</p>0W8O8YwAAAAC2vL0fTGVqTb948kGgx6ZXTEFYMzExMDAwMTA4MDUxAEVkZ2U=",
     R.server_error),
    # answers a client could not use
    ("Error", "Failed to parse LLM response as JSON: [json.exception.parse_error.101] parse error at line 1, column 1: "
     "syntax error while parsing value - invalid literal; last read: 'T'", R.malformed_response),
    ("Error", "LLM returned invalid response (type=ChatCompletion): ChatCompletion(id=None, choices=None, ...)",
     R.malformed_response),
    ("litellm.APIError", "litellm.APIError: APIError: OpenrouterException - Unable to get json response\nExpecting "
     "value: line 121 column 1 (char 660)", R.malformed_response),
    # an agent with no credential loaded
    ("Error", "hermes -z: agent failed: Hermes is not logged into Nous Portal.", R.auth),
])
def test_holdout87_to_92_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 87 to 92 (LiteLLM-wrapped errors, self-hosted servers,
    relays and routers, games and creative tools, failures inside a stream, AI gateways), with real shapes (the rules
    alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # llama.cpp's server refuses a tools list it cannot render, or tools with streaming, as a 500 typed server_error
    (500, {"error": {"code": 500, "message": "Failed to parse tools: [json.exception.type_error.302] type must be "
                     "string, but is null; tools = []", "type": "server_error"}}, R.format_error),
    (500, {"error": {"code": 500, "message": "Cannot use tools with stream", "type": "server_error"}}, R.format_error),
    # near miss: its 500 without a request's words stays the server's
    (500, {"error": {"code": 500, "message": "Internal server error", "type": "server_error"}}, R.server_error),
    # OpenCode Go behind a router: a 401 that names the model it does not serve; near miss: a 401 for the key
    (401, {"type": "error", "error": {"type": "ModelError", "message": "Model kimi-k2.7 is not supported"}},
     R.model_not_found),
    (401, {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}}, R.auth),
    # LiteLLM proxy's unknown model group
    (400, {"error": {"message": "litellm.BadRequestError: You passed in model=text-completion-codestral/codestral-"
                     "latest. There is no 'model_name' with this string \nReceived Model Group=text-completion-"
                     "codestral/codestral-latest\nAvailable Model Group Fallbacks=None", "type": None, "param": None,
                     "code": "400"}}, R.model_not_found),
])
def test_holdout87_to_92_bodies(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """Bodies of the fitted families, replayed through the real client (the rules alone)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # certificates no trust store accepts: Java's PKIX, Chromium's net error in a browser client
    ("java.lang.RuntimeException", "javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: "
     "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
     "certification path to requested target", R.tls_untrusted),
    ("Error", "net::ERR_CERT_AUTHORITY_INVALID", R.tls_untrusted),
    # .NET's HttpRequestException after an Azure SDK's last retry
    ("Exception", "Retry failed after 4 tries. \nRetry settings can be adjusted in ClientOptions.Retry or by "
     "configuring a custom retry policy in ClientOptions.RetryPolicy. (\nAn error occurred while sending the "
     "request.) (An error occurred while sending the request.)", R.timeout),
    # azure-core's message for a status without a body names it in quotes: the 405 is read from it (a request defect
    # since the bare-405 rule follows the corpus's majority label; this entry's own label is model_not_found)
    ("azure.core.exceptions.HttpResponseError", "Operation returned an invalid status 'Method Not Allowed'",
     R.format_error),
    ("azure.core.exceptions.HttpResponseError", "Operation returned an invalid status 'Gateway Timeout'",
     R.timeout),
    # the cloud SDKs' failures to obtain a credential, by class and by words
    ("azure.identity.CredentialUnavailableError", "Please run 'az login' to set up an account", R.auth),
    ("botocore.exceptions.NoAuthTokenError", "Unable to locate authorization token", R.auth),
    ("botocore.exceptions.LoginRefreshRequired", "Your session has expired or credentials have changed. Please "
     "reauthenticate using 'aws login'.", R.auth),
    ("google.auth.exceptions.ReauthFailError", "Reauthentication failed. Reauthentication challenge could not be "
     "answered because you are not in an interactive session.", R.auth),
    ("anthropic.AnthropicError", "Could not resolve a GCP access token from the configured Google credentials",
     R.auth),
    ("openai.OpenAIError", "Vertex token provider failed.", R.auth),
    ("openai.OpenAIError", "Failed to resolve a bearer credential for Bedrock.", R.auth),
    ("botocore.exceptions.RefreshWithMFAUnsupportedError", "Cannot refresh credentials: MFA token required.",
     R.auth),
    # a refusal notice, a relay key without the model, an API kept for paying accounts, an unreadable stream line
    ("Error", "Amp refused to respond to this prompt. This can happen when a model believes the prompt violates its "
     "content policy or safety guidelines, so rephrasing it can sometimes address the issue.",
     R.content_policy_blocked),
    ("Error", "Forbidden \u2013 key(请求的 key 后六位) not authorized to access the requested model.",
     R.model_not_found),
    ("Error", '{\n    "detail": "Sorry, you need to be a premium user to use MariTalk via API. Make sure that your '
     'account is active."\n}', R.billing),
    ("Error", "[API Error: Unexpected line format in response: ,]", R.malformed_response),
])
def test_holdout93_to_98_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 93 to 98 (the official SDKs' trackers and sources, the
    Google ecosystem, Azure and Bedrock, errors pasted in other languages, Q&A and documentation pages, coding agents),
    with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # the cloud SDKs' credential failures keep their reading when a wrapper re-raises them as a plain Exception
    ("Unable to locate authorization token", R.auth),
    ("Your session has expired or credentials have changed. Please reauthenticate using 'aws login'.", R.auth),
    ("Reauthentication failed. Reauthentication challenge could not be answered because you are not in an "
     "interactive session.", R.auth),
    ("Please run 'az login' to set up an account", R.auth),
    ("暂无权限使用\uff0c请在 AI Studio 正确获取访问令牌(access token)使用", R.auth),
    # urllib3's Retry that gave up on a status, inside requests' MaxRetryError
    ("HTTPSConnectionPool(host='example.openai.azure.com', port=443): Max retries exceeded with url: "
     "/openai/deployments/jamba/chat/completions (Caused by ResponseError('too many 429 error responses'))",
     R.rate_limit),
    # near miss: urllib3 giving up on a refused connection stays a transport fault
    ("HTTPSConnectionPool(host='api.openai.com', port=443): Max retries exceeded with url: /v1/chat/completions "
     "(Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new "
     "connection: [Errno 111] Connection refused'))", R.timeout),
])
def test_credential_and_retry_texts_keep_their_reading_without_their_class(text: str, expect: FailoverReason) -> None:
    assert _rules_alone("Exception", text) is expect


@pytest.mark.parametrize("text", [
    # agnai's real toast, as a logger that writes "Request failed: <message>" before it prints it: the reason phrase
    # after the second "request failed:" states the status, as it does alone
    "2025-06-01 12:34:56,789 - agent.loop - ERROR - Request failed: Failed to generate response: Kobold request "
    "failed: Unprocessable Entity",
    "Failed to generate response: Kobold request failed: Unprocessable Entity",
])
def test_a_reason_phrase_after_a_later_lead_states_the_status(text: str) -> None:
    assert _rules_alone("Error", text) is R.format_error


@pytest.mark.parametrize(("text", "expect"), [
    # a client that could not read or use what the provider sent back (misses of holdouts 52 to 98, read by no rule)
    ("Model output doesn't fit required format", R.malformed_response),  # n8n's structured output parser
    ("Failed to parse AI prediction after fallbacks", R.malformed_response),  # pr-agent over Ollama
    ("Retries exhausted and no valid response received. Final error: Failed to create valid JSON error.",
     R.malformed_response),  # Letta over DeepSeek
    ("Failed to get answer\n\nCaused by:\n    0: error decoding response body: EOF while parsing a value at line 1 "
     "column 0\n    1: EOF while parsing a value at line 1 column 0", R.malformed_response),  # aichat, reqwest
    ("AI provider response did not contain a supported completion text field:", R.malformed_response),  # duckdb
    ("发生错误: Incorrect response from OpenAI API", R.malformed_response),  # revChatGPT
])
def test_words_of_an_answer_the_client_could_not_read(text: str, expect: FailoverReason) -> None:
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize("text", [
    # near misses: an empty answer, a broken stream and a request's own format are no unreadable answer
    "Gemini returned an empty CRM parse response",
    "上游流式响应中断: error decoding response body",
    "Invalid response_format: json_schema is required",
    "Unexpected response_format type for this model",
])
def test_an_empty_answer_a_broken_stream_or_a_format_parameter_is_no_unreadable_answer(text: str) -> None:
    assert _rules_alone("Error", text) is not R.malformed_response


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # guardrails and word filters in their own words (LiteLLM's proxy guardrail docs, new-api, Sora)
    ("Error", "Violated Lasso guardrail policy", R.content_policy_blocked),
    ("Error", "Content violated promptinjectiondetection policy", R.content_policy_blocked),
    ("Error", "Content blocked: us_ssn pattern detected", R.content_policy_blocked),
    ("Error", "Upload may depict a realistic human. Please try again without humans in the frame.",
     R.content_policy_blocked),
    # a model an API surface, a lifecycle or an organisation's policy withholds
    ("Error", "400 FAILED_PRECONDITION: claude-sonnet-4-6 is not supported in the generateContent API.",
     R.model_not_found),
    ("Error", "Model zai-glm-4.7 is archived and unavailable for the organization.", R.model_not_found),
    ("Error", 'Model "claude-sonnet-4.5" is not available. It may be disabled by your organization\'s policy.',
     R.model_not_found),
    ("openai.BadRequestError", "Error code: 400 - {'error': {'message': 'model claude-sonnet-4.6 does not support "
     "Responses API.', 'code': 'unsupported_api_for_model'}}", R.model_not_found),
    # terms to accept, an organisation setting, a relay's upstream policy
    ("Error", "The model canopylabs/orpheus-arabic-saudi requires terms acceptance. Please have the org admin accept "
     "the terms at https://console.groq.com/playground", R.provider_policy_blocked),
    ("Error", "Traces ingestion is not permitted for zero data retention organizations.", R.provider_policy_blocked),
    # connections that ended before any answer, in the JVM's and a proxy's words
    ("java.lang.RuntimeException", "java.io.IOException: unexpected end of stream on https://api.openai.com/...",
     R.timeout),
    ("Error", "Connection prematurely closed BEFORE response", R.timeout),
    ("Error", "[non-fatal] Tracing: request failed: [Errno 99] Cannot assign requested address", R.timeout),
    ("Error", "upstream idle for 60000ms without data", R.timeout),
    # an answer no JSON reader could read, or no model class accepted
    ("java.lang.RuntimeException", "com.fasterxml.jackson.core.JsonParseException: Unexpected character ('<' (code "
     "60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
     R.malformed_response),
    ("System.Text.Json.JsonException", "'<' is an invalid start of a value. Path: $ | LineNumber: 0 | "
     "BytePositionInLine: 0.", R.malformed_response),
    ("System.Text.Json.JsonReaderException", "'d' is invalid after a property name. Expected a ':'. LineNumber: 0 | "
     "BytePositionInLine: 78.", R.malformed_response),
    ("ModelBehaviorError", "Invalid output type", R.malformed_response),
    ("pydantic_core._pydantic_core.ValidationError", "3 validation errors for ChatCompletion\nchoices.0.message."
     "tool_calls.0.ChatCompletionMessageFunctionToolCall.function.arguments\n  Input should be a valid string "
     "[type=string_type, input_value=None, input_type=NoneType]", R.malformed_response),
    ("Error", "Run failed: [openrouter] Error: 'choices'", R.malformed_response),
    ("Error", 'translate response parse: ResponseShape("missing choices[0]")', R.malformed_response),
    ("Error", "Response stopped due to unexpected tool call.", R.malformed_response),
    ("org.springframework.web.client.RestClientException", "Error while extracting response for type "
     "[org.springframework.ai.openai.api.OpenAiApi$ChatCompletion] and content type [text/html;charset=UTF-8]",
     R.malformed_response),
    # an empty answer, a cut answer
    ("Error", "OpenAI-compatible response content was empty", R.empty_response),
    ("Error", "模型流响应为空\uff0c请检查模型流输出是否正常", R.empty_response),
    ("Error", "No assistant message found", R.empty_response),
    ("Error", "The model response did not complete successfully.\nFinish reason: 2.\nFinish message: .",
     R.output_truncated),
    # tokens of a kind the service does not take; accounts locked until their owner acts
    ("Error", "Error: Your OAuth token is restricted to Claude Code and can't be used for external API calls.",
     R.auth),
    ("Error", "Failed to fetch models (8bd6): checking third-party user token: bad request: Personal Access Tokens are "
     "not supported for this endpoint", R.auth),
    ("Error", "Detected high-frequency non-compliant requests from you. Please consciously comply with the platform "
     "usage agreement. If you need to appeal, contact us through the official website channels.", R.auth_permanent),
    # sizes: a speech input's token cap, a transcription's length, a camel-cased output cap
    ("Error", "Input of 2132 tokens is over the maximum input limit of 2000 tokens. Please shorten your input.",
     R.context_overflow),
    ("Error", "audio duration 1830.530612 seconds is longer than 1400 seconds which is the maximum for this model",
     R.payload_too_large),
    ("Error", "Invalid 'maxTokens': Unsupported parameter: 'maxTokens' is not supported with this model. Use "
     "'maxCompletionTokens' instead.", R.max_tokens_unsupported),
    # a provider's code printed beside its message, and what a request holds that the service does not take
    ("Error", "Only a tool_choice of 'auto' is supported for this model. (type=invalid_request_error "
     "param=tool_choice)", R.format_error),
    ("Error", "Unsupported service_tier: flex (code=invalid_request_error)", R.format_error),
    ("Error", "Error from provider (Console Go): Upstream request failed: [invalid_request_error] `input[26]` missing "
     "required field `arguments`", R.format_error),
    ("Error", "[unsupported_tool_schema] The tool schema is not supported (unsupported_keyword)", R.format_error),
    ("AI_UnsupportedFunctionalityError", "'file part media type text/plain' functionality not supported.",
     R.format_error),
])
def test_holdout99_to_104_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 99 to 104 (the OpenAI and Anthropic heads, LiteLLM, agent
    harnesses, failures inside a 200, the weak classes), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # near misses: a Connect-RPC code in brackets around another error is not the provider's code; a validation error
    # for a request's class is the request's; a model's own "unexpected tool call id" is no bad call
    ('{"error":"ERROR_OPENAI","details":{"title":"Unable to reach the model provider","detail":"Provider did not send '
     'back a response. Empty provider response."}}\n[invalid_argument] Error', R.empty_response),
    ("1 validation error for ChatCompletionRequest\nmessages\n  Field required [type=missing]", R.format_error),
    # openai-python's ContentFilterFinishReasonError re-raised without its class: the filter, not the parse, failed
    ("Could not parse response content as the request was rejected by the content filter", R.content_policy_blocked),
])
def test_near_misses_of_holdout99_to_104_families(text: str, expect: FailoverReason) -> None:
    assert _rules_alone("Error", text) is expect


def test_a_browsers_blocked_mixed_content_request_is_no_content_block() -> None:
    """Chrome's console wording for a request it refused over plain HTTP holds "blocked" and "content", not the
    guardrails' "content blocked"."""
    text = ("Mixed Content: The page at 'https://chat.example.com/' was loaded over HTTPS, but requested an insecure "
            "XMLHttpRequest endpoint 'http://192.168.1.5:11434/api/chat'. This request has been blocked; the content "
            "must be served over HTTPS.")
    assert _rules_alone("Error", text) is not R.content_policy_blocked
    assert _rules_alone("Error", "Content blocked: us_ssn pattern detected") is R.content_policy_blocked


_TOOL_USE_CUT = {  # https://github.com/sublayerapp/sublayer/issues/55
    "id": "msg_01PW4FnezzdiSxTHjvBovGnT", "type": "message", "role": "assistant", "model": "claude-3-haiku-20240307",
    "content": [{"type": "tool_use", "id": "toolu_01FRU2kSmDR5UGd6sXS8R8iA", "name": "move_helpers_inline",
                 "input": {}}],
    "stop_reason": "max_tokens", "stop_sequence": None, "usage": {"input_tokens": 4530, "output_tokens": 4094}}
_TEXT_CUT = {**_TOOL_USE_CUT, "content": [{"type": "text", "text": "The helpers can be moved inline by"}]}
# Built after the documented chat.completion shape (no paste of one was found): the chat twin of _TOOL_USE_CUT.
_CHAT_TOOL_CALL_CUT = {
    "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o",
    "choices": [{"index": 0, "finish_reason": "length", "message": {
        "role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function", "function": {
            "name": "write_file", "arguments": '{"path": "a.py", "con'}}]}}],
    "usage": {"prompt_tokens": 10, "completion_tokens": 4096, "total_tokens": 4106}}
_RUN = {  # https://github.com/openai/openai-python/issues/1407 (trimmed)
    "id": "run_t7khKpQ2vvQJAnO3mJcRa47Y", "object": "thread.run", "created_at": 1715252643,
    "assistant_id": "asst_7HoUHfUXf8KPJQaetjN5suKP", "thread_id": "thread_9JfoNfFWttmyx9GSHVi6T9Gd",
    "status": "incomplete", "last_error": None, "incomplete_details": {"reason": "max_prompt_tokens"},
    "max_prompt_tokens": 2000}


@pytest.mark.parametrize(("outcome", "expect"), [
    # the output budget ran out inside a tool call: the call is unfinished, whatever the API
    (lambda: response_from_http("anthropic", _TOOL_USE_CUT), R.output_truncated),
    (lambda: response_from_http("openai", _CHAT_TOOL_CALL_CUT), R.output_truncated),
    # an Assistants run that ended on its prompt cap, or failed with its error
    (lambda: outcome_from_event(_RUN), R.context_overflow),
    (lambda: outcome_from_event({**_RUN, "incomplete_details": {"reason": "max_completion_tokens"}}),
     R.output_truncated),
    (lambda: outcome_from_event({**_RUN, "status": "failed", "incomplete_details": None, "last_error": {
        "code": "rate_limit_exceeded", "message": "Rate limit reached for gpt-4o"}}), R.rate_limit),
    # a Gemini answer as google-genai's Python models dump it (ADK's log: https://github.com/google/adk-python/issues/532):
    # usage and no candidate generated nothing; a snake_case block reason is a block
    (lambda: outcome_from_event({"model_version": "gemini-2.5-pro-preview-03-25", "usage_metadata": {
        "prompt_token_count": 9314, "total_token_count": 9314}, "automatic_function_calling_history": []}),
     R.empty_response),
    (lambda: outcome_from_event({"prompt_feedback": {"block_reason": "PROHIBITED_CONTENT"}, "usage_metadata": {
        "prompt_token_count": 12}}), R.content_policy_blocked),
])
def test_200_answers_cut_inside_a_tool_call_or_a_run_cap(outcome: Any, expect: FailoverReason) -> None:
    c = classify_soft_failure(outcome())
    assert c is not None and c.reason is expect


@pytest.mark.parametrize("outcome", [
    # near misses: text cut at max_tokens is delivered (marked truncated by the loop), a completed run is a success
    lambda: response_from_http("anthropic", _TEXT_CUT),
    lambda: outcome_from_event({**_RUN, "status": "completed", "incomplete_details": None}),
])
def test_text_cut_at_the_budget_and_a_completed_run_are_no_failures(outcome: Any) -> None:
    assert classify_soft_failure(outcome()) is None


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # images over a per-request pixel or byte cap
    ("ValidationException", "image exceed max allowed size for many-image requests: 2000 pixels", R.image_too_large),
    ("Error", "Error code: 400 - {'errors': {'message': 'input size exceed limit 2048x2048,current input:(1080,2376)', "
     "'request_id': '576dcaf1'}}", R.image_too_large),
    ("Error", '400 Bad Request "{\\"error\\":{\\"code\\":\\"InvalidParameter.OversizeImage\\",\\"message\\":\\"The '
     'request failed because the size of the input image (14 MB) exceeds the limit (10 MB).\\",\\"param\\":\\"image_url'
     '\\",\\"type\\":\\"BadRequest\\"}}"', R.image_too_large),
    # allowances that must be bought or renewed, caps that reset only next month or billing cycle
    ("Error", "Your access has been restricted. You must purchase a paid subscription to continue using Augment.",
     R.billing),
    ("Error", "You've reached your trial request limit", R.billing),
    ("Error", "I'm sorry, I can't complete that request. You've reached the monthly token limit. Your token limit "
     "resets on ...", R.billing),
    ("ModelArts.81022", "Your Token plan quota has been exhausted. You can upgrade to a higher-tier plan or wait for "
     "the quota reset in the next billing cycle.", R.billing),
    ("ModelArts.81021", "Your Token plan subscription is frozen.", R.billing),
    ("HttpRateLimitError", "Rate limit exceeded: HTTP 429 Too Many Requests (code: credit_balance_exhausted)",
     R.billing),
    ("Error", "利用制限に達しました。続行するにはプランをアップグレードするか、"
     "クレジットを追加してください。", R.billing),
    ("Error", "You've hit your free requests limit. Upgrade to Pro for more usage, frontier models, Background Agents, "
     "and more. Your usage limits will reset when your monthly cycle ends on 8/24/2025", R.billing),
    # a per-minute quota is a throttle
    ("Error", "Too Many Requests - You exceeded your current quota of requests/tokens per minute", R.rate_limit),
    # credentials a client could not find or use; accounts shut off
    ("Error", "ManagedIdentityCredential.get_token failed: (None) No User Assigned or Delegated Managed Identity found "
     "for specified ClientId/ResourceId/PrincipalId.", R.auth),
    ("Error", "You need to be signed in to Ollama to run Cloud models.\n\nTo sign in, navigate to:", R.auth),
    ("google.auth.exceptions.GoogleAuthError", "Unable to find your project. Please provide a project ID by:\n- "
     "Passing a constructor argument", R.auth),
    ("litellm.APIConnectionError", 'litellm.APIConnectionError: Ollama_chatException - {"error": "unauthorized"}',
     R.auth),
    ("ModelArts.81023", "The account is blocked for token plan.", R.auth_permanent),
    # models an organisation or account may not use, or a gateway does not serve
    ("Error", "The model `groq/compound` is blocked at the organization level. Please have the org admin enable this "
     "model in the org settings", R.model_not_found),
    ("Error", "Request failed with error: ErrorStatus(400, \"{\\\"error\\\":\\\"Invalid request: the requested "
     "planning model (claude-3-5-sonnet) is not allowed for your account\\\"}\")", R.model_not_found),
    ("Error", "Model 'gpt-4' is not available. Use /v1/models to see available models.", R.model_not_found),
    ("Error", '{"error":{"message":"Chat template error: Cannot use chat template functions because '
     'tokenizer.chat_template is not set and no template argument was passed!"}}', R.model_not_found),
    # tool calls of the model its server or client could not parse
    ("Error", 'Failed to regenerate message\nFailed to parse tool call: Expected "<|message|>", but got "to=function" '
     "at index 89.", R.malformed_response),
    ("Error", "The model's tool call could not be parsed (retry also failed).", R.malformed_response),
    # streams and sessions that broke off
    ("google.api_core.exceptions.Unknown", "None Stream removed", R.timeout),
    ("Error", "Error [ERR_HTTP2_ERROR]: Protocol error", R.timeout),
    ("Error", "Gemini Web API call failed: Stream interrupted or truncated.", R.stream_incomplete),
    # request defects: a status before Google's status name, a tool count, a blank field, a body the server could not
    # parse, referenced files too large
    ("Error", "Error from Gemini API: 400 INVALID_ARGUMENT. {'error': {'code': 400, 'message': \"For controlled "
     "generation of only function calls (forced function calling), please set 'tool_config.function_calling_config."
     "mode' field", R.format_error),
    ("Error", "Error: agent executor error: number of tools exceeds 128: number of tools exceeds 128", R.format_error),
    ("qianfan.errors.APIError", "api return error, req_id: as-3euhp023ev code: 336003, msg: function_call's name "
     "can't be blank", R.format_error),
    ("Error", "[LM STUDIO SERVER] Received request for /api/v1/chat with invalid JSON: Expected ',' or ']' after array "
     "element in JSON at position 150 (line 6 column 5)", R.format_error),
    ("ClientError", "400 INVALID_ARGUMENT. {'error': {'code': 400, 'message': \"The request's total referenced files "
     "bytes are too large to be read\", 'status': 'INVALID_ARGUMENT'}}", R.payload_too_large),
    # policies of an account type, a router, a country
    ("Error", "W&B Inference isn't available for personal accounts", R.provider_policy_blocked),
    ("Error", "当前账号、国家、地区或区域暂不支持 ChatGPT 订阅登录。", R.provider_policy_blocked),
    ("Error", "chat:LLM_model_response_empty", R.empty_response),
])
def test_holdout105_to_110_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 105 to 110 (the Google head, aggregators, self-hosted
    servers, Azure and Bedrock, the Chinese ecosystem, quotas and throttles), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # near misses: a status name glued to a longer word is no Google status; a count of tools the request may hold is
    # no defect; an ellipsis ends a word as a full stop does
    ("we have 404 NOT_FOUND_ITEMS in the index", R.unknown),
    ("Your account has been restricted\u2026", R.auth_permanent),
    ("You exceeded your current quota, please check your plan and billing details.", R.billing),
])
def test_near_misses_of_holdout105_to_110_families(text: str, expect: FailoverReason) -> None:
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # https://docs.requesty.ai (its router's error table, in the page's documented envelope)
    (412, {"error": {"origin": "router", "message": "Reached monthly spend limit for API key"}}, R.billing),
    (403, {"error": {"origin": "router", "message": "Provider blocked by policy"}}, R.provider_policy_blocked),
    # https://docs.warp.dev (its agent API's problem details)
    (403, {"type": "https://docs.warp.dev/reference/api-and-sdk/troubleshooting/errors/insufficient-credits",
           "title": "Your team has run out of add-on credits. Purchase more credits in your team's billing settings to "
                    "continue.", "status": 403, "error": "Your team has run out of add-on credits."}, R.billing),
])
def test_http_bodies_of_holdout105_to_110(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a feature of the request the model does not take is the request's; the model itself not enabled is the model's
    ("Error", "Thinking is not enabled for this model", R.format_error),
    ("Error", "Error: Media resolution is not enabled for models/gemma-3-27b-it", R.format_error),
    ("Error", "Citations cannot be enabled when output format is set", R.format_error),
    ("Error", "Duplicate tool names", R.format_error),
    ("Error", "Google Generative AI requires alternate messages between authors", R.format_error),
    ("ValueError", "contents are required.", R.format_error),
    # connections that could not be made (n8n's NodeApiError texts, a proxy, an HTTP/2 request, a gateway's upstream)
    ("NodeApiError", "The service refused the connection - perhaps it is offline", R.timeout),
    ("NodeApiError", "The DNS server returned an error, perhaps the server is offline", R.timeout),
    ("Error", "Proxy connection ended before receiving CONNECT response", R.timeout),
    ("Error", "Unexpected error: http2 request did not get a response", R.timeout),
    ("Error", "Sorry, the server did not receive a response from the upstream server. Please try again later.",
     R.timeout),
    # answers cut, empty, unreadable, or a stream without its end
    ("Error", "Model response was truncated because it exceeded the token limit. Try using /compress to free up "
     "context space.", R.output_truncated),
    ("Error", "The model hit its output limit while reasoning and produced no actionable output.", R.output_truncated),
    ("Error", "No chunks returned from Anthropic API.", R.empty_response),
    ("AI_NoContentGeneratedError", "No choice in OpenRouter completion response", R.empty_response),
    ("Error", "Error: JSON.parse: unexpected end of data at line 1 column 1 of the JSON data", R.malformed_response),
    ("LLMNoResponseError", "Responses stream finished without a completed response", R.stream_incomplete),
    # keys, refusals, policies, throttles, unknown models in apps' words
    ("Error", "Azure OpenAI API key or Token Provider not found", R.auth),
    ("Error", "unauthenticated:bad-credentials", R.auth),
    ("Exception", "Your prompt has been blocked by Bing. Try to change any bad words and try again.",
     R.content_policy_blocked),
    ("GatewayAccessPolicyDeniedError", "Access policy denied", R.provider_policy_blocked),
    ("Error", "Sorry, your request is too frequent and the server is a bit tired. Please try again later.",
     R.rate_limit),
    ("Error", "Something went wrong. Here's the specific error message we encountered: Illegal model request",
     R.model_not_found),
    # Japanese (LobeChat's ja-JP error messages): the same words as the Chinese cues read
    ("InsufficientQuota", "申し訳ありませんが、このキーのクォータが上限に達しました。アカウント残高が十分であることを"
     "確認するか、キーのクォータを増やして再試行してください。", R.billing),
    ("ExceededContextWindow", "現在のリクエスト内容がモデルが処理できる長さを超えています。内容を減らして再試行して"
     "ください。", R.context_overflow),
    ("LocationNotSupportError", "申し訳ありませんが、現在の場所ではこのモデルサービスを利用できません。",
     R.provider_policy_blocked),
    ("AccountDeactivated", "アカウントが無効化または一時停止されています。サポートにお問い合わせください。",
     R.auth_permanent),
    ("ProviderNetworkError", "プロバイダーへの接続がタイムアウトまたは切断されました。ネットワークを確認して再試行して"
     "ください。", R.timeout),
    ("ModelEmptyCompletion", "モデルプロバイダーから空の応答が返されました。", R.empty_response),
])
def test_holdout111_to_116_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 111 to 116 (Python frameworks, the JS/TS ecosystem, coding
    agents' transport, chat bots, the newest APIs, other languages), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # near misses: a request's "required key ... not found" is no missing API key; the model itself not enabled is
    # the model's; a chat not enabled for a model is the model's
    ("Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.",
     R.format_error),
    ("Request failed: The specified model is not enabled for this mode or does not exist", R.model_not_found),
    ("[400 Bad Request] Multiturn chat is not enabled for models/gemini-1.0-pro-vision", R.model_not_found),
])
def test_near_misses_of_holdout111_to_116_families(text: str, expect: FailoverReason) -> None:
    assert _rules_alone("Error", text) is expect


def test_an_aggregators_bare_upstream_error_does_not_rotate_the_key() -> None:
    """OpenRouter's "Provider returned error" with nothing else (https://github.com/digiogithub/pando/issues/8: the
    message alone, its 429 and metadata lost; https://github.com/cline/cline/issues/813 and four more threads: an
    upstream outage) is the upstream's failure: like the table's aggregator_upstream_limit it backs off (or falls
    back) without cooling the user's healthy key (issue 9, section 3)."""
    c = classify_api_error(exception_from_message("Error", "Provider returned error"), provider="openrouter")
    assert c.reason is R.server_error and c.rule == "aggregator_upstream_failed"
    assert c.scope is Scope.endpoint and not c.should_rotate_credential
    # near miss: a provider's own throttle, read by the same index, still cools the key that hit it
    own = classify_api_error(exception_from_message("Error", "Rate limit reached for requests"), provider="openai")
    assert own.reason is R.rate_limit and own.should_rotate_credential


@pytest.mark.parametrize(("text", "expect"), [
    # providers' own words for a request's shape, pasted without their status or body (the messages of corpus answers)
    ("Cannot have 2 or more assistant messages at the end of the list.", R.format_error),
    ("A maximum of 4 blocks with cache_control may be provided. Found 5.", R.format_error),
    ("top_logprobs requires logprobs to be set to true", R.format_error),
    ("Duplicate item found with id tsc_077457e6. Remove duplicate items from your input and try again.",
     R.format_error),
    ("messages: missing content", R.format_error),
    ("Decimal above maximum value. Expected a value between 0 and 1, but got 100 instead.", R.format_error),
    # near misses: a missing key is the key's; "this model" not supporting a feature stays unread
    ("Missing API key. Set OPENAI_API_KEY or pass api_key.", R.auth),
    ("Inference is not supported for this model", R.unknown),
])
def test_a_requests_shape_in_a_providers_words_without_its_status(text: str, expect: FailoverReason) -> None:
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # transport faults in other clients' words: the JDK HttpClient (https://github.com/spring-projects/spring-ai),
    # Android's DNS, curl's HTTP/2 teardown, TLS connect and proxy tunnel (curl_cffi:
    # https://github.com/KoushikNavuluri/Claude-API/issues/74)
    ("java.io.IOException", "HTTP/1.1 header parser received no bytes", R.timeout),
    ("java.net.UnknownHostException", 'Unable to resolve host "api.openai.com": No address associated with hostname',
     R.timeout),
    ("curl_cffi.curl.CurlError",
     "Failed to perform, ErrCode: 92, Reason: 'HTTP/2 stream 0 was not closed cleanly: PROTOCOL_ERROR (err 1)'",
     R.timeout),
    ("curl_cffi.requests.errors.RequestsError",
     "Failed to perform, ErrCode: 35, Reason: 'BoringSSL SSL_connect: SSL_ERROR_SYSCALL in connection to "
     "anthropic.com:443 '", R.timeout),
    # Envoy's other reset reasons: the provider's upstream is down
    ("Error", "upstream connect error or disconnect/reset before headers. reset reason: protocol error",
     R.server_error),
    ("Error", "upstream connect error or disconnect/reset before headers. retried and the latest reset reason: "
     "connection failure, transport failure reason: delayed connect error: 111", R.server_error),
    # streams cut short: the AWS event-stream decoder, Reactor Netty, Claude Code
    ("Error", "Error processing Bedrock stream: Truncated event message received", R.stream_incomplete),
    ("WebClientResponseException", "200 OK from POST https://api.deepseek.com/chat/completions, but response failed "
     "with cause: reactor.netty.http.client.PrematureCloseException: Connection prematurely closed DURING response",
     R.stream_incomplete),
    # empty answers in clients' words
    ("Error", "Void: Response from model was empty.", R.empty_response),
    ("Error", "Assistant returned empty stop after retry cap; try switching models", R.empty_response),
    ("Error", "Could not extract reply in 5 attempts. Try generating again", R.empty_response),
    ("MismatchedInputException", 'No content to map due to end-of-input[Source: (String)""; line: 1]',
     R.empty_response),
    # answers a client's reader refused: serde, Jackson, Swift, LangChain, Dify's Python plugins, Google's JS SDK
    ("Error", 'Error parsing JSON: Error("data did not match any variant of untagged enum Part", line: 1, column: '
     '128)', R.malformed_response),
    ("Error", "Unrecognized token 'data': was expecting (JSON String, Number, Array, Object or token 'null', 'true' "
     "or 'false')", R.malformed_response),
    ("Error", "The data couldn\u2019t be read because it isn\u2019t in the correct format.", R.malformed_response),
    ("TypeError", "Received response with null value for `choices`.", R.malformed_response),
    ("Error", "[anthropic] Error: '>' not supported between instances of 'NoneType' and 'int'", R.malformed_response),
    ("PluginInvokeError", 'PluginInvokeError: {"args":{},"error_type":"TypeError","message":"\'NoneType\' object is '
     'not iterable"}', R.malformed_response),
    ("Error", "[GoogleGenerativeAI Error]: Failed to parse stream", R.malformed_response),
    # content filters and safeguards
    ("Error", "API Error: Fable 5.1's safeguards flagged this message (https://www.anthropic.com/legal/aup).",
     R.content_policy_blocked),
    ("Error", "Potential NSFW content was detected in one or more images. A black image will be returned instead.",
     R.content_policy_blocked),
    ("ValueError", "Image did not respect moderation rules; base64 is not available.", R.content_policy_blocked),
    ("ValueError", "The `GenerateContentResponse::parts()` quick accessor only works for a single candidate,but none "
     "were returned. Check the `GenerateContentResponse::$promptFeedback` to see if the prompt was blocked.",
     R.content_policy_blocked),
    # where and who may call: a country, a data centre, a verification, Vertex's data-sharing consent
    ("Error", "Error getting a new session, If this error persists, your country may not be supported yet.",
     R.provider_policy_blocked),
    ("Error", "API Error: 400 Identity verification is required to continue.", R.provider_policy_blocked),
    # keys, accounts, plans and models
    ("Error", "Your ANTHROPIC_API_KEY belongs to a disabled organization \u00b7 Update or unset the environment "
     "variable", R.auth_permanent),
    ("Error", "No key found. Please provide a key and try again.", R.auth),
    ("Error", "You are not allowed to sample from this model", R.model_not_found),
    ("Error", "Claude Opus is not available with the Claude Pro plan. If you have updated your subscription plan "
     "recently, run /logout and /login for the plan to take effect.", R.model_not_found),
    ("Error", '"API Key 不允许使用该模型"', R.model_not_found),
    ("ValidationError", "An error occurred (ValidationError) when calling the InvokeEndpoint operation: Endpoint "
     "huggingface-xyz of account 123 not found.", R.model_not_found),
    ("ValueError", 'Ollama call failed with status code 500. Details: {"error": "llama runner process has terminated: '
     'cudaMalloc failed: out of memory"}', R.model_not_found),
    ("Error", "Opus is experiencing high load, please use /model to switch to Sonnet", R.overloaded),
    # request defects: a value outside its list, a keyword the client's method does not take, a parameter the model
    # does not take, media over the request's limit, a reasoning history to keep
    ("Error", "API Error: 400 Upstream provider GROQ returned HTTP 400.\nCategory: invalid_request_error\nMapped "
     "message: Invalid request sent to provider.\n\nUpstream error:\n{\"message\":\"`reasoning_effort` must be one "
     "of `none` or `default`\",\"type\":\"invalid_request_error\"}", R.format_error),
    ("litellm.InternalServerError", "litellm.InternalServerError: InternalServerError: OpenAIException - "
     "AsyncCompletions.create() got an unexpected keyword argument 'reasoning_effort'.", R.format_error),
    ("Error", "non-reasoning model does not support reasoning_effort", R.format_error),
    ("Error", "400 a request carries at most 20 images. (param: body)", R.payload_too_large),
    ("Error", "ERR_FR_MAX_BODY_LENGTH_EXCEEDED", R.payload_too_large),
    ("Error", "Gemini models require OpenRouter reasoning details to be preserved in each request",
     R.thinking_signature),
])
def test_holdout117_to_123_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 117 to 123 (secondary providers, IDE extensions, the weak
    classes, request defects, workflow platforms, transport faults, Claude Code's own texts), with real shapes (the
    rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # near misses: a guessed load behind a timeout stays a timeout; a request that is empty is no empty answer; a
    # request's own JSON a server could not parse is the request's; a model a caller names "high load" about in
    # passing is no capacity notice; a list of models a key may use is no refusal
    ("ApiError", "Request timed out. The AI service may be experiencing high load.", R.timeout),
    ("Error", "Request body was empty", R.unknown),
    ("Error", "Failed to parse the request body as JSON: messages[0].content: missing field", R.format_error),
    ("Error", "you do not support reasoning models", R.unknown),
    ("Error", "Envoy: upstream connect error or disconnect/reset before headers. reset reason: overflow",
     R.overloaded),
])
def test_near_misses_of_holdout117_to_123_families(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("api", "status", "body", "expect"), [
    # https://github.com/zed-industries/zed (451 Unavailable For Legal Reasons from its cloud): the caller's place
    ("openai", 451, {"error": {"message": "Access to Anthropic models is not available from this data center (HKG)"}},
     R.provider_policy_blocked),
    # near miss of the status rule: a 451 with no words at all is still a legal block, not a request defect
    ("openai", 451, {"error": {"message": "Unavailable For Legal Reasons"}}, R.provider_policy_blocked),
    # Azure OpenAI's retired model (https://github.com/epam/ai-dial-core)
    ("openai", 410, {"error": {"code": "ModelDeprecated", "message": "The model associated with the deployment is "
                               "deprecated and no longer available for use."}}, R.model_not_found),
    # Anthropic's media limit (https://github.com/open-webui/open-webui)
    ("anthropic", 400, {"type": "error", "error": {"type": "invalid_request_error",
                                                   "message": "Too much media: 0 document pages + 103 images > 100"}},
     R.payload_too_large),
    # Vertex's data-sharing consent, under its 403
    ("openai", 403, {"error": {"code": 403, "status": "PERMISSION_DENIED", "message": "Access to this model requires "
                               "data sharing to be enabled for publisher 'anthropic'."}}, R.provider_policy_blocked),
])
def test_holdout117_to_123_http_families(api: Any, status: int, body: Any, expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http(api, status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # answers a client could not read: openai-node's stream helper (https://github.com/danny-avila/LibreChat/issues/
    # 1221), a Rust client's SSE reader, GPT-Load's upstream_protocol_error, the AI SDK's schema check refusing a
    # chunk it does not know (an Anthropic event on a chat stream, a relay's billing summary: the words of the value
    # are no request defect and no bill; https://github.com/Kilo-Org/kilocode)
    ("Error", "missing role for choice 0", R.malformed_response),
    ("Streaming", "failed to parse SSE data: missing field `choices`", R.malformed_response),
    ("Error", "Upstream returned an unsupported response.", R.malformed_response),
    ("AI_TypeValidationError", 'AI_TypeValidationError: Type validation failed: Value: {"type":"content_block_stop",'
     '"index":0}.\nError message: [{"code":"invalid_union","errors":[[{"expected":"array","code":"invalid_type",'
     '"path":["choices"],"message":"Invalid input: expected array, received undefined"}]],"path":[],'
     '"message":"Invalid input"}]', R.malformed_response),
    ("UnknownError", 'Type validation failed: Value: {"billing":{"source":"request","occurred_month":"2026-07",'
     '"cost_cny":{"input":"0.1103","total":"0.1126"}}}.\nError message: [{"code":"invalid_union","message":'
     '"Invalid input"}]', R.malformed_response),
    # streams cut: GPT-Load's upstream_stream_terminated, pi-ai's abort stop (https://github.com/openclaw/openclaw/
    # issues/18453)
    ("Error", "Upstream stream terminated before completion.", R.stream_incomplete),
    ("Error", "Unhandled stop reason: abort", R.stream_incomplete),
    # a content stop pi-ai does not know (https://github.com/openclaw/openclaw/pull/43615)
    ("Error", "Unhandled stop reason: sensitive", R.content_policy_blocked),
    # hermes-agent out of compression passes; its status line after connection failures
    ("Error", "Max compression attempts (3) reached.", R.context_overflow),
    ("Error", "\U0001f501 Transient APIConnectionError on custom \u2014 rebuilt client, waiting 6s before one last "
     "primary attempt.", R.timeout),
    # LiteLLM's InternalServerError around the OpenAI client's failed connection (its 500 is LiteLLM's own)
    ("litellm.InternalServerError", "litellm.InternalServerError: InternalServerError: Lm_studioException - "
     "Connection error.", R.timeout),
    # an expired sign-in (OpenClaw), a request OpenClaw says the provider rejected for its shape
    ("Error", "\u26a0\ufe0f Model login expired on the gateway for claude-cli. Re-auth with `openclaw models auth "
     "login --provider claude-cli`, then try again.", R.auth),
    ("Error", "LLM request failed: provider rejected the request schema or tool payload.", R.format_error),
    # credits under a 404 (Nous Portal), a Cloudflare challenge a relay reports
    ("Error", "HTTP 404: requires available credits", R.billing),
    ("Error", "upstream server error: Cloudflare \u5b89\u5168\u9a8c\u8bc1\u9875\uff08ray=XXXXX, zone=chatgpt.com\uff09"
     " [kind=cloudflare_challenge, cf_ray=XXXXX-NRT]", R.provider_policy_blocked),
])
def test_holdout124_to_126_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 124 to 126 (the OpenAI and Anthropic head, chat apps,
    agent harnesses and relays), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # near misses: the AI SDK's schema check around an error event still reads the event; LiteLLM's 500 with no
    # connection words stays the server's; a normal stop pi-ai refuses is no content block
    ("AI_TypeValidationError", 'AI_TypeValidationError: Type validation failed: Value: {"type":"error","error":'
     '{"type":"overloaded_error","message":"Overloaded"}}', R.overloaded),
    ("litellm.InternalServerError", "litellm.InternalServerError: InternalServerError: OpenAIException - "
     "Internal server error", R.server_error),
    ("Error", "Unhandled stop reason: end_turn", R.unknown),
])
def test_near_misses_of_holdout124_to_126_families(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("api", "status", "body", "expect"), [
    # Cloudflare's browser-signature ban in front of a router (https://github.com/NousResearch/hermes-agent), and its
    # firewall rule: the route refuses this client, not the key
    ("openai", 403, "error code: 1010", R.provider_policy_blocked),
    ("openai", 403, "error code: 1020", R.provider_policy_blocked),
    # a relay group restricted to one client, under a 503 (sub2api)
    ("anthropic", 503, {"type": "error", "error": {"type": "api_error", "message": "No available accounts: this group "
                                                   "only allows Claude Code clients"}}, R.provider_policy_blocked),
    # near miss: Cloudflare's rate limit code stays a rate limit
    ("openai", 429, "error code: 1015", R.rate_limit),
])
def test_holdout124_to_126_http_families(api: Any, status: int, body: Any, expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http(api, status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a model that needs another client or server version (https://github.com/Kilo-Org/kilocode, Semantic Kernel's
    # Ollama), one a local server does not know (Xinference)
    ("Error", "This model requires Kilo v7 or newer. Please upgrade Kilo and try again", R.model_not_found),
    ("Error", "{\n    \"error\": \"'llama3.2-vision' is no longer compatible with your version of Ollama and has been "
     "replaced by a newer version. To re-download, run 'ollama pull llama3.2-vision'\"\n}", R.model_not_found),
    ("Error", "Server error: 400 - [address=0.0.0.0:39049, pid=253761] Unrecognized model", R.model_not_found),
    # an account type a service does not serve (CopilotChat.nvim)
    ("Error", "Failed to get response: {\n  \"error\": {\n    \"code\": \"unauthorized\",\n    \"message\": \"Your "
     "account type is not currently supported\"\n  }\n}", R.provider_policy_blocked),
    # FastAPI's OAuth2 refusal (Xinference), a client's line for a 401 (CopilotChat.nvim)
    ("Error", "Could not validate credentials", R.auth),
    ("Error", "Failed to authenticate 401", R.auth),
    # Bedrock's service quota in Roo Code's words: a per-account throttle
    ("Error", "Error: Service quota exceeded. This error indicates you've reached AWS service limits.\n\nPlease try:\n"
     "1. Contact AWS support to request a quota increase\n2. Reduce request frequency temporarily", R.rate_limit),
    # no serving slot (Xinference)
    ("RuntimeError", "Failed to launch model, detail: [address=0.0.0.0:56145, pid=108] No available slot found for "
     "the model", R.overloaded),
    # streams that broke: google-generativeai, hermes-agent, LibreChat over TabbyAPI
    ("BrokenResponseError", "Can not build a coherent char history after a broken streaming response (See the "
     "previous Exception fro details). To inspect the last response object, use `chat.last`.", R.stream_incomplete),
    ("Error", "Responses create(stream=True) fallback did not emit a terminal response.", R.stream_incomplete),
    ("Error", "Something went wrong. Here's the specific error message we encountered: The response is incomplete; "
     "it's either still processing, was cancelled, or censored. Refresh or try a different prompt.",
     R.stream_incomplete),
    # answers or events a client could not read: GitHub's app, the OpenAI .NET SDK over LocalAI, Mistral's SDK
    ("Error", "Error: Failed to parse Anthropic message stream event:\nEOF while parsing a value at line 1 column 0",
     R.malformed_response),
    ("ArgumentOutOfRangeException", "Unknown ChatFinishReason value. (Parameter 'value') Actual value was .",
     R.malformed_response),
    ("Error", "Error: API error from devstral-ghdc (model: devstral-s-2-24b): 2 validation errors for Unmarshaller\n"
     "body.data.choices.0.delta.tool_calls.nullable[list[ToolCall]].0.function.name\n  Input should be a valid string "
     "[type=string_type, input_value=None, input_type=NoneType]", R.malformed_response),
    # a model step with nothing in it (LlamaIndex)
    ("workflows.errors.WorkflowRuntimeError", "Error in step 'run_agent_step': Got empty message", R.empty_response),
    # request defects: vLLM's placeholders, Ollama's one image per message, Spring's WebClient status line
    ("ValueError", "Attempted to assign 462 = 462 multimodal tokens to 463 placeholders", R.format_error),
    ("ResponseError", "Error during chat: ResponseError: vision model only supports a single image per message",
     R.format_error),
    ("Error", "ollama 400 BAD_REQUEST from POST", R.format_error),
    # httpx's ConnectTimeout inside a relay's 500 (uni-api)
    ("Error", "Error 500 with provider vertex API key: None: Unknown error: ConnectTimeout", R.timeout),
])
def test_holdout127_to_133_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 127 to 133 (the head 2025-26, hosted providers, coding
    agents, failures in a stream, local servers, frameworks, AI gateways), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # near miss: a response said to be complete is no cut stream
    ("Error", "The response is complete.", R.unknown),
])
def test_near_misses_of_holdout127_to_133_families(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("api", "status", "body", "expect"), [
    # Chutes' own details (https://github.com/chutesai/chutes-api): a model switched off for everyone, no capacity left
    ("openai", 429, {"detail": "model is under maintenance"}, R.overloaded),
    ("openai", 500, {"detail": "No infrastructure available to serve request"}, R.overloaded),
    # OpenCode Zen's free tier refused to another client (https://github.com/Kilo-Org/kilocode/issues/13937)
    ("anthropic", 400, {"type": "error", "error": {"type": "MissingSessionID", "message": "Error from provider "
                                                   "(Console): OpenCode's free tier can only be used in OpenCode"}},
     R.provider_policy_blocked),
])
def test_holdout127_to_133_http_families(api: Any, status: int, body: Any, expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http(api, status, body), word_model=NO_MODEL).reason is expect


_REFUSAL_CHUNK = {  # https://github.com/Mirascope/mirascope (a recorded gpt-4o structured-output stream)
    "id": "chatcmpl-CoDWxLsl1kVbpr74j0IN577ELqIIt", "object": "chat.completion.chunk", "created": 1766084447,
    "model": "gpt-4o-2024-08-06", "choices": [{"index": 0, "delta": {"refusal": "I'm"}, "logprobs": None,
                                                 "finish_reason": None}]}
_GROK_STREAM_ERROR = {"result": {"response": {  # grok.com's stream line through a relay (grok2api)
    "error": {"message": "Stream aborted by server or connection error: Status { code: ResourceExhausted, message: "
              "\"Admission denied by perf_based_admission_controller: load_shed_probability=0.848480, "
              "soft_limit_metric=prefill_queued_to_running, hard_limit_metric=none\", source: None } (is_first_token: "
              "true)",
              "modelNotAvailable": {}, "severity": "STREAM_ERROR_SEVERITY_NORMAL"},
    "isThinking": False, "isSoftStop": False, "responseId": "2d9c0f5e-7b1d-4fd7-9d65-8c84c2fc9420"}}}


@pytest.mark.parametrize(("event", "expect"), [
    (_REFUSAL_CHUNK, R.content_policy_blocked),
    (_GROK_STREAM_ERROR, R.overloaded),
    # near misses: a chunk whose refusal is null carries text; a wrapped line with no error is a token
    ({**_REFUSAL_CHUNK, "choices": [{"index": 0, "delta": {"content": "Hi", "refusal": None}, "finish_reason": None}]},
     None),
    ({"result": {"response": {"token": "Hi", "isThinking": False, "responseId": "2d9c0f5e"}}}, None),
])
def test_a_refusal_chunk_and_an_error_two_wrappers_down(event: dict[str, Any], expect: FailoverReason | None) -> None:
    c = classify_soft_failure(outcome_from_event(event), word_model=NO_MODEL)
    assert (c.reason if c else None) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # an embedding batch or text over its token limit (Voyage through aichat, Jina through autoflow)
    ("Error", "Request to model 'voyage-large-2-instruct' failed. The max allowed tokens per submitted batch is "
     "120000. Your batch has 121138 tokens after truncation.", R.context_overflow),
    ("RuntimeError", "Single text cannot exceed 8192 tokens. 9237 tokens given.", R.context_overflow),
    # a Responses stream with no terminal event; an embeddings answer with no vectors
    ("Error", "OpenAI agent loop failed: OpenAI API call failed: stream finished without response.completed event",
     R.stream_incomplete),
    ("ValueError", "No embedding data received", R.empty_response),
    # an audio upload a service cannot read; a rerank request over its document cap (Qianfan through FastGPT)
    ("Exception", "External: Audio file might be corrupted or unsupported", R.format_error),
    ("Error", "api request req_id: as-iy3zuhyrdn failed with error code: 336221, err msg: max number of documents is "
     "64, please check https://cloud.baidu.com/doc/WENXINWORKSHOP/s/tlmyncueh", R.format_error),
    # Imagen's paid-only gate, under Google's INVALID_ARGUMENT
    ("ApiError", '{"error":{"code":400,"message":"Imagen API is only accessible to billed users at this time.",'
     '"status":"INVALID_ARGUMENT"}}', R.billing),
    # errors in other languages, as localized apps print them (LobeChat's, Roo Code's and Kilo Code's locales, Jan's)
    ("Error", "Извините, квота для этого ключа исчерпана. Пожалуйста, проверьте баланс вашего аккаунта или увеличьте "
     "квоту ключа.", R.billing),
    ("Error", "Превышен лимит скорости Cerebras API. Подождите перед отправкой следующего запроса.", R.rate_limit),
    ("Error", "Содержимое текущего запроса превышает длину, которую модель может обработать.", R.context_overflow),
    ("Error", "Извините, в вашем текущем местоположении эта модель недоступна.", R.provider_policy_blocked),
    ("Error", "Провайдер вернул некорректный ответ, который не удалось разобрать.", R.malformed_response),
    ("Error", "Cerebras API 인증에 실패했습니다. API 키가 유효하고 만료되지 않았는지 확인하세요.", R.auth),
    ("Error", "제공업체가 일시적으로 과부하 상태이거나 사용할 수 없습니다. 잠시 후 다시 시도하세요.", R.overloaded),
    ("Error", "귀하의 계정이 비활성화되었거나 정지되었습니다.", R.auth_permanent),
    ("Error", "죄송합니다. 요청한 모델을 찾을 수 없습니다.", R.model_not_found),
    ("Error", "(생각 완료, 안전 설정으로 출력 차단됨)", R.content_policy_blocked),
    ("Error", "A conexão com o provedor expirou ou foi interrompida. Por favor, verifique sua rede e tente novamente.",
     R.timeout),
    ("Error", "Desculpe, o conteúdo foi rejeitado pelo filtro de segurança do provedor.", R.content_policy_blocked),
    ("Error", "Desculpe, o provedor rejeitou a solicitação por estar malformada.", R.format_error),
    ("Error", "Lo sentimos, el uso de tokens o el número de solicitudes ha alcanzado el límite de cuota para esta "
     "clave.", R.rate_limit),
    ("Error", "Entschuldigung, der Proxy oder Router hat keinen verfügbaren Kanal für das angeforderte Modell.",
     R.model_not_found),
    ("Error", "Fehler beim Parsen des Nachrichtenchunks der Streaming-Anfrage. Bitte überprüfen Sie, ob die aktuelle "
     "API-Schnittstelle den Standardspezifikationen entspricht.", R.malformed_response),
    ("Error", "Dieser Chat erreicht das KI Speicher Limit. Wir können das Speicherfenster vergrößern (auch "
     "Kontextgröße genannt).", R.context_overflow),
    ("Error", "Nhà cung cấp đã chặn yêu cầu này hoặc kết quả của nó do vi phạm chính sách nội dung.",
     R.content_policy_blocked),
    ("Error", "Üzgünüz, bu hizmete erişim izniniz yok.", R.auth),
])
def test_holdout134_to_136_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 134 to 136 (2026 threads, the non-chat endpoints, other
    languages), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # near misses: a sentence in another language that names no failure kind stays unknown; a Russian account's
    # balance named beside a rate limit is still the bill (billing before rate words, as in English)
    ("Error", "Olá! Algo deu errado. Tente novamente.", R.unknown),
    ("Error", "Превышен лимит запросов: пополните баланс", R.billing),
])
def test_near_misses_of_holdout134_to_136_families(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("api", "status", "body", "expect"), [
    # fal's account locks (https://github.com/fal-ai): an empty balance is the bill, a staff lock the account's end
    ("openai", 403, {"detail": "User is locked. Reason: Exhausted balance. Top up your balance at "
                               "fal.ai/dashboard/billing."}, R.billing),
    ("openai", 403, {"detail": "User is locked. Reason: Admin lock. Please contact support@fal.ai"}, R.auth_permanent),
    # ElevenLabs: credits under a 401, heavy traffic under a 429
    ("openai", 401, {"detail": {"status": "quota_exceeded", "message": "This request exceeds your quota of 10000. "
                                "You have 0 credits remaining, while 91 credits are required for this request."}},
     R.billing),
    ("openai", 429, {"detail": {"status": "system_busy", "message": "We are sorry, the system is experiencing heavy "
                                "traffic, please try again. Higher subscriptions have higher priority."}},
     R.overloaded),
    # OpenAI's Files API
    ("openai", 400, {"error": {"message": "File is too large.", "type": "invalid_request_error", "param": None,
                               "code": None}}, R.payload_too_large),
    ("openai", 400, {"error": {"message": "You must verify a phone number before continuing.",
                               "type": "phone_number_required", "param": None, "code": "phone_number_required"}},
     R.provider_policy_blocked),
])
def test_holdout134_to_136_http_families(api: Any, status: int, body: Any, expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http(api, status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # other-language strings of apps the first fit never saw (Cherry Studio's, Chatbox's and LibreChat's locales):
    # without an accent ("Kontoguthaben aufgebraucht"), with the adjective before the key ("Недействительный
    # API-ключ!"), and French, which the first fit barely had
    ("Error", "Kontoguthaben aufgebraucht, bitte aufladen oder Anbieter wechseln", R.billing),
    ("Error", "Недействительный API-ключ!", R.auth),
    ("Error", "Fallo en la autenticación, revise si la clave API es correcta", R.auth),
    ("Error", "Échec de l'authentification, veuillez vérifier que votre clé API est correcte.", R.auth),
    ("Error", "La tasa de solicitudes excede el límite, inténtelo de nuevo más tarde", R.rate_limit),
    ("Error", "Erreur serveur, veuillez réessayer plus tard.", R.server_error),
    ("Error", "Service indisponible, veuillez réessayer plus tard.", R.overloaded),
    ("Error", "Le modèle n'existe pas ou la requête de chemin est incorrecte.", R.model_not_found),
    ("Error", "Inhalt wurde vom Sicherheitssystem blockiert, bitte ändern und erneut versuchen",
     R.content_policy_blocked),
    ("Error", "Anfrageinhalt zu groß, bitte verringern Sie die Datei- oder Textgröße", R.payload_too_large),
    ("Error", "\u0423 вас закончилась квота Chatbox AI на этот месяц.", R.billing),
    ("Error", "Sağlanan anahtar geçersiz. Lütfen bir anahtar sağlay\u0131n ve tekrar deneyin.", R.auth),
    # the AI SDK's classes for answers it could not use (opencode over llama.cpp and vLLM, https://github.com/vercel/ai)
    ("AI_InvalidResponseDataError", "Expected 'function.name' to be a string.", R.malformed_response),
    ("NoSuchToolError", "Model tried to call unavailable tool 'multi_tool_use.parallel'. Available tools: "
     "search_joke", R.malformed_response),
    # OpenCode Zen's free allowance, lifted only by a subscription
    ("Error", "Retrying in 51s · attempt 7\n\nFree limit reached\n\nSubscribe to OpenCode Go for reliable access to "
     "the best open-source models, starting at $5/month.", R.billing),
])
def test_holdout137_to_138_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 137 and 138 (other apps' locale strings, the head agents'
    late-2026 threads), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # near misses: the AI SDK's class around an empty answer stays empty; an English sentence no rule reads is not
    # searched for other languages' words into a verdict; English cue words decide before another language's
    ("InvalidResponseDataError", "Response contained no embeddings.", R.empty_response),
    ("Error", "Something unexpected happened, please retry", R.unknown),
    ("Error", "Invalid API key (saldo check skipped)", R.auth),
    # an English sentence is not searched for other languages' words ("I've" is no Turkish "ve")
    ("Error", "I've no idea why the saldo endpoint failed", R.unknown),
])
def test_near_misses_of_holdout137_to_138_families(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a client's own sentence that states the status after "code is" (https://github.com/869413421/wechatbot/issues/
    # 10: "gtp api status code not equals 200,code is 401")
    ("Error", "gtp request error: gtp api status code not equals 200,code is 401", R.auth),
    # near miss: "Code:" alone states no status (a gateway's own code before the upstream's answer:
    # https://github.com/laurent22/joplin/issues/16428); the upstream's 429 decides
    ("Error", "Code: 400\nError: Upstream returned 429", R.rate_limit),
])
def test_a_status_stated_after_code_is(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a free trial that is over (Copilot: https://github.com/microsoft/vscode/issues/309744)
    ("Error", "Error: Failed to fetch models (...): Copilot Pro trials have been temporarily paused. Please upgrade "
     "your account or revert to Copilot Free.", R.billing),
    # Claude Code on a subscription without usage credits for the 1M window: the standard window still serves
    ("Error", "API Error: Usage credits required for 1M context · turn on usage credits at claude.ai/settings/usage, "
     "or use --model to switch to standard context", R.oauth_long_context_beta_forbidden),
    # sign-in and key texts (LiteLLM over Featherless, IBM Cloud IAM, hermes-agent, Databricks' JWT check)
    ("Error", "You must be signed in to access this resource", R.auth),
    ("litellm.exceptions.BadRequestError", 'litellm.BadRequestError: watsonxException - {"errorCode":"BXNIM0415E",'
     '"errorMessage":"Provided API key could not be found."}', R.auth),
    ("Error", "agent init failed: No access token found for Nous Portal login.", R.auth),
    ("databricks.sdk.errors.platform.BadRequest", "io.jsonwebtoken.IncorrectClaimException: Expected aud claim to be: "
     ", but was: <UUID>.", R.auth),
    ("Error", "令牌分组 auto 已被禁用", R.auth_permanent),
    ("Error", "Chat paused: Sonnet 4.5's safety filters flagged this chat...", R.content_policy_blocked),
    # request defects: a tool cap, a server without its tool parser, openai-python 1.x called the 0.x way
    ("Error", "Sorry, your request failed. Please try again. Request id: 90ce57e3\n\nReason: You may not include "
     "more than 128 tools in your request.", R.format_error),
    ("Error", "Please launch the api_server with --tool-call-parser if you want to use tools.", R.format_error),
    ("openai.lib._old_api.APIRemovedInV1", "\n\nYou tried to access openai.ChatCompletion, but this is no longer "
     "supported in openai>=1.0.0 - see the README at https://github.com/openai/openai-python for the API.",
     R.format_error),
    # Databricks' ai_query states its endpoint's status after "failed with code"
    ("org.apache.spark.SparkException", "[REMOTE_FUNCTION_HTTP_FAILED_ERROR] The remote HTTP request failed with code "
     "404, and error message 'HTTP request failed with status: {\"error_code\":\"RESOURCE_DOES_NOT_EXIST\","
     "\"message\":\"Endpoint with name 'churn_endpoint' does not exist.\"}' SQLSTATE: 57012", R.model_not_found),
    ("Error", "PDF too large. Try reading the file a different way (e.g., extract text with a CLI tool).",
     R.payload_too_large),
    ("ApiError", "Unable to submit request because the mime_type: video/text/timestamp is not supported in "
     "`function_response.parts`.", R.multimodal_tool_content_unsupported),
    # answers no client could read, whatever class carries them
    ("ValueError", "Unable to parse tool parameter JSON from model. Please retry your request or adjust your prompt. "
     'Error: expected ident at line 1 column 11. JSON: {"city": INVALID_VALUE}', R.malformed_response),
    ("FormatException", "Search failed: Exception: Grok search failed: FormatException: Unexpected character (at "
     "character 1)\nevent: response.created\n^\n", R.malformed_response),
    ("SyntaxError", "Failed to parse JSONL", R.malformed_response),
    ("litellm.APIConnectionError", "litellm.APIConnectionError: Error parsing chunk: Expecting property name enclosed "
     "in double quotes: line 1 column 2 (char 1),\nReceived chunk: {", R.malformed_response),
    ("KeyError", "'content'", R.malformed_response),
    ("KeyError", "'choices'", R.malformed_response),
    # streams cut mid-answer (Go's net/http2, Chromium, hyper under reqwest, a stall guard after chunks)
    ("Error", "http2: response body closed", R.stream_incomplete),
    ("Error", "Failed to load resource: net::ERR_INVALID_CHUNKED_ENCODING", R.stream_incomplete),
    ("Error", 'Request failed with error: Transport(reqwest::Error { kind: Decode, source: hyper::Error(Body, Error { '
     'kind: Io(Custom { kind: BrokenPipe, error: "stream closed because of a broken pipe" }) }) })',
     R.stream_incomplete),
    ("Error", "[API Error: No stream activity for 120000ms after 19 chunks", R.stream_incomplete),
    # transport faults, before a login flow's "authentication failed" around them
    ("Error", 'Gemini authentication failed: failed to exchange token: Post "https://oauth2.googleapis.com/token": '
     "dial tcp 108.1.1.1:443: connectex: A connection attempt failed because the connected party did not properly "
     "respond after a period of time, or established connection failed because connected host has failed to respond.",
     R.timeout),
    ("Error", "<html><head><title>ERROR: The requested URL could not be retrieved</title></head></html>", R.timeout),
    ("Error", "E (52070) proxy: TLS handshake failed over proxy tunnel\nE (52080) llm: HTTP request failed: "
     "ESP_ERR_HTTP_CONNECT", R.timeout),
    ("Error", "network error: TlsInitializationFailed (gave up after 6 attempts)", R.timeout),
    # (read as the files label it since holdout316: a TLS session .NET could not set up, its inner exception saying
    # only that authentication failed, is a certificate the client does not trust; see test_holdout310_to_317)
    ("Microsoft.SemanticKernel.HttpOperationException", "The SSL connection could not be established, see inner "
     "exception.\n---> System.Security.Authentication.AuthenticationException: Authentication failed, see inner "
     "exception.", R.tls_untrusted),
])
def test_holdout139_to_144_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 139 to 144 (SDK repos, routers and local servers, agent
    harnesses, cloud platforms, failures inside a 200 and transport faults, hosted providers), with real shapes (the
    rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # near misses: a relay's raw error body after "Error parsing chunk" keeps its own reading
    # (https://github.com/tensorzero/tensorzero/pull/1893); a server that answered with its runner's broken pipe is the
    # server's fault, not a dropped connection; a KeyError whose text is more than a key is no verdict; a service
    # "no longer available" that names no model is no retired model
    ("Error", "Error from groq server: Error parsing chunk. Error: missing field `choices` at line 1 column 313\nRaw "
     'response: {"error":{"message":"Failed to call a function. Please adjust your prompt.","type":'
     '"invalid_request_error","code":"tool_use_failed"}}', R.format_error),
    ("Error", "Error code: 500 - llama runner process has terminated: signal: broken pipe", R.server_error),
    ("KeyError", "'content' was not found in the settings file", R.unknown),
    ("Error", "The service is no longer available in your region. Please switch to a supported region.", R.unknown),
])
def test_near_misses_of_holdout139_to_144_families(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("api", "status", "body", "expect"), [
    # 410 Gone that names a model (GitHub Models' brownout, a gateway's retired model) against one for a retired
    # parameter (xAI's live search): https://github.com/langgenius/dify-official-plugins/issues/2493
    ("openai", 410, {"error": {"code": "github_models_retirement_brownout", "message": "GitHub Models is temporarily "
                               "unavailable as part of a scheduled retirement brownout."}}, R.model_not_found),
    ("openai", 410, {"error": {"message": 'Model "mimo/mimo-v2-pro" was retired on 2026-06-30. Use '
                               '"mimo/mimo-v2.5-pro" instead.', "type": "model_retired"}}, R.model_not_found),
    ("openai", 410, {"error": "Live search is deprecated. Please switch to the Agent Tools API: "
                              "https://docs.x.ai/docs/guides/tools/overview"}, R.format_error),
    # Claude Code's trial under Anthropic's rate-limit type: nothing resets it soon
    ("anthropic", 429, {"type": "error", "error": {"type": "rate_limit_error", "message": "Your Claude Code trial has "
                        "ended. Run /upgrade or /extra-usage to continue."}}, R.billing),
])
def test_holdout139_to_144_http_families(api: Any, status: int, body: Any, expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http(api, status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("event", "expect"), [
    # error data in a stream that names no "error" key: a gateway's {"code", "details"}
    # (https://github.com/foundation-model-stack/fms-guardrails-orchestrator/issues/146), DashScope's dotted code
    # with its documented message (https://www.alibabacloud.com/help/en/model-studio/error-code; the request id is a
    # placeholder)
    ({"code": 500, "details": "unexpected error occured while processing request"}, R.server_error),
    ({"code": "Throttling.RateQuota", "message": "Requests rate limit exceeded, please try again later.",
      "request_id": "b3f0c9"}, R.rate_limit),
    # Ollama's /api/chat answer with nothing generated (https://github.com/ollama/ollama/issues/2861)
    ({"model": "gemma:7b-instruct-fp16", "created_at": "2024-03-01T11:17:53.3907871Z",
      "message": {"role": "assistant", "content": ""}, "done": True}, R.empty_response),
])
def test_holdout139_to_144_soft_families(event: dict[str, Any], expect: FailoverReason) -> None:
    c = classify_soft_failure(outcome_from_event(event), word_model=NO_MODEL)
    assert c is not None and c.reason is expect


@pytest.mark.parametrize("event", [
    # near misses: a stream's last /api/chat chunk (its text came before it, its tokens counted), a success envelope
    # whose code is a word, a tool call with no text
    {"model": "llama3", "message": {"role": "assistant", "content": ""}, "done": True, "done_reason": "stop",
     "eval_count": 42},
    {"code": "success", "message": "ok", "data": {"text": "hello"}},
    {"model": "llama3", "message": {"role": "assistant", "content": "", "tool_calls": [
        {"function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]}, "done": True},
])
def test_near_misses_of_holdout139_to_144_soft_families(event: dict[str, Any]) -> None:
    assert classify_soft_failure(outcome_from_event(event), word_model=NO_MODEL) is None


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # grpc-go's status text (Vertex AI's Go client): its code in CamelCase, read as Google's status name
    ("Error", "rpc error: code = InvalidArgument desc = Please ensure that multiturn requests alternate between user "
     "and model.", R.format_error),
    # Veo's refusal of an input image, a gateway's disabled key, Google's ADC without a quota project
    ("Error", "Veo could not generate videos because the input image violates Vertex AI's usage guidelines. If you "
     "think this was an error, send feedback. Support codes: 15236754", R.content_policy_blocked),
    ("AUTHENTICATION_ERROR", "The API key has been disabled. Please contact customer support if you believe this is "
     "an error", R.auth_permanent),
    ("PermissionDenied", "403 Your application is authenticating by using local Application Default Credentials. The "
     "aiplatform.googleapis.com API requires a quota project, which is not set by default.", R.auth),
])
def test_holdout145_to_146_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 145 and 146 (web pages and gateways' error references),
    with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # near misses: a local server's call to its own backend keeps the backend's reading, not a gRPC status's
    # (https://github.com/mudler/LocalAI/issues/771); a provider, not a model, refused for a key stays the key's
    ("Error", 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp '
     '127.0.0.1:37785: connect: connection refused"', R.server_error),
    ("Error", "Error code: 403 - provider 'anthropic' is not allowed for this API key", R.auth),
])
def test_near_misses_of_holdout145_to_146_families(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


def test_a_gateway_key_scoped_to_other_models_suspends_the_pair() -> None:
    # GateFlow's 403 (https://gateflow.ai/docs/api-reference/errors/overview.html): the key serves other models
    c = classify_api_error(exception_from_http("openai", 403, {"error": {
        "message": "Model 'gpt-4o' not allowed for this API key", "type": "permission_error",
        "code": "model_not_allowed"}}), word_model=NO_MODEL)
    assert (c.reason, c.scope) == (R.model_not_found, Scope.credential_model)


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a sign-in step whose own request lost its connection: Go names the cause last
    # (https://github.com/router-for-me/CLIProxyAPI)
    ("Error", '认证失败: Failed to complete Gemini CLI onboarding: fetch project list: failed to execute project list '
     'request: Get "https://cloudresourcemanager.googleapis.com/v1/projects": EOF', R.timeout),
    # near miss: the same words over a call to the loopback address (a local helper that died) stay the key's
    ("Error", '认证失败: failed to exchange token: Post "http://127.0.0.1:63330/token": EOF', R.auth),
])
def test_a_sign_in_request_that_lost_its_connection(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


_WARP_BODY_RESET = ("Request failed with error: Transport(reqwest::Error { kind: Decode, source: hyper::Error(Body, "
                    "Error { kind: Io(Kind(ConnectionReset)) }) })")
_WARP_SEND_RESET = ('Request failed with error: Transport(reqwest::Error { kind: Request, url: "https://app.warp.dev/ai/'
                    'multi-agent", source: hyper_util::client::legacy::Error(SendRequest, hyper::Error(Http2, Error { '
                    "kind: Reset(StreamId(9), NO_ERROR, Remote) })) })")


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/xllm-go/bypass/issues/153
    ("Error", "[unauthenticated] Not logged in. If you are logged in, try logging out and back in.", R.auth),
    # https://github.com/SazumiVicky/cursor-reset-tools/issues/18, https://github.com/anasfik/openai/issues/20,
    # https://github.com/warpdotdev/warp/issues/5557, /8276 (hyper could not send the request)
    ("Error", "Connection failed. If the problem persists, please check your internet connection or VPN", R.timeout),
    ("Error", "XMLHttpRequest error.", R.timeout),
    ("Error", "Agent Mode request failed: Internal error occurred at transport layer.", R.timeout),
    ("Error", _WARP_SEND_RESET, R.timeout),
    # the answer's body read failed (https://github.com/warpdotdev/warp/issues/7471), a stream read cut
    # (https://github.com/Wei-Shaw/sub2api/issues/4698)
    ("Error", _WARP_BODY_RESET, R.stream_incomplete),
    ("Error", "stream read error: http2: client connection lost", R.stream_incomplete),
    # https://github.com/cursor/cursor/issues/70, https://github.com/Trae-AI/TRAE/issues/442
    ("Error", "A server error has occurred", R.server_error),
    ("Error", "模型响应失败\uff0c请稍后重试", R.server_error),
    # https://github.com/anthropics/claude-code/issues/13749
    ("Error", "Image was too large. Double press esc to go back and try again with a smaller image.",
     R.image_too_large),
    # https://github.com/anomalyco/opencode/issues/38502, https://github.com/microsoft/semantic-kernel/issues/4739
    ("Error", 'ERR_TLS_CERT_ALTNAME_INVALID fetching "https://opencode.ai/zen/v1/chat/completions". For more '
     "information, pass `verbose: true` in the second argument to fetch()", R.tls_untrusted),
    ("Azure.RequestFailedException", "The SSL connection could not be established, see inner exception. ---> "
     "System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in "
     "the certificate chain: RevocationStatusUnknown", R.tls_untrusted),
    # ngrok's AI gateway (https://ngrok.com/docs/ai-gateway/reference/error-codes: ERR_NGROK_3811, 3804)
    ("Error", "Input too large: `INPUT_TOKENS` tokens (max `MAX_ALLOWED`). Shorten your prompt.", R.context_overflow),
    ("Error", "No matching models found: `ERR`", R.model_not_found),
    # https://github.com/langchain4j/langchain4j/issues/3854
    ("java.lang.IllegalArgumentException", "Unknown stop reason: content_filtered", R.content_policy_blocked),
    # answers a parser could not read: https://github.com/langchain4j/langchain4j/issues/1848,
    # https://github.com/ChatGPTNextWeb/NextChat/issues/3743, https://github.com/aallam/openai-kotlin/issues/249
    ("com.azure.json.implementation.jackson.core.io.JsonEOFException", 'Unexpected end-of-input in VALUE_STRING at '
     '[Source: (byte[])"{"choices":[{"delta":{"content":" are"},"finish_reason":null,"index":0}]; line: 1, column: '
     "346]", R.malformed_response),
    ("Error", "The string did not match the expected pattern.", R.malformed_response),
    ("com.aallam.openai.api.exception.OpenAIHttpException", "Illegal input: Field 'permission' is required for type "
     "with serial name 'com.aallam.openai.api.model.Model', but it was missing at path: $.data[0]",
     R.malformed_response),
    # request defects: https://community.openai.com/t/function-call-limit-count/287161/9,
    # https://github.com/sigoden/aichat/issues/1389, and an outdated client (https://github.com/kingparks/cursor-vip/
    # issues/387)
    ("Error", "'$.functions' is too long. Maximum length is 64, but got 65 items.", R.format_error),
    ("Error", "Unable to parse and estimate tokens from incoming request. Please ensure incoming request is of one of "
     "the following types: 'Chat Completion', 'Completion', 'Embeddings'", R.format_error),
    ("Error", "You seem to be using an outdated version of Cursor. Please upgrade to the latest version",
     R.format_error),
    # a model the plan does not include (Cursor, via https://dredyson.com/the-hidden-truth-about-api-model-errors-a-
    # ctos-definitive-guide-to-strategic-technical-decisions), Cloudflare's browser check
    # (https://github.com/mckaywrigley/chatbot-ui/issues/1684), Moonshot's spent balance
    # (https://github.com/infiniflow/ragflow/issues/1048)
    ("Error", "model default does not work with your current plan or API key", R.model_not_found),
    ("Error", "403 Please enable cookies.", R.provider_policy_blocked),
    ("Error", "Error code: 403 - {'error': {'message': 'Your account <id> is not active, current state: suspended, you "
     "may consider to check your account balance', 'type': 'exceeded_current_quota_error'}}", R.billing),
])
def test_holdout148_to_153_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 148 to 153 (Q&A pages, error references, non-Python
    clients, chat apps, soft failures, 2026 threads), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # LangBot puts "模型请求失败" ("the model request failed") before every error, its timeouts too
    # (https://github.com/langbot-app/LangBot/issues/1915): not a server fault by that prefix
    ("RequesterError", "模型请求失败: 请求错误: Request timed out.", R.timeout),
    # kotlinx failing to read a 500's own error body: the server's fault, not an unreadable answer
    # (https://github.com/google-gemini/deprecated-generative-ai-android/issues/209)
    ("Error", 'Error: Unexpected Response: "error": { "code": 500, "message": "An internal error has occurred. Please '
     'retry or report", "status": "INTERNAL" kotlinx. serialization. MissingFieldException: Field \'details\' is '
     "required for type with serial name 'com.google.ai.client.generativeai.common.server. GRpcError', but it was "
     "missing at path: $.error", R.server_error),
    # a TLS session the peer closed is transport, not a rejected certificate; hyper's failed connect is transport,
    # not a cut body
    ("System.Net.Http.HttpRequestException", "The SSL connection could not be established, see inner exception. ---> "
     "System.IO.IOException: Authentication failed because the remote party has closed the transport stream.",
     R.timeout),
    ("Error", 'error sending request: hyper::Error(Connect, ConnectError("tcp connect error", Os { code: 111, kind: '
     'ConnectionRefused, message: "Connection refused" }))', R.timeout),
    # Claude Code's "check your internet connection" after a refusal its words name keeps the refusal's reading
    # (https://github.com/LLM-Red-Team/kimi-cc/issues/46)
    ("Error", "Unable to connect to Anthropic services\n\n Failed to connect to api.anthropic.com: ERR_BAD_REQUEST\n\n "
     "Please check your internet connection and network settings.\n\n Note: Claude Code might not be available in "
     "your country. Check supported countries at https://anthropic.com/supported-countries", R.provider_policy_blocked),
    # a model that is not found stays model_not_found beside "required property"'s request defect
    ("Error", "The model `gpt-5-turbo` does not exist or you do not have access to it.", R.model_not_found),
])
def test_near_misses_of_holdout148_to_153_families(type_name: str, text: str, expect: FailoverReason) -> None:
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("api", "status", "body", "expect"), [
    # https://github.com/anthropics/claude-code/issues/9940
    ("anthropic", 400, {"type": "error", "error": {"type": "invalid_request_error", "message": "This authentication "
     "style is incompatible with the long context beta header."}, "request_id": "req_011CUHdBF4KdEJTcErrq6KiU"},
     R.oauth_long_context_beta_forbidden),
    # https://help.aliyun.com/en/model-studio/openai-compatible-agents-api-errors
    ("openai", 400, {"error": {"type": "invalid_request_error", "code": "invalid_request_error",
                               "message": "$: required property 'model' not found", "param": "model"}}, R.format_error),
    # https://github.com/wisdgod/cursor-api/issues/25: an outdated client, under a 429 resource_exhausted
    ("openai", 429, {"type": "error", "code": "resource_exhausted", "message": json.dumps({
        "title": "Please update to the latest version of Cursor at cursor.com/downloads to continue using the Agent",
        "detail": "Please update to the latest version of Cursor at cursor.com/downloads to continue using the Agent"}),
        "param": None}, R.format_error),
    # near misses: the same 429 code with a limit's words stays a rate limit; a 404 for a model stays model_not_found
    ("openai", 429, {"type": "error", "code": "resource_exhausted", "message": "Too many requests, please slow down"},
     R.rate_limit),
    ("openai", 404, {"error": {"message": "The model `gpt-9` does not exist", "type": "invalid_request_error",
                               "code": "model_not_found"}}, R.model_not_found),
])
def test_holdout148_to_153_http_families(api: str, status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http(api, status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("finish", "expect"), [
    # the legacy google.generativeai SDK prints a candidate's FinishReason as its number
    # (https://github.com/google-gemini/deprecated-generative-ai-python/issues/363): 4 is RECITATION, 3 SAFETY
    (4, R.content_policy_blocked),
    (3, R.content_policy_blocked),
    (2, R.output_truncated),
    # near misses: STOP with nothing in it is an empty answer; 7 is BLOCKLIST in one enum and PROHIBITED_CONTENT or
    # something else in another, so it names nothing sure
    (1, R.empty_response),
    (7, R.empty_response),
])
def test_a_gemini_finish_reason_printed_as_its_number(finish: int, expect: FailoverReason) -> None:
    event = {"candidates": [{"finish_reason": finish, "index": 0, "safety_ratings": [], "token_count": 0,
                             "grounding_attributions": []}]}
    c = classify_soft_failure(outcome_from_event(event), word_model=NO_MODEL)
    assert c is not None and c.reason is expect


def test_a_server_too_old_for_a_model_is_not_an_outdated_client() -> None:
    """Ollama's 412 for a model that needs a newer server says "download the latest version" too
    (https://github.com/ollama/ollama/issues/14876): the words of an outdated client are not read into it."""
    error = exception_from_message("Error", "pull model manifest: 412:\nThe model you are attempting to pull requires "
                                   "a newer version of Ollama.\n\nPlease download the latest version at:\n\n\t"
                                   "https://ollama.com/download")
    assert classify_api_error(error, word_model=NO_MODEL).rule != "client_outdated"


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a media relay's documented errors (https://docs.gptunnel.ru/media-api/models: codes 6 and 1001)
    ("Error", "Service on heavy load. Try again later.", R.overloaded),
    ("Error", "Sensitive content has been detected in your request or uploaded files. The security system has blocked "
     "data processing. Please check the text and images and try again.", R.content_policy_blocked),
    # https://github.com/CherryHQ/cherry-studio/issues/16970, /8721 (a relay's balance, in Chinese and English)
    ("Error", "Claude Code returned an error: 403 Access denied by security policy.", R.provider_policy_blocked),
    ("Error", "403 \u8d26\u6237\u4f59\u989d\u8fc7\u4f4e\u4e0d\u8db3\u4ee5\u652f\u6301\u672c\u6b21\u8bf7\u6c42"
     "\u3002Your account balance is not sufficient to support this request.", R.billing),
    # https://github.com/BerriAI/litellm/issues/1003 (under the connection-error class LiteLLM gave it)
    ("APIConnectionError", "sagemaker does not support parameters: {'stream': True}. To drop these, set "
     "`litellm.drop_params=True`.", R.format_error),
    # vLLM's schema compiler: https://github.com/z-lab/paroquant/issues/31, and under the 500 Claude Code printed
    # (https://github.com/noonghunna/club-3090/issues/45)
    ("ValueError", "Grammar error: Unknown format: uri", R.format_error),
    ("Error", 'API Error: 500 Grammar error: Unimplemented keys: ["propertyNames"]. This is a server-side issue, '
     "usually temporary", R.format_error),
    # https://discuss.google.dev/t/spike-arrest-policy-spike-arrest-violation-error/102683
    ("Error", "Number of requests threshold reached (Spike arrest violation. Allowed rate : MessageRate{"
     "messagesPerPeriod=100, periodInMicroseconds=6000000, maxBurstMessageCount=1.6666666666666667}), please wait and "
     "resubmit the request after sometime", R.rate_limit),
])
def test_holdout154_to_158_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 154 to 158 (other languages, agent frameworks, clouds and
    gateways, local servers, the big three), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("body", "expect"), [
    # ParagonAPI's envelope with its key capitalised (https://docs.paragonapi.ru/chat-completions/errors)
    ({"Error": {"message": "\u041c\u043e\u0434\u0435\u043b\u044c: gpt-5o-mini \u043d\u0435 \u0441\u0443\u0449\u0435"
                "\u0441\u0442\u0432\u0443\u0435\u0442.", "type": "invalid_request_error", "param": None,
                "code": "model_not_found"}}, R.model_not_found),
    # near misses: llama.cpp's own grammar failure keeps its repair beside the new "grammar error" words
    # (https://github.com/lidge-jun/opencodex/issues/2135); a capitalised key whose value is no object reads nothing
    ({"error": {"code": 400, "message": "Failed to initialize samplers: failed to parse grammar",
                "type": "invalid_request_error"}}, R.llama_cpp_grammar_pattern),
    ({"Error": "model_not_found"}, R.format_error),
])
def test_holdout154_to_158_http_families(body: dict[str, Any], expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http("openai", 400, body), word_model=NO_MODEL).reason is expect


_ARK_SOURCE = "https://github.com/wyx1818/ark-429-autoban (cmd/ark-429-autoban/plugin_test.go)"


@pytest.mark.parametrize("now", [
    # the reset days away (read live, the day the window filled) and already past (a pasted error read again)
    datetime.datetime(2026, 7, 30, tzinfo=datetime.UTC).timestamp(),
    datetime.datetime(2026, 12, 5, tzinfo=datetime.UTC).timestamp(),
])
def test_a_quota_counted_by_the_month_is_billing_whatever_its_reset(now: float) -> None:
    """Volcengine Ark's coding plan over its monthly quota (a 429 whose reset is a date; ``_ARK_SOURCE``): the plan's
    month, not a throttle, whether the reset is days away or already past."""
    body = {"error": {"code": "AccountQuotaExceeded", "message": "You have exceeded the monthly usage quota. It will "
                      "reset at 2026-08-03 23:59:59 +0800 CST."}}
    c = classify_api_error(exception_from_http("openai", 429, body), now=now, word_model=NO_MODEL)
    assert (c.reason, c.rule) == (R.billing, "quota_long_window")


def test_a_five_hour_quota_is_not_a_long_window() -> None:
    # the same plan's 5-hour window (``_ARK_SOURCE``) is left to its reset, as the other five-hour windows are
    body = {"error": {"type": "TooManyRequests", "message": "You have exceeded the 5-hour usage quota. It will reset "
                      "at 2026-08-03 23:59:59 +0800 CST."}}
    c = classify_api_error(exception_from_http("openai", 429, body), word_model=NO_MODEL)
    assert c.rule != "quota_long_window"


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a relay that serves only approved clients (https://github.com/zhukunpenglinyutong/jetbrains-cc-gui/issues/751)
    ("Error", 'unexpected status 403 Forbidden: {"code":"CLIENT_NOT_ALLOWED","message":"Only approved clients are '
     'allowed"}, url: https://<domain>/responses', R.provider_policy_blocked),
    # gRPC's cap on one message, under its RESOURCE_EXHAUSTED code (https://github.com/triton-inference-server/server/
    # issues/1776); Jackson's string cap in a Java gateway (https://github.com/QwenLM/qwen-code/issues/1082)
    ("InferenceServerException", "[StatusCode.RESOURCE_EXHAUSTED] Received message larger than max (33816626 vs. "
     "4194304)", R.payload_too_large),
    ("Error", "400 String value length (20054016) exceeds the maximum allowed (20000000, from "
     "`StreamReadConstraints.getMaxStringLength()`)", R.payload_too_large),
    ("Error", "Error from provider (Console): Upstream request failed: [invalid_request_error] request contains 52 "
     "images, exceeding the maximum of 50 allowed per request", R.payload_too_large),
    # AWS's throttle (https://github.com/aws/bedrock-agentcore-sdk-python/issues/160); ChatGPT's message cap
    # (https://github.com/chathub-dev/chathub/issues/1235)
    ("Error", '{"error": "Runtime error: An error occurred (ThrottledException) when calling the CreateEvent operation '
     '(reached max\nretries: 4): Rate exceeded.", "type": "runtime_error"}', R.rate_limit),
    ("Error", '{"detail":{"message":"You have sent too many messages to the model. Please try again later.",'
     '"code":"model_cap_exceeded","clears_in":11461}}', R.rate_limit),
    # requests' HTTPError inside a wrapper's sentence (https://github.com/awslabs/agentcore-samples/issues/314)
    ("Error", "Failed to invoke agent endpoint: 424 Client Error: Failed Dependency for url: https://bedrock-agentcore."
     "us-west-2.amazonaws.com/runtimes/arn/invocations?qualifier=DEFAULT", R.server_error),
    # request defects (https://github.com/home-assistant/core/issues/141547, https://github.com/BerriAI/litellm/issues/
    # 23285)
    ("Error", "History must start with a user turn.", R.format_error),
    ("Error", 'unknown role "tool".', R.format_error),
    # a prompt and its completion over the window, in numbers (https://github.com/NVIDIA/TensorRT-LLM/issues/2494,
    # https://github.com/stanford-crfm/helm/issues/349); Copilot Chat's words
    # (https://github.com/microsoft/vscode-copilot-release/issues/5070)
    ("Error", "forwardAsync assertion failed: Input length (6973) + max new tokens (4095) + draft tokens (0) must be "
     "less than max sequence length (8192)", R.context_overflow),
    ("RemoteServiceError", "Failed to make request to ai21 after retrying 5 times. Error: AI21 error: Request too many "
     "tokens: 1999 + 50 > 2048", R.context_overflow),
    ("Error", "Sorry, this message is too long. Please try a shorter question.", R.context_overflow),
    # https://github.com/waylaidwanderer/node-chatgpt-api/issues/387
    ("Error", "The moderation filter triggered. Try again with different wording.", R.content_policy_blocked),
    # Envoy's upstream reset (https://github.com/envoyproxy/ai-gateway/issues/1615); Firefox's PR_END_OF_FILE_ERROR as
    # typed (https://github.com/MuiseDestiny/zotero-gpt/issues/232)
    ("Error", "upstream_reset_before_response_started{remote_reset}", R.timeout),
    ("Error", "An error occurred during aconnection to api.openai.com.Encountered end of file Error code!PR END OF "
     "FILE ERROR", R.timeout),
    # a provider's fetch of the request's media timed out (https://github.com/QwenLM/Qwen-VL/issues/431; DashScope
    # through a relay: https://github.com/labring/FastGPT/issues/4393)
    ("Error", "Download the media resource timed out during the data inspection process.", R.transient),
    ("Error", "400 <400> InternalError.Algo.InvalidParameter: Download multimodal file timed out (aiproxy: "
     "17432518571241264)", R.transient),
    # llama.cpp's server refusing the request's content parts, under its 500
    # (https://github.com/ggml-org/llama.cpp/issues/12947)
    ("Error", '500: Failed to parse messages: Unsupported content part type: "image_url"; messages = [',
     R.format_error),
    # a client that could not read the answer (https://github.com/bentoml/OpenLLM/issues/864,
    # https://github.com/admonstrator/zettelrobbe/issues/153)
    ("Error", "Failed to parse JSON from SSE message", R.malformed_response),
    ("Error", "Failed to analyze document: Invalid API response structure", R.malformed_response),
    # near misses: a connection failure's advice to check the network is no edge block
    # (https://github.com/yoheinakajima/babyagi, babyagi.py); Google's quota under the same RESOURCE_EXHAUSTED stays a
    # throttle (https://github.com/langchain-ai/langchain-google/pull/506); nlohmann's parse error on the model's answer
    # stays the answer's (https://github.com/MinLL/SkyrimNet-GamePlugin/issues/455); a credential restricted to one
    # client is the key's, not the client's (https://github.com/anthropics/claude-code/issues/23703)
    ("Error", "*** OpenAI API connection error occurred. Check your network settings, proxy configuration, SSL "
     "certificates, or firewall rules. Waiting 10 seconds and trying again. ***", R.timeout),
    ("google.api_core.exceptions.ResourceExhausted", "429 Resource has been exhausted (e.g. check quota).",
     R.rate_limit),
    ("Error", "Failed to parse LLM response as JSON: [json.exception.parse_error.101] parse error at line 1, column 1: "
     "syntax error while parsing value - invalid literal; last read: 'T'\nin SkyrimNet::Memory::MemoryGenerator::"
     "ParseLLMResponse()", R.malformed_response),
    ("Error", "Error: Your OAuth token is restricted to Claude Code and can't be used for external API calls.", R.auth),
])
def test_holdout160_to_166_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 160 to 166 (hosted providers, no-code tools, coding agents,
    local servers, clouds, non-Python clients), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # https://github.com/zhukunpenglinyutong/jetbrains-cc-gui/issues/730
    (400, {"error": {"type": "invalid_request_error", "message": "Client not allowed (detected: claude-code-sdk-ts) "
                     "(request id: 20260319030028727053954XuXhzjTD)"}, "type": "error"}, R.provider_policy_blocked),
    # Groq's edge refusing the network (https://github.com/bensblueprints/wispertalk-app/blob/main/README.md)
    (403, {"error": {"message": "Access denied. Please check your network settings."}}, R.provider_policy_blocked),
    # Mistral's model outside the plan (https://github.com/jordymeow/ai-engine/issues/11)
    (403, {"object": "error", "message": "This model is not available in your subscription tier",
           "type": "tier_not_allowed", "param": None, "code": "1910"}, R.model_not_found),
    # a server that could not decode the request, under its 500 (https://github.com/mudler/LocalAI/issues/1383)
    (500, {"error": {"code": 500, "message": "failed reading parameters from request:json: cannot unmarshal array into "
                     "Go struct field Message.messages.content of type string", "type": ""}}, R.format_error),
])
def test_holdout160_to_166_http_families(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


def test_a_server_that_cannot_read_the_request_is_a_request_defect() -> None:
    # llama.cpp's nlohmann JSON under its 500, as a text/plain body (https://github.com/tmc/langchaingo/issues/667)
    text = "500 Internal Server Error\n[json.exception.type_error.302] type must be string, but is array"
    c = classify_api_error(exception_from_http("openai", 500, text), word_model=NO_MODEL)
    assert c.reason is R.format_error


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a stream with no event, an empty body under .NET's JSON reader (https://github.com/BenedictKing/ccx/issues/85,
    # https://github.com/niltor/DeepSeekSDK-NET/issues/3)
    ("Error", "upstream returned empty stream response", R.empty_response),
    ("System.Text.Json.JsonException", "The input does not contain any JSON tokens. Expected the input to start with a "
     "valid JSON token, when isFinalBlock is true. Path: $ | LineNumber: 0 | BytePositionInLine: 0.", R.empty_response),
    # a reader's cap on one stream line (https://github.com/dev2k6/command-code-proxy-server/issues/3,
    # https://github.com/open-webui/open-webui/issues/10302)
    ("Error", "[ERROR] Scanner error: bufio.Scanner: token too long", R.stream_incomplete),
    ("ValueError", "Chunk too big", R.stream_incomplete),
    # a Chinese gateway's banned-word screen (https://github.com/Sliverkiss/workbuddy2api/pull/66)
    ("Error", "\u89e6\u53d1\u7f51\u7ad9\u98ce\u63a7\u8fdd\u7981\u8bcd\uff0c\u65e0\u6cd5\u8c03\u7528\u6a21\u578b\uff1a"
     "\u5185\u5bb9\u547d\u4e2d\u7f51\u5173\u5185\u5bb9\u9632\u706b\u5899\u89c4\u5219[\u8272\u60c5]\uff0c\u5df2\u88ab"
     "\u62e6\u622a\u3002\u8bf7\u4fee\u6539\u5185\u5bb9\u540e\u91cd\u8bd5\u3002", R.content_policy_blocked),
    # Codex's out-of-messages notice in Russian, with its upsell (https://github.com/openai/codex/issues/30468)
    ("Error", "\u0423 \u0432\u0430\u0441 \u0437\u0430\u043a\u043e\u043d\u0447\u0438\u043b\u0438\u0441\u044c "
     "\u0441\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u044f Codex\n\u0412\u0430\u0448 \u043b\u0438\u043c\u0438\u0442 "
     "\u0437\u0430\u043f\u0440\u043e\u0441\u043e\u0432 \u0431\u0443\u0434\u0435\u0442 \u0441\u0431\u0440\u043e\u0448"
     "\u0435\u043d 27 \u0438\u044e\u043b. 2026 \u0433., 12:22. \u0427\u0442\u043e\u0431\u044b \u043f\u0440\u043e"
     "\u0434\u043e\u043b\u0436\u0438\u0442\u044c \u0438\u0441\u043f\u043e\u043b\u044c\u0437\u043e\u0432\u0430\u0442"
     "\u044c Codex, \u043e\u0444\u043e\u0440\u043c\u0438\u0442\u0435 \u043f\u043e\u0434\u043f\u0438\u0441\u043a\u0443 "
     "Plus \u0441\u0435\u0433\u043e\u0434\u043d\u044f.", R.billing),
    # a local model's answer that is no JSON, in MemGPT's words (https://github.com/letta-ai/letta/issues/278)
    ("Error", "Failed to parse JSON from local LLM response - error: Failed to decode JSON from LLM output:\n{Hey, "
     "thanks for login! How can I assist you today? :D\n} - error", R.malformed_response),
    # the status openai<1.0 states after the body it could not map, and a relay's Chinese "status code"
    # (https://github.com/chatchat-space/Langchain-Chatchat/issues/1944, https://github.com/bestK/kiro2cc/issues/3)
    ("APIError", "\u83b7\u53d6ChatCompletion\u65f6\u51fa\u9519\uff1aInvalid response object from API: '{\"object\":"
     "\"error\",\"message\":\"0 is less than the minimum of 1 - 'max_tokens'\",\"code\":40302}' (HTTP response code "
     "was 400)", R.format_error),
    ("Error", '{"error":{"message":"CodeWhisperer API \u9519\u8bef: \u72b6\u6001\u7801: 400","type":"server_error"},'
     '"type":"error"}', R.format_error),
    # 9router's 406 for a model its upstream does not serve (https://github.com/decolua/9router/issues/277)
    ("Error", 'API Error: 406 {"error":{"message":"[iflow/minimax-m2.5] [406]: Model not supported (reset after '
     '30s)"}}', R.model_not_found),
    # near miss: the same openai<1.0 wrapper around a 500 stays the server's (https://github.com/vllm-project/vllm/
    # issues/1492)
    ("openai.error.APIError", "Invalid response object from API: 'Internal Server Error' (HTTP response code was 500)",
     R.server_error),
])
def test_holdout167_to_170_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of holdouts 167 to 170 (relays, soft failures, the big three's trackers,
    Python frameworks), with real shapes (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


def test_one_apis_undecodable_upstream_answer_is_malformed() -> None:
    # https://github.com/wlhtea/Suno2openai/issues/7: one-api's own code for an upstream answer it could not decode
    body = {"error": {"code": "decode_response_failed", "message": "invalid character 'd' looking for beginning of "
                      "value (request id: 202404062244052291329202Svobm0S)", "type": "one_api_error"}}
    c = classify_api_error(exception_from_http("openai", 500, body), word_model=NO_MODEL)
    assert c.reason is R.malformed_response


def test_an_assistants_run_with_a_blank_object_that_failed_is_a_failure() -> None:
    """hal-9100's run (https://github.com/llm-edge/hal-9100/issues/45): "object" is blank and "last_error" null, yet
    the run failed; read as a run, its failure is unknown (retried, no key cooled), not a success."""
    run = {"id": "61d9cb05-989b-4b48-b520-xxxxxxxxx", "object": "", "created_at": 1704030934,
           "thread_id": "cefa085b-263e-4e3c-a1c5-62699fxxxxxx", "assistant_id": "65b76ee5-6223-4383-ae65-d23eecxxxxxx",
           "status": "failed", "required_action": None, "last_error": None, "expires_at": None, "started_at": None,
           "cancelled_at": None, "failed_at": None, "completed_at": None, "model": "",
           "instructions": "Please solve the equation.", "tools": [], "file_ids": [], "metadata": {}}
    c = classify_soft_failure(outcome_from_event(run), word_model=NO_MODEL)
    assert c is not None and c.reason is R.unknown
    # the same run completed is an answer
    assert classify_soft_failure(outcome_from_event({**run, "status": "completed"}), word_model=NO_MODEL) is None


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # openai<1.0's 429 class carrying OpenAI's server-fault sentence (https://github.com/openai/openai-python/issues/213,
    # https://github.com/langchain-ai/langchain/issues/5820): the words say the server failed
    ("RateLimitError", "The server had an error while processing your request. Sorry about that!", R.server_error),
    # near miss: the same sentence after a stated "429 Too Many Requests" stays a throttle
    # (https://github.com/easydu2002/chat_gpt_oicq/issues/31)
    ("Error", "429 Too Many Requests The server had an error while processing your request. Sorry about that!",
     R.rate_limit),
    # LocalAI with no backend able to load the model (https://github.com/mudler/LocalAI/issues/1133): not a model
    # warming up
    ("APIError", "could not load model - all backends returned error: 25 errors occurred:\n\t* could not load model: "
     "rpc error: code = Unknown desc = failed loading model\n\t* could not load model: rpc error: code = Unknown "
     "desc = failed loading model", R.model_not_found),
    # near miss: a model that is loading is load (https://github.com/huggingface/transformers/issues/32665)
    ("Error", '{"error":"Model meta-llama/Llama-2-13b-chat is currently loading","estimated_time":20.0}', R.overloaded),
    # google-generativeai's accessor on a candidate with no part and no stop value named
    # (https://github.com/google-gemini/deprecated-generative-ai-python/issues/373)
    ("ValueError", "The `response.text` quick accessor only works when the response contains a valid `Part`, but none "
     "was returned. Check the `candidate.safety_ratings` to see if the response was blocked.", R.empty_response),
    # near misses: a stated stop value, a blocked prompt (https://github.com/TuanNguyen27/Delegate/blob/0ab5b66fe5d8afb4
    # 35205d003767788b1700e05e/GEMINI_ERRORS_GUIDE.md, https://github.com/google-gemini/deprecated-generative-ai-python/
    # issues/126)
    ("ValueError", "Invalid operation: The `response.text` quick accessor requires the response \nto contain a valid "
     "`Part`, but none were returned. The candidate's [finish_reason] is 2.", R.output_truncated),
    ("ValueError", "The `response.parts` quick accessor only works for a single candidate, but none were returned. "
     "Check the `response.prompt_feedback` to see if the prompt was blocked.", R.content_policy_blocked),
    # a relay with no upstream account free, under a 424 or with no status (https://github.com/Wei-Shaw/sub2api/issues/
    # 4636, /3757)
    ("Error", "API Error: 424 No available accounts: no available accounts", R.overloaded),
    ("Error", '{\n  "error": {\n    "message": "All available accounts exhausted",\n    "type": "server_error"\n  }\n}',
     R.overloaded),
    # iFlow's "too many people are chatting with me, ask later" under its code "500"
    # (https://github.com/router-for-me/CLIProxyAPI/issues/1514)
    ("Error", '{"success":false,"code":"500","message":"\u5f53\u524d\u627e\u6211\u804a\u7684\u4eba\u592a\u591a\u4e86'
     '\uff0c\u53ef\u4ee5\u665a\u70b9\u518d\u6765\u95ee\u6211\u54e6\u3002","exception":null,"data":null,"extra":null}',
     R.overloaded),
])
def test_holdout172_to_178_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the representative holdouts 172 to 178, with real shapes and near
    misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # CLIProxyAPI with no upstream credential left, under its 500 and generic code
    # (https://github.com/router-for-me/CLIProxyAPI/issues/2556)
    (500, {"error": {"message": "auth_unavailable: no auth available", "type": "server_error",
                     "code": "internal_server_error"}}, R.overloaded),
    # near miss: the relay names the cause, a group serving only one client (https://github.com/Wei-Shaw/sub2api/issues/
    # 3742)
    (503, {"error": {"message": "No available accounts: this group only allows Claude Code clients",
                     "type": "api_error"}, "type": "error"}, R.provider_policy_blocked),
])
def test_a_relay_with_no_upstream_account_free_is_overloaded(status: int, body: dict[str, Any],
                                                              expect: FailoverReason) -> None:
    c = classify_api_error(exception_from_http("anthropic", status, body), word_model=NO_MODEL)
    assert c.reason is expect
    assert not c.should_rotate_credential  # the caller's key is not what is short


def test_a_fastchat_worker_failure_in_a_stream_is_read_by_its_cause() -> None:
    """FastChat's worker line {"text", "error_code"} as a stream event (https://github.com/lm-sys/FastChat/issues/3367;
    codes: https://github.com/lm-sys/FastChat/blob/main/fastchat/constants.py): a failure, read by the exception the
    text ends with rather than the canned banner before it."""
    event = {"text": "YOUR INPUT VIOLATES OUR CONTENT MODERATION GUIDELINES. PLEASE FIX YOUR INPUT AND TRY AGAIN.\n\n"
             "(max_tokens must be at least 1, got -37938.)", "error_code": 50001}
    c = classify_soft_failure(outcome_from_event(event), word_model=NO_MODEL)
    assert c is not None and c.reason is R.context_overflow
    # a line with no bracketed cause is read by its words as they are (here the banner's own)
    c = classify_soft_failure(outcome_from_event({"text": event["text"].split("\n\n")[0], "error_code": 50001}),
                              word_model=NO_MODEL)
    assert c is not None and c.reason is R.content_policy_blocked
    # a zero code is the worker's ordinary chunk
    chunk = {"text": "Hello", "error_code": 0}
    assert classify_soft_failure(outcome_from_event(chunk), word_model=NO_MODEL) is None


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # the 401 reason phrase in British spelling (https://github.com/xtekky/gpt4free/issues/1948)
    ("Error", '"error": "Unauthorised"', R.auth),
    # a server's failure sentence before the model it names as gone (https://github.com/mastra-ai/mastra/pull/2905)
    ("Error", "An error occurred while processing your request. The model `llama3-groq-70b-8192-tool-use-preview` has "
     "been decommissioned and is no longer supported. Please refer to https://console.groq.com/docs/deprecations for a "
     "recommendation on which model to use instead.", R.model_not_found),
    # near miss: the failure sentence alone stays the server's (https://github.com/openai/openai-python/issues/213)
    ("Error", "The server had an error while processing your request. Sorry about that!", R.server_error),
    # new-api's out-of-quota code printed alone (https://github.com/CherryHQ/cherry-studio/issues/15651)
    ("Error", "insufficient_user_quota", R.billing),
    # WebKit's "Load failed" with the host Safari 17 names after it (https://github.com/chatboxai/chatbox/issues/3920)
    ("Error", "API Error: Error from OpenCode Go: Network Error: Load failed (opencode.ai)", R.timeout),
    # near miss: a model that failed to load is no fetch failure (https://github.com/abetlen/llama-cpp-python/pull/2187)
    ("ValueError", "Failed to load model from file: /root/.cache/.../Qwen3.5-35B-A3B-Uncensored-HauhauCS-Aggressive-"
     "BF16.gguf", R.model_not_found),
    # Gemini's per-minute free-tier quota with a retry of seconds, whose status a retry wrapper dropped
    # (https://github.com/crynta/terax-ai/issues/369)
    ("Error", "Failed after 3 attempts. Last error: You exceeded your current quota, please check your plan and "
     "billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. "
     "To monitor your current usage, head to: https://ai.dev/rate-limit. * Quota exceeded for metric: "
     "generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 5, model: gemini-2.5-flash Please "
     "retry in 14.100401724s.", R.rate_limit),
    # near miss: a zero allowance is the bill whatever else (https://github.com/google-gemini/gemini-cli/issues/22486)
    ("Error", "'* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_input_token_"
     "count, limit: 0, model: gemini-3.1-pro\\n' +\n'* Quota exceeded for metric: generativelanguage.googleapis.com/"
     "generate_content_free_tier_requests, limit: 0, model: gemini-3.1-pro\\n'", R.billing),
    # urllib3's chunked body cut before its last chunk, as requests raises it
    # (https://github.com/acheong08/ChatGPT/issues/1004, https://github.com/acheong08/ChatGPT/issues/1145)
    ("ChunkedEncodingError", "(\"Connection broken: InvalidChunkLength(got length b'', 0 bytes read)\", "
     "InvalidChunkLength(got length b'', 0 bytes read))", R.stream_incomplete),
    ("ChunkedEncodingError", "('Connection broken: IncompleteRead(0 bytes read)', IncompleteRead(0 bytes read))",
     R.stream_incomplete),
    # near miss: a read timer named is a timeout (https://github.com/letta-ai/letta/issues/313)
    ("openai.error.Timeout", "Request timed out: HTTPConnectionPool(host='10.0.0.56', port=5001): \nRead timed out. "
     "(read timeout=60)", R.timeout),
    # an empty answer whose stop reason is the length cap, as a client logs it
    # (https://github.com/pvliesdonk/markdown-vault-mcp/issues/919)
    ("Error", "WARNING markdown_vault_mcp.summarizer: summarize_empty_response model=gpt-5-mini finish_reason=length",
     R.output_truncated),
    # serde_json's Display on an answer cut inside a value (https://github.com/pythops/tenere/issues/51)
    ("Error", "EOF while parsing a value at line 1 column 284", R.malformed_response),
    # near miss: its Debug form inside a provider's complaint about the request's tool-call arguments
    # (https://github.com/spiceai/spiceai/issues/4734)
    ("async_openai::error", 'failed deserialization of: {"code":"Client specified an invalid argument","error":"The '
     "arguments to a tool_call with ID 'initial_list_datasets' are not a valid JSON string. Parsing error: "
     'Error(\\"EOF while parsing a value\\", line: 1, column: 0)"}', R.format_error),
])
def test_holdout179_to_184_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the second representative wave (holdouts 179 to 184), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a prompt over a server's input cap, in its own words (https://github.com/cline/cline/issues/6055,
    # https://github.com/xorbitsai/inference/issues/3066, https://github.com/InternLM/lmdeploy/issues/732)
    ("Error", "400 number of input tokens (189413) have exceeded max prompt tokens (163840) limit. (request id: "
     "20250906211358606037121qqygeTAN)", R.context_overflow),
    ("Exception", "[address=0.0.0.0:33147, pid=11088] Max tokens exceeds model's max length", R.context_overflow),
    ("Error", "WARNING: exceed session max length. Please end the session.", R.context_overflow),
    # no reply at all, and a client's toast for an endpoint it could not reach
    # (https://github.com/mudler/LocalAI/issues/320, https://github.com/open-webui/pipelines/issues/55)
    ("Error", "curl: (52) Empty reply from server", R.timeout),
    ("Error", "OpenAI: Network Problem", R.timeout),
    # a server's own failure (https://github.com/ollama/ollama/issues/6985,
    # https://github.com/Shishir435/ollama-client/issues/366, https://github.com/cloudflare/workers-sdk/issues/10857)
    ("Error", "Error: no suitable llama servers found", R.server_error),
    ("Error", 'Ollama at http://localhost:11434 returned an error while generating a response with model "gemma3:1b". '
     "Check its server logs and configuration.", R.server_error),
    ("InferenceUpstreamError", "Error: internal error; reference = unt", R.server_error),
    # a hosted backend with no worker attached (https://github.com/guspuffygit/sentient-sims-app/issues/24)
    ("Error", "no AI workers available to process request", R.overloaded),
    # a retired model version (https://github.com/gsd-build/gsd-2/issues/5425)
    ("Error", "This model version has reached the end of its life", R.model_not_found),
    # answers that could not be read (https://github.com/karthink/gptel/issues/60,
    # https://github.com/BerriAI/litellm/issues/32561) or had nothing in them
    # (https://github.com/onyx-dot-app/onyx/pull/13332)
    ("Error", "ChatGPT error (nil): Malformed JSON in response.", R.malformed_response),
    ("Error", "When snapshot hasn't been set yet, expected 'response.created' event, got "
     "response.mcp_list_tools.in_progress", R.malformed_response),
    ("EmptyLLMResponseError", "The selected model returned no final answer before the stream completed.",
     R.empty_response),
    # near miss: gptel's same words after a status it did read are the status's
    # (https://github.com/karthink/gptel/issues/251)
    ("Error", "Gemini error (HTTP/2 503): Malformed JSON in response.", R.overloaded),
    # request defects (https://github.com/openclaw/openclaw/issues/82946,
    # https://github.com/shroominic/codeinterpreter-api/issues/64, https://github.com/tensorzero/tensorzero/issues/3648)
    ("Error", "Param Incorrect (format)", R.format_error),
    ("Error", "Error from API: Unsupported OpenAI-Version header provided: 2023-03-15-preview. (HINT: you can provide "
     "any of the following supported versions: 2020-10-01, 2020-11-07. Alternatively, you can simply omit this header "
     "to use the default version associated with your account.)", R.format_error),
    ("tensorzero.types.TensorZeroError", 'TensorZeroError (status code 502): {"error":"All variants failed with '
     "errors: openai::gpt-5-mini: All model providers failed to infer with errors: openai: Missing max tokens for "
     'rate limited request."}', R.format_error),
    # near miss: the same words naming an unsupported model are the model's (https://github.com/KunAgent/Kun/issues/437)
    ("Error", "model HTTP request failed { provider: 'compat', status: 400, model: 'mimo-v2.5-pro-ultraspeed', "
     "requestUrl: 'https://api.xiaomimimo.com/v1/chat/completions', responseBody: '{ \"error\": { \"code\": \"400\", "
     "\"message\": \"Not supported model mimo-v2.5-pro-ultraspeed\", \"param\": \"Param Incorrect\" } }' }",
     R.model_not_found),
    # Ollama could not decode the request, under LiteLLM's connection error (https://github.com/google/adk-python/
    # issues/49): the server answered, the request is at fault
    ("litellm.exceptions.APIConnectionError", 'litellm.APIConnectionError: Ollama_chatException - {"error":"json: '
     'cannot unmarshal array into Go struct field ChatRequest.messages.content of type string"}', R.format_error),
    # near miss: a client that could not decode the answer's struct (https://github.com/fruitbars/simple-one-api/
    # issues/103)
    ("Error", "json: cannot unmarshal number 1742893830.8691158 into Go struct field ChatCompletionResponse.created of "
     "type int64", R.malformed_response),
    # no AWS credential, named in a wrapper's crash (https://github.com/OpenHands/OpenHands/issues/3310)
    ("AttributeError", "'NoCredentialsError' object has no attribute 'response'", R.auth),
    # a one-api relay's no-channel sentence with the model blank: the request carried none
    # (https://github.com/ai365vip/chat-api/issues/18, https://github.com/songquanpeng/one-api/issues/2223)
    ("Error", "当前分组 default 下对于模型 无可用渠道 (request id: 20240311124052481075373Y8Lw6109)", R.format_error),
    ("Error", "当前分组 svip 下对于模型  无可用渠道", R.format_error),
    # near miss: with a model named it is the relay's routing for that model
    # (https://github.com/songquanpeng/one-api/issues/1160)
    ("OpenAiApiException", "503 - ResponseError[error=Error[message=当前分组 default 下对于模型 gpt-3.5-turbo "
     "无可用渠道 (request id: 2024031509454592607432640679880)", R.model_not_found),
    # LiteLLM's router cooling down, its call printed with model=None (https://github.com/BerriAI/litellm/issues/3933)
    ("Error", "litellm.acompletion(model=None) Exception No deployments available for selected model, Try again in 1 "
     "seconds. Passed model=gemini-1.5-flash-001. pre-call-checks=False, allowed_model_region=n/a", R.rate_limit),
    # a stream read that hit the end of its input (https://github.com/plandex-ai/plandex/issues/275)
    ("Error", "🚨 Stream error   → Unexpected EOF", R.stream_incomplete),
    # near miss: a request's POST cut the same way names no stream (https://github.com/ollama/ollama-js/issues/285)
    ("Error", '{"error":"Post \\"https://ollama.com:443/v1/chat/completions?ts=1775218167\\\\": unexpected EOF"}',
     R.timeout),
    # Envoy's sentence cut before its reason, no status (https://github.com/vllm-project/aibrix/issues/1103) and under
    # a 503 (https://github.com/anthropics/claude-code/issues/7044 has the overflow reason: load, the near miss)
    ("Error", "upstream connect error or disconnect/reset before headers", R.server_error),
    ("Error", "API Error (503 upstream connect error or disconnect/reset before headers. reset reason: overflow",
     R.overloaded),
])
def test_holdout185_to_192_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the third representative wave (holdouts 185 to 192), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # NVIDIA NIM's unhealthy deployment under a 400 (https://github.com/Alishahryar1/free-claude-code/issues/1012)
    (400, {"status": 400, "title": "Bad Request",
           "detail": "Function id '3b9748d8-1d85-40e8-8573-0eeaa63a4b63': DEGRADED function cannot be invoked"},
     R.server_error),
    # LocalAI's per-model switch for a route (https://github.com/dirk-weimar/let-me-confluence-that-for-you/issues/3)
    (500, {"error": {"code": 500, "message": "endpoint disabled for this model by API configuration", "type": ""}},
     R.model_not_found),
    # Tenstorrent's input cap (https://github.com/tenstorrent/tt-inference-server/issues/4277)
    (400, {"message": "Prompt exceeds maximum input sequence length (51200 tokens): prompt_tokens=52113",
           "type": "Bad Request", "code": 400}, R.context_overflow),
])
def test_holdout185_to_192_http_families(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    c = classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL)
    assert c.reason is expect
    if expect is R.server_error:
        assert not c.should_rotate_credential  # the deployment is unhealthy, not the key


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a server the caller could not reach or that did not answer in time, in its clients' words
    # (https://github.com/langflow-ai/langflow/issues/5583, https://github.com/cyberchitta/openai_ex/issues/106,
    # https://github.com/logancyang/obsidian-copilot/issues/1333, https://github.com/juanrgon/chatgpt-cli/issues/1,
    # https://github.com/seratch/ChatGPT-in-Slack/pull/47,
    # https://github.com/foundation-model-stack/fms-guardrails-orchestrator/issues/397)
    ("Error", "Could not retrieve model, please make sure Ollama is running.", R.timeout),
    ("Error", "unknown Finch Error - :nxdomain", R.timeout),
    ("Error", "BodyStreamBuffer was aborted", R.timeout),
    ("reqwest::Error", 'reqwest::Error { kind: Request, url: Url { scheme: "https", cannot_be_a_base: false, username: '
     '"", password: None, host: Some(Domain("api.openai.com")), port: None, path: "/v1/chat/completions", query: None, '
     "fragment: None }, source: TimedOut }", R.timeout),
    ("Error", "Sorry! It looks like OpenAI didn't respond within 75 seconds. Please try again later. :bow:", R.timeout),
    ("Error", "fms_guardrails_orchestr8::clients::http: failure handling request: client error (SendRequest)",
     R.timeout),
    # near miss: a relay's 502 around the same send failure is its upstream's (https://github.com/Wei-Shaw/
    # claude-relay-service/issues/1253)
    ("Error", "API Error: 502 请求转发失败: 上游请求失败: client error (SendRequest). This is a server-side issue, "
     "usually temporary — try again in a moment. If it persists, check your inference gateway (127.0.0.1:15721).",
     R.server_error),
    # aiohttp's body cut before its declared length (https://github.com/open-webui/open-webui/issues/24559)
    ("Error", "Not enough data to satisfy transfer length header.", R.stream_incomplete),
    # a model the provider cannot serve (https://github.com/BerriAI/litellm/issues/333,
    # https://github.com/run-llama/llama_index/issues/10286)
    ("litellm.llms.huggingface_restapi.HuggingfaceError", "Pipeline cannot infer suitable model classes from "
     "TheBloke/Llama-2-13B-chat-GGUF", R.model_not_found),
    ("ReplicateError", "Sorry, this version is currently disabled due to failing setupruns.", R.model_not_found),
    # Alamofire's status (https://github.com/btfranklin/CleverBird/issues/6)
    ("CleverBird.CleverBirdError", 'requestFailed(message: "Response status code was unacceptable: 404.")',
     R.model_not_found),
    # request defects, one under LiteLLM's connection error (https://github.com/BerriAI/litellm/issues/34111,
    # https://github.com/BerriAI/litellm/pull/37199)
    ("litellm.exceptions.APIConnectionError", 'litellm.APIConnectionError: Cohere_chatException - {"id":"3d71291b-8a91-'
     "44e9-8431-d1337b90a07b\",\"message\":\"unknown field: parameter 'num_generations' is not a valid field. For "
     'proper usage, please refer to https://docs.cohere.com/reference/chat"}', R.format_error),
    ("Error", "acreate_batch() missing 1 required positional argument: 'input_file_id'", R.format_error),
    # one request over the per-minute budget, its sentence cut by pytest's summary
    # (https://github.com/thisisartium/continuous-alignment-testing/issues/39)
    ("openai.RateLimitError", "Error code: 429 - {'error': {'message': 'Request too large for gpt-4-turbo-preview in "
     "or...", R.context_overflow),
    # answers a client could not read (https://github.com/confident-ai/deepeval/issues/929,
    # https://github.com/BoltAI/BoltAI/issues/312, https://github.com/64bit/async-openai/issues/283,
    # https://github.com/firebase/flutterfire/issues/17719)
    ("ValueError", "Evaluation LLM outputted an invalid JSON. Please use a better evaluation model.",
     R.malformed_response),
    ("Error", "The data couldn't be read because it is missing", R.malformed_response),
    ("Error", 'JSONDeserialize(Error("missing field `prompt_tokens_details`", line: 18, column: 3))',
     R.malformed_response),
    ("FormatException", "Unexpected character (at offset 0)", R.malformed_response),
    # a client's sentence for the provider's failure (https://github.com/dmMaze/BallonsTranslator/issues/221)
    ("Error", "OpenAI encountered a server error, possibly due to high server load. Use a different translator or try "
     "again later.", R.server_error),
    # OpenRouter's bare words for its upstream's failure (https://github.com/RooCodeInc/Roo-Code/issues/442)
    ("Error", "API Request Fail - Provider returned error", R.server_error),
    # near miss: under a 400 they are the upstream's refusal of the request
    # (https://github.com/diegosouzapw/OmniRoute/issues/1718)
    ("Error", "[400]: Error from provider: Provider returned error", R.format_error),
])
def test_holdout193_to_200_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the fourth representative wave (holdouts 193 to 200), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


def test_openrouter_user_not_found_cools_the_key_without_declaring_it_dead() -> None:
    """OpenRouter's 401 "User not found." is a key it cannot tie to an account: a mistyped or misread key in twelve
    public reports, and every key during an OpenRouter incident (https://github.com/anomalyco/opencode/issues/14252;
    the body: https://github.com/apurvsinghgautam/robin/issues/103). Rotate, but as ``auth`` (cooled), not
    ``auth_permanent`` (dead until an operator resets it)."""
    c = classify_api_error(exception_from_http("openai", 401, {"error": {"message": "User not found.", "code": 401}}),
                           word_model=NO_MODEL)
    assert c.reason is R.auth
    assert c.should_rotate_credential
    # near miss: a credential the provider says was revoked stays dead (the built-in table's anthropic_oauth_revoked)
    revoked = classify_api_error(exception_from_http("anthropic", 401, {"type": "error", "error": {
        "type": "authentication_error", "message": "OAuth token has been revoked. Please obtain a new token."}}),
        word_model=NO_MODEL)
    assert revoked.reason is R.auth_permanent


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Claude Code's refusal of an environment key, the agent SDK's code glued to it
    # (https://github.com/YishenTu/claudian/issues/593)
    ("Error", "authentication_failedInvalid API key · Fix external API key", R.auth),
    # openai<1.0 refusing an empty answer (https://github.com/BerriAI/litellm/issues/535)
    ("ValueError", 'You cannot set content to an empty string. We interpret empty strings as None in requests.You may '
     'set {\n  "content": null,\n  "logprobs": null,\n  "role": "assistant"\n}.content = None to delete the property',
     R.empty_response),
    # an empty answer whose client then guesses at causes (https://github.com/RightNow-AI/openfang/issues/479)
    ("Error", "The model returned an empty response. This usually means the model is overloaded, the context is too "
     "large, or the API key lacks credits. Try again or check /status.", R.empty_response),
    # near miss: the provider's own capacity words stay load
    ("Error", "The model is overloaded. Please try again later.", R.overloaded),
    # Gemini's older models over their input window
    # (https://github.com/ITSpecialist111/ai_automation_suggester/issues/42)
    ("Error", 'Google API error: { "error": { "code": 400, "message": "Input request contains (35490) tokens, which is '
     'more than the max tokens limit allowed: (30720)", "status": "INVALID_ARGUMENT" } }', R.context_overflow),
    # a hosted free trial's allowance spent, under a 429 (https://github.com/continuedev/continue/issues/3952)
    ("Error", "HTTP 429 Too Many Requests from https://proxy-server-blue-l6vsfbzhba-uw.a.run.app/stream_chat You have "
     "exceeded the maximum number of requests for the free trial.", R.billing),
    # near miss: a plain throttle under the same status line
    ("Error", "HTTP 429 Too Many Requests from https://api.example.com/v1/chat Too many requests, please slow down.",
     R.rate_limit),
    # the AI SDK's error marker between the class and the reason phrase
    # (https://github.com/stackblitz-labs/bolt.diy/issues/558)
    ("APICallError", "APICallError [AI_APICallError]: Not Found", R.model_not_found),
    ("APICallError", "APICallError [AI_APICallError]: Service Unavailable", R.overloaded),
    # curl's and Windows' reset connection (https://github.com/keldenl/gpt-llama.cpp/issues/49)
    ("Error", "curl: (56) Recv failure: Connection was reset", R.timeout),
    # a number before another status's reason phrase is an id, not a status
    # (https://github.com/huggingface/text-generation-inference/issues/2316)
    ("Error", "Request failed during generation: Server error: Batch ID 408 not found in cache.", R.server_error),
    # near misses: the phrase that belongs to the number, and a status with no phrase of its own
    ("Error", "Error: 408 Request Timeout", R.timeout),
    ("Error", "Error: 529 Service Unavailable", R.overloaded),
    # a base URL no client can send to, under a connection error (https://github.com/microsoft/autogen/issues/325,
    # https://github.com/OpenHands/OpenHands/issues/952)
    ("openai.error.APIConnectionError", "Error communicating with OpenAI: No connection adapters were found for "
     "'127.0.0.1:5001/v1/chat/completions'", R.format_error),
    ("httpx.UnsupportedProtocol", "Request URL is missing an 'http://' or 'https://' protocol.", R.format_error),
    # near miss: a connection that was refused is the network's
    ("openai.error.APIConnectionError", "Error communicating with OpenAI: HTTPConnectionPool(host='127.0.0.1', "
     "port=5001): Max retries exceeded with url: /v1/chat/completions (Caused by NewConnectionError(': Failed to "
     "establish a new connection: [Errno 111] Connection refused'))", R.timeout),
    # a relay's own upstream account refused, its status lost in the paste (https://github.com/Wei-Shaw/sub2api/issues/
    # 5895)
    ("Error", '{\n"error": {\n"message": "Upstream access forbidden, please contact administrator",\n"type": '
     '"upstream_error"\n}\n}', R.server_error),
    # near miss: the caller's own key refused
    ("Error", '{"error": {"message": "Invalid API key provided", "type": "invalid_request_error"}}', R.auth),
    # a Go client's stream reader at the end of its input (https://github.com/defilantech/LLMKube/issues/734)
    ("Error", "read SSE stream: unexpected EOF", R.stream_incomplete),
])
def test_holdout201_to_208_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the fifth representative wave (holdouts 201 to 208), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


def test_a_chat_template_that_raises_is_the_requests_fault_under_a_500() -> None:
    """llama.cpp answers a conversation its model's Jinja template refuses with a 500 quoting the template's
    ``raise_exception`` (https://github.com/ggml-org/llama.cpp/issues/17040, the body as pasted, cut by the paster):
    the messages' shape is at fault, so the same request must not be retried on the same server."""
    body = ('{"error":{"code":500,"message":"Cannot pass both content and thinking in an assistant message with tool '
            'calls! Put the analysis message in one or the other, but not both. at row 290, column 178:\\n            '
            '{%- if message.content and message.thinking %}\\n                {{- raise_exception(\\"Cannot pass both '
            'content and thinking in an assistant message with tool calls! Put the analysis message in one or the '
            'other, but not both.\\") }}\\n ')
    c = classify_api_error(exception_from_http("openai", 500, body), word_model=NO_MODEL)
    assert c.reason is R.format_error
    assert not c.retryable
    # near miss: a 500 that names no template is the server's
    plain = classify_api_error(exception_from_http("openai", 500, {"error": {"code": 500, "message": "Internal server "
                                                                             "error"}}), word_model=NO_MODEL)
    assert plain.reason is R.server_error


def test_an_envoy_reset_under_a_403_does_not_rotate_the_key() -> None:
    """Higress (an Envoy) cuts a slow upstream after its idle timeout and answers the client with its reset sentence
    under a 403 (https://github.com/gpustack/gpustack/issues/4725): the key was never looked at, so it must not be
    cooled or rotated."""
    c = classify_api_error(exception_from_http("openai", 403, "upstream connect error or disconnect/reset before "
                                               "headers. reset reason: connection termination"),
                           word_model=NO_MODEL)
    assert c.reason is R.server_error
    assert not c.should_rotate_credential
    # near miss: a 403 that is the provider's refusal of the key
    refused = classify_api_error(exception_from_http("openai", 403, {"error": {"message": "Forbidden", "type":
                                                                               "permission_error"}}),
                                 word_model=NO_MODEL)
    assert refused.should_rotate_credential


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Cursor's words for a request that got no answer (https://github.com/leookun/cursor-byok/issues/7)
    ("Error", "Connection failed. Please try again, or contact support if the issue persists.", R.timeout),
    # urllib3's connect timeout in a wrapper's text that ends on it (https://github.com/langgenius/dify/issues/19062)
    ("PluginInvokeError", '{"args":{},"error_type":"RuntimeError","message":"get xinference model extra parameter '
     "failed, url: http://192.168.50.150:9997/v1/models/f593ad50-8e69-11ee-93cf-437b86dbc17b, error: "
     "HTTPConnectionPool(host='192.168.50.150', port=9997): Max retries exceeded with url: "
     '/v1/models/f593ad50-8e69-11ee-93cf-437b86dbc17b (Caused by ConnectTimeoutError(', R.timeout),
    # a key missing, unknown or refused, in a proxy's, a cloud's and a plugin's words
    # (https://github.com/continuedev/continue/issues/11139, https://github.com/HIllya51/LunaTranslator/issues/1033,
    # https://github.com/brianpetro/obsidian-smart-connections/issues/393, https://github.com/infiniflow/ragflow/issues/3865)
    ("Error", '"We couldn\'t find a secret with the name \\"XAI_API_KEY\\". You can add this secret at '
     "https://continue.dev/settings/secrets%3FsecretName=XAI_API_KEY. If you already have this secret configured, you "
     'may need to switch to the correct organization."', R.auth),
    ("Error", "The SecretId is not found, please ensure that your SecretId is correct.", R.auth),
    ("Error", "Smart Connections: API key is not working as expected!", R.auth),
    ("Error", "ERROR: Fail to access model(Qwen/Qwen2.5-72B-Instruct___HuggingFace).**ERROR**: Error code: 400 - "
     "{'error': 'Authorization header is correct, but the token seems invalid'}", R.auth),
    # near miss: a request defect under the same 400 stays the request's
    ("Error", "ERROR: Fail to access model(Qwen/Qwen2.5-72B-Instruct___HuggingFace).**ERROR**: Error code: 400 - "
     "{'error': 'Input validation error: `inputs` must have less than 4096 tokens'}", R.context_overflow),
    # a hosted app's licence switched off (https://github.com/chatboxai/chatbox/issues/969)
    ("Error", 'API Error: {"error":{"code":"license_inactived","detail":"License Inactived","status":401,"title":'
     '"License Inactived"}}\n\nAn error has occurred with Chatbox-AI, which is usually caused by incorrect settings or '
     "account issues.", R.auth_permanent),
    # google-generativeai's region refusal re-raised by LangChain (https://github.com/svpino/alloy-voice-assistant/issues/8)
    ("ValueError", "Your location is not supported by google-generativeai at the moment. Try to use ChatVertexAI LLM "
     "from langchain_google_vertexai.", R.provider_policy_blocked),
    # OpenAI's first sentence alone (https://github.com/1Panel-dev/MaxKB/issues/3702)
    ("Error", "'max_tokens' is not supported with this model", R.max_tokens_unsupported),
    # near miss: another parameter this model refuses is a plain request defect
    ("Error", "Error code: 400 - 'response_format' of type 'json_object' is not supported with this model.",
     R.format_error),
    # a server's fault in its clients' words (https://github.com/dwgx/WindsurfAPI/issues/245,
    # https://github.com/warpdotdev/warp/issues/2860)
    ("Error", "API Error: Server error mid-response", R.server_error),
    ("Error", "It appears We are experiencing technical difficulties right now. Please try again later",
     R.server_error),
    # answers with nothing in them (https://github.com/Richasy/Bili.Copilot/issues/774,
    # https://github.com/onyx-dot-app/onyx/issues/11613)
    ("Microsoft.SemanticKernel.KernelException", "HunYuan API doesn't return any data.", R.empty_response),
    ("Error", "LiteLLM response stream must include at least one choice", R.empty_response),
    # a managed credential not entitled to the model (https://github.com/langgenius/dify/issues/30493)
    ("Error", "No permission to use this model", R.model_not_found),
])
def test_holdout209_to_216_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the sixth representative wave (holdouts 209 to 216), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Rust's io::ErrorKind name printed alone by its client (https://github.com/LostRuins/koboldcpp/issues/1971)
    ("Error", "ConnectionRefused", R.timeout),
    # LM Studio's prompt over the loaded context, under a 400
    # (https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/237)
    ("BadRequestError", "<LM Studio error> Trying to keep the first 15857 tokens when context the overflows.",
     R.context_overflow),
    # Ollama's early answer for a model never pulled (https://github.com/ollama/ollama/issues/460)
    ("ValueError", "Ollama call failed with status code 400. Details: stat /Users/satyam7166/.ollama/models/manifests/"
     "registry.ollama.ai/library/llama2/13b: no such file or directory", R.model_not_found),
    # near miss: another file the server could not find is not a model's manifest
    ("ValueError", "Ollama call failed with status code 400. Details: open /tmp/upload/image.png: no such file or "
     "directory", R.format_error),
])
def test_holdout217_to_220_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the seventh representative wave (holdouts 217 to 220), with real
    shapes and a near miss (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Go's failed DNS lookup inside a container (https://github.com/getzep/zep/issues/46)
    ("Error", 'SummaryExtractor extract failed: extractor error: SummaryExtractor summarize failed (original error: '
     'Post "https://api.openai.com/v1/chat/completions": dial tcp: lookup api.openai.com on 127.0.0.11:53: no such '
     'host)',
     R.timeout),
    # Windows' WSAECONNABORTED (https://github.com/NousResearch/hermes-agent/issues/87292)
    ("Error", "[WinError 10053] An established connection was aborted by the software in your host machine", R.timeout),
    # LiteLLM's router with a model name it cannot map (https://github.com/BerriAI/litellm/issues/12097)
    ("litellm.BadRequestError", "litellm.BadRequestError: Unmapped LLM provider for this endpoint. You passed "
     "model=anthropic.claude-3-5-sonnet-20240620-v1:0, custom_llm_provider=", R.model_not_found),
    # Jackson's strict binding of an answer that grew a field (https://github.com/OtterMind/Chat2DB/issues/901)
    ("com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException", 'Unrecognized field "system_fingerprint" '
     '(class ai.chat2db.server.web.api.controller.ai.response.ChatCompletionResponse), not marked as ignorable (6 '
     'known properties: "usage", "choices", "created", "model", "id", "object"])', R.malformed_response),
    # Helicone's proxy on a key not shaped like one, printed without its status
    # (https://github.com/Helicone/helicone/issues/1131)
    ("Error", "API Key is not well formed", R.auth),
    # OpenResty's 401 page inside LiteLLM's exception text (https://github.com/BerriAI/litellm/pull/1765)
    ("Error", "PerplexityException - <html>\n<head><title>401 Authorization Required</title></head>\n<body>\n<center>"
     "<h1>401 Authorization Required</h1></center>\n<hr><center>openresty/1.21.4.3</center>", R.auth),
    # near misses: Jackson's words under a server's 400 are its complaint about the request; a connection reset stays a
    # transport fault
    ("BadRequestError", 'Error code: 400 - Unrecognized field "foo" (class Request), not marked as ignorable',
     R.format_error),
    ("Error", "[WinError 10054] An existing connection was forcibly closed by the remote host", R.timeout),
])
def test_holdout221_to_228_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the eighth representative wave (holdouts 221 to 228), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # MLC LLM's server, with the window it computed (https://github.com/mlc-ai/mlc-llm/issues/2447, /2692)
    ("BadRequestError", 'Error code: 400 - {"object":"error","message":"Request prompt has 2354 tokens in total, '
     'larger than the model input length limit -80.","code":400}', R.context_overflow),
    ("mlc_llm.protocol.error_protocol.BadRequestError",
     "Request prompt has 38726 tokens in total, larger than the model input length limit 8192.", R.context_overflow),
    # a server's snake_case code for a prompt over its window, cut by GitHub's title
    # (https://github.com/jjang-ai/vmlx/issues/253)
    ("Error", "Error invoking remote method 'chat:sendMessage': Error: Failed to send message: Server error: "
     "prompt_too_long: tokenized VLM text prompt has 20767 tokens, max prompt/context tokens is", R.context_overflow),
    # Firefox's network timeout, as Playwright prints it (https://github.com/A-kirami/nonebot-plugin-chatgpt/issues/132)
    ("playwright._impl._api_types.Error", 'NS_ERROR_NET_TIMEOUT\n=========================== logs '
     '===========================\nnavigating to "https://chat.openai.com/chat", waiting until "load"\n'
     "============================================================", R.timeout),
    # OpenAI's legacy engines on a model of another family (https://github.com/zurawiki/gptcommit/issues/46)
    ("Error", 'Unexpected JSON response:\n{"error":{"code":null,"message":"You requested a model that is not '
     'compatible with this engine. Please contact us through our help center at help.openai.com for further '
     'questions.","param":"model","type":"invalid_request_error"}}', R.model_not_found),
    # near miss: Gecko's generic failure code names no network fault
    ("Error", "NS_ERROR_FAILURE", R.unknown),
])
def test_holdout229_to_232_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the ninth representative wave (holdouts 229 to 232), with real
    shapes and a near miss (the rules alone)."""
    assert _rules_alone(type_name, text) is expect

@pytest.mark.parametrize(("status", "body", "expect"), [
    # FastChat's INVALID_MODEL (40301), its served list empty (https://github.com/feiyun0112/Local-LLM-Server/issues/1)
    (400, {"object": "error", "message": "Only  allowed now, your model ChatModel", "code": 40301}, R.model_not_found),
    # LM Studio asked for a model it has not loaded (https://github.com/Pythagora-io/gpt-pilot/issues/769)
    (500, {"error": "Model with key 'gpt-4-turbo-preview' not loaded."}, R.model_not_found),
    # near miss: LM Studio's 500 about anything else stays its server's fault (its crash wording, as
    # https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1347 reports it; its "Unexpected endpoint or method" is
    # the caller's base URL, a request defect: wave 90)
    (500, {"error": "The model has crashed without additional information. (Exit code: 18446744072635812000)"},
     R.server_error),
])
def test_a_local_server_that_does_not_serve_the_model_named(status: int, body: Any, expect: FailoverReason) -> None:
    """A local OpenAI-compatible server's own words for a model it does not serve send the request to another model,
    whatever status it answers with."""
    error = exception_from_http("openai", status, body)
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect


_TPM_TOO_LARGE = ("Request too large for {where} on tokens per min (TPM): Limit {limit}, Requested {requested}. The "
                  "input or output tokens must be reduced in order to run successfully. Visit "
                  "https://platform.openai.com/account/rate-limits to learn more.")


@pytest.mark.parametrize(("where", "limit", "requested", "expect"), [
    # one request larger than the whole minute's budget: no wait lets it through
    # (https://github.com/Aider-AI/aider/issues/1880)
    ("gpt-4o in organization org-2itOgSdqw0DhUYp0QyLhttLL", 30000, 36278, R.context_overflow),
    # a 546-token request against 250,000 a minute: what is left of this minute cannot take it; OpenAI calls it a rate
    # limit (https://github.com/UKGovernmentBEIS/inspect_ai/pull/1396)
    ("organization org-XXXXXXXXXXXXX", 250000, 546, R.rate_limit),
])
def test_request_too_large_reads_its_own_numbers(where: str, limit: int, requested: int,
                                                 expect: FailoverReason) -> None:
    """OpenAI's "Request too large ... on tokens per min" is a context overflow only when the request is larger than
    the budget it names; a request that fits is throttled."""
    body = {"error": {"message": _TPM_TOO_LARGE.format(where=where, limit=limit, requested=requested),
                      "type": "tokens", "param": None, "code": "rate_limit_exceeded"}}
    error = exception_from_http("openai", 429, body)
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect

_GOOGLE_API_CORE_QUOTA = (
    "429 You exceeded your current quota, please check your plan and billing details. For more information on this "
    "error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. [violations {{\n{violations}}}\n, links {{\n"
    '  description: "Learn more about Gemini API quotas"\n  url: "https://ai.google.dev/gemini-api/docs/rate-limits"\n'
    "}}\n, retry_delay {{\n  seconds: {seconds}\n}}\n]"
)
_PER_DAY_VIOLATION = (
    '  quota_metric: "generativelanguage.googleapis.com/generate_content_free_tier_requests"\n'
    '  quota_id: "GenerateRequestsPerDayPerProjectPerModel-FreeTier"\n'
)


@pytest.mark.parametrize(("violations", "seconds", "expect", "wait"), [
    # https://github.com/cline/cline/issues/2540: a per-minute quota, 19 s to wait
    ("", 19, R.rate_limit, 19.0),
    # https://github.com/agent0ai/agent-zero/issues/403: a per-day free-tier quota spent; its 44 s reopens nothing
    (_PER_DAY_VIOLATION, 44, R.billing, 44.0),
    # near miss: no wait printed at all, a quota wall (billing)
    ("", None, R.billing, None),
])
def test_a_retry_delay_printed_as_protobuf_text_is_the_quotas_wait(violations: str, seconds: int | None,
                                                                   expect: FailoverReason, wait: float | None) -> None:
    """google-api-core prints Google's RetryInfo inside its exception's text as protobuf text ("retry_delay {
    seconds: 19 }"), where a JSON body has ``retryDelay``: it is the wait, and a quota that reopens in seconds is a
    throttle unless a per-day quota is named."""
    text = _GOOGLE_API_CORE_QUOTA.format(violations=violations, seconds=seconds)
    if seconds is None:
        text = text.split(", retry_delay")[0] + "]"
    verdict = classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL)
    assert (verdict.reason, verdict.retry_after) == (expect, wait)


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a browser's CORS block of a local server that does not allow the extension's origin
    # (https://github.com/andrewnguonly/Lumos/issues/145)
    ("Error", "Access to fetch at 'http://127.0.0.1:11434/api/tags' from origin "
     "'chrome-extension://mdkmkgmeleogeakokmdmcmiphcpinamb' has been blocked by CORS policy: No "
     "'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your "
     "needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.", R.format_error),
    # Vertex AI's online-prediction endpoint whose replicas are full
    # (https://github.com/GoogleCloudPlatform/vertex-ai-samples/pull/996)
    ("ResourceExhausted", "429 Rate of traffic exceeds capacity. Ramp your traffic up more slowly. endpoint_id: "
     "5484953337579175936, deployed_model_id: 5065727146094231552", R.overloaded),
    # SAP's generative AI hub SDK (https://github.com/SAP-docs/sap-artificial-intelligence/issues/55)
    ("ValueError", "No deployment found with: deployment.model_name == gpt-4o.", R.model_not_found),
    # a corporate gateway's token kept from the model, under a 401 (https://github.com/truera/trulens/issues/911)
    ("openai.AuthenticationError", "Error code: 401 - {'error': {'id': '471ce4ff-656c-46b4-bd85-d7cd870f08db', "
     "'code': 401, 'type': 'UPTIMIZE NLP API Error', 'message': \"NLP API Token is not authorised to use model "
     "'gpt-3.5-turbo'.\", 'param': ''}}", R.model_not_found),
    # KoboldAI Lite on an endpoint it could not reach (https://github.com/oobabooga/textgen/issues/3361)
    ("Error", "Error Encountered\nFailed to connect to Custom Kobold Endpoint!\n\nPlease check if KoboldAI is running "
     "at the url: https://into-judicial-virginia-oecd.trycloudflare.com", R.timeout),
    # a proxy's 200 whose body is no JSON (https://github.com/TriDefender/zcode-api/issues/28)
    ("Error", "model.upstream_invalid_response: Custom OpenAI returned status 200 non-JSON body (generate): expected "
     "value at line 1 column 1", R.malformed_response),
    # the Realtime API refusing a truncate past the audio's end, as text and as the SDK model's repr
    # (https://github.com/pipecat-ai/pipecat/issues/3677, /2106)
    ("Error", "Audio content of 2650ms is already shorter than 9100ms", R.format_error),
    ("ErrorFrame", "A fatal error occurred: ErrorFrame#1(error: Error: event_id='event_BobedUl333Nb1OtoyABG1' "
     "type='error' error=RealtimeError(type='invalid_request_error', code='invalid_value', message='Audio content of "
     "2450ms is already shorter than 2535ms', param=None, event_id=None), fatal: True)", R.format_error),
    # the ChatGPT web backend asking for the request again, and a bare status after a colon
    # (https://github.com/wong2/chatgpt-google-extension/issues/251, /308)
    ("Error", 'Failed to load response from ChatGPT:\n{"detail":"An error ocurred. Try refreshing your browser."}',
     R.transient),
    ("Error", "Failed to load response from ChatGPT:\n(429)", R.rate_limit),
    # a relay's message that is .NET's name for the status, its request id after it
    # (https://github.com/EleutherAI/lm-evaluation-harness/issues/2594)
    ("Error", 'API request failed with error message: {"error":{"message":"TooManyRequests (request id: '
     '2024122409073560778743599911171)","type":"internal_error","param":"","code":"yesai_api_error"}}. Retrying...',
     R.rate_limit),
    # Copilot Studio's error code alone (https://github.com/microsoft/Power-CAT-Copilot-Studio-Kit/issues/296)
    ("Error", "GenAIToolPlannerRateLimitReached", R.rate_limit),
    # near misses: a server that says it is running (no connection failed; its 404 decides when it comes with it:
    # KoboldCpp's koboldcpp.py); the extension's shape with words after the status, which then no longer ends the text;
    # a quoted code that names a throttle stays one (https://github.com/openai/openai-python/issues/2084)
    ("Error", "Error: KoboldCpp HTTP Server is running, but this endpoint does not exist. Please check the URL.",
     R.unknown),
    ("Error", "Failed to load response from ChatGPT:\n(429) and more", R.unknown),
    ("BatchError", "BatchError(code='token_limit_exceeded', line=None, message='Enqueued token limit reached for "
     "gpt-4o-mini in organization org-snq6hvcTYRCMyB87hjZjkoFr. Limit: 2,000,000 enqueued tokens. Please try again "
     "once some in_progress batches have been completed.', param=None)", R.rate_limit),
])
def test_holdout233_to_239_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the tenth representative wave (holdouts 233 to 239), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


def test_a_relay_token_kept_from_a_model_falls_back_without_blaming_the_key() -> None:
    """one-api's 403 for a token not entitled to a model (https://github.com/promptfoo/promptfoo/issues/7880) is the
    model's availability for this credential, not a refused key: the model is suspended for this key only."""
    body = {"error": {"message": "This token is not authorized to use the model: gpt-4.1-2025-04-14 (request id: "
                                 "2026022614450261636668762392969)", "type": "one_api_error"}}
    verdict = classify_api_error(exception_from_http("openai", 403, body), word_model=NO_MODEL)
    assert (verdict.reason, verdict.scope) == (R.model_not_found, Scope.credential_model)


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # llama.rn on a phone, its window full (https://github.com/a-ghorbani/pocketpal-ai/issues/371, /339)
    ("Error", "Completion failed: Context is full", R.context_overflow),
    ("Error", "Completion failed: Not enough context space", R.context_overflow),
    # "invalid API key" in a Chinese client's words (https://github.com/ChatGPTNextWeb/NextChat/issues/5483)
    ("Error", "检测到无效 API Key\uff0c请前往[设置](tauri://localhost/#/settings)页检查 API Key 是否配置正确。",
     R.auth),
    # a server the client could not reach, or a proxy could not fetch, whatever class the client gives it
    # (https://github.com/Comfy-Org/ComfyUI/issues/12372, https://github.com/stavsap/comfyui-ollama/issues/22)
    ("comfy_api_nodes.util.common_exceptions.ApiServerError", "The API server at https://api.comfy.org is currently "
     "unreachable. The service may be experiencing issues.", R.timeout),
    ("Error", "The following error was encountered while trying to retrieve the URL: "
     "http://127.0.0.1:11434/api/generate", R.timeout),
    # a Gemini candidate with no parts, in a client's words (https://github.com/valentinfrlch/ha-llmvision/issues/471)
    ("Error", "Provider Google failed: No content parts were returned from Google API", R.empty_response),
    # a Chinese backend's generic "system exception" (https://github.com/adhikasp/mcp-client-cli/issues/26)
    ("Error", "Error: 系统异常", R.server_error),
    # near miss: an app's network error code names no failure kind (https://github.com/rijieli/OllamaChat/issues/2)
    ("Error", "The operation couldn't be completed. (OllamaChat.NetError 2.)", R.unknown),
])
def test_holdout240_to_245_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the eleventh representative wave (holdouts 240 to 245), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a client's decoder failing on the answer, however it heads it (https://github.com/llm-edge/hal-9100/issues/96,
    # https://github.com/Wei-Shaw/sub2api/issues/5723, https://github.com/carlrobertoh/ProxyAI/issues/1171)
    ("Error", "Error calling OpenAI API: Deserialization Error: missing field `id` at line 8 column 1",
     R.malformed_response),
    ("Error", "Couldn't read the response — serialization error: missing field `created_at`. Try sending again.",
     R.malformed_response),
    ("Error", 'Connection failed: Unknown API response. Code: 200, Body: {"id":some_id,"object":"text_completion",'
     '"created":1764193938,"model":"gpt-4.1-nano","choices":[{"text":"Hello! How can I assist you today?","index":0,'
     '"finish_reason":"stop"}]}', R.malformed_response),
    # ... the same client's "Code: <status>, Body:" states the status (https://github.com/carlrobertoh/ProxyAI/issues/603)
    ("Error", "Unknown API response. Code: 403, Body: detail", R.auth),
    # an SDK's own words for an answer it could not map: openai-java's exception, the .NET SDK's enum
    # (https://github.com/openai/openai-java/issues/86, https://github.com/openai/openai-dotnet/issues/993)
    ("com.openai.errors.OpenAIInvalidDataException", "'choices' is not set", R.malformed_response),
    ("System.ArgumentOutOfRangeException", "Unknown ReasoningStatus value. (Parameter 'value')", R.malformed_response),
    # LangChain's Ollama stream that carried nothing (https://github.com/ollama/ollama/issues/1329)
    ("ValueError", "No data received from Ollama stream.", R.empty_response),
    # ChatGPT's capacity notice is load (https://github.com/PawanOsman/ChatGPT.Net/issues/10)
    ("Error", "We're currently processing too many requests. Please try again later.", R.overloaded),
    # OkHttp's refused connection without its class (https://github.com/carlrobertoh/ProxyAI/issues/340)
    ("Error", "Failed to connect to api.openai.com/31.13.94.49:443", R.timeout),
    # a key refused in a relay's and Anthropic's words, no status (https://github.com/chatanywhere/GPT_API_free/issues/136,
    # https://github.com/stackblitz-labs/bolt.diy/issues/156)
    ("Error", "非OpenAI官方接口返回了错误:wrong api key", R.auth),
    ("APICallError", "x-api-key header is required", R.auth),
    # near misses: a request the client could not serialize stays unread (https://github.com/cursor/cursor/issues/3660);
    # "unknown error" before another noun is no unknown answer (https://github.com/replicate/replicate-python/issues/262);
    # a connection that got an answer is read by its status (https://github.com/zed-industries/zed/issues/33250)
    ("Error", "Serialization error in aiserver.v1.StreamUnifiedChatRequestWithTools", R.unknown),
    ("ModelError", "Unknown error handling prediction.", R.unknown),
    ("Error", "Error interacting with language model\nFailed to connect to API: 400 Bad Request Bad Request",
     R.format_error),
])
def test_holdout246_to_253_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twelfth representative wave (holdouts 246 to 253), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Alamofire's AFError states its status (https://github.com/SonmezYigithan/AIChatAssistantApp-iOS/issues/3)
    ("Alamofire.AFError", "responseValidationFailed(reason: Alamofire.AFError.ResponseValidationFailureReason."
     "unacceptableStatusCode(code: 401))", R.auth),
    # a host the DNS did not resolve, in an Apple client's words (https://github.com/ml-explore/mlx-swift-examples/
    # issues/490)
    ("Error", "Server with specified Hostname cannot be found.", R.timeout),
    # a client's bare "server error" (https://github.com/TablePlus/TablePlus/issues/3147)
    ("Error", "Open AI Server Error.", R.server_error),
    # a thinking block replayed without its text (https://github.com/github/CopilotForXcode/issues/703)
    ("Error", 'Sorry, an error occurred while generating a response. Details: unhandled status from server: 400 '
     '{"error": {"message": "messages.1.content.0.thinking: each thinking block must contain thinking","code":'
     '"invalid_request_body"}} Request ID: xxx', R.thinking_signature),
    # near misses: "server error" beside words that name the failure (https://github.com/sahilhd/unify/blob/main/
    # ANTHROPIC_OVERLOAD_SOLUTION.md, https://github.com/microsoft/vscode-copilot-release/issues/13468)
    ("Error", "Server error: Overloaded", R.overloaded),
    ("Error", "Quota Exceeded Server Error: You have no quota Error Code: quota_exceeded", R.billing),
])
def test_holdout254_to_257_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the thirteenth representative wave (holdouts 254 to 257), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


_CLOUDFLARE_HEAD = (
    '<!DOCTYPE html>\n<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->\n'
    '<!--[if IE 7]>    <html class="no-js ie7 oldie" lang="en-US"> <![endif]-->\n'
    '<!--[if IE 8]>    <html class="no-js ie8 oldie" lang="en-US"> <![endif]-->\n'
    '<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->\n<head>\n\n')


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # openai-php's UnserializableResponse: the answer was not JSON (https://github.com/openai-php/client/issues/281)
    ("OpenAI\\Exceptions\\UnserializableResponse", "Syntax error", R.malformed_response),
    # iFlytek Spark's 11200 read by its field: the token allowance (https://github.com/log159/LogChat/issues/2), a
    # model's domain (https://github.com/zhayujie/CowAgent/issues/1740)
    ("Error", "syncOutput: 11200:AppIdNoAuthError:(21:00:00.909) tokens.total", R.billing),
    ("Exception", "请求错误: 11200, {'header': {'code': 11200, 'message': 'AppIdNoAuthError:(17:17:15.673) "
     "domain.generalv3', 'sid': 'cht000cdfcc@dx18d7db51418b8f3550', 'status': 2}}", R.model_not_found),
    # azure-identity's credential that got no token, under the identity endpoint's 400
    # (https://github.com/microsoft/kernel-memory/issues/664)
    ("Azure.Identity.AuthenticationFailedException", 'ManagedIdentityCredential authentication failed: Service '
     'request failed.\nStatus: 400 (Bad Request)\n\nContent:\n{"statusCode":400,"message":"Unable to load the proper '
     'Managed Identity.","correlationId":"5736390c-xxxx-xxxx-b163-b23242f3cf88"}', R.auth),
    # .NET's proxy that refused the tunnel, under an app's own 400 (https://github.com/microsoft/chat-copilot/issues/313)
    ("Error", "Unable to generate bot response. Details: Error: 400: => Unknown error (UnknownError): Something went "
     "wrong: Retry failed after 2 tries. (The proxy tunnel request to proxy failed with status code '503", R.timeout),
    # a feature the api-version predates (https://github.com/EvoTestOps/AISysRev/issues/104), a response_format
    # DeepSeek does not take (https://github.com/langfuse/langfuse/issues/8807)
    ("Error", "Response_format value as json_schema is enabled only for api versions 2024-08-01-preview and later",
     R.format_error),
    ("TRPCError", "Model configuration not valid for evaluation. 400 This response_format type is unavailable now",
     R.format_error),
    # Tencent Cloud's InvalidParameter with no status (https://github.com/langgenius/dify-official-plugins/issues/1302)
    ("PluginInvokeError", "[models] None, [TencentCloudSDKException] code:InvalidParameter message:Messages 以 "
     "user\uff08tool\uff09提问结束, tool 可以连续出现多次 requestId:940cf3c8-3656-4331-a851-010e87e2e4d1",
     R.format_error),
    # an app asking for another key (https://github.com/itcon-pty-au/stremio-ai-search/issues/129)
    ("Error", "Please enter a valid Gemini API key", R.auth),
    # Cloudflare's 520 page (https://github.com/crmne/ruby_llm/issues/606); near miss: its 524 page stays a timeout
    # (https://github.com/su-kaka/gcli2api/issues/354)
    ("Error", _CLOUDFLARE_HEAD + "<title>api.openai.com | 520: Web server is returning an unknown error</title>",
     R.server_error),
    ("Error", "Chat completion request error:  <none> " + _CLOUDFLARE_HEAD + "<title>283892.xyz | 524: A timeout "
     "occurred</title>", R.timeout),
])
def test_holdout258_to_265_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the fourteenth representative wave (holdouts 258 to 265), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Cody Gateway's abuse screen under its 400
    # (https://github.com/sourcegraph/sourcegraph-public-snapshot/issues/63023)
    ("Error", 'Request Failed: Sourcegraph Cody Gateway: unexpected status code 400: {"error":"request blocked - if '
     'you think this is a mistake, please contact support@sourcegraph.com and reference this ID: '
     '010df187e67388aa2808816e0f334cb1"}', R.content_policy_blocked),
    # a local server that did not answer (https://github.com/ggml-org/llama.vscode/issues/83); near miss: the same
    # words after a 404 are the answer's (https://github.com/ggml-org/llama.vscode/issues/217)
    ("Error", "Error getting suggestions. Please check if llama.cpp server is running", R.timeout),
    ("Error", "Request failed with status code 404.\nError getting response. Please check if llama.cpp server is "
     "running.", R.model_not_found),
    # Lua's cjson on an answer cut short (https://github.com/codota/tabnine-nvim/issues/151)
    ("Error", "Error executing vim.schedule lua callback: ...re/nvim/plugged/tabnine-nvim/lua/tabnine/chat/binary.lua:"
     "82: Expected value but found unexpected end of string at character 65537", R.malformed_response),
    # Bedrock's throttle words beat the quotas they point at
    # (https://github.com/aws-samples/amazon-bedrock-agents-healthcare-lifesciences/issues/136)
    ("Error", "Your request rate is too high. Reduce the frequency of requests. Check your Bedrock model invocation "
     "quotas to find the acceptable frequency.", R.rate_limit),
    # aiohttp's ContentTypeError with no status is the answer's (https://github.com/mishl-dev/Discord-AI-Chatbot/issues/
    # 184); near miss: under a 5xx it is the server's (https://github.com/xtekky/gpt4free/issues/2702)
    ("aiohttp.client_exceptions.ContentTypeError", "0, message='Attempt to decode JSON with unexpected mimetype: "
     "text/plain; charset=utf-8', url=URL('https://chat-aim.vercel.app/api/openai/v1/chat/completions')",
     R.malformed_response),
    ("Error", "500, message='Attempt to decode JSON with unexpected mimetype: text/plain; charset=utf-8', "
     "url='https://chat.nelogroup.me/api/OIVSCode/chat/completions'", R.server_error),
    # OpenAI's invalid_organization code under invalid_request_error (https://github.com/elizaOS/eliza-starter/issues/142)
    ("Error", '{\n    "error": {\n        "message": "You do not have access to the organization tied to the API key.",'
     '\n        "type": "invalid_request_error",\n        "param": null,\n        "code": "invalid_organization"\n    }'
     '\n}', R.auth),
    # the Agents SDK's ModelBehaviorError text alone (https://github.com/openai/openai-agents-js/issues/139)
    ("Error", "Invalid output type", R.malformed_response),
    # .NET's WebException in a Chinese locale (https://github.com/Asterecho/ExcelGPT/issues/6)
    ("System.Net.WebException", "远程服务器返回错误: (401) 未经授权。", R.auth),
])
def test_holdout266_to_273_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the fifteenth representative wave (holdouts 266 to 273), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


def test_holdout274_to_279_curl_resolve_failure_is_transport() -> None:
    """The fit of the sixteenth representative wave (holdouts 274 to 279): curl's exit 6 as plenary.nvim prints it
    (https://github.com/zbirenbaum/copilot.lua/issues/484) is a transport fault; near miss: a 404 with a server's
    words after it stays the answer's (https://github.com/ggml-org/llama.vscode/issues/217)."""
    text = ("....local/share/nvim/lazy/plenary.nvim/lua/plenary/curl.lua:310: get https://api.github.com/copilot_internal"
            '/v2/token - curl error exit_code=6 stderr={ "curl: (6) Could not resolve host: api.github.com" }')
    assert _rules_alone("Error", text) is R.timeout
    assert _rules_alone("Error", "Request failed with status code 404.\nError getting response. Please check if "
                        "llama.cpp server is running.") is R.model_not_found


def test_a_relay_out_of_credit_under_a_403_is_billing() -> None:
    """A relay's 403 whose type says the balance cannot pay (https://github.com/NoFxAiOS/nofx/issues/78) is billing,
    not the key."""
    body = {"error": {"code": "403", "message": "Your credit is insufficient", "params": None,
                      "type": "insufficient_credit"}}
    verdict = classify_api_error(exception_from_http("openai", 403, body), word_model=NO_MODEL)
    assert (verdict.reason, verdict.scope) == (R.billing, Scope.credential)


def test_a_key_refused_under_a_404_is_the_key() -> None:
    """Unstructured's API answers an unknown key with a 404 that says so
    (https://github.com/Unstructured-IO/unstructured/issues/637): the key, not the model; a 404 about the model stays
    the model's (https://github.com/openai/openai-agents-python/issues/458)."""
    body = {"detail": "API key is invalid, please provide a valid API key in the header."}
    verdict = classify_api_error(exception_from_http("openai", 404, body), word_model=NO_MODEL)
    assert (verdict.reason, verdict.scope) == (R.auth, Scope.credential)
    model = {"error": {"message": "The model `computer-use-preview-2025-03-11` does not exist or you do not have "
                                  "access to it.",
                       "type": "invalid_request_error", "param": None, "code": "model_not_found"}}
    assert classify_api_error(exception_from_http("openai", 404, model), word_model=NO_MODEL).reason is \
        R.model_not_found


def test_a_full_request_queue_is_load_not_a_full_context() -> None:
    """SGLang's 503 "The request queue is full." (python/sglang/srt/managers/scheduler.py) stays load: only a full
    context is the conversation's size."""
    body = {"object": "error", "message": "The request queue is full.", "type": "503", "param": None, "code": 503}
    verdict = classify_api_error(exception_from_http("openai", 503, body), word_model=NO_MODEL)
    assert verdict.reason is R.overloaded


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # AstrBot names the class it caught after "error type" in Chinese (https://github.com/AstrBotDevs/AstrBot/issues/360)
    ("Error", "AstrBot 请求失败。错误类型: TimeoutError", R.timeout),
    # near miss: the same template around a 404 stays the model's (https://github.com/AstrBotDevs/AstrBot/issues/1483)
    ("Error", "AstrBot 请求失败。 错误类型: NotFoundError 错误信息: Error code: 404", R.model_not_found),
    # a context overflow's name in CamelCase (https://github.com/nullclaw/nullclaw/issues/223)
    ("Error", "error: ContextLengthExceeded", R.context_overflow),
    # MiniMax's 529 in its own words (https://github.com/openclaw/openclaw/issues/69642)
    ("Error", "High traffic detected. For a more stable experience, upgrade to our Plus plan", R.overloaded),
    # an agent's own keys all cooling down (https://github.com/openclaw/openclaw/issues/10375)
    ("Error", "No available auth profile for google-antigravity (all in cooldown or unavailable)", R.rate_limit),
    # Gson and Cody on an answer they could not read (https://github.com/langchain4j/langchain4j/issues/1750,
    # https://github.com/sourcegraph/jetbrains/issues/2212)
    ("com.google.gson.JsonSyntaxException",
     "java.io.EOFException: End of input at line 1 column 1025 path $.context[0]", R.malformed_response),
    ("Error", "received no parseable response data from Anthropic", R.malformed_response),
    # a client that could not reach a named server (https://github.com/YorkieDev/LMStudioWebUI/issues/8)
    ("Error", "Error: Unable to connect to the LM Studio server. Please check the address and try again.", R.timeout),
    # near miss: the same words around a certificate failure stay TLS (https://github.com/jihe520/MathModelAgent/issues/109)
    ("Error", "API Error: Unable to connect to API (UNKNOWN_CERTIFICATE_VERIFICATION_ERROR)", R.tls_untrusted),
    # gemini-cli's advice after a 429, alone (https://github.com/google-gemini/gemini-cli/issues/1849) ...
    ("Error", "Please wait and try again later. To increase your limits, request a quota increase through AI Studio, "
              "or switch to another /auth method", R.rate_limit),
    # ... near miss: a spent quota in OpenAI's words stays billing
    # (https://github.com/father-bot/chatgpt_telegram_bot/issues/126)
    ("Error", "Something went wrong during completion. Reason: You exceeded your current quota, please check your plan "
              "and billing details.", R.billing),
])
def test_holdout280_to_287_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the seventeenth representative wave (holdouts 280 to 287), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


def test_fastchat_says_what_its_400_was_in_its_own_code() -> None:
    """FastChat answers every error with a 400 and names it in a five-digit code of its own
    (https://github.com/lm-sys/FastChat/blob/main/fastchat/constants.py): 50001, its internal error, is the server's
    fault however the client printed it (https://github.com/ShishirPatil/gorilla/issues/70), as is its canned "NETWORK
    ERROR DUE TO HIGH TRAFFIC" (https://github.com/chatchat-space/Langchain-Chatchat/issues/2083). Near misses: its
    40302 on a parameter out of range stays the request's (https://github.com/chatchat-space/Langchain-Chatchat/issues/1944),
    its 40301 the model's (https://github.com/chatchat-space/Langchain-Chatchat/issues/2272)."""
    empty = {"object": "error", "message": "", "code": 50001}
    verdict = classify_api_error(exception_from_http("openai", 400, empty), word_model=NO_MODEL)
    assert (verdict.reason, verdict.scope) == (R.server_error, Scope.endpoint)
    assert _rules_alone("Exception", "Invalid response object from API: '{\"object\":\"error\",\"message\":\"\","
                        "\"code\":50001}' (HTTP response code was 400)") is R.server_error
    canned = {"object": "error", "code": 50001,
              "message": "**NETWORK ERROR DUE TO HIGH TRAFFIC. PLEASE REGENERATE OR REFRESH THIS PAGE.**\n\n"
                         "(\"addmm_impl_cpu_\" not implemented for 'Half')"}
    assert classify_api_error(exception_from_http("openai", 400, canned), word_model=NO_MODEL).reason is \
        R.server_error
    assert _rules_alone("APIError", "获取ChatCompletion时出错\uff1aInvalid response object from API: '{\"object\":"
                        "\"error\",\"message\":\"0 is less than the minimum of 1 - 'max_tokens'\",\"code\":40302}' "
                        "(HTTP response code was 400)") is R.format_error
    model = {"object": "error", "message": "Only allowed now, your model chatglm2-6b", "code": 40301}
    assert classify_api_error(exception_from_http("openai", 400, model), word_model=NO_MODEL).reason is \
        R.model_not_found


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Dify's own 400 around a read timeout of the model call (https://github.com/langgenius/dify/issues/3523)
    ("Error", "{'code': 'completion_request_error', 'message': \"[ollama] Connection Error, HTTPConnectionPool("
              "host='192.168.1.4', port=11434): Read timed out. (read timeout=60)\", 'status': 400}", R.timeout),
    # an answer stopped at its output cap, in Kilo's words (https://github.com/Kilo-Org/kilocode/issues/6381)
    ("Error", "Provider ended the request: The maximum number of completion tokens was reached.", R.output_truncated),
    # google-auth on a file that is no service account (https://github.com/RooCodeInc/Roo-Code/issues/344)
    ("Error", "The incoming JSON object does not contain a client_email field", R.auth),
    # NextChat's access code refused (https://github.com/ChatGPTNextWeb/NextChat/issues/4177)
    ("Error", "访问密码不正确或为空\uff0c请前往[登录](https://app.nextchat.dev/#/auth)页输入正确的访问密码\uff0c或者在[设置]"
              "(https://app.nextchat.dev/#/settings)页填入你自己的 OpenAI API Key。", R.auth),
    # a relay's 504 in Chinese (https://github.com/lobehub/lobehub/issues/6267)
    ("Error", "很抱歉\uff0c服务器没有等到上游服务器的回应\uff0c请稍后再试", R.timeout),
    # OpenCode Zen's free tier spent (https://github.com/anomalyco/opencode/issues/42128)
    ("Error", "Free usage exceeded, subscribe to Go [retrying attempt #2]", R.billing),
])
def test_holdout288_to_295_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the eighteenth representative wave (holdouts 288 to 295), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a connect the host refused, in Go's words (https://github.com/k8sgpt-ai/k8sgpt-operator/issues/233)
    ("Error", "failed to call Analyze RPC: rpc error: code = Unknown desc = failed while calling AI provider localai: "
              "Post \"http://localai-local-ai.ai.svc.cluster.local/v1/chat/completions\": dial tcp 10.43.182.197:80: "
              "connect: operation not permitted", R.timeout),
    # Volcengine Ark's code for a missing field (https://github.com/cloudwego/eino-ext/issues/668)
    ("Error", "MissingParameter: input.status", R.format_error),
    # Python's TimeoutError as a harness prints it (https://github.com/tenstorrent/tt-inference-server/issues/3105)
    ("Error", "Exception:TimeoutError(), undefined, retrying", R.timeout),
    # Gemini Live's close for load (https://github.com/livekit/agents/issues/1679)
    ("websockets.exceptions.ConnectionClosedError", "received 1011 (internal error) Request trace id: "
     "21d399562688c813, [ORIGINAL ERROR] extensible_stubs::OVERLOADED_TOO_MANY_RETRIES_PER_REQUEST: You are mos",
     R.overloaded),
    # ... and for a call with no key (https://github.com/kailashsp/realtime-conversation-voice-AI-agent/issues/1)
    ("Error", "received 1008 (policy violation) Request trace id: 1e5df89917798ea3, Method doesn't allow unregistered "
              "callers (callers without established identity). Pleas", R.auth),
    # llama.cpp's decode with no KV slot left (https://github.com/acon96/home-llm/issues/188)
    ("RuntimeError", "Sorry, there was a problem talking to the backend: RuntimeError('llama_decode returned 1')",
     R.context_overflow),
    # the Anthropic TypeScript SDK's stream with no event (https://github.com/anthropics/claude-code/issues/489), and
    # pydantic-ai's (https://github.com/pydantic/pydantic-ai/issues/3238)
    ("Error", "request ended without sending any chunks", R.empty_response),
    ("UnexpectedModelBehavior", "Streamed response ended without content or tool calls", R.empty_response),
    # a reason phrase after a client's "Error:" (https://github.com/olimorris/codecompanion.nvim/issues/1429), and
    # .NET's status name after "Status code:" (https://github.com/DeSinc/SallyBot/issues/44)
    ("Error", "Error: Unprocessable Entity", R.format_error),
    ("Error", "Status code: NotFound\n\nReason phrase: Not Found", R.model_not_found),
    # LiteLLM's 503 chain around Vertex's 400 (https://github.com/BerriAI/litellm/issues/18442)
    ("Error", "{\n  \"error\": {\n    \"message\": \"litellm.ServiceUnavailableError: litellm.MidStreamFallbackError: "
              "litellm.BadRequestError: Vertex_ai_betaException BadRequestError - b'{\\\\n  \\\"error\\\": {\\\\n    "
              "\\\"code\\\": 400,\\\\n    \\\"message\\\": \\\"Unable to submit request because "
              "`load_mcp_documentation` functionDeclaration parameters schema should be of type OBJECT. Learn more: https://cloud.google.com/"
              "vertex-ai/generative-ai/docs/multimodal/function-calling\\\",\\\\n    \\\"status\\\": "
              "\\\"INVALID_ARGUMENT\\\"\\\\n  }\\\\n}\\\\n'. Received Model Group=gemini-3-flash-preview\",\n    "
              "\"code\": 503\n  }\n}", R.format_error),
    # a finish reason "error" that a validator refused, the list of values it takes naming content_filter
    # (https://github.com/pydantic/pydantic-ai/issues/2844): the generation failed upstream, nothing was blocked
    ("pydantic_ai.exceptions.UnexpectedModelBehavior", "Invalid response from OpenAI chat completions endpoint: 1 "
     "validation error for ChatCompletion\nchoices.0.finish_reason\n  Input should be 'stop', 'length', 'tool_calls', "
     "'content_filter' or 'function_call' [type=literal_error, input_value='error', input_type=str]", R.server_error),
    # openai 0.x's "Engine not found" (https://github.com/stanfordnlp/dspy/issues/20)
    ("openai.error.InvalidRequestError", "Engine not found", R.model_not_found),
    # a service relaying the refusal of the provider key it holds
    # (https://github.com/run-llama/llama_index/issues/21087)
    ("Error", "400 {\"detail\":\"Error querying data sink: 400: OpenAI Authentication error. The OpenAI API key used "
              "for the embedding transformation on your index is invalid.\"}", R.auth),
    # near misses (real corpus texts): a body cut mid-way or a server that hung up is no answer without chunks; a
    # decoder's "keyNotFound" names no status; a refused stop that is a normal one is an unreadable answer
    ("Error", "peer closed connection without sending complete message body (incomplete chunked read)",
     R.stream_incomplete),
    ("Error", "Error in thinkdeep: Gemini API error for model gemini-2.5-pro-preview-06-05 after 4 attempts: Server "
              "disconnected without sending a response.", R.timeout),
    ("Swift.DecodingError", "Error sending message: keyNotFound(CodingKeys(stringValue: \"id\", intValue: nil), "
     "Swift.DecodingError.Context(codingPath: [], debugDescription: \"No value associated with key CodingKeys("
     "stringValue: \\\"id\\\", intValue: nil) (\\\"id\\\").\", underlyingError: nil))", R.malformed_response),
])
def test_holdout296_to_303_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the nineteenth representative wave (holdouts 296 to 303), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # the Claude apps' cut answer (https://github.com/wonderwhy-er/DesktopCommanderMCP/issues/98) and their message too
    # long for the chat (https://github.com/anthropics/claude-code/issues/2320)
    ("Error", "Claude\u2019s response was interrupted. Please check your network connection or contact support if the "
              "issue persists.", R.stream_incomplete),
    ("Error", "Your message will exceed the length limit for this chat. Try shortening your message or starting a new "
              "conversation.", R.context_overflow),
    # Cursor's refusals of a request its MCP tools spoiled (https://github.com/Automattic/wordpress-mcp/issues/4,
    # https://github.com/AltimateAI/vscode-dbt-power-user/issues/1643), and a tool name over 64 characters
    # (https://github.com/anthropics/claude-code/issues/34960)
    ("Error", "The model returned an error. Try disabling MCP servers, or switch models. (Request ID: "
              "c58c9409-a018-4c5b-a932-XXXXXXXXX)", R.format_error),
    ("Error", "The argument schema for tool mcp_datapilot_run_model is incompatible with gemini-2.5-pro-exp-03-25. "
              "Please fix the MCP server, disable the MCP server, or switch models.", R.format_error),
    ("Error", "tools.71.FrontendRemoteMcpToolDefinition.name: String should have at most 64 characters",
     R.format_error),
    # NSURLErrorTimedOut by number (https://github.com/tisfeng/Easydict/pull/1301); Windows' WSAEADDRNOTAVAIL
    # (https://github.com/IBM/mcp-cli/issues/33)
    ("Error", "NSURLErrorDomain -1001", R.timeout),
    ("Error", "Error processing message: Ollama API Error: [WinError 10049] The requested address is not valid in its "
              "context", R.timeout),
    # an empty embedding (https://github.com/Mintplex-Labs/anything-llm/issues/3243); a Rust SSE client given NDJSON
    # (https://github.com/0xPlaygrounds/rig/issues/861)
    ("Error", "addDocumentToNamespace Ollama Failed to embed: Ollama returned an empty embedding for chunk!",
     R.empty_response),
    ("Error", "SSE error err=InvalidContentType(\"application/x-ndjson\", Response { ... })", R.malformed_response),
    # Google's "verify your account" with no status (https://github.com/lbjlaq/Antigravity-Manager/issues/2069)
    ("Error", "Verify your account to continue.", R.auth),
    # near misses (real corpus texts): Copilot's interruption "due to a server error" stays the server's; an HTTP status
    # that NSURLErrorDomain carries is that status
    ("Error", "Response was interrupted due to a server error. Retrying...", R.server_error),
    ("Error", "The operation couldn\u2019t be completed. (NSURLErrorDomain error 401.)", R.auth),
])
def test_holdout304_to_309_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twentieth representative wave (holdouts 304 to 309), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a key refused in a shape or words a 400 carries: Copilot's malformed header
    # (https://github.com/NousResearch/hermes-agent/issues/45276), DeepSeek's invalid key relayed by LiteLLM
    # (https://github.com/BerriAI/litellm/issues/10403), Google's expired key
    # (https://github.com/simonw/llm/issues/1213)
    ("BadRequestError", "HTTP 400: bad request: Authorization header is badly formatted", R.auth),
    ("BadRequestError", 'litellm.BadRequestError: DeepseekException - {"error":{"message":"Authentication \nFails, '
     'Your api key: ****cd15 is \ninvalid","type":"authentication_error","param":null,"code":"invalid_request_error"}}',
     R.auth),
    ("Error", "API key expired. Please renew the API key.", R.auth),
    # LiteLLM's provider exception around a bare reason phrase (https://github.com/anthropics/skills/issues/574), and a
    # client's "<what failed>: <status>" (https://github.com/1runeberg/confichat/issues/12)
    ("litellm.exceptions.APIConnectionError", "litellm.APIConnectionError: OllamaException - unauthorized", R.auth),
    ("Error", "Error requesting chat completion: 404", R.model_not_found),
    # an output budget alone over vLLM's window (https://github.com/NousResearch/hermes-agent/issues/102494)
    ("Error", "400: max_tokens=393216 cannot be greater than max_model_len=max_total_tokens=262144. Please request "
              "fewer output tokens.", R.format_error),
    # openai-node's AssistantStream (https://github.com/openai/openai-node/issues/945); hermes-agent's spent retries
    # of empty answers (https://github.com/NousResearch/hermes-agent/pull/2124); a string where a completion belongs
    # (https://github.com/microsoft/semantic-kernel/issues/9171)
    ("OpenAIError", "Final run has not been received", R.stream_incomplete),
    ("Error", "Max retries (3) for empty content exceeded.", R.empty_response),
    ("Error", "Error occurred while invoking function <Function_Name>: (\"<class 'semantic_kernel.connectors.ai."
              "open_ai.services.azure_chat_completion.AzureChatCompletion'> service failed to complete the prompt\", "
              "AttributeError(\"'str' object has no attribute 'usage'\"))", R.malformed_response),
    # python-genai's interactions stream error event (https://github.com/googleapis/python-genai/issues/1871)
    ("Error", "ErrorEvent(error=Error(code='deadline_exceeded', message=''), event_id=None, event_type='error')",
     R.timeout),
    # .NET's TLS session with no inner exception printed (https://github.com/microsoft/semantic-kernel/issues/12908)
    ("Error", "The SSL connection could not be established, see inner exception.", R.tls_untrusted),
    # Vertex AI's per-minute quota by its metric name (https://github.com/flatironinstitute/neurosift/issues/224)
    ("Error", "Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_"
              "model with base model: gemini-experimental. Please submit a quota increase request. https://cloud."
              "google.com/vertex-ai/docs/generative-ai/quotas-genai", R.rate_limit),
    # LiteLLM's refusal of tools for a provider, whatever class it wraps (https://github.com/BerriAI/litellm/pull/813)
    ("ServiceUnavailableError", "AnthropicException - Function calling is not supported by anthropic. To add it to the "
     "prompt, set `litellm.add_function_to_prompt = True`.", R.format_error),
    # near misses (real corpus texts): a port after a colon and a count at a sentence's end are no status; a client's
    # unreachable network is the transport's; a 503 with no capacity is load, however unreachable the model
    ("Error", "Failed to connect to api.openai.com/31.13.94.49:443", R.timeout),
    ("Error", "Exceeded limit on max data-uri per request: 250", R.payload_too_large),
    ("ConnectError", "[Errno 101] Network is unreachable", R.timeout),
    ("Error", "model unreachable: UNAVAILABLE (code 503): No capacity available for model claude-opus-4-6-thinking on "
              "the server: UNAVAILABLE (code 503): No capacity available for model claude-opus-4-6-thinking on the "
              "server: model api cannot be reached", R.overloaded),
])
def test_holdout310_to_317_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twenty-first representative wave (holdouts 310 to 317), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # Hermes Cloud's 503 naming a dependency it could not reach
    # (https://github.com/NousResearch/hermes-agent/issues/94558): broken, not busy
    (503, {"detail": "Auth provider 'nous' unreachable"}, R.server_error),
    # near misses: Cohere's key past its expiry stays dead (https://docs.cohere.com/reference/errors); vLLM's prompt
    # over the window stays a context overflow
    (401, {"message": "Your API key has expired. Please create a production key at dashboard.cohere.com or reach out "
                      "to your contact at Cohere to continue usage."}, R.auth_permanent),
    (400, {"object": "error", "message": "The decoder prompt (length 9000) is longer than the maximum model length of "
                                         "8192.", "type": "BadRequestError", "param": None, "code": 400},
     R.context_overflow),
])
def test_holdout310_to_317_bodies(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """The same wave's shapes that came with a status and a body, through the real SDK client."""
    error = exception_from_http("openai", status, body, {})
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Codex's own backend answering 404 with an empty body in an outage (https://github.com/openai/codex/issues/42538)
    ("Error", "unexpected status 404 Not Found: Unknown error, url: https://chatgpt.com/backend-api/codex/responses, "
              "cf-ray: a35595eccb1ff781-MAD", R.server_error),
    # Codex's repeated cyber flag (https://github.com/openai/codex/issues/20806)
    ("Error", "Your conversations have multiple flags for possible cybersecurity risk.", R.content_policy_blocked),
    # one-api's saturated upstream under an insufficient_quota code (https://github.com/labring/FastGPT/issues/3856)
    ("Error", "insufficient_quota \u5f53\u524d\u5206\u7ec4\u4e0a\u6e38\u8d1f\u8f7d\u5df2\u9971\u548c\uff0c\u8bf7\u7a0d"
              "\u540e\u518d\u8bd5 (request id: 2025022112482585670542332302066)", R.overloaded),
    # a relay's Go panic (https://github.com/labring/FastGPT/issues/1340); Coze's code 5000
    # (https://github.com/coze-dev/coze-js/issues/179)
    ("Error", "Panic detected, error: runtime error: invalid memory address or nil pointer dereference",
     R.server_error),
    ("Error", '{\n    "code": 5000,\n    "detail": {\n        "logid": "20250402172757C9D48D9701EFB24031A7"\n    },\n'
              '    "msg": "We\'re currently experiencing server issues. Please try your request again after a short '
              'delay. If the problem persists, contact our support team."\n}', R.server_error),
    # Dify's plugin daemon timing out (https://github.com/langgenius/dify/issues/28890)
    ("PluginInvokeError", 'Run failed: req_id: 7b76b8fb04 PluginInvokeError: {"args":{"description":"[models] Error: '
     'MAX_REQUEST_TIMEOUT"},"error_type":"InvokeError","message":"[models] Error: MAX_REQUEST_TIMEOUT"}', R.timeout),
    # DeepSeek's thinking-mode refusal through two relays, whose "Upstream request failed" is no hiccup
    # (https://github.com/Alishahryar1/free-claude-code/issues/1327)
    ("Error", "API Error: 400 Upstream provider OPENCODE returned HTTP 400.\n  Category: invalid_request_error\n  "
              "Mapped message: Invalid request sent to provider.\n\n  Upstream error:\n  {\"param\":null,\"type\":"
              "\"invalid_request_error\",\"code\":\"invalid_request_error\",\"message\":\"Error from provider\n  "
              "(Console): Upstream request failed: [invalid_request_error] The `reasoning_content` in the thinking "
              "mode must\n  be passed back to the API.\"}\n\n  Request ID: req_e6d26769c46f412fb69a0c866cd639ab",
     R.format_error),
    # Qwen OAuth's free daily allowance spent, as a VS Code extension shows it
    # (https://github.com/zelosleone/Qwen-Copilot/issues/5); Claude Code's auto mode of a model out of service
    # (https://github.com/deepseek-ai/awesome-deepseek-agent/issues/284)
    ("Error", "Sorry, your request failed. Please try again.\n\nCopilot Request id: 869c7761-2323-4798-acef-"
              "9b955b5805ed\n\nReason: 429 Free allocated quota exceeded.: Error: 429 Free allocated quota exceeded. "
              "at APIError.generate (c:\\Users\\tkos.vscode\\extensions\\denizhandaklr.vscode-qwen-copilot-0.2.0\\"
              "node_modules\\openai\\error.js:63:20)", R.billing),
    ("Error", "Error: deepseek-pro-v4[1m] is temporarily unavailable, so auto mode cannot determine the safety of Bash "
              "right now. Wait briefly and then try this action again. If it keeps failing, continue with other tasks "
              "that don't require this action and come back to it later.\nNote: reading files, searching code, and "
              "other read-only operations do not require the classifier and can still be used.", R.overloaded),
    # near misses (real corpus texts): the same 404 words for a host without that route stay a missing route; the
    # saturated relay under its 429 stays load; a gateway's bare "Upstream request failed" stays its server's;
    # DashScope's per-minute allocation stays a throttle
    ("Error", "Allocated quota exceeded, please increase your quota limit. For details, see: https://help.aliyun.com/"
              "zh/model-studio/error-code#token-limit", R.rate_limit),
    ("Error", "usage allocated quota exceeded. please try again later. [retrying in 30s attempt #6]", R.rate_limit),
    ("Error", "unexpected status 404 Not Found: Unknown error, url: https://api.deepseek.com/responses",
     R.model_not_found),
    ("Error", "429 \u5f53\u524d\u5206\u7ec4\u4e0a\u6e38\u8d1f\u8f7d\u5df2\u9971\u548c\uff0c\u8bf7\u7a0d\u540e\u518d"
              "\u8bd5 (request id: 20250423020142736330894dLoIRrS6)", R.overloaded),
    ("Error", "upstream_error: Upstream request failed", R.server_error),
])
def test_holdout318_to_325_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twenty-second representative wave (holdouts 318 to 325), with
    real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Google's INTERNAL answer as a retry loop prints its last error (https://github.com/link-assistant/agent/pull/103)
    ("Error", "Failed after 3 attempts. Last error: Internal error encountered.", R.server_error),
    # a 200 whose body undici cut while the Vercel AI SDK read it (https://github.com/vercel/ai/pull/13668)
    ("AI_APICallError", "Failed to process successful response\n  cause: TypeError: terminated\n    at Fetch.onAborted "
                        "(node:internal/deps/undici/undici:12826:53)", R.stream_incomplete),
    # Bedrock's ResourceNotFoundException and ValidationException words without their classes
    # (https://github.com/acwwat/amazon-bedrock-agent-test-ui/issues/1; the Vercel AI SDK's recorded Bedrock answer)
    ("Error", "InvokeAgent operation: Failed to retrieve resource because it doesn't exist. Retry the request with a "
              "different resource identifier", R.model_not_found),
    ("Error", "1 validation error detected: Value at 'messages.2.member.content.1.member.toolUse.name' failed to "
              "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+", R.format_error),
    # AgentCore's hosted runtime that did not start in time (https://github.com/aws/bedrock-agentcore-sdk-python/issues/189,
    # https://github.com/aws/bedrock-agentcore-starter-toolkit/issues/356)
    ("Error", "Unable to invoke endpoint successfully: Runtime initialization time exceeded. Please make sure that "
              "initialization completes in 30s..", R.timeout),
    ("Error", "Invocation failed: An error occurred (RuntimeClientError) when calling the InvokeAgentRuntime "
              "operation: Runtime initialization time exceeded. Please make sure that initialization completes in 60s.",
     R.timeout),
    # a token of a kind the endpoint does not take, and a proxy with no credential for the route, under a 400
    # (https://github.com/github/app/issues/134, https://github.com/decolua/9router/issues/25)
    ("Error", 'Error: Execution failed: Error: 400 "checking third-party user token: bad request: Personal Access '
              'Tokens are not supported for this endpoint\\n" (Request ID: F6FE:ADE83:1187E3B:14D80D3:6A08A943)',
     R.auth),
    ("Error", 'API Error: 400 {"error":{"message":"No credentials for provider: github","type":"invalid_request_error",'
              '"code":"bad_request"}}', R.auth),
    # Cherry Studio's stream reader after the answer began (https://github.com/CherryHQ/cherry-studio/issues/8385)
    ("Error", "[FinalChunkConsumerAndNotifierMiddleware] Error consuming stream: TypeError: network error",
     R.stream_incomplete),
    # Jan's local engine that could not bring the model up (https://github.com/janhq/jan/issues/4331, /6038; Jan's
    # error table, https://github.com/janhq/jan/blob/dev/web-app/src/locales/en/model-errors.json)
    ("Error", "Model tinyllama-1.1b failed to start. Model failed to start: Could not load engine llama-cpp: Default "
              "engine variant for cortex.llamacpp is not set yet!", R.model_not_found),
    ("Error", "Failed to load llama-server: llamacpp error: Error: ggml_vulkan: Memory allocation of size 638668800 "
              "failed.", R.model_not_found),
    ("Error", "Failed to start model: The model took too long to load and was stopped. A smaller model or a smaller "
              "context size usually helps.", R.model_not_found),
    # Delphi's WinHTTP failure in Spanish (https://github.com/HemulGM/DelphiOpenAI/issues/42); Codex's model that needs
    # a newer client, as a client quotes it cut short (https://github.com/JuReyms/Palabre/issues/40)
    ("Error", "Error sending data: (12030) La conexi\u00f3n con el servidor finaliz\u00f3 anormalmente.", R.timeout),
    ("Error", '{"type":"error","status":400,"error":{"type":"invalid_request_error","message":"The \'gpt-5.6-sol\' '
              'model requires a newer version ..."}}', R.model_not_found),
    # near misses (real corpus texts): a gateway naming a model it does not know beside the missing credential stays
    # the model's; the SDK's bare failure to read a 200 stays an unreadable answer; Bedrock's body over its length
    # stays too large; the stream reader's other cut stays one; Ollama's runner that ended stays the server's fault
    ("BadRequestError", "HTTP 400 Invalid Request: Invalid model format or no credentials for provider: grok-4.5",
     R.model_not_found),
    ("AI_APICallError", "Failed to process successful response", R.malformed_response),
    ("ValidationException", "An error occurred (ValidationException) when calling the InvokeModel operation: 1 "
                            "validation error detected: Value at 'body' failed to satisfy constraint: Member must have "
                            "length less than or equal to 25000000", R.payload_too_large),
    ("Error", "Error consuming stream: TypeError: Error in input stream", R.stream_incomplete),
    ("Error", "Error: llama runner process has terminated.", R.server_error),
])
def test_holdout326_to_333_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twenty-third representative wave (holdouts 326 to 333), with
    real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Bun's word for a chain it could not verify (https://github.com/numman-ali/opencode-openai-codex-auth/issues/76)
    ("Error", "Error: Error: unknown certificate verification error", R.tls_untrusted),
    # Azure's Whisper over its body cap, printed with no body (https://github.com/retkowsky/Azure-AIGEN-demos/issues/3)
    ("Error", "Error: null. 413: Maximum content size limit (26214400) exceeded (26384384 bytes read)",
     R.payload_too_large),
    # an empty balance under gRPC's PERMISSION_DENIED (https://github.com/dmarx/video-killed-the-radio-star/issues/23),
    # GitHub Models' spent budget (https://github.com/Leantime/leantime/pull/3510)
    ("_MultiThreadedRendezvous", '<_MultiThreadedRendezvous of RPC that terminated with:\n\tstatus = '
     'StatusCode.PERMISSION_DENIED\n\tdetails = "Your organization does not have enough balance to request this action '
     '(need $0.020571084, have $0 in active grants, $0 in balance)."', R.billing),
    ("Error", "This account has reached its budget limit", R.billing),
    # Imagen's refusal of a prompt under a 400 (https://github.com/googleapis/js-genai/issues/321)
    ("Error", '400 Bad Request. {"error":{"code":400,"message":"Image generation failed with the following error: The '
              "prompt could not be submitted. This prompt contains sensitive words that violate Google's Responsible "
              'AI practices.', R.content_policy_blocked),
    # streams that stopped inside an event or mid-answer (https://github.com/tetsuo-ai/agenc-core/pull/2487,
    # https://github.com/microsoft/simplechat/issues/1380)
    ("Error", "zai error: Z.AI SSE stream ended with an unterminated event", R.stream_incomplete),
    ("Error", "Stream interrupted: Something went wrong while streaming the response. Please try again.",
     R.stream_incomplete),
    # LMDeploy out of room for a session (https://github.com/InternLM/lmdeploy/issues/4147, /2319)
    ("Error", "2025-11-24 15:34:49,757 - lmdeploy - ERROR - async_engine.py:806 - run out of tokens. session=119.",
     R.context_overflow),
    ("Error", "lmdeploy - ERROR - run out of tokens. session_id=1", R.context_overflow),
    # a chat model where a completion model is wanted (https://github.com/TabbyML/tabby/pull/4267)
    ("Error", "Message:  called `Result::unwrap()` on an `Err` value: Model validation has failed. For TabbyML models, "
              "please consult https://github.com/tabbyml/registry-tabby to locate the appropriate models.\n\nCaused "
              "by:\n    Model 'Qwen2.5-Coder-7B-Instruct' is not a completion model; it does not have a prompt "
              "template.\nLocation: /root/workspace/crates/tabby-download/src/lib.rs:207", R.model_not_found),
    # images in tool results refused (https://github.com/zhukunpenglinyutong/jetbrains-cc-gui/issues/984,
    # https://github.com/MiaAI-Lab/DeepSeek-v4-Flash-DSpark-2x-DGX-Spark/issues/178)
    ("Error", 'API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Only text tool_result '
              'blocks are supported when tool_result.content is an array."}}', R.multimodal_tool_content_unsupported),
    ("Error", "HTTP 400 \"Images are supported in user messages only: images in 'tool' messages return a 400 error.\"",
     R.multimodal_tool_content_unsupported),
    # a review tool with no key configured (https://github.com/mshykov/local-review/pull/33)
    ("Error", "Error: llm: no API key configured (set LOCAL_REVIEW_API_KEY or provider.api_key)", R.auth),
    # near misses (real corpus texts): a PERMISSION_DENIED on a project stays the credential's; a web client's other
    # stream cut stays one; OpenHands' organisation budget stays billing
    ("grpc._channel._InactiveRpcError", '<_InactiveRpcError of RPC that terminated with:\n\tstatus = '
     'StatusCode.PERMISSION_DENIED\n\tdetails = "Permission denied on resource project qwiklabs-gcp-04-53b3d52c8891 ."',
     R.auth),
    ("Error", "Gemini Web API call failed: Stream interrupted or truncated.", R.stream_incomplete),
    ("OpenHands integration comment", "OpenHands encountered an error: **Organization budget limit has been exceeded**"
     "\n\n[See the conversation](https://app.all-hands.dev/conversations/5b7c9e2f41a84d0c8e3f6a1b2c3d4e5f) for more "
     "information.", R.billing),
])
def test_holdout334_to_341_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twenty-fourth representative wave (holdouts 334 to 341), with
    real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Codex's usage window in its same-day form: a reset at a time of day clears within hours
    # (https://github.com/openai/codex/issues/19215)
    ("Error", "\u25a0 You've hit your usage limit. To get more access now, send a request to your admin or try again "
              "at 3:51 PM.", R.rate_limit),
    # a newer Claude on Bedrock refusing temperature, printed with no status
    # (https://github.com/NousResearch/hermes-agent/pull/90245)
    ("Error", "ValidationException ... The model returned the following errors: `temperature` is deprecated for this "
              "model.", R.format_error),
    # an altered thinking block without the backticks (https://github.com/anthropics/claude-code/issues/63265)
    ("Error", "messages.1.content.19: 'thinking' blocks in the latest assistant message cannot be modified",
     R.thinking_signature),
    # Claude Code's idle watchdog after the answer began (https://github.com/anthropics/claude-code/issues/48974,
    # /53020, /54472)
    ("Error", "API Error: Stream idle timeout - partial response received", R.stream_incomplete),
    # a client with no key configured (https://github.com/srbhr/Resume-Matcher/issues/601)
    ("Error", "CONNECTION FAILED\nProvider: openai | Model: gpt-4o-mini\nAPI key not configured", R.auth),
    # llama.cpp's prefill refused while the template thinks (https://github.com/mastra-ai/mastra/issues/15234)
    ("Error", '{"error":{"code":400,"message":"Assistant response prefill is incompatible with enable_thinking.",'
              '"type":"invalid_request_error"}}', R.prefill_unsupported),
    # LiteLLM's router with no deployment for the model, its sentence run into the next
    # (https://github.com/continuedev/continue/issues/10907)
    ("Error", "400 litellm.BadRequestError: You passed in model=MiniMax/MiniMax-M2.1. There are no healthy deployme"
              "nts for this modelNo fallback model group found for original model_group=MiniMax/MiniMax-M2.1. Fallb"
              "acks=[{'openai/gpt-oss-120b': ['netmind/openai/gpt-oss-120b', 'fallback/openai/gpt-oss-20b']}, {'ope"
              "nai/gpt-oss-20b': ['fallback/openai/gpt-oss-20b', 'netmind/openai/gpt-oss-120b']}, {'Qwen/Qwen2.5-Co"
              "der-3B': ['fallback/Qwen/Qwen2.5-Coder-3B', 'Kortix/FastApply-7B-v1.0']}]. Received Model Group=Mini"
              "Max/MiniMax-M2.1\nAvailable Model Group Fallbacks=None\nError doing the fallback: litellm.BadRequestEr"
              "ror: You passed in model=MiniMax/MiniMax-M2.1. There are no healthy deployments for this modelNo fal"
              "lback model group found for original model_group=MiniMax/MiniMax-M2.1. Fallbacks=[{'openai/gpt-oss-1"
              "20b': ['netmind/openai/gpt-oss-120b', 'fallback/openai/gpt-oss-20b']}, {'openai/gpt-oss-20b': ['fall"
              "back/openai/gpt-oss-20b', 'netmind/openai/gpt-oss-120b']}, {'Qwen/Qwen2.5-Coder-3B': ['fallback/Qwen"
              "/Qwen2.5-Coder-3B', 'Kortix/FastApply-7B-v1.0']}]", R.model_not_found),
    # near misses (real corpus texts): Codex's other-day form, a date first, stays billing; the watchdog before any
    # chunk stays a timeout; a model that has been deprecated stays the model's
    ("Error", "You've hit your usage limit. To get more access now, send a request to your admin or try again at Jan "
              "14th, 2026 9:05 AM.", R.billing),
    ("Error", "Stream idle timeout - no chunks received", R.timeout),
    ("Error", 'API Error: Status Code 404, { "error": { "message": "The model `gpt-3.5-turbo-16k-0613` has been '
              'deprecated, learn more here: https://**************", "type": "invalid_request_error", "param": null, '
              '"code": "model_not_found" } }', R.model_not_found),
])
def test_holdout342_to_349_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twenty-fifth representative wave (holdouts 342 to 349), with
    real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Volcengine Ark's message window under its generic code (https://github.com/agentscope-ai/QwenPaw/issues/272),
    # Qianfan's character cap (https://github.com/agentscope-ai/QwenPaw/issues/1717)
    ("BadRequestError", "Error code: 400 - {'error': {'code': 'InvalidParameter', 'message': 'Total tokens of image "
                        "and text exceed max message tokens. Request id: 021772413947435d24b0b4d764165756d4018ab78dadf"
                        "ac58ac58', 'param': '', 'type': 'BadRequest'}}", R.context_overflow),
    ("BadRequestError", "Error code: 400 - {'error': {'code': 'invalid_argument', 'message': 'input characters limit "
                        "is 819200', 'type': 'invalid_request_error'}, 'id': 'as-446b3gt13b'}", R.context_overflow),
    # DashScope's byte cap on the body (https://github.com/agentscope-ai/QwenPaw/issues/1277)
    ("BadRequestError", "Error code: 400 - {'error': {'code': None, 'message': 'Exceeded limit on max bytes to request "
                        "body : 6291456', 'param': None, 'type': 'invalid_request_error'}, 'request_id': "
                        "'02e7394c-5c1b-9d2b-ba51-a9661e3da62c'}", R.payload_too_large),
    # Hermes Agent's watchdog on a silent call (https://github.com/NousResearch/hermes-agent/issues/34001)
    ("Error", "Non-streaming API call stale for 90s (threshold 90s). model=gpt-5.4\n\u26a0\ufe0f No response from "
              "provider for 90s (non-streaming, model: gpt-5.4). Aborting call.", R.timeout),
    # openai-python's Responses stream state at a relay's out-of-order stream
    # (https://github.com/NousResearch/hermes-agent/issues/8133)
    ("Error", "Expected to have received response.created before response.in_progress", R.malformed_response),
    # an app's words for an unreachable Ollama (https://github.com/wandb/openui/issues/215)
    ("Error", "Couldn't connect to Ollama at http://127.0.0.1:11434", R.timeout),
    # llama-server's web UI after its stream dropped (https://github.com/ggml-org/llama.cpp/issues/25158)
    ("Error", "Stream connection lost and could not be resumed", R.stream_incomplete),
    # an Azure resource's outbound network rule (https://github.com/microsoft/sample-app-aoai-chatGPT/issues/1050)
    ("Error", "Outbound network access is restricted. The hostname 'AiSearchResource.search.windows.net' for parameter "
              "'endpoint' is not in the allowed FQDN list for this resource.", R.provider_policy_blocked),
    # Azure's RBAC refusal without its 401 (https://github.com/microsoft/promptflow/issues/3855)
    ("WrappedOpenAIError", "OpenAI API hits AuthenticationError: Principal does not have access to API/Operation. If "
                           "you are using azure openai connection, please make sure you have proper role assignment "
                           "on your azure openai resource.", R.auth),
    # Google's disabled service after a CLI's "Failed to connect"
    # (https://github.com/GoogleCloudPlatform/agent-starter-pack/issues/304)
    ("Error", "\u2717 Failed to connect to Vertex AI: 403 Vertex AI API has not been used in project "
              "ffeldhaus-assistent before or it is disabled. Enable it by visiting https://console.developers.google."
              "com/apis/api/aiplatform.googleapis.com/overview?project=ffeldhaus-assistent \nthen retry. If you "
              "enabled this API recently, wait a few minutes for the action to propagate to our systems and retry. ",
     R.auth),
    # near misses (real corpus texts): curl's own "Couldn't connect to server" stays a transport fault;
    # openai-node's other out-of-order words stay malformed; a Gemini stream cut stays one
    ("Error", "curl: (7) Failed to connect to 172.16.105.65 port 11434 after 0 ms: Couldn't connect to server",
     R.timeout),
    ("Error", "When snapshot hasn't been set yet, expected 'response.created' event, got "
              "response.mcp_list_tools.in_progress", R.malformed_response),
    ("Error", "Gemini Web API call failed: Stream interrupted or truncated.", R.stream_incomplete),
])
def test_holdout350_to_357_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twenty-sixth representative wave (holdouts 350 to 357), with
    real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a Russian-speaking one-api relay with no channel for the model (https://github.com/neurogen-dev/NeuroAPI/issues/85)
    ("Error", '{\n  "error": {\n    "message": "Нет доступных каналов для модели default в текущей группе gpt-4",\n    '
              '"type": "one_api_error"\n  }\n}', R.model_not_found),
    # aiXplain's no-balance code (https://github.com/aixplain/aiXplain/issues/148)
    ("Error", "INFO:root:Result of request for model_process - 471 - {'error': 'err.not_enough_balance'}\nERROR:root:"
              "Model Run Async: Error in running for model_process: {'error': 'err.not_enough_balance'}", R.billing),
    # Claude Code at a gateway's stream that stopped mid-answer (https://github.com/Sunnyender-org/cursor-sdk2api/issues/25)
    ("Error", "API Error: The response stopped arriving. The response above may be incomplete.", R.stream_incomplete),
    # Obsidian Copilot's output-cap notice (https://github.com/logancyang/obsidian-copilot/issues/2694)
    ("Error", "Response Truncated\nThe AI response was cut off because it reached the token limit. You can increase "
              "the 'Token Limit' in model settings for longer responses.\nOutput tokens used: 6000",
     R.output_truncated),
    # STranslate's "check that the service can be reached" (https://github.com/STranslate/STranslate/issues/499)
    ("Error", "2025-09-08 20:54:06.788 [ERR] [DeepSeek(12d9c43c-1b74-4088-8b54-6b8ddba82af5)] 请求出错, 请求API: "
              "https://ark.cn-beijing.volces.com/api/v3/chat/completions, 异常信息: 请检查服务是否可以正常访问: "
              "DeepSeek (https://ark.cn-beijing.volces.com/api/v3/chat/completions).", R.timeout),
    # near misses (real corpus texts): one-api's Chinese words stay the model's; Trae's other network words stay a
    # transport fault; Novita's "Insufficient balance" stays billing; pydantic-ai's cut tool call stays truncated
    ("Error", '{\n  "error": {\n    "message": "当前分组 default 下对于模型 gpt-5 无可用渠道 (request id: '
              '2025082215093026624875464905761)",\n    "type": "one_api_error"\n  }\n}', R.model_not_found),
    ("Error", "添加模型失败\uff1a请求服务失败\uff0c请检查网络后重试 (997)", R.timeout),
    ("NOT_ENOUGH_BALANCE", "Insufficient balance", R.billing),
    ("pydantic_ai.exceptions.IncompleteToolCall", "Model token limit (4096) exceeded while generating a tool call, "
                                                  "resulting in incomplete arguments. Increase the `max_tokens` model "
                                                  "setting, or simplify the prompt to result in a shorter response "
                                                  "that will fit within the limit.", R.output_truncated),
])
def test_holdout358_to_363_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twenty-seventh representative wave (holdouts 358 to 363), with
    real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # an allowance that never resets, under a 429 (https://github.com/AwesomeTTS/awesometts-anki-addon/issues/254)
    ("Error", "The following problem was encountered:\nStatus code: 429 (b'{\"error\": \"Exceeded User lifetime "
              "quota)\"}\\n') (14 times)", R.billing),
    # ElevenLabs' character quota raised by its SDK as a RateLimitError
    # (https://github.com/elevenlabs/elevenlabs-python/issues/13)
    ("RateLimitError", "This request exceeds your quota. You have 119 characters remaining, while 965 characters are "
                       "required for this request.", R.billing),
    # llama-server's embedding input over its physical batch, its count in the sentence, under a 500
    # (https://github.com/mnemosyne-systems/orangu/pull/153)
    ("Error", 'Error: embeddings request failed (status 500 Internal Server Error): {"error":{"code":500,"message":'
              '"input (762 tokens) is too large to process. increase the physical batch size (current batch size: '
              '512)","type":"server_error"}}', R.context_overflow),
    # Hugging Face's client with no inference server for the model
    # (https://github.com/langflow-ai/langflow/issues/2065)
    ("Error", "Error building vertex Hugging Face API: Failed to resolve model_id:Could not find model id for "
              "inference server: https://api-inference.huggingface.co/models/mistralai/Mistral-7B-Instruct-v0.2Make "
              "sure that your Hugging Face token has access to the endpoint.", R.model_not_found),
    # near miss (a real corpus text): ElevenLabs' credits under their own code stay billing
    ("Error", '{"detail": {"status": "quota_exceeded", "message": "This request exceeds your quota of 10000. You have '
              '0 credits remaining, while 91 credits are required for this request."}}', R.billing),
])
def test_holdout364_to_367_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the twenty-eighth representative wave (holdouts 364 to 367), with
    real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "message", "expect"), [
    # sub2api with no account serving the model: another model may be served (https://github.com/Wei-Shaw/sub2api/
    # issues/96)
    (503, "No available accounts: no available accounts supporting model: claude-sonnet-4-5-20250929",
     R.model_not_found),
    # near miss (a real corpus body): its bare words are a busy or cooling pool
    (503, "No available accounts: no available accounts", R.overloaded),
])
def test_holdout364_to_367_relay_without_an_account_for_the_model(status: int, message: str,
                                                                  expect: FailoverReason) -> None:
    """A relay none of whose accounts serves the model is the model's (fall back), not a pool busy for every model
    (back off), through the real Anthropic client."""
    body = {"error": {"message": message, "type": "api_error"}, "type": "error"}
    verdict = classify_api_error(exception_from_http("anthropic", status, body, {}), word_model=NO_MODEL)
    assert verdict.reason is expect


@pytest.mark.parametrize(("seconds", "late"), [(599961, True), (10, False)])
def test_holdout364_to_367_cliproxy_cooldown_reset_in_the_printed_body(seconds: int, late: bool) -> None:
    """CLIProxyAPI's model_cooldown names when its credentials are back (``reset_seconds``): read from the body the
    OpenAI SDK prints in its exception's text, a cooldown days away is billing with that wait, one of seconds keeps its
    short reading and its wait (https://github.com/router-for-me/CLIProxyAPI/issues/2107)."""
    text = ("Error code: 429 - {'error': {'code': 'model_cooldown', 'message': 'All credentials for model "
            "gemini-3.1-flash-image are cooling down', 'model': 'gemini-3.1-flash-image', "
            f"'reset_seconds': {seconds}}}}}")
    verdict = classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL, now=_JAN_20_18H_UTC)
    assert verdict.retry_after == seconds
    assert (verdict.reason is R.billing) is late


def test_holdout342_to_349_codex_same_day_reset_gives_a_wait() -> None:
    """Codex's same-day "try again at 3:51 PM" is read as a reset at a time of day: rate_limit, with a wait to that
    time's next occurrence in the host's zone (the client printed its user's local time), never more than a day
    (https://github.com/openai/codex/issues/19215)."""
    text = ("\u25a0 You've hit your usage limit. To get more access now, send a request to your admin or try again at "
            "3:51 PM.")
    verdict = classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL, now=_JAN_20_18H_UTC)
    assert verdict.reason is R.rate_limit
    assert verdict.retry_after is not None and 0 < verdict.retry_after <= 24 * 3600


def test_holdout326_to_333_circuit_breaker_429() -> None:
    """A relay's circuit breaker open on its upstream, under a 429, is load, not this key's throttle: back off on the
    same key (https://github.com/romgX/openrelay/issues/37), through the real SDK client."""
    body = {"error": {"type": "circuit_breaker",
                      "message": 'Provider "codex" is temporarily unavailable (too many failures). Retry after 28s.'}}
    verdict = classify_api_error(exception_from_http("anthropic", 429, body, {}), word_model=NO_MODEL)
    assert verdict.reason is R.overloaded
    assert not verdict.should_rotate_credential


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a key's environment variable said to be unset or required: no credential reached the call
    # (https://github.com/hkjarral/AVA-AI-Voice-Agent-for-Asterisk/issues/182)
    ("Error", "OpenAI Realtime provider requires OPENAI_API_KEY", R.auth),
    # OpenCommit's git hook with no key (https://github.com/di-sukharev/opencommit)
    ("Error", "No OCO_API_KEY is set. Set your key via `oco config set OCO_API_KEY=<value>. For more info see "
              "https://github.com/di-sukharev/opencommit", R.auth),
    # Midscene: the key variable empty, which read as a request defect before
    ("Error", "The OPENAI_API_KEY must be a non-empty string, but got: undefined. Please check your config.", R.auth),
    # Gemini CLI started with no auth method (https://github.com/github/gh-aw/issues/23655)
    ("Error", "Please set an Auth method in your settings.json or specify one of the following environment variables "
              "before running: GEMINI_API_KEY, GOOGLE_GENAI_USE_VERTEXAI, GOOGLE_GENAI_USE_GCA", R.auth),
    # near miss (a real corpus text): a key named only in a question beside a 429 stays the throttle
    ("Error", "OpenAI API disn't respont correctly. Did you correctly set you OPENAI_API_KEY?\nResponse:  &{429 Too "
              "Many Requests 429 HTTP/2.0 2 0 map[]}", R.rate_limit),
    # near miss: a key variable named beside a spent quota stays billing
    ("Error", "insufficient_quota: You exceeded your current quota, please check your plan and billing details. "
              "(OPENAI_API_KEY is set)", R.billing),
    # Google's allowance-spent reason printed alone by a review harness over Gemini CLI, no reset named
    # (https://github.com/RyderFreeman4Logos/cli-sub-agent/issues/2235)
    ("Error", "Session: 01KV498TFPRY3YW8WXWW9DM0NP\nStatus: failure\nExit code: 1\nTool: gemini-cli\nElapsed: 9s\n"
              "Review verdict: UNAVAILABLE\nSummary: reason: 'QUOTA_EXHAUSTED'", R.billing),
    # near miss: Google's per-minute window beside the same reason is a throttle
    ("Error", "Quota exceeded for quota metric 'Generate Content API requests per minute' and limit 'requests per "
              "minute per project', reason: 'QUOTA_EXHAUSTED'. Please try again in 20s.", R.rate_limit),
])
def test_holdout370_to_375_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the thirtieth representative wave (holdouts 370 to 375), with real
    shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("api", "status", "body"), [
    # a proxy's 503 for a route with no key configured (https://github.com/Alishahryar1/free-claude-code/issues/91)
    ("anthropic", 503, {"detail": "503: NVIDIA_NIM_API_KEY is not set. Add it to your .env file. Get a key at "
                                  "https://build.nvidia.com/settings/api-keys"}),
    # a gateway's 500 for a key it does not have (https://github.com/elizaOS/eliza/issues/13960)
    ("openai", 500, {"error": {"message": "Unauthenticated. Configure AI_GATEWAY_API_KEY or use a provider module. "
                                          "..."}}),
])
def test_holdout370_to_375_unset_key_under_a_server_status(api: str, status: int, body: dict[str, object]) -> None:
    """A key's variable said to be unset is the credential's fault whatever 5xx a proxy put on it: fix or rotate the
    key, do not back off on an endpoint that is not busy, through the real SDK clients."""
    verdict = classify_api_error(exception_from_http(api, status, body, {}), word_model=NO_MODEL)
    assert verdict.reason is R.auth
    assert verdict.should_rotate_credential


def test_holdout370_to_375_a_plain_503_stays_load() -> None:
    """Near miss: a 503 whose body names no key stays the endpoint's load."""
    body = {"detail": "503: Service Unavailable. The upstream is busy, try again later."}
    verdict = classify_api_error(exception_from_http("anthropic", 503, body, {}), word_model=NO_MODEL)
    assert verdict.reason is R.overloaded


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a provider's pattern check on a tool name, printed without its 400 (https://github.com/zed-industries/zed/issues/
    # 40928)
    ("Error", "Received an error from the Anthropic API: tools.0.custom.name: String should match pattern "
              "'^[a-zA-Z0-9_-]{1,128}$'", R.format_error),
    # near miss (a real corpus text): a client's own validation of a stream chunk is no request defect
    ("ValidationError", "1 validation error for ChatCompletionStreamResponse\nchoices.0.finish_reason\n  Input should "
                        "be 'stop' or 'length' [type=enum, input_value='error', input_type=str]", R.server_error),
    # ChatGPT's web backend, one answer at a time per account, with no status shown
    # (https://github.com/ChatGPTBox-dev/chatGPTBox/issues/469)
    ("Error", '{"detail":"Only one message at a time. Please allow any other responses to complete before sending '
              'another message, or wait one minute."}', R.rate_limit),
    # a stream closed before its first event (https://github.com/sourcegraph/jetbrains/issues/2200)
    ("Error", "Connection closed without receiving any events", R.stream_incomplete),
    # near miss: a connection closed with no word of a stream stays a transport fault
    ("Error", "Connection closed", R.timeout),
    # Chinese "the AI output was truncated" (https://github.com/doctoroyy/novel-copilot/pull/33)
    ("Error", "AI \u8f93\u51fa\u88ab\u622a\u65ad\uff08stopReason=length\uff09", R.output_truncated),
])
def test_holdout376_to_381_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rules fitted to the misses of the thirty-first representative wave (holdouts 376 to 381), with
    real shapes and near misses (the rules alone)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("message", "expect"), [
    # Google's refusal of a call the key has no allowance for, under a 429 coded too_many_requests
    # (https://github.com/allenhutchison/gemini-cli-deep-research/issues/30)
    ("You do not have enough quota to make this request.", R.billing),
    # near miss: the same code with a throttle's words stays a rate limit
    ("Too many requests, please slow down and retry in a few seconds.", R.rate_limit),
])
def test_holdout376_to_381_no_allowance_under_a_throttle_code(message: str, expect: FailoverReason) -> None:
    """A 429 that says the key has no allowance for the call is billing even under a generic throttle code, through the
    real OpenAI client."""
    body = {"error": {"message": message, "code": "too_many_requests"}}
    verdict = classify_api_error(exception_from_http("openai", 429, body, {}), word_model=NO_MODEL)
    assert verdict.reason is expect


@pytest.mark.parametrize(("window", "messages", "completion", "expect"), [
    # the completion budget alone is the window or more: no prompt fits, max_tokens must come down
    # (https://github.com/trigaten/Learn_Prompting/issues/691: 57 in the messages, 10000 in the completion)
    (4097, 57, 10000, R.format_error),
    (4096, 74, 4096, R.format_error),
    # ... or leaves the prompt one token (ChatGPT Wrapper for Unity's default max_tokens of 4096 on a 4097 window:
    # https://github.com/GraesonB/ChatGPT-Wrapper-For-Unity/issues/20, "say Hello" failed until max_tokens came down)
    (4097, 251, 4096, R.format_error),
    # near miss: seven tokens left (a polyglot benchmark's run, labelled context_overflow in the corpus)
    (4097, 70, 4090, R.context_overflow),
    # near miss (https://github.com/n3d1117/chatgpt-telegram-bot/issues/174): the prompt makes it overflow
    (4097, 137, 4000, R.context_overflow),
    # near miss: a long conversation and a modest budget
    (128000, 131072, 4096, R.context_overflow),
])
def test_completion_budget_that_fills_the_window_is_a_request_defect(window: int, messages: int, completion: int,
                                                                       expect: FailoverReason) -> None:
    """OpenAI's window refusal with its split is a request defect when the completion budget alone fills the window
    (compressing the prompt cannot help, as for vLLM's "max_tokens cannot be greater than max_model_len"), and context
    overflow otherwise, through the real OpenAI client with the code the window's refusal carries."""
    message = (f"This model's maximum context length is {window} tokens. However, you requested "
               f"{messages + completion} tokens ({messages} in the messages, {completion} in the completion). "
               "Please reduce the length of the messages or completion.")
    body = {"error": {"message": message, "type": "invalid_request_error", "param": "messages",
                      "code": "context_length_exceeded"}}
    verdict = classify_api_error(exception_from_http("openai", 400, body, {}), word_model=NO_MODEL)
    assert verdict.reason is expect
    assert verdict.should_compress is (expect is R.context_overflow)


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Bedrock's capacity refusal printed by the AWS SDK for Java after a 500 of its own
    # (https://elliotrodriguez.me/understanding-too-many-connections-500-503-responses-from-aws-bedrock)
    ("Error", "500 Too many connections, please wait before trying again. (Service: BedrockRuntime, Status Code: 503, "
              "Request ID: <the-id-here>", R.overloaded),
    # near miss: the same client's 500 with no word of load stays a server fault
    ("Error", "500 Internal Server Error (Service: BedrockRuntime, Status Code: 500, Request ID: <the-id-here>",
     R.server_error),
])
def test_holdout382_to_385_families(type_name: str, text: str, expect: FailoverReason) -> None:
    """The general rule fitted to the misses of the thirty-second representative wave (holdouts 382 to 385), with a
    real shape and a near miss (the rules alone): back off on the same key, do not rotate it."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # a streamed chunk without its stop field (https://github.com/InternLM/MindSearch/pull/291)
    ("'finish_reason'", R.malformed_response),
    # near miss: a KeyError for a key of the caller's own dict says nothing of the answer
    ("'tool_name'", R.unknown),
])
def test_holdout386_key_error_for_a_field_of_the_answer(text: str, expect: FailoverReason) -> None:
    """A KeyError whose whole text is the choice's stop field is an answer the client could not read (the rule alone),
    as for 'choices' and 'content' before."""
    assert _rules_alone("KeyError", text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # bolt.new's banner for the account's plan tokens spent, worded as a rate limit (three corpus threads, all labelled
    # billing: https://github.com/stackblitz/bolt.new/issues/7568)
    ("You have hit the rate limit. You can continue to code for free in the editor.", R.billing),
    # near miss: a rate limit with a wait stays a throttle
    ("You have hit the rate limit. Please try again in 20 seconds.", R.rate_limit),
])
def test_a_plan_allowance_worded_as_a_rate_limit(text: str, expect: FailoverReason) -> None:
    """A wording the corpus holds three times with one label, which the rules read as a throttle: bolt.new's plan
    allowance spent is billing (wait for the plan, or another key), not a short back-off."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # nginx refusing the method on a URL that is no completion route
    # (https://github.com/lifan0127/ai-research-assistant/issues/182)
    (405, "<html>\r\n<head><title>405 Not Allowed</title></head>\r\n<body>\r\n<center><h1>405 Not Allowed</h1>"
          "</center>\r\n<hr><center>nginx/1.29.1</center>\r\n", R.format_error),
    # a 405 with no body at all (DeepInfra behind an OpenAI-compatible client)
    (405, "", R.format_error),
    # near miss: a 404 that names no model stays a missing route, read as the model's
    (404, "<html><head><title>404 Not Found</title></head><body>404 Not Found</body></html>", R.model_not_found),
])
def test_a_bare_405_is_a_request_defect(status: int, body: str, expect: FailoverReason) -> None:
    """A bare 405 (the URL is no completion route, or the method is wrong) is the request as configured, labelled so in
    17 of the corpus's 20: format_error, which falls back without retrying, as model_not_found did; through the real
    OpenAI client."""
    verdict = classify_api_error(exception_from_http("openai", status, body, {}), word_model=NO_MODEL)
    assert verdict.reason is expect
    assert not verdict.retryable and not verdict.should_rotate_credential


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # axum's body limit, as text-embeddings-inference's client saw it without the 413
    # (https://github.com/huggingface/text-embeddings-inference/issues/50)
    ("Error", "Failed to buffer the request body: length limit exceeded", R.payload_too_large),
    # Google's NOT_FOUND words printed without their status by opencode's Gemini plugin
    # (https://github.com/jenslys/opencode-gemini-auth/issues/79)
    ("APIError", "Requested entity was not found.", R.model_not_found),
    # bolt.new's banner for a spent plan, its prompt enhancer's wording
    # (https://github.com/stackblitz/bolt.new/issues/834)
    ("Error", '{"code":"rate-limited","message":"You have hit the rate limit. Please <a '
              'class=\\"__boltUpgradePlan__\\">Upgrade</a> to keep chatting, or you can continue coding for free in '
              'the editor.",'
              '"providerLimitHit":false,"isRetryable":true}', R.billing),
    # an app's own line for a request that did not go through (https://github.com/sqlchat/sqlchat/issues/110)
    ("Error", "Failed to request message, please check your network.", R.timeout),
    # MiniMax's request defect under OpenAI's content-policy code, through LiteLLM
    # (https://github.com/agent0ai/agent-zero/issues/1754)
    ("litellm.exceptions.BadRequestError",
     'litellm.BadRequestError: OpenAIException - {"error":{"message":"invalid params, tool result\'s tool '
     'id(call_function_z1pbgy47368b_1) not found (2013)","code":"invalid_prompt"}}', R.format_error),
    # near misses: a length limit of the context stays the context's; OpenAI's own invalid_prompt stays a content block
    ("Error", "context length limit exceeded", R.context_overflow),
    ("BadRequestError", "Error code: 400 - {'error': {'message': 'Invalid prompt: your prompt was flagged as "
                        "potentially violating our usage policy.', 'type': 'invalid_request_error', 'param': None, "
                        "'code': 'invalid_prompt'}}", R.content_policy_blocked),
])
def test_wave_34_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 34's general fits (holdout387-391), each a real shape with the rules alone: a web server's body limit is
    the payload's size; Google's bare NOT_FOUND words are the model's; bolt.new's plan banner in its other wording is
    billing; an app asking to check the network is a transport fault; MiniMax's invalid params under the
    invalid_prompt code are a request defect."""
    assert _rules_alone(type_name, text) is expect


def test_google_not_found_words_under_a_route_error_stay_the_routes() -> None:
    """Near miss: xAI's 404 "Some requested entity was not found" beside "No handler found on route" is a wrong URL
    (the corpus labels it model_not_found scoped to the endpoint); the words alone do not make it the credential's
    model (https://github.com/iniwap/AIWriteX/issues/26)."""
    text = ("litellm.NotFoundError: NotFoundError: XaiException - Error code: 404 - {'code': 'Some requested entity "
            "was not found', 'error': 'No handler found on route. Please double check your URL and consult "
            "https://api.x.ai/docs for more information.'}")
    verdict = classify_api_error(exception_from_message("NotFoundError", text, status=404), word_model=NO_MODEL)
    assert (verdict.reason, verdict.scope) == (R.model_not_found, Scope.endpoint)


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Subtitle Edit's preamble guesses at causes (a usage limit among them); the socket's refusal below it decides
    # (https://github.com/SubtitleEdit/subtitleedit/issues/13448)
    ("Error", "Allama.cpp (local LLM) translation failed.\n\nThis may be due to a network issue, an invalid API key, "
              "or API usage limits. Please check your connection and API settings, then try again.\n\nTechnical "
              "details\n\nAPI url: http://localhost:8080/v1/chat/completions\n\nNo connection could be made because "
              "the target machine actively refused it. (localhost:8080)", R.timeout),
    # a Java client's NullPointerException on an answer without choices (https://github.com/rebane2001/aimobs/issues/2)
    ("java.lang.NullPointerException",
     'Cannot load from object array because "com.google.gson.Gson.fromJson(String, java.lang.Class).choices" is null',
     R.malformed_response),
    # near misses: the preamble alone stays a usage limit's; a choice that is not null is no reading of the answer
    ("Error", "This may be due to a network issue, an invalid API key, or API usage limits.", R.billing),
    ("Error", "choices is not null", R.unknown),
])
def test_wave_35_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 35's general fits (holdout392-396), each a real shape with the rules alone: a refused connect in Windows'
    words beats the causes an app's preamble guesses at; a null choices field is an answer the client could not
    read."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Apple's Foundation Models, the case as Swift prints it
    # (https://3nsofts.com/guides/foundation-models/handling-exceeded-context-window-size)
    ("Error", "LanguageModelSession.GenerationError.exceededContextWindowSize", R.context_overflow),
    # OpenSearch ML Commons with its memory breaker tripped (https://github.com/opensearch-project/ml-commons/issues/2465)
    ("MLLimitExceededException", "Memory Circuit Breaker is open, please check your resources!", R.overloaded),
    # a client naming the 500's class alone (https://github.com/SethRobinson/UGTLive/issues/30)
    ("Error", "HTTP request failed: InternalServerError", R.server_error),
    # an iOS PWA that lost its server mid-stream (https://github.com/yoloyash/overtchat/issues/245)
    ("Error", "Can't reach the server. Check your connection and try again.", R.timeout),
    # near misses: a window that was not exceeded; a breaker named without being open; a request that failed for a
    # named defect stays the defect's
    ("Error", "LanguageModelSession.GenerationError.guardrailViolation", R.unknown),
    ("Error", "Memory circuit breaker settings were updated", R.unknown),
    ("Error", "HTTP request failed: BadRequestError: Unknown parameter: 'foo'", R.format_error),
])
def test_wave_36_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 36's general fits (holdout397-401), each a real shape with the rules alone: Apple's on-device window
    exceeded is the context's; a tripped memory breaker is load; a client naming InternalServerError alone is the
    server's; "Can't reach the server" is a transport fault."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # a platform's credit pool spent, under a 403 (https://docs.test.pactflow.io/docs/ai/troubleshooting)
    ("ERROR: Client error: 403 Forbidden AI credits are exhausted.", R.billing),
    # near miss: the same 403 without the credits is the key's
    ("ERROR: Client error: 403 Forbidden", R.auth),
])
def test_wave_37_wordings(text: str, expect: FailoverReason) -> None:
    """Wave 37's general fit (holdout402-405), a real shape with the rules alone: credits that "are exhausted" are
    billing, as "credits exhausted" is in 26 corpus entries, whatever status carries them."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Colab's Gemini panel (https://github.com/googlecolab/colabtools/issues/5132)
    ("Error", "We're running into technical difficulties right now. Try again in a little bit!", R.server_error),
    # Paperless-AI's Ollama client (https://github.com/clusterzx/paperless-ai/issues/705)
    ("Error", "Error analyzing document with Ollama: Error: No response data from Ollama API", R.empty_response),
    # py-zerox's model check over LiteLLM, in its API's detail body (https://github.com/getomni-ai/zerox/issues/96)
    ("Error", '{\n    "detail": "\\n    Your provided model can\'t be accessed. Please make sure you have access to '
              'the model and also required environment variables are setup correctly including valid api key(s).\\n    '
              "Refer: https://docs.litellm.ai/docs/providers\\n     (Extra Info: {'model': "
              "'anthropic.claude-3-sonnet-20240229-v1:0'})\"\n}", R.model_not_found),
    # tgpt's free provider refusing the caller's region (https://github.com/aandrew-me/tgpt/issues/280)
    ("Error", "Some error has occurred, try again. Service is unavailable in this region.", R.provider_policy_blocked),
    # picoclaw's log of Google's refusal of its header (https://github.com/sipeed/picoclaw/issues/2374)
    ("Error", 'API request failed:\n  Status: 400\n  Body:   [{\n  "error": {\n    "code": 400,\n    "message": '
              '"Missing or invalid Authorization header.",\n    "status": "INVALID_ARGUMENT"\n  }...', R.auth),
    # Document AI's cap on one document (https://github.com/GoogleCloudPlatform/document-ai-samples/issues/822)
    ("Error", 'An error occurred: 400 Request contains an invalid argument. [field_violations {\n  field: '
              '"raw_document.content"\n  description: "Document size (34381195) exceeds the limit: 20971520."\n}\n]',
     R.payload_too_large),
    # SiliconFlow's code 20041 without its status (https://github.com/steven-jianhao-li/zotero-AI-Butler/issues/50)
    ("Error", "The model is not a VLM (Vision Language Model). Please use text-only prompts.", R.format_error),
    # near misses: a region a model is not served in stays the model's; a header that is valid says nothing; a
    # document under its limit says nothing either
    ("Error", "The model you requested is unavailable in your region.", R.model_not_found),
    ("Error", "The Authorization header is valid.", R.unknown),
    ("Error", "Document size (1200) is within the limit.", R.unknown),
])
def test_wave_38_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 38's general fits (holdout406-410), each a real shape with the rules alone: an apology for "technical
    difficulties" is the server's; "no response data" is an empty answer; a model that "can't be accessed" is the
    model's; a service unavailable in the caller's region is a region block; an invalid Authorization header is the
    key's; a document over its byte cap is the payload's; an image sent to a model that is "not a VLM" is the
    request's."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("body", "expect"), [
    # gemini-openai-proxy's 400 around Google's 429 (https://github.com/zhu327/gemini-openai-proxy/issues/21)
    ({"code": 400, "message": "genai send message error: googleapi: Error 429:", "type": ""}, R.rate_limit),
    # near misses: the same 400 around a 404 stays the request's; a 400 that names 429 as a number is no throttle
    ({"code": 400, "message": "genai send message error: googleapi: Error 404:", "type": ""}, R.format_error),
    ({"code": 400, "message": "max_tokens must be at most 429", "type": ""}, R.format_error),
])
def test_a_gateways_400_around_its_upstreams_429_is_the_throttle(body: dict[str, object],
                                                                 expect: FailoverReason) -> None:
    """A gateway that answers every upstream failure with a 400 and states the upstream's 429 in its message: the
    upstream throttled and the request is sound, so it is read as the 429 (before: a request defect, no retry);
    through the real OpenAI client."""
    verdict = classify_api_error(exception_from_http("openai", 400, json.dumps(body), {}), word_model=NO_MODEL)
    assert verdict.reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Windows' WinHTTP and WinINet texts from an Excel macro (https://github.com/Sven-Bo/
    # Integrate-ChatGPT-in-Excel-using-VBA/issues/2 and /1)
    ("Error", "Error -2147012866: The connection with the server was terminated abnormally", R.timeout),
    ("Error", "Error -2146697208: The download of the specified resource has failed.", R.timeout),
    ("Error", "Error -2147012739: An error occurred in the secure channel support", R.timeout),
    # Stagehand's hosted API without a model key (https://github.com/browserbase/stagehand/issues/1240)
    ("StagehandAPIError", "modelApiKey is required", R.auth),
    # Cohere's missing-key answer as LiteLLM relays it, under a connection error's class
    # (https://github.com/Agenta-AI/agenta/issues/1805)
    ("litellm.APIConnectionError", '{"message":"no api key supplied"}', R.auth),
    # llama.cpp's batch assertion under node-llama-cpp (https://github.com/mishushakov/llm-scraper/issues/22)
    ("Error", "GGML_ASSERT: D:\\a\\node-llama-cpp\\node-llama-cpp\\llama\\llama.cpp\\llama.cpp:11163: n_tokens_all <= "
              "cparams.n_batch", R.context_overflow),
    # Ruby's Net::HTTP class for a 400, all a client printed (https://github.com/patterns-ai-core/langchainrb/issues/696)
    ("StandardError", "#<Net::HTTPBadRequest:0x0000000124077310>", R.format_error),
    # a monthly allowance named a rate limit (https://github.com/forcedotcom/Einstein-GPT-for-Developers/issues/233)
    ("Error", "The Core model hit its monthly rate limit. Wait for it to reset before sending requests. The limit "
              "resets every month.", R.billing),
    # near misses: a connection that ended normally; a key that is present; a rate limit by the minute stays a throttle
    ("Error", "The connection with the server was closed normally", R.unknown),
    ("Error", "apiKey is present", R.unknown),
    ("Error", "You hit your per-minute rate limit. Wait for it to reset before sending requests.", R.rate_limit),
])
def test_wave_39_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 39's general fits (holdout411-415), each a real shape with the rules alone: Windows' WinHTTP and WinINet
    failure texts are transport faults; a client naming the API key it lacks is the key's; llama.cpp's batch
    assertion is the window's; Ruby's Net::HTTPBadRequest is a request defect; a rate limit that resets monthly is the
    plan's allowance (billing)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # Freebuff's count of answers cut off, with its advice to check the network after it
    # (https://github.com/CodebuffAI/freebuff/issues/1025)
    ("The connection kept dropping mid-response after several retries. Please check your network connection and try "
     "again.", R.stream_incomplete),
    # near miss: the advice alone stays a transport fault's
    ("The connection failed after several retries. Please check your network connection and try again.", R.timeout),
])
def test_wave_40_wordings(text: str, expect: FailoverReason) -> None:
    """Wave 40's general fit (holdout416-418), a real shape with the rules alone: a connection that "kept dropping
    mid-response" is a cut stream, whatever the network advice after it says."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # firecrawl-py's failed extract job (https://github.com/firecrawl/firecrawl/issues/1379)
    ("ValueError", "('Extract job failed. Error: {}', 500)", R.server_error),
    # browser-use's empty Gemini answer with its 502, printed as the args tuple
    ("Error", "('', 502)", R.server_error),
    # near misses: a tuple whose last member is no status; a status-like number inside a sentence's parentheses
    ("ValueError", "('Extract job failed. Error: {}', 5)", R.unknown),
    ("Error", "Processed the batch (items: 500)", R.unknown),
])
def test_a_python_exceptions_args_tuple_states_its_status_last(type_name: str, text: str,
                                                               expect: FailoverReason) -> None:
    """A Python exception raised with (message, status) prints as its args tuple: the trailing 4xx/5xx is the
    status the client got (before: no status read, so an empty 500 was unknown)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Colab's Gemini panel (https://github.com/googlecolab/colabtools/issues/4884 and /5452)
    ("FetchError", "Could not fetch resource at https://colab.research.google.com/language-services/generateCode?"
                   "authuser=0: 403", R.auth),
    ("FetchError", "Could not fetch resource at https://colab.research.google.com/language-services/generateCode?"
                   "authuser=0: 500", R.server_error),
    # near misses: a count after "could not" that no status word or colon-space introduces; a sentence that says
    # nothing failed
    ("Error", "Could not allocate 512 buffers", R.unknown),
    ("Error", "Resources at https://example.test fetched: 500", R.unknown),
])
def test_a_status_closing_a_could_not_sentence(type_name: str, text: str, expect: FailoverReason) -> None:
    """A short message that says what could not be done and ends with ": <status>" states that status, as one that
    says what failed does (before: no status read, so a bare 403 or 500 was unknown)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Spring's ResourceAccessException with no cause printed (https://github.com/embabel/embabel-agent/issues/793,
    # https://github.com/alibaba/spring-ai-alibaba/issues/625)
    ("Error", 'I/O error on POST request for "http://localhost:11434/api/chat": null', R.timeout),
    ("org.springframework.web.client.ResourceAccessException",
     'I/O error on POST request for "https://dashscope.aliyuncs.com/api/v1/services/embeddings/text-embedding/'
     'text-embedding": null', R.timeout),
    # Zed's read that broke off (https://github.com/zed-industries/zed, crates/language_model/src/language_model.rs)
    ("LanguageModelCompletionError", "I/O error reading response from Ollama's API", R.timeout),
    # urllib3's give-up with no cause printed (https://github.com/crewAIInc/crewAI/issues/173)
    ("Error", "HTTPSConnectionPool(host='foobar.com', port=443): Max retries exceeded with url: /foo/bar", R.timeout),
    # a parameter over its bound (https://github.com/jackMort/ChatGPT.nvim/issues/64)
    ("Error", "API ERROR: 14 is greater than the maximum of 1 - 'top_p'", R.format_error),
    # near misses: a request for something that names no I/O error; a certificate failure behind urllib3's give-up
    # stays the certificate's; a value under its maximum
    ("Error", "POST request for a new key was accepted", R.unknown),
    ("Error", "HTTPSConnectionPool(host='api.openai.com', port=443): Max retries exceeded with url: "
              "/v1/chat/completions (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] "
              "certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)')))",
     R.tls_untrusted),
    ("Error", "0.5 is within the maximum of 1 - 'top_p'", R.unknown),
])
def test_transport_give_ups_and_a_bound_in_their_own_words(type_name: str, text: str, expect: FailoverReason) -> None:
    """Spring's "I/O error on POST request for", Zed's "I/O error reading response" and urllib3's "Max retries
    exceeded with url" are transport faults whatever cause follows (16, 1 and 68 of 73 corpus texts); a value "greater
    than the maximum of" its bound is a request defect (3 of 3)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # LangChain's parsers (https://github.com/lfnovo/open-notebook/issues/211,
    # https://github.com/ScrapeGraphAI/Scrapegraph-ai/issues/425, langchain_core/output_parsers/pydantic.py)
    ("OutputParserException", "Invalid json output:", R.malformed_response),
    ("OutputParserException", 'Invalid json output: {\n    "answer": {\n        "Chioggia is famous for',
     R.malformed_response),
    ("langchain_core.exceptions.OutputParserException",
     "Failed to parse Joke from completion {}. Got: 2 validation errors for Joke\nsetup\n  Field required "
     "[type=missing, input_value={}, input_type=dict]", R.malformed_response),
    # near misses: the same schema words for a request's own object stay the request's (Dify's node settings:
    # https://github.com/langgenius/dify/issues/18915); a parser's class that quotes a provider's throttle in the answer
    # it could not read is still read by the throttle's words
    ("ValidationError", "1 validation error for LLMNodeData model.mode Field required [type=missing, input_value="
     "{'provider': 'stvlynn/lms...': {'temperature': 0.7}}, input_type=dict]", R.format_error),
    ("OutputParserException", "Invalid json output: Rate limit exceeded: 60 requests per minute. Please try again "
                              "in 20s.", R.rate_limit),
])
def test_langchains_output_parser_reads_the_answer(type_name: str, text: str, expect: FailoverReason) -> None:
    """LangChain raises OutputParserException on the model's answer only: the schema words it quotes are the
    answer's, a malformed answer (before: the request's, a format error that no retry or fallback is tried for)."""
    assert _rules_alone(type_name, text) is expect


_DEADLINE = "Deadline expired before operation could complete."


@pytest.mark.parametrize(("status", "body", "expect"), [
    # Gemini's 503 around Google's deadline message (https://github.com/googleapis/python-genai/issues/1808,
    # https://github.com/CY-CHENYUE/ComfyUI-Gemini-API/issues/7)
    (503, {"error": {"code": 503, "message": _DEADLINE, "status": "UNAVAILABLE"}}, R.timeout),
    (500, {"error": {"code": 500, "message": _DEADLINE, "status": "INTERNAL"}}, R.timeout),
    # near misses: the same 503 saying it is overloaded stays load; a deadline the caller set that a request defect
    # names stays the request's
    (503, {"error": {"code": 503, "message": "The model is overloaded. Please try again later.",
                     "status": "UNAVAILABLE"}}, R.overloaded),
    (400, {"error": {"code": 400, "message": "Deadline expired before operation could complete: timeout must be "
                                             "positive", "status": "INVALID_ARGUMENT"}}, R.format_error),
])
def test_googles_deadline_message_outranks_the_status_around_it(status: int, body: dict[str, Any],
                                                                expect: FailoverReason) -> None:
    """Google's DEADLINE_EXCEEDED message under a 503 UNAVAILABLE or a 500 is a timeout, not load or a server fault
    (4 corpus texts, all so labelled; before: overloaded by the UNAVAILABLE status)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # a Gemini Live session closed by the server (pipecat on google-genai, Google AI developer forum)
    ("Error", "1011 (internal error) Deadline expired before operation could complete.", R.timeout),
    # Copilot for Obsidian (https://github.com/logancyang/obsidian-copilot)
    ("Error", "API Key is not provided for the model: GPT 3.5", R.auth),
    ("Error", "API key is not provided for the embedding model: openai/text-embedding-3-small|openrouterai", R.auth),
    # a client's own budget check (hass-agent-llm, Home Assistant)
    ("Error", "Token limit exceeded: Context size 8003 tokens exceeds limit 8000. Consider reducing entity count or "
              "conversation history.", R.context_overflow),
    # reqwest-eventsource's InvalidContentType (https://github.com/sigoden/aichat/issues/349; Tabby)
    ("Error", 'Failed to get answer\n\nCaused by:\n    Invalid header value: "text/html; charset=utf-8"',
     R.malformed_response),
    ("Error", 'Err(StreamError("Invalid header value: \\"application/json\\""))', R.malformed_response),
    # a browser console's failed request without its reason phrase (text2anki-openai, Smart Connections)
    ("Error", "POST https://api.openai.com/v1/chat/completions 401", R.auth),
    ("Error", "POST https://api.openai.com/v1/chat/completions 404", R.model_not_found),
    # .NET's ClientWebSocket refused at the upgrade, as a forum renders its quotes (OpenAI community forum, realtime
    # transcription)
    ("WebSocketException", "The server returned status code \u2018403\u2019 when status code \u2018101\u2019 was "
                           "expected.", R.auth),
    # near misses: a live close frame's internal error alone stays the server's; a key that is provided; a context
    # size within its limit; a header value the client refused to send; a number after a URL that is no request line
    ("Error", "1011 (internal error) Internal error encountered.", R.server_error),
    ("Error", "API key is provided for the model: GPT 3.5", R.unknown),
    ("Error", "Context size 8003 tokens, limit 16000", R.unknown),
    ("Error", "Invalid header value: b'Bearer abc\\n'", R.format_error),
    ("Error", "Fetched https://api.openai.com/v1/models 404 times today", R.unknown),
])
def test_deadline_key_context_header_and_console_wordings(type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 41's general readings: Google's deadline message is a timeout; "key is not provided" is the key's; a
    context size that "exceeds" is the window's; an event stream's "Invalid header value" with a content type is an
    answer that is no stream; a browser console's "POST <url> <status>" states its status, and a status in a forum's
    typographic quotes is read as in plain ones."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # claude-code-router's 500 around Node's own fetch failure (https://github.com/musistudio/claude-code-router/
    # issues/168, /236)
    (500, {"error": {"message": "fetch failed", "type": "api_error", "code": "internal_error"}}, R.timeout),
    # ... with the stack it printed (https://github.com/musistudio/claude-code-router/issues/527)
    (500, {"error": {"message": "fetch failedTypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13",
                     "type": "api_error", "code": "internal_error"}}, R.timeout),
    (502, {"error": {"message": "fetch failed", "type": "server_error"}}, R.timeout),
    # near misses: the same generic code around the relay's own fault, or around a sentence that only mentions a
    # fetch
    (500, {"error": {"message": "Cannot read properties of undefined (reading 'content')", "type": "api_error",
                     "code": "internal_error"}}, R.server_error),
    (500, {"error": {"message": "The tool could not fetch its result", "type": "api_error", "code": "internal_error"}},
     R.server_error),
])
def test_a_relays_5xx_around_its_own_fetch_failure(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """A relay's 5xx whose message is Node's "fetch failed" is its upstream call failing at transport, whatever
    generic server code is beside it (4 corpus texts, all labelled timeout; before: server_error by the code)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # ProxyAI's guess on a read timeout (https://github.com/carlrobertoh/ProxyAI/issues/494)
    ("java.net.SocketTimeoutException", "Request timed out. This may be due to the server being overloaded.\n"
                                        "java.net.SocketTimeoutException: timeout", R.timeout),
    # CopilotKit's runtime (https://github.com/CopilotKit/CopilotKit/issues/2727)
    ("CopilotKitLowLevelError", "Agent agent streaming connection was unexpectedly terminated. This often indicates an "
                                "error in the agent service (e.g., authentication failures, missing environment "
                                "variables, or agent crashes). Check the agent logs for the root cause.",
     R.stream_incomplete),
    # pydantic's json_invalid on the model's answer (https://github.com/jaimaann/LangHire/issues/60,
    # https://github.com/getzep/graphiti/issues/627)
    ("ModelProviderError", "1 validation error for AgentOutput Invalid JSON: EOF while parsing a string at line 1 "
                           "column 2 [type=json_invalid, input_value='{\"', input_type=str]", R.malformed_response),
    ("Error", "Error in generating LLM response: 1 validation error for ExtractedEntities\n  Invalid JSON:",
     R.malformed_response),
    # ByteGPT for Kommo, in Portuguese (https://suporte.bytebio.com/artigo/resolucao-problemas-erros-comuns-bytegpt)
    ("Error", "ERRO OpenAi Limite de tempo atingido. OpenAI está com lentidão", R.timeout),
    # near misses: a server saying it is overloaded stays load; a streaming connection refused by the key stays the
    # key's; a request validated with a field missing stays the request's; a time limit on a plan's use is no timeout
    ("Error", "The server is overloaded. Please try again later.", R.overloaded),
    ("Error", "Streaming connection refused: invalid API key", R.auth),
    ("Error", "1 validation error for ChatRequest\nmessages\n  Field required [type=missing]", R.format_error),
    ("Error", "Limite de uso atingido para o seu plano. Faça upgrade para continuar.", R.unknown),
])
def test_wave_42_guesses_cut_agent_streams_answer_json_and_portuguese_timeouts(type_name: str, text: str,
                                                                              expect: FailoverReason) -> None:
    """A client's "this may be due to the server being overloaded" under a read timeout is a guess, not the
    provider's words; CopilotKit's "streaming connection was unexpectedly terminated" is a cut stream whatever causes
    it guesses at; pydantic's "Invalid JSON" with no status is the model's answer; "limite de tempo atingido" is a
    timeout."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Operit's dialog with a full-width colon (https://github.com/AAswordman/Operit/issues/38)
    ("Error", "请求失败\uff0cAI响应获取失败\uff0cAPI请求失败\uff0c状态码\uff1a402", R.billing),
    ("Error", "API请求失败\uff0c状态码\uff1a429", R.rate_limit),
    # the Ollama Client extension's name for a 405 (https://github.com/Shishir435/ollama-client/issues/29)
    ("Error", "Unknown error: Method Not allowed", R.format_error),
    ("Error", "Unknown error: Service Unavailable", R.overloaded),
    # near misses: a count after a full-width colon that names no status; "Unknown error:" before a sentence
    ("Error", "重试次数\uff1a402", R.unknown),
    ("Error", "Unknown error: something broke", R.unknown),
])
def test_a_full_width_colon_and_an_unknown_errors_reason_phrase(type_name: str, text: str,
                                                                 expect: FailoverReason) -> None:
    """A Chinese client's status after a full-width colon (U+FF1A, after "状态码", "status code") is read as after a
    colon; "Unknown error: <reason phrase>" names the status of that phrase (before: both unknown)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Sora 2's moderation answer as a Ruby client prints the decoded body
    # (https://calvin.my/posts/openai-sora-2-api-first-experience)
    ("Error", '{"code" => "moderation_blocked", "message" => "Your request was blocked by our moderation system."}',
     R.content_policy_blocked),
    # ruby-openai's body in the inspect of older Rubies (no spaces around "=>", nil for null)
    ("Error", 'OpenAI HTTP Error (spotted in ruby-openai 6.3.1): {"error"=>{"message"=>"This model does not support '
              'specifying dimensions.", "type"=>"invalid_request_error", "param"=>nil, "code"=>nil}}', R.format_error),
    # screenshot-to-code with no usable key (https://github.com/abi/screenshot-to-code/issues/202)
    ("Error", "No OpenAI API key found. Please add your API key in the settings dialog or add it to the backend/.env "
              "file.", R.auth),
    # Dyad with OLLAMA_HOST set without its scheme (https://github.com/dyad-sh/dyad/issues/840)
    ("Error", "Sorry, there was an error from the AI: Failed to parse URL from 0.0.0.0/chat", R.format_error),
    # aiohttp's TransferEncodingError alone, in its older words (https://github.com/vllm-project/vllm/issues/6885)
    ("aiohttp.http_exceptions.TransferEncodingError",
     "400, message:\n  Not enough data for satisfy transfer length header.", R.stream_incomplete),
    # near misses: a Ruby hash that is not JSON once read (a symbol value) stays unread; a key that was found is no
    # missing key; a URL parsed and then refused by the server is not a malformed base URL
    ("Error", '{"code" => :moderation, "detail" => "something broke"}', R.unknown),
    ("Error", "API key found in keychain; the request then failed for an unknown reason", R.unknown),
    ("Error", "Failed to fetch URL from the sitemap: something broke", R.unknown),
])
def test_wave_44_ruby_hash_bodies_a_named_missing_key_an_unparsable_url_and_aiohttps_cut_body(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """A body Ruby printed with ``=>`` is read as the JSON it was decoded from (its code and type); "No <provider> API
    key found" is a missing key; Node's "Failed to parse URL from" is a base URL no request can be sent to; aiohttp's
    "Not enough data for satisfy transfer length header" is a cut body whatever parser code (400) it carries (before:
    provider_policy_blocked, model_not_found, unknown, unknown, format_error)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Bedrock's schema check on Cohere Embed's texts, through a published bot API
    # (https://github.com/aws-samples/bedrock-chat/issues/439) and through boto3 alone
    ("Error", "Operation failed: An error occurred (ValidationException) when calling the InvokeModel operation: "
              "Malformed input request: #/texts/0: expected maxLength: 2048, actual: 294210, please reformat your "
              "input and try again.", R.context_overflow),
    ("ValidationException", "An error occurred (ValidationException) when calling the InvokeModel operation: "
                            "Malformed input request: expected maxLength: 42000, actual: 46735, please reformat your "
                            "input and try again.", R.context_overflow),
    # near misses: a short cap bounds a name, not an input (the request's defect); a field within its cap is no
    # overflow
    ("ValidationException", "An error occurred (ValidationException) when calling the InvokeModel operation: "
                            "Malformed input request: #/toolConfig/tools/0/name: expected maxLength: 64, actual: 70, "
                            "please reformat your input and try again.", R.format_error),
    ("ValidationException", "An error occurred (ValidationException) when calling the InvokeModel operation: "
                            "Malformed input request: expected maxLength: 42000, actual: 4200, please reformat your "
                            "input and try again.", R.format_error),
])
def test_wave_46_an_input_over_its_schema_max_length(type_name: str, text: str, expect: FailoverReason) -> None:
    """Bedrock's "expected maxLength: N, actual: M" on a field of a thousand characters or more is one input longer
    than the model reads (4 corpus texts, all labelled context_overflow; before: format_error)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # GigaChat's censor stop as langchain-gigachat raises it (https://github.com/ai-forever/gigachain/issues/252) and as
    # a Kotlin client logs the answer (https://github.com/D00mch/souz/issues/113)
    ("Error", "Giga generation stopped with reason: blacklist", R.content_policy_blocked),
    ("Error", "response: Ok(choices=[Choice(message=Message(content=..., role=assistant, functionCall=null), index=0, "
              "finishReason=blacklist)], model=GigaChat-Pro)", R.content_policy_blocked),
    # Copilot Chat's "no answer was returned" in its Russian and Turkish interfaces
    # (https://github.com/microsoft/vscode-copilot-release/issues/4400, https://github.com/microsoft/vscode/issues/254635)
    ("Error", "\u041a \u0441\u043e\u0436\u0430\u043b\u0435\u043d\u0438\u044e, "
              "\u043d\u0438\u043a\u0430\u043a\u043e\u0433\u043e \u043e\u0442\u0432\u0435\u0442\u0430 \u043d\u0435 "
              "\u0432\u043e\u0437\u0432\u0440\u0430\u0449\u0435\u043d\u043e", R.empty_response),
    ("Error", "Model beklenmedik bir \u015fekilde yan\u0131t d\u00f6nd\u00fcrmedi ve bu durum bir hizmet sorununun "
              "i\u015fareti olabilir. L\u00fctfen hata bildirin.", R.empty_response),
    # Vertex's numbered MAX_TOKENS stop in a release that wrote "did not completed"
    # (https://blog.g-gen.co.jp/entry/gemini-response-validation-error-caused-by-output-tokens)
    ("ResponseValidationError", "The model response did not completed successfully. Finish reason: 2. "
                                "Finish message: .", R.output_truncated),
    # Azure OpenAI's abuse block of the resource behind the key (the corpus's sc-q17, under its 403)
    ("PermissionDeniedError", "Error code: 403 - {'error': {'code': 'Forbidden', 'message': 'Your resource has been "
                              "temporarily blocked because we detected unusual behavior.'}}", R.auth_permanent),
    # near misses: another stop reason in the same words; a finish reason numbered otherwise; a block of an IP
    ("Error", "Giga generation stopped with reason: stop", R.unknown),
    ("ResponseValidationError", "The model response did not completed successfully. Finish reason: 1. "
                                "Finish message: .", R.unknown),
    ("Error", "Excessive connections may have temporarily blocked your IP", R.unknown),
])
def test_wave_47_gigachats_censor_copilots_localised_empty_answers_vertex_max_tokens_and_azures_resource_block(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """GigaChat's "blacklist" stop is its censor; Copilot Chat's Russian and Turkish "no answer returned" is an empty
    answer; Vertex's "Finish reason: 2" beside its "Finish message" is the output cap, however the sentence before it
    is spelt; Azure's "Your resource has been temporarily blocked" is the key's resource blocked (before: unknown,
    empty_response by the word model, unknown, unknown, empty_response by the word model, auth)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Gemini's Live endpoint closing its socket for a model it does not serve (https://github.com/google/adk-python/
    # issues/252)
    ("websockets.exceptions.ConnectionClosedError",
     "websockets.exceptions.ConnectionClosedError: received 1007 (invalid frame payload data) gemini-2.0-flash-001 is "
     "not supported in the live api.; then sent 1007 (invalid frame payload data) gemini-2.0-flash-001 is not "
     "supported in the live api.", R.model_not_found),
    # the AWS .NET SDK with no bearer token to send (https://github.com/awslabs/agentcore-samples/issues/968)
    ("Amazon.Runtime.AmazonClientException", "Amazon.Runtime.AmazonClientException: Failed to resolve bearer token in "
                                             "DefaultAWSTokenIdentityResolver", R.auth),
    # google-genai's 499 when a long generation outran the caller's deadline (https://github.com/google/adk-python/
    # issues/475), a relay's "context canceled"
    ("google.genai.errors.ClientError", "google.genai.errors.ClientError: 499 CANCELLED", R.timeout),
    ("Error", "HTTP 499 context canceled", R.timeout),
    # near misses: a Live socket closed for a frame the request got wrong stays the request's; a token resolved and
    # then refused is no missing token
    ("websockets.exceptions.ConnectionClosedError",
     "received 1007 (invalid frame payload data) Request contains an invalid argument.", R.format_error),
    ("Error", "Bearer token resolved; the request then failed for an unknown reason", R.unknown),
])
def test_wave_48_a_model_the_live_api_does_not_serve_an_unresolved_bearer_token_and_a_499(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Gemini's "<model> is not supported in the live api" is the model, not the request; the AWS SDK's "Failed to
    resolve bearer token" is a missing credential; a 499 (a call cancelled before its answer) is a timeout (before:
    format_error, unknown, server_error, server_error)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Google IAM's refusal printed from a gRPC error's details with no status (the corpus's gx-genai-apptemplates entry)
    ("Error", "details = \"Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/"
              "projects/p/locations/us-central1/publishers/google/models/chat-bison@001' (or it may not exist).\"",
     R.auth),
    # ... inside a 403 body that LiteLLM raised as a BadRequestError (the corpus's sz-q04 entry)
    ("BadRequestError", "litellm.BadRequestError: Vertex_aiException BadRequestError - {\n  \"error\": {\n    "
                        "\"code\": 403,\n    \"message\": \"Permission 'aiplatform.endpoints.predict' denied on "
                        "resource '//aiplatform.googleapis.com/projects/p/locations/us-central1/publishers/google/"
                        "models/gemini-2.5-pro' (or it may not exist).\"\n  }\n}", R.auth),
    # a desktop client's lapsed login (the corpus's lw-lencx entry)
    ("Error", "Your session has expired", R.auth),
    # near misses: a permission granted, an upload session closed
    ("Error", "Permission granted on resource; the request then failed for an unknown reason", R.unknown),
    ("Error", "The upload session has been closed", R.unknown),
])
def test_a_google_iam_refusal_without_its_status_and_a_lapsed_session(type_name: str, text: str,
                                                                      expect: FailoverReason) -> None:
    """"Permission '<name>' denied on resource" is Google IAM refusing the caller's identity whatever status is around
    it (19 of the corpus's 22 such texts were read as auth by their 403 or PERMISSION_DENIED; before, the other three:
    unknown, format_error); "Your session has expired" is a lapsed login (before: unknown)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Sourcegraph Cody's gateway passing on its own dependency's 429 under a 400
    # (https://github.com/sourcegraph/cody/issues/7293, and three more threads in the corpus)
    ("Error", "Request Failed: Request to https://sourcegraph.com/.api/completions/stream?api-version=2&client-name="
              "vscode&client-version=1.72.0 failed with 400 Bad Request: status 400, reason fetching subscription from "
              "SSC: unexpected status code 429", R.server_error),
    # near misses: a 400 whose reason is the request's own field; an unexpected status with no dependency fetched
    ("Error", "Request failed with 400 Bad Request: status 400, reason invalid value for field 'model'",
     R.format_error),
    ("Error", "Request failed with 400 Bad Request: unexpected status code 400", R.format_error),
])
def test_a_servers_own_dependency_answering_unexpectedly_under_a_400(type_name: str, text: str,
                                                                     expect: FailoverReason) -> None:
    """"reason fetching <something>: unexpected status code N" under a 400 is the server's call to a service behind
    it failing, not the caller's request (4 corpus texts, all labelled server_error; before: format_error)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Vercel's 504 page when a function ran past its limit, the status not in the text
    # (https://github.com/anse-app/chatgpt-demo/issues/153)
    ("Error", "An error occurred with your deployment\nEDGE_FUNCTION_INVOCATION_TIMEOUT", R.timeout),
    ("Error", "Error from provider: An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT\n\n"
              "fra1::46n92-1753107905195-02e151215b22\n", R.timeout),
    # Cloudflare AI Gateway's 7009 in its success=false envelope (https://github.com/cloudflare/cloudflare-docs/issues/
    # 15116) and a gateway's documented "Upstream unavailable" (https://docs.seermartech.cn/reference/errors)
    ("Error", '{"result":null,"success":false,"errors":[{"code":7009,"message":"Upstream service unavailable"}],'
              '"messages":[]}', R.server_error),
    ("Error", "Upstream unavailable", R.server_error),
    # near misses: a function invocation that failed for another reason; an upstream that is available but busy
    ("Error", "An error occurred with your deployment\nFUNCTION_INVOCATION_FAILED", R.unknown),
    ("Error", "Upstream is overloaded, please try again later", R.overloaded),
])
def test_a_platforms_function_timeout_code_and_an_upstream_said_unavailable(type_name: str, text: str,
                                                                            expect: FailoverReason) -> None:
    """Vercel's FUNCTION_INVOCATION_TIMEOUT (and the edge variant) is a timeout: one word with its underscores, which
    the plain "timeout" phrase never matched (4 corpus texts, all labelled timeout; two read unknown before); a
    gateway's "Upstream (service) unavailable" is the upstream down (both corpus texts labelled server_error;
    before: unknown)."""
    assert _rules_alone(type_name, text) is expect


_ITPM_REFUSAL = ("This request would exceed your organization's rate limit of 450,000 input tokens per minute (org: "
                 "0137b15c-16bf-490d-9f90-8cfd7e325ec0, model: claude-haiku-4-5-20251001). For details, refer to: "
                 "https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. "
                 "Please reduce the prompt length or the maximum tokens requested, or try again later. You may also "
                 "contact sales at https://claude.com/contact-sales to discuss your options for a rate limit increase.")


@pytest.mark.parametrize(("remaining", "expect"), [
    # as recorded (https://github.com/crmne/ruby_llm, spec/fixtures/vcr_cassettes/chat_real_error_scenarios_anthropic_
    # claude-haiku-4-5_handles_context_length_exceeded_errors.yml): the minute's input budget untouched
    ("450000", R.context_overflow),
    # near misses: the budget partly spent (a throttle: wait or rotate); the header missing or not a number
    ("12000", R.rate_limit),
    (None, R.rate_limit),
    ("unknown", R.rate_limit),
])
def test_an_input_token_refusal_while_the_budget_is_untouched_is_a_request_too_big(remaining: str | None,
                                                                                  expect: FailoverReason) -> None:
    """Anthropic's 429 "would exceed ... input tokens per minute" sent while its headers say the minute's input budget
    is whole (remaining equal to the limit): this one request is bigger than the budget, so compress (the corpus's 51
    other such 429s carry no headers and stay rate limits)."""
    headers = {"x-should-retry": "false", "anthropic-ratelimit-input-tokens-limit": "450000"}
    if remaining is not None:
        headers["anthropic-ratelimit-input-tokens-remaining"] = remaining
    body = {"type": "error", "error": {"type": "rate_limit_error", "message": _ITPM_REFUSAL},
            "request_id": "req_011CZerm6rbwQJggGrSHJRo5"}
    assert classify_api_error(exception_from_http("anthropic", 429, body, headers)).reason is expect


def test_a_non_ascii_digit_in_the_input_budget_headers_leaves_the_throttle_reading() -> None:
    """"²" is a digit to str.isdigit but not to int(): in the input-budget headers (bytes a server may send, latin-1
    as httpx decodes them) it is no number, and the 429 stays a rate limit instead of faulting the rule walk."""
    import anthropic
    import httpx2

    body = json.dumps({"type": "error", "error": {"type": "rate_limit_error", "message": _ITPM_REFUSAL}}).encode()

    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(429, content=body, headers=[
            (b"content-type", b"application/json"), (b"anthropic-ratelimit-input-tokens-limit", b"\xb2"),
            (b"anthropic-ratelimit-input-tokens-remaining", b"\xb2")])

    client = anthropic.Anthropic(api_key="test-key-not-a-secret", base_url="http://upstream.test", max_retries=0,
                                 http_client=httpx2.Client(transport=httpx2.MockTransport(answer)))
    with pytest.raises(anthropic.RateLimitError) as raised:
        client.messages.create(model="claude-test", max_tokens=16, messages=[{"role": "user", "content": "hi"}])
    verdict = classify_api_error(raised.value, word_model=NO_MODEL)
    assert (verdict.reason, verdict.rule) == (R.rate_limit, "rate_limit_code")


@pytest.mark.parametrize(("text", "expect"), [
    # OpenClaw's compaction on a ChatGPT Plus plan (a Discord help thread archived at https://doublepost.link): the
    # window clears in under four hours
    ("\u2699\ufe0f Compaction failed: Summarization failed: You have hit your ChatGPT usage limit (plus plan). Try "
     "again in ~227 min. \u2022 Context 99k/200k (50%)", R.rate_limit),
    # near misses: the same window days away; no time at all
    ("You have hit your ChatGPT usage limit (plus plan). Try again in ~3 days.", R.billing),
    ("You have hit your ChatGPT usage limit (plus plan).", R.billing),
])
def test_a_usage_window_said_to_clear_in_about_so_long(text: str, expect: FailoverReason) -> None:
    """A plan's usage window whose wait is written as approximate ("in ~227 min") is read as the wait it states: under
    six hours a throttle on this credential (before: the tilde hid the wait, and a usage limit with no reset is
    billing)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # Envoy Gateway in front of an llm-d endpoint picker at about 2,000 concurrent requests: its ext_proc pool
    # overflowed (the reporter's paste of the response code details, in llm-d's tracker)
    ("ext_proc_error_gRPC_error_14{upstream_connect_error_or_disconnect/reset_before_headers._reset_reason:_overflow"
     "{upstream_reset_before_response_started{overflow}}}", R.overloaded),
    ("upstream_reset_before_response_started{overflow}", R.overloaded),
    # near misses: the same detail for a connection that failed, and one the upstream reset
    ("upstream_reset_before_response_started{remote_connection_failure}", R.timeout),
    ("upstream_reset_before_response_started{remote_reset}", R.timeout),
])
def test_envoys_overflow_in_its_response_code_details(text: str, expect: FailoverReason) -> None:
    """Envoy's circuit breaker overflowing is load however it is spelt: "reset reason: overflow" in its sentence was
    read so already; its response code details write every space as an underscore (before: a transport fault)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # openai 0.x's InvalidRequestError with no status, in course notebooks (https://github.com/wandb/edu, a
    # DeepLearning.AI short course's notes) and OpenAI's 404 text as a chat client printed it
    ("InvalidRequestError", "The model `text-davinci-003` has been deprecated", R.model_not_found),
    ("InvalidRequestError", "The model `text-davinci-003` has been deprecated, learn more here: "
                            "https://platform.openai.com/docs/deprecations", R.model_not_found),
    # axios's timer code under Kibana's Attack Discovery over Bedrock (elastic/kibana's tracker)
    ("Error", "Unexpected API Error: ECONNABORTED", R.timeout),
    # SAP AI Core's orchestration filter (https://github.com/SAP/ai-sdk-js)
    ("Error", "400 - Filtering Module - Input Filter: Filtering module blocked content: content violated a configured "
              "category.", R.content_policy_blocked),
    # near misses: a request field deprecated, with "the model" after it; a field of the model with no model's name;
    # a filtering module that let the content through and failed for another reason
    ("InvalidRequestError", "The `functions` parameter has been deprecated; use tools with the model", R.format_error),
    ("Error", "the model name field has been deprecated in favour of model_id", R.unknown),
    ("Error", "400 - Filtering Module - Input Filter: configuration is invalid: unknown category 'hate_speech'",
     R.format_error),
])
def test_a_retired_model_in_openais_words_axios_timeout_code_and_sap_filtering(type_name: str, text: str,
                                                                               expect: FailoverReason) -> None:
    """"The model `<name>` has been deprecated" is the model's (all 7 such corpus texts are labelled so; openai 0.x
    raised it with no status, read as a request defect before); axios's ECONNABORTED is its own timer (before: unknown);
    SAP's "Filtering module blocked content" is a content block (before: format_error by its 400)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # ONLYOFFICE's AI proxy (https://github.com/ONLYOFFICE/DocumentServer/issues/3428), with its class and without
    ("CanceledError", "proxyRequest: AI API request error: CanceledError: canceled", R.timeout),
    ("Error", "proxyRequest: AI API request error: CanceledError: canceled", R.timeout),
    # near miss: a cancelled job in words, with no client class named
    ("Error", "The fine-tuning job was cancelled by the organization owner", R.unknown),
])
def test_axios_canceled_error_is_the_clients_own_abort(type_name: str, text: str, expect: FailoverReason) -> None:
    """axios's CanceledError is the call aborted by the client's own signal or timer: a timeout, as a 499 is (both
    corpus texts are labelled so; before: unknown)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # Lemonade's model_load_error (https://github.com/lemonade-sdk/lemonade/issues/1462) and LocalAI's "could not load
    # model - all backends returned error" (https://github.com/mudler/LocalAI, pkg/model/initializers.go), both 500
    (500, {"error": {"code": "model_load_error", "message": "Failed to load model 'Qwen3-0.6B-GGUF': llama-server "
                     "failed to start", "param": "model", "type": "model_load_error"}}, R.model_not_found),
    (500, {"error": {"code": 500, "message": "could not load model - all backends returned error: 3 errors occurred:"
                     "\n\t* could not load model: rpc error: code = Unknown desc = failed loading model\n\n",
                     "type": ""}}, R.model_not_found),
    # ... behind a relay's 502
    (502, {"error": {"message": "upstream: could not load model - all backends returned error", "type": "upstream"}},
     R.model_not_found),
    # near misses: a 500 with no word of loading; a 503 (load is read by its own rules there)
    (500, {"error": {"message": "Internal server error", "type": "server_error"}}, R.server_error),
    (503, {"error": {"message": "Service Unavailable", "type": "server_error"}}, R.overloaded),
])
def test_a_model_that_failed_to_load_under_a_500(status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """A server that says it could not load the model is the model's for this endpoint under a 500 or 502 too: another
    model may serve, retrying this one loads it no better (the corpus labels such 500s model_not_found 17 to 5;
    before: server_error by the status)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("text", "expect"), [
    # the Dart SDKs on a candidate with no parts (https://github.com/google-gemini/deprecated-generative-ai-dart/
    # issues/224 and /232, https://github.com/firebase/flutterfire/issues/17432)
    ("Unhandled format for Content: {}", R.empty_response),
    ("Unhandled format for Content: {role: model}\nThis indicates a problem with the Vertex AI in Firebase SDK. Try "
     "updating to the latest version (https://pub.dev/packages/firebase_ai/versions), or file an issue at "
     "https://github.com/firebase/flutterfire/issues.", R.empty_response),
    # near miss: content with parts in a format the SDK does not know is an unreadable answer
    ("Unhandled format for Content: {role: model, parts: [{executableCode: {language: PYTHON}}]}",
     R.malformed_response),
])
def test_a_dart_sdks_content_without_parts_is_an_empty_answer(text: str, expect: FailoverReason) -> None:
    """"Unhandled format for Content: {}" (or only its role) is an answer with nothing in it (the corpus's 4 such texts
    are labelled empty_response; before: malformed_response); content with parts the SDK cannot read stays
    malformed."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # Qt's QNetworkReply::errorString names the status by its reason phrase (https://github.com/pbek/QOwnNotes/issues/
    # 3058)
    ("Error", "Error transferring https://api.openai.com/v1/chat/completions - server replied: Not Found ",
     R.model_not_found),
    ("Error", "Error transferring http://192.168.1.20:8080/v1/chat/completions - server replied: Bad Gateway",
     R.server_error),
    # RageAgainstThePixel's Unity clients: the method and the status in brackets
    # (https://github.com/RageAgainstThePixel/com.openai.unity/issues/177)
    ("Utilities.WebRequestRest.RestException", "[POST:500] https://api.openai.com/v1/threads/runs Failed!",
     R.server_error),
    # a client's key:value status (https://github.com/pljhonglu/ChatGPT-T/issues/5)
    ("Error", 'Custom error: ( code:400, message: "openai api request error!")', R.format_error),
    # a logger's line around a KeyError for the answer's choices
    # (https://github.com/chatchat-space/Langchain-Chatchat/issues/1922)
    ("KeyError", "Caught exception: 'choices'", R.malformed_response),
    # Inspur Yuan's empty answer (https://github.com/Shawn-IEITSystems/Yuan-1.0/issues/47)
    ("Error", "模型返回为空\uff0c请尝试修改输入\u3002", R.empty_response),
    # Codex's log line before it resends the whole history (https://github.com/openai/codex/blob/main/codex-rs/core/
    # src/error.rs): the request named a stored response the server does not have
    ("Error", "previous response id not found - will retry with full history", R.format_error),
    # near misses: a server that replied with no status phrase, a bracketed number that is no method's status, an exit
    # code, a KeyError for the caller's own key
    ("Error", "Error transferring https://example.test/v1/chat - server replied: ", R.unknown),
    ("Error", "[step:500] finished", R.unknown),
    ("Error", "process failed, exit code:500", R.unknown),
    ("KeyError", "Caught exception: 'tool_name'", R.unknown),
])
def test_qt_and_unity_clients_statuses_a_logged_keyerror_and_an_empty_answer_in_chinese(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Statuses printed by Qt ("server replied: Not Found"), by Unity clients ("[POST:500]") and as "code:400"; a
    KeyError for the answer's 'choices' inside a logger's words; "模型返回为空"; Codex's "previous response id not
    found" (before: unknown, or read otherwise by the word model)."""
    assert _rules_alone(type_name, text) is expect


def test_a_realtime_response_that_failed_without_its_output_is_read() -> None:
    """A Realtime ``response.done`` whose response failed is read by its ``status_details`` error even when the paste
    has no ``output`` (Azure: https://learn.microsoft.com/en-us/answers/questions/5821653; before: read as a
    success), through the real client that streams it."""
    event = {"type": "response.done", "event_id": "event_1", "response": {
        "object": "realtime.response", "id": "resp_1", "status": "failed", "status_details": {
            "type": "failed", "error": {"type": "server_error", "code": None,
                                        "message": "The server had an error while processing your request."}}}}
    c = classify_soft_failure(outcome_from_event(event), word_model=NO_MODEL)
    assert c is not None and c.reason is R.server_error
    completed = {**event, "response": {**event["response"], "status": "completed", "output": [
        {"type": "message", "content": [{"type": "text", "text": "hi"}]}]}}
    del completed["response"]["status_details"]
    assert classify_soft_failure(outcome_from_event(completed), word_model=NO_MODEL) is None


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # llama-cpp-python's tokenizer when the history outgrew the context (https://github.com/PromtEngineer/localGPT/
    # issues/441)
    ("Error", "llama_tokenize_with_model: too many tokens", R.context_overflow),
    # Copilot Chat's request log: the filter refused the prompt (https://github.com/github/copilot-cli/issues/4312)
    ("Error", "2026-07-31 11:12:21.583 [error] Server error: 422 Unprocessable Entity\n2026-07-31 11:12:21.584 [info] "
     "ccreq:6d224459.copilotmd | promptFiltered | gpt-4o-mini-2024-07-18 | 949ms | [gitCommitMessageGenerator]",
     R.content_policy_blocked),
    # the Dart SDKs on a finish reason they do not know (https://github.com/firebase/flutterfire/issues/18181)
    ("FormatException", "Unhandled FinishReason format", R.malformed_response),
    # a translator's log of the SDK's throttle class, retried after a second
    # (https://github.com/PDFMathTranslate/PDFMathTranslate/issues/1147)
    ("Error", "WARNING:pdf2zh.translator:RateLimitError, retrying in 1.0 seconds... (Attempt 1/100)", R.rate_limit),
    # an app's daily allowance (https://github.com/FlutterFlow/flutterflow-issues/issues/1305)
    ("Error", "AI Gen page insert limit reached for today. Please try again tomorrow.", R.billing),
    # near misses: a tokenizer's other complaint (read by its own words), the class's name with no retry (read by
    # the name), a limit that is no allowance
    ("Error", "llama_tokenize_with_model: invalid character", R.format_error),
    ("Error", "RateLimitError", R.rate_limit),
    ("Error", "limit reached", R.unknown),
])
def test_a_tokenizer_overflow_copilots_prompt_filter_a_dart_enum_a_logged_throttle_and_a_daily_allowance(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """llama.cpp's "too many tokens" from its tokenizer; Copilot's "promptFiltered" outcome; the Dart SDKs' "Unhandled
    FinishReason format"; a log's "RateLimitError, retrying in 1.0 seconds"; "limit reached for today ... try again
    tomorrow" (before: unknown, or read otherwise by the word model or the status)."""
    assert _rules_alone(type_name, text) is expect


def _realtime_done(status: str, reason: str | None) -> dict[str, Any]:
    """A ``response.done`` event as the openai SDK's own Realtime models define it (``ResponseDoneEvent``,
    ``RealtimeResponseStatus``), dumped to the JSON the server sends."""
    from openai.types.realtime import RealtimeResponse, ResponseDoneEvent
    from openai.types.realtime.realtime_response_status import RealtimeResponseStatus

    response = RealtimeResponse(id="resp_2", object="realtime.response", status=status, output=[],
                                status_details=RealtimeResponseStatus(type=status, reason=reason))
    event = ResponseDoneEvent(type="response.done", event_id="event_2", response=response)
    return event.model_dump(mode="json", exclude_none=True)


# every reason the SDK's RealtimeResponseStatus can carry, with the status it goes with (its docstring)
_REALTIME_REASONS: Final = {"turn_detected": "cancelled", "client_cancelled": "cancelled",
                            "max_output_tokens": "incomplete", "content_filter": "incomplete"}


def test_the_realtime_reasons_read_are_every_reason_the_sdk_defines() -> None:
    """The table below covers the SDK's whole ``reason`` literal: a reason added to the SDK fails here first."""
    import typing

    from openai.types.realtime.realtime_response_status import RealtimeResponseStatus

    literal = typing.get_args(RealtimeResponseStatus.model_fields["reason"].annotation)[0]
    assert set(typing.get_args(literal)) == set(_REALTIME_REASONS)


@pytest.mark.parametrize(("reason", "expect"), [
    # the user spoke over the answer (server VAD), or the client cancelled it: nothing failed
    ("turn_detected", None),
    ("client_cancelled", None),
    # Realtime's incomplete reasons, as the Responses API's incomplete_details names them
    ("content_filter", R.content_policy_blocked),
    ("max_output_tokens", R.output_truncated),
    # a cancel that names no reason stays unknown (retried), as a Responses cancel does
    (None, R.unknown),
])
def test_a_realtime_response_is_read_by_its_status_details(reason: str | None, expect: FailoverReason | None) -> None:
    """A Realtime ``response.done`` names why its response did not complete in ``status_details``
    (https://platform.openai.com/docs/api-reference/realtime-server-events/response/done), built here with the SDK's
    own models and streamed through the real client: the caller's or the user's own cancel is no failure (before:
    unknown, retried), an incomplete one is read by its reason (before: unknown)."""
    status = _REALTIME_REASONS.get(reason or "", "cancelled")
    c = classify_soft_failure(outcome_from_event(_realtime_done(status, reason)), word_model=NO_MODEL)
    assert (c.reason if c else None) is expect


@pytest.mark.parametrize(("text", "status", "expect"), [
    # https://github.com/dusty-nv/jetson-containers/issues/1562 (412 stated), https://github.com/ollama/ollama/issues/14876
    ("Error: pull model manifest: 412: The model you are attempting to pull requires a newer version of Ollama. Please "
     "download the latest version at: https://ollama.com/download", 412, R.model_not_found),
    ("pull model manifest: 412:\nThe model you are attempting to pull requires a newer version of Ollama.", None,
     R.model_not_found),
    # https://github.com/You-OpenSource/You-Python/issues/251, https://github.com/ryoppippi/curxy/issues/18
    ("Error 1033\nRay ID: 7e50aeca09cf691b •\n2023-07-11 11:24:54 UTC\nArgo Tunnel error\nWhat happened?\nYou've "
     "requested a page on a website (api.betterapi.net) that is on the Cloudflare network. The host (api.betterapi.net)"
     " is configured as an Argo Tunnel, and Cloudflare is currently unable to resolve it.", None, R.timeout),
    ("<!DOCTYPE html>\n\n <html class=\"no-js\" lang=\"en-US\">\n<head>\n<title>Argo Tunnel error | "
     "novelty-individuals-treasurer-sociology.trycloudflare.com | Cloudflare</title>", None, R.timeout),
    # https://github.com/danny-avila/LibreChat/issues/6081
    ("error connecting to server, try refreshing the page", None, R.timeout),
    # near misses: a 412 about something other than a pull (a precondition of the request), a feature that needs a
    # newer client (no model named), a tunnel that is fine
    ("412: Precondition Failed: If-Match header does not match", 412, R.format_error),
    ("This feature requires a newer version of the SDK", None, R.unknown),
    ("Tunnel created: https://novelty.trycloudflare.com", None, R.unknown),
])
def test_an_ollama_pull_its_server_is_too_old_for_and_a_cloudflare_tunnel_with_no_origin(
        text: str, status: int | None, expect: FailoverReason) -> None:
    """Ollama's registry refusing a pull its server is too old for is a model this server cannot serve (before: a
    request defect under its 412, or the word model's guess); Cloudflare's Argo Tunnel error page and LibreChat's
    "error connecting to server" are transport faults (before: the word model read a policy block, or unknown)."""
    assert _rules_alone("Error", text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/wangrongding/wechat-bot/issues/292
    ("Error", "Socket 出错: 11200 AppIdNoAuthError", None, R.billing),
    # https://github.com/zhayujie/CowAgent/issues/2357
    ("Error", "[BAIDU] response text={'error_code': 6, 'error_msg': 'No permission to access data'}", None, R.auth),
    # https://github.com/netease-youdao/LobsterAI/issues/1023
    ("Error", "LLM error api_error: Xunfei claude request failed with Sid: cht000b34b3@dx19d3d3dd37db828700 code: "
     "10012, msg: EngineInternalError:error, status code: 400, status: 400 Bad Request, message: input token limit is "
     "97280, timeStamp:13:35:57.732", 400, R.context_overflow),
    # https://github.com/langchain-ai/langchain/issues/10433
    ("Error", "Could not parse tool input: {'name': 'AI_tool', 'arguments': 'What is a pre-trained "
     "chatbot?'} because the arguments is not valid JSON.", None, R.malformed_response),
    # near misses: Spark's 11200 naming a model domain (that model is not granted: read as model support first), an
    # envelope whose code is a string (Huawei's, not Baidu's table), a socket error with no code, an input over a
    # per-minute budget
    ("Exception", "请求错误: 11200, {'header': {'code': 11200, 'message': 'AppIdNoAuthError:(17:17:15.673) "
     "domain.generalv3', 'sid': 'cht000cdfcc@dx18d7db51418b8f3550', 'status': 2}}", None, R.model_not_found),
    ("Error", "response text={'error_code': 'ModelArts.0000', 'error_msg': 'No permission to access data'}", None,
     R.unknown),
    ("Error", "Socket 出错: connection closed", None, R.timeout),
    ("Error", "Rate limit reached: input tokens per minute limit is 30000", 429, R.rate_limit),
])
def test_sparks_spent_grant_baidus_envelope_in_a_text_iflyteks_window_and_an_unparsable_tool_input(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """iFlytek Spark's "AppIdNoAuthError" alone is a spent grant (before: a transport fault by its "socket" word);
    Baidu's ``{error_code, error_msg}`` envelope printed in a client's text is read by Baidu's code table, as under HTTP
    200 (before: unknown); "input token limit is N" is the window (before: a request defect under its 400);
    LangChain's "Could not parse tool input" is an unreadable answer (before: unknown)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/vercel/ai/issues/3391
    ("Base64 decoding failed for gs://xxx.mp3", R.format_error),
    # near misses: a thought signature that fails to decode (its own repair), a decode failure of something else
    ("Unable to submit request because Thought signature is not valid. Base64 decoding failed.", R.thinking_signature),
    ("UTF-8 decoding failed for the uploaded file name", R.unknown),
])
def test_a_file_part_whose_data_is_no_base64_is_a_request_defect(text: str, expect: FailoverReason) -> None:
    """A file part sent as inline data that is not base64 (a gs:// URI) is the request's defect (before: unknown)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/danny-avila/LibreChat/issues/5405 (gpt-4o-audio-preview on a text-only request)
    ("400 This model requires that either input content or output modality contain audio.", R.model_not_found),
    # near miss: a modality the request asked for that the model lacks (the request's own field: a repair)
    ("400: model does not support the requested response modalities: image,text", R.format_error),
])
def test_an_audio_only_model_sent_a_text_only_request_is_model_support(text: str, expect: FailoverReason) -> None:
    """An audio-only model refusing a text-only request is served by another model (before: a request defect under
    its 400)."""
    assert _rules_alone("Error", text, 400) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/Mintplex-Labs/anything-llm/issues/1657
    ("[AgentLLM - llama3:8b-instruct-q8_0] Invalid function tool call: Missing name or arguments in function call..",
     R.malformed_response),
    # https://github.com/huggingface/smolagents/issues/122
    ("Error in generating tool call with model:\nThe JSON blob you used is invalid due to the following error: "
     "Expecting property name enclosed in double quotes: line 1 column 2 (char 1).", R.malformed_response),
    # near misses: a request whose tool definition lacks its name (the request's defect), a model that cannot call
    # tools at all (read by its own words)
    ("Invalid tools[0].function: missing required field 'name'", R.format_error),
    ("registry.ollama.ai/library/gemma:7b does not support tools", R.format_error),
])
def test_an_agent_that_could_not_read_the_models_tool_call_reports_an_unreadable_answer(
        text: str, expect: FailoverReason) -> None:
    """AnythingLLM's "Invalid function tool call: Missing name or arguments" and smolagents' "Error in generating tool
    call with model" name a tool call the model wrote that the agent could not read (before: a request defect by the
    words "invalid" and "missing")."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("text", "status", "expect"), [
    # https://github.com/pollinations/pollinations/issues/3920 (the body, trimmed after the message)
    ('{"error":"Internal Server Error","message":"No active flux servers available","debug":null}', None,
     R.overloaded),
    # https://github.com/lobehub/lobehub/issues/996 (the stack LobeChat printed for its Azure endpoint)
    ('{"error": {"stack": "Error: 530 error code: 1016\\n    at (vc/edge/function:136:4589)", "status": 530}}', 530,
     R.timeout),
    # https://github.com/Wei-Shaw/sub2api/issues/6889
    ("openai.images.account_select_failed method=POST path=/v1/images/generations user=1 key=2 model=gpt-image-2 "
     "error=no available OpenAI accounts supporting model: gpt-image-2 (pool=1, filtered: model_rate_limited=1)", None,
     R.rate_limit),
    # near misses: Cloudflare's own rate limit by its code (https://github.com/langgenius/dify/issues/19355), a
    # relay's group that serves one client only (https://github.com/Wei-Shaw/sub2api/issues/3742)
    ("Call api error: 429 Too many requests. Error code: 1015", 429, R.rate_limit),
    ("No available accounts: this group only allows Claude Code clients", 503, R.provider_policy_blocked),
])
def test_no_free_backend_an_origin_that_does_not_resolve_and_a_relays_throttled_pool(
        text: str, status: int | None, expect: FailoverReason) -> None:
    """Pollinations' "No active flux servers available" is capacity (before: a server error by its "Internal Server
    Error"); Cloudflare's 530 "error code: 1016" is the origin's DNS failing, a transport fault (before: a server
    error by its 5xx); sub2api's pool filtered as ``model_rate_limited`` is a throttle (before: unknown)."""
    assert _rules_alone("Error", text, status) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/microsoft/vscode-copilot-release/issues/11646
    ("A resposta foi filtrada pelo Serviço de IA Responsável. Reformule sua solicitação e tente novamente. Saiba mais.",
     R.content_policy_blocked),
    # https://github.com/lobehub/lobehub/issues/12362
    ('{\n  "body": "",\n  "message": "测试返回为空\u3002请确认 API 代理地址末尾未包含 `/v1`",\n'
     '  "type": "ConnectionCheckFailed"\n}', R.empty_response),
    # https://github.com/lobehub/lobehub/issues/6254
    ('很抱歉\uff0c服务器似乎遇到了一些困难\uff0c暂时无法完成您的请求\uff0c请稍后再试\n{\n  "code": "UNAUTHORIZED",\n'
     '  "name": "TRPCError",\n  "provider": "lobehub"\n}', R.auth),
    # near misses: the same sentence with no code (https://github.com/lobehub/lobehub/issues/4193), Copilot's Spanish
    # failure that names no cause (https://github.com/microsoft/vscode-copilot-release/issues/4549)
    ("请求失败\n很抱歉\uff0c服务器似乎遇到了一些困难\uff0c暂时无法完成您的请求\uff0c请稍后再试", R.server_error),
    ("No se pudo realizar la solicitud. Vuelva a intentarlo. Id. de solicitud: 8c8e0ba3-b408-4288-844e-1521bb0e1659",
     R.unknown),
])
def test_localised_client_notices_a_filtered_answer_an_empty_check_and_an_auth_code_under_a_server_apology(
        text: str, expect: FailoverReason) -> None:
    """Copilot Chat's Portuguese Responsible AI filter is a content block (before: unknown); LobeChat's Chinese
    "测试返回为空" (the check came back empty) is an empty answer (before: unknown); LobeHub's Chinese server
    apology around an ``UNAUTHORIZED`` code is the login refused, as its English form is read (before: a server
    error)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/dw-dengwei/daily-arXiv-ai-enhanced/issues/43 (trimmed after the second field)
    ("Error", "Item at index 16 generated an exception: 5 validation errors for Structure\ntldr\n  Field required "
     "[type=missing, input_value={'properties': {'tldr': '...he proposed approach.'}}, input_type=dict]\n    For "
     "further information visit https://errors.pydantic.dev/2.10/v/missing\nmotivation\n  Field required "
     "[type=missing, input_value={'properties': {'tldr': '...he proposed approach.'}}, input_type=dict]",
     R.malformed_response),
    # https://github.com/langchain-ai/langchain/issues/30158
    ("pydantic_core._pydantic_core.ValidationError", "2 validation errors for SkillAIImpactAnalysis\nrisk_categories\n"
     "  Input should be a valid list [type=list_type, input_value='[\\n  {\\n    \"name\": \"Cri...k_percentage\": "
     "41.67\\n}', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.9/v/list_type\n"
     "summary\n  Field required [type=missing, input_value={'risk_categories': '[\\n ..._percentage\": 41.67\\n}'}, "
     "input_type=dict]", R.malformed_response),
    # near misses: the same words for a request's own object (Dify's node settings, a server's request model:
    # https://github.com/egoist/chatwise-releases/issues/1325, the Mistral SDK's check of the tools it sends:
    # https://github.com/Mirascope/mirascope/issues/961)
    ("pydantic_core._pydantic_core.ValidationError", "2 validation errors for Unmarshaller\nbody.nullable[list[Tool]]"
     ".0.function.parameters\n  Field required [type=missing, input_value={'name': 'available_books...st of available "
     "books.'}, input_type=dict]", R.format_error),
    ("ValidationError", "1 validation error for LLMNodeData model.mode Field required [type=missing, input_value="
     "{'provider': 'stvlynn/lms...': {'temperature': 0.7}}, input_type=dict] For further information visit "
     "https://errors.pydantic.dev/2.9/v/missing", R.format_error),
    ("Error", '{\n"message":"1 validation error for ChatCompletionServerRequest\\nreasoning_effort\\n Input should be '
     "'low', 'medium' or 'high' [type=enum, input_value='none', input_type=str]\\n For further information visit "
     'https://errors.pydantic.dev/2.8/v/enum",\n"type":"invalid_request_error",\n"param":"validation_error",\n'
     '"code":"wrong_api_format",\n"id":""\n}', R.format_error),
])
def test_an_answer_that_fails_the_callers_own_schema_is_unreadable_not_a_request_defect(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Pydantic's "N validation errors for <the caller's schema> ... Field required / Input should be" names the
    model's answer read into a structured-output schema (before: a request defect by the words "field required")."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/lm-sys/FastChat/issues/1527
    ("Error", "NETWORK ERROR DUE TO HIGH TRAFFIC. PLEASE REGENERATE OR REFRESH THIS PAGE.\n\n(error_code: 50003, "
     "HTTPConnectionPool(host='localhost', port=21002): Read timed out.)", None, R.timeout),
    # https://github.com/Aider-AI/aider/issues/2439
    ("litellm.InternalServerError", "VertexAIException InternalServerError - b'{\"type\":\"error\",\"error\":{\"type\":"
     "\"invalid_request_error\",\"message\":\"Unexpected value(s) `pdfs-2024-09-25` for the `anthropic-beta` header. "
     "Please consult our documentation at docs.anthropic.com or try again without the header.\"}}'", None,
     R.format_error),
    # https://github.com/microsoft/semantic-kernel/issues/4384
    ("Error", "Your task failed as a result of our safety system.\nStatus: 400 (Bad Request)\nErrorCode: contentFilter",
     400, R.content_policy_blocked),
    # https://github.com/infiniflow/ragflow/issues/1568
    ("Error", "ERROR: <html> <head><title>405 Not Allowed</title></head> <body> <center><h1>405NotAllowed</h1>"
     "</center> <hr><center>nginx/1.18.0 (Ubuntu)</center> </body> </html>", None, R.format_error),
    # https://github.com/infiniflow/ragflow/issues/634 (the model's spec trimmed)
    ("Error", "Fail to access model(llama-3).**ERROR**: Error code: 500 - {'detail': \"[address=0.0.0.0:34191, "
     "pid=166] Model model_format='ggufv2' model_size_in_billions=8 model_id='QuantFactory/Meta-Llama-3-8B-GGUF' "
     "model_revision=None is not for chat.\"}", 500, R.model_not_found),
    # near misses: the FastChat banner with no cause (https://github.com/eosphoros-ai/DB-GPT/issues/43),
    # Xinference's 500 naming nothing (https://github.com/xorbitsai/inference/issues/3450)
    ("Error", "NETWORK ERROR DUE TO HIGH TRAFFIC. PLEASE REGENERATE OR REFRESH THIS PAGE. (error_code: 4)", None,
     R.server_error),
    ("Error", "Error code: 500 - {'detail': '[address=0.0.0.0:41321, pid=633] '}", 500, R.server_error),
])
def test_a_worker_timeout_under_fastchats_banner_a_refused_beta_under_a_500_and_serving_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """FastChat's banner over "Read timed out" is the timeout (before: a server error by the banner); Anthropic's
    "Unexpected value(s) ... for the `anthropic-beta` header" under LiteLLM's InternalServerError is the request's
    defect (before: a server error by its 5xx); "Your task failed as a result of our safety system" is a content block
    (before: a request defect by its 400); nginx's "405 Not Allowed" page states its status (before: unknown);
    Xinference's "... is not for chat" is model support (before: a server error by its 500)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/warpdotdev/warp/issues/6936 (and holdout488's paste of the same text)
    ("I'm sorry, I couldn't complete that request.\n\nRequest failed with error: QuotaLimit", R.billing),
    # https://github.com/warpdotdev/warp/issues/8076 (the issue's title)
    ("I'm sorry, I couldn't complete that request. The LLM is currently unavailable.", R.overloaded),
    # near miss: a chat app's model that is unavailable, labelled unknown where the corpus holds it
    # (https://github.com/ModelEngine-Group/nexent/issues/3170)
    ("The model is currently unavailable. Please try again.", R.unknown),
])
def test_warps_agent_quota_code_and_its_unavailable_model(text: str, expect: FailoverReason) -> None:
    """Warp's "Request failed with error: QuotaLimit" is its plan's credits spent (before: a server error by the word
    model); "The LLM is currently unavailable" is capacity, as "model ... is temporarily unavailable" is (before: a
    server error by the word model)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/levihsu/OOTDiffusion/issues/205
    ("You have exceeded your GPU quota (46s left vs. 60s requested). Sign-up on Hugging Face to get more quotas or "
     "retry in 0:09:48.", R.rate_limit),
    # https://github.com/huggingface/text-generation-inference/issues/747
    ("A valid user token is required", R.auth),
    # near miss: a quota with no time to wait (OpenAI's insufficient_quota text) stays billing
    ("You exceeded your current quota, please check your plan and billing details.", R.billing),
])
def test_zerogpus_quota_that_resets_in_minutes_and_a_missing_endpoint_token(text: str, expect: FailoverReason) -> None:
    """ZeroGPU's quota that says "retry in 0:09:48" is a throttle clearing within minutes (before: billing, the H:MM:SS
    wait not read); TGI's "A valid user token is required" is auth (before: a request defect by "required")."""
    assert _rules_alone("Error", text) is expect


_INFOMANIAK_MODEL_NOT_IN = (
    '{\n  "result": "error",\n  "error": {\n    "code": "validation_failed",\n    "description": "Validation failed",\n'
    '    "errors": [\n      {\n        "code": "validation_rule_in",\n        "description": "The selected model is '
    'invalid.",\n        "context": {\n          "attribute": "model",\n          "values": [\n            "mixtral",\n'
    '            "llama3",\n            "granite",\n            "mistral24b",\n            "mistral3",\n'
    '            "qwen3",\n            "gemma3n"\n          ]\n        }\n      }\n    ]\n  }\n}')


@pytest.mark.parametrize(("text", "status", "expect"), [
    # https://github.com/Bobsilvio/ha-claude/issues/28 (Italian)
    ("EnhancedProviderManager: exhausted 1 providers: Google: quota esaurita. Controlla il piano e la fatturazione su "
     "ai.google.dev. (HTTP 429)", 429, R.billing),
    # https://github.com/NousResearch/hermes-agent/pull/111236
    ("HTTP 400: Failed to deserialize the JSON body into the target type: data did not match any variant of untagged "
     "enum ChatCompletionRequestToolMessageContent at line 1 column 1974809", 400,
     R.multimodal_tool_content_unsupported),
    # https://github.com/owndev/Open-WebUI-Functions/issues/127
    (_INFOMANIAK_MODEL_NOT_IN, None, R.model_not_found),
    # near misses: the user message's content refused the same way is the request's (DeepSeek without images:
    # https://github.com/browser-use/web-ui/issues/243), and a selected model the balance does not pay for is billing
    # (SiliconFlow's 30011 through one-api: https://github.com/songquanpeng/one-api/issues/2063)
    ("Failed to deserialize the JSON body into the target type: messages[1]: data did not match any variant of "
     "untagged enum ChatCompletionRequestContent at line 1 column 18263", None, R.format_error),
    ("http status code: 403, error message: The selected model requires paid balance. Your paid balance is "
     "insufficient. Please top up and try again.", 403, R.billing),
])
def test_a_localised_billing_headline_a_tool_messages_content_type_and_a_model_outside_the_served_list(
        text: str, status: int | None, expect: FailoverReason) -> None:
    """Google's "check your plan and billing" in Italian is billing (before: a rate limit by its 429); a Rust gateway's
    serde refusal naming the tool message's content type is a tool result it cannot take (before: a request defect);
    Laravel's "The selected model is invalid." is a model the API does not serve (before: a request defect)."""
    assert _rules_alone("Error", text, status) is expect


def test_a_gemini_answer_inside_code_assists_envelope_is_read_as_the_bare_answer() -> None:
    """https://github.com/nearai/ironclaw/pull/5578: Code Assist (gemini-cli's OAuth path) wraps each answer as
    ``{"response": {...}}``; a candidate stopped for SAFETY with no parts is a content block (before: a success, as
    nothing at the top said otherwise). The same envelope around a text answer stays a success."""
    blocked = {"response": {"candidates": [{"finishReason": "SAFETY", "content": {"parts": []}}]}}
    classified = classify_soft_failure(blocked)
    assert classified is not None and classified.reason is R.content_policy_blocked
    answered = {"response": {"candidates": [{"finishReason": "STOP", "content": {"parts": [{"text": "Hi"}]}}]},
                "traceId": "4f2c"}
    assert classify_soft_failure(answered) is None


_AMAZON_Q_MONTHLY = (
    'Amazon Q is having trouble responding right now: \n   0: unhandled error (ThrottlingException)\n   1: service '
    'error\n   2: unhandled error (ThrottlingException)\n   3: Error { code: "ThrottlingException", message: "Maximum '
    'com.amazon.aws.codewhisperer.streaming.GenerateAssistantResponse reached for this month.", aws_request_id: '
    '"07cbc552-87b6-47c6-a224-a0dec8dbb9fb" }')
_ANTHROPIC_CORS_401 = ('{\n  "type": "error",\n  "error": {\n    "type": "authentication_error",\n    "message": "CORS '
                       "requests must set 'anthropic-dangerous-direct-browser-access' header\"\n  }\n}")


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/khoj-ai/khoj/issues/939
    ("I can\u2019t talk further about that because of FINISH_REASON_UNSPECIFIED issue.", R.empty_response),
    # https://github.com/lobehub/lobehub/issues/5354
    ('{\n  "error": {\n    "errorType": "InvalidGithubToken"\n  },\n  "provider": "github"\n}', R.auth),
    # https://github.com/ChatGPTNextWeb/NextChat/issues/5750
    ('{\n  "error": true,\n  "msg": "empty access code"\n}', R.auth),
    # https://github.com/ChatGPTNextWeb/NextChat/issues/5534, and the same words with no status
    # (https://github.com/ChatGPTBox-dev/chatGPTBox/issues/788): one rule reads them under either
    (_ANTHROPIC_CORS_401, R.format_error),
    ("CORS requests must set 'anthropic-dangerous-direct-browser-access' header", R.format_error),
    # https://github.com/plandex-ai/plandex/issues/266
    ("No namePlan function call found in response. The model failed to generate a valid response.",
     R.malformed_response),
    # https://github.com/aws/amazon-q-developer-cli/issues/1736
    (_AMAZON_Q_MONTHLY, R.billing),
    # https://github.com/augmentcode/auggie/issues/90
    ("Disallowed special token found: <|im_end|>", R.format_error),
    # https://github.com/anthropics/claude-code/issues/29269
    ("Image base64 size (5.7MB) exceeds API limit (5MB). Please resize the image before sending.", R.image_too_large),
    # near misses: Anthropic's 401 for the key itself stays auth (https://github.com/abi/screenshot-to-code/issues/466);
    # botocore's ThrottlingException with a throttle's words and no month stays a throttle
    # (https://github.com/hyunhwan-bcm/MARRVEL_MCP/issues/225)
    ("Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key'}}",
     R.auth),
    ("An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too "
     "many tokens, please wait before trying again.", R.rate_limit),
])
def test_chat_front_ends_and_coding_agents_words_for_keys_allowances_and_answers(
        text: str, expect: FailoverReason) -> None:
    """Wave 72's fits: Gemini's FINISH_REASON_UNSPECIFIED is an empty answer (before: a server error by the word model);
    LobeChat's InvalidGithubToken and NextChat's "empty access code" are auth (before: unknown, a request defect);
    Anthropic's 401 for a browser call without its opt-in header is the request's (before: auth by its status); an
    agent's "failed to generate a valid response" is an unreadable answer (before: unknown); Amazon Q's allowance
    "reached for this month" under a ThrottlingException is billing (before: a throttle); tiktoken's "Disallowed
    special token" is a request defect (before: unknown); Claude Code's "Image base64 size ... exceeds API limit" is
    an image too large (before: a context overflow by the word model)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/oobabooga/textgen/issues/2791 (and KoboldAI's, https://github.com/henk717/KoboldAI/issues/463)
    ("RuntimeError", "start (0) + length (2049) exceeds dimension size (2048).", R.context_overflow),
    # https://github.com/Quorinex/Kiro-Go/issues/142 (and a JetBrains client's java.io.IOException of the same text)
    ("Error", "unexpected EOF", R.stream_incomplete),
    ("java.io.IOException", "unexpected EOF", R.stream_incomplete),
    # near misses: the same EOF after a request line is the transport's, after a model runner's words the server's
    ("Error", 'request failed. failed while calling AI provider openai: Post "https://api.openai.com/v1/chat/completions":'
     " unexpected EOF", R.timeout),
    ("Error", "an error was encountered while running the model: unexpected EOF", R.server_error),
])
def test_exllamas_cache_length_and_gos_unexpected_eof_alone(type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 73's fits: ExLlama's "start + length exceeds dimension size" is the model's window (before: unknown); Go's
    "unexpected EOF" as the whole error is a body or stream cut short (before: a transport fault)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "expect"), [
    # https://github.com/langchain-ai/langchain/pull/30707 (groq-python's APIError)
    ("groq.APIError", R.format_error),
    ("Error", R.format_error),
])
def test_groqs_tool_use_failed_words_decide_before_a_generic_api_error_class(
        type_name: str, expect: FailoverReason) -> None:
    """Groq's "Failed to call a function. Please adjust your prompt." is the request's (13 of the corpus's 15 texts of
    it are labelled format_error); under groq.APIError the generic class made it a server error before."""
    text = "Failed to call a function. Please adjust your prompt. See 'failed_generation' for more details."
    assert _rules_alone(type_name, text) is expect


def test_a_generic_api_error_class_with_no_words_read_stays_a_server_error() -> None:
    """Near miss: LiteLLM's APIError whose provider text is empty stays a server error."""
    assert _rules_alone("litellm.APIError", "litellm.APIError: APIError: OpenrouterException -") is R.server_error


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://discuss.ai.google.dev/t/gemini-live-manual-vad-webrtc-1011-keepalive-timeout-after-activityend-is-inference-
    # guaranteed-to-trigger/142838
    ("ConnectionClosedError", "sent 1011 (internal error) keepalive ping timeout; no close frame received", R.timeout),
    # https://github.com/kramcat/CharacterAI/issues/104
    ("Error", "received 1011 (internal error) keepalive ping timeout; then sent 1011 (internal error) keepalive ping "
     "timeout", R.timeout),
    # https://github.com/googleapis/js-genai/issues/1236
    ("Error", "Gemini connection closed (code: 1008, reason: Operation is not implemented, or supported, or enabled.)",
     R.format_error),
    # https://github.com/livekit/agents/issues/4545
    ("Error", "livekit.…ns.google error in receive task: received 1008 (policy violation) Operation is not "
     "implemented, or supported, or enabled.; then sent 1008 (policy violation) Operation is not implemented, or "
     "supported, or enabled.", R.format_error),
    # https://github.com/TomFrankly/pipedream-notion-voice-notes/issues/73
    ("Error", "Recieved invalid JSON from ChatGPT. All JSON repair efforts failed.", R.malformed_response),
    # https://github.com/wAIfu-DEV/w-AI-fu/issues/56
    ("Error", "Received incorrect json from LLM", R.malformed_response),
    # https://github.com/TomFrankly/pipedream-notion-voice-notes/issues/9
    ("Error", "An error occurred while performing a moderation check on the transcript: An error occurred while "
     "performing a moderation check on chunk 5. The content of this chunk is as follows: It's hard to listen when "
     "somebody's that negative. And another form of negativity, complaining. Well, this is the national art of the UK. "
     "It's our national sport. Error message: Detected inappropriate content in the transcript chunk. Summarization on "
     "this file cannot be completed. The content of this chunk is as follows: It's hard to listen when somebody's that "
     "negative. And another form of negativity, complaining. Well, this is the national art of the UK. It's our "
     "national sport.", R.content_policy_blocked),
    # https://novita.ai/docs/api-reference/basic-error-code
    ("ILLEGAL_PROMPT", "Prompt contains inappropriate content", R.content_policy_blocked),
    # near misses: Gemini Live's own 1011 "Internal error occurred." stays the server's
    # (https://github.com/livekit/agents/issues/2274); gRPC's UNIMPLEMENTED with the Live API's words but no 1008 close
    # is labelled model_not_found and left to the word model (https://github.com/google/adk-java/issues/255); LM
    # Studio's "Received request ... with invalid JSON" is the request's
    # (https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1879)
    ("ConnectionClosedError", "received 1011 (internal error) Internal error occurred.; then sent 1011 (internal "
     "error) Internal error occurred.", R.server_error),
    ("UnimplementedException", "io.grpc.StatusRuntimeException: UNIMPLEMENTED: Operation is not implemented, or "
     "supported, or enabled.", R.unknown),
    ("Error", "[LM STUDIO SERVER] Received request for /api/v1/chat with invalid JSON: Expected ',' or ']' after array "
     "element in JSON at position 150 (line 6 column 5)", R.format_error),
])
def test_live_sessions_keepalive_and_close_codes_and_workflow_words_for_answers_and_moderation(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 76's fits: websockets' "keepalive ping timeout" under its 1011 close is the connection's timeout (before: a
    server error by the close code's name, "internal error"); the Gemini Live API's 1008 "Operation is not
    implemented, or supported, or enabled." is a request defect (before: a transport fault, or a missing model by the
    word model); "invalid JSON from" / "incorrect json from" the model is an unreadable answer (before: a request
    defect by its words); "contains" / "detected inappropriate content" is a content filter's block (before: a banned
    account by the word model)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "status", "expect"), [
    # https://github.com/anthropics/claude-code/issues/8620
    ("Claude usage limit reached. Your limit will reset at Oct 7, 1am.", None, R.billing),
    # https://github.com/anthropics/claude-code/issues/45028 (the reporter's paste stops after the first sentence)
    ('PI Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Third-party apps now draw from '
     'your extra usage, not your plan limits.', 400, R.billing),
    # https://github.com/github/copilot-cli/issues/1561
    ("✗ You are not authorized to use this Copilot feature, it requires an enterprise or organization policy to be "
     "enabled", None, R.provider_policy_blocked),
    # near misses: the same limit resetting at an hour of the day is the session window, a throttle
    # (https://github.com/anthropics/claude-code/issues/15064); a model an organisation's policy turned off is the
    # model's (https://github.com/github/copilot-cli/issues/4390)
    ("Claude usage limit reached. Your limit will reset at 9am (America/Chicago).", None, R.rate_limit),
    ("This model is disabled by your organization's policy.\nEnable it in settings or ask your admin: "
     "https://github.com/settings/copilot", None, R.model_not_found),
])
def test_plan_walls_that_reset_on_a_date_extra_usage_for_third_party_apps_and_an_organisations_feature_policy(
        text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 77's fits: a usage limit that resets on a calendar date ("reset at Oct 7, 1am") is billing, days away, not
    the session window's throttle (before: a throttle by its reset words); Anthropic's "Third-party apps now draw from
    your extra usage" is spent extra usage even cut before its settings link (before: a request defect by its 400); a
    Copilot feature that needs an enterprise's or organisation's policy is the provider's refusal of the account
    (before: auth by "not authorized")."""
    assert _rules_alone("Error", text, status) is expect


_PREFLIGHT = (
    'Error: context ~19344 tokens exceeds the model window 18320 (model=main), with 1 compressible range(s) still '
    "visible and preflight compression could not bring it under: no range could be compressed across 1 viable range "
    "(each was below minCompressRange, had an unusable summary, or failed to apply) Last unusable summary: the "
    'upstream returned a non-SSE body with no summary text (first 200 bytes: {"id":"chatcmpl-1789752825981","object":'
    '"chat.completion","created":1789752825,"model":"muse-spark-1.3-contributor","choices":[{"index":0,"message":'
    '{"role":"assistant","content":""},"finish_reason":"s).. The over-window payload was NOT forwarded. Preflight will '
    "not call the upstream again for the next 5m for this identical request. Change the request or wait for the "
    "cooldown before retrying.")


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/ranxianglei/billion-context/issues/969
    ("Error", _PREFLIGHT, None, R.context_overflow),
    # https://github.com/rollbar/rollbar-mcp-server/issues/28
    ("Error", 'Error: MCP tool "get-item-details" response (30608 tokens) exceeds maximum allowed tokens (25000). '
     "Please use pagination, filtering, or limit parameters to reduce the response size.", None, R.context_overflow),
    # https://github.com/artokun/comfyui-mcp/issues/2221
    ("Error", '[ollama-backend] turn failed: https://openrouter.ai/api/v1/chat/completions http 413:\n{"error":'
     '{"message":"Downloaded image content cannot exceed 30MB","code":413,"metadata":{"provider_name":null}}}', 413,
     R.image_too_large),
    # near miss: an output budget over the model's limit stays the request's (https://github.com/vercel/ai/issues/2772)
    ("ValidationException", "The maximum tokens you requested exceeds the model limit of 4096. Try again with a "
     "maximum tokens value that is lower than 4096.", None, R.format_error),
])
def test_a_proxys_preflight_window_an_mcp_results_token_cap_and_a_downloaded_images_size(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 78's fits: a proxy's "context ... tokens exceeds the model window" is the model's window (before: an empty
    answer by the word model); Claude Code's "MCP tool ... response ... exceeds maximum allowed tokens" is a result too
    big for the context (before: a request defect by its words); OpenRouter's 413 "Downloaded image content cannot
    exceed 30MB" is an image too large (before: a payload too large by its status)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1143
    ("Stream stale for 900s - no chunks received. Killing connection.", R.timeout),
    # https://github.com/anthropics/claude-code/issues/30258
    ("⏺ Sorry, the model cannot answer this question.", R.content_policy_blocked),
    # near miss: a stream that ended without any chunk is an empty answer, not a watchdog's timeout
    # (https://www.npmjs.com/package/@langchain/anthropic/v/1.5.11)
    ("No chunks returned from Anthropic API.", R.empty_response),
])
def test_a_stream_watchdogs_no_chunks_and_bedrock_guardrails_default_blocked_message(
        text: str, expect: FailoverReason) -> None:
    """Wave 79's fits: a client's "no chunks received" watchdog is a timeout (before: a cut stream by the word model);
    Bedrock Guardrails' default "Sorry, the model cannot answer this question." is a content filter's block (before: an
    empty answer by the word model)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/anthropics/claude-code/issues/3544
    ("Error", 'API Error (503 {"error":{"message":"{\\"message\\":\\"Model is getting throttled. Try your request '
     'again.\\"}","type":"None","param":"None","code":"503"}}) · Retrying in 1 seconds… (attempt 1/10)', 503,
     R.overloaded),
    # https://github.com/temporalio/sdk-python/issues/1177
    ("litellm.ServiceUnavailableError", 'litellm.ServiceUnavailableError: BedrockException - {"message":"Model is '
     'getting throttled. Try your request again."}', None, R.overloaded),
    # https://github.com/Wei-Shaw/sub2api/issues/5489
    ("Error", 'Recovered upstream error: Post "https://chatgpt.com/backend-api/codex/responses": http2: client '
     "connection lost", None, R.timeout),
    # near misses: botocore's ThrottlingException for the key's own tokens stays a throttle
    # (https://github.com/hyunhwan-bcm/MARRVEL_MCP/issues/225); the same lost connection while a stream is read is a cut
    # stream (https://github.com/Wei-Shaw/sub2api/issues/4698)
    ("Error", "An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: "
     "4): Too many tokens, please wait before trying again.", None, R.rate_limit),
    ("Error", "stream read error: http2: client connection lost", None, R.stream_incomplete),
])
def test_bedrocks_model_throttled_capacity_and_gos_lost_http2_connection_on_a_post(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 80's fits: Bedrock's 503 "Model is getting throttled. Try your request again." is the model's shared
    capacity (before: the key's throttle by the word "throttled"); a relay's 'Post "...": http2: client connection
    lost' is the connection's fault (before: a server error by "upstream error")."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("text", "status", "expect"), [
    # https://github.com/tarigelamin1997/jobfetcher/pull/42
    ("Your current concurrency is 40, which exceeds your concurrency limit of 39 based on your remaining balance. "
     "Please top up your balance to restore your concurrency.", None, R.rate_limit),
    # near miss: credits spent, with the same top-up words, stay billing (https://github.com/Gitlawb/openclaude/issues/
    # 1528)
    ('API Error: 402 {"error":{"message":"Insufficient credits — top up your balance at https://gitlawb.com/opengateway/'
     'credits","type":"insufficient_quota","code":"insufficient_credits"}}', 402, R.billing),
])
def test_a_concurrency_cap_set_by_the_balance_is_a_throttle(
        text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 81's fit: DeepSeek's "exceeds your concurrency limit of N based on your remaining balance" is a cap on
    requests in flight, a throttle (before: billing by its top-up advice); spent credits stay billing."""
    assert _rules_alone("Error", text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/strands-agents/sdk-python/issues/1698
    ("ValidationException", "botocore.errorfactory.ValidationException: An error occurred (ValidationException) when "
     "calling the ConverseStream operation: If an assistant message contains any thinking blocks, the first block must "
     "be thinking. Found text", None, R.thinking_signature),
    # https://github.com/SeemSeam/claude_codex_bridge/issues/84
    ("Error", 'API Error: 400 {"type":"error","error":{"type":"thinking_error","message":"thinking 块格式无效\uff0c'
     '请检查配置或请求参数 (cch_session_id: a2ffea78-355b-43ea-b1e3-3b8756baf511)"}}', 400, R.thinking_signature),
    # https://github.com/aws/amazon-q-developer-cli/issues/1311
    ("Error", "Amazon Q is having trouble responding right now:\n   0: unhandled error (ValidationException)\n   1: "
     "service error\n   2: unhandled error (ValidationException)\n   3: Error { code: \"ValidationException\", "
     "message: \"Improperly formed request.\", aws_request_id: \"bba59b88-8c12-4688-a738-7c20682d5335\" }", None,
     R.format_error),
    # https://github.com/valentinfrlch/ha-llmvision/issues/691
    ("Error", 'HTTP 500\n"error": "Failed to create new sequence: failed to process inputs: this model is missing data '
     'required for image input"', 500, R.format_error),
    # https://github.com/trycua/cua/issues/288
    ("Error", "Error in API call: Response is not JSON format", None, R.malformed_response),
    # https://github.com/BerriAI/litellm/issues/14747
    ("litellm.exceptions.APIConnectionError", "litellm.exceptions.APIConnectionError: litellm.APIConnectionError: "
     "Error parsing chunk: Expecting property name enclosed in double quotes", None, R.malformed_response),
    # https://github.com/Trae-AI/TRAE/issues/2507
    ("Error", "Model Request failed. Please try again later. (4054)", None, R.server_error),
    # https://github.com/theopenco/llmgateway/pull/2980
    ("TypeError", "terminated: other side closed", None, R.stream_incomplete),
    # https://github.com/esengine/DeepSeek-Reasonix/issues/7859
    ("Error", "请求格式错误 (HTTP 400)\uff1a请求体被拒绝\uff0c通常是程序缺陷。若持续出现请反馈。 "
     "Failed to deserialize the JSON body into the target type: messages[466]: unknown variant `image_url`, expected "
     "`text` at line 1 column 690848", 400, R.format_error),
    # near misses: undici's close before any answer is the connection's fault
    # (https://github.com/stackblitz/bolt.new/issues/9596); Python's JSON error on an error event LiteLLM read as a
    # chunk (https://github.com/BerriAI/litellm/issues/9296) is still read by its own chunk phrase; an image in a tool
    # result refused in OpenAI's words stays the tool-content repair (https://github.com/OpenHands/OpenHands/issues/7700)
    ("RetryError", "Failed after 3 attempts. Last error: Cannot connect to API: other side closed", None, R.timeout),
    ("Error", "Error parsing chunk: Expecting value: line 1 column 1 (char 0),\nReceived chunk: event: error. "
     "Defaulting to empty chunk here.", None, R.malformed_response),
    ("litellm.BadRequestError", "litellm.BadRequestError: OpenAIException - Invalid 'messages[234]'. Image URLs are "
     "only allowed for messages with role 'user', but this message with role 'tool' contains an image URL.", None,
     R.multimodal_tool_content_unsupported),
])
def test_wave_82_thinking_blocks_request_defects_unreadable_answers_and_cut_streams(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 82's fits: Bedrock's "the first block must be thinking" and a relay's thinking_error type are the thinking
    repair (before: format_error); Kiro's "Improperly formed request." (before: unknown) and Ollama's "missing data
    required for image input" under a 500 (before: server_error) are request defects; "Response is not JSON format"
    and LiteLLM's "Error parsing chunk: Expecting property name" under its APIConnectionError are unreadable answers
    (before: unknown, timeout); TRAE's "Model Request failed. Please try again later." is a server error (before:
    overloaded by the word model); undici's "terminated: other side closed" is a cut stream (before: timeout);
    DeepSeek's "unknown variant `image_url`" for any image part is a request defect, not the tool-content repair."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_82_minimax_token_plan_without_the_model_is_model_support() -> None:
    """MiniMax's 2061 under a 500 (https://github.com/liliMozi/openhanako/issues/452): the key's plan lacks the model,
    fall back (before: server_error by the 500's api_error type)."""
    body = {"type": "error", "error": {"type": "api_error", "message": "your current token plan not support model, "
                                                                       "MiniMax-M2.7-highspeed (2061)"},
            "request_id": "063806b8fedb37fa8a4c1c12e93c6463"}
    error = exception_from_http("anthropic", 500, body)
    assert classify_api_error(error, word_model=NO_MODEL).reason is R.model_not_found


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/docling-project/docling/issues/2080
    ("ValueError", "Model mistralai/Mixtral-8x7B-Instruct-v0.1 is not supported for task text-generation and provider "
     "together. Supported task: conversational.", None, R.format_error),
    # https://github.com/huggingface/hub-docs/issues/1766
    ("Error", "Task 'text-generation' not supported for provider. Available tasks: ['conversational']", None,
     R.format_error),
    # https://github.com/vu5eruz/GeminiForJanitors/issues/35
    ("Error", "Error 400: Please ensure that single turn requests end with a user role or the role field is empty.",
     400, R.prefill_unsupported),
    # https://github.com/anomalyco/opencode/issues/28911
    ("Error", "Maximum tools limit reached. 219 tools have been provided but the maximum is 200.", None,
     R.format_error),
    # https://github.com/Realiserad/fish-ai/issues/28
    ("Error", "max_tokens is too large: 8192. This model supports at most 4096 completion tokens, whereas you provided "
     "8192.", None, R.format_error),
    # https://github.com/CherryHQ/cherry-studio/issues/12397
    ("Error", "Expected 'function.name' to be a string.", None, R.malformed_response),
    # https://github.com/Kilo-Org/kilocode/issues/9639
    ("Error", "Expected 'id' to be a string.", None, R.malformed_response),
    # https://github.com/anthropics/anthropic-sdk-python/issues/1477 (the event frame's 400 is the stream's convention)
    ("Error", "{'status_code': 400, 'headers': {':exception-type': 'internalServerException', ':content-type': "
     "'application/json', ':message-type': 'exception'}, 'body': b'{\"message\":\"The system encountered an unexpected "
     "error during processing. Try your request again.\"}", None, R.server_error),
    # near miss: a model Hugging Face's router does not serve at all stays model support, under its 400 too
    # (https://huggingface.co/spaces/huggingface/InferenceSupport/discussions/12471)
    ("Error", '{"error": "Model not supported by provider novita"}', 400, R.model_not_found),
])
def test_wave_83_task_routes_single_turn_prefill_tool_caps_stream_fields_and_event_frames(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 83's fits: Hugging Face's "not supported for task text-generation ... Supported task: conversational" is the
    request's route (before: model_not_found); Gemini's "single turn requests end with a user role" a prefill (before:
    format_error); xAI's "Maximum tools limit reached" and OpenAI's "max_tokens is too large" without a status request
    defects (before: unknown, context_overflow); the Vercel AI SDK's "Expected 'id' to be a string." an unreadable
    answer (before: format_error); an AWS event frame's 'status_code': 400 is no HTTP status, its
    internalServerException a server error (before: format_error)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # https://github.com/epam/ai-dial-adapter-vertexai/issues/490
    (500, {"error": {"message": "The function call generated by the model is invalid", "type": "internal_server_error",
                     "code": "500"}}, R.malformed_response),
    # near miss: llama.cpp's request check in the same "Expected ... to be a string" words stays a request defect
    # (https://github.com/ggml-org/llama.cpp/blob/master/tools/server/server-common.cpp)
    (400, {"error": {"code": 400, "message": "Expected 'content' to be a string or an array",
                     "type": "invalid_request_error"}}, R.format_error),
])
def test_wave_83_an_invalid_function_call_under_a_gateways_500_is_an_unreadable_answer(
        status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """The DIAL adapter's 500 for Gemini's MALFORMED_FUNCTION_CALL is the answer's defect (before: server_error)."""
    assert classify_api_error(exception_from_http("openai", status, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/anomalyco/models.dev/pull/4422
    ("Error", "max_completion_tokens is too large: 262144. This model supports at most 256000 completion tokens.", None,
     R.format_error),
    # https://cdot65.github.io/daystrom/providers/troubleshooting
    ("Error", "Could not load the default credentials", None, R.auth),
    # https://kerlig.com/help/open-router/troubleshooting
    ("Error", "API key disabled", None, R.auth_permanent),
    # https://github.com/aws-samples/aws-genai-llm-chatbot/issues/118 (Firefox's console line: the status after HTTP/3)
    ("Error", "XHRGET\nhttps://d27wci13phvwty.cloudfront.net/api/v1/llms\n[HTTP/3 504  29374ms]", 504, R.timeout),
    # https://github.com/maximhq/bifrost/issues/4540
    ("Error", "Your gateway couldn't serve anthropic/claude-3-haiku. This model may not be configured on your gateway, "
     "or access may be restricted.", None, R.model_not_found),
    # https://github.com/anomalyco/opencode/pull/7984
    ("Error", "Error: Bad Request: Model databricks-gpt-5-1-codex-max only supports the Responses API. Please use "
     "/serving-endpoints/responses instead.", None, R.model_not_found),
])
def test_wave_84_output_caps_default_credentials_disabled_keys_http3_statuses_and_gateway_routes(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 84's fits: "max_completion_tokens is too large ... supports at most" is a request defect (before:
    context_overflow by the word model); google-auth's "Could not load the default credentials" is auth; "API key
    disabled" is a key switched off (auth_permanent); Firefox's "[HTTP/3 504 ...]" states its status; a gateway that
    "couldn't serve" a model not configured on it, and a model that "only supports the Responses API", are model
    support (before: provider policy and format_error)."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_84_vllms_own_too_large_is_left_to_the_window_reading() -> None:
    """Near miss: vLLM's "'max_tokens' or 'max_completion_tokens' is too large: 32000" counts the prompt in (its full
    text names the context window; labelled context_overflow, https://github.com/stepfun-ai/Step-Audio-R1/issues/3):
    the output-cap phrase, which needs OpenAI's "supports at most", leaves it alone."""
    reason = _rules_alone("ValueError", "'max_tokens' or 'max_completion_tokens' is too large: 32000")
    assert reason is not R.format_error


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/aaif-goose/goose/issues/8641
    ("Error", 'Ran into this error: Request failed: Failed to parse streaming chunk: missing field delta: "{"choices":'
     '[{"content_filter_offsets":{"check_offset":54781,"start_offset":54781,"end_offset":55778},'
     '"content_filter_results":{"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,'
     '"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,'
     '"severity":"safe"}},"finish_reason":null,"index":0}],"created":0,"id":"","model":"","object":""}".', None,
     R.malformed_response),
    # https://github.com/aaif-goose/goose/issues/6796
    ("Error", 'Ran into this error: Request failed: Stream decode error: Failed to parse streaming chunk: invalid '
     'type: null, expected a string at line 1 column 263: "{"id":"gen-1769651335-VwOF0cWjCzEzs1z6BkZF","provider":'
     '"AtlasCloud","model":"deepseek/deepseek-v3.2","object":"chat.completion.chunk","created":1769651335,"choices":'
     '[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"function":{"arguments":null},"index":0,'
     '"id":"","type":"function"}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}],'
     '"system_fingerprint":null}".\n\nPlease retry if you think this is a transient or recoverable error.', None,
     R.malformed_response),
    # https://github.com/enricoros/big-AGI/issues/917
    ("Error", '**[Service Parsing Issue] Anthropic**: Unexpected content block start location (2).\n\nInput data: '
     '{"type":"content_block_start","index":2,"content_block":{"type":"text","text":""}      }.\n\nPlease open a '
     'support ticket on GitHub.', None, R.malformed_response),
    # https://github.com/xorbitsai/inference/issues/1896, /2894
    ("xoscar.errors.ServerClosed", "Remote server 0.0.0.0:44339 closed", None, R.server_error),
    ("Error", "Chat completion stream got an error: Remote server 0.0.0.0:44165 closed: 0 bytes read on a total of 11 "
     "expected bytes", None, R.server_error),
    # https://github.com/anomalyco/opencode/issues/22811
    ("Error", "Error from provider (MiniMax): The Token Plan is designed for individual, interactive developer "
     "workflows. Traffic is currently high-please retry shortly. For higher concurrency or automated workloads, "
     "consider upgrading to a higher-tier plan or using the pay-as-you-go API. (2062)", None, R.overloaded),
    # https://github.com/google-gemini/gemini-cli/issues/19843
    ("Error", "It seems like you don't have access to gemini-3.1-pro-preview.\nYour admin might have disabled the "
     "access. Contact them to enable the Preview Release Channel.", None, R.model_not_found),
    # https://github.com/aaif-goose/goose/issues/6089
    ("Error", "Ran into this error: Request failed: Resource not found (404): tools is not supported in this model. "
     "For a list of supported models, refer to https://platform.openai.com/docs/guides/function-calling"
     "#models-supporting-function-calling..", 404, R.format_error),
    # https://github.com/janhq/jan/issues/6824
    ("Error", "failed with status 403 Forbidden: Invalid host header", 403, R.format_error),
    # near misses: goose's stream cut without a chunk it refused stays a cut stream
    # (https://github.com/aaif-goose/goose/issues/8021); OpenAI's own "... is not supported in this model. Use
    # 'max_completion_tokens' instead." stays the max_tokens repair; .NET's "The remote server returned an error" is
    # no crashed Xinference actor
    ("Error", "Stream decode error: error decoding response body", None, R.stream_incomplete),
    ("Error", "Unsupported parameter 'max_tokens' is not supported in this model. Use 'max_completion_tokens' "
     "instead.", None, R.max_tokens_unsupported),
    ("System.Net.WebException", "The remote server returned an error: (429) Too Many Requests.", 429, R.rate_limit),
])
def test_wave_85_refused_chunks_crashed_actors_plan_traffic_tier_models_tools_and_host_headers(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 85's fits: a streamed chunk the client "Failed to parse" is an unreadable answer, before the stream words
    around it (before: format_error by "missing field", stream_incomplete by "Stream decode error"), as is big-AGI's
    "[Service Parsing Issue]" (before: unknown); Xinference's "Remote server ... closed" is its crashed model actor
    (before: unknown); MiniMax's "Traffic is currently high" is load (before: unknown); Gemini CLI's "It seems like you
    don't have access to <model>" is model support (before: unknown); "tools is not supported in this model" under a
    404 is the request's tools (before: model_not_found); a 403 "Invalid host header" is the request's Host (before:
    auth)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/agent0ai/agent-zero/issues/819, https://github.com/darrenburns/elia/issues/100 (LiteLLM's
    # connection class around the server's own 405: the text states the status)
    ("litellm.APIConnectionError", "litellm.APIConnectionError: OllamaException - 405 method not allowed", 405,
     R.format_error),
    ("litellm.APIConnectionError", "litellm.APIConnectionError: OllamaException - 405 Method Not Allowed", 405,
     R.format_error),
    # https://forum.moonshot.ai/t/429-error-were-receiving-too-many-requests-at-the-moment-please-wait-a-moment-and-try-
    # again/242
    ("Error", "We're receiving too many requests at the moment. Please wait a moment and try again.", 429,
     R.rate_limit),
    # https://github.com/kingparks/cursor-vip/issues/280
    ("Error", "We have detected that you are using the slow pool excessively. Please reach out to hi@cursor.com for "
     "assistance", None, R.rate_limit),
    # https://github.com/kirodotdev/Kiro/issues/8128
    ("Error", "You've reached your overage limit.", None, R.billing),
    # https://github.com/openstory-so/openstory/issues/1302
    ("Error", "LLM stream error [model=anthropic/claude-opus-5]: No endpoints found that can handle the requested "
     "parameters.\nTo learn more about provider routing, visit: https://openrouter.ai/docs/guides/routing/"
     "provider-selection", None, R.model_not_found),
    # https://github.com/openai/openai-agents-python/issues/132
    ("Error", "Hosted tool 'computer_use_preview' is not supported.", None, R.model_not_found),
    # https://github.com/Lambdua/openai4j/issues/90
    ("java.lang.RuntimeException", "com.theokanning.openai.service.SSEFormatException: Invalid sse format! : "
     "OPENROUTER PROCESSING", None, R.malformed_response),
    # https://github.com/cursor/cursor/issues/3217 (Connect-RPC's error class: no socket failed)
    ("ConnectError", "Request ID: 062c182d-d2ee-490c-a1d8-505ce98bb813\nConnectError: [unknown] No response from model"
     "\n    at Lle.submitChatMaybeAbortCurrent (vscode-file://vscode-app/Applications/Cursor.app/Contents/Resources/app/"
     "out/vs/workbench/workbench.desktop.main.js:2068:22289)", None, R.empty_response),
    # https://github.com/Trae-AI/TRAE/issues/2239
    ("Error", "Too many requests right now. You\u2019re in the queue at position 10. Thanks for your patience \u2014 "
     "we\u2019ll start your task soon.", None, R.overloaded),
    # near misses: ChatGPT's capacity notice stays load (https://github.com/PawanOsman/ChatGPT.Net/issues/10); another
    # hosted tool a named model does not take stays the request's (https://github.com/QuantumNous/new-api/issues/1586)
    ("Error", "We're currently processing too many requests. Please try again later.", None, R.overloaded),
    ("Error", "{\"error\":{\"message\":\"Hosted tool 'web_search_preview' is not supported with gpt-4.1-2025-04-14. "
     "(request id: 20250814133759257390492u6Y7FkQp)\",\"type\":\"invalid_request_error\",\"param\":\"tools\","
     "\"code\":null}}", None, R.format_error),
])
def test_wave_86_stated_405s_moonshot_throttles_plan_walls_routing_computer_use_and_empty_answers(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 86's fits: "405 Method Not Allowed" after a wrapper's words states its status, so LiteLLM's connection class
    around it is no transport fault (before: timeout); Moonshot's "We're receiving too many requests at the moment" is
    the account's throttle (before: overloaded); Cursor's slow-pool throttle is a rate limit and Kiro's "overage
    limit" a spend cap (before: unknown); OpenRouter's "No endpoints found that can handle the requested parameters"
    and "Hosted tool 'computer_use_preview' is not supported." are model support (before: format_error); openai4j's
    "Invalid sse format!" is an unreadable answer (before: format_error); Cursor's "No response from model" is an empty
    answer (before: timeout by its class); TRAE's queue position is load (before: rate_limit)."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_86_moonshots_429_body_is_the_accounts_throttle() -> None:
    """The same Moonshot wording as an HTTP 429 body (type rate_limit_reached_error), as the real openai client raises
    it: a throttle on this key, not the service's load (https://github.com/MoonshotAI/kimi-cli/issues/901 is labelled
    overloaded and left in known_misses.txt: four corpus texts of the wording to one say rate_limit)."""
    body = {"error": {"message": "We're receiving too many requests at the moment. Please wait a moment and try again.",
                      "type": "rate_limit_reached_error"}}
    verdict = classify_api_error(exception_from_http("openai", 429, body), word_model=NO_MODEL)
    assert verdict.reason is R.rate_limit
    assert verdict.scope is Scope.credential


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/pajeronda/xai_conversation/issues/9 (xai-sdk's gRPC error: NOT_FOUND for the chained response)
    ("AioRpcError", 'An error occurred during streaming: <AioRpcError of RPC that terminated with:\nstatus = '
     'StatusCode.NOT_FOUND\ndetails = "Response with id=1f55e9ae-f6ba-0b5f-860a-214a37c5bcba not found"\n'
     'debug_error_string = "UNKNOWN:Error received from peer {grpc_message:"Response with '
     'id=1f55e9ae-f6ba-0b5f-860a-214a37c5bcba not found", grpc_status:5}"', None, R.format_error),
    # https://github.com/opensearch-project/ml-commons/pull/4174
    ("Error", "Generate API was removed on September 15 2025. Please migrate to Chat API. See "
     "https://docs.cohere.com/docs/migrating-from-cogenerate-to-cochat for details.", None, R.format_error),
    # https://github.com/Alishahryar1/free-claude-code/issues/955 (a relay's "Upstream provider ... returned HTTP 400"
    # around Groq's own cap: the concrete defect, not an upstream hiccup)
    ("Error", '\u25cf Upstream provider GROQ returned HTTP 400.\n  Category: invalid_request_error\n  Mapped message: '
     'Invalid request sent to provider.\n\n  Upstream error:\n  {"message":"max_completion_tokens must be less than or '
     'equal to 40960, the maximum value for max_completion_tokens is less than the context_window for this model",'
     '"type":"invalid_request_error","param":"max_completion_tokens"}\n\n  Request ID: req_15c1bbe4d138', 400,
     R.format_error),
    # https://github.com/danny-avila/LibreChat/issues/5176
    ("Error", "2025-01-03 07:53:18 error: [handleAbortError] AI response error; aborting request: 400 Frequency "
     "penalty must satisfy p > 0.", 400, R.format_error),
    # https://github.com/BerriAI/litellm/issues/13618
    ("Error", '{\n  "Output": {\n    "__type": "com.amazon.coral.service#UnknownOperationException"\n  },\n  '
     '"Version": "1.0"\n}', None, R.format_error),
    # https://github.com/anomalyco/opencode/issues/17336
    ("Error", "Error: SSE read timed out", None, R.stream_incomplete),
    # https://github.com/mastra-ai/mastra/issues/8740
    ("Error", "Error creating stream Client connection prematurely closed.", None, R.timeout),
    # near misses: SiliconFlow's "max_total_tokens ... must be less than or equal to max_seq_len" is the window's
    # (https://github.com/bytedance/deer-flow/issues/376), Reactor Netty's close DURING a response a cut stream
    # (https://github.com/spring-projects/spring-ai/issues/3964)
    ("openai.BadRequestError", "Error code: 400 - {'code': 20015, 'message': 'max_total_tokens (172191) must be less "
     "than or equal to max_seq_len (131072)', 'data': None}", 400, R.context_overflow),
    ("org.springframework.web.reactive.function.client.WebClientResponseException", "200 OK from POST "
     "https://api.deepseek.com/chat/completions, but response failed with cause: "
     "reactor.netty.http.client.PrematureCloseException: Connection prematurely closed DURING response", None,
     R.stream_incomplete),
])
def test_wave_87_missing_responses_retired_apis_output_caps_penalties_sse_timeouts_and_premature_closes(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 87's fits: a chained "Response with id=... not found" is the request's (before: model_not_found by the
    404); Cohere's "Generate API was removed" a request defect (before: unknown); Groq's "max_completion_tokens must
    be less than or equal to" a request defect before a relay's "Upstream provider ... returned HTTP 400" (before:
    transient); Perplexity's "penalty must satisfy" and AWS's UnknownOperationException request defects (before:
    unknown); OpenCode's "SSE read timed out" a cut stream (before: timeout); a bare "connection prematurely closed" a
    transport fault (before: the word model's stream_incomplete)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/anthropics/claude-code/issues/79576
    ("Error", "Switched to Sonnet 5 for this session \u00b7 Fable 5 requires usage credits \u00b7 /model to change",
     R.model_not_found),
    # https://github.com/anthropics/claude-code/issues/81307
    ("Error", "API Error: Fable 5 requires usage credits. Update Claude Code to the latest version to learn more",
     R.model_not_found),
    # near miss: the bare sentence names no model the login can do without (billing in both corpus texts)
    ("Error", "Usage credits are required for this model", R.billing),
])
def test_wave_88_a_model_that_requires_usage_credits_is_model_support(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 88's fit: Claude Code's "<model> requires usage credits" gates one model of a plan's login, which other
    models serve (before: billing); "Usage credits are required for this model" stays billing."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/dzhng/deep-research/issues/76, https://github.com/L-Qun/awesome-mcp-chat/issues/1
    ("NoObjectGeneratedError", "No object generated: the tool was not called.", R.malformed_response),
    ("AI_NoObjectGeneratedError", "No object generated: the tool was not called.", R.malformed_response),
    # near miss: the model returned nothing at all is an empty answer (sweep_sdks, the AI SDK's own message)
    ("AI_NoObjectGeneratedError", "No object generated: the model did not return a response.", R.empty_response),
])
def test_an_object_whose_tool_was_not_called_is_an_unreadable_answer(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """The Vercel AI SDK's "No object generated: the tool was not called." (the model answered without the tool call
    that carries the object) is the answer's defect, as every corpus text of it is labelled (before: the word model's
    empty_response); "... the model did not return a response." stays an empty answer."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/yeongpin/cursor-free-vip/issues/959
    ("Error", "Your request has been blocked as our system has detected suspicious activity from your account.\nIf you "
     "believe this is a mistake, please contact us at hi@cursor.com.\n(Request ID: "
     "e9cf22d2-2606-4769-abc4-d35a0860760b)", R.auth_permanent),
    # https://github.com/marketing-factory/ai-filemetadata/issues/18
    ("OpenAI\\Exceptions\\ErrorException", "You uploaded an unsupported image. Please make sure your image has of one "
     "the following formats: ['png', 'jpeg', 'gif', 'webp'].", R.format_error),
    # https://github.com/jam3scampbell/ProctorAI/issues/7
    ("Error", "You uploaded an unsupported image. Please make sure your image is below 20 MB in size and is of one the "
     "following formats: ['png', 'jpeg', 'gif', 'webp'].\", 'type': 'invalid_request_error'", R.format_error),
    # near miss: the sentence that names no account stays the provider's policy
    # (https://github.com/yuaotian/go-cursor-help/issues/441)
    ("Error", "Your request has been blocked as our system has detected suspicious activity",
     R.provider_policy_blocked),
])
def test_an_account_flagged_for_abuse_and_an_unreadable_image_upload(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Cursor's block "detected suspicious activity from your account" retires the login (all three corpus texts
    auth_permanent; before: provider_policy_blocked); OpenAI's "You uploaded an unsupported image" without its 400 is a
    request defect (five of six corpus texts; before: the word model's tool-content repair)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("status", "body", "expect"), [
    # https://github.com/ItzCrazyKns/Vane/issues/1066 (gpt-oss on llama-server: its harmony output unparsed)
    (500, {"error": {"code": 500, "message": "Failed to parse input at pos 1246: <|start|>assistant<|channel|>final "
                     "<|constrain|>json<|message|>{\"classification\":{\"skipSearch\":false}}",
                     "type": "server_error"}}, R.malformed_response),
    # https://github.com/ggml-org/llama.cpp/issues/20761
    (500, {"error": {"code": 500, "message": "Failed to parse input at pos 12: </tool_call>", "type": "server_error"}},
     R.malformed_response),
    # near miss: the tool call's arguments in the history the caller sent are the request's defect
    # (https://github.com/am17an/llama.cpp/issues/43)
    (500, {"error": {"code": 500, "message": "Failed to parse tool call arguments as JSON", "type": "server_error"}},
     R.format_error),
])
def test_wave_89_llama_servers_unparsed_model_output_is_a_malformed_answer(
        status: int, body: dict[str, Any], expect: FailoverReason) -> None:
    """llama-server's "Failed to parse input at pos N: <the model's output>" under its 500 server_error: its parser
    could not split what the model wrote (four of six corpus texts malformed_response; before: server_error or a request
    defect); a resend draws another output. Arguments it could not parse in the caller's history stay a defect."""
    error = exception_from_http("openai", status, body, {})
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/googleapis/python-genai/issues/1190 (a batch's own parameter class)
    ("ValidationError", "3 validation errors for _CreateBatchJobParameters\nsrc.BatchJobSource\n  Input should be a "
     "valid dictionary or object to extract fields from [type=model_attributes_type, input_value=[{'contents': "
     "[{'parts': ...Your name is Neko.'}]}}], input_type=list]\n    For further information visit "
     "https://errors.pydantic.dev/2.10/v/model_attributes_type\nsrc.list[InlinedRequest].1.system_instructions\n  "
     "Extra inputs are not permitted", R.format_error),
    # near miss: the class the answer is read into (https://github.com/pydantic/pydantic-ai/issues/822)
    ("ValidationError", "3 validation errors for ChatCompletion\nchoices.0.message.tool_calls.0."
     "ChatCompletionMessageFunctionToolCall.function.arguments\n  Input should be a valid string [type=string_type, "
     "input_value=None, input_type=NoneType]", R.malformed_response),
    # https://github.com/icereed/paperless-gpt/issues/313 (Azure AI Document Intelligence's inner code)
    ("Error", "Error in processAutoTagDocuments: error in processAutoOcrTagDocuments: error processing OCR for "
     "document 3596: error performing OCR for document 3596, page 1: error submitting document: unexpected status code "
     "400: {\\\"error\\\":{\\\"code\\\":\\\"InvalidRequest\\\",\\\"message\\\":\\\"Invalid request.\\\",\\\"innererror"
     "\\\":{\\\"code\\\":\\\"InvalidContentDimensions\\\",\\\"message\\\":\\\"The input image dimensions are out of "
     "range. Refer to documentation for supported image dimensions.\\\"}}}", R.image_too_large),
    # https://github.com/sgl-project/sglang-jax/pull/1178 (a CI action given neither secret)
    ("Error", "Either ANTHROPIC_API_KEY or CLAUDE_CODE_OAUTH_TOKEN is required when using direct Anthropic API.",
     R.auth),
    # https://github.com/ItzCrazyKns/Vane/issues/224 (the model words name what was being loaded)
    ("Error", "Error loading Groq models: Error: OpenAI or Azure OpenAI API key not found", R.auth),
    # near miss: a model said not found stays the model's (https://github.com/coaidev/coai/issues/169)
    ("Error", "gemini error: models/gemini-1.5-pro is not found for API version v1beta, or is not supported for "
     "GenerateContent. Call ListModels to see the list of available models and their supported methods. (code: 404, "
     "status: NOT_FOUND)", R.model_not_found),
])
def test_wave_89_batch_parameters_image_dimensions_and_missing_keys(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Wave 89's fits: pydantic's errors for a class named for parameters are the request's (before: the answer
    model's malformed_response); Azure's "image dimensions are out of range" is an image to shrink (before:
    format_error); "X_API_KEY or Y_TOKEN is required" and "API key not found" beside model words are a missing key
    (before: format_error, model_not_found)."""
    assert _rules_alone(type_name, text) is expect


_WAITING_ROOM: Final = (  # https://github.com/realcoloride/node_characterai/issues/56 (a client's SyntaxError, printed)
    "{\n  name: 'SyntaxError',\n  message: \"Unexpected '<'\",\n  at: 1,\n  text: '<!DOCTYPE html>\\n' +\n    "
    "'<html>\\n' +\n    '  <head>\\n' +\n    '    <title>Waiting Room powered by Cloudflare</title>\\n' +")


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    ("SyntaxError", _WAITING_ROOM, None, R.overloaded),
    # https://github.com/realcoloride/node_characterai/issues/94 (Cloudflare's rate-limit code, no status shown)
    ("Error", "error code: 1015 (cloudflare)", None, R.rate_limit),
    # near miss: Cloudflare's firewall code stays a policy block (https://github.com/acheong08/ChatGPT/issues/1331)
    ("revChatGPT.typings.Error", "OpenAI: error code: 1020 (code: 403)", 403, R.provider_policy_blocked),
    # https://github.com/lightning-joyce/chromeai/issues/9 (Chrome's built-in Prompt API)
    ("NotSupportedError", "The model attempted to output text in an untested language, and was prevented from doing "
     "so.", None, R.format_error),
    # https://github.com/brave/brave-browser/issues/51761 (LM Studio's log line for a path it does not serve)
    ("Error", "Unexpected endpoint or method. (POST /). Returning 200 anyway", None, R.format_error),
    # near miss: a server's bare 404 page for the route stays the endpoint's missing model or route
    # (https://github.com/xinnan-tech/xiaozhi-esp32-server/issues/1422)
    ("Error", "【OpenAI服务响应异常: 404 page not found】", None, R.model_not_found),
    # https://github.com/pepperoni21/ollama-rs/issues/12 (serde reading a chunk-size line as the answer)
    ("Error", "An error occurred with ollama-rs: invalid type: integer `707`, expected struct GenerationResponse at "
     "line 1 column 3", None, R.malformed_response),
    # near miss: the server's serde on the caller's body is the request's defect
    # (https://github.com/deepseek-ai/awesome-deepseek-integration/issues/57)
    ("Error", "API Error: Status Code 422, Failed to deserialize the JSON body into the target type: messages[2]: "
     "invalid type: sequence, expected a string at line 1 column 325", 422, R.format_error),
])
def test_wave_90_cloudflare_queues_and_limits_untested_languages_unserved_paths_and_serde_structs(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 90's fits: Cloudflare's Waiting Room page is a site over capacity (before: the word model's
    server_error) and its "error code: 1015" a rate limit without the 429 too; Chrome's "output text in an untested
    language" refusal and LM Studio's "Unexpected endpoint or method" are the request's (four of five corpus texts;
    before: the word model's empty_response, a missing route); serde's "invalid type: ..., expected struct X" is an
    answer the client could not read (before: a request defect)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/Integration-Automation/ReEdgeGPT/issues/157 (Bing's bot check)
    ("ResponseError", "CaptchaChallenge: User needs to solve CAPTCHA to continue.", None, R.provider_policy_blocked),
    # https://github.com/vsakkas/sydney.py/issues/188
    ("sydney.exceptions.CaptchaChallengeException", "Solve CAPTCHA to continue", None, R.provider_policy_blocked),
    # https://github.com/xtekky/gpt4free/issues/2152 (a Cloudflare challenge under its 403)
    ("g4f.requests.raise_for_status.CloudflareError", "Response 403: Cloudflare detected", 403,
     R.provider_policy_blocked),
    # https://github.com/xtekky/gpt4free/issues/2813 (DuckDuckGo AI Chat's challenge, its 418 in the text)
    ("ResponseStatusError", "An error occured: ResponseStatusError: Response 418: {\"action\":\"error\",\"status\":418,"
     "\"type\":\"ERR_CHALLENGE\",\"overrideCode\":\"e1b9\"}", None, R.provider_policy_blocked),
    # https://github.com/xtekky/gpt4free/issues/1046
    ("RuntimeError", "Solve challenge and pass cookies", None, R.provider_policy_blocked),
    # https://github.com/Soulter/hugging-chat-api/issues/275 (HuggingChat's throttle inside a wrapper's parse error)
    ("hugchat.exceptions.ChatError", "Failed to parse response: {\"message\":\"You are sending too many messages. Try "
     "again later.\"}", None, R.rate_limit),
    # https://github.com/sums001/Windows-Copilot-API/issues/4 (Copilot's socket error code)
    ("Error", "[error: Copilot error: text-too-long]", None, R.context_overflow),
    # https://github.com/acheong08/EdgeGPT/issues/9 (Bing's result value for a missing login)
    ("Error", "conversation.struct={'result': {'value': 'UnauthorizedRequest', 'message': 'Sorry, you need to login "
     "first to access this service.'}}", None, R.auth),
    # https://github.com/HanaokaYuzu/Gemini-API/issues/6 (Google's session cookies), its 500 stated by the app
    ("Error", "错误\uff1astatus code 500: Failed to initialize client. SECURE_1PSIDTS could get expired frequently, "
     "please make sure cookie values are up to date. (Failed initialization attempts: 1)", None, R.auth),
    # https://github.com/dsdanielpark/Bard-API/issues/46
    ("Exception", "SNlM0e value not found in response. Check __Secure-1PSID value.", None, R.auth),
    # https://github.com/the-open-agent/openagent/issues/1122 (Tencent Cloud's SDK)
    ("Error", "[TencentCloudSDKError] Code=AuthFailure.SignatureFailure, Message=Request signature verification "
     "failed. Please check if your signature calculation is correct. RequestId=3d788963-3202-4a74-963e-83fbc9bb67c9",
     None, R.auth),
    # https://github.com/xtekky/gpt4free/issues/2462 (the ChatGPT web backend on a stale conversation id)
    ("ResponseStatusError", "An error occured: OpenaiChat: ResponseStatusError: Response 404: {\"detail\":{\"message\":"
     "\"Conversation not found\",\"code\":\"conversation_not_found\"}}", 404, R.format_error),
    # https://github.com/langbot-app/LangBot/issues/1509 (Dify's 404 for a conversation id it no longer holds)
    ("DifyAPIError", "对话(25)请求失败: DifyAPIError 404 {\"code\": \"not_found\", \"message\": \"Conversation Not "
     "Exists.\", \"status\": 404}", 404, R.format_error),
    # https://github.com/cheungchazz/WeChat-AIChatbot-WinOnly/issues/7 (requests' MissingSchema in openai<1.0's class)
    ("openai.error.APIConnectionError", "Error communicating with OpenAI: Invalid URL '/chat/completions': No scheme "
     "supplied. Perhaps you meant https:///chat/completions?", None, R.format_error),
    # near miss: a connection the server closed, in the same class, stays a transport fault (https://github.com/NVIDIA/garak/pull/347)
    ("openai.error.APIConnectionError", "Error communicating with OpenAI: ('Connection aborted.', "
     "RemoteDisconnected('Remote end closed connection without response'))", None, R.timeout),
])
def test_wave_91_consumer_assistant_wrappers_challenges_logins_and_limits(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 91's fits, most from the wrappers of consumer assistants (Bing, Copilot, Gemini web, DuckDuckGo, ChatGPT
    web): a CAPTCHA or Cloudflare challenge no client can pass is the provider's block (before: unknown, or auth
    under the 403); HuggingChat's "sending too many messages" a rate limit; Copilot's text-too-long an overflow;
    Bing's UnauthorizedRequest, Google's session cookies and Tencent's AuthFailure a login to renew; a stale
    conversation id and a base URL without its scheme the request's (before: model_not_found, timeout)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/theroyallab/tabbyAPI/issues/119 (ExLlamaV2's dynamic generator)
    ("AssertionError", "Job requires 33 pages (only 32 available) and cannot be enqueued. Total cache allocated is "
     "32 * 256 = 8192 tokens", R.context_overflow),
    # https://github.com/augmentcode/auggie/issues/73
    ("Error", "API Error: \"invalidArgument: Prompt length exceeded\"", R.context_overflow),
    # https://github.com/n8n-io/n8n/issues/20417
    ("Error", "Unable to connect to n8n's AI service (Payload size is too large)", R.payload_too_large),
])
def test_words_the_word_model_alone_had_read_now_have_rules(type_name: str, text: str, expect: FailoverReason) -> None:
    """Three wordings only the word model read right until its recount with waves 89 to 91 turned them (ExLlama's
    cache pages, Augment's prompt length, n8n's payload size): rules now read them whatever the model counts."""
    assert _rules_alone(type_name, text) is expect


def test_wave_92_claude_ais_refusal_to_serve_a_region_is_a_policy_block() -> None:
    """claude.ai's 403 permission_error "We are unable to serve your request" (a region or IP it does not serve:
    https://github.com/jahwag/ctxsync/issues/9; both corpus texts provider_policy_blocked) is the provider's block,
    not a key to rotate (before: auth by the bare 403); a permission_error with other words stays auth."""
    block = {"error": {"message": "We are unable to serve your request", "type": "permission_error"}}
    assert classify_api_error(exception_from_http("anthropic", 403, block, {}), word_model=NO_MODEL).reason \
        is R.provider_policy_blocked
    # near miss: Anthropic's permission_error for a key without access, as its SDK's tests and the built-in table
    # hold it (agent/testing/error_shapes.py)
    other = {"type": "error", "error": {
        "type": "permission_error", "message": "Your API key does not have permission to use the specified resource."}}
    assert classify_api_error(exception_from_http("anthropic", 403, other, {}), word_model=NO_MODEL).reason is R.auth


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/0x676e67/ninja/issues/518 (ChatGPT's Arkose bot check a proxy could not pass)
    ("Error", "{\"code\":400,\"msg\":\"Invalid arkose token (No solver available or solver is invalid)\"}", 400,
     R.provider_policy_blocked),
    # https://github.com/linweiyuan/go-chatgpt-api/issues/193 (a body that is no JSON)
    ("Error", "b'{\"errorMessage\":\"Failed to parse json request body.\"}'", None, R.format_error),
    # https://github.com/linweiyuan/go-chatgpt-api/issues/79 (a Go relay's recovered panic)
    ("Error", "2023/06/14 19:01:30 [Recovery] 2023/06/14 - 19:01:30 panic recovered:\nruntime error: index out of "
     "range [0] with length 0", None, R.server_error),
])
def test_wave_92_web_session_proxies(type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 92's fits on ChatGPT web proxies: an Arkose token no solver could produce is the provider's bot check
    (before: a 400 request defect); "Failed to parse json request body" the request's, a recovered panic the
    server's (before: unknown)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/block/goose/blob/main/crates/goose-providers/src/errors.rs (goose's generic network error)
    ("Error", "Network error: Network error \u2014 check your network connection and try again.\n\nPlease resend your "
     "message to try again.", R.timeout),
    # https://github.com/realcoloride/node_characterai/issues/166 (Chromium's net::ERR_FAILED)
    ("Error", "[node_characterai] Puppeteer - Error: net::ERR_FAILED at https://character.ai/chat/history/continue/",
     R.timeout),
    # https://github.com/abeiro/HerikaServer/issues/26
    ("Error", "there are connection issues, check server log", R.timeout),
    # https://github.com/QuantumNous/new-api/issues/1315 (aws-sdk-go-v2's cancelled context)
    ("Error", "InvokeModel: operation error Bedrock Runtime: InvokeModel, get identity: get credentials: request "
     "canceled, context canceled", R.timeout),
    # near miss: a stream cut mid-answer with the same advice stays a cut stream
    # (https://github.com/wonderwhy-er/DesktopCommanderMCP/issues/98)
    ("Error", "Claude\u2019s response was interrupted. Please check your network connection or contact support if "
     "the issue persists.", R.stream_incomplete),
])
def test_a_clients_own_words_for_a_request_that_never_got_through(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Clients' own words for a request that never got through (goose's network error, net::ERR_FAILED, "connection
    issues", Go's cancelled request context) are transport faults (before: unknown); a cut stream that gives the same
    advice stays a cut stream."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/Chevey339/kelivo/issues/837 (a relay's HTML page where its model list was expected)
    ("FormatException", "Unexpected character\n<!doctype html>", R.malformed_response),
    # https://github.com/agilord/aws_client/issues/431 (Bedrock's event stream read by a Dart client)
    ("FormatException", "Unexpected extension byte", R.malformed_response),
    # near miss: the Dart Gemini SDK's FormatException on an empty content stays an empty answer
    # (https://github.com/google-gemini/deprecated-generative-ai-dart/issues/224)
    ("FormatException", "Unhandled format for Content: {}", R.empty_response),
])
def test_darts_format_exception_is_an_answer_the_client_could_not_decode(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Dart's FormatException is the client decoding an answer it could not read, whatever its words (eight of the
    corpus's nine; before: unknown when the words were not a parser's); the SDK's empty content stays empty."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/cg-dot/oai-reverse-proxy/blob/02d3e4457bc6076ee9d5eee91e61fec2e5028e15/src/proxy/middleware/
    # response/index.ts (Anthropic's body as a key-pooling proxy quotes it)
    ("Error", "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Usage blocked until "
     "2024-03-01T00:00:00+00:00 due to user specified spend limits.\"}}", R.billing),
    # near miss: another invalid_request_error in the same envelope stays the request's
    # (https://github.com/prism-php/prism/issues/659)
    ("Error", "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"messages.3.content.3."
     "tool_use.input: Input should be a valid dictionary\"},\"request_id\":\"req_011CU4MZ57EjTdoNJcg7PXx6\"}",
     R.format_error),
])
def test_wave_93_an_organisations_spend_limits_in_the_plural_are_billing(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Anthropic's "Usage blocked until <date> due to user specified spend limits." is the organisation's own cap
    until a date: billing, as "spend limit" in the singular already was (ten of the corpus's eleven texts; before:
    format_error by the invalid_request_error type)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/caidaoli/kiro2api/issues/4 (Kiro's OAuth server refusing a refresh token, under a 400)
    ("Error", "刷新token失败: 状态码 400, 响应: {\"message\":\"Invalid refresh token provided\"}", 400, R.auth),
    # https://github.com/zhalice2011/ki2api/issues/3 (httpx's line for the same refusal, the relay's Chinese words)
    ("Error", "ERROR:__main__:token刷新失败: Client error '400 Bad Request' for url 'https://prod.us-east-1.auth."
     "desktop.kiro.dev/refreshToken'\nki2api-1  | For more information check: https://developer.mozilla.org/en-US/"
     "docs/Web/HTTP/Status/400", 400, R.auth),
    # near miss: another invalid_request_error stays the request's (https://github.com/prism-php/prism/issues/659)
    ("Error", "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"messages.3.content.3."
     "tool_use.input: Input should be a valid dictionary\"},\"request_id\":\"req_011CU4MZ57EjTdoNJcg7PXx6\"}", None,
     R.format_error),
])
def test_wave_94_a_refresh_token_the_oauth_server_refuses_is_the_credentials(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """A refresh token its OAuth server calls invalid, and a relay's "token refresh failed" in Chinese word orders, are
    the credential's (all corpus texts of "invalid refresh token" are auth; before: format_error by the 400)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/realcoloride/node_characterai/issues/16 (Cloudflare's 1020 page, printed with no status)
    ("Error", "<div class=\"cf-error-title\">\n   <h1>Access denied</h1>\n   <span class=\"cf-code-label\">Error code "
     "<span>1020</span></span>\n</div>\n<div class=\"cf-error-description\">\n   <p>You do not have access to beta."
     "character.ai.</p><p>The site owner may have set restrictions that prevent you from accessing the site.</p>\n"
     "</div>", None, R.provider_policy_blocked),
    # https://github.com/aandrew-me/tgpt/issues/170 (the retired public ChatGPT proxy, under a 429)
    ("Error", "ChatGPT error 429: {\"detail\":\"It is recommended to upgrade to the latest PandoraNext: https://"
     "github.com/pandora-next/deploy\"}", 429, R.provider_policy_blocked),
    # near miss: ChatGPT's own hourly cap in a web-session bot stays a rate limit
    # (https://github.com/altryne/chatGPT-telegram-bot/issues/42)
    ("Error", "Too many requests in 1 hour. Try again later.", None, R.rate_limit),
    # https://github.com/ikechan8370/chatgpt-plugin/issues/76 (Puppeteer's browser gone mid-navigation)
    ("Error", "与OpenAI通信异常\uff0c请稍后重试\uff1aError: Navigation failed because browser has disconnected!", None,
     R.timeout),
    # https://github.com/missuo/FreeGPT35/issues/67 (a 400 by its type that says to try again later)
    ("Error", "{\"status\":false,\"error\":{\"message\":\"Error getting a new session, please try again later, if the "
     "issue persists, please open an issue on the GitHub repository.\",\"type\":\"invalid_request_error\"}}", None,
     R.transient),
    # near miss: "try again later" beside a named request defect stays the request's
    # (https://github.com/chatboxai/chatbox/blob/main/src/shared/models/errors.ts)
    ("ChatboxAIAPIError", "Invalid request parameters detected. Please try again later. Persistent failures may "
     "indicate an outdated software version. Consider upgrading to access the latest performance improvements and "
     "features.", None, R.format_error),
    # https://github.com/OpenRouterTeam/openrouter-examples/issues/14 (.NET reading a field the answer lacked)
    ("System.NullReferenceException", "Object reference not set to an instance of an object.", None,
     R.malformed_response),
])
def test_wave_94_web_session_proxies_and_their_clients(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 94's fits on web-session proxies and their clients: Cloudflare's 1020 page (before: auth) and the retired
    PandoraNext proxy's pointer (before: rate_limit by the 429) are blocks of the endpoint; Puppeteer's disconnected
    browser a transport fault (before: unknown); a type-named 400 that says to try again later is retried (before:
    format_error); .NET's NullReferenceException an answer the client could not read (before: unknown)."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_94_a_spent_quota_with_a_reset_within_hours_is_a_rate_limit() -> None:
    """Google's QUOTA_EXHAUSTED with "Your quota will reset after 2h37m22s", inside a relay's overloaded_error envelope
    (https://github.com/lbjlaq/Antigravity-Manager/issues/541), is this account's throttle: cool the key and rotate
    (before: overloaded by the envelope's type, and billing by the reason alone). The same reason with a reset 16 hours
    away, or with none, stays billing; the envelope around Google's generic "Resource has been exhausted" stays load."""
    inner = ("{\n  \"error\": {\n    \"code\": 429,\n    \"message\": \"You have exhausted your capacity on this "
             "model. Your quota will reset after 2h37m22s.\",\n    \"status\": \"RESOURCE_EXHAUSTED\",\n"
             "    \"details\": [\n"
             "      {\n        \"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\",\n        \"reason\": "
             "\"QUOTA_EXHAUSTED\",\n        \"domain\": \"cloudcode-pa.googleapis.com\",\n        \"metadata\": {\n"
             "          \"quotaResetDelay\": \"2h37m22.776060443s\",\n          \"quotaResetTimeStamp\": "
             "\"2026-01-11T09:42:18Z\",\n          \"uiMessage\": \"true\",\n          \"model\": "
             "\"claude-sonnet-4-5-thinking\"\n        }\n      },\n      {\n        \"@type\": "
             "\"type.googleapis.com/google.rpc.RetryInfo\",\n        \"retryDelay\": \"9442.776060443s\"\n      }\n"
             "    ]\n  }\n}\n")
    body = {"error": {"message": f"All 1 attempts failed. Last error: HTTP 429: {inner}", "type": "overloaded_error"},
            "type": "error"}
    assert classify_api_error(exception_from_http("anthropic", 429, body, {}), word_model=NO_MODEL).reason \
        is R.rate_limit
    # near misses: https://github.com/RyderFreeman4Logos/cli-sub-agent/issues/871 and /issues/2235
    assert _rules_alone("Error", "cause: {\n  code: 429,\n  message: 'You have exhausted your capacity on this model. "
                        "Your quota will reset after 16h8m32s.',\n  reason: 'QUOTA_EXHAUSTED'\n}", 429) is R.billing
    assert _rules_alone("Error", "Session: 01KV498TFPRY3YW8WXWW9DM0NP\nStatus: failure\nExit code: 1\nTool: gemini-cli"
                        "\nElapsed: 9s\nReview verdict: UNAVAILABLE\nSummary: reason: 'QUOTA_EXHAUSTED'") is R.billing
    # https://github.com/lbjlaq/Antigravity-Manager/issues/435
    generic = {"error": {"message": "All 3 attempts failed. Last error: HTTP 429: {\n  \"error\": {\n    \"code\": "
                                    "429,\n    \"message\": \"Resource has been exhausted (e.g. check quota).\",\n    "
                                    "\"status\": \"RESOURCE_EXHAUSTED\"\n  }\n}\n", "type": "overloaded_error"},
               "type": "error"}
    assert classify_api_error(exception_from_http("anthropic", 429, generic, {}), word_model=NO_MODEL).reason \
        is R.overloaded


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/kingparks/cursor-vip/issues/568 (Cursor's wall on free trials per machine)
    ("Error", "Too many free trial accounts used on this machine. Please upgrade to pro. We have this limit in place "
     "to prevent abuse. Please let us know if you believe this is a mistake.\n(Request ID: "
     "3cd7b9cf-b257-4c78-9b8f-71f392bd20ae)", None, R.billing),
    # https://github.com/yuaotian/go-cursor-help/issues/146 (the free model allowance spent, typed from a screenshot)
    ("Error", "ERROR\nYou've used up your 50 free claude-3.5-sonnet requests.\nYou can continue using "
     "claude-3.5-sonnet by subscribing to Proor entering your\nOpenAl key in settings.", None, R.billing),
    # near miss: a free-trial abuse suspension stays the account's end
    # (https://github.com/vber/free-augmentcode/issues/11)
    ("Error", "Your account fdffw83@gmail.com has been suspended because we believe you may be using multiple free "
     "trials. Please contact support [here](https://docs.augmentcode.com/troubleshooting/support) for more "
     "information.", None, R.auth_permanent),
    # https://github.com/warpdotdev/warp/issues/7000 (Warp's 403 block of an account's AI features)
    ("Error", "I'm sorry, I couldn't complete that request.\n\nRequest failed with error: ErrorStatus(403, "
     "\"{\\\"error\\\":\\\"Your account has been blocked from using AI features. If you think this is in error, please "
     "contact appeals@warp.dev.\\\"}\")", 403, R.auth_permanent),
    # https://github.com/SubtitleEdit/subtitleedit/issues/9592 (KoboldCpp's body it could not read, no status)
    ("Error", "Koboldcpp requires a web server running locally!{\"detail\":{\"msg\":\"Error parsing input\",\"type\":"
     "\"bad input\"}}", None, R.format_error),
    # near miss: KoboldCpp not reached at all stays a transport fault
    # (https://github.com/Zuntan03/EasyNovelAssistant/issues/11)
    ("Error", "[例外] KoboldCpp.generate(): HTTPConnectionPool(host='localhost', port=5001): Max retries exceeded with "
     "url: /api/v1/generate (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at "
     "0x000001DD73B43E20>: Failed to establish a new connection: [WinError 10061] 対象のコンピューターによって拒否"
     "されたため、接続できませんでした。'))", None, R.timeout),
    # https://github.com/Trae-AI/TRAE/issues/2172 (TRAE CN's request failed on its side)
    ("Error", "请求失败\uff0c请尝试新建任务或者重启 TRAE。 (2001)", None, R.server_error),
])
def test_wave_95_ai_ide_plan_walls_account_blocks_and_local_servers(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 95's fits: Cursor's free-trial wall and spent free allowance are billing (before: rate_limit and unknown
    by the word model); Warp's block of an account's AI features is the account's end (before: auth by the 403);
    KoboldCpp's "Error parsing input" is the request's (before: server_error by the word model); TRAE CN's failed
    request the server's (before: unknown). A free-trial abuse suspension and a refused connection stay what they
    were."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_96_a_relays_pool_of_upstream_credentials_cooling_down_is_its_throttle() -> None:
    """A relay whose pooled upstream credentials are all cooling down (CLIProxyAPI's model_cooldown) is a throttle on
    that endpoint: rate_limit, scoped to the endpoint so the caller's own key to the relay is not rotated (before:
    overloaded by the words); with a reset days away it stays billing."""
    # https://github.com/router-for-me/CLIProxyAPI/issues/4327
    short = {"error": {"code": "model_cooldown", "message": "All credentials for model gpt-5.6-sol are cooling down "
                       "via provider codex", "model": "gpt-5.6-sol", "provider": "codex", "reset_seconds": 10,
                       "reset_time": "10s"}}
    verdict = classify_api_error(exception_from_http("openai", 429, short, {}), word_model=NO_MODEL)
    assert (verdict.reason, verdict.scope) == (R.rate_limit, Scope.endpoint)
    # https://github.com/earendil-works/pi/issues/2985 (the same words printed by a client, with the 429)
    said = classify_api_error(exception_from_message(
        "Error", "Error: 429 All credentials for model gpt-5 are cooling down via provider codex", status=429),
        word_model=NO_MODEL)
    assert (said.reason, said.scope) == (R.rate_limit, Scope.endpoint)
    # near miss: https://github.com/router-for-me/CLIProxyAPI/issues/1655 (a reset 127 hours away)
    late = {"error": {"code": "model_cooldown", "message": "All credentials for model claude-sonnet-4-6 are cooling "
                      "down", "model": "claude-sonnet-4-6", "reset_seconds": 459202, "reset_time": "127h33m21s"}}
    assert classify_api_error(exception_from_http("openai", 429, late, {}), word_model=NO_MODEL).reason is R.billing


def test_wave_96_a_uri_too_long_is_the_requests_size() -> None:
    """414 URI Too Long is the request's size in its address (an answer engine that puts the query in the URL:
    https://github.com/YassKhazzan/openperplex_backend_os/issues/13): payload_too_large (before: format_error)."""
    assert _rules_alone("Error", "414 URI Too Long", 414) is R.payload_too_large


def test_a_captcha_the_provider_requires_is_its_bot_check() -> None:
    """A proxy's "captcha required" is the provider's bot check, as "solve CAPTCHA" is (before: unknown, the word
    model's reading lost when it was recounted with wave 96); a relay's captcha token refused at a login step keeps
    what the rules read (format_error by its 400, labelled auth: a known miss)."""
    # https://github.com/acheong08/ChatGPTProxy/issues/95 (a proxy's word that ChatGPT demands an Arkose captcha)
    assert _rules_alone("Error", "{\n    \"error\": \"captcha required\"\n}") is R.provider_policy_blocked
    # near miss: https://github.com/TriDefender/zcode-api/pull/38
    login = {"error": {"type": "upstream_error", "message": "{\"code\":3007,\"msg\":\"captcha verify failed\"}"}}
    assert classify_api_error(exception_from_http("openai", 400, login, {}), word_model=NO_MODEL).reason \
        is R.format_error


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/explosion/spacy-llm/issues/289 (a REST retry giving up, the status line tab-separated)
    ("ConnectionError", "API could not be reached after 31.684 seconds in total and attempting to connect 5 times. "
     "Check your network connection and the API's availability.\n429\tToo Many Requests", 429, R.rate_limit),
    # https://github.com/TartaricAcid/TouhouLittleMaid/issues/844 (Java's URI parser on a URL saved with "POST " ahead)
    ("java.util.concurrent.CompletionException", "java.lang.IllegalArgumentException: Illegal character in scheme "
     "name at index 4: POST https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions", None, R.format_error),
    # https://github.com/FlamxGames/godot-ai-assistant-hub/issues/49 (Godot's HTTPRequest RESULT_TIMEOUT)
    ("Error", "HTTP response: Result: 13, Response Code: 0, Headers: [], Body: []", None, R.timeout),
    # near miss: Godot's TLS handshake result stays a TLS transport fault
    # (https://github.com/FlamxGames/godot-ai-assistant-hub/issues/47)
    ("Error", "ERROR: modules/mbedtls/stream_peer_mbedtls.cpp:88 - TLS handshake error: -27648\n  ERROR: core/variant/"
     "variant_utility.cpp:1098 - HTTP response: Result: 5, Response Code: 0, Headers: [], Body: []", None, R.timeout),
])
def test_wave_97_a_tab_separated_status_line_a_java_scheme_and_godots_timeout(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Wave 97's fits: a status line whose reason phrase follows a tab ("429<TAB>Too Many Requests") states its status
    as one with a space does (before: a transport fault by the client's advice to check the network); Java's "Illegal
    character in scheme name" is a base URL no request can be sent to (before: malformed_response by the word model);
    Godot's HTTPRequest result 13 with no response is its timeout (before: unknown)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/k8sgpt-ai/k8sgpt-operator/issues/537 (Bedrock's class deep in a Go error chain)
    ("Finished Reconciling k8sGPT with error: failed to call Analyze RPC: rpc error: code = Unknown desc = failed "
     "while calling AI provider amazonbedrock: ValidationException: max_tokens_to_sample: range: 1..1,000,000",
     R.format_error),
    # another class after a wrapper's words keeps its own reading
    # (https://github.com/aws-samples/well-architected-iac-analyzer/issues/25)
    ("Error invoking Bedrock model: ThrottlingException: Too many tokens, please wait before trying again..",
     R.rate_limit),
])
def test_an_aws_exception_named_deep_in_a_wrapper_chain_is_read_as_its_code(text: str, expect: FailoverReason) -> None:
    """Bedrock's error classes named after the wrappers' own words in a Go chain ("...: amazonbedrock:
    ValidationException: ...") are read as the codes they are (before: unknown, the word model's reading lost when it
    was recounted with wave 97); a ThrottlingException named the same way stays a rate limit."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/holoviz/panel/issues/7957 (WebLLM's class for a model its app config does not list)
    ("ModelNotFoundError", "Cannot find model record in appConfig for SmolLM-135M-Instruct-q4f16_1-MLC. Please check "
     "if the model ID is correct and included in the model_list configuration.", R.model_not_found),
    # near miss: LiteLLM proxy's own class for a request that named no model stays the request's
    # (https://github.com/BerriAI/litellm/issues/13593)
    ("litellm.proxy.route_llm_request.ProxyModelNotFoundError", "400: {'error': '/chat/completions: Invalid model "
     "name passed in model=None. Call `/v1/models` to view available models for your key.'}", R.format_error),
])
def test_a_runtimes_model_not_found_error_class_is_the_models(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """WebLLM's ModelNotFoundError is a model the runtime does not hold, whatever its words (before: unknown, the word
    model's reading lost when it was recounted with wave 98)."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize("text", [
    # https://github.com/EleutherAI/lm-evaluation-harness/issues/1513
    "Input length of input_ids is 494, but max_length is set to 128. This can lead to unexpected behavior. You should "
    "consider increasing max_length or, better yet, setting max_new_tokens.",
    # https://github.com/huggingface/smol-course/issues/208 (the same words with the names in backticks)
    "Input length of input_ids is 31, but `max_length` is set to 20. This can lead to unexpected behavior. You should "
    "consider increasing `max_length` or, better yet, setting `max_new_tokens`.",
])
def test_wave_99_transformers_max_length_below_the_prompt_is_the_requests_parameter(text: str) -> None:
    """transformers' generate() refusing a max_length below the prompt's length is the request's parameter to change
    (both corpus texts format_error; before: output_truncated by the word model)."""
    assert _rules_alone("ValueError", text) is R.format_error


# ------------------------------------------------------------------ wave 100: consumer-product wrappers


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/xtekky/gpt4free/issues/1576, https://github.com/xtekky/gpt4free/issues/1847: Gemini's page
    # without its session token (the cookies are no signed-in session)
    ("RuntimeError", "SNlM0e not found", None, R.auth),
    ("Error", '{"error": "Invalid auth. SNlM0e not found"}', None, R.auth),
    # https://github.com/xtekky/gpt4free/issues/1773, https://github.com/xtekky/gpt4free/issues/1757: ChatGPT web's
    # provider without the browser capture it signs in with
    ("RuntimeError", "No .har file found", None, R.auth),
    ("Error", "ERROR:root:No .har file found", None, R.auth),
    # https://github.com/mrgick/duck_chat/issues/30, https://github.com/amirkabiri/duckai/issues/2: duck.ai's status
    # answer without the token a chat needs
    ("Error", "Error occurred: No x-vqd-4", None, R.malformed_response),
    ("Error", "error: Missing VQD headers: vqd=false, hash=true", None, R.malformed_response),
    # https://github.com/dvhsh/matechat/issues/16
    ("Error", "[MateChat] OpenAI TestConnection failed with exception: OpenAI API response does not contain valid "
     "choices.", None, R.malformed_response),
    # https://github.com/sums001/Windows-Copilot-API/issues/10
    ("RuntimeError", "Invalid response: stream produced no text", None, R.empty_response),
    # https://github.com/HanaokaYuzu/Gemini-API/issues/319: curl's failed TLS handshake, no request got through
    ("curl_cffi.requests.exceptions.SSLError", "Failed to perform, curl: (35) TLS connect error: error:00000000:"
     "invalid library (0):OPENSSL_internal:invalid library (0). See https://curl.se/libcurl/c/libcurl-errors.html "
     "first for more details.", None, R.timeout),
    # https://github.com/KoushikNavuluri/Claude-API/issues/99, https://github.com/chenyme/grok2api/issues/385: the
    # proxy refused the CONNECT tunnel; the status it states is the proxy's
    ("curl_cffi.requests.errors.RequestsError", "Failed to perform, curl: (56) CONNECT tunnel failed, response 403. "
     "See https://curl.se/libcurl/c/libcurl-errors.html first for more details", None, R.timeout),
    ("Error", 'Type validation failed: Value: {"error":{"message":"AppChatReverse: Chat failed, Failed to perform, '
     'curl: (56) CONNECT tunnel failed, response 400. See https://curl.se/libcurl/c/libcurl-errors.html first for more '
     'details.","type":"server_error","code":"upstream_error"}}. Error message: [{"expected":"array","code":'
     '"invalid_type","path":["choices"],"message":"Invalid input"}]', None, R.timeout),
    # https://github.com/nathanrchn/perplexityai/issues/56, https://github.com/nathanrchn/perplexityai/issues/67: a
    # consumer site's WAF refusing a scripted client's socket
    ("Error", "WebSocket error: Handshake status 403 Forbidden -+-+-", 403, R.provider_policy_blocked),
    ("Error", "websocket error: Handshake status 403 Forbidden -+-+- {'date': 'Fri, 20 Dec 2024 05:55:04 GMT', "
     "'content-type': 'text/html; charset=UTF-8'", 403, R.provider_policy_blocked),
    # https://github.com/xqdoo00o/ChatGPT-to-API/issues/70: ChatGPT web's anti-bot token
    ("Error", "Error getting Arkose token:  (0x1236ec0,0xc000406350)", None, R.provider_policy_blocked),
    # https://github.com/mrgick/duck_chat/issues/20, https://github.com/xtekky/gpt4free/issues/2586: the conversation's
    # history over duck.ai's input limit, under its 429
    ("Error", '{"action":"error","status":429,"type":"ERR_INPUT_LIMIT"}', None, R.context_overflow),
    ("Error", '{"error": {"message": "ResponseStatusError: Response 429: {\\"action\\":\\"error\\",\\"status\\":429,'
     '\\"type\\":\\"ERR_INPUT_LIMIT\\"}"}, "model": "gpt-4o-mini", "provider": "DDG"}', None, R.context_overflow),
    # https://github.com/chathub-dev/chathub/issues/198: Bing's cap on one conversation's turns
    ("Error", "Sorry, you have reached chat turns limit in this conversation.", None, R.context_overflow),
    # https://github.com/chenyme/grok2api/issues/194: "try again later" under a rate-limit type and code is the throttle
    ("Error", '模型 grok-4-heavy: bad response status code 429, message: No available tokens. Please try again later., '
     'body: {"error":{"message":"No available tokens. Please try again later.","type":"rate_limit_error","param":null,'
     '"code":"rate_limit_exceeded"}}', 429, R.rate_limit),
    # https://github.com/hydrotho/ChatGPT_Model_Switcher/issues/6: ChatGPT's model cap resets at a time of day
    ("Error", "You've reached the current usage cap for GPT-4. You can continue with the default model now, or try "
     "again after 1:33 AM. [Learn more]", None, R.rate_limit),
    # https://github.com/pollinations/pollinations/issues/6566: a model the caller's tier may not use, under a 402
    ("Error", 'Pollinations API Error: API Error 402: {"error":"Model not found or tier not high enough. Your tier: '
     'anonymous, required tier: seed. Get unlimited access at https://enter.pollinations.ai","status":402}', 402,
     R.model_not_found),
    # https://github.com/aledipa/Free-GPT4-WEB-API/issues/69: an hourly window is a rate; a daily allowance
    # (https://github.com/xtekky/gpt4free/issues/2659, gpt4free's Blackbox provider) is the plan's
    ("Error", "You have reached your request limit for the hour", None, R.rate_limit),
    ("Error", "You have reached your request limit for the day.", None, R.billing),
    # https://github.com/Zero6992/chatGPT-discord-bot/issues/208: ChatGPT web's failure of a conversation on its side
    ("Error", "ERROR - send_message - Error while sending message: Field missing. Details: {'detail': 'Something went "
     "wrong, please try reloading the conversation.'}", None, R.server_error),
])
def test_wave_100_consumer_product_wrappers_errors_read_by_their_words(type_name: str, text: str, status: int | None,
                                                                      expect: FailoverReason) -> None:
    """Errors of unofficial ChatGPT, Gemini, Copilot, duck.ai, Grok and Pollinations clients, each the exact corpus
    text of wave 100 or an older entry of the same wording (before: read by no rule, or by a status the text states
    for someone else)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/xtekky/gpt4free/issues/2813: the token fetch throttled, not an answer without it
    ("RuntimeError", 'An error occured: RuntimeError: Failed to fetch VQD token after 3 attempts: Response 429: '
     '{"action":"error","status":429,"type":"ERR_SERVICE_UNAVAILABLE","r":"043c8e19-5831-4ef9-9842-1d77f70333ad"}',
     429, R.rate_limit),
    # https://github.com/zhayujie/CowAgent/issues/1514: a socket's key refused is a 401, the key's
    ("WebSocketBadStatusException", "Handshake status 401 Unauthorized", None, R.auth),
    # https://docs.quotaflow.ai/reference/errors/: a capacity queue is the server's load, not the caller's limit
    ("Error", '{\n  "error": {\n    "message": "Capacity queue full",\n    "code": "capacity_queue_full"\n  }\n}',
     None, R.overloaded),
])
def test_wave_100_near_misses_keep_their_reading(type_name: str, text: str, status: int | None,
                                                  expect: FailoverReason) -> None:
    """Corpus texts next to wave 100's wordings that its fit must leave alone."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_100_pollinations_per_address_queue_under_402_is_a_rate_limit() -> None:
    """Pollinations' 402 for an address with a request already in flight, its x402 payment offer beside it: the queue
    clears when that request ends (https://github.com/pollinations/pollinations/issues/11603; before: billing)."""
    body = {"x402Version": 1, "error": "Queue full for IP: 2a06:98c0:3600::103: 1 requests already queued (max: 1). "
            "Get unlimited access at https://enter.pollinations.ai",
            "accepts": [{"scheme": "exact", "network": "base", "maxAmountRequired": "1000",
                         "description": "Pollinations legacy image — pay to bypass rate limit"}]}
    error = exception_from_http("openai", 402, body)
    assert classify_api_error(error, word_model=NO_MODEL).reason is R.rate_limit


def test_wave_100_an_error_event_named_by_its_event_field_is_a_failure() -> None:
    """Copilot's web socket names its error event in "event", not "type" ({"event": "error", "errorCode":
    "invalid-event"}, https://github.com/sums001/Windows-Copilot-API/issues/8): a failure, not a success (before: no
    failure)."""
    verdict = classify_soft_failure(outcome_from_event({"event": "error", "errorCode": "invalid-event"}),
                                    word_model=NO_MODEL)
    assert verdict is not None and verdict.reason is R.unknown


def test_wave_100_chatgpt_model_cap_try_again_after_a_time_gives_a_wait() -> None:
    """ChatGPT's model cap says "try again after 1:33 AM": a reset at a time of day, so a wait to its next occurrence
    in the host's zone, never more than a day; "after" a month's day is days away, as "at" one is
    (https://github.com/hydrotho/ChatGPT_Model_Switcher/issues/6)."""
    text = ("You've reached the current usage cap for GPT-4. You can continue with the default model now, or try again "
            "after 1:33 AM. [Learn more]")
    verdict = classify_api_error(exception_from_message("Error", text), word_model=NO_MODEL, now=_JAN_20_18H_UTC)
    assert verdict.reason is R.rate_limit
    assert verdict.retry_after is not None and 0 < verdict.retry_after <= 24 * 3600
    later = text.replace("after 1:33 AM", "after Jan 30, 1:33 AM")
    assert _rules_alone("Error", later) is R.billing


# ------------------------------------------------------------------ wave 101: free-api relays, subscription bridges


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/nashsu/FreeAskInternet/issues/89, https://github.com/xiaoY233/Qwen-Free-API/issues/2: a web
    # session that is not signed in, as qwen-free-api and its forks pass it on
    ("APIException", "[请求qwen失败]: NOT_LOGIN-未登录", None, R.auth),
    ("Error", "服务暂时不可用\uff0c第三方响应错误\uff1aNOT_LOGIN", None, R.auth),
    # https://github.com/fengin/image-gen-server/issues/6
    ("Error", '{"success": false, "error": "生成图片失败: [-2009] [请求jimeng失败]: check login error", "images": []}',
     None, R.auth),
    # https://github.com/LLM-Red-Team/deepseek-free-api/issues/52: the relay's call to the web service behind it failed
    ("Error", "服务暂时不可用\uff0c第三方响应错误", None, R.server_error),
    # https://github.com/xiaoY233/MiniMax-Free-API/issues/5: server busy, try later
    ("Error", "服务器忙\uff0c稍后再试", None, R.overloaded),
    # https://github.com/XilyFeAAAA/DoubaoFreeApi/issues/5: the service is visited too often
    ("Error", 'data: {"event_data":"{\\"code\\":710022002,\\"message\\":\\"block\\",\\"error_detail\\":{\\"code\\":'
     '710022002,\\"locale\\":\\"zh\\",\\"message\\":\\"当前服务访问频繁\uff0c请稍后重试\\"}}","event_id":"0","event_type":2005}',
     None, R.rate_limit),
    # https://github.com/nextai-translator/nextai-translator/issues/1758: Kimi's account flagged
    ("Error", "Kimi: 账号状态异常。如有疑问请联系 support@moonshot.cn", None, R.auth_permanent),
    # https://github.com/CrazyCreativeDream/Real-Coze-API/issues/5, https://github.com/dice2o/BingGPT/issues/270,
    # https://github.com/YuJunZhiXue/qwen2API/issues/84: a consumer service's traffic screen or WAF page
    ("Error", "发送消息失败\uff1aWe've detected unusual traffic from your network, so Coze is temporarily "
     "unavailable.", None, R.provider_policy_blocked),
    ("Error", "Sorry, looks like your network settings are preventing access to this feature.", None,
     R.provider_policy_blocked),
    ("Error", "❌ create_chat parse error: invalid character '<' looking for beginning of value, body=<!doctypehtml>"
     '<meta charset="UTF-8"><meta name="aliyun_waf_aa"content="ff926c7f07e45e2e487a29a6197d3460">'
     '<meta name="aliyun_waf_bb"content="eade71455e2ad9c6d08b82bc7d98df8c"><title></title><meta name=', None,
     R.provider_policy_blocked),
    # https://github.com/sums001/Windows-Copilot-API/issues/5: Copilot's socket after a failed challenge
    ("Error", "[error: Copilot error: invalid-event]", None, R.provider_policy_blocked),
    # https://github.com/aaamoon/copilot-gpt4-service/issues/291, https://github.com/Geniucker/CoGPT/issues/43: an
    # account with no Copilot subscription (its 403 is the plan's, not the key's)
    ("Error", 'API Error: Status Code 403, {"code":403,"error":"{\\"error_details\\":{\\"url\\":\\"https://github.com/'
     'github-copilot/signup?editor={EDITOR}\\",\\"message\\":\\"No access to GitHub Copilot found. You are currently '
     'logged in as entle129.\\",\\"title\\":\\"Signup for GitHub Copilot\\",\\"notification_id\\":\\"no_copilot_access'
     '\\"},\\"message\\":\\"Resource not accessible by integration\\"}"}', 403, R.billing),
    ("Error", '2024-02-17 12:38:18 DBG Failed to get copilot token, status code: 403, body: {"error_details":{"url":'
     '"https://github.com/github-copilot/signup?editor={EDITOR}","message":"No access to GitHub Copilot found. You are '
     'currently logged in as namedess.","title":"Signup for GitHub Copilot","notification_id":"no_copilot_access"}',
     None, R.billing),
    # https://github.com/ericc-ch/copilot-api/issues/50: the GitHub token not exchanged for a Copilot one
    ("Error", "ERROR  Failed to get Copilot token", None, R.auth),
    # https://github.com/lbjlaq/Antigravity-Manager/issues/3460: a relay's pooled accounts all limited
    ("Error", "All accounts limited. Wait 7181s.", None, R.rate_limit),
])
def test_wave_101_free_api_relays_and_subscription_bridges_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of the Chinese free-api relays of consumer chat sites, Copilot-to-API bridges and consumer chat wrappers,
    each the exact corpus text of wave 101 (before: read by no rule, by a status the text states for the plan, or by
    the words of a parse failure around them)."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_101_a_relays_pooled_accounts_limited_do_not_rotate_the_callers_key() -> None:
    """"All accounts limited. Wait 7181s." is the relay's pool, not the caller's key: a rate limit scoped to the
    endpoint, whose wait is the one it states (https://github.com/lbjlaq/Antigravity-Manager/issues/3460)."""
    verdict = classify_api_error(exception_from_message("Error", "All accounts limited. Wait 7181s."),
                                 word_model=NO_MODEL)
    assert verdict.reason is R.rate_limit and verdict.scope is Scope.endpoint


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/miuuyy/codex-chatgpt-web/issues/346: ChatGPT web's refusal of a message over its size (3 of the
    # corpus's 5 texts of the words are payload_too_large, under a 413)
    ("Error", "The message you submitted was too long, please edit it and resubmit.", None, R.payload_too_large),
    # https://github.com/n8n-io/n8n/issues/34595
    ("Error", "Error: Something went wrong before I could finish that response. Please try again.", None, R.transient),
    # https://github.com/SnapdragonLee/ChatGPT-weBot/issues/26
    ("Error", '{"detail":"Hmm...something seems to have gone wrong. Maybe try me again in a little bit."}', None,
     R.server_error),
    # https://github.com/yuaotian/go-cursor-help/issues/457
    ("Error", "Free & free trial accounts can no longer use chat with premium models on Cursor Version 0.45 or less. "
     "Please upgrade to Pro or use Cursor Version 0.46 or later. Install Cursor at https://www.cursor.com/downloads or "
     "update from within the editor.", None, R.billing),
    # https://github.com/PowerShell/AIShell/issues/293
    ("Error", "ERROR: Agent failed to generate a response: Unexpected copilot activity received.", None,
     R.malformed_response),
    # https://github.com/LLM-Red-Team/deepseek-free-api/issues/20: Huawei Cloud's WAF page in front of the web API
    ("Error", '<!DOCTYPE html><html style="height:100%;width:100%"><head><meta http-equiv="Content-Type" '
     'content="text/html; charset=utf-8" /><meta http-equiv="Server" content="CloudWAF" /><title id="title">'
     '访问被拦截\uff01</title>', None, R.provider_policy_blocked),
    # https://support.huaweicloud.com/intl/en-us/api-pangulm/pangulm_05_0020.html
    ("Error", "PANGU.3267: The number of service invoking requests exceeds the project limit.", None, R.rate_limit),
])
def test_wave_101_registration_older_texts_read_by_rules_not_by_a_retrained_model(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Corpus texts that only the gram model read, and that its retraining with wave 101 lost or could lose: their
    words now have rules (before: unknown to the rules alone)."""
    assert _rules_alone(type_name, text, status) is expect


# ------------------------------------------------------------------ wave 102: media wrappers, office integrations


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/Malith-Rukshan/Suno-API/issues/10, https://github.com/gcui-art/suno-api/issues/205: Clerk's
    # sign-in challenge in front of Suno
    ("Error", "INFO:SunoAI:{'errors': [{'message': 'CAPTCHA verification is required', 'long_message': 'CAPTCHA "
     "verification is required', 'code': 'requires_captcha'}], 'clerk_trace_id': 'd183cf9c4d9e760a7a1f166efec7769a'}",
     None, R.provider_policy_blocked),
    ("Error", "Error generating custom audio: {\n  errors: [\n    {\n      message: 'CAPTCHA verification is "
     "required',\n      long_message: 'CAPTCHA verification is required',\n      code: 'requires_captcha'\n    }\n"
     "  ],\n  clerk_trace_id: 'xxx'\n}", None, R.provider_policy_blocked),
    # https://github.com/zcpua/midjourney-api/issues/170: the account banned
    ("Error", "You have been blocked from accessing Midjourney. This happens on repeated or serious ToS violations.",
     None, R.auth_permanent),
    # https://github.com/igolaizola/bulkai/issues/84: the caller's own job queue
    ("Error", "midjourney: queue full: your job queue is full. please wait for a job to finish first, then resubmit "
     "this one.", None, R.rate_limit),
    # https://github.com/chatboxai/chatbox/issues/1511, https://github.com/ollama/ollama/issues/737: Ollama's model
    # runner died mid-answer
    ("Error", 'API Error: {"error":"error reading llm response: read tcp 127.0.0.1:49195->127.0.0.1:49181: wsarecv: '
     'An existing connection was forcibly closed by the remote host."}', None, R.server_error),
    ("Error", "error reading llm response: unexpected EOF", None, R.server_error),
    # https://github.com/PipedreamHQ/pipedream/issues/5634: a chat model on the legacy completions endpoint
    ("Error", '{"error":{"message":"This is a chat model and not supported in the v1/completions endpoint. Did you '
     'mean to use v1/chat/completions?","type":"invalid_request_error","param":"model","code":null}}', None,
     R.model_not_found),
])
def test_wave_102_media_wrappers_and_office_integrations_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of Suno and Midjourney wrappers, Ollama desktop clients and low-code steps, each the exact corpus text
    of wave 102 or an older entry of the same words (before: read as a request defect, a transport fault, a bot gate or
    a bare 4xx)."""
    assert _rules_alone(type_name, text, status) is expect


# ------------------------------------------------------------------ wave 103: gateways, mobile SDKs, batch APIs


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/ChatGPTNextWeb/NextChat/pull/4926: a base URL ending in /v1 given to a client that adds it
    ("Error", "Unknown request URL:\nPOST /v1/v1/chat/completions?path=v1&path=chat&path=completions.\nPlease check "
     "the URL for typos,\nor see the docs at https://platform.openai.com/docs/api-reference/.", None, R.format_error),
    # https://github.com/InternLM/MindSearch/issues/150: a client posting to the version root itself
    ("Error", '{\n  "error": {\n    "type": "invalid_request_error",\n    "code": "unknown_url",\n    "message": '
     '"Unknown request URL: POST /v1. Please check the URL for typos, or see the docs at '
     'https://platform.openai.com/docs/api-reference/.",\n    "param": null\n  }\n}', None, R.format_error),
    # https://github.com/shreyaspapi/Oval/issues/45
    ("Error", "Stream error: cannot decode raw data", None, R.malformed_response),
    # https://github.com/google-gemini/deprecated-generative-ai-python/issues/506
    ("Error", "Can not find message descriptor by type_url: type.googleapis.com/plaque.trace.StatusContext", None,
     R.malformed_response),
])
def test_wave_103_gateways_sdks_and_batch_apis_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 103 (before: a missing route, a cut stream, unknown)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize("text", [
    # https://github.com/zlwaterfield/scramble/issues/12: a well-built route the endpoint does not serve
    "Error: Failed to enhance text with Groq. Error: Groq API request failed: Unknown request URL: POST "
    "/v1/chat/completions. Please check the URL for typos, or see the docs at https://console.groq.com/docs/",
])
def test_wave_103_a_well_built_unknown_route_stays_the_endpoints(text: str) -> None:
    """Only a URL no right base URL builds (a doubled or a bare version) is the configuration's: an unknown but
    well-formed route stays a route this endpoint lacks (model_not_found, scoped to the endpoint)."""
    assert _rules_alone("Error", text) is R.model_not_found


def test_wave_103_a_doubled_version_under_404_is_a_misbuilt_url_and_bedrocks_byte_cap_is_the_payloads() -> None:
    """Through the real SDK clients: Fireworks' 404 "Path not found: /v1/v1/messages"
    (https://github.com/earendil-works/pi/issues/4029) is the base URL's fault, and Bedrock's "too many total text
    bytes" under a 400 (a RubyLLM cassette, wave 103) is the request's size."""
    body = {"error": {"message": "Path not found: /v1/v1/messages", "param": None, "code": "NOT_FOUND",
                      "type": "error"}, "request_id": "292600cd-d105-4cd8-a4c9-9fcdda791014"}
    assert classify_api_error(exception_from_http("openai", 404, body), word_model=NO_MODEL).reason is R.format_error
    size = {"message": "The model returned the following errors: too many total text bytes: 10000002 > 9000000"}
    assert classify_api_error(exception_from_http("openai", 400, size), word_model=NO_MODEL).reason is (
        R.payload_too_large)


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/kodustech/kodus-ai/issues/1568: a path the endpoint does not serve, well built
    ("AI_APICallError", "Path not found: /chat/completions", R.model_not_found),
    # https://github.com/flows-network/openai-assistant-telegram/issues/1: an assistant id that is not there
    ("Error", '{ "level": "ERROR", "msg": "thread \'\' panicked at \'called `Result::unwrap()` on an `Err` value: '
     'ApiError(ApiError { message: \\"No assistant found with id \'asst_XXXXXXXXXXXXXXX\'.\\", type: '
     'Some(\\"invalid_request_error\\"), param: None, code: None })\', src/lib.rs:106:10\\nnote: run with '
     '`RUST_BACKTRACE=1` environment variable to display a backtrace\\n", "function": "run" }', R.format_error),
    # https://github.com/Strvm/meta-ai-api/issues/31: Meta AI refusing the client's region
    ("meta_ai_api.exceptions.FacebookRegionBlocked", "Unable to receive a valid response from Meta AI. This is likely "
     "due to your region being blocked.", R.provider_policy_blocked),
])
def test_wave_103_registration_older_texts_read_by_rules_not_by_a_retrained_model(
        type_name: str, text: str, expect: FailoverReason) -> None:
    """Older corpus texts only the gram model read, which its retraining with wave 103 lost: their words now have
    rules (before: unknown to the rules alone)."""
    assert _rules_alone(type_name, text) is expect


# ------------------------------------------------------------------ wave 104: commit bots, IDE assistants, languages


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/carlrobertoh/ProxyAI/issues/961: OkHttp's refused CONNECT tunnel behind a proxy
    ("Error", "Unexpected response code for CONNECT: 301", None, R.timeout),
    # https://github.com/VizzleTF/CommitSage/issues/187: the client could not read Gemini's answer
    ("Error", "[ERROR] Error in CommitMessageUI:: Failed to generate commit message: Invalid response format from "
     "Gemini API\nError: Failed to generate commit message: Invalid response format from Gemini API", None,
     R.malformed_response),
    # https://github.com/appleboy/CodeGPT/issues/132: go-openai meeting an HTML page under a 403
    ("Error", "Error: error, status code: 403, message: invalid character '<' looking for beginning of value", 403,
     R.provider_policy_blocked),
    # https://github.com/JBGruber/rollama/issues/14: jsonlite on two streamed objects glued together
    ("Error", 'Error: lexical error: invalid char in json text.\n          8f220ff6e389f6f8ef87a01d77c{"status":'
     '"pulling manifest"}\n                     (right here) ------^', None, R.malformed_response),
    # https://github.com/softwaremill/sttp-ai/issues/162 and /298: the Scala client's answer decoder
    ("sttp.openai.OpenAIExceptions$OpenAIException$DeserializationOpenAIException",
     "Could not deserialize: text-moderation-007", None, R.malformed_response),
    ("sttp.openai.OpenAIExceptions$OpenAIException$DeserializationOpenAIException",
     "missing keys in dictionary: id at index 421", None, R.malformed_response),
])
def test_wave_104_commit_bots_ide_assistants_and_rare_languages_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 104 (before: a request defect, a key's refusal, a model gone, unknown)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # a request's response_format refused is the request's (the answer's "from" is what the fit reads)
    ("BadRequestError", "Error code: 400 - {'error': {'message': \"Invalid value: 'json'. Supported values are: "
     "'json_object', 'json_schema', and 'text'.\", 'type': 'invalid_request_error', 'param': 'response_format.type', "
     "'code': 'invalid_value'}}", 400, R.format_error),
    # a server refusing a request body it cannot deserialize says so in its text: still the request's
    ("UnprocessableEntityError", "Failed to deserialize the JSON body into the target type: messages[1]: missing "
     "field `content` at line 1 column 235", None, R.format_error),
    # a 403 in the provider's own JSON envelope stays the key's
    ("PermissionDeniedError", "Error code: 403 - {'error': {'message': 'Project proj_x does not have access to model "
     "gpt-4o', 'type': 'invalid_request_error', 'param': None, 'code': 'model_not_found'}}", 403, R.model_not_found),
])
def test_wave_104_near_misses_keep_their_reading(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """What the wave's fits must leave alone."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize("text", [
    # https://github.com/olrea/openai-cpp/issues/11: libcurl's error 60 in its current words
    "OpenAI curl_easy_perform() failed: SSL peer certificate or SSH remote key was not OK",
    # https://github.com/D7EAD/liboai/issues/51: ... and in its older words
    "liboai::netimpl::Session::Perform(): Peer certificate cannot be authenticated with given CA certificates "
    "(E_CURLERROR:0x06)",
    # https://github.com/Code4Delphi/Delphi-AI-Developer/issues/37: Delphi's HTTP client
    "Unable to perform processing.\nREST request failed: Error getting Server Certificate",
])
def test_wave_104_registration_certificate_failures_of_curl_and_delphi_read_by_rules(text: str) -> None:
    """Wave 104's rule-unknowns the gram model read right by their neighbours: a certificate the client could not
    verify or obtain, in libcurl's and Delphi's words (before: unknown to the rules alone)."""
    assert _rules_alone("Error", text) is R.tls_untrusted


# ------------------------------------------------------------------ wave 105: home automation, OCR, browser and voice


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/skapadia3214/groq-voice/issues/1 and https://github.com/elevenlabs/elevenlabs-python/issues/293:
    # a voice (ElevenLabs' model of speech) not there for this key
    ("elevenlabs.core.api_error.ApiError", "status_code: 400, body: {'detail': {'status': 'voice_not_found', "
     "'message': 'A voice for the voice_id 876MHA6EtWKaHTEGz was not found.'}}", 400, R.model_not_found),
    ("Error", "status_code: 400, body: {'detail': {'status': 'voice_does_not_exist', 'message': 'A voice with voice_id "
     "TqZ039H4XqpiGTowubpy does not exist.'}}", 400, R.model_not_found),
    # https://github.com/livekit/agents/issues/921: ElevenLabs' free tier disabled, printed alone
    ("Error", "11labs reported an error: detected_unusual_activity", None, R.billing),
    # https://github.com/funstory-ai/BabelDOC/issues/423: "requests rate-limited, try again later" under a 400
    ("openai.BadRequestError", "Error code: 400 - {'error': {'id': '8e059dba42a7b8fdd14be8b50da5f164', 'message': "
     "'\u8bf7\u6c42\u9650\u9891\uff0c\u8bf7\u7a0d\u540e\u91cd\u8bd5', 'type': 'runtime_error', 'param': None, "
     "'code': '2003'}}", 400, R.rate_limit),
    # https://github.com/icereed/paperless-gpt/issues/871: Document AI's page cap
    ("Error", "rpc error: code = InvalidArgument desc = Document pages exceed the limit: 30 got 56", None,
     R.payload_too_large),
])
def test_wave_105_voice_ocr_and_translation_tools_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 105 (before: a request defect, a retry, unknown)."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_105_a_try_later_under_400_without_throttle_words_stays_a_transient_failure() -> None:
    """The same Chinese provider's "try again later" alone (no 限频, rate-limited) is the relay's hiccup, as before."""
    text = ("Error code: 400 - {'error': {'message': '\u7cfb\u7edf\u7e41\u5fd9\uff0c\u8bf7\u7a0d\u540e\u91cd\u8bd5', "
            "'type': 'runtime_error', 'param': None, 'code': '2001'}}")
    assert _rules_alone("openai.BadRequestError", text, 400) is not R.rate_limit


# ------------------------------------------------------------------ wave 106: data tools, translators, workflows, games


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/TavernAI/TavernAI-v1/issues/210: NovelAI's model outside the account's tier, under a 409
    ("Error", "Error 409 Not eligible for this model", 409, R.model_not_found),
    # https://github.com/UiPath/uipath-langchain-python/issues/243: a model the gateway routes nowhere in the region
    ("Error", "\u274c Error: Error code: 417 - {'StatusCode': 417, 'StatusDescription': 'ExpectationFailed', "
     "'Message': 'No llm routing rule found for product agenthubb\n in SI using model gpt-5-2025-08-07 - check data "
     "residency configuration.', 'Description': '', 'TraceId': "
     "'00-b42c4c930cbde5a04f13ba39314924bf-5f0a8ad6a08a20cf-00', 'ErrorCode': '1040'}", 417, R.model_not_found),
    # https://github.com/FlowiseAI/Flowise/issues/3842: an answer without the tool call the agent graph needs
    ("Error", "Error buildAgentGraph - No tool calls found in the response.", None, R.malformed_response),
    # https://github.com/n8n-io/n8n/issues/38972: the output cap reached before any answer
    ("Error", "The model reached its output token limit before it returned an answer. Reduce the request scope or use "
     "another model.", None, R.output_truncated),
])
def test_wave_106_workflow_platforms_and_game_clients_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 106 (before: a conflict retried, a request defect, unknown)."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_106_a_bare_409_conflict_stays_a_retry() -> None:
    """A 409 that names no model (a conflict the server resolves) is still retried, as before the fit."""
    assert _rules_alone("Error", "Error 409 Conflict: another request is in progress", 409) is R.transient


# ------------------------------------------------------------------ wave 107: chatbot builders, CMS plugins, launchers


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/modelzen/feishu-codex-bridge/issues/23: Kimi Coding's five-hour window under a 403
    ("Error", "API Error: 403 You've reached your 5-hour usage limit.", 403, R.rate_limit),
    # https://github.com/Automattic/studio/issues/4458: no card on file
    ("Error", "403 Add a valid payment method to your WordPress.com account to use AI features in WordPress Studio. "
     "You won't be charged; we need a card on file to prevent abuse.", 403, R.billing),
    # https://github.com/RebelCode/wp-rss-aggregator/issues/22: an API's answer the client could not parse
    ("Error", "Failed to rewrite content with WordAI.  Reason: The WordAi API returned a malformed JSON response: Null",
     None, R.malformed_response),
    # https://github.com/raycast/extensions/issues/29730: DeepSeek's retired model id, inside a client's network advice
    ("Error", "Failed to get response from DeepSeek. Please check your network connection and API key.\nError Message: "
     "400 The supported API model names are deepseek-v4-pro or deepseek-v4-flash, but you passed deepseek-chat.", 400,
     R.model_not_found),
])
def test_wave_107_chatbot_builders_cms_plugins_and_launchers_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 107 (before: a plan's allowance, a key's refusal, a request defect, a transport fault)."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_107_a_weekly_window_stays_the_plans_allowance() -> None:
    """A window of a week is days away, as before the five-hour fit: billing."""
    assert _rules_alone("Error", "API Error: 403 You've reached your weekly usage limit.", 403) is R.billing


# ------------------------------------------------------------------ wave 108: API features (fine-tuning, images, tools)


def test_wave_108_a_base_model_the_fine_tuning_service_cannot_tune_is_the_models() -> None:
    """https://github.com/MicrosoftDocs/azure-docs/issues/116776: Azure OpenAI's fine-tuning refusal names the model,
    not the request's shape (before: a request defect, by the class); a fine-tuning file's defect stays the
    request's."""
    refused = "The specified base model does not support fine-tuning."
    assert _rules_alone("InvalidRequestError", refused) is R.model_not_found
    assert _rules_alone("InvalidRequestError", "Invalid file format for fine-tuning: line 3 is not valid JSON.") is (
        R.format_error)


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/bycs-lp/moodle-block_ai_chat/issues/64: PHP's TypeError on the answer's missing content
    ("Error\ngeneralexceptionmessage\n\nException - local_ai_manager\\local\\prompt_response::create_from_result(): "
     "Argument #3 ($content) must be of type string, null given, called in [dirroot]/local/ai_manager/tools/ollama/"
     "classes/connector.php on line 70", R.malformed_response),
    # a provider's words for the request's own field type stay the request's (no value "given" or "returned")
    ("Invalid request: 'messages[0].content' must be of type string or array", R.format_error),
])
def test_a_php_type_error_on_a_value_given_is_the_answers_not_the_requests(text: str, expect: FailoverReason) -> None:
    """PHP's "must be of type X, Y given|returned" is a client's code meeting a value of the wrong type, most often
    the answer's (wave 107's Moodle plugins; before: a request defect by "must be")."""
    assert _rules_alone("Error", text) is expect


# ----------------------------------------------------------------- wave 109: embeddings, realtime, hosted tools, caches


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/posit-dev/positron/issues/12142: Bedrock refusing a request's cache points (the model serves
    # the same request without them)
    ("Error", "[warning] [Amazon Bedrock] [Claude Sonnet 3] RECV error: undefined: You invoked an unsupported model, "
     "or your request did not allow prompt caching. See the documentation for more information.", None, R.format_error),
    # https://github.com/margince/margince/pull/5780: Gemini's explicit cache under the model's token floor
    ("Error", "Cached content is too small. total_token_count=880, min_total_token_count=1024", None, R.format_error),
    # https://github.com/ollama/ollama/issues/15582 and https://github.com/hang-in/seCall/issues/5: Ollama unable to
    # encode its own answer (a NaN embedding) is its 500, whatever the encoder's words
    ("ollama._types.ResponseError", "failed to encode response: json: unsupported value: NaN (status code: 500)", 500,
     R.server_error),
    ("Error", "Ollama embed failed (500 Internal Server Error): {\"error\":\"failed to encode response: json: "
     "unsupported value: NaN\"}", 500, R.server_error),
    # https://github.com/monuminu/AOAI_Samples/issues/5: websockets' InvalidURI on an https endpoint, before any
    # connection (not a dropped one)
    ("Error", "Failed to connect to OpenAI realtime: https://xxx.openai.azure.com//openai/realtime?xxx isn't a valid "
     "URI: scheme isn't ws or wss", None, R.format_error),
    # https://github.com/openai/openai-agents-python/issues/1748 and https://github.com/richiejp/VoxInput/issues/22:
    # a realtime client unable to read the server's event
    ("Error", "Failed to validate server event: {'type': 'session.created', 'event_id': 'event_CHTmmxdHhdm5uUqZifJY3', "
     "'session': {'object': 'realtime.session', 'id': 'sess_CHTmmc4pwK7Xy8j3EijDZ', 'model': "
     "'gpt-realtime-2025-08-28', 'modalities': ['audio', 'text'],", None, R.malformed_response),
    ("Error", "error receiving message, retrying:  unknown server event type: transcription_session.created", None,
     R.malformed_response),
])
def test_wave_109_caches_embeddings_and_realtime_clients_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 109 (before: a model's absence, a request defect under a 500, a dropped connection, unknown)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # a relay's 500 wrapping the upstream's refusal of a request field stays the request's
    ("Error", "Provider xxx returned 500: Provider returned 500: Internal Server Error | Upstream: {\"error\":{"
     "\"type\":\"request_fail\",\"upstream_error\":{\"error\":{\"message\":\"output_config: Extra inputs are not "
     "permitted\",\"type\":\"invalid_request_error\"}}}}", 500, R.format_error),
    # a model Bedrock does not serve, with no word of caching, stays the model's
    ("Error", "400 You invoked an unsupported model. See the documentation for more information.", 400,
     R.model_not_found),
    # a connection refused on a ws:// address stays the transport's
    ("Error", "Failed to connect to OpenAI realtime: [Errno 111] Connection refused", None, R.timeout),
])
def test_wave_109_near_misses_keep_their_reading(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """What the wave's fits must leave alone."""
    assert _rules_alone(type_name, text, status) is expect


# ------------------------------------------------------------------ wave 110: speech, Bedrock, cloud endpoints, logins


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/travisvn/openai-edge-tts/issues/44: aiohttp's handshake error after a client's words (the
    # URL's query, which carries Edge's public key, left out here)
    ("Error", "ERROR in server: Error in text_to_speech: 401, message='Invalid response status', "
     "url='wss://api.msedgeservices.com/tts/cognitiveservices/websocket/v1'", None, R.auth),
    # https://github.com/Bytez-com/models/issues/13: the status, a dash and the answer after a client's colon
    ("Error", "Error: Exception: Error during transcription: Exception: Failed to transcribe: 413 - {\"error\":"
     "\"Cannot read properties of undefined (reading 'error')\",\"output\":null}", None, R.payload_too_large),
    # https://github.com/aws-samples/amazon-kendra-langchain-extensions/pull/38: SageMaker's 424 for the container's
    # refusal of the body
    ("ValueError", "Error raised by inference endpoint: An error occurred (ModelError) when calling the InvokeEndpoint "
     "operation: Received client error (424) from primary with message \"{\n  \"code\":424,\n  \"message\":"
     "\"prediction failure\",\n  \"error\":\"Input payload must contain a 'inputs' key and optionally a "
     "'parameters' key containing a dictionary of parameters.\"", None, R.format_error),
    # https://github.com/philschmid/easyllm/issues/41: JumpStart's Llama 2 without its licence header
    ("Error", "Need to pass custom_attributes='accept_eula=true' as part of header. \nThis means you have read and "
     "accept the end-user license agreement (EULA) of the model.", None, R.format_error),
    # https://github.com/GoogleCloudPlatform/php-docs-samples/issues/331,
    # https://github.com/EpicenterHQ/epicenter/issues/1289, https://github.com/DevEmperor/DictateKeyboard/issues/281:
    # audio longer than the speech service takes
    ("Error", "{\n  \"error\": {\n    \"code\": 400,\n    \"message\": \"Audio 'content' cannot be longer than 1 min. "
     "For long audio, use the 'uri' parameter to specify a file.\",\n    \"status\": \"INVALID_ARGUMENT\"\n  }\n}",
     None, R.payload_too_large),
    ("Error", "Transcription Error: Audio duration must be between 0.1s and 64s", None, R.payload_too_large),
    ("Error", "Recording too long or too large", None, R.payload_too_large),
    # https://github.com/elevenlabs/elevenlabs-python/issues/119: a free tier disabled, under the SDK's RateLimitError
    ("elevenlabs.api.error.RateLimitError", "Unusual activity detected. Free Tier usage disabled. \n\nIf you are using "
     "proxy/VPN you might need to purchase a Paid Plan to not trigger our abuse detectors.\nPlease purchase any Paid "
     "Subscription to continue.", None, R.billing),
    # https://github.com/p0n1/epub_to_audiobook/issues/147: a voice the speech server does not have
    ("openai.BadRequestError", "Error code: 400 - {'detail': {'error': 'validation_error', 'message': \"Voice 'ballad' "
     "not found. Available voices: af_alloy, af_aoede, af_bella\", 'type': 'invalid_request_error'}}", 400,
     R.model_not_found),
    # https://github.com/cline/cline/issues/4080: Google's sign-in to repeat, not a revoked grant
    ("Error", "400 - {\"error\":\"invalid_grant\",\"error_description\":\"reauth related error (invalid_rapt)\","
     "\"error_uri\":\"https://support.google.com/a/answer/9368756\",\"error_subtype\":\"invalid_rapt\"}", None, R.auth),
    # https://github.com/arbs-io/vscode-openai/issues/321: an Entra ID token of another tenant
    ("Error", "Error: 400 Token xxx1 does not match resource tenant.", None, R.auth),
    # https://github.com/enricoros/big-AGI/issues/608: the key in another header than the endpoint's
    ("Error", "[Issue] OpenAI/azure: Bad Request - \"status\": \"Auth token must be passed as a header called "
     "Authorization\"", None, R.auth),
])
def test_wave_110_speech_sagemaker_and_cloud_logins_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 110 (before: an unreadable answer, a server fault under 424, a request defect, a revoked grant,
    a rate limit, unknown)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # aiohttp's payload errors carry its own 400: the body was cut, not refused
    ("aiohttp.client_exceptions.ClientPayloadError", "Response payload is not completed: <TransferEncodingError: 400, "
     "message='Not enough data for satisfy transfer length header.'>", None, R.stream_incomplete),
    # a 424 that names no request defect stays the dependency's failure
    ("Error", "424 Client Error: Failed Dependency for url: https://example.invalid/invocations", None,
     R.server_error),
    # a refresh token revoked stays revoked
    ("Error", "400 - {\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}", None,
     R.auth_permanent),
])
def test_wave_110_near_misses_keep_their_reading(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """What the wave's fits must leave alone."""
    assert _rules_alone(type_name, text, status) is expect


# ----------------------------------------------------------- waves 111 and 112: guardrails, quotas, files, token counts


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/Azure-Samples/azure-search-openai-demo/issues/2091 and
    # https://github.com/microsoft/sample-app-aoai-chatGPT/issues/137: Azure's quota allocation for a deployment
    ("Error", "Deployment Error Details:\nInvalidTemplateDeployment: The template deployment 'openai' is not valid "
     "according to the validation procedure. The tracking id is '4ea75276-7e89-4c9e-9211-b99a8b737c43'. See "
     "inner errors for details.\nInsufficientQuota: This operation require 30 new capacity in quota Tokens "
     "Per Minute (thousands) - GPT-4-Turbo, which is bigger than the current available capacity 8. The "
     "current quota usage is 0 and the quota limit is 8 for quota Tokens Per Minute (thousands) - "
     "GPT-4-Turbo.", None, R.billing),
    ("Error", "The specified capacity '1' of account deployment is bigger than available capacity '0' for UsageName "
     "'Tokens Per Minute (thousands) - GPT-35-Turbo'. (Code: InsufficientQuota)", None, R.billing),
    # https://github.com/Azure/AOAI-workshop/issues/11: a subscription not admitted to Azure OpenAI
    ("Error", "Error: Code=SpecialFeatureOrQuotaIdRequired; Message=The subscription does not have QuotaId/Feature "
     "required by SKU 'S0' from kind 'OpenAI' or contains blocked QuotaId/Feature.", None, R.provider_policy_blocked),
    # https://github.com/langgenius/dify/issues/28117: a retired moderation model
    ("Error", "[models] Bad Request Error, Error code: 400 - {'error': {'message': 'please request "
     "omni-moderation-latest', 'type': 'invalid_request_error', 'param': 'model', 'code': None}}", 400,
     R.model_not_found),
    # https://github.com/HKUDS/LightRAG/issues/11: tiktoken without an encoding for the model
    ("KeyError", "'Could not automatically map gpt-4o-mini to a tokeniser. Please use `tiktoken.get_encoding` to "
     "explicitly get the tokeniser you expect.'", None, R.model_not_found),
    # https://github.com/BerriAI/litellm/issues/25798: token counting not served for this model id
    ("Error", "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
     "\"claude-sonnet-4-6@default is not supported for token counting\"}}", None, R.model_not_found),
])
def test_waves_111_and_112_quotas_moderation_and_token_counts_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of waves 111 and 112 (before: a rate limit by the per-minute unit, a request defect, unknown)."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # a per-minute quota at call time stays a rate limit
    ("RateLimitError", "Error code: 429 - {'error': {'code': '429', 'message': 'Requests to the ChatCompletions_Create "
     "Operation under Azure OpenAI API version 2024-02-01 have exceeded token rate limit of your current OpenAI S0 "
     "pricing tier. Please retry after 6 seconds.'}}", 429, R.rate_limit),
    # a token count the request's own content stops stays the request's
    ("Error", "File sources are not supported in the token counting endpoint.", 400, R.format_error),
])
def test_waves_111_and_112_near_misses_keep_their_reading(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """What the waves' fits must leave alone."""
    assert _rules_alone(type_name, text, status) is expect


# ------------------------------------------------------------ wave 113: SDK versions, completion servers, histories


@pytest.mark.parametrize(("type_name", "text"), [
    # https://github.com/google-gemini/deprecated-generative-ai-python/issues/656: an SDK module without the class
    ("AttributeError", "module 'google.generativeai' has no attribute 'GenerativeModel'"),
    # https://github.com/home-assistant/core/issues/151021: an SDK client without the resource the code calls
    ("AttributeError", "'AsyncOpenAI' object has no attribute 'responses'"),
    # https://github.com/anthropics/anthropic-sdk-python/issues/45 and https://github.com/langbot-app/LangBot/issues/585:
    # imports the installed SDK does not have
    ("ImportError", "cannot import name 'Anthropic' from 'anthropic' (/home/ubuntu/claude_api/venv/lib/python3.11/"
     "site-packages/anthropic/__init__.py)"),
    ("ModuleNotFoundError", "No module named 'openai.error'"),
    # https://github.com/openai/openai-node/issues/816: openai-node's v3 code on v4
    ("TypeError", "OpenAI is not a constructor"),
    # https://github.com/MineDojo/Voyager/issues/132: LangChain's own check of the installed package
    ("pydantic.error_wrappers.ValidationError", "1 validation error for ChatOpenAI\n__root__\n  `openai` has no "
     "`ChatCompletion` attribute, this is likely due to an old version of the openai package. Try upgrading it with "
     "`pip install --upgrade openai`. (type=value_error)"),
])
def test_wave_113_the_callers_code_and_its_sdk_disagreeing_is_not_retried(type_name: str, text: str) -> None:
    """No request was sent and none will be until the code or the SDK changes: a request defect (before: unknown, or
    the gram model's guess of a server fault or a missing model)."""
    assert _rules_alone(type_name, text) is R.format_error


def test_wave_113_answers_and_servers_missing_attributes_are_not_the_callers_code() -> None:
    """What the fit must leave alone: an answer's missing field (the rules leave it to the word models) and a server's
    own import failure under its 500."""
    assert _rules_alone("AttributeError", "'NoneType' object has no attribute 'choices'") is not R.format_error
    assert _rules_alone("InternalServerError", "Error code: 500 - {'detail': \"No module named 'vllm.entrypoints'\"}",
                        500) is R.server_error


@pytest.mark.parametrize("text", [
    # https://github.com/carlrobertoh/ProxyAI/issues/799: Ollama's refusal of a suffix for a model without one
    '{"error": codellama:latest does not support insert"}',
    # https://github.com/mastra-ai/mastra/issues/3831: Mistral's order of roles inside a client's apology
    "Error: An error occurred while processing your request. Unexpected role 'user' after role 'tool'",
])
def test_wave_113_completion_and_history_defects_are_the_requests(text: str) -> None:
    """A fill-in-the-middle suffix a model takes none of, and roles out of order (before: the gram model's missing
    model, a server fault by the apology's words)."""
    assert _rules_alone("Error", text) is R.format_error


# ------------------------------------------------------------------ wave 114: routers, data platforms, other languages


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/diegosouzapw/OmniRoute/issues/4252: a router's 502 whose words say the call outran its timer
    ("Error", "ERROR 502: This job timed out after 30000 ms.", 502, R.timeout),
    # https://github.com/GoogleCloudPlatform/marketing-analytics-jumpstart/issues/211: BigQuery ML's service account
    # without the Vertex AI role, with Terraform's border wrapped into it
    ("Error", "\u2502 Error in query string: Error processing job 'marketing-data-engine-\n\u2502 "
     "demo:bqjob_r33a79743008e71dc_00000192bae30f5d_1': bqcx-216235317801-s3pp@gcp-sa-\n\u2502 "
     "bigquery-condel.iam.gserviceaccount.com does not have the permission to access\n\u2502 or use the endpoint. "
     "Please grant the Vertex AI user role to the service account\n\u2502 following https://cloud.google.com/bigquery/docs/"
     "generate-text-tutorial#grant-\n\u2502 permissions. If issue persists, contact bqml-feedback@google.com for help.",
     None, R.auth),
    # https://github.com/decolua/9router/issues/2356: OpenCode Zen's free allowance in rate-limit words
    ("Error", "API Error: 400 [429]: {\"type\":\"error\",\"error\":{\"type\":\"FreeUsageLimitError\","
     "\"message\":\"Rate limit exceeded. Please try again later.\"},\"metadata\":{}}", 400, R.billing),
])
def test_wave_114_routers_and_data_platforms_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 114 (before: a server fault by the 502, unknown, a rate limit by the message's words)."""
    assert _rules_alone(type_name, text, status) is expect


def test_wave_114_a_502_that_names_no_timer_stays_a_server_fault() -> None:
    """A bare 502 is still the upstream's failure; a rate limit's own words with no free-allowance type stay a rate
    limit."""
    assert _rules_alone("Error", "ERROR 502: Bad Gateway", 502) is R.server_error
    assert _rules_alone("Error", "API Error: 429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                        "\"message\":\"Rate limit exceeded. Please try again later.\"}}", 429) is R.rate_limit


def test_a_hosted_runtime_refusing_a_loopback_fetch_is_the_transport_not_the_key() -> None:
    """https://github.com/a16z-infra/ai-town/issues/265: Convex's cloud functions refuse to fetch a local Ollama
    ("forbidden": the request never left; all three corpus texts timeout, before: auth by the word); a 403 that says
    "forbidden" of a remote endpoint stays the key's."""
    text = "Uncaught Error: Request to http://localhost:11434/api/embeddings forbidden"
    assert _rules_alone("Error", text) is R.timeout
    assert _rules_alone("Error", "Request to https://api.openai.com/v1/chat/completions forbidden") is R.auth


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/linyqh/NarratoAI/issues/26: google-generativeai's accessor on a candidate with no parts, no
    # finish reason named: most often a safety block (before: a request defect by "invalid")
    ("Invalid operation: The `response.text` quick accessor requires the response to contain a valid `Part`",
     R.content_policy_blocked),
    # https://github.com/TuanNguyen27/Delegate/blob/0ab5b66fe5d8afb435205d003767788b1700e05e/GEMINI_ERRORS_GUIDE.md:
    # the same accessor with its finish reason 2 (MAX_TOKENS) named stays the cut answer
    ("Invalid operation: The `response.text` quick accessor requires the response \nto contain a valid `Part`, but "
     "none were returned. The candidate's [finish_reason] is 2.", R.output_truncated),
])
def test_the_genai_accessor_without_parts_is_a_block_unless_its_finish_reason_says_otherwise(
        text: str, expect: FailoverReason) -> None:
    """A Gemini answer with no parts behind google-generativeai's quick accessor."""
    assert _rules_alone("ValueError", text) is expect


@pytest.mark.parametrize(("type_name", "text"), [
    # https://github.com/vllm-project/vllm/issues/22515: gpt-oss's harmony parser on the server
    ("openai_harmony.HarmonyError", "Unexpected token 12606 while expecting start token 200006"),
    # ... and through a Bedrock-hosted gpt-oss, as Strands logs it
    ("Error", "Mandal stream error for request id unexpected token 200012 while expecting start token 200006"),
])
def test_a_servers_harmony_parser_failing_is_its_own_fault(type_name: str, text: str) -> None:
    """The serving side could not decode gpt-oss's own tokens: a server error, retried (before: unknown)."""
    assert _rules_alone(type_name, text) is R.server_error


def _antigravity_403_in_an_overloaded_envelope() -> str:
    """https://github.com/lbjlaq/Antigravity-Manager/issues/332: the relay's overloaded_error around Google's 403 for a
    project the account may not use, as Claude Code printed it (rebuilt byte for byte from its two JSON layers)."""
    inner = {"error": {"code": 403, "message": "Permission denied on resource project useful-spark-18ucq.",
                       "status": "PERMISSION_DENIED", "details": [
                           {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "CONSUMER_INVALID",
                            "domain": "googleapis.com", "metadata": {
                                "containerInfo": "useful-spark-18ucq", "consumer": "projects/useful-spark-18ucq",
                                "service": "cloudaicompanion.googleapis.com"}},
                           {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "en-US",
                            "message": "Permission denied on resource project useful-spark-18ucq."},
                           {"@type": "type.googleapis.com/google.rpc.Help", "links": [
                               {"description": "Google developers console",
                                "url": "https://console.developers.google.com"}]}]}}
    message = "All 3 attempts failed. Last error: HTTP 403: " + json.dumps(inner, indent=2) + "\n"
    return json.dumps({"error": {"message": message, "type": "overloaded_error"}, "type": "error"}, indent=2)


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/ZHO-ZHO-ZHO/ComfyUI-Gemini/issues/23: the configured proxy answered the CONNECT with a 405
    # (before: a request defect by the 405)
    ("Error", "Error occurred when executing Gemini_API_S_Zho:\n\nHTTPSConnectionPool(host='generativelanguage."
     "googleapis.com', port=443): Max retries exceeded with url: /v1beta/models/gemini-pro-vision:generateContent?"
     "%24alt=json%3Benum-encoding%3Dint (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection "
     "failed: 405 Method Not Allowed')))", None, R.timeout),
    # https://github.com/open-webui/open-webui/issues/15683: httpx given a SOCKS proxy without socksio (before: unknown)
    ("Error", "{\"error\": \"ImportError: Using SOCKS proxy, but the 'socksio' package is not installed. Make sure to "
     "install httpx using pip install httpx[socks].\"}", None, R.timeout),
    # https://github.com/ollama/ollama/issues/729: Go's TLS client answered in plain HTTP (before: the gram model's
    # request defect)
    ("Error", "download.go:166: couldn't download blob: Get \"https:///...../ollama/docker/registry/v2/blobs/...\": "
     "tls: first record does not look like a TLS handshake", None, R.tls_untrusted),
    # https://github.com/chatpire/chatgpt-web-share/issues/402: OpenAI's edge page for a network it refuses (before:
    # unknown)
    ("Error", "        <p>Unable to load site</p>\n      </div>\n      <span class=\"explanation\">\n        Please "
     "try again later. If you are using a VPN, try turning it off.\n        Check the\n        <a href=\"https://status."
     "openai.com/\" target=\"_new\">status page</a> for\n        information on outages.\n      </span>",
     None, R.provider_policy_blocked),
    # https://github.com/OpenHands/OpenHands/pull/2806: Google's credentials need a fresh login, under LiteLLM's
    # InternalServerError (before: a server fault)
    ("litellm.InternalServerError", "There was an unexpected error while running the agent: litellm."
     "InternalServerError: VertexAIException InternalServerError - Reauthentication is needed. Please run `gcloud "
     "auth application-default login` to reauthenticate.", None, R.auth),
    # https://github.com/lbjlaq/Antigravity-Manager/issues/332 (before: overloaded by the envelope's type)
    ("Error", _antigravity_403_in_an_overloaded_envelope(), None, R.auth),
    # https://github.com/microsoft/vscode/issues/253126: Copilot Chat's log line for a Messages API refusal (before:
    # the gram model's model_not_found)
    ("Error", "2026-07-08 15:33:20.510 [warning] [messagesAPI] Refusal received: category='frontier_llm' for model "
     "claude-fable-5", None, R.content_policy_blocked),
    # https://github.com/Azure-Samples/aks-store-demo/issues/203: Azure will not deploy a retired model version
    # (before: a request defect by the 400)
    ("Error", "Deployment Name: \"gpt-35-turbo\"): performing CreateOrUpdate: unexpected status 400 (400 Bad Request) "
     "with error: ServiceModelDeprecated: The model 'Publisher: , Format: OpenAI, Name: gpt-35-turbo, Version: 0613, "
     "Source: , SourceAccount: ' has been deprecated since 02/13/2025 00:00:00.", 400, R.model_not_found),
    # https://github.com/Branis333/BrainInk-Backend/blob/HEAD/users_micro/SAFETY_SETTINGS_FIX.md: the accessor's finish
    # reason 2 (MAX_TOKENS) behind the SDK's link (before: a block)
    ("Error", "Invalid operation: The `response.text` quick accessor requires the response to contain a valid `Part`, "
     "but none were returned. The candidate's [finish_reason](https://ai.google.dev/api/generate-content#finishreason)"
     " is 2.", None, R.output_truncated),
    # https://github.com/arunksinghbuee/AI-Tutor-Manim-Video-Generation/blob/HEAD/API_BLOCKING_GUIDE.md: finish reason 1
    # (STOP) with no part: an empty answer (before: a block)
    ("Error", "Invalid operation: The `response.text` quick accessor requires the response to contain a valid `Part`, "
     "but none were returned. The candidate's finish_reason is 1.", None, R.empty_response),
])
def test_waves_115_and_116_read_by_their_words(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of waves 115 and 116: proxies, TLS, edge pages, sign-in, refusals, retired models, Gemini stop values."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # the relay's envelope around Google's own capacity error stays overloaded
    ("Error", '{"error": {"message": "All 3 attempts failed. Last error: HTTP 503: The model is overloaded.", '
     '"type": "overloaded_error"}, "type": "error"}', None, R.overloaded),
    # finish reason 10 is not 1 (MALFORMED_FUNCTION_CALL; the accessor's default, a block, stays)
    ("Error", "Invalid operation: The `response.text` quick accessor requires the response to contain a valid `Part`, "
     "but none were returned. The candidate's finish_reason is 10.", None, R.content_policy_blocked),
])
def test_waves_115_and_116_near_misses_keep_their_reading(
        type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """What the fits of waves 115 and 116 must leave alone."""
    assert _rules_alone(type_name, text, status) is expect



@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/vllm-project/vllm/issues/10517: vLLM will not start an engine whose KV cache cannot hold one
    # sequence of the model's length (before: a prompt over the window)
    ("Error", "The model's max seq len (29000) is larger than the maximum number of tokens that can be stored in "
     "KV cache (23648). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the "
     "engine.", R.model_not_found),
    # https://github.com/UKGovernmentBEIS/inspect_ai/pull/5208: xAI's gRPC code for a prompt over its budget (before:
    # a request defect by INVALID_ARGUMENT)
    ("Error", "status = StatusCode.INVALID_ARGUMENT\ndetails = \"Failed to start sampling: [input_too_large] Current "
     "message (1149677 tokens) exceeds budget (975424 tokens)\"", R.context_overflow),
    # https://github.com/googleapis/js-genai/issues/529: @google/genai in Vertex mode with no credential found (before:
    # a request defect)
    ("Error", "An API Key must be set when running in an unspecified environment.", R.auth),
    # https://github.com/ultrasev/llmproxy: a relay's region refusal parsed into an answer object whose model is None
    # (before: a request without a model)
    ("Error", "ChatCompletion(id=None, choices=None, created=None, model=None, object=None, system_fingerprint=None, "
     "usage=None, error={'code': 400, 'message': 'User location is not supported for the API use.', 'status': "
     "'FAILED_PRECONDITION'})", R.provider_policy_blocked),
])
def test_waves_117_and_118_read_by_their_words(type_name: str, text: str, expect: FailoverReason) -> None:
    """Errors of waves 117 and 118: a serving engine too small for its model, xAI's budget, a missing Google
    credential, a refusal inside an empty answer object."""
    assert _rules_alone(type_name, text) is expect


def test_a_request_without_a_model_stays_the_requests_fault() -> None:
    """LiteLLM proxy's 400 for a call with no model stays the request's (the region fit needs the refusal's words)."""
    text = ("400: {'error': '/chat/completions: Invalid model name passed in model=None. Call `/v1/models` to view "
            "available models for your key.'}")
    assert _rules_alone("Error", text, 400) is R.format_error


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/promptfoo/promptfoo/pull/6624: Hugging Face's retired serverless host (before: unknown)
    ("Error", "API call error: https://api-inference.huggingface.co/ is no longer supported. Please use "
     "https://router.huggingface.co/ instead.", R.model_not_found),
    # https://github.com/chatchat-space/Langchain-Chatchat/issues/180: LangChain's HuggingFaceEndpoint could not log in
    # with its token (before: unknown)
    ("pydantic.v1.error_wrappers.ValidationError", "1 validation error for HuggingFaceEndpoint\n__root__\n  Could not "
     "authenticate with huggingface_hub. Please check your API token. (type=value_error)", R.auth),
    # https://github.com/zed-industries/zed/issues/29043: serde could not read a Gemini chunk without parts (before: a
    # request defect by "missing field"), its typo kept
    ("Error", "Error interacting with language model  \nmissing field `parts` at line 1 colunm 45  ",
     R.malformed_response),
    # the corpus's Rust stream client (holdout527): the same shape, spelt right
    ("Error", "JSON error: missing field `content` at line 36 column 5", R.malformed_response),
])
def test_wave_119_read_by_their_words(type_name: str, text: str, expect: FailoverReason) -> None:
    """Errors of wave 119: Hugging Face's retired host and its token refused, an answer serde could not read."""
    assert _rules_alone(type_name, text) is expect


@pytest.mark.parametrize(("text", "status"), [
    # axum behind TGI refusing the request's own JSON (a 422, or its words without a status)
    ("Failed to deserialize the JSON body into the target type: messages[1]: missing field `content` at line 1 "
     "column 210", 422),
    ("Failed to deserialize the JSON body into the target type: missing field `messages` at line 1 column 123", None),
    # a gateway parsing the request, not the answer
    ("processing failed: failed to parse request: missing field 'tool_call_id' at line 1 column 88", None),
])
def test_a_servers_refusal_of_the_requests_json_stays_a_request_defect(text: str, status: int | None) -> None:
    """serde's missing field in the request a server read is the request's fault, not an unreadable answer."""
    assert _rules_alone("Error", text, status) is R.format_error


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/justlovemaki/AIClient2API/issues/647: Google's 404 words under a relay's invalid_request_error
    # type (before: a request defect by the 400 the type implies)
    ("Error", "Chat completion request error:  Not Found {\"error\":{\"message\":\"Requested entity was not found.\","
     "\"type\":\"invalid_request_error\",\"code\":\"invalid_request_error\"}}", R.model_not_found),
    # https://github.com/openai/codex/issues/18307: OpenRouter refusing a Responses request's shape (before: an
    # unreadable answer by "invalid responses")
    ("Error", "{\"error\":{\"code\":\"invalid_prompt\",\"message\":\"Invalid Responses API request\"},\"metadata\":"
     "{\"raw\":\"[\\n  {\\n    \\\"code\\\": \\\"invalid_union\\\",\\n    \\\"errors\\\":", R.format_error),
    # https://github.com/openai/codex/issues/6158: nothing answered on the local Ollama port (before: unknown)
    ("Error", "Error: OSS setup failed: No running Ollama server detected. Start it with: `ollama serve` (after "
     "installing). Install instructions: https://github.com/ollama/ollama?tab=readme-ov-file#ollama", R.timeout),
    # https://github.com/omnara-ai/omnara/issues/501: OpenRouter's account setting excluded the only endpoint (before:
    # the gram model's missing model)
    ("Error", "Paid model training violation (account settings): 1 endpoint excluded", R.provider_policy_blocked),
])
def test_wave_120_read_by_their_words(type_name: str, text: str, expect: FailoverReason) -> None:
    """Errors of wave 120: a relay's type around Google's 404, OpenRouter's refusals, a local server not running."""
    assert _rules_alone(type_name, text) is expect


def test_an_answer_said_invalid_stays_the_answers_and_google_404_under_a_real_400_stays_the_requests() -> None:
    """The API's name is not the answer ("Invalid Responses API request"), but an invalid response still is; the 404
    words under a 400 the server stated are left to the status rules."""
    assert _rules_alone("Error", "The model returned an invalid response, please retry") is R.malformed_response
    text = "400 Bad Request: Requested entity was not found. The request's cachedContent name is invalid."
    assert _rules_alone("Error", text, 400) is R.format_error


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/google/generative-ai-docs/issues/77: a disabled service with a qualifier after "API" (before:
    # unknown)
    ("Generative Language API (Staging) has not been used in project 131675271456 before or it is disabled. Enable it "
     "by visiting https://console.developers.google.com/apis/api/staging-generativelanguage.sandbox.googleapis.com/"
     "overview?project=131675271456 then retry. If you enabled this API recently, wait a few minutes for the action to "
     "propagate to our systems and retry.", R.auth),
    # https://github.com/orhanerday/open-ai/issues/34: PHP's curl found no resolver (before: unknown)
    ("Could not resolve: api.openai.com (Could not contact DNS servers)", R.timeout),
    # https://github.com/egoist/chatwise-releases/issues/328: reqwest's connect failure (before: the gram model's
    # request defect)
    ("Anthropic (anthropic) provider error:\n\nError client error (Connect)", R.timeout),
])
def test_registration_of_waves_115_to_120_fits(text: str, expect: FailoverReason) -> None:
    """Three wordings of waves 116-118 read by the transport and credential phrases they extend."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/pydantic/pydantic-ai (a service wrapping ModelHTTPError in its own '500:' at each layer): the
    # provider's 400 after three of the wrapper's 500s (before: a server fault by the first 500)
    ("Error", "500: Unexpected error: 500: Error processing AI query: 500: Error running data analyst: status_code: "
     "400, model_name: grok-3-mini-fast-latest, body: Invalid request content: `strict` mode on function call is "
     "currently not supported.", R.format_error),
    # https://github.com/anomalyco/opencode/issues/36791: a certificate valid only after the machine's clock (before:
    # the transport, by "cannot connect")
    ("Error", "Cannot connect to API: certificate is not yet valid", R.tls_untrusted),
    # https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1089: zod's issue list for a Responses answer without
    # a field (before: a request defect, by "invalid input")
    ("ZodError", '[\n  {\n    "expected": "array",\n    "code": "invalid_type",\n    "path": [\n      "output",\n'
     '      0,\n      "content",\n      0,\n      "annotations"\n    ],\n    "message": "Invalid input: expected '
     'array, received undefined"\n  }\n]', R.malformed_response),
    # https://github.com/maximhq/bifrost/issues/1173: botocore could not parse a gateway's event stream (before: a
    # request defect, by "invalid")
    ("botocore.parsers.ResponseParserError", "Invalid service response: ReasoningContentBlockDelta must have one and "
     "only one member set.", R.malformed_response),
    # https://github.com/QuantumNous/new-api/pull/1276: "error while parsing the response data" (before: the gram
    # model's server fault)
    ("Error", "解析响应数据时发生错误", R.malformed_response),
])
def test_wave_121_read_by_their_words(type_name: str, text: str, expect: FailoverReason) -> None:
    """Errors of wave 121: an inner 400 past a wrapper's repeated 500s, a certificate not yet valid, answers a client
    could not read."""
    assert _rules_alone(type_name, text) is expect


def test_a_proxys_header_timeout_under_its_502_is_a_timeout() -> None:
    """Go's "timeout awaiting response headers" in a proxy's 502 body: the upstream was too slow (before: a server
    fault by the 502, its "upstream error" blocking the timeout words). https://github.com/NVIDIA/Personal-AI-Router/
    issues/57"""
    error = exception_from_http("openai", 502, {"error": "upstream error: net/http: timeout awaiting response headers"})
    assert classify_api_error(error, word_model=NO_MODEL).reason is R.timeout


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # the wrapper's own 5xx at every layer, no 4xx inside: still the server's
    ("Error", "500: Unexpected error: 500: Error processing AI query: 500: internal failure", None, R.server_error),
    # a zod issue list whose path is the request's messages stays a request defect
    ("ZodError", '[{"expected": "string", "code": "invalid_type", "path": ["messages", 0, "content"], "message": '
     '"Invalid input: expected string, received array"}]', None, R.format_error),
    # a 502 whose only words are the upstream's failure, no timeout, stays a server fault
    ("Error", "upstream error: connection reset by peer", 502, R.server_error),
])
def test_wave_121_fits_leave_their_near_misses(type_name: str, text: str, status: int | None,
                                               expect: FailoverReason) -> None:
    """What the wave 121 fits must not read: no inner 4xx, a request's own path, a 502 without a timeout."""
    assert _rules_alone(type_name, text, status) is expect


_ZERO_QUOTA_BODY: Final = {"error": {
    "code": 429, "status": "RESOURCE_EXHAUSTED",
    "message": "You exceeded your current quota, please check your plan and billing details. For more information on "
               "this error, head to https://ai.google.dev/gemini-api/docs/rate-limits",
    "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{
        "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
        "quotaId": "GenerateContentRequestsPerModelPerMinutePerProjectPerRegion",
        "quotaDimensions": {"model": "gemini-2.5-flash-image", "location": "global"},
        "quotaValue": "0", "futureQuotaValue": "0"}]}]}}


@pytest.mark.parametrize(("value", "expect"), [
    # https://discuss.ai.google.dev/t/123906: a paid project's image model under a free-tier quota of zero (before: a
    # rate limit, by the quota's per-minute id)
    ("0", R.billing),
    # near miss: the same per-minute quota with an allowance stays a rate limit
    ("10", R.rate_limit),
])
def test_a_quota_failure_with_a_zero_value_is_billing(value: str, expect: FailoverReason) -> None:
    """Google's QuotaFailure naming a violated quota whose value is zero: no wait restores it."""
    body = json.loads(json.dumps(_ZERO_QUOTA_BODY).replace('"quotaValue": "0"', f'"quotaValue": "{value}"'))
    assert classify_api_error(exception_from_http("openai", 429, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/ding113/claude-code-hub/issues/471: Anthropic's orphaned tool result inside a relay's 500
    # (before: a server fault by the 500)
    ("Error", 'Provider cubence returned 500: Provider returned 500: 500 | Upstream: {"error":{"type":"request_fail",'
     '"upstream_error":{"error":{"message":"messages.4.content.0: unexpected `tool_use_id` found in `tool_result` '
     'blocks: toolu_01GeLJZMgXCwn6LRTHbGBbCa. Each `tool_result` block must have a corresponding `tool_use` block in '
     'the previous message.","type":"invalid_request_error"},"type":"error"}},"type":"error"}', 500, R.format_error),
    # https://github.com/microsoft/mcp-for-beginners/issues/262: LangChain4j built with no key (before: a request
    # defect)
    ("java.lang.IllegalArgumentException", "Either apiKey or credential must be set to authenticate", None, R.auth),
    # https://github.com/betalgo/openai/issues/266: System.Text.Json reading an answer's field (before: the gram
    # model's request defect)
    ("System.InvalidOperationException", "Cannot get the value of a token type 'Number' as a string.", None,
     R.malformed_response),
])
def test_wave_122_read_by_their_words(type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 122: a tool result without its call under a relay's 500, a client built without a key, a .NET
    reader's type mismatch in an answer."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/anthropics/claude-code/issues/13877: the bare limit line with a date two days on (before: the
    # gram model's rate limit)
    ("Limit reached · resets Dec 15, 3pm (America/Chicago)", R.billing),
    # near miss: the same line with an hour and no date is the session window's, within a day
    ("Limit reached · resets 8pm (America/Chicago)", R.rate_limit),
])
def test_claude_codes_bare_limit_line_reads_its_reset(text: str, expect: FailoverReason) -> None:
    """Claude Code's "Limit reached · resets ..." names no window: a date is days away (billing), an hour within a
    day (rate_limit)."""
    assert _rules_alone("Error", text) is expect


@pytest.mark.parametrize(("build", "expect"), [
    # https://github.com/aaamoon/copilot-gpt4-service/issues/203: the relay's 500 for a token it could not exchange
    # (before: a server fault by the 500)
    (lambda: exception_from_http("openai", 500, {"error": "Failed to get authorization from token"}), R.auth),
    # Helicone's 500 for a malformed key, as the SDK raised it (before: a server fault)
    (lambda: exception_from_message("openai.InternalServerError", "API Key is not well formed"), R.auth),
    # near miss: a real 500 that names no key stays the server's
    (lambda: exception_from_http("openai", 500, {"error": "Failed to get completion from upstream"}), R.server_error),
])
def test_bad_key_words_under_a_real_500_are_auth(build: Any, expect: FailoverReason) -> None:
    """A relay or proxy that sends its key check's failure as a 500: no retry fixes the key."""
    assert classify_api_error(build(), word_model=NO_MODEL).reason is expect


def test_a_relays_model_load_too_high_event_is_overload() -> None:
    """A relay's stream error event saying the model's load is too high ("当前模型负载过高") under the code
    server_error: back off on the same key (before: a server fault by the code).
    https://github.com/router-for-me/CLIProxyAPI/issues/2192"""
    event = {"type": "error", "sequence_number": 0, "message": "relay: 当前模型负载过高\uff0c请稍后重试", "param": None,
             "code": "server_error"}
    classified = classify_soft_failure(outcome_from_event(event), word_model=NO_MODEL)
    assert classified is not None and classified.reason is R.overloaded
    # near miss: the same event without the load words stays the server's fault
    plain = classify_soft_failure(outcome_from_event({**event, "message": "relay: 服务内部错误"}), word_model=NO_MODEL)
    assert plain is not None and plain.reason is R.server_error


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/tinovyatkin/amazon-bedrock-copilot-chat/issues/75: an administrator's explicit deny in an
    # identity-based policy (before: auth, by "not authorized")
    ("AccessDeniedException", "... is not authorized to perform: bedrock:InvokeModelWithResponseStream\non resource: "
     "arn:aws:bedrock:us-east-1:<acct>:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0\nwith an "
     "explicit deny in an identity-based policy", None, R.provider_policy_blocked),
    # https://github.com/n8n-io/n8n/issues/9084: Bedrock's modelId pattern check on a context variant's id (before: a
    # request defect by the 400)
    ("Error", "Error 400: 1 validation error detected: Value 'anthropic.claude-3-haiku-20240307-v1:0:200k' at "
     "'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:aws(-[^:]+)?:...)",
     400, R.model_not_found),
    # https://github.com/anomalyco/opencode/issues/39827: OpenCode Zen's account blocked upstream (before: the gram
    # model's content block)
    ("Error", '{"type":"error","error":{"type":"AuthError","message":"Request blocked by upstream provider."}}', None,
     R.auth_permanent),
    # https://github.com/microsoft/vscode/pull/324121: Copilot Chat's answer stopped at the output cap (before: the
    # gram model's context overflow)
    ("Error", "Response too long.", None, R.output_truncated),
    # near miss: a denial with no explicit deny stays the key's
    ("AccessDeniedException", "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: "
     "bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/x", None, R.auth),
])
def test_wave_125_read_by_their_words(type_name: str, text: str, status: int | None, expect: FailoverReason) -> None:
    """Errors of wave 125: Bedrock's explicit deny and modelId check, a gateway's blocked account, an answer too
    long."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("model_words", "expect"), [
    # https://github.com/songquanpeng/one-api/issues/1009: one-api's 503 for a request whose model it read as blank
    # (two spaces where the name goes; before: a model this group does not serve)
    ("对于模型  无可用渠道", R.format_error),
    # near miss: the same 503 naming a model is the model this group does not serve
    ("对于模型 gpt-4o-mini 无可用渠道", R.model_not_found),
])
def test_one_apis_503_for_a_blank_model_is_a_request_defect(model_words: str, expect: FailoverReason) -> None:
    """one-api's "no channel for the model" under its 503: blank, the request named no model."""
    body = {"error": {"message": f"当前分组 default 下{model_words} (request id: 20240217221420431221851eBgCEaZ1)",
                      "type": "one_api_error"}}
    assert classify_api_error(exception_from_http("openai", 503, body), word_model=NO_MODEL).reason is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/Wei-Shaw/sub2api/issues/2814: Codex's cut stream around the relay's bare words (before: a
    # server fault by "Upstream request failed")
    ("stream disconnected before completion: Upstream request failed", R.stream_incomplete),
    # near misses: the relay's words alone, and Codex's cut stream around a server's own fault, stay a server fault
    ("upstream_error: Upstream request failed", R.server_error),
    ("stream disconnected before completion: Internal server error", R.server_error),
])
def test_codexs_cut_stream_around_a_relays_failed_upstream(text: str, expect: FailoverReason) -> None:
    """Codex's "stream disconnected before completion" around sub2api's "Upstream request failed": the stream broke."""
    assert _rules_alone("Error", text) is expect


def test_copilots_portuguese_public_code_block_is_a_content_block() -> None:
    """Copilot Chat's public-code filter in its Portuguese UI, as the English "matched public code" (before: the gram
    model's request defect). https://github.com/microsoft/vscode-copilot-release/issues/2585"""
    text = "A resposta correspondeu ao código público, por isso foi bloqueada. Reformular o promp"
    assert _rules_alone("Error", text) is R.content_policy_blocked


_BEDROCK_FRAME: Final = ("Bad response code, expected 200: {'status_code': 400, 'headers': {':exception-type': "
                         "'%s', ':content-type': 'application/json', ':message-type': 'exception'}, 'body': "
                         "b'{\"message\":\"%s\"}'}")


@pytest.mark.parametrize(("exception_type", "message", "expect"), [
    # https://github.com/NousResearch/hermes-agent (a subagent's turn through the anthropic SDK's Bedrock stream): the
    # frame's 400 is the stream's convention, its type a server fault (before: a request defect by that 400)
    ("internalServerException", "The system encountered an unexpected error during processing. Try your request "
     "again.", R.server_error),
    # near misses: a frame whose type is the request's defect or a throttle stays so
    ("validationException", "messages.1.content: Field required", R.format_error),
    ("throttlingException", "Too many requests, please wait before trying again.", R.rate_limit),
])
def test_a_bedrock_stream_frames_400_is_not_the_errors_status(exception_type: str, message: str,
                                                               expect: FailoverReason) -> None:
    """An AWS event-stream exception frame printed after a client's own words: its exception type decides, not the
    400 every exception frame carries."""
    assert _rules_alone("ValueError", _BEDROCK_FRAME % (exception_type, message)) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/zeitlings/ayai-gpt-nexus/issues/9: Swift's DecodingError of a finish reason it did not know
    # (before: a request defect by "invalid")
    ("Error", "\U001001fe [Decoding Error > Data Corrupted] Cannot initialize StopReasonOpenAI from invalid String "
     "value endturn.\nCoding Path: [CodingKeys(stringValue: \"choices\", intValue: nil), JSONKey(stringValue: "
     "\"Index 0\", intValue: 0), CodingKeys(stringValue: \"finish_reason\", intValue: nil)].", None,
     R.malformed_response),
    # https://github.com/CherryHQ/cherry-studio/issues/7400 and ChatWise: AiHubMix with no adaptor for the model on the
    # route (before: unknown)
    ("Error", 'AiHubMix (cus_aihubmix) provider error:\n{"error":{"message":"get_adaptor_failed (tid: '
     '2025072903295778437322725968671)","type":"Aihubmix_api_error"},"type":"error"}', None, R.model_not_found),
    # LobeChat around AiHubMix's no_valid_channel_error (before: unknown)
    ("Error", '{"body":{"error":{"message":"{\\"error\\":{\\"message\\":\\"no_valid_channel_error (tid: xxx)\\",'
     '\\"type\\":\\"Aihubmix_api_error\\"},\\"type\\":\\"error\\"}"},"provider":"google"},"errorType":'
     '"ProviderBizError"}', None, R.model_not_found),
    # https://github.com/BerriAI/litellm (a GitHub Action through AiHubMix): its refusal of a model id under a 400
    # (before: a request defect by the 400)
    ("Error", "Error code: 400 - {'error': {'message': 'Incorrect model ID. Please request to view the model page or "
     "you do not have permission to use this model  (tid: 2026022815190591577463461966104)', 'type': "
     "'Aihubmix_api_error'}}", 400, R.model_not_found),
    # https://github.com/iflytek/spark-ai-python/issues/27: iFlytek Spark's per-AppID requests-a-second cap (before:
    # unknown)
    ("Error", "Error Code: 11202, Error: AppIdQpsOverFlowError", None, R.rate_limit),
    # Azure AI Foundry: Entra ID's Conditional Access refusing the token (before: auth by the 403)
    ("Error", "POST https://obotoken.vienna-swedencentral.svc/obotoken/v1.0/saveusertoken/v2  \n403 Forbidden  \n"
     "Error Code: UserError/ForbiddenError  \nAADSTS53003: Access has been blocked by Conditional Access policies. The "
     "access policy does not allow token issuance.", 403, R.provider_policy_blocked),
])
def test_waves_127_128_read_by_their_words(type_name: str, text: str, status: int | None,
                                           expect: FailoverReason) -> None:
    """Errors of waves 127 and 128: Swift's decoding error, AiHubMix's model refusals, Spark's QPS cap, Entra's
    Conditional Access."""
    assert _rules_alone(type_name, text, status) is expect


_ADC_MISSING: Final = ("Your default credentials were not found. To set up Application Default Credentials, see "
                       "https://cloud.google.com/docs/authentication/external/set-up-adc for more information.")


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/BerriAI/litellm/issues/3610: no application-default credentials, the model named after them
    # (before: model_not_found by "not found" and "Model")
    ("APIError", f"VertexAIException - {_ADC_MISSING} \nModel: gemini-pro\nMessages: [{{'role': 'system', 'content': "
     "'you are a chatbot'}, {'role': 'user', 'content': 'hello there'}]", None, R.auth),
    # AIWriteX: the same under LiteLLM's connection class (before: a transport fault by the class)
    ("litellm.APIConnectionError", f"litellm.APIConnectionError: {_ADC_MISSING}", None, R.auth),
    # WeVoteServer: IAM's refusal naming a model that "may not exist" (before: model_not_found by those words)
    ("Error", "Error response from Vertex Model: 403 Permission 'aiplatform.endpoints.predict' denied on resource "
     "'//aiplatform.googleapis.com/projects/we-vote-ballot/locations/us-west1/publishers/google/models/text-bison@"
     "latest' (or it may not exist). [reason: \"IAM_PERMISSION_DENIED\"", 403, R.auth),
    # the same refusal under a real 500, as bad-key words are read there
    ("Error", "Error code: 500 - Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis."
     "com/projects/p/locations/us-central1/publishers/google/models/gemini-pro' (or it may not exist).", 500, R.auth),
    # near misses: a model that does not exist, and a connection that failed, with no identity words, stay so
    ("APIError", "VertexAIException - Publisher Model `gemini-pro-x` was not found or your project does not have "
     "access to it.", None, R.model_not_found),
    ("litellm.APIConnectionError", "litellm.APIConnectionError: Connection error.", None, R.timeout),
])
def test_googles_identity_words_outrank_the_model_and_class(type_name: str, text: str, status: int | None,
                                                            expect: FailoverReason) -> None:
    """Google's refusal or absence of the caller's identity is the credential's, whatever model or class surrounds
    it."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/MoonshotAI/kimi-agent-sdk/issues/169: Moonshot's missing reasoning under a relay's "Service
    # temporarily unavailable." banner (before: overload by the banner's words under the 400)
    ("Error", "Service temporarily unavailable.\n{\"jsonrpc\":\"2.0\",\"id\":\"2_1776935426777\",\"error\":{\"code\":"
     "-32003,\"message\":\"Error code: 400 - {'error': {'type': '<nil>', 'message': 'thinking is enabled but "
     "reasoning_content is missing in assistant tool call message at index 13 (request id: "
     "202604230913188261227178268d9d624DV4QBl)'}, 'type': 'error'}\",\"data\":null}}", 400, R.format_error),
    # https://github.com/microsoft/autogen/issues/1521: LM Studio's refusal of an empty message in its server log
    # (before: a server fault by "[Server Error]")
    ("Error", "[2024-02-02 20:12:37.871] [ERROR] [Server Error] {\"title\":\"'messages' array must only contain "
     "objects with a 'content' field that is not empty\"}", None, R.format_error),
    # https://github.com/ollama/ollama/issues/11320: Ollama's runner given image bytes it cannot decode (before:
    # unknown)
    ("Error", "time=2025-07-07T08:25:13.275Z level=INFO source=server.go:817 msg=\"llm predict error: Failed to create "
     "new sequence: failed to process inputs: image: unknown format\"", None, R.format_error),
    # https://github.com/tailcallhq/forgecode/issues/2107: a history ending in a thinking block, as Forge printed
    # Anthropic's body (before: the gram model's thinking signature; with its 400, a request defect)
    ("Error", "{\n  \"type\": \"error\",\n  \"error\": {\n    \"type\": \"invalid_request_error\",\n    \"message\": "
     "\"messages.17: The final block in an assistant message cannot be `thinking`.\"\n  },\n}", None,
     R.prefill_unsupported),
    # https://github.com/wyeeeee/hajimi/issues/238: hajimi's log of Gemini's empty answers (before: unknown)
    ("Error", "2025-07-08 13:04:05WARNING[AIzaSyB4]fake-stream[gemini-2.5-pro] : 请求返回空响应\n"
     "2025-07-08 13:04:05WARNING[AIzaSyB4]stream[gemini-2.5-pro] : 空响应计数: 13/13", None, R.empty_response),
    # near misses: the banner alone stays capacity; a real overload under a 400 stays so
    ("Error", "Service temporarily unavailable.", None, R.overloaded),
    ("Error", "API error (400): Our servers are currently overloaded", 400, R.overloaded),
])
def test_waves_129_130_read_by_their_words(type_name: str, text: str, status: int | None,
                                           expect: FailoverReason) -> None:
    """Errors of waves 129 and 130: a request defect under an overload banner, LM Studio's empty message, Ollama's
    undecodable image, a history ending in thinking, a relay's empty answers."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/sourcegraph/cody/issues/6234: Cody's daily allowance, no reset stated (before: unknown)
    ("Error", "You've used all of your chat messages and commands for today.", None, R.billing),
    # https://github.com/cohere-ai/notebooks/issues/237: Cohere's 422 for a generation that was neither a tool call nor
    # a reply (before: a request defect by the 422)
    ("UnprocessableEntityError", "status_code: 422, body: data=None message='No valid tool call or response generated'",
     422, R.malformed_response),
    # https://github.com/ollama/ollama/issues/3931: a pulled blob that arrived corrupted (before: a request defect by
    # "mismatch")
    ("Error", "Error: digest mismatch, file must be downloaded again: want sha256:970aa74c0a90ef7482477cf803618e776e1"
     "73c007bf957f635f1015bfcfef0e6, got sha256:bea7e365d4085c35b0cfc78f9285682c6c7df7a15ac58f1905542659871024fd", None,
     R.transient),
    # https://github.com/ollama/ollama/issues/3431: the CUDA runtime's failure in Ollama's runner log (before: the gram
    # model's model_not_found)
    ("Error", "CUDA error: out of memory\n  current device: 0, in function alloc at C:\\a\\ollama\\ollama\\llm\\"
     "llama.cpp\\ggml-cuda.cu:532\n  cuMemSetAccess(pool_addr + pool_size, reserve_size, &access, 1)\nGGML_ASSERT: "
     "C:\\a\\ollama\\ollama\\llm\\llama.cpp\\ggml-cuda.cu:193: !\"CUDA error\"", None, R.server_error),
    # https://github.com/ollama/ollama/issues/630: the model load outran Ollama's load timeout, as 5 of the corpus's 6
    # texts of it are labelled (before: a server fault)
    ("Error", "Error: timed out waiting for llama runner to start:", None, R.timeout),
    # near misses: PyTorch's "CUDA out of memory" (no "CUDA error") stays capacity; a 422 naming a bad field stays the
    # request's defect
    ("torch.cuda.OutOfMemoryError", "CUDA out of memory. Tried to allocate 166.00 MiB (GPU 0; 8.00 GiB total capacity; "
     "6.93 GiB already allocated; 0 bytes free; 7.22 GiB reserved in total by PyTorch)", None, R.overloaded),
    ("UnprocessableEntityError", "status_code: 422, body: data=None message='invalid request: message must be at least "
     "1 token long or tool results must be specified.'", 422, R.format_error),
])
def test_waves_131_132_read_by_their_words(type_name: str, text: str, status: int | None,
                                           expect: FailoverReason) -> None:
    """Errors of waves 131 and 132: Cody's daily allowance, Cohere's unusable generation, Ollama's corrupted pull, the
    CUDA runtime's failure, Ollama's runner load timeout."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/aws/amazon-q-developer-cli/issues/1210: the Rust HTTP stack's body that broke off mid-answer
    # (before: an unreadable answer by "error decoding response body")
    ("Amazon Q is having trouble responding right now: \n   0: Failed to receive the next message: request_id: "
     "e7c00ced-bfe8-4009-a96a-76b3bdaefa5f, error: dispatch failure (io error): request or response body error\n   1: "
     "dispatch failure\n   2: io error\n   3: request or response body error\n   4: error decoding response body",
     R.stream_incomplete),
    # near miss: a body that arrived whole but did not decode stays unreadable
    ("error decoding response body: expected value at line 1 column 1", R.malformed_response),
])
def test_a_response_body_that_broke_off_is_a_cut_stream(text: str, expect: FailoverReason) -> None:
    """hyper's "request or response body error" under reqwest's "error decoding response body": the body stopped."""
    assert _rules_alone("Error", text) is expect


def test_llama_servers_undecodable_image_is_a_request_defect() -> None:
    """llama-server's multimodal helper given image bytes it cannot decode (a HEIC photo sent as it was): re-encode the
    image, a resend fails (before: unknown). https://github.com/potato-os/core/pull/89"""
    assert _rules_alone("Error", "mtmd_helper_bitmap_init_from_buf: failed to decode image bytes") is R.format_error


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/openai/codex/issues/45704: the ChatGPT app's throttle with no window named (before: unknown)
    ("Error", "You\u2019ve reached your limit. Please try again later.", None, R.rate_limit),
    # https://github.com/anticipation-labs/canopy/issues/13: CodeRabbit's per-window review cap (before: unknown)
    ("Error", "> `@AndresL230`, you've reached your PR review limit, so we couldn't start this review.\n> \n> **Next "
     "review available in:** **9 minutes**", None, R.rate_limit),
    # https://github.com/aandrew-me/tgpt/issues/123: a web-session relay's day of messages under a 429 (before: overload
    # by "Please try again later")
    ("Error", "Some error has occurred. Statuscode: 429\n{\"error\":{\"code\":\"error\",\"message\":\"You've reached "
     "our limit of messages per 24 hours. Please try again later.\",\"param\":null,\"type\":\"429 Too Many "
     "Requests\"}}", 429, R.billing),
    # https://github.com/googleapis/dotnet-genai/issues/305: two client settings that exclude each other (before: the
    # gram model's auth)
    ("Error", "Project/location and API key are mutually exclusive in the client initializer.", None, R.format_error),
    # https://github.com/0x676e67/ninja/issues/249: ChatGPT's web backend refusing a web-session client (before: auth
    # by the 403)
    ("Error", "{\"code\":\"403\",\"msg\":\"HTTP status client error (403 Forbidden) for url (https://chat.openai.com/"
     "backend-api/conversation)\"}", 403, R.provider_policy_blocked),
    # near misses: a 404 from the same backend stays a wrong route; a bare 403 of the API stays the key's; a window of
    # an hour stays a throttle
    ("Error", "404 Not Found: https://chat.openai.com/backend-api/conversations", 404, R.model_not_found),
    ("PermissionDeniedError", "Error code: 403 - {'error': {'message': 'Forbidden'}}", 403, R.auth),
    ("Error", "You've reached our limit of messages per hour. Please try again later.", None, R.rate_limit),
])
def test_majority_wordings_the_rules_went_against(type_name: str, text: str, status: int | None,
                                                   expect: FailoverReason) -> None:
    """Wordings every corpus text of which carries one label, which the rules read otherwise until now."""
    assert _rules_alone(type_name, text, status) is expect


@pytest.mark.parametrize(("text", "expect"), [
    # https://github.com/googleapis/python-aiplatform/issues/3257: the Vertex SDK's ValueError for a candidate with no
    # parts, which three of the corpus's four texts of it label a safety block, as the SDK's own message guesses
    # (before: an empty answer)
    ("Content has no parts.", R.content_policy_blocked),
    ("Cannot get the Candidate text.\nResponse candidate content has no parts (and thus no text). The candidate is "
     "likely blocked by the safety filters.\nContent:\n{}", R.content_policy_blocked),
    # near misses: the accessor's other words, the guess printed with finish reason OTHER
    # (https://github.com/GoogleCloudPlatform/generative-ai/issues/344) and a candidate that finished normally stay an
    # empty answer
    ("Cannot get the response text.", R.empty_response),
    ("Response candidate content has no parts (and thus no text). The candidate is likely blocked by the safety "
     "filters.\nContent:\n{}\nCandidate:\n{\n  \"finish_reason\": \"OTHER\"\n}", R.empty_response),
    ("Invalid operation: The `response.text` quick accessor requires the response to contain a valid `Part`, but none "
     "were returned. The candidate's [finish_reason](https://ai.google.dev/api/generate-content#finishreason) is 1.",
     R.empty_response),
])
def test_vertexs_candidate_without_parts_is_a_safety_block(text: str, expect: FailoverReason) -> None:
    """The Vertex SDK's "Content has no parts": a candidate the safety filters emptied, as google-generativeai's
    accessor on a candidate without parts reads."""
    assert _rules_alone("ValueError", text) is expect


@pytest.mark.parametrize(("type_name", "text", "status", "expect"), [
    # https://github.com/ggml-org/llama.cpp/issues/13178: llama.cpp's template raising on a tool history, under the
    # runtime error's 500 (before: a server fault by the code server_error)
    ("openai.InternalServerError", "Error code: 500 - {'error': {'code': 500, 'message': \"Cannot subscript null at "
     "row 23, column 40:\\n    {%- set tool_start_length = tool_start|length %}\\n\", 'type': 'server_error'}}", 500,
     R.format_error),
    # https://github.com/janhq/jan/issues/6123: the same engine on a history its template splits (before: a server
    # fault by the 500)
    ("Error", "API request failed with status 500: {\"error\":{\"code\":500,\"message\":\"Value is not callable: "
     "null at row 49, column 79:\\n                {%- set content = (m_content.split('</think>')|last) %}\"}}", 500,
     R.format_error),
    # near misses: a 500 with no place in a template stays the server's; a row and column of a parse error in the
    # answer stays an unreadable answer
    ("openai.InternalServerError", "Error code: 500 - {'error': {'code': 500, 'message': 'Internal server error', "
     "'type': 'server_error'}}", 500, R.server_error),
    ("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", None, R.malformed_response),
])
def test_a_chat_template_that_raised_is_a_request_defect(type_name: str, text: str, status: int | None,
                                                          expect: FailoverReason) -> None:
    """llama.cpp's Jinja engine raising at a row and column of the chat template, sent as a 500: the history this
    request gave it, not the server, failed."""
    assert _rules_alone(type_name, text, status) is expect
