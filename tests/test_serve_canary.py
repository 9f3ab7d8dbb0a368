"""The gateway's canary: pool keys that the provider echoes back never reach serve's clients.

A gateway has channels the library lacks: the answer it gives its client (body, headers, SSE
events, the terminal error after the commit point), ``/v0/status``, ``/metrics`` and its own
log lines. Every failure kind of ``tests/test_redact.py``, each echoing the key the request
carried (plain and masked), on all three routes, plain and streamed, must show 0 hits in each.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx2
import pytest

from agent.config import load_config
from agent.observability import Metrics
from agent.serve.testing import Served
from agent.testing.emulator import Emulator, Scenario
from tests.test_redact import CANARIES, KINDS, _needles

ROUTES = {  # api: (path, body)
    "openai-chat": ("/v1/chat/completions", {"messages": [{"role": "user", "content": "hi"}]}),
    "openai-responses": ("/v1/responses", {"input": "hi"}),
    "anthropic-messages": ("/v1/messages", {"max_tokens": 16,
                                            "messages": [{"role": "user", "content": "hi"}]}),
}
# a soft failure and a stream error that starts after content (the commit point) end as the protocol's
# terminal error: both must carry the verdict's words, never the echo
_AFTER_CONTENT = {"respond": "stream_error", "message": "Incorrect API key provided: {masked}. The key {key} was "
                  "refused.", "error_type": "overloaded_error", "after_chunks": 2}


class _Waits:
    async def __call__(self, seconds: float) -> None:
        return None


def _config(tmp_path: Any, emu: Emulator, api: str, kinds: list[str]) -> Any:
    """One chain entry per failure kind (the emulator fails model ``NAME`` in kind ``NAME``), a route to each."""
    base = emu.base_url("anthropic" if api == "anthropic-messages" else "openai")
    keyfile = tmp_path / "key.txt"
    keyfile.write_text(CANARIES["key_file"] + "\n")
    return load_config({
        "state": {"backend": "sqlite", "path": str(tmp_path / "state.db")},
        "pools": {"main": {"credentials": [
            {"id": "inline-sk", "key": CANARIES["inline-sk"]}, {"id": "env", "key_env": "CANARY_KEY"},
            {"id": "file", "key_file": str(keyfile)}, {"key": CANARIES["inline-hex"]}]}},
        "chain": [{"api": api, "model": kind, "pool": "main", "base_url": base, "timeout": 5,
                   "first_token_timeout": 3, "idle_timeout": 3} for kind in kinds],
        "routes": {kind: {"chain": [kind]} for kind in kinds},
        "loop": {"max_attempts": 5, "deadline_seconds": 10, "max_wait_seconds": 0.05, "backoff_base": 0.01,
                 "transient_400_base": 0.01, "backoff_cap": 0.02},
    })


def _kinds(api: str) -> dict[str, dict[str, Any]]:
    """Every failure kind of the library canary (soft failures on Responses only), and one after content."""
    kinds = {name: rule for name, rule in KINDS if name != "soft_failed" or api == "openai-responses"}
    return {**kinds, "after_content": _AFTER_CONTENT}


def test_keys_echoed_upstream_never_reach_the_gateways_clients(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    """12 failure kinds echoing 4 key shapes, x 3 routes, plain and streamed: 0 hits in answers (body,
    headers, SSE), /v0/status, /metrics, serve's DEBUG logs and the SQLite file."""
    monkeypatch.setenv("CANARY_KEY", CANARIES["key_env"])
    caplog.set_level(logging.DEBUG)
    channels: dict[str, list[str]] = {c: [] for c in (
        "answer bodies", "answer headers", "/v0/status", "/metrics", "DEBUG logs", "SQLite file")}
    failed = 0
    for api, (path, body) in ROUTES.items():
        kinds = _kinds(api)
        rules = [{**rule, "match": {"model": name}} for name, rule in kinds.items()]
        with Emulator(Scenario.model_validate({"rules": rules})) as emu, \
                Served(_config(tmp_path, emu, api, list(kinds)), sleep=_Waits(), metrics=Metrics()) as gw, \
                httpx2.Client(base_url=gw.url, timeout=20) as client:
            for name in kinds:
                for pool in gw.gateway.pools.values():
                    pool.reset()  # every key usable again for this kind
                for stream in (False, True):
                    answer = client.post(path, json={**body, "model": name, "stream": stream},
                                         headers={"authorization": "Bearer client", "x-api-key": "client"})
                    failed += answer.status_code >= 400 or b"error" in answer.content
                    channels["answer bodies"].append(answer.content.decode("utf-8", "replace"))
                    channels["answer headers"].append(json.dumps(list(answer.headers.multi_items())))
                if api == "anthropic-messages":  # the counting endpoint walks the keys too
                    counted = client.post("/v1/messages/count_tokens", json={**body, "model": name},
                                          headers={"x-api-key": "client"})
                    channels["answer bodies"].append(counted.text)
                    channels["answer headers"].append(json.dumps(list(counted.headers.multi_items())))
                channels["/v0/status"].append(client.get("/v0/status").text)
            channels["/metrics"].append(client.get("/metrics").text)
    channels["DEBUG logs"] = [r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
                              for r in caplog.records]
    channels["SQLite file"] = [p.read_bytes().decode("latin-1") for p in tmp_path.glob("state.db*")]
    needles = _needles()
    hits = {channel: sum(text.count(n) for text in texts for ns in needles.values() for n in ns)
            for channel, texts in channels.items()}
    with capsys.disabled():
        print(f"\n\nserve canary: 4 keys, {len(KINDS) + 1} failure kinds x 3 routes x plain/streamed "
              f"({failed} answers were failures)")
        for channel, count in hits.items():
            print(f"{channel:<16} {count:>5}")
    assert failed >= 60, "the failures did not reach the clients: nothing was tested"
    assert all(any(texts) for texts in channels.values()), "a channel was not exercised"
    assert hits == dict.fromkeys(channels, 0)
