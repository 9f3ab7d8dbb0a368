"""An error keeps its reading whatever printed it: a JSON log line's escapes, a page's HTML escapes, a traceback's
last line kept as a plain exception's text, and a wrapper that kept the SDK's text but lost its status.

Every text below is a real one (its source on the line above); what is applied to it is the real function that
prints errors that way (``json.dumps``, ``html.escape``, ``traceback.format_exception_only``), or the real SDK class
built as a wrapping library builds it (``exception_from_message``).
"""

from __future__ import annotations

import html
import json
import traceback

import pytest

from agent import FailoverReason, classify_api_error
from agent._word_model import NO_MODEL
from agent.testing.sdk_errors import exception_from_message
from tests.test_error_classifier_client_wordings import _rules_alone as _reason

R = FailoverReason

_TEXTS = [
    # https://github.com/yangjian102621/geekai-plus/issues/1 (Zhipu's code 1214: messages must not be empty)
    ("Error", "\u8bf7\u6c42\u5927\u6a21\u578b API \u5931\u8d25\uff1a"
              '{"error":{"code":"1214","message":"messages:\u8f93\u5165\u4e0d\u80fd\u4e3a\u7a7a"}}', R.format_error),
    # https://github.com/anthropics/claude-code/issues/17848
    ("Error", 'Error in non-streaming fallback: 403 {"type":"error","error":{"type":"permission_error","message":'
              '"Permission denied"},"request_id":"req_011CX4kyMNYV8HGKS4XAgwkP"}', R.auth),
    # https://github.com/QuantumNous/new-api/issues/7448 (the user's quota is insufficient)
    ("Error", "\u7528\u6237\u989d\u5ea6\u4e0d\u8db3", R.billing),
    # https://github.com/strands-agents/harness-sdk/issues/3651
    ("ValidationException", "The number of toolResult blocks at messages.11.content\nexceeds the number of toolUse "
                            "blocks of previous turn.", R.format_error),
]


@pytest.mark.parametrize(("type_name", "text", "expect"), _TEXTS)
def test_the_texts_read_right_as_pasted(type_name: str, text: str, expect: FailoverReason) -> None:
    """The baseline the printed forms below must keep."""
    assert _reason(type_name, text) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), _TEXTS)
def test_an_error_logged_through_json_dumps_keeps_its_reading(type_name: str, text: str,
                                                             expect: FailoverReason) -> None:
    """A JSON log line holds the error as a JSON string: every quote escaped, every non-ASCII character a \\uXXXX
    escape (``json.dumps``'s default), newlines as \\n. Pasted from the log, the escapes are the text."""
    logged = json.dumps(text)[1:-1]
    assert "\\" in logged
    assert _reason(type_name, logged) is expect
    twice = json.dumps(json.dumps(text))[1:-1]  # a body quoted inside a log line that is itself quoted
    assert _reason(type_name, twice) is expect


@pytest.mark.parametrize(("type_name", "text", "expect"), _TEXTS)
def test_an_error_html_escaped_keeps_its_reading(type_name: str, text: str, expect: FailoverReason) -> None:
    """A page's source or a templated error shows quotes and brackets as entities (&quot;error&quot;)."""
    assert _reason(type_name, html.escape(text)) is expect


def test_only_the_entities_of_quotes_and_brackets_are_read() -> None:
    """A URL's query keeps its text: "&notify=1" is not the entity "&not" (html.unescape would make it "\u00acify")."""
    from agent._facts import _unescaped

    assert _unescaped("see https://x.test/?a=1&notify=1&quot;done&quot;;") == 'see https://x.test/?a=1&notify=1"done";'
    assert _unescaped("C:\\Users\\me") == "C:\\Users\\me"  # no JSON escape in a Windows path: left as it is


