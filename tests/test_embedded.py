"""Behaviour of agent._embedded: what an error's text embeds (a status, a provider's JSON, codes)."""

from __future__ import annotations

import ast
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent import FailoverReason, classify_api_error
from agent._embedded import _CANDIDATE, embedded_payload, embedded_status, standard_class
from agent.testing.sdk_errors import exception_from_message

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                     st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=12)
# keys without quotes, so that repr opens the dict with ``{'`` as Python prints error bodies; values may hold any text
_keys = st.text(st.characters(blacklist_characters="'\"\\"), max_size=12)
_dicts = st.dictionaries(_keys, _values, min_size=1, max_size=5)


@given(payload=_dicts, prefix=st.sampled_from(["Error code: 400 - ", "litellm.BadRequestError: ", "failed: "]))
def test_python_literal_payload_is_read_exactly(payload: dict[str, Any], prefix: str) -> None:
    """A dict printed by Python inside a message is recovered exactly as ``ast.literal_eval`` reads it."""
    text = prefix + repr(payload)
    assert embedded_payload(text) == ast.literal_eval(repr(payload))


@pytest.mark.parametrize("text", [
    "failed: {'a': true}",  # not Python: a JSON word outside a string
    "failed: {'a': ('b',)}",  # a tuple
    "failed: {'a': b'{\"message\": \"x\"}'}",  # bytes, with double quotes inside
    "failed: {'a': 'x' 'y'}",  # implicit concatenation
    "failed: {'a': {2: 'two'}}",  # a non-string key
    "failed: {'a': None, 'b': 'None True False'}",  # the constants inside a string stay text
    "failed: {'a': [1, {'b': 'c'}]",  # cut short: a bracket left open
    "failed: {'a': {'b': 'c'}}}",  # a bracket too many
    "failed: {'a': [{'b': ']'}}",  # a bracket inside a string does not count
    "failed: {'a': 1,}",  # a trailing comma: Python reads it, JSON does not
    "failed: {'a': \"it's\", 'b': [\"x'\", 'y\"z']}",  # strings in both quotes, as repr writes them
    "failed: {'a': \"it's\\tfine\", 'b': 'tab\tand\x0cfeed'}",  # a backslash: ast decides; raw tab, form feed
    "failed: {'a': \"it's\ncut\"}",  # a raw newline inside a string: Python refuses it
    "failed: {'a': \"it's\ud800\"}",  # a lone surrogate: ast refuses it
    "failed: {'a': 'x', \"b\": 'it\"s'}",  # each string ends at its own quote
    "failed: {'a': \"x'}",  # a string left open
    "failed: {'a': Tr'x'ue, 'b': [None, True]}",  # a constant cut by a string is none (the parts are checked at once)
    "failed: {'a': FaTruelse}",  # nor is what removing one constant leaves of another
])
def test_python_literal_edge_cases_match_ast(text: str) -> None:
    """Literals the JSON shortcut must not read differently from ``ast.literal_eval`` give the same answer."""
    literal = text[text.index("{"):]
    try:
        expected: object = ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        expected = None
    assert embedded_payload(text) == expected


@settings(deadline=None)  # ast parses on a loaded machine can pass 200 ms
@given(payload=_dicts, cut=st.integers(1, 400))
def test_a_literal_cut_short_reads_as_ast_does(payload: dict[str, Any], cut: int) -> None:
    """A printed dict cut anywhere (a pasted message that ends inside the Help detail) gives what
    ``ast.literal_eval`` gives for the same text, without asking it when the brackets cannot pair up."""
    printed = repr(payload)
    text = "429 RESOURCE_EXHAUSTED. " + printed[:max(1, len(printed) - cut)]
    start, end = text.index("{"), text.rfind("}")
    literal = text[start:end + 1] if end > start else ""
    try:
        expected: object = ast.literal_eval(literal) if literal else None
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        expected = None
    assert embedded_payload(text) == expected


