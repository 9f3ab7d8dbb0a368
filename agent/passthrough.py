"""Pass-through calls: a client's own request body sent upstream through the official SDKs.

A gateway (``agent.serve``) forwards requests it did not write: unknown fields, ``cache_control``,
tool definitions and beta headers must reach the provider unchanged. The SDKs' low-level
``post`` with ``cast_to=httpx2.Response`` does exactly that: the body goes out as given, the
client's key, base URL and timeouts are the pool's, and an error status still arrives as the
SDK's own typed exception (``make_status_error``), so the classifier sees what it always sees.
The first-party clients' ``post`` builds the request of each (client, path, headers) once; later
calls reuse it with their own body and timeout (``agent._request_template``), sent through the
SDK's own HTTP client and failing with the same typed errors.

| api                | path (relative to the SDK's base URL) |
| ------------------ | ------------------------------------- |
| anthropic-messages | ``/v1/messages``                      |
| openai-chat        | ``/chat/completions``                 |
| openai-responses   | ``/responses``                        |
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._aio_lane import Answer
from ._request_template import first_party, post_content
from .adapters import ModelRequest
from .adapters._base import timed
from .chain import Api

__all__ = ["COUNT_TOKENS_PATH", "FORWARDED_HEADERS", "PATHS", "RawRequest", "send_raw", "status_error",
           "with_model"]

PATHS: Final[dict[Api, str]] = {
    "anthropic-messages": "/v1/messages", "openai-chat": "/chat/completions", "openai-responses": "/responses",
}
COUNT_TOKENS_PATH: Final = "/v1/messages/count_tokens"

# Request headers of the client that shape the request itself (never credentials): forwarded as sent.
FORWARDED_HEADERS: Final = ("anthropic-beta", "anthropic-version", "openai-beta")


@dataclass(frozen=True, slots=True)
class RawRequest:
    """A client's request as received: its JSON body, the protocol headers to forward, and the path."""

    body: Mapping[str, Any]
    headers: tuple[tuple[str, str], ...] = ()
    stream: bool = False
    path: str | None = None  # default: the API's create path (PATHS)
    data: bytes | None = None  # the body's bytes as received (``body`` decoded): sent as they are where they can be

    @classmethod
    def of(cls, body: Mapping[str, Any], headers: Mapping[str, str], *, path: str | None = None,
           data: bytes | None = None) -> RawRequest:
        """The request as a client sent it: only the FORWARDED_HEADERS are kept."""
        kept = tuple((name, headers[name]) for name in FORWARDED_HEADERS if name in headers)
        return cls(body, kept, body.get("stream") is True, path, data)


_MODEL_KEY = re.compile(rb'"model"\s*:\s*')  # only ever an object key: a string's own quotes are escaped
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_SCAN: Final = 64 * 1024  # bytes of brackets counted before a "model" key, at most


def _depth(data: bytes, i: int, end: int, depth: int) -> int:
    """The bracket depth at ``end``, counted from ``i`` (outside a string) at ``depth``; strings are skipped
    with ``bytes.find`` (memchr), about 3 ms a megabyte of messages, half a regular expression's time."""
    find, count = data.find, data.count
    while True:
        quote = find(b'"', i, end)
        stop = end if quote < 0 else quote
        depth += count(b"{", i, stop) + count(b"[", i, stop) - count(b"}", i, stop) - count(b"]", i, stop)
        if quote < 0:
            return depth
        while True:  # the string's closing quote: the next one not escaped by an odd run of backslashes
            quote = find(b'"', quote + 1, end)
            if quote < 0:  # not JSON after all: no key found
                return -1
            k = quote - 1
            while data[k] == 0x5C:
                k -= 1
            if (quote - k) % 2:
                break
        i = quote + 1


