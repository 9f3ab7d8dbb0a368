"""The ASGI app: the client-facing endpoints, each a thin shell over ``walk``.

``POST`` to the three model endpoints is served in raw ASGI (headers read once from the scope,
the answer sent as two messages): Starlette's request, response and middleware objects cost
more per request than everything else the gateway does around an upstream call. The rest goes
through Starlette.

| endpoint                         | does                                                          |
| -------------------------------- | ------------------------------------------------------------- |
| ``POST /v1/messages``            | Anthropic Messages, plain or streamed, through the route's ladder |
| ``POST /v1/chat/completions``    | OpenAI Chat Completions, likewise                              |
| ``POST /v1/responses``           | OpenAI Responses, likewise                                     |
| ``POST /v1/messages/count_tokens`` | passed to the route's first Anthropic entry that answers     |
| ``GET /v1/models``               | the routes, in a shape both SDKs read                          |
| ``/v1/responses/{id}`` (``GET``, ``DELETE``; ``/input_items``, ``/cancel``) | sent with the key that created it |
| ``/v0/*``, ``/health/*``, ``/metrics`` | operating it (``agent.serve.manage``)                   |

Response headers: ``x-steadyloop-attempts`` (upstream calls), ``x-steadyloop-served-by``
(``model (credential)`` of the call that answered or last failed), ``x-steadyloop-reason``
when it gave up. Secrets never appear: errors are the verdict's redacted words.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .. import events as ev
from .._redact import redact
from ..chain import Api
from ..passthrough import RawRequest
from .auth import Denied, who
from .encoding import read_body
from .gateway import Gateway, NotServed
from .manage import management_routes
from .session import session_of
from .sink import ClientGone, StreamSink
from .stored import continued, keeper, stored_routes
from .verdict import error_body, refusal, stream_error_event
from .walk import Walked, walk

__all__ = ["GatewayApp", "create_app"]

log = logging.getLogger("steadyloop.serve")


def _served(walked: Walked) -> dict[str, str]:
    started = [e for e in walked.events if isinstance(e, ev.AttemptStarted)]
    headers = {"x-steadyloop-attempts": str(len(started))}
    if started:
        headers["x-steadyloop-served-by"] = f"{started[-1].model} ({started[-1].credential_id})"
    return headers


class _Streamed:
    """A streamed answer: the response starts at the commit point (``StreamSink``), not before."""

    def __init__(self, gateway: Gateway, loop: Any, api: Api, raw: RawRequest, session: str | None,
                 walked: Walked, pinned: bool = False) -> None:
        self.gateway, self.loop, self.api, self.raw, self.session = gateway, loop, api, raw, session
        self.walked, self.pinned = walked, pinned

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        walked = self.walked
        sink = StreamSink(send, lambda: list(_served(walked).items()),
                          keep_alive=self.gateway.config.serve.keep_alive_seconds)
        ended = False

        async def answered(walked: Walked) -> None:  # the answer is final: end the stream before the turn's records
            nonlocal ended
            if sink.started:
                ended = True
                await sink.end()

        sink.hold()
        try:
            await walk(self.loop, self.raw, sink=sink, session=self.session, pinned=self.pinned,
                       sleep=self.gateway.sleep, walked=walked, answered=answered)
        except ClientGone:
            return
        finally:
            sink.release()
        result = walked.result
        assert result is not None
        if not sink.started:
            await _refuse(self.api, walked, send)
            return
        if not result.ok:
            log.warning("steadyloop serve: stream_truncated after %d bytes: %s (%s)", sink.written,
                        result.failure_reason.value if result.failure_reason else result.status.value,
                        _served(walked).get("x-steadyloop-served-by", "-"))
            try:
                await sink.write(walked.terminal or stream_error_event(self.api, result))
            except ClientGone:
                return
        if not ended:
            await sink.end()


async def _refuse(api: Api, walked: Walked, send: Send) -> None:
    result = walked.result
    assert result is not None
    answer = refusal(api, result, walked.events)
    reason = result.failure_reason.value if result.failure_reason else result.status.value
    headers = {**answer.headers, **_served(walked), "x-steadyloop-reason": reason, "content-type": "application/json"}
    await send({"type": "http.response.start", "status": answer.status,
                "headers": [(k.encode(), v.encode()) for k, v in headers.items()]})
    await send({"type": "http.response.body", "body": answer.body, "more_body": False})


def _client_key(headers: Mapping[str, str]) -> tuple[str, bool] | None:
    """The client's own upstream key (pass_through_key routes): x-api-key, else a bearer token."""
    if headers.get("x-api-key"):
        return headers["x-api-key"], False
    bearer = headers.get("authorization", "")
    return (bearer[7:].strip(), True) if bearer.lower().startswith("bearer ") and bearer[7:].strip() else None


def _body(data: bytes) -> dict[str, Any]:
    try:
        body = json.loads(data)
    except ValueError as err:
        raise NotServed(400, f"the request body is not JSON ({err.__class__.__name__}); send a JSON object") from err
    if not isinstance(body, dict) or not isinstance(body.get("model"), str):
        raise NotServed(400, "the request body must be a JSON object with a string \"model\"")
    if not isinstance(body.get("stream", False), bool):  # a truthy string would stream without asking to
        raise NotServed(400, "\"stream\" must be true or false")
    return body


