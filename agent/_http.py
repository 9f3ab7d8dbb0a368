"""The HTTP clients under the SDKs: a hard deadline on every socket operation, bounded bodies.

The SDKs' ``timeout`` bounds each socket read, not a call: an upstream that drips a byte a
second, sends SSE comments forever, or dribbles its headers never trips it. Here every read,
write, connect and TLS handshake of a call made inside ``deadline(seconds)`` has its timeout cut
to the time left, and fails with ``DeadlineReached`` once none is left, whatever the upstream
does (sync and async, streamed and not). Outside ``deadline`` the SDK's own timeouts apply.

Bodies are bounded: an error body (status >= 400) is cut to its first ``MAX_ERROR_BODY`` bytes
(plenty to classify), any other body may not exceed ``MAX_BODY`` once decoded, an event stream (read as it
comes, never held whole) ``MAX_STREAM``, and compressed
bodies are decoded here, incrementally and against those bounds (a gzip bomb is refused), never
by the client after the fact. Nothing holds a second copy of a large body.

Exceptions (raised inside the HTTP client; the SDKs wrap them)::

    httpcore2.TimeoutException
        DeadlineReached          the turn's deadline passed during this call
    httpx2.DecodingError
        ResponseTooLarge         a body over MAX_BODY once decoded (or undecodable compression)
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, Final

import httpcore2
import httpx2

from ._deadline import time_left

__all__ = ["MAX_BODY", "MAX_ERROR_BODY", "MAX_STREAM", "DeadlineReached", "ResponseTooLarge", "async_http_client",
           "http_client"]

MAX_ERROR_BODY: Final = 1 << 20  # bytes of an error body kept for classification
MAX_BODY: Final = 32 << 20  # bytes any other body may reach once decoded
# Bytes an event stream may reach once decoded: a stream is read as it comes, so its bound is against one that
# never ends more than against memory. A legitimate one outgrows MAX_BODY: 128k output tokens of chat chunks are
# about 30 MB, with logprobs (top 20 alternatives a token, about 1.3 kB) a 30k-token answer about 40 MB, and a
# Responses stream sends its whole text four times more (the text, part and item done events, response.completed),
# each in one line: no bound on a line can be lower than on an answer.
MAX_STREAM: Final = 256 << 20
_STREAMS: Final = ("text/event-stream", "application/vnd.amazon.eventstream")
_STEP: Final = 64 << 10  # bytes decoded at a time
_ENCODINGS: Final = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": 32 + zlib.MAX_WBITS}
_LIMITS: Final = httpx2.Limits(max_connections=1000, max_keepalive_connections=100)  # the SDKs' defaults

class DeadlineReached(httpcore2.ReadTimeout):
    """The turn's deadline passed while a call was connecting, sending or waiting for bytes."""

    steadyloop_deadline = True  # what agent._deadline.deadline_reached looks for


class ResponseTooLarge(httpx2.DecodingError):
    """A response body over the bound once decoded, or compressed in a way that cannot be decoded."""


def _clamp(timeout: float | None) -> tuple[float | None, bool]:
    """The timeout to use now, and whether the deadline (not the caller's timeout) set it."""
    left = time_left()
    if left is None:
        return timeout, False
    if left <= 0:
        raise DeadlineReached("the turn's deadline passed during this call")
    return (left, True) if timeout is None or left < timeout else (timeout, False)


@contextlib.contextmanager
def _bounded(timeout: float | None, kind: type[httpcore2.TimeoutException]) -> Iterator[float | None]:
    cut, by_deadline = _clamp(timeout)
    try:
        yield cut
    except kind as err:
        if by_deadline:
            raise DeadlineReached("the turn's deadline passed during this call") from err
        raise


# ------------------------------------------------------------------ network backends


