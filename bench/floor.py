"""The floor under ``steadyloop serve``: bare relays in front of the emulator, for ``python -m bench.serve --floor``.

Each relay takes a request, sends its bytes to the upstream on a kept-alive connection and hands the answer back
(a plain one whole, a streamed one chunk by chunk as it arrives, its headers with the first chunk, as the gateway
sends them at its commit point). No classification, no state, no auth: what any Python gateway on this machine
pays before doing anything of its own. The upstream side is ``agent._h1``'s ``Pool`` in every arm, the client the
gateway's upstream lane uses, so the arms differ from each other and from the gateway only in front of it:

- ``raw``: an ``asyncio.Protocol`` server with httptools' request parser, one write per plain answer, on uvloop
  when it is installed (as uvicorn's ``loop="auto"``, which the gateway runs on, picks it);
- ``asgi``: the relay as a raw ASGI app on uvicorn, with the gateway's own server settings and protocol
  (``agent.serve.listen.listening_socket``, ``agent.serve.protocol.uvicorn_server``);
- ``starlette``: the relay as a Starlette ``Route`` endpoint (``Request.body()``, a ``Response`` or a
  ``StreamingResponse``) on the same uvicorn: what Starlette's request and response objects would add (the
  gateway serves its model endpoints in raw ASGI and does not pay this).

Whether an answer is relayed whole or streamed is read from the upstream's answer (a Content-Length: whole;
chunked: streamed), not from the request.

Run: python -m bench.floor raw|asgi|starlette UPSTREAM_URL   (prints ``listening on http://HOST:PORT``)
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections.abc import AsyncIterator, Iterable
from typing import Any

import httptools

from agent._h1 import Exchange, Pool

KINDS = ("raw", "asgi", "starlette")
CHUNK = 64 * 1024
_HOP = frozenset({b"host", b"connection", b"keep-alive", b"transfer-encoding"})  # not forwarded as the client sent them


def upstream_pool() -> Pool:
    """Kept-alive connections to the upstream, unbounded, never expired (the bench's upstream stays up)."""
    return Pool(limit=None, expiry=None, idle=None, context=None, local=None)


def forwarded(headers: Iterable[tuple[bytes, bytes]], host: str, size: int) -> list[tuple[str, str]]:
    """The client's header items for the upstream: its own, but ``Host`` the upstream's and the hop-by-hop ones
    and its Content-Length left out; Content-Length (of the body sent) last, as ``agent._h1`` callers write it."""
    kept = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers
            if k.lower() not in _HOP and k.lower() != b"content-length"]
    return [("host", host), *kept, ("content-length", str(size))]


def head(status: int, reason: str, content_type: str, length: int | None) -> bytes:
    """A response's status line and headers: a Content-Length when ``length`` is known, else chunked."""
    framing = f"content-length: {length}" if length is not None else "transfer-encoding: chunked"
    return f"HTTP/1.1 {status} {reason}\r\ncontent-type: {content_type}\r\n{framing}\r\n\r\n".encode("latin-1")


def chunk(data: bytes) -> bytes:
    """``data`` as one HTTP/1.1 chunk (b"" is the last chunk, which ends the body)."""
    return b"%x\r\n%s\r\n" % (len(data), data) if data else b"0\r\n\r\n"


async def ask(pool: Pool, upstream: str, path: str, headers: Iterable[tuple[bytes, bytes]], body: bytes) -> Exchange:
    """The upstream's answer to the client's request, once its status line and headers are in."""
    host = upstream.split("://", 1)[1].split("/", 1)[0]
    return await pool.post(upstream + path, forwarded(headers, host, len(body)), body, {})


# the raw relay: asyncio's protocol, httptools' parser, the answer written by hand


