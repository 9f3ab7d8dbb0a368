"""agent._h1: the lane's own HTTP/1.1 client answers, fails and keeps connections as aiohttp's session did.
Real SDK clients on the aiohttp transport, to a loopback server that answers each call with the given bytes;
every hostile answer is judged against the SDK's own ``post`` (aiohttp) on the same answer: the same exception
classes, and the classifier's same verdict. Run under asyncio's loop and uvloop's (the gateway's)."""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import anthropic
import httpx2
import openai
import pytest
import uvloop

from agent._h1 import Exchange, Pool
from agent._http_aio import aiohttp_client
from agent._request_template import post_content
from agent.error_classifier import classify_api_error

_PATHS = {"anthropic": "/v1/messages", "openai": "/chat/completions"}
_OK = b'{"id":"x","type":"message","role":"assistant","content":[],"model":"m"}'
_WHOLE = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s" % (len(_OK), _OK)
_SSE = b"event: message_start\ndata: {}\n\n"

# What a hostile upstream sends, then closes (None: it sends nothing and stays silent).
HOSTILE: dict[str, bytes | None] = {
    "closed before a status line": b"",
    "not HTTP": b"HELLO THERE\r\n\r\n",
    "binary garbage": b"\x00\x01\x02garbage",
    "headers cut": b"HTTP/1.1 200 OK\r\ncontent-le",
    "body cut": b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nabc",
    "stream cut": b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
                  b"%x\r\n%s\r\n" % (len(_SSE), _SSE),
    "bad chunk size": b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nZZ\r\nabcde\r\n",
    "bad content-length": b"HTTP/1.1 200 OK\r\ncontent-length: abc\r\n\r\nabc",
    "an error status cut": b"HTTP/1.1 429 Too Many\r\ncontent-length: 50\r\n\r\n{\"type\": \"error\"",
    # a header line past aiohttp's 8190 bytes (its LineTooLong), and a head that never ends: bounded, never buffered
    "a header past 8190 bytes": b"HTTP/1.1 200 OK\r\nx-big: " + b"a" * 9000 + b"\r\ncontent-length: 2\r\n\r\n{}",
    "a head that never ends": b"HTTP/1.1 200 OK\r\n" + b"x-h: v\r\n" * 40_000,
    "a header value that never ends": b"HTTP/1.1 200 OK\r\nx-big: " + b"a" * 3_000_000,
    "silent": None,
}
# Answers that are not hostile but unusual: read as aiohttp reads them.
UNUSUAL: dict[str, bytes] = {
    "a body to the close": b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n" + _OK,
    "HTTP/1.0": b"HTTP/1.0 200 OK\r\ncontent-length: %d\r\n\r\n%s" % (len(_OK), _OK),
    "no content": b"HTTP/1.1 204 No Content\r\n\r\n",
    "100 Continue first": b"HTTP/1.1 100 Continue\r\n\r\n" + _WHOLE,
    "a large body": b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n%s" % (1 << 20, b"x" * (1 << 20)),
    "chunked": b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n10\r\n" + _OK[:16] + b"\r\n"
               + b"%x\r\n%s\r\n0\r\n\r\n" % (len(_OK) - 16, _OK[16:]),
}

RUNNERS: dict[str, Callable[[Coroutine[Any, Any, Any]], Any]] = {"asyncio": asyncio.run, "uvloop": uvloop.run}


class _Server:
    """A loopback server: a call whose body holds ``HiHi`` gets ``answer`` and the connection closed (``close``;
    else it stays open, silent after it), any other ``_WHOLE`` on a kept connection. ``connections``: how many
    were opened."""

    def __init__(self, answer: bytes | None = b"", *, close: bool = True) -> None:
        self.answer, self.close, self.connections, self.writers = answer, close, 0, set[asyncio.StreamWriter]()

    async def __aenter__(self) -> _Server:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def stop(self) -> None:
        self.server.close()
        writers = list(self.writers)
        for writer in writers:
            writer.close()
        # until every connection has closed, so the handlers see their end before the loop does
        await asyncio.gather(*(writer.wait_closed() for writer in writers), return_exceptions=True)
        await self.server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:"))
                body = await reader.readexactly(length)
                if b"HiHi" not in body:
                    writer.write(_WHOLE)
                    continue
                if self.answer is None:
                    await asyncio.sleep(30)
                writer.write(self.answer or b"")
                await writer.drain()
                if self.close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.writers.discard(writer)
            writer.close()


def _client(sdk: str, base: str, read: float = 20.0) -> Any:
    kind = anthropic.AsyncAnthropic if sdk == "anthropic" else openai.AsyncOpenAI
    timeout = httpx2.Timeout(20.0, read=read)
    return kind(api_key="sk-h1-key", base_url=base if sdk == "anthropic" else f"{base}/v1",  # type: ignore[operator]
                max_retries=0, timeout=timeout, http_client=aiohttp_client(20.0))


def _body(n: int) -> bytes:
    return json.dumps({"model": "m", "messages": [{"role": "user", "content": "Hi" * n}]}).encode()


