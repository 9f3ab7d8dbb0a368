"""Produce real SDK exceptions and responses by letting the official clients receive HTTP.

The clients are the real ``openai.OpenAI`` and ``anthropic.Anthropic`` (and, for the cloud hosts,
``openai.AzureOpenAI``, ``anthropic.AnthropicBedrock`` signing with SigV4 and
``anthropic.AnthropicVertex``) with ``max_retries=0``;
only their transport is an in-memory ``httpx2.MockTransport`` that answers with the given
status, body and headers (or raises the given transport exception, or streams the given SSE
event). What comes out is exactly what the SDK raises or returns in production for that answer.

``exception_from_message`` serves errors known only by class name and text (bug reports often
show no more). It is honest about what it can reproduce: an SDK transport error is raised by
the real client from the real ``httpx`` exception; an SDK status class is built the way wrapping
libraries (LiteLLM) build theirs, with the status and no body; a builtin is the real builtin;
any other class (botocore, google-genai, gRPC, ...) is a plain ``Exception`` subclass with that
name and text, since a name and a text are all a classifier can read of a class it does not import.

Each function imports only the SDK it drives, when it first drives it: ``steadyloop classify`` on an
Anthropic body never loads ``openai``, nor the reverse (each SDK costs about a second to import).
"""

from __future__ import annotations

import builtins
import functools
import gzip
import importlib
import json
import re
import zlib
from typing import Any, Final, Literal

import httpx2

from .error_shapes import ErrorShape

__all__ = ["Api", "exception_for", "exception_from_http", "exception_from_message", "outcome_from_event",
           "response_from_http"]

_DUMMY_KEY = "test-key-not-a-secret"


def _transport(status: int, body: Any, headers: dict[str, str]) -> httpx2.MockTransport:
    if isinstance(body, str | bytes):
        content = body.encode() if isinstance(body, str) else body
        kind = "text/plain" if isinstance(body, str) and not body.startswith(("{", "[")) else "application/json"
    else:
        content, kind = json.dumps(body).encode(), "application/json"
    content, headers = _as_sent(content, headers)
    all_headers = {"content-type": kind, **headers}

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(status, content=content, headers=all_headers)

    return httpx2.MockTransport(handler)


def _as_sent(content: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """A pasted body is what the client decoded; a pasted ``content-encoding`` says how it crossed the wire. Encode the
    body so (gzip, deflate), as the server did, or leave out an encoding this replay cannot make (its body would be
    read as compressed bytes it is not, an error no real client met)."""
    name = next((k for k in headers if k.lower() == "content-encoding"), None)
    if name is None:
        return content, headers
    coding = headers[name].strip().lower()
    rest = {k: v for k, v in headers.items() if k != name and k.lower() != "content-length"}
    if coding == "gzip":
        return gzip.compress(content), {**rest, name: headers[name]}
    if coding == "deflate":
        return zlib.compress(content), {**rest, name: headers[name]}
    return content, rest


Api = Literal["openai", "anthropic", "responses", "azure", "bedrock", "vertex"]
# Fake-but-valid AWS keys (AWS's documentation example): SigV4 signs with them, no network is asked.
_AWS: Final[dict[str, Any]] = {"aws_access_key": "AKIAIOSFODNN7EXAMPLE",
                               "aws_secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_region": "us-east-1"}


def _cloud(api: Api, http: httpx2.Client) -> Any:
    """The same request through the cloud host's official client (Azure: Chat; Bedrock/Vertex: Messages)."""
    hi: list[Any] = [{"role": "user", "content": "hi"}]
    if api == "azure":
        import openai

        azure = openai.AzureOpenAI(api_key=_DUMMY_KEY, azure_endpoint="http://upstream.test", api_version="2024-10-21",
                                   max_retries=0, http_client=http)
        return azure.chat.completions.create(model="gpt-test", messages=hi)
    import anthropic

    client: Any
    if api == "bedrock":
        client = anthropic.AnthropicBedrock(**_AWS, base_url="http://upstream.test", max_retries=0, http_client=http)
    else:
        client = anthropic.AnthropicVertex(region="us-east5", project_id="test-project", access_token=_DUMMY_KEY,
                                           base_url="http://upstream.test/v1", max_retries=0, http_client=http)
    return client.messages.create(model="claude-test", max_tokens=16, messages=hi)


def _call(api: Api, transport: httpx2.MockTransport) -> Any:
    http = httpx2.Client(transport=transport)
    if api in ("azure", "bedrock", "vertex"):
        return _cloud(api, http)
    if api == "anthropic":
        import anthropic

        client = anthropic.Anthropic(api_key=_DUMMY_KEY, base_url="http://upstream.test", max_retries=0,
                                     http_client=http)
        return client.messages.create(model="claude-test", max_tokens=16,
                                      messages=[{"role": "user", "content": "hi"}])
    import openai

    oai = openai.OpenAI(api_key=_DUMMY_KEY, base_url="http://upstream.test/v1", max_retries=0, http_client=http)
    if api == "responses":
        return oai.responses.create(model="gpt-test", input="hi")
    return oai.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}])


def exception_from_http(api: Api, status: int, body: Any, headers: dict[str, str] | None = None) -> Exception:
    """The exception the real SDK raises for this HTTP answer."""
    try:
        _call(api, _transport(status, body, headers or {}))
    except Exception as exc:
        return exc
    raise AssertionError(f"the {api} client accepted HTTP {status} without raising")


def exception_for(shape: ErrorShape) -> Exception:
    """The real SDK exception for a table shape."""
    return exception_from_http(shape.api, shape.status, shape.body, shape.headers)