class _RawRelay(asyncio.Protocol):
    """One client connection: each request parsed as its bytes come, relayed once it is whole."""

    def __init__(self, pool: Pool, upstream: str) -> None:
        self.pool, self.upstream = pool, upstream
        self.parser = httptools.HttpRequestParser(self)
        self.transport: Any = None
        self.url, self.headers, self.body = b"", list[tuple[bytes, bytes]](), list[bytes]()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None

    def on_url(self, url: bytes) -> None:
        self.url += url

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers.append((name, value))

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        url, headers, body = self.url, self.headers, b"".join(self.body)
        self.url, self.headers, self.body = b"", [], []
        asyncio.get_running_loop().create_task(self.relay(url.decode("latin-1"), headers, body))

    async def relay(self, path: str, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        answer = await ask(self.pool, self.upstream, path, headers, body)
        try:
            content_type = answer.headers.get("content-type", "application/octet-stream")
            length = answer.content_length
            if length is not None:  # plain: whole, in one write
                data = await answer.read()
                if self.transport is not None:
                    self.transport.write(head(answer.status, answer.reason, content_type, len(data)) + data)
                return
            first = await answer.read(CHUNK)  # streamed: the headers leave with the first chunk
            if self.transport is None:
                return
            self.transport.write(head(answer.status, answer.reason, content_type, None) + chunk(first) if first
                                 else head(answer.status, answer.reason, content_type, None))
            while data := await answer.read(CHUNK):
                if self.transport is None:
                    return
                self.transport.write(chunk(data))
            if self.transport is not None:
                self.transport.write(chunk(b""))
        finally:
            answer.release()


async def serve_raw(upstream: str, sock: Any) -> asyncio.Server:
    """The raw relay listening on ``sock`` (already bound and listening)."""
    pool = upstream_pool()
    return await asyncio.get_running_loop().create_server(lambda: _RawRelay(pool, upstream), sock=sock)


# the same relay in ASGI, bare or behind a Starlette route


def asgi_app(upstream: str) -> Any:
    """The relay as a raw ASGI app (lifespan answered, nothing else but relaying)."""
    pool = upstream_pool()

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                await send({"type": message["type"] + ".complete"})
                if message["type"] == "lifespan.shutdown":
                    return
        parts = []
        while True:
            message = await receive()
            parts.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        answer = await ask(pool, upstream, scope["path"], scope["headers"], b"".join(parts))
        try:
            content_type = answer.headers.get("content-type", "application/octet-stream").encode("latin-1")
            if answer.content_length is not None:
                data = await answer.read()
                await send({"type": "http.response.start", "status": answer.status,
                            "headers": [(b"content-type", content_type), (b"content-length", b"%d" % len(data))]})
                await send({"type": "http.response.body", "body": data, "more_body": False})
                return
            first = await answer.read(CHUNK)
            await send({"type": "http.response.start", "status": answer.status,
                        "headers": [(b"content-type", content_type)]})
            while first:
                await send({"type": "http.response.body", "body": first, "more_body": True})
                first = await answer.read(CHUNK)
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            answer.release()

    return app


def starlette_app(upstream: str) -> Any:
    """The relay as one Starlette route per model endpoint, with Starlette's request and response objects."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response, StreamingResponse
    from starlette.routing import Route

    pool = upstream_pool()

    async def relay(request: Request) -> Response:
        body = await request.body()
        answer = await ask(pool, upstream, request.url.path, request.headers.raw, body)
        content_type = answer.headers.get("content-type", "application/octet-stream")
        if answer.content_length is not None:
            try:
                return Response(await answer.read(), status_code=answer.status, media_type=content_type)
            finally:
                answer.release()

        async def chunks() -> AsyncIterator[bytes]:
            try:
                while data := await answer.read(CHUNK):
                    yield data
            finally:
                answer.release()

        return StreamingResponse(chunks(), status_code=answer.status, media_type=content_type)

    paths = ("/v1/messages", "/v1/chat/completions", "/v1/responses")
    return Starlette(routes=[Route(path, relay, methods=["POST"]) for path in paths])


def main(argv: list[str]) -> None:
    kind, upstream = argv
    if kind not in KINDS:
        sys.exit(f"unknown relay {kind!r}: use {', '.join(KINDS)}")
    upstream = upstream.removesuffix("/").removesuffix("/v1")  # the request's path carries /v1
    from agent.serve.listen import listening_socket

    sock = listening_socket("127.0.0.1", 0)
    print(f"bench.floor {kind}: listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    if kind == "raw":
        async def forever() -> None:
            server = await serve_raw(upstream, sock)
            await server.serve_forever()

        if importlib.util.find_spec("uvloop") is not None:
            import uvloop

            uvloop.run(forever())
        else:
            asyncio.run(forever())
        return
    from agent.serve.protocol import uvicorn_server
    from agent.serve.settings import ServeConfig

    app = asgi_app(upstream) if kind == "asgi" else starlette_app(upstream)
    uvicorn_server(app, ServeConfig().idle_timeout_seconds).run(sockets=[sock])


if __name__ == "__main__":
    main(sys.argv[1:])