@pytest.mark.parametrize(("type_name", "text", "expect"), [
    # https://github.com/strands-agents/harness-sdk/issues/3651 (botocore names the class after the error code)
    ("ValidationException", "The number of toolResult blocks at messages.11.content\nexceeds the number of toolUse "
                            "blocks of previous turn.", R.format_error),
    # https://github.com/vllm-project/vllm/issues/10925
    ("vllm.engine.async_llm_engine.AsyncEngineDeadError", "Task finished unexpectedly. This should never happen! "
     "Please open an issue on Github. See stack trace above for theactual cause.", R.server_error),
    # https://github.com/langchain4j/langchain4j/issues/5423 (an empty message: the class is all there is)
    ("dev.langchain4j.exception.RateLimitException", "", R.rate_limit),
    # https://github.com/jakobdylanc/llmcord/issues/62 (an error event in Groq's stream: the reason phrase alone);
    # the Vercel AI SDK's APICallError whose message is the status text (packages/provider-utils, response-handler.ts)
    ("APIError", "Service Unavailable", R.overloaded),
    ("AI_APICallError", "Bad Gateway", R.server_error),
])
def test_a_traceback_line_kept_as_text_names_its_class(type_name: str, text: str, expect: FailoverReason) -> None:
    """A wrapper that re-raises ``Exception(f"{type(e).__name__}: {e}")``, or a paste of a traceback's last line read
    as a plain exception, names the class at the start of the text: it is read as the class itself is."""
    original = exception_from_message(type_name, text)
    assert classify_api_error(original, word_model=NO_MODEL).reason is expect
    line = "".join(traceback.format_exception_only(original)).strip()
    qualified = f"{type_name}: {text}".strip()
    for printed in {line, qualified}:
        assert _reason("Exception", printed) is expect, printed


@pytest.mark.parametrize("text", ["OpenAI: the server said no", "Error: something failed", "Note: retrying"])
def test_a_leading_word_that_is_no_class_name_adds_no_code(text: str) -> None:
    """Only a CamelCase word of two parts at least counts as a class: a provider's name or a bare "Error" does not."""
    from agent._embedded import embedded_codes

    assert embedded_codes(text) == []


@pytest.mark.parametrize(("status", "body", "expect"), [
    # https://github.com/sgl-project/sglang (scheduler.py: the waiting queue is full)
    (503, {"object": "error", "message": "The request queue is full.", "type": "503", "param": None, "code": 503},
     R.overloaded),
    # https://github.com/Hk-Gosuto/ChatGPT-Next-Web-LangChain/issues/302 (Vercel's function timed out)
    (504, {"error": {"code": "504", "message": "An error occurred with your deployment"}}, R.timeout),
])
def test_a_5xx_the_text_states_outranks_a_bare_500_of_the_object(status: int, body: dict[str, object],
                                                                 expect: FailoverReason) -> None:
    """openai-python 1.x printed the whole body ("Error code: 503 - {...}"); a wrapper that keeps that text in an
    ``InternalServerError`` of its own (500 unless a response says otherwise) loses the status, the text keeps it."""
    text = f"Error code: {status} - {body!r}"
    error = exception_from_message("openai.InternalServerError", text)
    assert getattr(error, "status_code", None) == 500
    assert classify_api_error(error, word_model=NO_MODEL).reason is expect
    # the same text under the status it states reads the same (the SDK itself built it)
    assert classify_api_error(exception_from_message("openai.InternalServerError", text, status=status),
                              word_model=NO_MODEL).reason is expect
    # and a 500 that states 500 stays a server error
    plain = exception_from_message("openai.InternalServerError", "Error code: 500 - {'error': 'boom'}")
    assert classify_api_error(plain, word_model=NO_MODEL).reason is R.server_error


def test_a_python_literal_with_a_windows_path_is_read_without_a_warning() -> None:
    """openai-python 1.x's "Error code: 400 - {...}" printed a body whose message held a Windows path ("C:\\~tmp"):
    a backslash Python gives no meaning, which ``ast.literal_eval`` warns of (a SyntaxWarning on stderr from Python
    3.12, a SyntaxError under -W error that lost the body's code), and a "\\n" that is the literal's own escape. The
    body is read, its code kept, and nothing warns."""
    import warnings

    text = "Error code: 400 - {'error': {'message': 'Invalid path C:\\~tmp\\new', 'code': 'invalid_value'}}"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = classify_api_error(exception_from_message("openai.BadRequestError", text), word_model=NO_MODEL)
    assert (c.reason, c.error_code) == (R.format_error, "invalid_value")


