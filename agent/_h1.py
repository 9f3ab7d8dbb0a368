"""A small HTTP/1.1 client under ``agent._aio_lane``: the kept POST on a kept-alive connection.

aiohttp's ``ClientSession.request`` costs 0.37-0.45 ms of CPU a POST on loopback in a warm loop (its request
and response objects, two header copies, a connector, timers, a ``StreamReader``, a payload writer), about
a sixth of what ``steadyloop serve`` spends on a request; an ``asyncio.Protocol`` with httptools' parser
(already under uvicorn) costs 0.07-0.09 ms for the same exchange. The lane's calls are narrow: a POST of
bytes, header items already built, no redirects, proxy, decompression or cookies of aiohttp's own. For them,
``Pool`` does what the SDK transport's session (``TCPConnector(limit=max_connections,
keepalive_timeout=keepalive_expiry, ssl=context)``) does, and ``Exchange`` reads as aiohttp's
``ClientResponse`` reads:

| aiohttp                                                  | here                                          |
| -------------------------------------------------------- | --------------------------------------------- |
| request line and the header items, in order, as given    | the same bytes (tests compare the wire)        |
| ``ClientTimeout(sock_connect, sock_read, connect)``       | connect, each read's wait, the pool's wait     |
| closed before a status line: ``ServerDisconnectedError``  | ``httpx2.ConnectError``, as the SDK maps it     |
| cut mid-body: ``ClientPayloadError``                      | ``httpx2.ReadError``, as the SDK maps it        |
| not HTTP: ``ClientResponseError`` (unmapped by the SDK)   | the same class                                 |
| connections kept per origin, closed after the expiry      | the same                                       |

Errors come out as ``anthropic._vendor.httpx_aiohttp.transport.map_aiohttp_exceptions`` would have mapped
aiohttp's, so the SDKs and the classifier see what they saw. A body the reader is slow to take pauses the
socket past ``_HIGH`` bytes, as aiohttp's reader does.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Sequence
from typing import Any, cast

import httptools
import httpx2
from multidict import CIMultiDict, CIMultiDictProxy

from ._http_aio import _DEADLINE, _reached

__all__ = ["Exchange", "Pool", "pool_of"]

_HIGH = 256 * 1024  # body bytes buffered before the socket is paused (aiohttp: two of 64 KiB)
# aiohttp's client parser limits (ClientSession's max_line_size, max_field_size, max_headers): past them the answer
# is refused as aiohttp refuses it, and a head that never ends is never buffered past what they allow in all
_MAX_LINE = _MAX_FIELD = 8190
_MAX_HEADERS = 128
_MAX_HEAD = _MAX_LINE + 2 + _MAX_HEADERS * (2 * _MAX_FIELD + 4) + 2
_Origin = tuple[str, str, int]  # scheme, host, port
_NO_HEADERS: CIMultiDictProxy[str] = CIMultiDictProxy(CIMultiDict())  # an answer's until its headers are in


def _least(*limits: float | None) -> float | None:
    given = [x for x in limits if x is not None]
    return min(given) if given else None


class Exchange:
    """One answer, read as ``agent._aio_lane`` reads aiohttp's ``ClientResponse``: ``status``, ``reason``,
    ``headers`` (case-insensitive), ``raw_headers``, ``content_length``, ``content.read(n)``,
    ``content.iter_chunked(n)``, ``__aexit__`` (the connection back to its pool once the body was read whole)."""

    def __init__(self, connection: _Connection, read: float | None, url: str) -> None:
        self._connection: _Connection | None = connection
        self._loop = connection.loop  # asked once: each asyncio.get_running_loop() costs a getpid system call
        self._read, self._url = read, url
        self.status, self.reason = 0, ""
        self.raw_headers: tuple[tuple[bytes, bytes], ...] = ()
        self.headers: CIMultiDictProxy[str] = _NO_HEADERS
        self.content = self
        self._raw: list[tuple[bytes, bytes]] = []
        self._chunks: list[bytes] = []
        self._size = self._received = 0
        self._chunked = False
        self._started = self._done = self._until_eof = self._keep = self._whole = False
        self._error: BaseException | None = None
        self._waiter: asyncio.Future[None] | None = None

    @property
    def content_length(self) -> int | None:
        length = self.headers.get("content-length")
        return None if length is None else int(length)

    # what the connection's parser found
    def _headers(self, status: int, keep: bool) -> None:
        raw, self._raw = tuple(self._raw), []
        if status < 200:  # an informational answer (100 Continue): the real one follows
            return
        self.status, self.raw_headers, self._started = status, raw, True
        decoded = CIMultiDict((k.decode("utf-8", "surrogateescape"), v.decode("utf-8", "surrogateescape"))
                              for k, v in raw)
        self.headers = CIMultiDictProxy(decoded)
        self._chunked = chunked = "chunked" in decoded.get("transfer-encoding", "").lower()
        self._until_eof = not chunked and "content-length" not in decoded and status not in (204, 304)
        self._keep = keep
        self._wake()

    def _body(self, data: bytes) -> None:
        self._chunks.append(data)
        self._size += len(data)
        self._received += len(data)
        if self._size > _HIGH and not self._whole and self._connection is not None:
            self._connection.pause()
        self._wake()

    def _complete(self, keep: bool) -> None:
        if self._started:
            self._done, self._keep = True, keep
            self._wake()

    def _lost(self, exc: BaseException | None) -> None:
        """The connection closed (``exc``: why, None when the peer closed it): the end of a body read to the
        close, else a cut answer, failing as aiohttp's ``connection_lost`` fails it, as the SDK maps that."""
        if self._done or self._error is not None:
            return
        if self._started and self._until_eof:
            self._done, self._keep = True, False
            self._wake()
        elif self._started:
            self._fail(_mapped(httpx2.ReadError, _cut(self, exc)))
        else:
            from aiohttp import ClientOSError, ServerDisconnectedError

            cause = ClientOSError(*exc.args) if isinstance(exc, OSError) else ServerDisconnectedError()
            self._fail(_mapped(httpx2.ConnectError, cause))

    def _fail(self, error: BaseException) -> None:
        if self._error is None:
            self._error = error
        self._wake()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _expired(self, deadline: bool) -> None:
        self._fail(_deadline_passed() if deadline else httpx2.ReadTimeout("Timeout on reading data from socket"))
        if self._connection is not None:
            self._connection.close()

    async def _wait(self, until: float | None) -> None:
        """Until the parser finds more; its failure raised. Each wait is bounded by the read limit (aiohttp's
        sock_read) and by ``until`` (the turn's deadline, loop time), whichever comes first."""
        if self._error is None:
            loop = self._loop
            limit, deadline = self._read, False
            if until is not None and (limit is None or until - loop.time() < limit):
                limit, deadline = until - loop.time(), True
            if limit is not None and limit <= 0:
                self._expired(deadline)
            else:
                waiter = self._waiter = loop.create_future()
                timer = None if limit is None else loop.call_later(limit, self._expired, deadline)
                try:
                    await waiter
                finally:
                    self._waiter = None
                    if timer is not None:
                        timer.cancel()
        if self._error is not None:
            raise self._error

    async def _head(self, until: float | None, whole: bool) -> None:
        """Until the status line and headers are in; ``whole``: until the body is too (one wake-up for a plain
        answer whose body follows its headers in another segment), or as much of it as is buffered unpaused."""
        while not self._started or (whole and not self._done and self._size <= _HIGH):
            await self._wait(until)

    # aiohttp's StreamReader, as the lane reads it
    async def read(self, n: int = -1) -> bytes:
        """The whole body (``n`` < 0), else up to ``n`` bytes as they come; b"" at its end."""
        return await self.within(n, None)

    async def within(self, n: int, left: float | None) -> bytes:
        """``read(n)`` within ``left`` seconds (the turn's deadline, ``agent._deadline.time_left``; None: no bound):
        ``agent._http_aio``'s deadline without a timeout scope around each read."""
        if left is not None and left <= 0:
            raise _deadline_passed()
        until = None if left is None else self._loop.time() + left
        if n < 0:  # the whole body, as aiohttp's read() takes it: nothing paused from here on
            self._whole = True
            if self._connection is not None:
                self._connection.resume()
            while not self._done:
                await self._wait(until)
        while not self._chunks and not self._done:
            await self._wait(until)
        if self._error is not None:
            raise self._error
        chunks, self._chunks = self._chunks, []
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if 0 <= n < len(data):
            data, rest = data[:n], data[n:]
            self._chunks.append(rest)
        self._size -= len(data)
        if self._connection is not None and self._size <= _HIGH:
            self._connection.resume()
        return data

    async def iter_chunked(self, n: int) -> AsyncIterator[bytes]:
        while chunk := await self.read(n):
            yield chunk

    async def __aexit__(self, *exc: object) -> None:
        self.release()

    def release(self) -> None:
        """The connection back to its pool when this answer was read whole and may be followed; else closed."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.done(self._done and self._keep and self._error is None)


class _Connection(asyncio.Protocol):
    """One kept-alive connection, one exchange at a time, parsed by httptools as the bytes come."""

    def __init__(self, pool: Pool, origin: _Origin, loop: asyncio.AbstractEventLoop) -> None:
        self.pool, self.origin, self.loop = pool, origin, loop
        self.transport: asyncio.Transport | None = None
        self.exchange: Exchange | None = None
        self.closed, self.idle_since, self._paused = False, 0.0, False
        self._head, self._headers, self._refused = 0, 0, cast(Exception | None, None)
        self._parser = httptools.HttpResponseParser(self)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is no subclass of asyncio's

    def data_received(self, data: bytes) -> None:
        exchange = self.exchange
        if exchange is None:  # bytes no request asked for: this connection cannot carry another
            self.close()
            return
        try:
            if not exchange._started:
                self._head += len(data)
                if self._head > _MAX_HEAD:
                    self._refuse(_too_long(data[:100] + b"...", _MAX_FIELD))
            self._parser.feed_data(data)
        except httptools.HttpParserError as err:
            exchange._fail(_not_http(exchange, self._refused or err))
            self.close()

    def _refuse(self, error: Exception) -> None:
        """Stop parsing an answer past aiohttp's limits: ``error`` is what aiohttp's parser raises for it."""
        self._refused = error
        raise httptools.HttpParserError(str(error))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.pool.lost(self)
        if self.exchange is not None:
            self.exchange._lost(exc)

    # httptools' callbacks
    def on_message_begin(self) -> None:
        if self.exchange is not None and self.exchange._done:  # a second answer to one request: not followed
            self.close()

    def on_status(self, status: bytes) -> None:
        if len(status) > _MAX_LINE:
            self._refuse(_too_long(status[:100] + b"...", _MAX_LINE))
        if self.exchange is not None:
            self.exchange.reason = status.decode("utf-8", "surrogateescape")

    def on_header(self, name: bytes, value: bytes) -> None:
        if len(name) > _MAX_FIELD or len(value) > _MAX_FIELD:
            self._refuse(_too_long((name if len(name) > _MAX_FIELD else value)[:100] + b"...", _MAX_FIELD))
        self._headers += 1
        if self._headers > _MAX_HEADERS:
            from aiohttp.http_exceptions import BadHttpMessage

            self._refuse(BadHttpMessage("Too many headers received"))
        if self.exchange is not None:
            self.exchange._raw.append((name, value))

    def on_headers_complete(self) -> None:
        if self.exchange is not None:
            self.exchange._headers(self._parser.get_status_code(), self._parser.should_keep_alive())

    def on_body(self, body: bytes) -> None:
        if self.exchange is not None and body:
            self.exchange._body(body)

    def on_message_complete(self) -> None:
        if self.exchange is not None:
            self.exchange._complete(self._parser.should_keep_alive())

    # the pool's side
    def send(self, exchange: Exchange, head: bytes, content: bytes) -> None:
        assert self.transport is not None
        self.exchange = exchange
        self._head, self._headers, self._refused = 0, 0, None
        self.transport.writelines((head, content) if content else (head,))

    def done(self, reusable: bool) -> None:
        self.exchange = None
        if reusable and not self.closed and not self._paused:
            self.pool.put(self)
        else:
            self.close()

    def pause(self) -> None:
        if not self._paused and self.transport is not None:
            self._paused = True
            self.transport.pause_reading()

    def resume(self) -> None:
        if self._paused and self.transport is not None and not self.closed:
            self._paused = False
            self.transport.resume_reading()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.transport is not None:
                self.transport.close()
            self.pool.lost(self)


def _deadline_passed(cause: BaseException | None = None) -> httpx2.ReadTimeout:
    """``agent._http_aio._within_deadline``'s error: a ReadTimeout caused by ``DeadlineReached``."""
    error = httpx2.ReadTimeout(_DEADLINE)
    error.__cause__ = _reached(cause or TimeoutError())
    return error


