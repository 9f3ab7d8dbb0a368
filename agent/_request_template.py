"""Sending a request through an SDK client, its request built by the SDK once per shape.

The SDKs' ``post`` rebuilds the same request on every call: request options (pydantic models),
the header layers, the URL merge, httpx's ``build_request``: about 1 ms of CPU a call on a
2-core VM, a third of what ``steadyloop serve`` spent per request. For a body sent as bytes
(``content=``) none of that changes between calls with the same client, path, headers and
security but the call's timeout. So the first call of each shape goes through ``post``, and the
request it sent (``response.request``) is kept as a template; later calls copy it with their own
body and timeout and send it through the SDK's own HTTP client (``client._client.send``: its
transport, redirects and cookie jar), and their answer is judged as ``post`` judges it:

| what happened                                | raised, as ``post`` raises it                      |
| -------------------------------------------- | -------------------------------------------------- |
| a status outside 2xx                         | ``client._make_status_error_from_response`` (body read first) |
| one of the SDK's timeout exceptions          | its ``APITimeoutError``, from the timeout           |
| the SDK's own error                          | as raised                                          |
| a transport failure the SDK wraps            | its ``APIConnectionError``, from the failure        |
| anything else                                | as raised (OpenAI wraps only transport errors)     |

``post_content`` (async, the gateway's raw bodies) and ``post_content_sync`` send bytes and
return the HTTP response. ``post_json`` / ``post_json_async`` (the conversation loop's adapters)
take what ``post(body=..., options=..., cast_to=..., stream_cls=...)`` takes: the body is encoded
as that SDK's ``_build_request`` encodes it (``extra_body`` merged, anthropic's
``prepare_request_data``, the SDK's ``openapi_dumps``), sent as above, and the response goes
through the SDK's own ``_process_response`` (the typed object, or its ``Stream`` class).

Only a client whose requests are static qualifies: no retries, no custom auth or token
provider, no middleware or idempotency header (``_static``); for typed calls also only the
SDK's first-party client (the cloud clients rewrite path and body), request options a template
carries, and no span the SDK would record or propagate. Any other keeps ``post``.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final, Literal, overload

import httpx2

from . import _aio_lane

__all__ = ["post_content", "post_content_sync", "post_json", "post_json_async"]

# Written per call by the SDK from the call's read timeout (``_build_headers``); the rest of a template stays.
_TIMED: Final = frozenset({b"x-stainless-timeout", b"x-stainless-read-timeout"})
# Set per request by httpx: the body's length, and the client's cookie jar as it is then.
_PER_REQUEST: Final = frozenset({b"content-length", b"cookie"})
_SHAPES: Final = 64  # templates kept per client (the header sets clients send are few), then start over


@dataclass(frozen=True, slots=True)
class _Template:
    """A request the SDK sent: its URL, headers (less the per-request ones) and extensions but the timeout."""

    url: httpx2.URL
    headers: tuple[tuple[bytes, bytes], ...] = field(repr=False)  # the client's auth header among them
    extensions: dict[str, Any]
    timed: frozenset[bytes]  # the headers the SDK wrote from the timeout (not the caller's own)
    items: dict[str | None, tuple[tuple[str, str], ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, request: httpx2.Request, given: dict[str, str]) -> _Template:
        """The template of ``request``, sent with the caller's headers ``given`` (which the SDK never overwrites)."""
        headers = tuple((k, v) for k, v in request.headers.raw if k.lower() not in _PER_REQUEST)
        extensions = {k: v for k, v in request.extensions.items() if k != "timeout"}
        return cls(request.url, headers, extensions, _TIMED - {name.lower().encode() for name in given})

    def _headers(self, timeout: httpx2.Timeout, timed: bool) -> tuple[tuple[bytes, bytes], ...]:
        if not timed:
            return self.headers
        read = str(timeout.read).encode()
        return tuple((k, read if k.lower() in self.timed else v) for k, v in self.headers)

    def request(self, content: bytes, timeout: httpx2.Timeout, cookies: httpx2.Cookies | None, *,
                timed: bool) -> httpx2.Request:
        """This template with ``content``; ``timed``: the call set ``timeout`` (else it is the client's, which the
        template's headers already say)."""
        return httpx2.Request("POST", self.url, headers=self._headers(timeout, timed), content=content,
                              cookies=cookies or None, extensions={**self.extensions, "timeout": timeout.as_dict()})

    def header_items(self, content: bytes, timeout: httpx2.Timeout, *, timed: bool) -> list[tuple[str, str]]:
        """The header items ``request(content, ...)`` hands the SDK's aiohttp transport (``Headers.items()``:
        lowercase names, its Content-Length last), the rest kept per read timeout."""
        read = str(timeout.read) if timed else None
        kept = self.items.get(read)
        if kept is None:
            if len(self.items) >= _SHAPES:  # a read timeout cut by the deadline differs call by call
                self.items.clear()
            kept = self.items[read] = tuple(httpx2.Headers(self._headers(timeout, timed)).items())
        return [*kept, ("content-length", str(len(content)))]


