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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

import httpx2

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

    @classmethod
    def of(cls, request: httpx2.Request, given: dict[str, str]) -> _Template:
        """The template of ``request``, sent with the caller's headers ``given`` (which the SDK never overwrites)."""
        headers = tuple((k, v) for k, v in request.headers.raw if k.lower() not in _PER_REQUEST)
        extensions = {k: v for k, v in request.extensions.items() if k != "timeout"}
        return cls(request.url, headers, extensions, _TIMED - {name.lower().encode() for name in given})

    def request(self, content: bytes, timeout: httpx2.Timeout, cookies: httpx2.Cookies, *,
                timed: bool) -> httpx2.Request:
        """This template with ``content``; ``timed``: the call set ``timeout`` (else it is the client's, which the
        template's headers already say)."""
        headers = self.headers
        if timed:
            read = str(timeout.read).encode()
            headers = tuple((k, read if k.lower() in self.timed else v) for k, v in headers)
        return httpx2.Request("POST", self.url, headers=headers, content=content, cookies=cookies or None,
                              extensions={**self.extensions, "timeout": timeout.as_dict()})


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
    request = template.request(content, httpx2.Timeout(client.timeout if timeout is None else timeout),
                               http.cookies, timed=timeout is not None)
    return await _send(client, known.errors, http, request, stream)


async def _send(client: Any, errors: _Errors | None, http: httpx2.AsyncClient, request: httpx2.Request,
                stream: bool) -> httpx2.Response:
    assert errors is not None  # a static client has its table
    try:
        response = await http.send(request, stream=stream)
    except errors.timeouts() as err:
        raise errors.timeout_error(request=request) from err
    except errors.base:
        raise
    except errors.wrapped() as err:
        raise errors.connection_error(request=request) from err
    if response.is_success:
        return response
    if not response.is_closed:
        await response.aread()
    raise client._make_status_error_from_response(response) from None
