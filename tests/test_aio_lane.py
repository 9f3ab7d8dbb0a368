"""agent._aio_lane: a kept request sent past httpx's client puts the bytes ``post`` puts on the wire, and
answers (cookies, redirects, errors) are handled as httpx's client handles them. Real SDK clients on the
aiohttp transport, to a socket server that records each request as it arrived."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import Callable
from typing import Any

import anthropic
import httpx2
import openai
import pytest

from agent import _aio_lane
from agent._http import ResponseTooLarge
from agent._http_aio import aiohttp_client
from agent._request_template import post_content

_PATHS = {"anthropic": "/v1/messages", "openai": "/chat/completions"}
_OK = b'{"id":"x","type":"message","role":"assistant","content":[],"model":"m"}'
Answer = Callable[[bytes], bytes]


def _plain(status: str = "200 OK", body: bytes = _OK, *headers: str) -> bytes:
    head = "".join(f"{h}\r\n" for h in ("content-type: application/json", f"content-length: {len(body)}", *headers))
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode() + body


class _Recorder:
    """A loopback HTTP/1.1 server: each request's bytes as received; answers from ``answer(request bytes)``."""

    def __init__(self, answer: Answer) -> None:
        self.answer, self.requests = answer, []

    async def __aenter__(self) -> _Recorder:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                break
            length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            request = head + await reader.readexactly(length)
            self.requests.append(request)
            writer.write(self.answer(request))
            await writer.drain()
        writer.close()


def _client(sdk: str, base: str) -> Any:
    kind = anthropic.AsyncAnthropic if sdk == "anthropic" else openai.AsyncOpenAI
    return kind(api_key="sk-lane-key", base_url=base if sdk == "anthropic" else f"{base}/v1",  # type: ignore[operator]
                max_retries=0, timeout=20.0, http_client=aiohttp_client(20.0))


async def _post(client: Any, sdk: str, body: bytes, timeout: httpx2.Timeout | None) -> Any:
    options: dict[str, Any] = {"headers": {"anthropic-beta": "b1"}}
    if timeout is not None:
        options["timeout"] = timeout
    return await client.post(_PATHS[sdk], cast_to=httpx2.Response, content=body, options=options)


async def _kept(client: Any, sdk: str, body: bytes, timeout: httpx2.Timeout | None, stream: bool = False,
                light: bool = False) -> Any:
    return await post_content(client, _PATHS[sdk], body, headers={"anthropic-beta": "b1"}, timeout=timeout,
                              stream=stream, light=light)


def _body(n: int) -> bytes:
    return json.dumps({"model": "m", "messages": [{"role": "user", "content": "Hi" * n}]}).encode()


@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
def test_the_lane_sends_the_bytes_post_sends(sdk: str) -> None:
    """Byte for byte (request line, header names, their order and values, body), a call sent past httpx's
    client equals the one the SDK's ``post`` sends, with the client's timeout and with a call's own."""
    async def run() -> list[bytes]:
        async with _Recorder(lambda _: _plain()) as server:
            client = _client(sdk, server.url)
            for timeout in (None, httpx2.Timeout(7.5, connect=2.0)):
                await _kept(client, sdk, _body(1), timeout)  # the template of this shape
                assert _aio_lane.lane(client._client, httpx2.URL(server.url + "/v1/x")) is not None
                for n in (2, 30):
                    await _post(client, sdk, _body(n), timeout)
                    response = await _kept(client, sdk, _body(n), timeout)
                    assert response.json()["id"] == "x" and response.request.content == _body(n)
            await client.close()
            return server.requests

    sent = asyncio.run(run())
    assert len(sent) == 10
    for reference, laned in (sent[1:3], sent[3:5], sent[6:8], sent[8:10]):
        assert laned == reference
    assert b"x-stainless-read-timeout: 7.5" in sent[6]


@pytest.mark.parametrize("light", [False, True])
@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
def test_cookies_and_redirects_are_handled_as_httpx_handles_them(sdk: str, light: bool) -> None:
    """A cookie the answer sets is stored and sent with the next call; a 307 is followed with the same body,
    the answer at its location returned (``light``: a 2xx that sets a cookie is no ``Answer``, the jar gets it)."""
    def answer(request: bytes) -> bytes:
        if b" /moved" in request.split(b"\r\n")[0]:
            return _plain()
        if b"redirect-me" in request:
            return _plain("307 Temporary Redirect", b"", "location: /moved")
        if b"set-me" in request:
            return _plain("200 OK", _OK, "set-cookie: session=abc; Path=/")
        return _plain()

    async def run() -> list[bytes]:
        async with _Recorder(answer) as server:
            client = _client(sdk, server.url)
            await _kept(client, sdk, _body(1), None)  # the template
            assert not client._client.cookies.jar
            cookie = await _kept(client, sdk, json.dumps({"model": "set-me"}).encode(), None, light=light)
            assert isinstance(cookie, httpx2.Response)  # through the lane: cookie kept
            assert dict(client._client.cookies) == {"session": "abc"}
            await _kept(client, sdk, _body(3), None, light=light)  # a stored cookie: through httpx's client
            client._client.cookies.clear()
            redirected = await _kept(client, sdk, json.dumps({"model": "redirect-me"}).encode(), None, light=light)
            assert redirected.status_code == 200 and redirected.request.url.path == "/moved"
            await client.close()
            return server.requests

    sent = asyncio.run(run())
    assert b"cookie: session=abc" in sent[2].lower() and b"cookie:" not in sent[1].lower()
    assert sent[-1].split(b"\r\n")[0] == b"POST /moved HTTP/1.1" and sent[-1].endswith(b'{"model": "redirect-me"}')