class _Client:
    """What one SDK client's calls share: whether it qualifies, its errors, its body encoder, and its templates."""

    def __init__(self, client: Any) -> None:
        self.static = _static(client)
        self.templates: dict[_Shape, _Template] = {}
        self.errors = _errors(client) if self.static else None
        self.sdk = _sdk(client) if self.static else None


_Shape = tuple[str, tuple[tuple[str, str], ...], bool, tuple[tuple[str, Any], ...]]
_CLIENTS: weakref.WeakKeyDictionary[Any, _Client] = weakref.WeakKeyDictionary()


def _static(client: Any) -> bool:
    """Whether every request of ``client`` with the same path and headers is the same but for body and timeout.

    A tracer does not matter here: the SDK spans only calls its methods name, never a bare ``post``
    (anthropic's ``start_api_call_span``: no ``span_name``, no span); ``post_json`` checks it for the
    calls that name one."""
    return (getattr(client, "max_retries", None) == 0 and getattr(client, "custom_auth", None) is None
            and not getattr(client, "_middleware", ()) and getattr(client, "_idempotency_header", None) is None
            and all(getattr(client, name, None) is None for name in ("_token_cache", "_api_key_provider",
                                                                     "_provider_runtime"))
            and isinstance(getattr(client, "_client", None), (httpx2.AsyncClient, httpx2.Client))
            and _errors(client) is not None)


@dataclass(frozen=True, slots=True)
class _Errors:
    """How an SDK types a failed send: ``timeouts()`` become ``timeout_error``, its own ``base`` errors pass,
    ``wrapped()`` ones become ``connection_error``. Asked per failure, as the SDK asks: OpenAI's sets
    grow when the legacy ``httpx`` is imported."""

    timeouts: Callable[[], tuple[type[BaseException], ...]]
    base: type[BaseException]
    wrapped: Callable[[], tuple[type[BaseException], ...]]
    timeout_error: Any
    connection_error: Any


def _errors(client: Any) -> _Errors | None:
    """The error table of the SDK ``client`` comes from, as its ``_attempt_request``/``request`` apply it."""
    sdk = type(client).__module__.partition(".")[0]
    module = sys.modules.get(sdk)
    if sdk == "anthropic" and module is not None:
        return _Errors(lambda: (httpx2.TimeoutException,), module.AnthropicError, lambda: (Exception,),
                       module.APITimeoutError, module.APIConnectionError)
    if sdk == "openai" and module is not None:
        from openai._httpx2 import request_exceptions, timeout_exceptions  # openai >= 3.50 has them

        return _Errors(timeout_exceptions, module.OpenAIError, request_exceptions, module.APITimeoutError,
                       module.APIConnectionError)
    return None


@dataclass(frozen=True, slots=True)
class _Sdk:
    """What the SDK's own ``post(body=...)`` does with a JSON body, for a first-party client's typed calls."""

    encode: Callable[[Any, Any], bytes]  # (body, extra_json) -> the bytes ``_build_request`` sends
    options: Any  # its FinalRequestOptions, what a response is processed with


