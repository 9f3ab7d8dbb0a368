"""Pass-through calls: a client's own request body sent upstream through the official SDKs.

A gateway (``agent.serve``) forwards requests it did not write: unknown fields, ``cache_control``,
tool definitions and beta headers must reach the provider unchanged. The SDKs' low-level
``post`` with ``cast_to=httpx2.Response`` does exactly that: the body goes out as given, the
client's key, base URL and timeouts are the pool's, and an error status still arrives as the
SDK's own typed exception (``make_status_error``), so the classifier sees what it always sees.

| api                | path (relative to the SDK's base URL) |
| ------------------ | ------------------------------------- |
| anthropic-messages | ``/v1/messages``                      |
| openai-chat        | ``/chat/completions``                 |
| openai-responses   | ``/responses``                        |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from .adapters import ModelRequest
from .adapters._base import timed
from .chain import Api

__all__ = ["COUNT_TOKENS_PATH", "FORWARDED_HEADERS", "PATHS", "RawRequest", "send_raw", "status_error"]

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

    @classmethod
    def of(cls, body: Mapping[str, Any], headers: Mapping[str, str], *, path: str | None = None) -> RawRequest:
        """The request as a client sent it: only the FORWARDED_HEADERS are kept."""
        kept = tuple((name, headers[name]) for name in FORWARDED_HEADERS if name in headers)
        return cls(body, kept, body.get("stream") is True, path)


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
    the ``httpx2.Response``, unread when streamed.

    Raises what the SDK raises: its ``APIStatusError`` subclasses for an error status, its
    connection and timeout errors for the transport.
    """
    import httpx2

    body = {**raw.body, **target.settings.extra_body, "model": target.model}
    options: dict[str, Any] = timed({"headers": _headers(raw, target)}, target)  # the per-phase limits
    return await client.post(raw.path or PATHS[api], cast_to=httpx2.Response, body=body, options=options,
                             stream=raw.stream)


def status_error(client: Any, body: object, response: Any) -> Exception:
    """The SDK's own exception for an error the provider sent inside a 200 answer (an SSE ``error``
    event): the same mapping the SDK's stream applies, so the classifier sees its usual class."""
    message = f"{body}" if body is not None else f"Error code: {response.status_code}"
    error: Exception = client._make_status_error(message, body=body, response=response)
    return error