def test_a_literal_cut_short_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real shape (https://github.com/google-gemini/gemini-cli/issues/8437, the paste ends inside ``details``):
    unpaired brackets outside strings are rejected without the 150 us ``ast`` parse that could only fail."""
    text = ("429 RESOURCE_EXHAUSTED. {'error': {'code': 429, 'message': 'You exceeded your current quota.', "
            "'status': 'RESOURCE_EXHAUSTED', 'details': [{'@type': 'type.googleapis.com/google.rpc.QuotaFailure', "
            "'violations': [{'quotaMetric': 'generate_content_free_tier_requests', "
            "'quotaDimensions': {'location': 'global', 'model': 'gemini-2.5-flash-preview-image'}}]}")

    def no_parse(_: str) -> object:
        raise AssertionError("ast.literal_eval was asked to parse a literal that cannot be one")

    monkeypatch.setattr(ast, "literal_eval", no_parse)
    assert embedded_payload(text) is None


def _status_candidates(head: str) -> list[tuple[int, int]]:
    """The standalone ``[45]dd`` numbers of ``head``, found the plain way (every match, then a look around it)."""
    found = []
    for match in re.finditer(r"[45]\d\d", head):
        start, end = match.span()
        after = head[end + 1:end + 2]
        if head[start - 1:start].isalnum() or (head[start - 1:start] in "._" and start > 0) or \
                head[end:end + 1].isalnum() or (head[end:end + 1] == "_" and end < len(head)) or \
                (head[end:end + 1] == "." and (after.isalnum() or after == "_")):
            continue
        found.append((start, end))
    return found


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["429", "400", "5003", "4", "99", ".", "_", "a", " ", "Error code: ", "[", "(", "é",
                                 "٤٢٩", "x", "-", "\n", "v4.500", "450", "1"]), max_size=14).map("".join))
def test_status_candidates_are_the_standalone_numbers(text: str) -> None:
    """The candidate pattern finds exactly the 4xx/5xx numbers no letter, digit, ``_`` or ``.`` touches (a ``.`` after
    it only when it ends a sentence, not when a word or number goes on)."""
    assert [m.span() for m in _CANDIDATE.finditer(text)] == _status_candidates(text)


@pytest.mark.parametrize(("text", "status"), [
    ("Service Unavailable", 503), ("Bad Gateway", 502), ("too many requests.", 429), ("Method Not Allowed", 405),
    ("The service is unavailable", None), ("Service Unavailable: the upstream model server is restarting", None),
])
def test_a_bare_reason_phrase_states_its_status(text: str, status: int | None) -> None:
    """A message that is only a reason phrase (an SSE error event's "Service Unavailable") states that status;
    a sentence that merely contains one does not."""
    assert embedded_status(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # https://github.com/karthink/gptel/issues/1533 (Emacs prints curl's status line)
    ("MistralLeChat error: ((HTTP/2 429) Could not parse HTTP response.) Could not parse HTTP response.", 429),
    # https://github.com/anthropics/claude-code/issues/6781
    ("API Error (api.anthropic.com | 504: Gateway time-out) · Retrying in 1 seconds… (attempt 1/10)", 504),
    # https://github.com/Kilo-Org/kilocode/issues/5871 (DashScope's "<400>" form)
    ("Alibaba error: Upstream error from Alibaba: <400> InternalError.Algo.InvalidParameter: Range of max_tokens "
     "should be [1, 32768]", 400),
    ("listening on port 8429 for model v4.500 (took 429ms)", None),
    ("retry after <429 seconds", None),
    # https://github.com/diffbot/code-gpt-docs/issues/27 (axios's message, ending a sentence inside a wrapper's)
    ("OpenAI API Response was: Error: Request failed with status code 429. More information about this error: "
     "https://www.codegpt.co/docs/tutorial-basics/api_errors", 429),
    # https://github.com/microsoft/copilot-camp/issues/551 (a Teams bot's words around Azure's 429)
    ("An error occurred when calling Azure OpenAI: Server responded with status 429. Error message: ...", 429),
    ("the model took status code 429.5 s; retry later", None),  # a "." that goes on into a number is not an end
    # https://github.com/sambanova/ai-starter-kit/issues/712 (requests' HTTPError, its number lost in the paste)
    ("Client Error: NOT FOUND for url: https://api.sambanova.ai/v1/chat/completions", 404),
    ("503 Server Error: Service Unavailable for url: https://api.example.test/v1", 503),
    # https://github.com/microsoft/vscode-copilot-release/issues/5795: "Server Error:" then a sentence, no reason
    ("Server Error: Sorry, you have exceeded your Copilot token usage. Please review our Terms of Service.", None),
    # https://github.com/mindsdb/anton/issues/178: the server named as what answered
    ("Server returned 401 — the LLM endpoint may be temporarily unavailable. Try again in a moment.", 401),
    ("The model returned 429 tokens before the stream ended", None),  # a count, not a status
    # https://github.com/can1357/oh-my-pi/issues/3219: a status alone in parentheses before a colon
    ("Login failed: Fireworks API key validation failed (500): Error listing deployed models", 500),
    # https://github.com/aaif-goose/goose/issues/11899
    ("Request failed: Bad request (400): Provider returned error", 400),
    ("the answer was cut (500 tokens): raise max_tokens", None),  # a count in parentheses
    # https://github.com/campfirein/byterover-cli/issues/43: openai-node's "<status> <message>" for OpenRouter's
    # upstream error inside a wrapper's sentence (the terminal wrapped the line), and at the start of a text
    ("ERROR: Error in OpenRouter API call (Attempt 1/3): 400 Provider\n   returned error", 400),
    ("429 Provider returned error", 429),
    ("Attempt 1/3): 400 providers returned errors", None),  # not OpenRouter's message
    ("Attempt 1/3): 400 Provider settings saved", None),  # other words after the number
    ("limits (429) apply per minute", None),  # no colon after it: a reference, not a status line
    # https://github.com/fishstrap/fishstrap/issues/1260: .NET's EnsureSuccessStatusCode, the reason in parentheses
    ("Response status code does not indicate success: 503 (Service Unavailable).", 503),
    # https://github.com/stackblitz-labs/bolt.diy/issues/1550: a browser console's line, the same parenthesised reason
    ("POST http://localhost:5173/api/llmcall 500 (Internal Server Error)", 500),
    ("a batch of 500 (Internal) items", None),  # parentheses holding no reason phrase
    # https://github.com/logancyang/obsidian-copilot/issues/1: Chromium's console line for a failed request
    ("api.openai.com/v1/chat/completions:1     Failed to load resource: the server responded with a status of 400 ()",
     400),
    # https://github.com/ollama/ollama/issues/6726: Go's wrapped error, the status between two colons
    ("Error: pull model manifest: 503: no healthy upstream", 503),
    # https://github.com/IBM/prompt-declaration-language/issues/702: Gin's access log (Ollama, one-api, new-api)
    ('[GIN] 2025/03/06 - 11:42:21 | 503 |   42.044125ms |       127.0.0.1 | POST     "/api/generate"', 503),
    ('[GIN] 2025/03/06 - 11:42:21 | 200 |   500.2ms |       127.0.0.1 | POST     "/api/generate"', None),  # latency
    # https://github.com/letta-ai/letta/issues/2188 (o-letta in the corpus) and OkHttp's Response{...}: code=N
    ('API call got non-200 response code (code=500, msg={"error":"llama runner process has terminated"})', 500),
    ("Unexpected code Response{protocol=h2, code=429, message=, url=https://api.openai.com/v1/chat/completions}", 429),
    ("the worker process exited with exitcode=500", None),  # a process's exit code
    # a Dart client's RequestFailedException (corpus p-openai-dart-image-edit-unsupported-mimetype): statusCode
    ("RequestFailedException(message: Invalid file 'image': unsupported mimetype., statusCode: 400)", 400),
    # verb leads, read only when no count follows the number
    ("Server responded with 503", 503), ("got 503 from provider", 503), ("received a 429 response", 429),
    ("API returned 500.", 500),
    ("got 429 results for the query", None), ("received 500 bytes", None),
])
def test_status_line_forms_state_their_status(text: str, status: int | None) -> None:
    """"HTTP/2 429", "504: Gateway time-out" and DashScope's "<400>" state a status; a bare number does not."""
    assert embedded_status(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # https://github.com/microsoft/semantic-kernel/issues/2486: the retry handler's log (corpus ad-q44)
    ("Error executing request, max retry count reached. Reason: TooManyRequests", 429),
    ("Error executing action [attempt 1 of 1]. Reason: TooManyRequests. Will retry after 9000ms", 429),
    # https://github.com/nminaya/grammar-nazi-bot/issues/931: a .NET client's words around Groq's 503 (corpus ad-q82)
    ("Unsuccessful Groq API response ServiceUnavailable\n ---> System.Exception: upstream connect error", 503),
    ("StatusCode: GatewayTimeout, Message: Unable to reach the endpoint", 504),
    ("Kubernetes Status reason: TooManyRequests", 429),
    # never a class name, and never a name with no lead before it
    ("litellm.InternalServerError: InternalServerError: OpenAIException - Connection error.", None),
    ("google.api_core.exceptions.ServiceUnavailable: failed to connect to all addresses", None),
    ("raised TooManyRequestsError in the worker", None),
])
def test_a_dotnet_status_name_after_a_lead_states_its_status(text: str, status: int | None) -> None:
    """.NET's HttpStatusCode names (and Kubernetes' Status reasons) after "Reason:", "StatusCode:" or "response" state
    that status; a class name that happens to read the same does not."""
    assert embedded_status(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # https://github.com/lencx/ChatGPT/issues/673: Cloudflare's 502 page pasted as text (corpus ad-q58)
    ("Bad gateway\nThe web server reported a bad gateway error.\n\nRay ID: 7ab160c02b5ddb96\nYour IP address: "
     "[deleted]\nError reference number: 502\nCloudflare Location: Los Angeles", 502),
    ("Error reference number: 504", 504),
    ("Order reference number 5021 was not found", None),  # a longer number, no status
])
def test_cloudflares_error_reference_number_states_the_status(text: str, status: int | None) -> None:
    """Cloudflare's error page names its status as "Error reference number: 502"."""
    assert embedded_status(text) == status