def _sdk(client: Any) -> _Sdk | None:
    """The body encoding of ``client``'s SDK, as its ``_build_request`` (and anthropic's ``_copy_and_prepare``)
    applies it; None for a client that is not the SDK's first-party one (the cloud clients rewrite the body),
    or with an SDK version that lacks one of these parts."""
    try:
        return _encoding(first_party(client))
    except ImportError:
        return None


_FIRST_PARTY: Final = (("anthropic", ("Anthropic", "AsyncAnthropic")), ("openai", ("OpenAI", "AsyncOpenAI")))


def first_party(client: Any) -> str | None:
    """The SDK (``"anthropic"`` or ``"openai"``) whose own first-party client ``client`` is, sync or async; None
    for any other: the cloud clients (Bedrock, Vertex, Azure) rewrite the path and the body from the JSON they
    are handed, so a body they are given is not the body they send."""
    kind = type(client)
    for sdk, names in _FIRST_PARTY:
        if any(kind is _named(sdk, name) for name in names):
            return sdk
    return None


def _encoding(sdk: str | None) -> _Sdk | None:
    if sdk == "anthropic":
        from anthropic._base_client import _merge_mappings as merge_anthropic
        from anthropic._models import FinalRequestOptions as AnthropicOptions
        from anthropic._utils._json import openapi_dumps as dumps_anthropic
        from anthropic._utils._prepare import prepare_request_data

        return _Sdk(lambda body, extra: dumps_anthropic(prepare_request_data(
            body if extra is None else merge_anthropic(body, extra), location="body")), AnthropicOptions)
    if sdk == "openai":
        from openai._base_client import _merge_mappings as merge_openai
        from openai._models import FinalRequestOptions as OpenAIOptions
        from openai._utils._json import openapi_dumps as dumps_openai

        return _Sdk(lambda body, extra: dumps_openai(body if extra is None else merge_openai(body, extra)),
                    OpenAIOptions)
    return None


def _named(sdk: str, name: str) -> Any:
    return getattr(sys.modules.get(sdk), name, None)


def _known(client: Any) -> _Client:
    found = _CLIENTS.get(client)
    if found is None:
        found = _CLIENTS[client] = _Client(client)
    return found


def _lookup(client: Any, path: str, headers: dict[str, str], timeout: httpx2.Timeout | None,
            security: dict[str, Any] | None) -> tuple[_Client, _Shape, _Template | None]:
    """What ``client`` knows, the call's shape, and the template of that shape if there is one."""
    known = _known(client)
    shape = (path, tuple(headers.items()), timeout is None, tuple(security.items()) if security else ())
    return known, shape, known.templates.get(shape) if known.static else None


def _options(headers: dict[str, str], timeout: httpx2.Timeout | None,
             security: dict[str, Any] | None) -> dict[str, Any]:
    """The request options of the call through ``post`` that makes a template."""
    options: dict[str, Any] = {"headers": headers}
    if timeout is not None:
        options["timeout"] = timeout
    if security is not None:
        options["security"] = security
    return options


def _keep(known: _Client, shape: _Shape, response: httpx2.Response, content: bytes, headers: dict[str, str]) -> None:
    """Keep the request ``post`` sent as the template of ``shape`` (a static client's, with the body as given)."""
    if known.static and response.request.content == content:
        if len(known.templates) >= _SHAPES:
            known.templates.clear()
        known.templates[shape] = _Template.of(response.request, headers)


@contextmanager
def _typed(client: Any, errors: _Errors | None, request: Callable[[], httpx2.Request]) -> Iterator[None]:
    """Raise a failed send as the SDK's ``post`` raises it (the module's table); ``request()``: what was sent."""
    assert errors is not None  # a static client has its table
    try:
        yield
    except errors.timeouts() as err:
        raise _made(client, "_make_timeout_error", errors.timeout_error, request(), err) from err
    except errors.base:
        raise
    except errors.wrapped() as err:
        raise _made(client, "_make_connection_error", errors.connection_error, request(), err) from err


