"""What every adapter shares: the request and reply values, the client cache, and the prepared call.

A call goes out through the SDK client's public low-level ``post(path, body=..., cast_to=...,
stream=..., stream_cls=..., options=...)`` with the body the adapter built, as the SDK's own
``create`` would send it after its request transform: that transform re-validates every message
against the SDK's typed parameters (about 0.5 ms a call plus about 115 us per message) and
changes nothing in a body made of plain JSON values with no aliased or formatted field, which
is all an adapter builds. The response is cast to the same typed object, streamed through the
same stream class, and errors are raised by the same client code, so the classifier sees the
same exceptions. Where the SDK's method does more than send (see ``Adapter.prepared_fits``),
the SDK's method is called instead. ``post`` itself runs once per shape of call for a static
first-party client: later calls reuse the request it built (``agent._request_template.post_json``).
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from .._params import RequestSettings
from .._sdk_logs import redact_sdk_logs
from ..chain import Api, CallTimeouts, ClientOptions
from ..conversation import Message, Thinking, ToolCall
from ..credential_pool import Credential

__all__ = ["Adapter", "ModelReply", "ModelRequest", "Prepared", "ToolSpec", "Usage", "api_key", "prepared",
           "reply_model", "timed", "tool_args"]


@dataclass(frozen=True, slots=True)
class ToolSpec:
    """A tool as sent to the model (the schema may be repaired per request)."""

    name: str
    description: str
    schema: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ModelRequest:
    """Everything one upstream call sends."""

    model: str
    messages: tuple[Message, ...]
    tools: tuple[ToolSpec, ...] = ()
    settings: RequestSettings = field(default_factory=RequestSettings)
    betas: tuple[str, ...] = ()
    timeouts: CallTimeouts | None = None  # this call's per-phase limits; None: the client's own
    completion_tokens: bool = False  # Chat: send max_completion_tokens (the provider rejected max_tokens)


@dataclass(frozen=True, slots=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0


@dataclass(frozen=True, slots=True)
class ModelReply:
    """What came back: text, tool calls, reasoning, usage, and the raw SDK object."""

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    thinking: tuple[Thinking, ...] = ()
    usage: Usage = Usage()
    raw: Any = field(default=None, repr=False, compare=False)
    response_model: str | None = None  # the model the provider says answered
    finish_reasons: tuple[str, ...] = ()  # finish_reason / status / stop_reason, as the provider names them
    parts: tuple[str, ...] = ()  # what else it carries, by kind: an image, audio, a hosted tool's block (_answer_parts)


@dataclass(frozen=True, slots=True)
class Prepared:
    """One call as the SDK's ``post`` takes it: the path, the JSON body, and the request options."""

    path: str
    body: dict[str, Any]
    options: dict[str, Any]


def prepared(path: str, keywords: dict[str, Any], **options: Any) -> Prepared:
    """Split an SDK method's keywords as its ``make_request_options`` does: ``extra_headers``,
    ``extra_body`` and ``timeout`` become request options, every other keyword is the body."""
    body = dict(keywords)
    found: dict[str, Any] = {"headers": body.pop("extra_headers", None), "extra_json": body.pop("extra_body", None)}
    if "timeout" in body:
        found["timeout"] = body.pop("timeout")
    return Prepared(path, body, {**{k: v for k, v in found.items() if v is not None}, **options})


_PLAIN: Final = ClientOptions()