@pytest.mark.parametrize("printing", ["json_log", "json_log_twice", "html", "first_letter_escaped"])
def test_a_key_in_an_escaped_text_is_redacted(printing: str) -> None:
    """OpenAI's 401 text (https://platform.openai.com/docs/guides/error-codes) with the key it echoes, printed through a
    JSON log line, quoted twice, HTML-escaped, or with a character written as \\uXXXX: the result never carries the key
    (the redaction reads the unescaped text, where an escape can no longer hide the key's prefix)."""
    key = "sk-proj-" + "Ab3x" * 12
    text = f"Incorrect API key provided: {key}. You can find your API key at https://platform.openai.com/api-keys."
    printed = {"json_log": json.dumps({"error": {"message": text}}),
               "json_log_twice": json.dumps(json.dumps({"error": {"message": text}}))[1:-1],
               "html": html.escape(json.dumps({"error": {"message": text}})),
               "first_letter_escaped": text.replace("sk-", "\\u0073k-")}[printing]
    c = classify_api_error(exception_from_message("Exception", printed), word_model=NO_MODEL)
    assert c.reason is R.auth
    assert "Ab3xAb3x" not in repr(c) and "proj-Ab3" not in c.message


@pytest.mark.parametrize(("text", "status"), [
    ("AI_APICallError: Bad Gateway", 502),
    ("APIError: Service Unavailable", 503),
    # near misses: a sentence after the class states no status, nor does a reason phrase that is no class's message
    ("AI_NoContentGeneratedError: No content generated.", None),
    ("ValueError: Unsupported Bedrock model: meta.llama3-70b-instruct-v1", None),
    ("Note: Bad Gateway", None),
])
def test_a_reason_phrase_after_its_class_states_the_status(text: str, status: int | None) -> None:
    """A traceback's last line whose message is a reason phrase alone states that status, as the phrase alone does."""
    from agent._embedded import embedded_status

    assert embedded_status(text) == status


def test_codes_in_brackets_and_fields_read_as_one_scan_read_them_on_every_real_text() -> None:
    """The bracketed and key=value codes are found by two scans merged by position (one alternation tried at every
    position cost 8 us a text); over every message text of the corpus, and shapes holding both forms, they are the
    codes, in the order, that the one alternation found."""
    import re

    from agent._embedded import _GRPC_SNAKE_CODES, _text_codes
    from agent.testing.corpus import all_entries

    one = re.compile(r"(?:\[(?!(?:" + "|".join(_GRPC_SNAKE_CODES) + r")\b)|\b(?:code|type)=['\"]?)"
                     r"([a-z]{2,30}(?:_[a-z]{2,30}){1,5})(?:\]|\b(?![=.(]))")
    shapes = ["[invalid_request_error] then code=rate_limit_exceeded", "type='server_error' [unsupported_tool_schema]",
              "[invalid_argument] code=not_found [bad_request_x]", "(code=a_b type=c_d) [e_f] code='g_h'",
              "[type=abc_def]", "x" * 590 + " [late_code_here]"]
    texts = [e.exc_message for e in all_entries() if e.kind == "message"] + shapes
    checked = [t for t in texts if "_" in t and ("[" in t or "=" in t)]
    assert len(checked) > 1000
    assert all(_text_codes(t) == one.findall(t, 0, 600) for t in checked)
    assert _text_codes(shapes[0]) == ["invalid_request_error", "rate_limit_exceeded"]
    assert _text_codes(shapes[1]) == ["server_error", "unsupported_tool_schema"]


@pytest.mark.parametrize(("text", "codes"), [
    # https://github.com/alibaba/spring-ai-alibaba/issues/4297
    ("[InvalidParameter] url error, please check url\uff01 For details, see: https://help.aliyun.com/zh/model-studio/"
     "error-code#error-url (requestId: 44ca5f7e-8fe8-42d2-bd)", ["invalidparameter"]),
    # near misses: a log level, an errno, a class name with a space, one capitalised word
    ("[ERROR] request failed", []),
    ("[Errno 111] Connection refused", []),
    ("[GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com", []),
    ("[Throttling] the request was throttled", []),
])
def test_a_leading_bracketed_camelcase_code_is_dashscopes_code(text: str, codes: list[str]) -> None:
    """DashScope's SDKs open a text with the service's code in brackets: read as the code it is (before: not read, and
    "url error, please check url" ended unknown); only two capitalised words or more at the very start."""
    from agent._embedded import embedded_codes

    assert [c for c in embedded_codes(text) if c in codes or not codes] == codes
    if codes:
        assert _reason("DashScopeException", text) is R.format_error