def with_model(data: bytes, was: str, model: str) -> bytes | None:
    """``data`` (a JSON object whose ``"model"`` is ``was``) with ``model`` written in its place, every other
    byte as sent; None when the key is not found as plainly written (the caller then encodes the body).

    Encoding the body again costs about 5 ms a megabyte; finding the key costs a ``find`` through the body
    (about 1 ms a megabyte) and a count of the brackets before each ``"model"`` key, as costly as encoding
    when the key comes after the messages: past ``_SCAN`` bytes the caller encodes the body instead."""
    if was == model:
        return data
    depth, last, spans = 0, 0, []
    at = data.find(b'"model"')  # memchr-fast; the regular expression only confirms a key at each place found
    while at >= 0:
        key = _MODEL_KEY.match(data, at)
        if key is not None:
            if at - last > _SCAN:  # counting brackets that far costs about what encoding the body does
                return None
            reached = _depth(data, last, at, depth)
            if reached < 0:  # inside a string (a key such as '\\"model'): the count resumes from the last key
                at = data.find(b'"model"', at + 7)
                continue
            depth, last = reached, at
            value = _STRING.match(data, key.end())
            if depth == 1 and value is not None:
                spans.append(value.span())
        at = data.find(b'"model"', at + 7)
    if not spans or json.loads(data[spans[-1][0]:spans[-1][1]]) != was:  # the last of duplicate keys is the one read
        return None
    new, at = json.dumps(model).encode(), 0
    out: list[bytes] = []
    for start, end in spans:
        out += (data[at:start], new)
        at = end
    out.append(data[at:])
    return b"".join(out)


def _headers(raw: RawRequest, target: ModelRequest) -> dict[str, str]:
    """The client's protocol headers, the chain entry's extra headers, and its betas joined to the client's."""
    headers = dict(raw.headers)
    headers.update(target.settings.extra_headers)
    if target.betas:
        betas = [b for b in headers.get("anthropic-beta", "").split(",") if b.strip()]
        headers["anthropic-beta"] = ",".join([*betas, *(b for b in target.betas if b not in betas)])
    return headers


async def send_raw(client: Any, api: Api, raw: RawRequest, target: ModelRequest) -> Any:
    """POST the client's body through the SDK ``client`` to the chain entry the turn picked (``target``:
    its model replaces the client's, its ``extra_body`` is merged, its per-phase timeouts apply); returns
    the ``httpx2.Response``, unread when streamed, or for a 2xx answer sent past httpx's client an
    ``agent._aio_lane.Answer`` (what the gateway reads of one: ``status_code``, ``headers``, ``content``,
    ``json()``, ``text``, ``request``, ``aiter_bytes()``, ``aread()``, ``aclose()``).

    Raises what the SDK raises: its ``APIStatusError`` subclasses for an error status, its
    connection and timeout errors for the transport.
    """
    import httpx2

    options: dict[str, Any] = timed({"headers": _headers(raw, target)}, target)  # the per-phase limits
    path = raw.path or PATHS[api]
    if first_party(client) is None:  # Bedrock, Vertex, Azure: the SDK reads the model from the body into the URL
        body = {**raw.body, **target.settings.extra_body, "model": target.model}
        return await client.post(path, cast_to=httpx2.Response, body=body, options=options, stream=raw.stream)
    headers: dict[str, str] = options["headers"]
    was = raw.body.get("model")
    content = (with_model(raw.data, was, target.model) if raw.data is not None and isinstance(was, str)
               and not target.settings.extra_body else None)
    if content is None:  # encoded here: a body decoded from JSON holds nothing the SDK's walk of it would change
        body = {**raw.body, **target.settings.extra_body, "model": target.model}
        content = json.dumps(body, separators=(",", ":"), allow_nan=False).encode()
    # The SDK builds the request of this shape once; later calls reuse it (agent._request_template)
    return await post_content(client, path, content, headers=headers, timeout=options.get("timeout"),
                              stream=raw.stream, light=True)


def status_error(client: Any, body: object, response: Any) -> Exception:
    """The SDK's own exception for an error the provider sent inside a 200 answer (an SSE ``error``
    event): the same mapping the SDK's stream applies, so the classifier sees its usual class."""
    message = f"{body}" if body is not None else f"Error code: {response.status_code}"
    if isinstance(response, Answer):  # the SDK's errors hold httpx's response, as from its own stream
        response = response.response()
    error: Exception = client._make_status_error(message, body=body, response=response)
    return error