def _made(client: Any, maker: str, error_class: Any, request: httpx2.Request, cause: BaseException) -> BaseException:
    """The SDK's error for a failed send: its client's own maker where it has one (anthropic 2.17 and later word the
    error after its cause: the host, the transport's reason, the timeout that ran out), else the class's default."""
    make = getattr(client, maker, None)
    if make is not None:
        made: BaseException | None
        try:
            made = make(request, cause)
        except Exception:  # a maker of another SDK version with another signature: the class's default below
            made = None
        if made is not None and isinstance(made, error_class):
            return made
    default: BaseException = error_class(request=request)
    return default


@overload
async def post_content(client: Any, path: str, content: bytes, *, headers: dict[str, str],
                       timeout: httpx2.Timeout | None, stream: bool, security: dict[str, Any] | None = None,
                       light: Literal[False] = False) -> httpx2.Response: ...


@overload
async def post_content(client: Any, path: str, content: bytes, *, headers: dict[str, str],
                       timeout: httpx2.Timeout | None, stream: bool, security: dict[str, Any] | None = None,
                       light: bool) -> httpx2.Response | _aio_lane.Answer: ...


async def post_content(client: Any, path: str, content: bytes, *, headers: dict[str, str],
                       timeout: httpx2.Timeout | None, stream: bool, security: dict[str, Any] | None = None,
                       light: bool = False) -> httpx2.Response | _aio_lane.Answer:
    """``client.post(path, cast_to=httpx2.Response, content=content, options=..., stream=stream)``, the SDK's
    request reused for every call of the same shape (see the module's docstring); returns the response,
    unread when streamed, or raises what ``post`` raises. ``light``: a 2xx answer sent past httpx's client
    may come back as an ``agent._aio_lane.Answer`` (the same reading interface, no ``httpx2.Response``)."""
    known, shape, template = _lookup(client, path, headers, timeout, security)
    if template is None:
        response: httpx2.Response = await client.post(path, cast_to=httpx2.Response, content=content,
                                                      options=_options(headers, timeout, security), stream=stream)
        _keep(known, shape, response, content, headers)
        return response
    http: httpx2.AsyncClient = client._client
    limits, timed = httpx2.Timeout(client.timeout if timeout is None else timeout), timeout is not None
    transport = _aio_lane.lane(http, template.url) if "sni_hostname" not in template.extensions else None
    if transport is None:
        request = template.request(content, limits, http.cookies, timed=timed)
        return await _send(client, known.errors, lambda: http.send(request, stream=stream), lambda: request)
    # past httpx's client to the SDK's aiohttp session (agent._aio_lane); the request is built if asked for
    built: list[httpx2.Request] = []

    def build() -> httpx2.Request:
        if not built:
            built.append(template.request(content, limits, None, timed=timed))
        return built[0]

    items = template.header_items(content, limits, timed=timed)
    return await _send(client, known.errors, lambda: _aio_lane.send(http, transport, template.url, items, content,
                                                                    limits, stream=stream, build=build, light=light),
                       build)


async def _send(client: Any, errors: _Errors | None,
                sending: Callable[[], Awaitable[httpx2.Response | _aio_lane.Answer]],
                request: Callable[[], httpx2.Request]) -> httpx2.Response | _aio_lane.Answer:
    """``sending()``'s response, or the SDK's error for its failure, as ``post`` raises it."""
    with _typed(client, errors, request):
        response = await sending()
    if response.is_success:
        return response
    if not response.is_closed:
        await response.aread()
    raise client._make_status_error_from_response(response) from None


def post_content_sync(client: Any, path: str, content: bytes, *, headers: dict[str, str],
                      timeout: httpx2.Timeout | None, stream: bool,
                      security: dict[str, Any] | None = None) -> httpx2.Response:
    """``post_content`` for a sync SDK client."""
    known, shape, template = _lookup(client, path, headers, timeout, security)
    if template is None:
        response: httpx2.Response = client.post(path, cast_to=httpx2.Response, content=content,
                                                options=_options(headers, timeout, security), stream=stream)
        _keep(known, shape, response, content, headers)
        return response
    http: httpx2.Client = client._client
    request = template.request(content, httpx2.Timeout(client.timeout if timeout is None else timeout),
                               http.cookies, timed=timeout is not None)
    with _typed(client, known.errors, lambda: request):
        response = http.send(request, stream=stream)
    if not response.is_success:
        if not response.is_closed:
            response.read()
        raise client._make_status_error_from_response(response) from None
    return response


