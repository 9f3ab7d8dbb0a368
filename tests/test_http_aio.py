"""agent._http_aio: the SDKs' aiohttp client (what steadyloop serve runs on) keeps agent._http's bounds:
the turn's deadline cuts any hostile upstream, bodies are bounded, proxies from the environment are used.
Real SDK clients over HTTP to the emulator's hostile answers."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from pydantic import SecretStr

from agent._deadline import deadline, deadline_reached
from agent._http import MAX_BODY, MAX_ERROR_BODY
from agent._http_aio import aiohttp_available, aiohttp_client
from agent.conversation_loop import ChainEntry, ConversationLoop
from agent.credential_pool import Credential, CredentialPool
from agent.ladder import LadderPolicy
from agent.results import TurnResult, TurnStatus
from agent.stores import MemoryStore
from agent.testing.emulator import Emulator
from tests.test_http import APIS, DEADLINE, _peak_growth, hostile


def aio_loop(emu: Emulator, api: str, policy: LadderPolicy) -> ConversationLoop:
    base = emu.base_url("anthropic" if api == "anthropic-messages" else "openai")
    chain = [ChainEntry(api=api, model="m", pool="main", base_url=base, timeout=30)]  # type: ignore[arg-type]
    pool = CredentialPool("main", [Credential(id="k0", secret=SecretStr("sk-test-key-0"))], store=MemoryStore())
    return ConversationLoop(chain, {"main": pool}, policy=policy, hooks=(), async_http=aiohttp_client)


def drive(loop: ConversationLoop, mode: str) -> TurnResult:
    if mode == "arun":
        return asyncio.run(loop.arun("hi"))

    async def collect() -> list[Any]:
        return [e async for e in loop.astream("hi")]
    result = asyncio.run(collect())[-1]
    assert isinstance(result, TurnResult)
    return result


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """First use of an SDK resource imports it (CPU, not network): done once, outside the timed turns."""
    with Emulator("healthy") as emu:
        for api in APIS:
            for mode in ("arun", "astream"):
                assert drive(aio_loop(emu, api, LadderPolicy()), mode).ok


def test_the_serve_extra_brings_aiohttp() -> None:
    """aiohttp is installed with the serve extra (the dev extra too), so the gateway runs on it."""
    assert aiohttp_available()


def test_the_gateways_sdk_clients_run_on_aiohttp() -> None:
    """Every SDK client of the gateway's loops sits on the aiohttp client, not httpx's own stack."""
    from agent.config import load_config
    from agent.serve.gateway import Gateway

    config = load_config({"state": {"backend": "memory"}, "pools": {"p": {"credentials": [{"id": "a", "key": "sk-a"}]}},
                          "chain": [{"api": "anthropic-messages", "model": "m", "pool": "p"},
                                    {"api": "openai-chat", "model": "m", "pool": "p"}],
                          "routes": {"m": {"chain": ["m"]}}})
    gateway = Gateway(config, hooks=())
    for api in ("anthropic-messages", "openai-chat"):
        entry = gateway.entries(["m"], api)[0]  # type: ignore[arg-type]
        sdk = gateway.client(entry, gateway.pools["p"].credentials[0])
        assert type(sdk._client).__name__ == "_Client" and type(sdk._client._transport).__name__ == "_Bounded"
        adapter = gateway.loop("m", api)._adapters[api]  # type: ignore[arg-type]
        assert type(adapter.shared_http(30, True)._transport).__name__ == "_Bounded"


@pytest.mark.parametrize(("api", "mode", "fault"), [
    (api, mode, ("drip", "sse_comments", "chunks_forever", "slow_headers")[(i + j) % 4])
    for i, api in enumerate(APIS) for j, mode in enumerate(("arun", "astream"))
] + [("anthropic-messages", "astream", "slow_headers"), ("openai-chat", "arun", "chunks_forever")])
def test_deadline_cancels_a_call_whatever_the_upstream_does(api: str, mode: str, fault: str) -> None:
    """A drip, SSE comments, chunks forever or dribbled headers end at the turn's deadline, said truthfully."""
    with hostile(fault) as emu:
        loop = aio_loop(emu, api, LadderPolicy(deadline_seconds=DEADLINE))
        started = time.monotonic()
        result = drive(loop, mode)
        elapsed = time.monotonic() - started
    # Uncut, each fault keeps the call alive for minutes (the SDK read timeout never fires); 1.5 s of slack
    # absorbs scheduling on a loaded 2-core CI box (1.44 s was seen at load 4.4) and still catches a missed cut.
    assert elapsed < DEADLINE + 1.5, f"{fault} kept a {DEADLINE} s turn alive for {elapsed:.2f} s"
    assert result.status is TurnStatus.deadline_exceeded, result.attempts
    assert [a.outcome for a in result.attempts] == ["deadline_exceeded"]
    assert "cancelled the call" in result.final_response and "provider said" not in result.final_response


def test_a_passed_deadline_is_said_before_anything_is_sent() -> None:
    """Inside a deadline already passed, the request fails at once as the deadline's ReadTimeout."""
    import httpx2

    async def call() -> BaseException:
        client = aiohttp_client(30)
        try:
            with deadline(0), pytest.raises(httpx2.ReadTimeout) as caught:
                await client.get("http://127.0.0.1:9/never")
            return caught.value
        finally:
            await client.aclose()
    assert deadline_reached(asyncio.run(call()))


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(("fault", "status", "size"), [
    ("huge_body", 500, 50_000_000),
    ("gzip_bomb", 500, 200_000_000),
    ("gzip_bomb", 200, 200_000_000),
])
def test_huge_and_bomb_bodies_cost_a_bounded_prefix(api: str, fault: str, status: int, size: int) -> None:
    """A 50 MB error body or a 200 MB gzip bomb costs a bounded prefix over aiohttp too, and the turn goes on."""
    with hostile(fault, status=status, size=size, match={"calls": [1]}) as emu:
        if fault == "gzip_bomb":
            from agent.testing.emulator.hostile import gzip_bomb
            gzip_bomb(size)  # built (and cached) outside the measurement
        loop = aio_loop(emu, api, LadderPolicy(deadline_seconds=10, backoff_base=0.01, max_attempts=3))
        result, growth = _peak_growth(lambda: drive(loop, "arun"))
    bound = (MAX_BODY if status == 200 else MAX_ERROR_BODY) + (8 << 20)
    assert growth < bound, f"{fault} {status}: peak growth {growth / 2**20:.1f} MiB"
    assert result.ok and len(result.attempts) == 2 and result.attempts[0].outcome != "ok"
