"""Compressed request bodies through ``steadyloop serve`` (agent.serve.encoding).

Codex CLI 0.144 and later compress ``/v1/responses`` bodies with zstd at level 3 (``Content-Encoding: zstd``;
codex-rs ``http-client``, ``enable_request_compression``) and sometimes gzip: gateways that read them as JSON
answered 400 to every long Codex conversation (zyycn/codex-proxy-rs#66: "Request body must be valid JSON.";
james-6-23/codex2api#388; sozercan/vekil#6, whose Anthropic endpoint met gzip too).
"""

from __future__ import annotations

import gzip
import json
import zlib
from typing import Any

import httpx2
import pytest
import zstandard

from agent.serve.encoding import decoded
from agent.serve.gateway import NotServed

from .test_serve import FULL, config, healthy, served  # noqa: F401 - healthy is a fixture

_BODY = {"model": "r", "stream": True, "store": False, "instructions": "You are Codex.",
         "input": [{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi " * 2000}]}]}
_JSON = json.dumps(_BODY).encode()


def _zstd(data: bytes) -> bytes:
    return zstandard.ZstdCompressor(level=3).compress(data)


def _zstd_streamed(data: bytes) -> bytes:  # no content size in the frame header, as a streaming encoder writes it
    compressor = zstandard.ZstdCompressor(level=3).compressobj()
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(("encoding", "encode"), [
    ("zstd", _zstd),
    ("zstd", _zstd_streamed),
    ("zstd", lambda data: _zstd(data[:5000]) + _zstd(data[5000:])),  # two frames
    ("gzip", gzip.compress),
    ("x-gzip", lambda data: gzip.compress(data[:100]) + gzip.compress(data[100:])),  # two members
    ("deflate", zlib.compress),
    ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some clients send it
    ("gzip, zstd", lambda data: _zstd(gzip.compress(data))),
    ("identity", lambda data: data),
    ("", lambda data: data),
])
def test_a_compressed_body_is_decoded(encoding: str, encode: Any) -> None:
    assert decoded(encode(_JSON), encoding, 1 << 20) == _JSON


@pytest.mark.parametrize(("encoding", "data", "status"), [
    ("zstd", _zstd(b"\0" * (8 << 20)), 413),  # a few KB that decode to 8 MiB: refused once past the limit
    ("gzip", gzip.compress(b"\0" * (8 << 20)), 413),
    ("zstd", _zstd(_JSON)[:-6], 400),  # cut short
    ("gzip", gzip.compress(_JSON)[:-12], 400),
    ("zstd", b"not zstd at all", 400),
    ("gzip", _JSON, 400),  # says gzip, is not
    ("br", b"\x1b\x00", 415),
    ("compress", b"x", 415),
    ("gzip, gzip, gzip", b"x", 415),
])
def test_a_body_that_cannot_be_decoded_is_refused_with_its_reason(encoding: str, data: bytes, status: int) -> None:
    with pytest.raises(NotServed) as refused:
        decoded(data, encoding, 1 << 20)
    assert refused.value.status == status


@pytest.mark.parametrize("encoding", ["zstd", "gzip"])
def test_codex_compressed_responses_request_is_served(healthy: Any, encoding: str) -> None:  # noqa: F811
    """A Codex-shaped streamed request, compressed as Codex sends it: answered, and the upstream got the JSON."""
    data = _zstd(_JSON) if encoding == "zstd" else gzip.compress(_JSON)
    with served(config(healthy, "openai-responses")) as gw:
        response = httpx2.post(gw.url + "/v1/responses", content=data, timeout=10,
                               headers={"content-type": "application/json", "content-encoding": encoding,
                                        "session-id": "0199a213-81c0-7800-8aa1-bbab2a035a53"})
    assert response.status_code == 200, response.text
    assert "response.completed" in response.text and json.dumps(FULL)[1:-1] in response.text
    (record,) = healthy.log
    assert record.body["input"] == _BODY["input"] and record.model == "m"


def test_an_anthropic_count_tokens_body_may_be_gzipped_and_is_bounded(healthy: Any) -> None:  # noqa: F811
    """count_tokens reads its body as the model endpoints do: decoded, and refused past the limit."""
    body = json.dumps({"model": "r", "messages": [{"role": "user", "content": "hi"}]}).encode()
    with served(config(healthy, "anthropic-messages", serve={"max_body_bytes": 65536})) as gw:
        ok = httpx2.post(gw.url + "/v1/messages/count_tokens", content=gzip.compress(body), timeout=10,
                         headers={"content-type": "application/json", "content-encoding": "gzip"})
        big = httpx2.post(gw.url + "/v1/messages/count_tokens", content=b"{" + b" " * 70000 + b"}", timeout=10,
                          headers={"content-type": "application/json"})
        bomb = httpx2.post(gw.url + "/v1/messages", content=_zstd(b" " * (1 << 20)), timeout=10,
                           headers={"content-type": "application/json", "content-encoding": "zstd"})
    assert ok.status_code == 200 and ok.json()["input_tokens"] > 0
    assert big.status_code == 413 and bomb.status_code == 413
    assert "max_body_bytes" in bomb.json()["error"]["message"]
    assert len(healthy.log) == 1  # only the counted one went upstream
