"""Produce real SDK exceptions and responses by letting the official clients receive HTTP.

The clients are the real ``openai.OpenAI`` and ``anthropic.Anthropic`` with ``max_retries=0``;
only their transport is an in-memory ``httpx2.MockTransport`` that answers with the given
status, body and headers. What comes out is exactly what the SDK raises or returns in
production for that HTTP answer.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import anthropic
import httpx2
import openai

from .error_shapes import ErrorShape

__all__ = ["exception_for", "exception_from_http", "response_from_http"]

_DUMMY_KEY = "test-key-not-a-secret"


def _transport(status: int, body: Any, headers: dict[str, str]) -> httpx2.MockTransport:
    if isinstance(body, str | bytes):
        content = body.encode() if isinstance(body, str) else body
        kind = "text/plain" if isinstance(body, str) and not body.startswith(("{", "[")) else "application/json"
    else:
        content, kind = json.dumps(body).encode(), "application/json"
    all_headers = {"content-type": kind, **headers}

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(status, content=content, headers=all_headers)

    return httpx2.MockTransport(handler)


def _call(api: Literal["openai", "anthropic", "responses"], transport: httpx2.MockTransport) -> Any:
    http = httpx2.Client(transport=transport)
    if api == "anthropic":
        client = anthropic.Anthropic(api_key=_DUMMY_KEY, base_url="http://upstream.test", max_retries=0,
                                     http_client=http)
        return client.messages.create(model="claude-test", max_tokens=16,
                                      messages=[{"role": "user", "content": "hi"}])
    oai = openai.OpenAI(api_key=_DUMMY_KEY, base_url="http://upstream.test/v1", max_retries=0, http_client=http)
    if api == "responses":
        return oai.responses.create(model="gpt-test", input="hi")
    return oai.chat.completions.create(model="gpt-test", messages=[{"role": "user", "content": "hi"}])


def exception_from_http(
    api: Literal["openai", "anthropic"], status: int, body: Any, headers: dict[str, str] | None = None
) -> Exception:
    """The exception the real SDK raises for this HTTP answer."""
    try:
        _call(api, _transport(status, body, headers or {}))
    except Exception as exc:
        return exc
    raise AssertionError(f"the {api} client accepted HTTP {status} without raising")


def exception_for(shape: ErrorShape) -> Exception:
    """The real SDK exception for a table shape."""
    return exception_from_http(shape.api, shape.status, shape.body, shape.headers)


def response_from_http(api: Literal["openai", "anthropic", "responses"], body: dict[str, Any]) -> Any:
    """The parsed SDK object the real client returns for a 200 answer with ``body``."""
    return _call(api, _transport(200, body, {}))
