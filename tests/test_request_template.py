"""The SDK's request reused per shape: the same bytes on the wire and the same typed errors as ``post``."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

import anthropic
import httpx2
import openai
import pytest

from agent._http import async_http_client
from agent._http_aio import aiohttp_client
from agent._request_template import post_content
from agent.testing.emulator import Emulator, Scenario

_PATHS = {"anthropic": "/v1/messages", "openai": "/chat/completions"}
_LIMITED = {"anthropic": "anthropic_rate_limit", "openai": "openai_rpm_limit"}
_HTTP: dict[str, Callable[[float], httpx2.AsyncClient]] = {"aiohttp": aiohttp_client, "httpx": async_http_client}


def _body(model: str) -> bytes:
    return json.dumps({"model": model, "max_tokens": 8, "messages": [{"role": "user", "content": "Hi"}]}).encode()


def _client(sdk: str, emu: Emulator, http: str) -> Any:
    kind = anthropic.AsyncAnthropic if sdk == "anthropic" else openai.AsyncOpenAI
    return kind(api_key="sk-emu-one", base_url=emu.base_url(sdk),  # type: ignore[operator]
                max_retries=0, timeout=20.0, http_client=_HTTP[http](20.0))


def _emulator(*rules: dict[str, Any]) -> Emulator:
    return Emulator(Scenario.model_validate({"rules": list(rules)}))


async def _post(client: Any, sdk: str, model: str, timeout: httpx2.Timeout | None, *, stream: bool = False) -> Any:
    """What ``post`` itself does with the same call (the reference)."""
    options: dict[str, Any] = {"headers": {"anthropic-beta": "b1"}}
    if timeout is not None:
        options["timeout"] = timeout
    return await client.post(_PATHS[sdk], cast_to=httpx2.Response, content=_body(model), options=options,
                             stream=stream)


async def _templated(client: Any, sdk: str, model: str, timeout: httpx2.Timeout | None, *,
                     stream: bool = False) -> Any:
    return await post_content(client, _PATHS[sdk], _body(model), headers={"anthropic-beta": "b1"}, timeout=timeout,
                              stream=stream)


@pytest.mark.parametrize("http", ["aiohttp", "httpx"])
@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
def test_a_reused_request_sends_what_post_sends(sdk: str, http: str, caplog: pytest.LogCaptureFixture) -> None:
    """Real SDK clients to the emulator: calls after the first send the path, headers (the timeout's own
    x-stainless headers included) and body ``post`` sends, and the SDK builds the request only once per shape."""
    timeouts = (None, httpx2.Timeout(7.5, connect=2.0), httpx2.Timeout(4.25, connect=2.0))

    async def run(emu: Emulator) -> None:
        client = _client(sdk, emu, http)
        for timeout in timeouts:
            await _post(client, sdk, "m", timeout)
            for _ in range(3):
                response = await _templated(client, sdk, "m", timeout)
                assert response.status_code == 200 and response.json()
        await client.close()

    caplog.set_level(logging.DEBUG, logger=f"{sdk}._base_client")
    with _emulator() as emu:
        asyncio.run(run(emu))
        log = emu.log
    sent = [(r.path, r.body, r.headers) for r in log]
    for n in range(len(timeouts)):
        reference, *reused = sent[4 * n:4 * n + 4]
        assert all(r == reference for r in reused)
    assert {r.headers["x-stainless-read-timeout"] for r in log} == {"20.0", "7.5", "4.25"}
    # the SDK sends a request per call of post, and one per shape of post_content (a timeout given or not)
    assert sum(r.message.startswith("Sending HTTP Request") for r in caplog.records) == len(timeouts) + 2


async def _failure(call: Any) -> BaseException:
    try:
        response = await call
    except Exception as err:
        return err
    raise AssertionError(f"no error: {response.status_code}")


def _facts(err: BaseException) -> tuple[Any, ...]:
    # the cause's kind, not its class: which phase a timeout hit (connect, read) depends on the machine's load
    cause = next((kind for kind in (httpx2.TimeoutException, httpx2.TransportError, Exception, type(None))
                  if isinstance(err.__cause__, kind)), None)
    return (type(err), str(err), getattr(err, "status_code", None), getattr(err, "body", None), cause,
            err.__suppress_context__)


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("http", ["aiohttp", "httpx"])
@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
def test_a_reused_request_fails_as_post_fails(sdk: str, http: str, stream: bool) -> None:
    """An error status, a dropped connection and a timeout raise the SDK's own classes, messages, bodies and
    causes, exactly as ``post`` raises them (what the classifier reads)."""
    short = httpx2.Timeout(0.3, connect=2.0)

    async def run(emu: Emulator) -> None:
        client = _client(sdk, emu, http)
        for timeout in (None, short):  # a template of each shape first
            await (await _templated(client, sdk, "m", timeout, stream=stream)).aclose()
        for model, timeout in (("limited", None), ("dropped", None), ("hangs", short)):
            expected = await _failure(_post(client, sdk, model, timeout, stream=stream))
            found = await _failure(_templated(client, sdk, model, timeout, stream=stream))
            assert _facts(found) == _facts(expected), model
        await client.close()

    error = {"match": {"model": "limited"}, "respond": "error", "shape": _LIMITED[sdk]}
    with _emulator(error, {"match": {"model": "dropped"}, "respond": "drop"},
                   {"match": {"model": "hangs"}, "respond": "hang"}) as emu:
        asyncio.run(run(emu))


@pytest.mark.parametrize("sdk", ["anthropic", "openai"])
def test_a_kept_request_does_not_show_its_key(sdk: str) -> None:
    """The kept request holds the client's auth header (x-api-key, Authorization): its repr never shows it."""
    from agent import _request_template

    async def run(emu: Emulator) -> str:
        client = _client(sdk, emu, "httpx")
        await _templated(client, sdk, "m", None)
        kept = repr(_request_template._CLIENTS[client].templates)
        await client.close()
        return kept

    with _emulator() as emu:
        kept = asyncio.run(run(emu))
    assert "/v1/messages" in kept or "/chat/completions" in kept  # the template is there
    assert "sk-emu-one" not in kept and "emu-one" not in kept