async def _kept(client: Any, sdk: str, body: bytes, stream: bool = False, light: bool = False) -> Any:
    return await post_content(client, _PATHS[sdk], body, headers={}, timeout=None, stream=stream, light=light)


async def _post(client: Any, sdk: str, body: bytes, stream: bool = False) -> Any:
    return await client.post(_PATHS[sdk], cast_to=httpx2.Response, content=body, options={"headers": {}},
                             stream=stream)


async def _outcome(call: Coroutine[Any, Any, Any]) -> tuple[Any, ...]:
    """The error classes and the classifier's verdict of a call read to its end; or the body it read."""
    try:
        response = await call
        try:
            return ("read", response.status_code, await response.aread())
        finally:
            await response.aclose()
    except Exception as err:
        verdict = classify_api_error(err, provider="anthropic")
        return type(err), type(err.__cause__), verdict.reason, verdict.scope


def _uses_h1(client: Any, url: str) -> Pool | None:
    pool = client._client._transport_for_url(httpx2.URL(url + "/v1/x")).h1()
    return pool if isinstance(pool, Pool) else None


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
@pytest.mark.parametrize("case", [*HOSTILE, *UNUSUAL])
def test_an_answer_is_read_or_fails_as_post_reads_or_fails_it(case: str, sdk: str, runner: str) -> None:
    """Hostile answers (cut, not HTTP, silent past the read timeout) fail with the exception classes ``post``
    raises over aiohttp's session, and the classifier judges them alike; unusual ones read the same bytes. Plain
    and streamed, with and without ``light``."""
    answer = HOSTILE.get(case, UNUSUAL.get(case))

    async def run() -> list[tuple[Any, ...]]:
        found = []
        for stream in (False, True):
            for light in (False, True, None):  # None: the SDK's own post
                async with _Server(answer) as server:
                    client = _client(sdk, server.url, read=0.3)
                    await (await _kept(client, sdk, _body(1), stream)).aclose()  # the template of this shape
                    assert _uses_h1(client, server.url) is not None
                    call = (_post(client, sdk, _body(2), stream) if light is None
                            else _kept(client, sdk, _body(2), stream, light))
                    found.append(await _outcome(call))
                    await client.close()
        return found

    lane, lane_light, post, stream_lane, stream_light, stream_post = RUNNERS[runner](run())
    assert lane == lane_light == post and stream_lane == stream_light == stream_post
    if case in UNUSUAL:
        assert post[0] == "read"


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_refused_connection_fails_as_post_fails(runner: str) -> None:
    """An upstream gone (connection refused) is the same SDK error over the same cause, as ``post`` gives it."""
    async def run() -> list[tuple[Any, ...]]:
        async with _Server() as server:
            client = _client("anthropic", server.url)
            await _kept(client, "anthropic", _body(1))
            await server.stop()
            found = [await _outcome(_kept(client, "anthropic", _body(1), light=light)) for light in (False, True)]
            found.append(await _outcome(_post(client, "anthropic", _body(1))))
            await client.close()
            return found

    lane, light, post = RUNNERS[runner](run())
    assert lane == light == post and lane[:2] == (anthropic.APIConnectionError, httpx2.ConnectError)


@pytest.mark.parametrize("runner", RUNNERS)
def test_connections_are_kept_reused_and_replaced(runner: str) -> None:
    """Calls in a row share one kept-alive connection; one the server closed while idle, or idle past the
    transport's keep-alive expiry, is replaced by a new one and the call succeeds."""
    async def run() -> list[int]:
        async with _Server() as server:
            client = _client("anthropic", server.url)
            await _kept(client, "anthropic", _body(1))  # the template (aiohttp's own connection)
            counts = []
            for _ in range(3):
                assert (await _kept(client, "anthropic", _body(1), light=True)).content == _OK
            counts.append(server.connections)
            pool = _uses_h1(client, server.url)
            assert pool is not None and pool._open
            for writer in list(server.writers):  # the server drops its idle connections
                writer.close()
            async with asyncio.timeout(5):  # until the client has seen them closed (no fixed sleep)
                while pool._open:
                    await asyncio.sleep(0)
            assert (await _kept(client, "anthropic", _body(1), light=True)).content == _OK
            counts.append(server.connections)
            pool._expiry = 0.0  # every idle connection is past its expiry
            assert (await _kept(client, "anthropic", _body(1), light=True)).content == _OK
            counts.append(server.connections)
            await client.close()
            return counts

    assert RUNNERS[runner](run()) == [2, 3, 4]


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_large_streamed_body_read_slowly_arrives_whole(runner: str) -> None:
    """A body larger than what is buffered before the socket is paused arrives whole and in order when its
    reader is slower than the upstream (reading is paused and resumed), and the connection is kept."""
    pieces = [bytes([65 + i % 26]) * 40_000 for i in range(40)]  # 1.6 MB in 40 chunks
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"
    answer = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n" + chunked

    async def run() -> bytes:
        async with _Server(answer) as server:
            client = _client("anthropic", server.url)
            await (await _kept(client, "anthropic", _body(1), True)).aclose()
            response = await _kept(client, "anthropic", _body(2), True, True)
            received = []
            async for chunk in response.aiter_bytes():
                received.append(chunk)
                await asyncio.sleep(0.001)
            await client.close()
            return b"".join(received)

    assert RUNNERS[runner](run()) == b"".join(pieces)