@pytest.mark.parametrize(("name", "standard"), [
    ("routerratelimiterrorbasic", "ratelimiterror"),  # LiteLLM's router cooldown
    ("toomanyrequestserror", "toomanyrequests"),  # Cohere
    ("servererror", "internalservererror"),  # google-genai's 5xx class
    ("modeltimeouterror", "apitimeouterror"),
    ("modulenotfounderror", None),  # a local import failure: no provider error kind
    ("valueerror", None),
])
def test_a_wrappers_class_name_stands_for_the_standard_class_of_its_kind(name: str, standard: str | None) -> None:
    """The kind word in a wrapper's own class name maps it to the standard class the rules know."""
    assert standard_class(name) == standard


# https://github.com/lollipopkit/flutter_gpt_box/issues/213: a Dart client's OpenAIClientException prints DeepSeek's
# answer pretty-printed (two-space indent)
_DEEPSEEK_400 = {"error": {"message": "deepseek-reasoner does not support the parameter `presence_penalty`",
                           "type": "invalid_request_error", "param": None, "code": "invalid_request_error"}}


@pytest.mark.parametrize("indent", [None, 2, 4, "\t"])
@pytest.mark.parametrize("compact", [True, False])
def test_json_reads_the_same_compact_or_pretty_printed(indent: int | str | None, compact: bool) -> None:
    """The same JSON, compact ("type":"x"), spaced ("type": "x") or pretty-printed with any indent, is the same
    payload: only the whitespace between tokens differs."""
    separators = (",", ":") if compact else None
    text = "OpenAIClientException(" + json.dumps(_DEEPSEEK_400, indent=indent, separators=separators) + ")"
    assert embedded_payload(text) == _DEEPSEEK_400
    assert embedded_payload("failed: {\n  'error': {'code': 429}}") == {"error": {"code": 429}}
    # near misses: braces that open no object with a quoted key stay unread
    assert embedded_payload("template {\n  name } failed") is None
    assert embedded_payload("set {\n 1, 2}") is None


@pytest.mark.parametrize("indent", [None, 2, 4])
def test_an_embedded_request_error_type_gives_the_same_verdict_however_printed(indent: int | None) -> None:
    """A message-only exception embedding OpenAI's ``"type": "invalid_request_error"`` is the request's fault (a 4xx)
    whether its JSON was printed compact or pretty: the dump's indentation does not change the verdict."""
    text = ('OpenAIClientException({"uri": "https://api.deepseek.com/v1/chat/completions", "method": "POST", '
            '"code": 400, "message": "Unsuccessful response", "body": ' + json.dumps(_DEEPSEEK_400) + "})")
    pretty = json.dumps(json.loads(text[len("OpenAIClientException("):-1]), indent=indent)
    c = classify_api_error(exception_from_message("OpenAIClientException", f"OpenAIClientException({pretty})"))
    assert (c.reason, c.rule) == (FailoverReason.format_error, "status_4xx")