async def _answer(send: Send, status: int, body: bytes, headers: dict[str, str], content_type: str) -> None:
    fields = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()),
              *((k.encode(), v.encode()) for k, v in headers.items())]
    await send({"type": "http.response.start", "status": status, "headers": fields})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _error(send: Send, api: Api, status: int, kind: str, message: str) -> None:
    await _answer(send, status, json.dumps(error_body(api, kind, redact(message))).encode(), {}, "application/json")


async def _serve(gateway: Gateway, api: Api, scope: Scope, receive: Receive, send: Send) -> None:
    """One model request, in raw ASGI: no framework objects on the path every request takes."""
    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
    client = scope.get("client")
    try:
        data = await read_body(headers, receive, gateway.config.serve.max_body_bytes)
        body = _body(data)
        route = gateway.config.routes.get(body["model"])
        pass_through = route is not None and route.pass_through_key
        who(gateway.config.serve, headers, client[0] if client else None, body["model"], own_header_only=pass_through)
        loop = gateway.loop(body["model"], api, _client_key(headers) if pass_through else None)
    except ClientGone:
        return
    except Denied as denied:
        kind = "authentication_error" if denied.status == 401 else "permission_error"
        return await _error(send, api, denied.status, kind, str(denied))
    except NotServed as missing:
        kinds = {404: "not_found_error", 413: "request_too_large"}  # 415: an invalid request, as 400
        return await _error(send, api, missing.status, kinds.get(missing.status, "invalid_request_error"), str(missing))
    raw = RawRequest.of(body, headers, data=data)
    # a conversation keeps its key while healthy (agent.serve.session); a stored Responses answer is continued
    # with the key that created it (agent.serve.stored)
    # with the key that created it alone: another key's organisation never stored it (agent.serve.stored)
    stored = continued(body) if api == "openai-responses" else None
    session = stored or session_of(headers, body)
    walked = Walked()
    if api == "openai-responses":
        walked.keep = keeper(loop, body, walked.events, gateway.config.serve.responses_ttl_seconds)
    if raw.stream:
        return await _Streamed(gateway, loop, api, raw, session, walked, stored is not None)(scope, receive, send)
    sent = False

    async def answered(walked: Walked) -> None:  # the answer is final: it leaves before the turn's records
        nonlocal sent
        sent = True
        await _answer(send, 200, walked.body, _served(walked), walked.content_type)

    await walk(loop, raw, session=session, pinned=stored is not None, sleep=gateway.sleep, walked=walked,
               answered=answered)
    assert walked.result is not None
    if walked.result.ok:
        if not sent:
            await _answer(send, 200, walked.body, _served(walked), walked.content_type)
        return
    await _refuse(api, walked, send)


async def _models(request: Request) -> Response:
    """The routes, readable by both SDKs (OpenAI's list fields and Anthropic's page fields)."""
    gateway: Gateway = request.app.state.gateway
    try:
        who(gateway.config.serve, request.headers, request.client.host if request.client else None, None)
    except Denied as denied:
        body = error_body("openai-chat", "permission_error", redact(str(denied)))
        return JSONResponse(body, status_code=denied.status)
    names = sorted(gateway.config.routes)
    data = [{"id": n, "object": "model", "type": "model", "display_name": n, "created": 0,
             "created_at": "1970-01-01T00:00:00Z", "owned_by": "steadyloop"} for n in names]
    return JSONResponse({"object": "list", "data": data, "has_more": False,
                         "first_id": names[0] if names else None, "last_id": names[-1] if names else None})


class GatewayApp:
    """The ASGI app: ``POST`` to the three model endpoints in raw ASGI (the path every request takes),
    everything else (``/v1/models``, ``count_tokens``, operating it, wrong methods) through Starlette."""

    def __init__(self, gateway: Gateway) -> None:
        from .count_tokens import count_tokens

        routes = [
            *(Route(path, _not_allowed, methods=["POST"]) for path in _ENDPOINTS),  # 405 for other methods
            Route("/v1/messages/count_tokens", count_tokens, methods=["POST"]),
            Route("/v1/models", _models, methods=["GET"]),
            *stored_routes(),
            *management_routes(),
        ]
        self.routes = Starlette(routes=routes)
        self.state = self.routes.state  # state.gateway, state.metrics: what every handler reads
        self.state.gateway = gateway

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            api = _ENDPOINTS.get(scope["path"])
            if api is not None:
                return await _serve(self.state.gateway, api, scope, receive, send)
        if scope["type"] == "lifespan":
            return await self._lifespan(receive, send)
        await self.routes(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        """Startup needs nothing; shutdown closes the upstream clients (else aiohttp prints "Unclosed client
        session" for each at exit)."""
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                try:
                    await self.state.gateway.aclose()
                except Exception as err:  # a close that fails must not hang the shutdown
                    log.warning("steadyloop serve: closing the upstream clients failed: %s", redact(str(err)))
                await send({"type": "lifespan.shutdown.complete"})
                return


_ENDPOINTS: dict[str, Api] = {
    "/v1/messages": "anthropic-messages", "/v1/chat/completions": "openai-chat", "/v1/responses": "openai-responses",
}


async def _not_allowed(request: Request) -> Response:  # never reached: GatewayApp serves these POSTs itself
    raise AssertionError("GatewayApp serves POST to the model endpoints")


def create_app(gateway: Gateway) -> GatewayApp:
    """The gateway as an ASGI app (run it with uvicorn, or ``steadyloop serve``)."""
    return GatewayApp(gateway)