def _cut(exchange: Exchange, exc: BaseException | None) -> BaseException:
    """aiohttp's ``ClientPayloadError`` for a body cut short (its parser's words, with the bytes received)."""
    from aiohttp import ClientPayloadError
    from aiohttp.http_exceptions import ContentLengthError, TransferEncodingError

    if exchange._chunked:
        under: Exception = TransferEncodingError("Not enough data to satisfy transfer length header.")
    else:
        under = ContentLengthError(f"Not enough data to satisfy content length header (received "
                                   f"{exchange._received} of {exchange.content_length} bytes).")
    message = f"Response payload is not completed: {under!r}" + ("" if exc is None else f". {exc!r}")
    error = ClientPayloadError(message)
    error.__cause__ = under
    return error


def _too_long(line: bytes, limit: int) -> Exception:
    """aiohttp's ``LineTooLong`` for a status line, a header field or a head past its limits."""
    from aiohttp.http_exceptions import LineTooLong

    return LineTooLong(line, limit)


def _mapped(kind: type[httpx2.TransportError], cause: BaseException) -> httpx2.TransportError:
    """``cause`` as ``map_aiohttp_exceptions`` raises it: ``kind(str(cause))`` from ``cause``."""
    error = kind(str(cause))
    error.__cause__ = cause
    return error