class _Stream(httpcore2.NetworkStream):
    def __init__(self, inner: httpcore2.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _bounded(timeout, httpcore2.ReadTimeout) as cut:
            return self._inner.read(max_bytes, cut)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        with _bounded(timeout, httpcore2.WriteTimeout) as cut:
            self._inner.write(buffer, cut)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore2.NetworkStream:
        with _bounded(timeout, httpcore2.ConnectTimeout) as cut:
            return _Stream(self._inner.start_tls(ssl_context, server_hostname, cut))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore2.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore2.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore2.NetworkStream:
        with _bounded(timeout, httpcore2.ConnectTimeout) as cut:
            return _Stream(self._inner.connect_tcp(host, port, cut, local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore2.NetworkStream:
        with _bounded(timeout, httpcore2.ConnectTimeout) as cut:
            return _Stream(self._inner.connect_unix_socket(path, cut, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore2.AsyncNetworkStream):
    def __init__(self, inner: httpcore2.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _bounded(timeout, httpcore2.ReadTimeout) as cut:
            return await self._inner.read(max_bytes, cut)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        with _bounded(timeout, httpcore2.WriteTimeout) as cut:
            await self._inner.write(buffer, cut)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore2.AsyncNetworkStream:
        with _bounded(timeout, httpcore2.ConnectTimeout) as cut:
            return _AsyncStream(await self._inner.start_tls(ssl_context, server_hostname, cut))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore2.AsyncNetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore2.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore2.AsyncNetworkStream:
        with _bounded(timeout, httpcore2.ConnectTimeout) as cut:
            return _AsyncStream(await self._inner.connect_tcp(host, port, cut, local_address, socket_options))

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None) -> httpcore2.AsyncNetworkStream:
        with _bounded(timeout, httpcore2.ConnectTimeout) as cut:
            return _AsyncStream(await self._inner.connect_unix_socket(path, cut, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


# ------------------------------------------------------------------ bounded bodies


class _Cap:
    """Decodes (gzip/deflate) and counts a body; an error body stops at its prefix, others must fit."""

    def __init__(self, status: int, encoding: str, kind: str = "") -> None:
        stream = status < 400 and kind.lstrip().lower().startswith(_STREAMS)
        self.limit = MAX_ERROR_BODY if status >= 400 else MAX_STREAM if stream else MAX_BODY
        self.truncate = status >= 400
        self.seen = 0
        self.done = False
        self._zlib = zlib.decompressobj(_ENCODINGS[encoding]) if encoding else None

    def pieces(self, chunk: bytes) -> Iterator[bytes]:
        """The decoded pieces of ``chunk``, in steps of at most _STEP bytes, within the bound."""
        if self._zlib is None:
            yield from self._count(chunk)
            return
        data = chunk
        while data and not self.done:
            try:
                out = self._zlib.decompress(data, _STEP)
            except zlib.error as err:
                raise ResponseTooLarge(f"cannot decode the compressed response body ({err})") from err
            data = self._zlib.unconsumed_tail
            yield from self._count(out)

    def _count(self, piece: bytes) -> Iterator[bytes]:
        if self.done or not piece:
            return
        room = self.limit - self.seen
        if len(piece) > room:
            if not self.truncate:
                raise ResponseTooLarge(f"the response body is over {self.limit // (1 << 20)} MiB once decoded; "
                                       "refused")
            piece, self.done = piece[:room], True
        self.seen += len(piece)
        yield piece


def _headers(response: httpx2.Response) -> list[tuple[bytes, bytes]]:
    drop = {b"content-encoding", b"content-length"}
    return [(k, v) for k, v in response.headers.raw if k.lower() not in drop]


def _encoding(response: httpx2.Response) -> str:
    return _content_encoding(response.headers.get("content-encoding", ""))


def _content_encoding(header: str) -> str:
    """The body's encoding ``_Cap`` decodes, from its Content-Encoding header ("": none); refused if unknown."""
    value = header.strip().lower()
    if value in ("", "identity"):
        return ""
    if value not in _ENCODINGS:
        raise ResponseTooLarge(f"the response uses content-encoding {value!r}, which steadyloop did not ask for")
    return value


class _BodyStream(httpx2.SyncByteStream):
    def __init__(self, inner: httpx2.SyncByteStream, cap: _Cap) -> None:
        self._inner, self._cap = inner, cap

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            yield from self._cap.pieces(chunk)
            if self._cap.done:  # an error body's prefix is enough: stop reading (the connection closes)
                return

    def close(self) -> None:
        self._inner.close()


class _AsyncBodyStream(httpx2.AsyncByteStream):
    def __init__(self, inner: httpx2.AsyncByteStream, cap: _Cap) -> None:
        self._inner, self._cap = inner, cap

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            for piece in self._cap.pieces(chunk):
                yield piece
            if self._cap.done:
                return

    async def aclose(self) -> None:
        await self._inner.aclose()


def _request(request: httpx2.Request) -> httpx2.Request:
    request.headers["accept-encoding"] = "gzip, deflate"  # only what _Cap can decode within its bound
    return request


class _Transport(httpx2.HTTPTransport):
    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = super().handle_request(_request(request))
        try:
            cap = _Cap(response.status_code, _encoding(response), response.headers.get("content-type", ""))
        except ResponseTooLarge:
            response.close()
            raise
        assert isinstance(response.stream, httpx2.SyncByteStream)
        return httpx2.Response(response.status_code, headers=_headers(response),
                               stream=_BodyStream(response.stream, cap), extensions=response.extensions)


async def _async_cap(response: httpx2.Response) -> _Cap:
    """The bound on an async response's body; an encoding it cannot decode closes the response first."""
    try:
        return _Cap(response.status_code, _encoding(response), response.headers.get("content-type", ""))
    except ResponseTooLarge:
        await response.aclose()
        raise


class _AsyncTransport(httpx2.AsyncHTTPTransport):
    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        response = await super().handle_async_request(_request(request))
        cap = await _async_cap(response)
        assert isinstance(response.stream, httpx2.AsyncByteStream)
        return httpx2.Response(response.status_code, headers=_headers(response),
                               stream=_AsyncBodyStream(response.stream, cap), extensions=response.extensions)


def _sync_transport(proxy: str | None = None) -> _Transport:
    transport = _Transport(limits=_LIMITS, proxy=proxy)
    transport._pool._network_backend = _Backend()  # httpx2 offers no parameter for it
    return transport


def _async_transport(proxy: str | None = None) -> _AsyncTransport:
    transport = _AsyncTransport(limits=_LIMITS, proxy=proxy)
    transport._pool._network_backend = _AsyncBackend()  # httpx2 offers no parameter for it
    return transport


def _env_proxies() -> dict[str, str | None]:
    """HTTP(S)_PROXY / ALL_PROXY / NO_PROXY as httpx reads them: a client given its own transport ignores
    them, so they are mounted here (pattern -> proxy URL, None: direct)."""
    from httpx2._utils import get_environment_proxies

    return get_environment_proxies()


def http_client(timeout: float) -> httpx2.Client:
    """The httpx client every sync SDK client of steadyloop uses (deadline-bound, bodies bounded, env proxies)."""
    mounts = {pattern: _sync_transport(url) if url else None for pattern, url in _env_proxies().items()}
    return httpx2.Client(transport=_sync_transport(), mounts=mounts, timeout=timeout, follow_redirects=True)


def async_http_client(timeout: float) -> httpx2.AsyncClient:
    """``http_client`` for the async SDK clients."""
    mounts = {pattern: _async_transport(url) if url else None for pattern, url in _env_proxies().items()}
    return httpx2.AsyncClient(transport=_async_transport(), mounts=mounts, timeout=timeout, follow_redirects=True)