# The request options a typed call may carry and still be templated (what the adapters pass).
_TEMPLATED: Final = frozenset({"headers", "extra_json", "timeout", "security", "span_name", "span_route",
                               "span_attributes"})


def _encoded(client: Any, body: Any, options: dict[str, Any]) -> tuple[_Sdk, bytes] | None:
    """The SDK and the bytes ``post(body=body, options=options)`` would send, where a template may send them."""
    found = _known(client).sdk
    if (found is None or not isinstance(body, dict) or not options.keys() <= _TEMPLATED
            or not all(isinstance(v, str) for v in (options.get("headers") or {}).values())
            or (options.get("span_name") and not _spanless(client))):
        return None  # not first party, an option a template does not carry, an Omit, or a span to record
    return found, found.encode(body, options.get("extra_json"))


def _spanless(client: Any) -> bool:
    """Whether the SDK would start no span for a call that names one (anthropic's ``start_api_call_span`` returns
    None): the client has no tracer, or its tracer is OpenTelemetry's no-op one (no provider was set) and the
    current context has nothing the SDK would propagate. Asked per call: the current context changes."""
    tracer = getattr(client, "_tracer", None)
    if tracer is None:
        return True
    from opentelemetry import trace

    if not isinstance(tracer, trace.ProxyTracer) or not isinstance(tracer._tracer, trace.NoOpTracer):
        return False  # a provider records spans: the SDK's own path keeps them
    current = trace.get_current_span()
    if client._open_telemetry["propagation"]:
        from anthropic._tracing import trace_headers

        return not trace_headers(current)
    return not current.get_span_context().is_valid


def _parse(client: Any, sdk: _Sdk, response: httpx2.Response, path: str, body: Any, options: dict[str, Any],
           cast_to: Any, stream: bool, stream_cls: Any) -> Any:
    """The response processed as ``post`` processes it (the SDK's ``_process_response``; async: a coroutine)."""
    final = sdk.options.construct(method="post", url=path, json_data=body, **options)
    return client._process_response(cast_to=cast_to, options=final, response=response, stream=stream,
                                    stream_cls=stream_cls)


def post_json(client: Any, path: str, *, body: Any, options: dict[str, Any], cast_to: Any, stream: bool = False,
              stream_cls: Any = None) -> Any:
    """``client.post(path, body=body, options=options, cast_to=cast_to, stream=stream, stream_cls=stream_cls)`` of
    a sync SDK client: the body encoded as the SDK encodes it and sent by ``post_content_sync``, the response
    processed by the SDK; a client or call a template cannot serve goes through ``post`` itself."""
    encoded = _encoded(client, body, options)
    if encoded is None:
        return client.post(path, body=body, options=options, cast_to=cast_to, stream=stream, stream_cls=stream_cls)
    sdk, content = encoded
    response = post_content_sync(client, path, content, headers=options.get("headers") or {},
                                 timeout=options.get("timeout"), stream=stream, security=options.get("security"))
    return _parse(client, sdk, response, path, body, options, cast_to, stream, stream_cls)


async def post_json_async(client: Any, path: str, *, body: Any, options: dict[str, Any], cast_to: Any,
                          stream: bool = False, stream_cls: Any = None) -> Any:
    """``post_json`` for an async SDK client."""
    encoded = _encoded(client, body, options)
    if encoded is None:
        return await client.post(path, body=body, options=options, cast_to=cast_to, stream=stream,
                                 stream_cls=stream_cls)
    sdk, content = encoded
    response = await post_content(client, path, content, headers=options.get("headers") or {},
                                  timeout=options.get("timeout"), stream=stream, security=options.get("security"))
    return await _parse(client, sdk, response, path, body, options, cast_to, stream, stream_cls)  # a coroutine
