"""A kept SDK request sent past httpx's client, on the SDK transport's connections.

``agent._request_template`` keeps the request the SDK built for each shape. Sent through
``httpx2.AsyncClient.send`` it was rebuilt as an ``httpx2.Request`` (every header normalised
again), walked through httpx's auth, redirect and hook layers, and turned back into header items
for aiohttp by the SDK's transport (``AiohttpTransport``): about 0.6 ms of CPU a request on the
2-core VM, a quarter of what ``steadyloop serve`` spent on one. When a request needs nothing
those layers add (``lane``), it goes here, with the very header items the SDK's transport would have
handed its aiohttp session, under ``agent._http_aio``'s guarantees (the deadline, decoding, the body
cap). The session itself is replaced by ``agent._h1`` (a small HTTP/1.1 client: the same bytes on the wire,
limits, kept connections and errors, a fifth of aiohttp's CPU) wherever the transport made its own session;
a transport given a session or a socket path, or whose session's jar holds cookies, keeps aiohttp's:

| httpx's client would                         | here                                                  |
| -------------------------------------------- | ----------------------------------------------------- |
| apply auth, event hooks, a proxy, its cookies | none of them is set (``lane`` is None otherwise)      |
| store the cookies the answer sets             | the same, in the same jar                              |
| follow a redirect (``follow_redirects``)      | the next request built as httpx builds it, sent by it  |
| give errors and the response their request   | the same ``httpx2.Request``, built only when asked     |
| log ``HTTP Request:``, set ``elapsed``, the default encoding | the same                                 |

With ``light=True`` (``steadyloop serve``'s calls, ``agent.passthrough.send_raw``) a 2xx answer that sets no
cookie comes back as an ``Answer``: read straight from aiohttp's response, with no ``httpx2.Response`` built
around it (its headers normalised, four iterators per body chunk, the decoded headers dropped). Only the
SDK's errors need httpx's response, and an error status never takes this path: it is built as above and
raised by the SDK's own ``_make_status_error_from_response``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any

import httpx2

from ._deadline import time_left
from ._http import _async_cap, _Cap, _content_encoding
from ._http_aio import _DECODED, _Body, _Bounded, _within_deadline

__all__ = ["Answer", "lane", "send"]

_LOG = logging.getLogger("httpx2")  # httpx's client logs each request here; so does this path
_REDIRECTS = frozenset((301, 302, 303, 307, 308))  # the statuses of httpx's ``has_redirect_location``
_DECODED_RAW = frozenset(name.encode() for name in _DECODED)


def lane(http: httpx2.AsyncClient, url: httpx2.URL) -> _Bounded | None:
    """The transport (around the SDK's ``AiohttpTransport``) that ``http`` would send a request to ``url``
    through, when httpx's client would add nothing to it: no auth, event hooks, proxy or stored cookies; else
    None."""
    if http.auth is not None or any(http.event_hooks.values()) or http.cookies.jar or url.userinfo:
        return None
    transport = http._transport_for_url(url)
    if not isinstance(transport, _Bounded):
        return None
    from anthropic._vendor.httpx_aiohttp.transport import AiohttpTransport

    inner = transport._inner
    return transport if isinstance(inner, AiohttpTransport) and inner.proxy is None else None


class _Response(httpx2.Response):
    """A response whose ``request`` is built the first time it is asked for (errors, cookies), not per call."""

    def __init__(self, *args: Any, build: Callable[[], httpx2.Request], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._build = build

    @property
    def request(self) -> httpx2.Request:
        if self._request is None:
            self._request = self._build()
        return self._request

    @request.setter
    def request(self, value: httpx2.Request) -> None:
        self._request = value

    async def aiter_raw(self, chunk_size: int | None = None) -> AsyncGenerator[bytes, None]:
        """httpx's, a read error given this response's request as httpx gives it (``request_context``)."""
        try:
            async for chunk in super().aiter_raw(chunk_size):
                yield chunk
        except httpx2.RequestError as err:
            err.request = self.request
            raise

    async def aiter_bytes(self, chunk_size: int | None = None) -> AsyncGenerator[bytes, None]:
        """httpx's, in one generator instead of three (``aiter_bytes``, ``aiter_raw`` and the one above) when no
        chunk size is asked: ``send`` decodes the body below (``_Timed``) and drops its content-encoding, so
        httpx's decoder and chunkers would hand each chunk on as it is. The same chunks, bookkeeping (consumed,
        bytes downloaded, closed at the end) and errors; a streamed answer passes every chunk through here."""
        if chunk_size is not None or hasattr(self, "_content") or "content-encoding" in self.headers:
            async for chunk in super().aiter_bytes(chunk_size):
                yield chunk
            return
        if self.is_stream_consumed:
            raise httpx2.StreamConsumed()
        if self.is_closed:
            raise httpx2.StreamClosed()
        assert isinstance(self.stream, httpx2.AsyncByteStream)
        self.is_stream_consumed, self._num_bytes_downloaded = True, 0
        stream = self.stream.__aiter__()
        try:
            async for chunk in stream:
                self._num_bytes_downloaded += len(chunk)
                if chunk:
                    yield chunk
        except httpx2.RequestError as err:
            err.request = self.request
            raise
        finally:
            if isinstance(stream, AsyncGenerator):
                await stream.aclose()
            await self.aclose()


class _Timed(_Body):
    """The body, with the time from sending to closing as ``elapsed`` (httpx's ``BoundAsyncStream``)."""

    def __init__(self, inner: httpx2.AsyncByteStream, cap: _Cap, start: float) -> None:
        super().__init__(inner, cap)
        self._start = start
        self.elapsed: timedelta | None = None

    async def aclose(self) -> None:
        self.elapsed = timedelta(seconds=time.perf_counter() - self._start)
        await super().aclose()


async def _start(bounded: _Bounded, url: str, headers: Sequence[tuple[str, str]], content: bytes,
                 timeout: dict[str, float | None]) -> Any:
    """``AiohttpTransport.handle_async_request``'s call of its session, with the same arguments."""
    from aiohttp import ClientSession, ClientTimeout
    from anthropic._vendor.httpx_aiohttp.transport import AiohttpTransport, map_aiohttp_exceptions

    transport = bounded._inner
    assert isinstance(transport, AiohttpTransport)
    if not isinstance(transport.client, ClientSession):
        transport.client = transport.get_client()
    get = timeout.get
    limits = ClientTimeout(sock_connect=get("connect"), sock_read=get("read"), connect=get("pool"))
    with map_aiohttp_exceptions():
        return await transport.client.request(
            method="POST", url=url, headers=headers, data=content or None, allow_redirects=False,
            auto_decompress=False, compress=False, timeout=limits, server_hostname=None, proxy=None, proxy_auth=None,
            proxy_headers=None).__aenter__()


async def send(http: httpx2.AsyncClient, transport: _Bounded, url: httpx2.URL, headers: Sequence[tuple[str, str]],
               content: bytes, timeout: httpx2.Timeout, *, stream: bool, build: Callable[[], httpx2.Request],
               light: bool = False) -> httpx2.Response | Answer:
    """POST ``content`` with the header items ``headers`` (as ``httpx2.Headers.items()`` gives them) through
    ``transport`` (from ``lane``); what ``http.send(build(), stream=stream)`` returns or raises. ``light``: a
    2xx answer that sets no cookie is an ``Answer`` instead of an ``httpx2.Response``."""
    limits = timeout.as_dict()
    left = time_left()
    if left is not None:  # the deadline owns every limit it is shorter than (as _Bounded does)
        limits = {k: None if v is None or v >= left else v for k, v in limits.items()}
    start, pool = time.perf_counter(), transport.h1()
    try:
        if pool is not None:  # agent._h1: the same exchange, the deadline held by its own timers
            aio = await pool.post(str(url), headers, content, limits, left=left, whole=not stream)
        else:
            aio = await _within_deadline(lambda: _start(transport, str(url), headers, content, limits))
    except httpx2.RequestError as err:
        err.request = build()  # httpx's request_context does this
        raise
    if light and 200 <= aio.status < 300 and "set-cookie" not in aio.headers:
        return await _answer(http, aio, url, stream, build)
    extensions = {"http_version": b"HTTP/1.1", **({"reason_phrase": aio.reason.encode()} if aio.reason else {})}
    from anthropic._vendor.httpx_aiohttp.transport import AiohttpResponseStream

    response = _Response(aio.status, headers=aio.raw_headers, stream=AiohttpResponseStream(aio),
                         extensions=extensions, build=build)
    cap = await _async_cap(response)
    for name in _DECODED:
        if name in aio.headers:  # the same header lines, asked of aiohttp's view: a look-up there costs a fraction
            del response.headers[name]
    assert isinstance(response.stream, httpx2.AsyncByteStream)
    response.stream = _Timed(response.stream, cap, start)
    whole = None if stream or aio.content_length is None or aio.content_length > cap.limit else (aio, cap)
    return await _received(http, response, url, stream, whole, aio.headers)


async def _answer(http: httpx2.AsyncClient, aio: Any, url: httpx2.URL, stream: bool,
                  build: Callable[[], httpx2.Request]) -> Answer:
    """What ``_received`` does with a 2xx answer that sets no cookie (no redirect to follow), for an ``Answer``."""
    try:
        cap = _Cap(aio.status, _content_encoding(aio.headers.get("content-encoding", "")),
                   aio.headers.get("content-type", ""))
    except BaseException:  # an encoding it cannot decode: closed first, as _async_cap does
        await aio.__aexit__(None, None, None)
        raise
    answer = Answer(aio, cap, build, http._default_encoding)
    if _LOG.isEnabledFor(logging.INFO):
        _LOG.info('HTTP Request: %s %s "%s %d %s"', "POST", url, "HTTP/1.1", aio.status,
                  aio.reason or httpx2.codes.get_reason_phrase(aio.status))
    if stream:
        return answer
    if aio.content_length is not None and aio.content_length <= cap.limit:
        await answer._whole()
    else:
        await answer.aread()
    return answer


async def _read(response: httpx2.Response, aio: Any, cap: _Cap) -> None:
    """``response.aread()`` for a body whose declared length is within the bound: one read, not a chunk at a
    time through httpx's and the transport's iterators (the same deadline, mapping, decoding and bound)."""
    response._content, received = await _whole_body(aio, cap, lambda: response.request)
    response.is_stream_consumed, response._num_bytes_downloaded = True, received
    await response.aclose()


async def _whole_body(aio: Any, cap: _Cap, request: Callable[[], httpx2.Request]) -> tuple[bytes, int]:
    """A body whose declared length is within the bound, in one read within the deadline, aiohttp's errors mapped as
    the SDK's transport maps them (``request()`` set on them, as httpx's aiter_raw does): the bytes decoded and
    bounded by ``cap``, and how many came over the wire. Shared by ``_read`` and ``Answer``."""
    from anthropic._vendor.httpx_aiohttp.transport import map_aiohttp_exceptions

    async def whole() -> bytes:
        with map_aiohttp_exceptions():
            data: bytes = await aio.content.read()
            return data

    within = getattr(aio.content, "within", None)  # agent._h1's answer bounds its own reads by the deadline
    try:
        data = await (within(-1, time_left()) if within is not None else _within_deadline(whole))
        return b"".join(cap.pieces(data)), len(data)
    except httpx2.RequestError as err:
        err.request = request()
        raise


async def _received(http: httpx2.AsyncClient, response: httpx2.Response, url: httpx2.URL, stream: bool,
                    whole: tuple[Any, _Cap] | None, received: Mapping[str, str]) -> httpx2.Response:
    """What httpx's client does with an answer: cookies, encoding, its log line, redirects, the body read.
    ``received``: the answer's header lines as aiohttp read them (case-insensitive), for the presence checks
    (httpx's ``Headers`` normalises every name again on each look-up)."""
    try:
        if "set-cookie" in received:
            http.cookies.extract_cookies(response)
        response.default_encoding = http._default_encoding
        if _LOG.isEnabledFor(logging.INFO):
            _LOG.info('HTTP Request: %s %s "%s %d %s"', "POST", url, response.http_version, response.status_code,
                      response.reason_phrase)
        if response.status_code in _REDIRECTS and "location" in received:  # httpx's has_redirect_location
            if http.follow_redirects:
                following = http._build_redirect_request(response.request, response)
                await response.aread()
                return await http.send(following, stream=stream)
            with contextlib.suppress(httpx2.RemoteProtocolError):
                response.next_request = http._build_redirect_request(response.request, response)
        if whole is not None:
            await _read(response, *whole)
        elif not stream:
            await response.aread()
    except BaseException:
        await response.aclose()
        raise
    return response


class Answer:
    """A 2xx answer sent past httpx's client, read from aiohttp's response with no ``httpx2.Response`` built around
    it (``send(..., light=True)``): what ``steadyloop serve`` reads of an answer that succeeded, the same bytes,
    decoding, bound, deadline and read errors as ``_Response``. Building httpx's response (its headers normalised,
    the body's four iterators, the decoded headers dropped) is only needed by the SDK's errors: an error status
    never comes here, and ``response()`` builds one for an error the provider sends inside a 200 (an SSE ``error``
    event, ``agent.passthrough.status_error``)."""

    is_success = True

    def __init__(self, aio: Any, cap: _Cap, build: Callable[[], httpx2.Request], encoding: Any) -> None:
        self._aio, self._cap, self._build, self._encoding = aio, cap, build, encoding
        self.status_code: int = aio.status
        self.headers: Mapping[str, str] = aio.headers  # as received, case-insensitive (aiohttp's CIMultiDictProxy)
        self.is_closed = False
        self._content: bytes | None = None
        self._response: httpx2.Response | None = None

    @property
    def request(self) -> httpx2.Request:
        return self._build()

    @property
    def content(self) -> bytes:
        if self._content is None:
            raise httpx2.ResponseNotRead()
        return self._content

    @property
    def text(self) -> str:
        return self.response().text

    def json(self) -> Any:
        return json.loads(self.content)

    def response(self) -> httpx2.Response:
        """The ``httpx2.Response`` the lane would have returned (status, headers less the decoded ones, request,
        the body if read): what the SDK builds its errors around."""
        if self._response is None:
            headers = [(k, v) for k, v in self._aio.raw_headers if k.lower() not in _DECODED_RAW]
            extensions = {"http_version": b"HTTP/1.1",
                          **({"reason_phrase": self._aio.reason.encode()} if self._aio.reason else {})}
            response = _Response(self.status_code, headers=headers, stream=_Read(self), extensions=extensions,
                                 build=self._build)
            response.default_encoding = self._encoding
            response.is_stream_consumed = True  # the body is this answer's to read, not the copy's
            if self._content is not None:
                response._content, response.is_closed = self._content, True
            self._response = response
        return self._response

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        """The body, decoded and bounded, each read within the deadline (aiohttp's chunks as they come, at most 16
        KiB, as the SDK's transport reads them); closed at the end."""
        from anthropic._vendor.httpx_aiohttp.transport import AiohttpResponseStream, map_aiohttp_exceptions

        content, cap, size = self._aio.content, self._cap, AiohttpResponseStream.CHUNK_SIZE

        async def read() -> bytes:
            with map_aiohttp_exceptions():
                chunk: bytes = await content.read(size)
                return chunk

        within = getattr(content, "within", None)  # agent._h1's answer bounds its own reads by the deadline
        try:
            while not cap.done:  # an error body's prefix is enough (never here: 2xx bodies must fit)
                chunk = await (within(size, time_left()) if within is not None else _within_deadline(read))
                if not chunk:
                    break
                for piece in cap.pieces(chunk):
                    yield piece
        except httpx2.RequestError as err:  # as httpx's request_context gives it
            err.request = self.request
            raise
        finally:
            await self.aclose()

    async def aread(self) -> bytes:
        if self._content is None:
            self._content = b"".join([piece async for piece in self.aiter_bytes()])
        return self._content

    async def _whole(self) -> None:
        """The body whose declared length is within the bound, in one read (``_whole_body``, as ``_read``)."""
        try:
            self._content, _ = await _whole_body(self._aio, self._cap, self._build)
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        if not self.is_closed:
            self.is_closed = True
            from anthropic._vendor.httpx_aiohttp.transport import map_aiohttp_exceptions

            try:
                with map_aiohttp_exceptions():
                    await self._aio.__aexit__(None, None, None)
            except httpx2.RequestError as err:
                err.request = self.request
                raise


class _Read(httpx2.AsyncByteStream):
    """The body of ``Answer.response()``: the answer's own (read there, closed with it)."""

    def __init__(self, answer: Answer) -> None:
        self._answer = answer

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for piece in self._answer.aiter_bytes():
            yield piece

    async def aclose(self) -> None:
        await self._answer.aclose()
