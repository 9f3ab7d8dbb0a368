"""What an error's text embeds: an HTTP status, a provider's JSON, a service's error code.

Wrapping libraries and CLIs print the provider's answer inside their own message
("Error code: 400 - {'error': {...}}", "An error occurred (ThrottlingException) when calling
the InvokeModel operation: ...", "[429 Too Many Requests] ...", "status = StatusCode.PERMISSION_DENIED").
These helpers recover those facts so the rules can read them as if the answer had come over
HTTP. Each is cheap to call on text that embeds nothing (a substring test guards every regex),
and none raises.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Final

__all__ = ["bare_reason", "embedded_codes", "embedded_payload", "embedded_reset", "embedded_status", "standard_class"]

_DECODER: Final = json.JSONDecoder()
_LITERAL_LIMIT: Final = 3000  # longest Python-literal dict we evaluate (ast is the slow path)
# A status is a three-digit 4xx/5xx number standing alone, with one of these right before it
# ("Error code: 400", "status code: 429", "Status: 404", "API Error: 529", "HTTP 503", "'status_code': 400"),
# or at the very start ("429 RESOURCE_EXHAUSTED"), or after "[" ("[429 Too Many Requests]"), or followed by
# its reason phrase ("400 Bad Request", "504: Gateway Time-out"), or in angle brackets (DashScope's
# "<400> InternalError.Algo.InvalidParameter"), or closing a parenthesised lead ("Error from
# provider(sambanova,DeepSeek-V3.1: 500): ...", claude-code-router's form) or standing alone in parentheses before a
# colon ("API key validation failed (500): Error listing deployed models"), or followed by "status code": the
# Stainless SDKs' message for an error without a body ("503 status code (no body)", openai-node's and anthropic-sdk-
# typescript's APIError.makeMessage: https://github.com/openai/openai-node, src/core/error.ts), wherever an app's own
# sentence puts it ("Could not respond to message. 503 status code (no body)"); "HTTP/2 429" counts as "HTTP 429".
# Candidates are found with one cheap scan, then checked by string tests:
# an IGNORECASE alternation over the whole text cost 200 us on a 1 kB message.
# A candidate stands alone: no letter, digit, "_" or "." right before it, none right after it, and no "." that
# continues into a word or number ("v4.500", "429.5", "500.txt"), in the pattern, so the many numbers inside longer
# numbers, ids and versions never reach the Python checks below. A sentence may end on it: axios's "Request
# failed with status code 429." inside a wrapper's sentence.
_CANDIDATE: Final = re.compile(r"[45](?<![\w.][45])\d\d(?!\w|\.\w)")
_METHODS: Final = "(?:POST|GET|PUT|PATCH|DELETE)"  # a request's method as a log line prints it
_SPRING_STATUS: Final = re.compile(r" [A-Z][A-Z_]{2,30} from " + _METHODS + r"\b")
_METHOD_BRACKET: Final = re.compile(r"\[" + _METHODS + r":$")  # "[POST:" right before a status
_METHOD_URL: Final = re.compile(r"\b" + _METHODS + r" https?://\S+ $")  # searched up to a status
_BEFORE: Final = ("error code", "status code", "status_code", "status", "api error", "http error", "http",
                  "response code", "http/3", "http/2", "http/1.1", "http/1.0", "error",
                  # Alamofire's AFError, printed or described ("responseValidationFailed(reason: ...
                  # unacceptableStatusCode(code: 401))", "Response status code was unacceptable: 401.":
                  # https://github.com/SonmezYigithan/AIChatAssistantApp-iOS/issues/3)
                  "statuscode(code", "code was unacceptable",
                  # a server named as what answered ("Server returned 401 — ..."): not "the model returned 500 tokens"
                  "server returned", "api returned", "endpoint returned", "upstream returned",
                  # a client's "OpenAI Compatible request failed (502)", openai<1.0's APIError for a body it could not
                  # read ("HTTP code 403 from API (<!DOCTYPE html>...")
                  "request failed", "http code",
                  # .NET's WebException in a Chinese locale ("远程服务器返回错误: (401) 未经授权。", "The remote server
                  # returned an error: (401) Unauthorized.": https://github.com/Asterecho/ExcelGPT/issues/6)
                  "返回错误",
                  # a client's own sentence around the status ("status code not equals 200,code is 401")
                  "code is",
                  # openai<1.0's APIError for a body it could not map ("Invalid response object from API: '{...}' (HTTP
                  # response code was 400)": https://github.com/chatchat-space/Langchain-Chatchat/issues/1944); the
                  # Chinese "status code" of relays' own messages ("CodeWhisperer API 错误: 状态码: 400":
                  # https://github.com/bestK/kiro2cc/issues/3)
                  "response code was", "状态码",
                  # Databricks' ai_query around its endpoint's answer ("[REMOTE_FUNCTION_HTTP_FAILED_ERROR] The remote
                  # HTTP request failed with code 404, and error message ...")
                  "failed with code",
                  # Dart's Dio ("the response has a status code of 503 and RequestOptions.validateStatus was configured
                  # to throw": https://github.com/cfug/dio, dio/lib/src/dio_exception.dart), a client's "Response 502:
                  # <html>..." (gpt4free's ResponseStatusError: https://github.com/xtekky/gpt4free/issues/2092)
                  "status code of", "response",
                  # Alamofire's validation failure, Swift clients' usual wording ("Response status code was
                  # unacceptable: 404.": https://github.com/btfranklin/CleverBird/issues/6)
                  "code was unacceptable",
                  # a browser console's line for any failed request ("Failed to load resource: the server responded
                  # with a status of 400 ()", Chromium's wording, in every web app's pasted console)
                  "with a status of",
                  # a camel-cased field as .NET's HttpResponseMessage prints itself ("StatusCode: 429, ReasonPhrase:
                  # 'Too Many Requests'"), a Dart client's RequestFailedException ("..., statusCode: 400)") and
                  # JavaScript clients log it ("statusCode: 503")
                  "statuscode",
                  # Cloudflare's own error page, pasted as text ("Bad gateway ... Error reference number: 502 ...
                  # Cloudflare Location: ..."), as clients that detect it read it
                  "reference number",
                  # .NET's HttpRequestException from EnsureSuccessStatusCode ("Response status code does not indicate
                  # success: 401 (PermissionDenied)."), whatever reason phrase the server put in the parentheses
                  "indicate success",
                  # Google Apps Script's UrlFetchApp ("Request failed for https://... returned code 502. Truncated
                  # server response: ..."), a client's "Response code not 200. Response Status is 429"
                  "returned code", "status is",
                  # Claude Code's "API Error: 503 ..." in a Spanish locale ("Error de API: 503 Se alcanzó ...")
                  "error de api")
# Weaker leads: a verb whose object may be a count ("the model returned 500 tokens", "got 429 results", "received 500
# bytes"). They state a status only when nothing but an end, a punctuation mark, a reason phrase or a word naming an
# answer follows the number ("Server responded with 503", "got 503 from provider", "received a 429 response", "API
# returned 500."); the leads above need no such check.
_VERB_BEFORE: Final = ("responded with", "responded with a", "responded with an", "returned", "returned a",
                       "returned an", "got", "got a", "received", "received a", "answered with", "answered with a")
_VERB_AFTER: Final = (".", ",", ";", ":", ")", "!", "\n", " error", " response", " from", " status", " (",
                      " -", " http", " when", " for url", " on ")
# A message that is nothing but a reason phrase ("Service Unavailable" in an SSE error event, a proxy's
# plain-text body) states that status as plainly as a number would.
BARE_REASONS: Final = {"bad request": 400, "unauthorized": 401, "payment required": 402, "forbidden": 403,
                       "not found": 404, "method not allowed": 405, "request timeout": 408, "unprocessable entity": 422,
                       "too many requests": 429, "internal server error": 500, "bad gateway": 502,
                       "service unavailable": 503, "gateway timeout": 504}
_BARE_REASON_PHRASES: Final = tuple(BARE_REASONS)
# The reason phrases read after a number, each with its status: ``BARE_REASONS``', and four spellings a bare message
# never has (nginx's and OpenResty's error pages title a 401 "401 Authorization Required", a 504 "504 Gateway
# Time-out" and a 405 "405 Not Allowed": RAGFlow printing the page of a server its base URL missed,
# https://github.com/infiniflow/ragflow/issues/1568). "405 Method Not Allowed" after a wrapper's words is read too
# (LiteLLM: "APIConnectionError: OllamaException - 405 Method Not Allowed": https://github.com/darrenburns/elia/
# issues/100, https://github.com/agent0ai/agent-zero/issues/819): the server answered; no connection failed.
_REASON_STATUS: Final = {f" {phrase}": status for phrase, status in BARE_REASONS.items()} | {
    " conflict": 409, " gateway time-out": 504, " authorization required": 401, " not allowed": 405}
_REASONS: Final = tuple(_REASON_STATUS)
_NAMED_CODES: Final = frozenset(BARE_REASONS.values()) | {409}  # the statuses a phrase here names


def _reason_follows(after: str, number: str) -> bool:
    """Whether ``after`` opens with a reason phrase that can be ``number``'s own: its phrase ("429 Too Many
    Requests"), or any phrase of its class after a status that has none here ("529 Service Unavailable"). A standard
    status with another status's phrase is a count or an id: TGI's "Batch ID 408 not found in cache" (from
    https://github.com/huggingface/text-generation-inference/issues/2316) is a missing batch, not a 408."""
    if after[:1] == "\t":  # a tab-separated status line ("429\tToo Many Requests": spacy-llm's REST error)
        after = " " + after[1:]
    if not after.startswith(_REASONS):
        return False
    status = int(number)
    named = next(code for phrase, code in _REASON_STATUS.items() if after.startswith(phrase))
    return named == status or (status not in _NAMED_CODES and named // 100 == status // 100)


def bare_reason(text: str) -> int | None:
    """The status of a text that is nothing but a reason phrase ("Service Unavailable.", "'unauthorized'"), or .NET's
    name for it ("TooManyRequests"), or None. The request id one-api and new-api append to every message they relay
    ("TooManyRequests (request id: 2024122409073560778743599911171)": https://github.com/EleutherAI/
    lm-evaluation-harness/issues/2594) is not part of it, nor is a client's "Error:" before the phrase
    (codecompanion.nvim: "Error: Unprocessable Entity": https://github.com/olimorris/codecompanion.nvim/issues/1429)."""
    stripped = text.strip(" .!\n\"'")
    if (at := stripped.find(" (request id: ")) > 0:
        stripped = stripped[:at]
    if stripped[:6].lower() == "error:":  # a client's own label before the phrase ("Error: Unprocessable Entity")
        stripped = stripped[6:].lstrip()
    return BARE_REASONS.get(stripped.lower()) or _NAMED_STATUSES.get(stripped)
# An exception class's name, known by its ending ("ResourceExhausted", "AsyncEngineDeadError", "PoolTimeout"), its
# module path before it; a bare ending ("Error:") is a word, not a class. Microsoft's error codes end in "Reached" as
# well (Copilot Studio's "GenAIToolPlannerRateLimitReached", printed alone: https://github.com/microsoft/
# Power-CAT-Copilot-Studio-Kit/issues/296; Azure's "RateLimitReached").
_CLASS_ENDINGS: Final = ("Error", "Exception", "Exhausted", "Unavailable", "Exceeded", "Denied", "Found", "Argument",
                         "Request", "Requests", "Precondition", "Unauthenticated", "Unauthorized", "Timeout",
                         "Failure", "Fault", "Refused", "Reached")
_CLASS_NAME: Final = r"(?:[A-Za-z_]\w*\.){0,6}([A-Za-z_]\w{0,60}?(?:" + "|".join(_CLASS_ENDINGS) + r"))"
# "google.api_core.exceptions.ResourceExhausted: 429 Quota exceeded ...": a class name, then the status; the AI SDK
# prints its error's marker after the name ("APICallError [AI_APICallError]: Not Found":
# https://github.com/stackblitz-labs/bolt.diy/issues/558).
_CLASS_LEAD: Final = re.compile(r"\s*" + _CLASS_NAME + r"(?: \[[A-Za-z_]{3,40}\])?:\s*")
_EPOCH_RE: Final = re.compile(r"\|\s*(\d{10})\b")
_AWS_CODE_RE: Final = re.compile(r"error occurred \((\w+)\)", re.IGNORECASE)
_GRPC_CODE_RE: Final = re.compile(r"StatusCode\.(\w+)")
# grpc-go's status text ("rpc error: code = InvalidArgument desc = ...", Vertex AI's and Gemini's Go clients): the
# same codes in CamelCase (https://pkg.go.dev/google.golang.org/grpc/codes), read as their Google status names. Not
# Unavailable or Internal: a local server's call to its own backend process prints those (LocalAI: "rpc error: code =
# Unavailable desc = connection error"), which says how that process fared, not how the service is loaded.
_GO_GRPC_CODE_RE: Final = re.compile(r"rpc error: code = ([A-Z][A-Za-z]{3,24}) desc")
# Google's canonical status names that carry an HTTP meaning, one list for every reading of them below.
_GOOGLE_STATUSES: Final = ("INVALID_ARGUMENT", "FAILED_PRECONDITION", "UNAUTHENTICATED", "PERMISSION_DENIED",
                            "NOT_FOUND", "RESOURCE_EXHAUSTED", "INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED")
_GO_GRPC_STATUSES: Final = tuple(name for name in _GOOGLE_STATUSES if name not in ("UNAVAILABLE", "INTERNAL"))
_CAMEL_BREAK: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")  # InvalidArgument -> Invalid_Argument
# Google's canonical status name stated in a sentence, as Gemini's clients print it when the JSON around it is cut or
# absent: "got status: INTERNAL. {...", "(Status: FAILED_PRECONDITION)", Go genai's "Error 503, Message: ..., Status:
# UNAVAILABLE, Details: []" (https://github.com/google-gemini/gemini-cli/issues/5125,
# https://github.com/google/syzkaller/issues/6966). Upper case only: the enum's spelling, not a word of a sentence.
_GOOGLE_STATUS_RE: Final = re.compile(r"[Ss]tatus['\"]?\s*[:=]\s*['\"(]?\s*(" + "|".join(_GOOGLE_STATUSES) + r")\b")
# Connect-RPC (connect-es, connect-go) prints its code in brackets after the class: "ConnectError: [unauthenticated]
# ...", "[permission_denied] ...": gRPC's codes in snake case (https://connectrpc.com/docs/protocol#error-codes).
_CONNECT_CODE_RE: Final = re.compile(r"ConnectError: \[([a-z_]{4,20})\]")
_EXCEPTION_TYPE_RE: Final = re.compile(r"exception-type'?\W{1,4}(\w+)", re.IGNORECASE)
# A wrapper prints the class of the error it caught: "litellm.RateLimitError: ...", "openai.APITimeoutError",
# "google.api_core.exceptions.ResourceExhausted: 429 ...", and tenacity's "RetryError[<Future ... raised
# RateLimitError>]". The class name is the error's code when nothing else names it.
_CLASS_NAME_RE: Final = re.compile(r"\.([A-Z]\w{3,60})")  # kept when the word before the dot is an owner below
_CLASS_OWNERS: Final = ("litellm", "openai", "anthropic", "exceptions", "errors")
_DOT_CAPITAL: Final = re.compile(r"\.[A-Z]")  # the cheap first test: most texts have no capital right after a dot
_RAISED_RE: Final = re.compile(r"\braised ([A-Z]\w{3,60})>")
# Tencent Cloud's Python SDK prints its error code after "code:" ("[TencentCloudSDKException] code:LimitExceeded
# message:... requestId:..."; tencentcloud/common/exception/tencent_cloud_sdk_exception.py).
_CODE_COLON_RE: Final = re.compile(r"\bcode:([A-Za-z][\w.]{2,80}) message:")
# A wrapper that names the class of the error it caught after its own words: OpenHands' "... Error type: NotFoundError",
# agentscope's "Unknown agent error: ReadTimeout: ..." (a class name ending in Error, Timeout or Exception).
# An acronym may lead the name (OpenHands: "... Error type: APIConnectionError"). AstrBot says "error type" in Chinese
# ("AstrBot 请求失败。错误类型: TimeoutError": https://github.com/AstrBotDevs/AstrBot/issues/360).
# AWS's error codes, which botocore and the AWS SDKs also use as exception class names (Bedrock), and the HTTP status
# each stands for: the one table of them (``error_classifier`` reads a code's status from it, ``_aws_classes`` finds the
# names in a text).
AWS_ERROR_STATUS: Final = {
    "validationexception": 400, "accessdeniedexception": 403, "resourcenotfoundexception": 404,
    "modeltimeoutexception": 408, "throttlingexception": 429, "servicequotaexceededexception": 429,
    "internalserverexception": 500, "modelerrorexception": 500, "serviceunavailableexception": 503,
    "modelnotreadyexception": 429, "serviceunavailable": 503, "unrecognizedclientexception": 401,
    "expiredtokenexception": 401, "modelstreamerrorexception": 500,
}
# One of those exceptions named mid-chain, after the wrappers' own words ("failed while calling AI provider
# amazonbedrock: ValidationException: max_tokens_to_sample: range: 1..1,000,000": k8sgpt's Go chain,
# https://github.com/k8sgpt-ai/k8sgpt-operator/issues/537): its name is its code. Only the names that end in
# "Exception" (a bare "ServiceUnavailable" after a colon is any client's words).
_AWS_CLASS_RE: Final = re.compile(
    r": (" + "|".join(name for name in AWS_ERROR_STATUS if name.endswith("exception")) + r")(?::|\b)",
    re.IGNORECASE)


def _aws_classes(text: str) -> list[str]:
    """The AWS service exceptions ``_AWS_CLASS_RE`` finds after a wrapper's words (most texts name none)."""
    return _AWS_CLASS_RE.findall(text, 0, 600) if "Exception" in text else []


_NAMED_CLASS_RE: Final = re.compile(
    r"(?:rror(?: type)?: |错误类型: ?)([A-Z][A-Za-z]\w{2,50}(?:Error|Timeout|Exception))\b")
# A traceback's last line kept as a text ("ValidationException: The number of toolResult blocks...",
# "vllm.engine.async_llm_engine.AsyncEngineDeadError: Task finished unexpectedly", or the name alone when the message
# was empty): a wrapper that re-raises ``Exception(f"{type(e).__name__}: {e}")``, or a paste read as a plain
# exception, names the class at the start (the class names of ``_CLASS_LEAD``).
_LEAD_CLASS_RE: Final = re.compile(r"\s*" + _CLASS_NAME + r"(?::(?:\s|$)|\s*$)")
# A provider's error code as a client prints it beside the message: in brackets (OpenCode Go's "[invalid_request_error]
# `input[26]` missing required field `arguments`", "[unsupported_tool_schema] The tool schema is not supported":
# https://github.com/anomalyco/opencode/issues/43371) or as a key=value field ("(type=invalid_request_error
# param=tool_choice)", "(code=invalid_request_error)": https://github.com/can1357/oh-my-pi/issues/6451). Only snake
# case, lower case, with an underscore: the codes' own spelling, never a word of the sentence. Not gRPC's canonical
# codes, which Connect-RPC clients print in the same brackets around whatever their server wrapped ("[invalid_argument]
# Error" after Cursor's own "Empty provider response"): ``_CONNECT_CODE_RE`` reads those after their class only.
_GRPC_SNAKE_CODES: Final = (*(s.lower() for s in _GOOGLE_STATUSES if "_" in s), "already_exists", "out_of_range",
                             "data_loss")
# The key=value field may quote its value, as the SDKs' pydantic models print themselves (openai's RealtimeError inside
# pipecat's ErrorFrame: "error=RealtimeError(type='invalid_request_error', code='invalid_value', message=...)":
# https://github.com/pipecat-ai/pipecat/issues/2106).
# In the key=value form they are read: a field named code holds the service's own code (python-genai's interactions
# stream: "ErrorEvent(error=Error(code='deadline_exceeded', message=''), ...)":
# https://github.com/googleapis/python-genai/issues/1871).
# Two patterns, each starting with a literal a cheap test finds first: one alternation of the two leads was tried at
# every position of the text (8 us on a text holding "_" and "[" or "=", 1.8 us as two). A code holds only letters and
# "_", so a bracketed code and a field's never overlap: the two scans merged by position are the one scan's findall.
_TEXT_CODE: Final = r"([a-z]{2,30}(?:_[a-z]{2,30}){1,5})(?:\]|\b(?![=.(]))"
_BRACKET_CODE_RE: Final = re.compile(r"\[(?!(?:" + "|".join(_GRPC_SNAKE_CODES) + r")\b)" + _TEXT_CODE)
_FIELD_CODE_RE: Final = re.compile(r"\b(?:code|type)=['\"]?" + _TEXT_CODE)


def embedded_status(text: str) -> int | None:
    """The HTTP status a message states ("Error code: 429", "[503 Service Unavailable]"), if any."""
    head = text[:600]
    for match in _CANDIDATE.finditer(head):
        start, end = match.span()
        # curly quotes too: a forum renders "status code '403'" with typographic quotes (U+2018, U+201C); and the
        # full-width colon (U+FF1A) after a Chinese client's "状态码" ("status code": Operit's dialog)
        before = head[max(0, start - 24):start].lower().rstrip(" :='\"[(-\u2018\u201c\uff1a")
        if (before.endswith(_BEFORE) or not head[:start].strip(" [\"'(") or head[start - 1:start] == "["
                or (start < 120 and _CLASS_LEAD.fullmatch(head, 0, start) is not None)
                or _reason_follows(head[end:end + 24].lower().lstrip(":"), match.group(0))
                or head[end:end + 12].lower() == " status code"
                # a client's "Code: <status>, Body: <body>" (ProxyAI: "Unknown API response. Code: 403, Body: detail":
                # https://github.com/carlrobertoh/ProxyAI/issues/603)
                or head[end:end + 7].lower() == ", body:"
                # the status, a dash and the answer's JSON after a client's own words and a colon, as openai-python
                # prints "Error code: 413 - {...}" ("Failed to transcribe: 413 - {"error": ...}":
                # https://github.com/Bytez-com/models/issues/13)
                or (head[start - 2:start] == ": " and head[end:end + 4] in (" - {", " - ["))
                # aiohttp's ClientResponseError and WSServerHandshakeError, whatever sentence a client puts before them
                # ("Error in text_to_speech: 401, message='Invalid response status', url='wss://...'":
                # https://github.com/travisvn/openai-edge-tts/issues/44); not its payload errors, whose 400 is
                # aiohttp's own code for a body cut short ("<TransferEncodingError: 400, message='Not enough data ...")
                or (head[end:end + 10] == ", message=" and head[end + 11:end + 26] != "Not enough data")
                # requests' HTTPError, wherever a wrapper's sentence puts it ("Failed to invoke agent endpoint: 424
                # Client Error: Failed Dependency for url: ...": https://github.com/awslabs/agentcore-samples/issues/314)
                or head[end:end + 15].lower() in (" client error: ", " server error: ")
                or _upstream_answer_follows(head, end)
                or (head[start - 1:start] == "<" and head[end:end + 1] == ">")
                or (head[end:end + 2] == "):" and head[start - 2:start] in (": ", " ("))
                # .NET's EnsureSuccessStatusCode: the reason in parentheses ("503 (Service Unavailable)"), empty for a
                # status .NET has no name for ("529 ()"), whatever language the sentence before it is in
                or (head[end:end + 2] == " (" and _reason_follows(" " + head[end + 2:end + 26].lower(), match.group(0)))
                or head[end:end + 3] == " ()"
                # JavaScript's `${status} ${body}` with the body an object ("[ERROR] 429 [object Object]")
                or head[end:end + 16] == " [object Object]"
                # google-genai's APIError: the status, then Google's canonical status name ("Error from Gemini API: 400
                # INVALID_ARGUMENT. {...}"), wherever a wrapper's words put it
                or _google_status_follows(head, end)
                # urllib3's Retry giving up on a status ("Caused by ResponseError('too many 429 error responses')")
                or head[end:end + 16] == " error responses"
                # a status in parentheses right after the word for the failure ("Cloud Code stream failed (429)")
                or (head[max(0, start - 8):start].lower() == "failed (" and head[end:end + 1] == ")")
                # ... or alone in parentheses at the very end, after the client's words and a colon (ChatGPT for
                # Google: "Failed to load response from ChatGPT:\n(429)": https://github.com/wong2/
                # chatgpt-google-extension/issues/308)
                or (head[start - 1:start] == "(" and text[end:].strip() == ")"
                    and head[:start - 1].rstrip().endswith(":"))
                # a Python exception raised with (message, status) and printed as its args tuple, the status last
                # ("('Extract job failed. Error: {}', 500)": firecrawl-py, https://github.com/firecrawl/firecrawl/
                # issues/1379; "('', 502)": browser-use)
                or (head[start - 2:start] == ", " and text[end:].strip() == ")" and text.lstrip()[:2] in ("('", '("'))
                # Go's wrapped errors put the status between two colons ("pull model manifest: 503: no healthy
                # upstream")
                or (head[start - 2:start] == ": " and head[end:end + 2] == ": ")
                # ... or alone at the very end of a short message after a colon and a space (``_ends_failure``)
                or _ends_failure(text, start, end)
                # OkHttp's Response{protocol=h2, code=429, ...}, a client's "(code=500, msg=...)": a key=value field;
                # or key:value with no space (ChatGPT-T: "Custom error: ( code:400, message: \"openai api request
                # error!\")": https://github.com/pljhonglu/ChatGPT-T/issues/5)
                or (head[max(0, start - 5):start].lower() in ("code=", "code:")
                    and not head[max(0, start - 10):start - 5].lower().rstrip().endswith("exit"))
                # the method and the status in brackets, as RageAgainstThePixel's Unity clients' RestException prints a
                # failed call ("[POST:500] https://api.openai.com/v1/threads/runs Failed!":
                # https://github.com/RageAgainstThePixel/com.openai.unity/issues/177)
                or (head[start - 1:start] == ":" and head[end:end + 1] == "]" and _METHOD_BRACKET.search(
                    head, max(0, start - 8), start) is not None)
                or (before.endswith(_VERB_BEFORE) and _verb_object_is_status(head, end))
                # Spring's WebClientResponseException: the status, its HttpStatus name, the request ("400 BAD_REQUEST
                # from POST http://localhost:11434/api/chat", "429 TOO_MANY_REQUESTS from POST ...")
                or _SPRING_STATUS.match(head, end) is not None
                # a browser console's failed request, the status after the method and URL, with or without its reason
                # ("POST https://api.openai.com/v1/chat/completions 401": an Obsidian plugin's DevTools line)
                or (head[start - 1:start] == " " and _METHOD_URL.search(head, max(0, start - 400), start) is not None)):
            return int(match.group(0))
    if len(text) < 32 and (bare := bare_reason(text)) is not None:
        return bare
    # ... or after the class that carried it, as a traceback's last line kept as text shows it ("AI_APICallError: Bad
    # Gateway", "APIError: Service Unavailable")
    if (len(text) < 100 and (lead := _CLASS_LEAD.match(text)) is not None
            and (bare := bare_reason(_PROVIDER_LEAD.sub("", text[lead.end():], 1))) is not None):
        return bare
    if "[GIN]" in head and (gin := _GIN_LOG_RE.search(head)) is not None:
        return int(gin.group(1))
    if (("rror: " in head or "tatus: " in head or "ailed: " in head or "tatus '" in head or "replied: " in head)
            and (reason := _reason_after_lead(head.lower())) is not None):
        return reason
    return _named_status(head)


# OpenRouter's message for an upstream provider's own error, "Provider returned error", printed as the Stainless
# SDKs' APIError prints any message: its status, a space, the message ("400 Provider returned error": openai-node's
# makeMessage, src/core/error.ts), wherever a wrapper's sentence puts it ("Error in OpenRouter API call (Attempt 1/3):
# 400 Provider returned error": https://github.com/campfirein/byterover-cli/issues/43, a terminal's wrap inside it).
_UPSTREAM_ANSWER: Final = "provider returned error"


# LiteLLM's provider exception before the provider's own message ("litellm.APIConnectionError: OllamaException -
# unauthorized": https://github.com/anthropics/skills/issues/574): the message after it is the provider's answer.
_PROVIDER_LEAD: Final = re.compile(r"\s*\w{2,40}Exception - ")
# A status alone at the very end of a short message, after a colon: a client's "<what failed>: <status>" ("Error
# requesting chat completion: 404": https://github.com/1runeberg/confichat/issues/12; "Error: pull model manifest: 401",
# "Ollama: 404"). Only in a message that says something failed, or in a name and the number alone: a count at the end
# of a sentence ("Exceeded limit on max data-uri per request: 250") is no status, nor is a port (":443", no space).
# "could not" says so too (Colab's Gemini panel: "Could not fetch resource at https://...: 403":
# https://github.com/googlecolab/colabtools/issues/4884 and /5452).
_FAILURE_WORDS: Final = ("error", "fail", "could not")


def _ends_failure(text: str, start: int, end: int) -> bool:
    lead = text[:start]
    if len(text) > 160 or text[end:].strip() or not lead[-1:].isspace() or not lead.rstrip().endswith(":"):
        return False
    before = lead.rstrip().rstrip(":").lower()
    return len(before.split()) == 1 or any(word in before for word in _FAILURE_WORDS)


def _upstream_answer_follows(head: str, end: int) -> bool:
    after = head[end:end + 40]
    return after[:1].isspace() and " ".join(after.split()).lower().startswith(_UPSTREAM_ANSWER)


def _google_status_follows(head: str, end: int) -> bool:
    """Whether Google's canonical status name, a whole word, follows the number ("400 INVALID_ARGUMENT.")."""
    after = head[end:end + 24]
    if not after.startswith(" "):
        return False
    after = after.lstrip(" ")
    return any(after.startswith(name) and not (after[len(name):len(name) + 1].isalnum()
                                               or after[len(name):len(name) + 1] == "_") for name in _GOOGLE_STATUSES)


def _verb_object_is_status(head: str, end: int) -> bool:
    """Whether what follows a number after a verb lead ("returned 500") leaves it a status, not a count."""
    after = head[end:end + 24].lower()
    return after.startswith(_VERB_AFTER) if after else True


# Gin's access log, which Go servers in front of models print (Ollama, one-api, new-api): "[GIN] 2025/03/06 - 11:42:21 |
# 503 |   42.044125ms |  127.0.0.1 | POST  "/api/generate"" (https://github.com/IBM/prompt-declaration-language/issues/702):
# the status is the first field between bars, never the latency or the address after it.
_GIN_LOG_RE: Final = re.compile(r"\[GIN\][^|\n]{0,40}\|\s*([45]\d\d)\s*\|")


# requests prints "404 Client Error: Not Found for url: ..."; a paste that lost the number still names the status by
# its reason phrase right after the lead ("Client Error: NOT FOUND for url: https://api.sambanova.ai/..."), as Gemini
# CLI does after "Status:" ("[API Error: (Status: Not Found)]": https://github.com/google-gemini/gemini-cli/issues/4048).
# A client's "request failed:" before the phrase likewise (agnai: "Kobold request failed: Unprocessable Entity").
# azure-core's HttpResponseError without a body puts the reason phrase in quotes ("Operation returned an invalid status
# 'Method Not Allowed'").
_REASON_LEADS: Final = ("client error: ", "server error: ", "http error: ", "status: ", "request failed: ",
                        "invalid status '",
                        # a client that knows no better name for the status it got ("Unknown error: Method Not allowed":
                        # the Ollama Client browser extension)
                        "unknown error: ",
                        # Qt's QNetworkReply::errorString, in every Qt app that calls a provider ("Error transferring
                        # https://api.openai.com/v1/chat/completions - server replied: Not Found": QOwnNotes,
                        # https://github.com/pbek/QOwnNotes/issues/3058)
                        "server replied: ")


_REASON_ENDS: Final = ("", " ", ".", ",", ";", ")", "'")


def _reason_after_lead(lowered: str) -> int | None:
    """The status a reason phrase names right after one of the leads; every place a lead occurs is looked at (a
    wrapper's "Request failed: Failed to generate response: Kobold request failed: Unprocessable Entity")."""
    for lead in _REASON_LEADS:
        at = lowered.find(lead)
        while at >= 0:
            after = lowered[at + len(lead):at + len(lead) + 26]
            at = lowered.find(lead, at + 1)
            if not after.startswith(_BARE_REASON_PHRASES):  # the common case ("Error: <a sentence>"): one C call
                continue
            for reason, status in BARE_REASONS.items():
                if after.startswith(reason) and after[len(reason):len(reason) + 1] in _REASON_ENDS:
                    return status
    return None


# .NET's HttpStatusCode and Kubernetes' Status reasons name the status in one CamelCase word after a lead: Semantic
# Kernel's and Polly's retry logs ("Error executing request, max retry count reached. Reason: TooManyRequests":
# https://github.com/microsoft/semantic-kernel/issues/2486), a .NET client's "Unsuccessful Groq API response
# ServiceUnavailable" (https://github.com/nminaya/grammar-nazi-bot/issues/931), a log's "StatusCode:
# ServiceUnavailable", a Discord bot's "Status code: NotFound" (https://github.com/DeSinc/SallyBot/issues/44). Only
# names that are no English word, and only after such a lead: never a class name ("litellm.InternalServerError:").
_NAMED_STATUSES: Final = {"TooManyRequests": 429, "ServiceUnavailable": 503, "BadGateway": 502, "GatewayTimeout": 504,
                          "InternalServerError": 500, "RequestTimeout": 408, "RequestEntityTooLarge": 413,
                          "PaymentRequired": 402, "NotFound": 404, "BadRequest": 400, "UnprocessableEntity": 422}
_NAMED_STATUS_RE: Final = re.compile(r"(?:[Rr]eason|[Ss]tatus ?[Cc]ode|[Ss]tatus|response)\s?[:=]?\s?("
                                     + "|".join(_NAMED_STATUSES) + r")\b")


def _named_status(head: str) -> int | None:
    for name in _NAMED_STATUSES:  # the common case: no name at all, eight C scans (a loop: no generator to run)
        if name in head:
            named = _NAMED_STATUS_RE.search(head)
            return _NAMED_STATUSES[named.group(1)] if named is not None else None
    return None


def embedded_codes(text: str) -> list[str]:
    """Service error codes a message names: AWS ``(ThrottlingException)``, gRPC ``StatusCode.X``, Google's ``status:
    INTERNAL``, Connect's ``ConnectError: [code]``, and the
    class of the error a wrapper caught (``litellm.RateLimitError``, tenacity's ``raised RateLimitError>``)."""
    found: list[str] = []
    if "rror occurred (" in text:
        found += _AWS_CODE_RE.findall(text, 0, 600)
    if "StatusCode." in text:
        found += _GRPC_CODE_RE.findall(text, 0, 600)
    if "rpc error: code = " in text:
        found += [snake for name in _GO_GRPC_CODE_RE.findall(text, 0, 600)
                  if (snake := _CAMEL_BREAK.sub("_", name).upper()) in _GO_GRPC_STATUSES]
    if "tatus" in text:
        found += _GOOGLE_STATUS_RE.findall(text, 0, 600)
    if "ConnectError: [" in text:
        found += _CONNECT_CODE_RE.findall(text, 0, 600)
    if "xception-type" in text:
        found += _EXCEPTION_TYPE_RE.findall(text, 0, 2000)
    if _DOT_CAPITAL.search(text, 0, 600) is not None:
        found += [m.group(1) for m in _CLASS_NAME_RE.finditer(text, 0, 600)
                  if text.endswith(_CLASS_OWNERS, 0, m.start())]
    if "raised " in text:
        found += _RAISED_RE.findall(text, 0, 600)
    if "code:" in text and " message:" in text:
        found += _CODE_COLON_RE.findall(text, 0, 600)
    if "rror: " in text or "rror type: " in text or "错误类型" in text:
        found += _NAMED_CLASS_RE.findall(text, 0, 600)
    found += _aws_classes(text)
    if (lead := _LEAD_CLASS_RE.match(text)) is not None:
        found.append(lead.group(1))
    if "[" in text or "=" in text:
        found += _marked_codes(text)
    return [code.lower() for code in found] if found else found  # most texts name none: no comprehension to run


# DashScope's SDKs open their exception's text with the service's CamelCase code in brackets ("[InvalidParameter] url
# error, please check url!": spring-ai-alibaba's DashScopeException, https://github.com/alibaba/spring-ai-alibaba/
# issues/4297): two capitalised words or more, at the very start (never a log level, "[ERROR]", or "[Errno 111]").
_LEAD_BRACKET_CODE_RE: Final = re.compile(r"\[((?:[A-Z][a-z]+){2,6})\]")


def _marked_codes(text: str) -> list[str]:
    """The codes a text marks with brackets or a code=/type= field: a leading CamelCase code (DashScope's), then the
    snake_case ones."""
    lead = _LEAD_BRACKET_CODE_RE.match(text) if text.startswith("[") else None
    codes = [lead.group(1)] if lead is not None else []
    return codes + _text_codes(text) if "_" in text else codes


def _text_codes(text: str) -> list[str]:
    """The provider codes a client prints in brackets or as a code=/type= field, in the order they stand."""
    bracketed = list(_BRACKET_CODE_RE.finditer(text, 0, 600)) if "[" in text else []
    fields = list(_FIELD_CODE_RE.finditer(text, 0, 600)) if "code=" in text or "type=" in text else []
    if bracketed and fields:
        return [m.group(1) for m in sorted(bracketed + fields, key=lambda m: m.start())]
    return [m.group(1) for m in bracketed or fields]


# Wrappers name their own classes after the kind of error (LiteLLM's RouterRateLimitError, Cohere's
# TooManyRequestsError, google-genai's ServerError, a framework's ModelTimeoutError): the kind word in the name stands
# for the standard class the rules know. Not "notfound" (FileNotFoundError, ModuleNotFoundError are local faults).
_CLASS_KINDS: Final = (
    ("ratelimit", "ratelimiterror"), ("toomanyrequests", "toomanyrequests"), ("overloaded", "overloadederror"),
    ("serviceunavailable", "serviceunavailableerror"), ("timeout", "apitimeouterror"),
    ("deadlineexceeded", "deadlineexceeded"), ("connectionerror", "apiconnectionerror"),
    ("internalserver", "internalservererror"), ("servererror", "internalservererror"), ("badgateway", "badgateway"),
    ("enginedead", "enginedeaderror"), ("authentication", "authenticationerror"),
    ("unauthorized", "authenticationerror"), ("unauthenticated", "unauthenticatederror"),
    ("permissiondenied", "permissiondenied"), ("badrequest", "badrequesterror"),
    ("invalidrequest", "invalidrequesterror"), ("unprocessable", "unprocessableentityerror"),
    ("contentpolicy", "contentpolicyviolationerror"), ("contentfilter", "contentpolicyviolationerror"),
    # LiteLLM's UnsupportedParamsError (a parameter this model refuses), ERNIE Bot's RequestLimitError (a throttle).
    ("unsupportedparams", "badrequesterror"), ("requestlimit", "ratelimiterror"),
    # a token the service refuses, whatever language the text is in (ERNIE Bot's InvalidTokenError)
    ("invalidtoken", "authenticationerror"),
    # the cloud SDKs' own failures to obtain a credential before any request (azure-identity's
    # CredentialUnavailableError, botocore's NoAuthTokenError and LoginRefreshRequired, google-auth's ReauthFailError)
    ("credentialunavailable", "authenticationerror"), ("noauthtoken", "authenticationerror"),
    ("loginrefreshrequired", "authenticationerror"), ("reauthfail", "authenticationerror"),
    # google-auth's base class for a credential it could not find or use (GoogleAuthError: "Unable to find your
    # project"), and a gateway's own AuthError type
    ("autherror", "authenticationerror"),
    # openai-php's UnserializableResponse: the answer's body was not JSON it could decode ("Syntax error", PHP's JSON
    # reader's words: https://github.com/openai-php/client/issues/281, /373, /678), a JSON reader's failure as the
    # standard classes are
    ("unserializable", "jsondecodeerror"),
    # a client's own class for an answer it could not map onto its types (sttp-openai's
    # DeserializationOpenAIException: "missing keys in dictionary: id at index 421", "Could not deserialize:
    # text-moderation-007" for a model name its enum lacked: https://github.com/softwaremill/sttp-ai/issues/162, /298),
    # read as the standard JSON readers' failures are; a server's refusal of a request body says so in its text
    ("deserializ", "jsondecodeerror"),
)
_STANDARD_BY_NAME: dict[str, str | None] = {}


def standard_class(name: str) -> str | None:
    """The standard error class a lower-cased class name is a kind of ("routerratelimiterrorbasic" ->
    "ratelimiterror"), or None; remembered per name (a process meets few class names)."""
    found = _STANDARD_BY_NAME.get(name, "")
    if found == "":
        found = next((standard for kind, standard in _CLASS_KINDS if kind in name), None)
        if len(_STANDARD_BY_NAME) < 1024:
            _STANDARD_BY_NAME[name] = found
    return found


def embedded_payload(text: str) -> object | None:
    """The first JSON object (or Python-literal dict) a message embeds after its own words, if any."""
    start = text.find("{")
    if start < 0:
        return None
    quoted = text.find('"', start, start + 4) > 0
    # Else the first key's quote past any whitespace: pretty-printed JSON (a Dart or Java client's dump, ``indent=2``)
    # puts a newline and an indent before it, and must be read as its compact form is.
    first = ""
    if not quoted and text[start + 1:start + 2].isspace():
        opening = _OPENING.match(text, start + 1)
        first = opening.group(1) if opening is not None else ""
    end = text.rfind("}")
    if quoted or first == '"':
        try:
            decoded: object = _DECODER.raw_decode(text, start)[0]
            return decoded
        except ValueError:
            if "=>" in text and (ruby := _ruby_hash(text[start:end + 1])) is not None:
                return ruby
    if (first == "'" or text.find("'", start, start + 4) > 0) and 0 < end - start < _LITERAL_LIMIT:
        literal = text[start:end + 1]
        as_json = _literal_as_json(literal)
        if as_json == "":  # brackets that do not pair up: no Python literal either (ast would parse it to fail)
            return None
        if as_json is not None:
            try:
                converted: object = _DECODER.decode(as_json)
                return converted
            except ValueError:
                pass
        try:
            source = _INVALID_ESCAPE.sub(_kept_escape, literal) if "\\" in literal else literal
            evaluated: object = ast.literal_eval(source)
            return evaluated
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
    return None


# Ruby's ``inspect`` of a decoded JSON body: ``{"code" => "moderation_blocked", "message" => "..."}`` (Ruby 3.4), or
# ``{"error"=>{"message"=>...}}`` before it (ruby-openai, langchainrb and Faraday print the body so). Its strings are
# JSON strings (double quotes, the same escapes); outside them only ``=>`` for ``:`` and ``nil`` for ``null`` differ.
_RUBY_STRING: Final = re.compile(r'("(?:[^"\\]|\\.)*")')
_RUBY_OUTSIDE: Final = re.compile(r"[\s{}\[\]:,0-9.eE+\-]*")


def _ruby_hash(literal: str) -> object | None:
    """The hash Ruby printed as ``literal``, read as the JSON it was decoded from; None if it is not one."""
    if len(literal) > _LITERAL_LIMIT:  # bounded, as a Python literal is
        return None
    parts = _RUBY_STRING.split(literal)
    if len(parts) % 2 == 0:
        return None
    outside = [p.replace("=>", ":").replace("nil", "null") for p in parts[::2]]
    if not _RUBY_OUTSIDE.fullmatch(" ".join(outside).replace("null", "").replace("true", "").replace("false", "")):
        return None
    parts[::2] = outside
    try:
        decoded: object = _DECODER.decode("".join(parts))
    except ValueError:
        return None
    return decoded


# A backslash before a character Python gives no meaning after one (a Windows path's "C:\~tmp" in a message) stands for
# itself in a string literal, with a SyntaxWarning that Python 3.12 prints on stderr (and -W error turns into a
# SyntaxError); doubled, it means the same and warns of nothing.
_INVALID_ESCAPE: Final = re.compile(r"\\(.)", re.DOTALL)
_VALID_AFTER_BACKSLASH: Final = frozenset("\\'\"abfnrtv01234567xNuU\n")


def _kept_escape(match: re.Match[str]) -> str:
    return match.group(0) if match.group(1) in _VALID_AFTER_BACKSLASH else "\\" + match.group(0)


_OPENING: Final = re.compile(r"""\s*(["'])""")
_OUTSIDE_STRINGS: Final = re.compile(r"[\s{}\[\]:,0-9.eE+\-]*")


def _literal_as_json(literal: str) -> str | None:
    """The same dict as JSON text, when that is exact; else None (``ast.literal_eval`` then decides); ``""``
    when it cannot be a literal at all (its brackets outside strings do not pair up: a message cut short).

    ``repr`` writes a string in single quotes unless it holds a quote, and in double quotes when it holds
    ``'`` but no ``"``; so in a literal without backslashes each string runs from its quote to the next
    same quote. The parts outside strings may then hold only JSON punctuation, numbers and Python's three
    constants. Parsing Python with ``ast`` cost 50 to 100 us a message (150 us to reject a 1 kB one cut short).
    """
    if "\\" in literal or (not literal.isascii() and _SURROGATE.search(literal)):  # ast refuses a lone surrogate
        return None
    mixed = '"' in literal  # strings in both quotes ("Unsupported parameter: 'max_tokens' ...")
    parts = _STRINGS.split(literal) if mixed else literal.split("'")
    if len(parts) % 2 == 0:
        return None
    # All the parts outside strings at once (one check, not one per part: 38 parts cost 30 us): the space between
    # two parts is allowed outside strings and keeps a constant from forming across them.
    outside = " ".join(parts[::2])
    if not _OUTSIDE_STRINGS.fullmatch(outside.replace("True", "").replace("False", "").replace("None", "")):
        return None
    if "True" in outside or "False" in outside or "None" in outside:  # one pass over the parts outside strings
        parts[::2] = [p.replace("True", "true").replace("False", "false").replace("None", "null") for p in parts[::2]]
    # only punctuation, numbers and constants outside strings: no comment can hide a bracket
    if outside.count("{") != outside.count("}") or outside.count("[") != outside.count("]"):
        return ""
    if not mixed:
        return '"'.join(parts)
    if _CONTROL.search(literal) is None:
        # No character JSON escapes but '"' (no backslash: checked above): a double-quoted string holds none and is
        # JSON as it is; a single-quoted one needs its '"' escaped. What the encoder below gives, without a call
        # per string (a 1 kB body holds dozens).
        parts[1::2] = [p if p[0] == '"' else '"' + p[1:-1].replace('"', '\\"') + '"' for p in parts[1::2]]
        return "".join(parts)
    for index in range(1, len(parts), 2):
        content = parts[index][1:-1]
        if "\n" in content or "\r" in content or "\x00" in content:  # Python refuses these in a string
            return None
        parts[index] = _JSON_STRING(content)
    return "".join(parts)


_STRINGS: Final = re.compile(r"""('[^']*'|"[^"]*")""")  # a string in either quote, kept by split
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_CONTROL: Final = re.compile(r"[\x00-\x1f]")  # what a JSON string must escape, besides '"' and a backslash
_JSON_STRING: Final = json.JSONEncoder(ensure_ascii=False).encode  # a str as a JSON string (the C encoder)


def embedded_reset(text: str) -> str:
    """An epoch reset time appended after a ``|`` ("Claude AI usage limit reached|1760000400"), or ''."""
    match = _EPOCH_RE.search(text)
    return match.group(1) if match else ""