def test_an_exchange_reads_as_aiohttps_stream_reader() -> None:
    """``read(n)`` gives at most ``n`` bytes as they come and b"" at the end; ``read()`` the whole rest."""
    async def run() -> list[bytes]:
        pool = Pool(limit=None, expiry=None, idle=None, context=None, local=None)
        answer = b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n0123456789"
        async with _Server(answer) as server:
            exchange = await pool.post(server.url + "/x", [("host", "h"), ("content-length", "4")], b"HiHi",
                                       {"read": 5.0})
            assert isinstance(exchange, Exchange) and exchange.content_length == 10
            found = [await exchange.read(4), await exchange.read(), await exchange.read(4)]
            exchange.release()
            await pool.aclose()
            return found

    assert asyncio.run(run()) == [b"0123", b"456789", b""]


# A stream that sends its head and first event, then nothing (chunked: the body is not over).
_STALLED = (b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
            b"%x\r\n%s\r\n" % (len(_SSE), _SSE))


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize("answer", [b"", _STALLED], ids=["before the head", "mid-stream"])
def test_the_turns_deadline_cuts_an_exchange_as_it_cuts_post(answer: bytes, runner: str) -> None:
    """An upstream that goes silent (before its head, or mid-stream) is cut when the turn's deadline passes, long
    before its read limit, with the error ``post`` gives under the same deadline (a ReadTimeout the deadline
    caused, as the SDK wraps it); the exchange's own timer holds it, no timeout scope around each read."""
    from agent._deadline import deadline, deadline_reached

    async def run() -> list[tuple[Any, ...]]:
        found = []
        async with _Server(answer, close=False) as server:
            client = _client("anthropic", server.url)
            await (await _kept(client, "anthropic", _body(1), True)).aclose()
            for light in (False, True, None):
                start = asyncio.get_running_loop().time()
                try:
                    with deadline(0.3):
                        response = await (_post(client, "anthropic", _body(2), True) if light is None
                                          else _kept(client, "anthropic", _body(2), True, light))
                        async for _ in response.aiter_bytes():
                            pass
                except Exception as err:
                    took = asyncio.get_running_loop().time() - start
                    found.append((type(err), type(err.__cause__), deadline_reached(err), took < 5))
            await client.close()
        return found

    from agent._http import DeadlineReached

    lane, light, post = RUNNERS[runner](run())
    assert lane == light == post
    # before the head the SDK wraps the error (its APITimeoutError); a stream's read is not the SDK's call
    assert lane == ((anthropic.APITimeoutError, httpx2.ReadTimeout, True, True) if answer == b""
                    else (httpx2.ReadTimeout, DeadlineReached, True, True))


def _tls(server: bool) -> Any:
    certs = Path(__file__).parent / "certs"
    if server:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certs / "selfsigned.crt", certs / "selfsigned.key")
        return context
    return ssl.create_default_context(cafile=str(certs / "selfsigned.crt"))


@pytest.mark.parametrize("runner", RUNNERS)
def test_https_goes_through_the_transports_tls_context(runner: str) -> None:
    """Over https the lane's connections are TLS with the SDK transport's own context: a certificate it trusts
    serves every call on one kept connection; one it does not (the default trust store) fails to connect with the
    ``ConnectError`` aiohttp's certificate error maps to."""
    from agent._http_aio import _client_class

    async def run() -> tuple[list[bytes], int, Any]:
        server = _Server()
        server.server = await asyncio.start_server(server._serve, "127.0.0.1", 0, ssl=_tls(True))
        url = f"https://127.0.0.1:{server.server.sockets[0].getsockname()[1]}"
        http = _client_class()(timeout=20.0, verify=_tls(False))
        client = anthropic.AsyncAnthropic(api_key="sk-h1-key", base_url=url, max_retries=0, http_client=http)
        await _kept(client, "anthropic", _body(1))  # the template
        bodies = [(await _kept(client, "anthropic", _body(1), light=True)).content for _ in range(3)]
        untrusted = Pool(limit=None, expiry=None, idle=None, context=ssl.create_default_context(), local=None)
        try:
            await untrusted.post(url + "/v1/messages", [("host", "h"), ("content-length", "0")], b"", {})
        except httpx2.ConnectError as err:
            refused: Any = err
        await client.close()
        await server.stop()
        return bodies, server.connections, refused

    bodies, connections, refused = RUNNERS[runner](run())
    assert bodies == [_OK] * 3 and connections == 2  # the template's (aiohttp's), then the lane's kept one
    assert "Cannot connect to host 127.0.0.1" in str(refused)