@pytest.mark.parametrize("light", [False, True])
@pytest.mark.parametrize("stream", [False, True])
def test_an_error_status_is_the_sdks_error_with_its_request(stream: bool, light: bool) -> None:
    """A 429 sent past httpx's client raises the SDK's RateLimitError, its response and request the call's; with
    ``light`` too (the gateway's calls): an error status is never an ``Answer``."""
    body = json.dumps({"type": "error", "error": {"type": "rate_limit_error", "message": "slow down"}}).encode()

    async def run() -> BaseException:
        async with _Recorder(lambda r: _plain() if b'"Hi"' in r else _plain("429 Too Many", body)) as server:
            client = _client("anthropic", server.url)
            await (await _kept(client, "anthropic", _body(1), None, stream)).aclose()
            try:
                await _kept(client, "anthropic", _body(2), None, stream, light)
            except anthropic.RateLimitError as err:
                return err
            finally:
                await client.close()
        raise AssertionError("no error")

    err = asyncio.run(run())
    assert isinstance(err, anthropic.RateLimitError) and err.body == json.loads(body)
    assert err.response.status_code == 429 and err.response.request.content == _body(2)
    assert isinstance(err.response, httpx2.Response)


@pytest.mark.parametrize("light", [False, True])
@pytest.mark.parametrize("size", [len(_OK), 40 << 20])
def test_a_compressed_body_is_decoded_within_the_bound_as_post_decodes_it(size: int, light: bool) -> None:
    """A gzip body read in one piece is decoded as httpx's path decodes it; a bomb (40 MiB of zeros in about
    40 KiB) fails as ``post`` fails: the SDK's APIConnectionError, caused by ResponseTooLarge."""
    payload = _OK if size == len(_OK) else b"0" * size
    packed = gzip.compress(payload)

    def answer(request: bytes) -> bytes:  # the template's call (one "Hi") is answered plainly
        return _plain("200 OK", packed, "content-encoding: gzip") if b"HiHi" in request else _plain()

    async def outcome(call: Any) -> Any:
        try:
            return (await call).content
        except anthropic.APIConnectionError as err:
            return type(err), type(err.__cause__)

    async def run() -> tuple[Any, Any]:
        async with _Recorder(answer) as server:
            client = _client("anthropic", server.url)
            await _kept(client, "anthropic", _body(1), None)  # the template
            found = await outcome(_kept(client, "anthropic", _body(2), None, light=light))
            expected = await outcome(_post(client, "anthropic", _body(2), None))
            await client.close()
            return found, expected

    found, expected = asyncio.run(run())
    assert found == expected
    assert found == _OK if size == len(_OK) else found == (anthropic.APIConnectionError, ResponseTooLarge)


@pytest.mark.parametrize("light", [False, True])
@pytest.mark.parametrize("stream", [False, True])
def test_a_body_cut_short_fails_as_post_fails(stream: bool, light: bool) -> None:
    """An answer whose connection closes mid-body fails as through httpx's client: the same error classes, and
    the transport error carries the call's request (httpx's ``request_context``)."""
    def answer(request: bytes) -> bytes:  # the template's call (one "Hi") is answered whole; each connection once
        whole = _plain("200 OK", _OK, "connection: close")
        return whole if b"HiHi" not in request else whole[:-10]

    class _Cut(_Recorder):
        async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            request = head + await reader.readexactly(length)
            writer.write(self.answer(request))
            await writer.drain()
            writer.close()

    async def failure(call: Any) -> tuple[Any, ...]:
        try:
            response = await call
            await response.aread()
        except Exception as err:
            cause = err if isinstance(err, httpx2.TransportError) else err.__cause__
            assert isinstance(cause, httpx2.TransportError)
            return type(err), type(cause), cause.request.url.path
        raise AssertionError("no error")

    async def run() -> tuple[Any, Any]:
        async with _Cut(answer) as server:
            client = _client("anthropic", server.url)
            await (await _kept(client, "anthropic", _body(1), None, stream)).aclose()
            found = await failure(_kept(client, "anthropic", _body(2), None, stream, light))
            options = {"headers": {"anthropic-beta": "b1"}}
            expected = await failure(client.post("/v1/messages", cast_to=httpx2.Response, content=_body(2),
                                                 options=options, stream=stream))
            await client.close()
            return found, expected

    found, expected = asyncio.run(run())
    assert found == expected and found[2] == "/v1/messages"