class Adapter:
    """Base: the client cache and the call; subclasses convert and say how their API is sent."""

    api: Api
    sdk: str  # the official SDK's module name

    def __init__(self, *, async_http: Callable[[float], Any] | None = None) -> None:
        self._clients: dict[tuple[str, str | None, float, bool, ClientOptions], Any] = {}
        self._http: dict[tuple[float, bool], Any] = {}
        self._async_http = async_http  # the async HTTP client factory (default: agent._http.async_http_client)
        self._lock = threading.Lock()
        # Import the SDK when the loop is built, not inside the first turn: importing it costs
        # about a second, which would otherwise be charged to that turn's deadline.
        importlib.import_module(self.sdk)

    def client(self, credential: Credential, base_url: str | None, timeout: float, *,
               asynchronous: bool = False, options: ClientOptions = _PLAIN) -> Any:
        key = (credential.id, base_url, timeout, asynchronous, options)
        with self._lock:
            found = self._clients.get(key)
            if found is None:
                found = self._clients[key] = self._build(credential, base_url, timeout, asynchronous, options)
                redact_sdk_logs()  # after the build: the SDK it imported has made its loggers
            return found

    def shared_http(self, timeout: float, asynchronous: bool) -> Any:
        """The HTTP client (connection pool, TLS context) every key of this adapter shares for ``timeout``.

        Building one costs 20-55 ms; an SDK client over a shared one costs about 0.1 ms, so the
        first call with a key the loop rotated to pays nothing noticeable inside its turn. Each
        SDK client still sends its own key: auth is per request, the connections are shared.
        Called with the cache's lock held."""
        found = self._http.get((timeout, asynchronous))
        if found is None:
            from .._http import async_http_client, http_client

            build = (self._async_http or async_http_client) if asynchronous else http_client
            found = self._http[(timeout, asynchronous)] = build(timeout)
        return found

    def _build(self, credential: Credential, base_url: str | None, timeout: float, asynchronous: bool,
               options: ClientOptions) -> Any:
        raise NotImplementedError

    # -------------------------------------------------------------- the call

    def payload(self, request: ModelRequest) -> dict[str, Any]:
        """The keywords of the SDK's own method for ``request`` (the single source of the body)."""
        raise NotImplementedError

    def prepare(self, request: ModelRequest, *, stream: bool) -> Prepared:
        """``payload`` as the SDK's method would hand it to ``post``."""
        raise NotImplementedError

    def prepared_fits(self, client: Any, request: ModelRequest, *, stream: bool) -> bool:
        """Whether ``post`` with the prepared body does all the SDK's method would (default: yes)."""
        return True

    def sdk_send(self, client: Any, request: ModelRequest, *, stream: bool) -> Any:
        """The same call through the SDK's own method (where ``prepared_fits`` says no)."""
        raise NotImplementedError

    def post(self, client: Any, prepared: Prepared, *, stream: bool, asynchronous: bool) -> Any:
        """``client.post`` of ``prepared``, cast and streamed as the SDK's method does (async: a coroutine)."""
        raise NotImplementedError

    def send(self, client: Any, request: ModelRequest, *, stream: bool = False, asynchronous: bool = False) -> Any:
        """The call (a coroutine for an async client): prepared where equivalent, else the SDK's method."""
        if not self.prepared_fits(client, request, stream=stream):
            return self.sdk_send(client, request, stream=stream)
        return self.post(client, self.prepare(request, stream=stream), stream=stream, asynchronous=asynchronous)

    def call(self, client: Any, request: ModelRequest) -> Any:
        return self.send(client, request)

    async def acall(self, client: Any, request: ModelRequest) -> Any:
        return await self.send(client, request, asynchronous=True)

    def parse(self, raw: Any) -> ModelReply:
        raise NotImplementedError


def api_key(credential: Credential) -> str:
    """The credential's key (a cloud credential kind has none for the plain APIs)."""
    if credential.secret is None:
        raise ValueError(f"credential {credential.id!r} of kind {credential.kind!r} has no key for this API; "
                         "set the chain entry's platform")
    return credential.secret.get_secret_value()


def timed(payload: dict[str, Any], request: ModelRequest) -> dict[str, Any]:
    """The payload with this call's per-phase limits (read: to the first byte of the answer)."""
    t = request.timeouts
    if t is not None:
        import httpx2  # loaded already: the SDK that makes this call imports it

        payload["timeout"] = httpx2.Timeout(t.first_byte, connect=t.connect, write=t.write, pool=t.connect)
    return payload


def tool_args(raw: str | None) -> dict[str, Any]:
    """A tool call's JSON arguments as a dict (kept under ``_unparsed`` when they are not JSON)."""
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {"_unparsed": raw}
    return value if isinstance(value, dict) else {"value": value}


def reply_model(raw: Any) -> str | None:
    """The model a response names, if it names one."""
    model = getattr(raw, "model", None)
    return model if isinstance(model, str) and model else None
