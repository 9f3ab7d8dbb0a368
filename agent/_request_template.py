"""Sending a body as given through an SDK client, its request built by the SDK once per shape.

The SDKs' ``post`` rebuilds the same request on every call: request options (pydantic models),
the header layers, the URL merge, httpx's ``build_request``: about 1 ms of CPU a call on a
2-core VM, a third of what ``steadyloop serve`` spent per request. For a body sent as bytes
(``content=``) none of that changes between calls with the same client, path and headers but
the call's timeout. So the first call of each shape goes through ``post``, and the request it
sent (``response.request``) is kept as a template; later calls copy it with their own body and
timeout and send it through the SDK's own HTTP client (``client._client.send``: its transport,
redirects and cookie jar), and their answer is judged as ``post`` judges it:

| what happened                                | raised, as ``post`` raises it                      |
| -------------------------------------------- | -------------------------------------------------- |
| a status outside 2xx                         | ``client._make_status_error_from_response`` (body read first) |
| one of the SDK's timeout exceptions          | its ``APITimeoutError``, from the timeout           |
| the SDK's own error                          | as raised                                          |
| a transport failure the SDK wraps            | its ``APIConnectionError``, from the failure        |
| anything else                                | as raised (OpenAI wraps only transport errors)     |

Only a client whose requests are static qualifies: no retries, no custom auth or token
provider, no middleware or idempotency header (``_static``). Any other keeps ``post``.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Final

import httpx2

from . import _aio_lane

__all__ = ["post_content"]

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
    """What one SDK client's calls share: whether it qualifies, its errors, and its templates by shape."""

    def __init__(self, client: Any) -> None:
        self.static = _static(client)
        self.templates: dict[tuple[str, tuple[tuple[str, str], ...], bool], _Template] = {}
        self.errors = _errors(client) if self.static else None


_CLIENTS: weakref.WeakKeyDictionary[Any, _Client] = weakref.WeakKeyDictionary()


def _static(client: Any) -> bool:
    """Whether every request of ``client`` with the same path and headers is the same but for body and timeout.

    A tracer does not matter: the SDK spans only calls its methods name, never a bare ``post``
    (anthropic's ``start_api_call_span``: no ``span_name``, no span)."""
    return (getattr(client, "max_retries", None) == 0 and getattr(client, "custom_auth", None) is None
            and not getattr(client, "_middleware", ()) and getattr(client, "_idempotency_header", None) is None
            and all(getattr(client, name, None) is None for name in ("_token_cache", "_api_key_provider",
                                                                     "_provider_runtime"))
            and isinstance(getattr(client, "_client", None), httpx2.AsyncClient) and _errors(client) is not None)


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


def _known(client: Any) -> _Client:
    found = _CLIENTS.get(client)
    if found is None:
        found = _CLIENTS[client] = _Client(client)
    return found


async def post_content(client: Any, path: str, content: bytes, *, headers: dict[str, str],
                       timeout: httpx2.Timeout | None, stream: bool) -> httpx2.Response:
    """``client.post(path, cast_to=httpx2.Response, content=content, options=..., stream=stream)``, the SDK's
    request reused for every call of the same shape (see the module's docstring); returns the response,
    unread when streamed, or raises what ``post`` raises."""
    known = _known(client)
    shape = (path, tuple(headers.items()), timeout is None)
    template = known.templates.get(shape) if known.static else None
    if template is None:
        options: dict[str, Any] = {"headers": headers} if timeout is None else {"headers": headers, "timeout": timeout}
        response: httpx2.Response = await client.post(path, cast_to=httpx2.Response, content=content,
                                                      options=options, stream=stream)
        if known.static and response.request.content == content:
            if len(known.templates) >= _SHAPES:
                known.templates.clear()
            known.templates[shape] = _Template.of(response.request, headers)
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
                                                                    limits, stream=stream, build=build), build)


async def _send(client: Any, errors: _Errors | None, sending: Callable[[], Awaitable[httpx2.Response]],
                request: Callable[[], httpx2.Request]) -> httpx2.Response:
    """``sending()``'s response, or the SDK's error for its failure, as ``post`` raises it."""
    assert errors is not None  # a static client has its table
    try:
        response = await sending()
    except errors.timeouts() as err:
        raise errors.timeout_error(request=request()) from err
    except errors.base:
        raise
    except errors.wrapped() as err:
        raise errors.connection_error(request=request()) from err
    if response.is_success:
        return response
    if not response.is_closed:
        await response.aread()
    raise client._make_status_error_from_response(response) from None