def _sse(*pieces: bytes, encoding: str | None = None) -> bytes:
    """A chunked ``text/event-stream`` answer sent as ``pieces`` (HTTP chunks), optionally compressed whole."""
    head = ["content-type: text/event-stream", "transfer-encoding: chunked"]
    if encoding is not None:
        pieces, head = (gzip.compress(b"".join(pieces)),), [*head, f"content-encoding: {encoding}"]
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces)
    return ("HTTP/1.1 200 OK\r\n" + "".join(f"{h}\r\n" for h in head) + "\r\n").encode() + chunks + b"0\r\n\r\n"


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_a_streamed_answer_iterates_as_httpx_iterates_it(encoding: str | None) -> None:
    """A lane answer's ``aiter_bytes`` (one generator, not httpx's three) gives the bytes httpx's own gives,
    decoded, with the same bookkeeping: consumed, every byte counted, the response closed at the end."""
    events = [b"event: message_start\ndata: {}\n\n", b"event: content_block_delta\ndata: {\"t\": \"\xc3\xa9\"}\n\n",
              b"event: message_stop\ndata: {}\n\n"]

    async def read(response: httpx2.Response, fast: bool) -> tuple[Any, ...]:
        assert isinstance(response, _aio_lane._Response)
        chunks = response.aiter_bytes() if fast else httpx2.Response.aiter_bytes(response)
        body = b"".join([chunk async for chunk in chunks])
        return body, response.num_bytes_downloaded, response.is_stream_consumed, response.is_closed

    async def run() -> list[tuple[Any, ...]]:
        async with _Recorder(lambda _: _sse(*events, encoding=encoding)) as server:
            client = _client("anthropic", server.url)
            await (await _kept(client, "anthropic", _body(1), None, True)).aclose()  # the template
            found = [await read(await _kept(client, "anthropic", _body(2), None, True), fast) for fast in (True, False)]
            await client.close()
            return found

    fast, httpx_own = asyncio.run(run())
    assert fast == httpx_own
    assert fast[0] == b"".join(events) and fast[2:] == (True, True)


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_a_light_answer_reads_as_httpxs_response_reads(encoding: str | None) -> None:
    """With ``light`` a 2xx is an ``Answer`` with no ``httpx2.Response`` built, and reads as httpx's response of the
    same answer reads: plain (content, JSON, text, content type) and streamed (the same decoded bytes, closed at
    the end); its ``response()`` is the response the SDK's errors are built around."""
    events = [b"event: message_start\ndata: {}\n\n", b"event: content_block_delta\ndata: {\"t\": \"\xc3\xa9\"}\n\n"]
    packed = gzip.compress(_OK) if encoding else _OK

    def answer(request: bytes) -> bytes:
        if b'"stream"' in request:
            return _sse(*events, encoding=encoding)
        return _plain("200 OK", packed, *([f"content-encoding: {encoding}"] if encoding else []))

    def plain(response: Any) -> tuple[Any, ...]:
        return response.content, response.json(), response.text, response.headers.get("content-type")

    async def run() -> None:
        async with _Recorder(answer) as server:
            client = _client("anthropic", server.url)
            await _kept(client, "anthropic", _body(1), None)  # the template
            light = await _kept(client, "anthropic", _body(2), None, light=True)
            full = await _kept(client, "anthropic", _body(2), None)
            assert isinstance(light, _aio_lane.Answer) and isinstance(full, httpx2.Response)
            assert plain(light) == plain(full) and light.is_closed and light.request.content == _body(2)
            copy = light.response()
            assert (copy.status_code, copy.content, dict(copy.headers)) == (200, _OK, dict(full.headers))
            streamed = b'{"stream": true}'
            await (await _kept(client, "anthropic", streamed, None, True)).aclose()  # the streamed shape's template
            light = await _kept(client, "anthropic", streamed, None, True, True)
            assert isinstance(light, _aio_lane.Answer)
            assert b"".join([chunk async for chunk in light.aiter_bytes()]) == b"".join(events) and light.is_closed
            assert light.response().request.content == streamed
            await client.close()

    asyncio.run(run())


def test_an_error_event_in_a_light_answer_is_the_sdks_error_around_httpxs_response() -> None:
    """``status_error`` (an SSE ``error`` event inside a 200) builds the SDK's own exception from an ``Answer`` as
    from httpx's response: the same class, status, body and request, the response an ``httpx2.Response``."""
    from agent.passthrough import status_error

    body = {"type": "error", "error": {"type": "overloaded_error", "message": "busy"}}

    async def run() -> tuple[Any, Any]:
        async with _Recorder(lambda _: _sse(b"event: message_start\ndata: {}\n\n")) as server:
            client = _client("anthropic", server.url)
            await (await _kept(client, "anthropic", _body(1), None, True)).aclose()  # the template
            errors = []
            for light in (True, False):
                response = await _kept(client, "anthropic", _body(2), None, True, light)
                await response.aread()
                errors.append(status_error(client, body, response))
            await client.close()
            return errors[0], errors[1]

    light, full = asyncio.run(run())
    assert type(light) is type(full) and isinstance(light, anthropic.APIStatusError)
    assert isinstance(light.response, httpx2.Response) and light.response.status_code == 200
    assert (light.body, light.message, light.request.content) == (full.body, full.message, _body(2))
