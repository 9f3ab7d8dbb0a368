"""The async HTTP client under the SDKs on aiohttp, with ``agent._http``'s bounds kept.

The SDKs ship an aiohttp transport of their own (``anthropic.DefaultAioHttpClient``, the
``aiohttp`` extra): the same ``httpx2.AsyncClient`` interface, so errors stay the SDK's typed
ones, over aiohttp's C-parsed HTTP/1.1 instead of httpcore, h11 and anyio. On loopback that
stack costs about 0.3 ms a request against 0.9 ms (measured with the emulator, one keep-alive
connection), which a gateway pays on every request: ``steadyloop serve`` uses this client
whenever aiohttp is installed (its ``serve`` extra brings it); the library keeps httpx. A request
the SDK built before (``agent._aio_lane``) skips even aiohttp's session: ``agent._h1`` sends it.

What ``agent._http`` guarantees holds here too, in a transport wrapped around aiohttp's:

- the turn's deadline bounds the exchange up to the headers, then each body read
  (``asyncio.timeout`` of the time left); passing it raises ``httpx2.ReadTimeout`` caused by
  ``DeadlineReached``, which ``deadline_reached`` and the SDKs read as from httpx;
- bodies are decoded here (gzip/deflate) and capped by ``_Cap``: an error body to its prefix,
  any other to ``MAX_BODY``;
- ``HTTP(S)_PROXY``/``ALL_PROXY``/``NO_PROXY`` are read by the client (``trust_env``).
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import httpx2

from ._deadline import time_left
from ._http import _LIMITS, DeadlineReached, _async_cap, _Cap, _request

__all__ = ["aiohttp_available", "aiohttp_client"]

T = TypeVar("T")
_DEADLINE = "the turn's deadline passed during this call"
_DECODED = ("content-encoding", "content-length")


def aiohttp_available() -> bool:
    """Whether aiohttp is installed (the SDKs' aiohttp transport needs it)."""
    return importlib.util.find_spec("aiohttp") is not None


def _reached(cause: BaseException | None = None) -> DeadlineReached:
    """The cause httpx's transport gives a ReadTimeout of the deadline (what ``deadline_reached`` looks for)."""
    reached = DeadlineReached(_DEADLINE)
    reached.__cause__ = cause
    return reached


async def _within_deadline(step: Callable[[], Awaitable[T]]) -> T:
    """``step()`` awaited within the current deadline (unbounded outside ``deadline``)."""
    left = time_left()
    if left is None:
        return await step()
    if left <= 0:
        raise httpx2.ReadTimeout(_DEADLINE) from _reached()
    scope = asyncio.timeout(left)
    try:
        async with scope:
            return await step()
    except TimeoutError as err:
        if scope.expired():
            raise httpx2.ReadTimeout(_DEADLINE) from _reached(err)
        raise


class _Body(httpx2.AsyncByteStream):
    """aiohttp's body stream, each read within the deadline, decoded and capped."""

    def __init__(self, inner: httpx2.AsyncByteStream, cap: _Cap) -> None:
        self._inner, self._cap = inner, cap

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks = self._inner.__aiter__()
        while not self._cap.done:  # an error body's prefix is enough: stop reading
            try:
                chunk = await _within_deadline(chunks.__anext__)
            except StopAsyncIteration:
                return
            for piece in self._cap.pieces(chunk):
                yield piece

    async def aclose(self) -> None:
        await self._inner.aclose()


class _Bounded(httpx2.AsyncBaseTransport):
    """The SDK's aiohttp transport, within the deadline, its bodies bounded."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self._inner = inner
        from anthropic._vendor.httpx_aiohttp.transport import AiohttpTransport

        # the lane's own HTTP/1.1 client may stand in for aiohttp's session only where the transport makes it
        self._own = isinstance(inner, AiohttpTransport) and inner.client is None and inner.uds is None
        self._h1: Any = None  # agent._h1.Pool, made on the lane's first call

    def h1(self) -> Any:
        """The ``agent._h1.Pool`` the lane sends through instead of aiohttp's session (configured as the inner
        transport configures that session); None when the transport was given a session or a socket path of
        its own, or when its session's cookie jar holds a cookie (aiohttp would add it to the request)."""
        if not self._own or not _jarless(self._inner.client):  # type: ignore[attr-defined]
            return None
        if self._h1 is None:
            from ._h1 import pool_of

            self._h1 = pool_of(self._inner)
        return self._h1

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        left = time_left()
        if left is not None:  # the deadline owns every limit it is shorter than: it, not aiohttp, says it passed
            limits = request.extensions.get("timeout") or {}
            request.extensions["timeout"] = {k: None if v is None or v >= left else v for k, v in limits.items()}
        response = await _within_deadline(lambda: self._inner.handle_async_request(_request(request)))
        cap = await _async_cap(response)
        assert isinstance(response.stream, httpx2.AsyncByteStream)
        for name in _DECODED:  # the body is decoded here: its encoding and length no longer describe it
            if name in response.headers:
                del response.headers[name]
        response.stream = _Body(response.stream, cap)  # the same response, not a copy: one less set of headers
        return response

    async def aclose(self) -> None:
        if self._h1:
            await self._h1.aclose()
        await self._inner.aclose()


def _jarless(session: Any) -> bool:
    """Whether aiohttp's session (None: not made yet) would add no cookie of its own jar to a request."""
    return session is None or not len(session.cookie_jar)


@functools.cache
def _client_class() -> type[httpx2.AsyncClient]:
    import anthropic

    base: Any = anthropic.DefaultAioHttpClient

    class _Client(base):  # type: ignore[misc]
        def _init_transport(self, *args: Any, **kwargs: Any) -> httpx2.AsyncBaseTransport:
            return _Bounded(super()._init_transport(*args, **kwargs))

        def _init_proxy_transport(self, *args: Any, **kwargs: Any) -> httpx2.AsyncBaseTransport:
            return _Bounded(super()._init_proxy_transport(*args, **kwargs))

    return _Client


def aiohttp_client(timeout: float) -> httpx2.AsyncClient:
    """An async client like ``agent._http.async_http_client(timeout)``, over aiohttp (which must be installed).

    Its aiohttp session is made on the first request, in the event loop that sends it: use the
    client from that loop only."""
    client: httpx2.AsyncClient = _client_class()(timeout=timeout, limits=_LIMITS, follow_redirects=True)
    return client