def response_from_http(api: Literal["openai", "anthropic", "responses"], body: dict[str, Any]) -> Any:
    """The parsed SDK object the real client returns for a 200 answer with ``body``."""
    return _call(api, _transport(200, body, {}))


# ---------------------------------------------------------------- message-only errors

_SDK_TRANSPORT: dict[str, type[httpx2.TransportError]] = {
    "APIConnectionError": httpx2.ConnectError, "APITimeoutError": httpx2.ReadTimeout}


def _raising(exc_type: type[httpx2.TransportError], message: str) -> httpx2.MockTransport:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise exc_type(message, request=request)

    return httpx2.MockTransport(handler)


def exception_from_message(
    type_name: str, message: str, *, status: int | None = None, api: Literal["openai", "anthropic"] = "openai"
) -> BaseException:
    """The exception a production process would hold, given only its class name and text (see the module doc)."""
    name = type_name.rsplit(".", 1)[-1]
    transport = _SDK_TRANSPORT.get(name) or getattr(httpx2, name, None)
    if isinstance(transport, type) and issubclass(transport, httpx2.TransportError):
        try:
            _call(api, _raising(transport, message))
        except Exception as exc:
            return exc
        raise AssertionError("the client did not raise from a raising transport")
    module: Any = importlib.import_module(api)  # only the SDK this error belongs to
    sdk_class = getattr(module, name, None)
    if isinstance(sdk_class, type) and issubclass(sdk_class, module.APIStatusError):
        # A subclass names its status (RateLimitError: 429); the base class pasted without one is what the SDKs raise
        # for an error event inside a 200 stream (anthropic's ``_make_status_error`` on the stream's own response), and
        # what other libraries' classes of the same name carry when no HTTP status came (livekit-agents' APIStatusError
        # with "status_code=-1" for a closed websocket): the 200 of the stream, never an invented 500.
        # (InternalServerError, which the SDKs raise for any 5xx, names none and stands for 500).
        code = status or getattr(sdk_class, "status_code", None) or (200 if sdk_class is module.APIStatusError else 500)
        request = httpx2.Request("POST", "http://upstream.test/v1")
        wrapped: BaseException = sdk_class(
            message, response=httpx2.Response(code if isinstance(code, int) else 500, request=request), body=None)
        return wrapped
    builtin = getattr(builtins, name, None)
    if isinstance(builtin, type) and issubclass(builtin, BaseExceptionGroup):
        return _group(builtin, message)
    if isinstance(builtin, type) and issubclass(builtin, Exception):
        return builtin(message)
    return _stand_in(name)(message)


_SUB_COUNT: Final = re.compile(r"(.*) \((\d+) sub-exceptions?\)", re.DOTALL)


def _group(group: type[BaseExceptionGroup[Any]], message: str) -> BaseException:
    """An exception group whose text is the pasted one: Python prints a group as "<message> (N sub-exceptions)", so
    the count a paste shows is the number of (unshown, empty) sub-exceptions built (anyio's "multiple connection
    attempts failed (2 sub-exceptions)": https://github.com/djcopley/ShellOracle/issues/34)."""
    counted = _SUB_COUNT.fullmatch(message)
    text, count = (counted.group(1), int(counted.group(2))) if counted else (message, 1)
    return group(text, [Exception() for _ in range(max(count, 1))])


@functools.cache
def _stand_in(name: str) -> type[Exception]:
    """One class per name, as a process has: every "Error" pasted is an instance of the same class."""
    return type(name, (Exception,), {"__module__": "corpus"})


# ---------------------------------------------------------------- SSE events inside a 200 stream


def _sse(events: list[dict[str, Any]]) -> httpx2.MockTransport:
    text = "".join(f"event: {e.get('type', 'message')}\ndata: {json.dumps(e)}\n\n" for e in events)

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, content=text.encode(), headers={"content-type": "text/event-stream"})

    return httpx2.MockTransport(handler)


_MESSAGE_START: dict[str, Any] = {"type": "message_start", "message": {
    "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-test", "content": [],
    "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1}}}


def outcome_from_event(event: dict[str, Any]) -> Any:
    """Stream one SSE event through the real client that would receive it.

    Returns the exception the SDK raises (Anthropic ``error`` events, any chunk with an ``error``
    object), or the object the loop would classify: a Responses event (``response.failed`` gives its
    ``response``, as the loop's stream accumulator does), else the event as a plain dict.
    """
    kind = str(event.get("type", ""))
    try:
        if kind == "error" and isinstance(event.get("error"), dict):
            import anthropic

            client = anthropic.Anthropic(api_key=_DUMMY_KEY, base_url="http://upstream.test", max_retries=0,
                                         http_client=httpx2.Client(transport=_sse([_MESSAGE_START, event])))
            with client.messages.stream(model="claude-test", max_tokens=16,
                                        messages=[{"role": "user", "content": "hi"}]) as stream:
                list(stream)
        elif kind.startswith("response.") or kind == "error":
            import openai

            oai = openai.OpenAI(api_key=_DUMMY_KEY, base_url="http://upstream.test/v1", max_retries=0,
                                http_client=httpx2.Client(transport=_sse([event])))
            last = list(oai.responses.create(model="gpt-test", input="hi", stream=True))[-1]
            return getattr(last, "response", None) if kind.startswith("response.") else last
        elif isinstance(event.get("error"), dict):
            import openai

            oai = openai.OpenAI(api_key=_DUMMY_KEY, base_url="http://upstream.test/v1", max_retries=0,
                                http_client=httpx2.Client(transport=_sse([event])))
            list(oai.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}],
                                             stream=True))
    except Exception as exc:
        return exc
    return event