def _not_http(exchange: Exchange, err: Exception) -> BaseException:
    """What aiohttp raises for an answer that is not HTTP (its parser's ``HttpProcessingError`` as a
    ``ClientResponseError``, which the SDK's transport leaves unmapped)."""
    from aiohttp import ClientResponseError, RequestInfo
    from aiohttp.http_exceptions import HttpProcessingError
    from yarl import URL

    url = URL(exchange._url)
    info = RequestInfo(url, "POST", CIMultiDictProxy(CIMultiDict()), url)
    error = ClientResponseError(info, (), status=400, message=str(err))
    error.__cause__ = HttpProcessingError(code=400, message=str(err))
    error.__cause__.__cause__ = err
    return error


class Pool:
    """The kept-alive connections of one SDK transport, per origin; ``post`` sends one request on one of them.

    ``limit``: connections open at once (aiohttp's ``limit``); ``expiry``: seconds an idle one is kept
    (``keepalive_timeout``); ``context``: TLS for https origins; ``local``: the local address to bind."""

    def __init__(self, *, limit: int | None, expiry: float | None, idle: int | None,
                 context: ssl.SSLContext | None, local: str | None) -> None:
        self._limit, self._expiry, self._max_idle = limit, expiry, idle
        self._context, self._local = context, local
        self._idle: dict[_Origin, list[_Connection]] = {}
        self._open: set[_Connection] = set()
        self._waiters: list[asyncio.Future[None]] = []
        self._targets: dict[str, tuple[_Origin, str]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    def _bind(self) -> asyncio.AbstractEventLoop:
        """The event loop of this pool's connections: the one it was first used in (as aiohttp's session), or
        the running one once that is closed (its connections went with it)."""
        if self._loop is None or self._loop.is_closed():
            self._loop = asyncio.get_running_loop()
            self._idle.clear()
            self._open.clear()
        return self._loop

    def _target(self, url: str) -> tuple[_Origin, str]:
        """The origin and request line of ``url``, as aiohttp writes it (yarl's ``raw_path_qs``)."""
        found = self._targets.get(url)
        if found is None:
            from yarl import URL

            parsed = URL(url)
            assert parsed.scheme in ("http", "https") and parsed.host is not None and parsed.port is not None
            line = f"POST {parsed.raw_path_qs} HTTP/1.1\r\n"
            if len(self._targets) >= 64:
                self._targets.clear()
            found = self._targets[url] = ((parsed.scheme, parsed.host, parsed.port), line)
        return found

    async def post(self, url: str, headers: Sequence[tuple[str, str]], content: bytes,
                   limits: dict[str, float | None], *, left: float | None = None, whole: bool = False) -> Exchange:
        """Send the POST; its answer once the status line and headers are in (``whole``: and the body, when it
        comes at once), the body read from it. ``left``: seconds to the turn's deadline, which bounds the
        connection and every wait (``agent._http_aio``'s error when it passes); the ``limits`` it is shorter than
        must be None (``agent._aio_lane.send`` does so)."""
        if left is not None and left <= 0:
            raise _deadline_passed()
        loop = self._bind()
        until = None if left is None else loop.time() + left
        origin, line = self._target(url)
        head = (line + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n").encode()
        connection = await self._acquire(origin, url, limits, left)
        exchange = Exchange(connection, limits.get("read"), url)
        try:
            connection.send(exchange, head, content)
            await exchange._head(until, whole)
        except BaseException:
            connection.close()
            raise
        return exchange

    async def _acquire(self, origin: _Origin, url: str, limits: dict[str, float | None],
                       left: float | None) -> _Connection:
        """An idle connection to ``origin`` not past its expiry, else a new one (within the pool's limit)."""
        idle = self._idle.get(origin)
        now = self._bind().time()
        while idle:
            connection = idle.pop()
            if not connection.closed and (self._expiry is None or now - connection.idle_since < self._expiry):
                return connection
            connection.close()
        return await self._connect(origin, url, limits, left)

    async def _connect(self, origin: _Origin, url: str, limits: dict[str, float | None],
                       left: float | None) -> _Connection:
        scheme, host, port = origin
        tls = scheme == "https"
        limit = _least(limits.get("connect"), limits.get("pool"))
        scope = asyncio.timeout(_least(limit, left))
        try:
            async with scope:
                await self._room()
                loop = self._bind()
                _, connection = await loop.create_connection(
                    lambda: _Connection(self, origin, loop), host, port, ssl=self._context if tls else None,
                    server_hostname=host if tls else None,
                    local_addr=(self._local, 0) if self._local else None)
        except TimeoutError as err:
            if scope.expired() and limit is None:  # the deadline, which every limit left set is shorter than
                raise httpx2.ReadTimeout(_DEADLINE) from _reached(err)
            if scope.expired():
                raise httpx2.ConnectTimeout(f"Connection timeout to host {url}") from err
            raise httpx2.ConnectError(_refused(host, port, tls, err)) from err
        except OSError as err:  # refused, unreachable, a name that does not resolve, a TLS failure
            raise httpx2.ConnectError(_refused(host, port, tls, err)) from err
        self._open.add(connection)
        return connection

    async def _room(self) -> None:
        """Until one more connection is within the limit: an idle one of another origin is closed for it."""
        while self._limit is not None and len(self._open) >= self._limit:
            idle = next((kept for kept in self._idle.values() if kept), None)
            if idle is not None:
                idle.pop(0).close()
                continue
            waiter = self._bind().create_future()
            self._waiters.append(waiter)
            await waiter

    def put(self, connection: _Connection) -> None:
        idle = self._idle.setdefault(connection.origin, [])
        if self._max_idle is not None and len(idle) >= self._max_idle:
            connection.close()
            return
        connection.idle_since = connection.loop.time()
        idle.append(connection)
        self._wake()  # a caller waiting for room may take it

    def lost(self, connection: _Connection) -> None:
        self._open.discard(connection)
        idle = self._idle.get(connection.origin)
        if idle and connection in idle:
            idle.remove(connection)
        self._wake()

    def _wake(self) -> None:
        while self._waiters:
            waiter = self._waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                return

    async def aclose(self) -> None:
        for connection in list(self._open):
            connection.close()


def _refused(host: str, port: int, tls: bool, err: BaseException) -> str:
    """aiohttp's ``ClientConnectorError`` text."""
    reason = getattr(err, "strerror", None) or str(err)
    return f"Cannot connect to host {host}:{port} ssl:{'default' if tls else False} [{reason}]"


def pool_of(transport: Any) -> Pool:
    """A pool configured as the SDK's ``AiohttpTransport`` ``transport`` configures its session."""
    limits: httpx2.Limits = transport.limits
    return Pool(limit=limits.max_connections, expiry=limits.keepalive_expiry, idle=limits.max_keepalive_connections,
                context=transport.ssl_context, local=transport.local_address)
