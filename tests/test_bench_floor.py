"""Behaviour of bench.floor's bare relays (``bench.serve --floor``): they relay what the upstream answers."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx2
import pytest

from agent.serve.listen import listening_socket
from agent.testing.emulator import Emulator
from bench.floor import asgi_app, chunk, forwarded, head, serve_raw, starlette_app

BODY = {"model": "m", "max_tokens": 64, "messages": [{"role": "user", "content": "Hi"}]}


def test_the_client_headers_go_upstream_with_the_upstreams_host_and_the_bodys_length_last() -> None:
    sent = [(b"Host", b"127.0.0.1:1"), (b"x-api-key", b"k"), (b"Content-Length", b"99"), (b"connection", b"keep-alive"),
            (b"content-type", b"application/json")]
    assert forwarded(sent, "127.0.0.1:2", 12) == [("host", "127.0.0.1:2"), ("x-api-key", "k"),
                                                   ("content-type", "application/json"), ("content-length", "12")]


def test_a_plain_answer_has_its_length_and_a_streamed_one_is_chunked() -> None:
    assert head(200, "OK", "application/json", 5) == (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                                                      b"content-length: 5\r\n\r\n")
    assert b"transfer-encoding: chunked\r\n\r\n" in head(200, "OK", "text/event-stream", None)
    assert chunk(b"x" * 26) == b"1a\r\n" + b"x" * 26 + b"\r\n"
    assert chunk(b"") == b"0\r\n\r\n"


async def _both(client: httpx2.AsyncClient, base: str) -> tuple[dict[str, Any], bytes]:
    plain = await client.post(base + "/v1/messages", json=BODY, headers={"x-api-key": "k"})
    plain.raise_for_status()
    async with client.stream("POST", base + "/v1/messages", json={**BODY, "stream": True},
                             headers={"x-api-key": "k"}) as streamed:
        assert streamed.status_code == 200 and streamed.headers["content-type"].startswith("text/event-stream")
        events = b"".join([part async for part in streamed.aiter_bytes()])
    return plain.json(), events


def _relayed(answer: tuple[dict[str, Any], bytes]) -> None:
    plain, events = answer
    assert plain["type"] == "message" and plain["content"][0]["type"] == "text"
    assert b"content_block_delta" in events and events.rstrip().endswith(b"}")
    assert json.loads(events.rstrip().rsplit(b"data: ", 1)[1])["type"] == "message_stop"


def test_the_raw_relay_relays_a_plain_and_a_streamed_answer() -> None:
    async def run() -> tuple[dict[str, Any], bytes]:
        sock = listening_socket("127.0.0.1", 0)
        server = await serve_raw(upstream, sock)
        try:
            async with httpx2.AsyncClient(timeout=10) as client:
                return await _both(client, f"http://127.0.0.1:{sock.getsockname()[1]}")
        finally:
            server.close()

    with Emulator("healthy") as emu:
        upstream = emu.base_url("anthropic")
        _relayed(asyncio.run(run()))


@pytest.mark.parametrize("make", [asgi_app, starlette_app])
def test_the_asgi_relays_relay_a_plain_and_a_streamed_answer(make: Any) -> None:
    async def run() -> tuple[dict[str, Any], bytes]:
        async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=make(upstream)), timeout=10) as client:
            return await _both(client, "http://relay")

    with Emulator("healthy") as emu:
        upstream = emu.base_url("anthropic")
        _relayed(asyncio.run(run()))
