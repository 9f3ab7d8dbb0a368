"""Stored Responses answers: each lives with the key that created it, so everything that refers to one goes there.

OpenAI keeps a Responses answer (``store``, the default) in the organisation and project of the key that created it,
for 30 days. Another key's organisation has never heard of it: ``previous_response_id`` naming it gets a 400
``previous_response_not_found`` ("Previous response with id 'resp_...' not found.", as pasted in
maximhq/bifrost#2441 and bigduu/Bamboo-agent#513), and ``GET /v1/responses/{id}`` a 404. Behind a pool of keys
that rotates, a client chaining answers or polling a ``background`` job would meet that error whenever the pick
moved. So:

- when an upstream answers a Responses request, the gateway remembers which credential created that answer's id
  (``remember``; in the pool's shared state, so every worker and host of the fleet knows it), as soon as the id is
  known: the plain answer before it leaves, a stream at its commit point (a client may chain an answer it has not
  finished reading). An answer sent with ``store: false`` is not stored upstream and is not remembered;
- a request with ``previous_response_id`` is a session of that id (``continued``): the pool tries the key that
  created it first, exactly as a conversation keeps its key (``agent.serve.session``);
- ``GET`` and ``DELETE /v1/responses/{id}``, ``GET .../input_items`` and ``POST .../cancel`` go to the key that
  created it (``retrieve``). An id the gateway has no record of (created before it ran, or its record expired)
  is asked of each key in turn, at most ``_ASK_AT_MOST``, until one does not answer 404: reading is free, and a
  cancel or delete of an id another organisation holds changes nothing there.

The id is never stored as sent: the pool keeps ``r-`` and its keyed fingerprint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from .. import events as ev
from .._redact import redact
from .._state_key import state_fingerprint
from ..chain import ChainEntry
from ..credential_pool import Credential, CredentialPool
from .auth import Denied, who
from .verdict import error_body

__all__ = ["continued", "keeper", "response_session", "stored_routes"]

log = logging.getLogger("steadyloop.serve")

_ASK_AT_MOST: Final = 16  # keys asked about an id the gateway has no record of
_API: Final = "openai-responses"


def response_session(response_id: str) -> str:
    """The pool session of everything that refers to the stored answer ``response_id``."""
    return "r-" + state_fingerprint(f"response\0{response_id}")


def continued(body: dict[str, Any]) -> str | None:
    """The session of a Responses request that continues a stored answer (``previous_response_id``), else None."""
    previous = body.get("previous_response_id")
    return response_session(previous) if isinstance(previous, str) and 0 < len(previous) <= 512 else None


def keeper(loop: Any, body: dict[str, Any], events: list[ev.Event], ttl: float) -> Callable[[str], None] | None:
    """For a Responses request whose answer is stored: a function that remembers the credential of the call under
    way (the last ``AttemptStarted`` in ``events``) as the creator of the answer id it is given."""
    if body.get("store") is False:
        return None

    def keep(response_id: str) -> None:
        started = next((e for e in reversed(events) if isinstance(e, ev.AttemptStarted)), None)
        if started is None or not response_id:
            return
        pool: CredentialPool = loop.pools[loop.chain[started.fallback_hop].pool]
        try:
            pool.remember(response_session(response_id), started.credential_id, ttl=ttl)
        except Exception as err:  # the answer still goes out; only a later link of its chain may miss its key
            log.warning("steadyloop serve: could not remember which key created a stored response: %s",
                        redact(str(err)))

    return keep


def _places(gateway: Any, request: Request, host: str | None) -> Iterator[tuple[ChainEntry, CredentialPool]]:
    """The Responses entries of the routes this client may use (raises Denied when it may use none), each
    (pool, base URL) once."""
    seen: set[tuple[str, str | None]] = set()
    denied: Denied | None = None
    for name, route in gateway.config.routes.items():
        if route.pass_through_key:
            continue  # the client's own key: nothing of it is remembered here
        try:
            who(gateway.config.serve, request.headers, host, name)
        except Denied as refused:
            denied = denied or refused
            continue
        for entry in gateway.entries(route.chain, _API):
            if (entry.pool, entry.base_url) not in seen:
                seen.add((entry.pool, entry.base_url))
                yield entry, gateway.pools[entry.pool]
    if not seen and denied is not None:
        raise denied


async def retrieve(request: Request) -> Response:
    """``GET``/``DELETE /v1/responses/{id}``, ``GET .../input_items``, ``POST .../cancel``: sent with the key that
    created the answer; the upstream's answer (or error) is passed on as sent."""
    gateway = request.app.state.gateway
    response_id: str = request.path_params["response_id"]
    host = request.client.host if request.client else None
    try:
        places = list(_places(gateway, request, host))
    except Denied as denied:
        return _error(denied.status, "permission_error", str(denied))
    session = response_session(response_id)
    known = next(((entry, credential) for entry, pool in places
                  if (credential := pool.remembered(session)) is not None), None)
    asked = [known] if known is not None else [(entry, c) for entry, pool in places for c in pool.credentials]
    if not asked:
        return _error(404, "not_found_error", "no route of this gateway has an openai-responses entry")
    last: Response | None = None
    for entry, credential in asked[:_ASK_AT_MOST]:
        last = await _forward(gateway, entry, credential, request)
        if last.status_code != 404:
            if known is None and last.status_code < 400:  # found by asking: remembered for the next time
                ttl = gateway.config.serve.responses_ttl_seconds
                gateway.pools[entry.pool].remember(session, credential.id, ttl=ttl)
            return last
    assert last is not None
    return last


async def _forward(gateway: Any, entry: ChainEntry, credential: Credential, request: Request) -> Response:
    """The request through the SDK client of ``entry`` and ``credential``: its status and body as sent, a stream
    (``?stream=true`` on a background answer) relayed as it comes."""
    import httpx2

    client = gateway.client(entry, credential)
    # the SDK's base URL ends in /v1; the query goes as sent (``include[]`` may repeat: a dict would keep one)
    path = request.url.path.removeprefix("/v1") + (f"?{request.url.query}" if request.url.query else "")
    options: dict[str, Any] = {}
    stream = request.query_params.get("stream") == "true"
    served = {"x-steadyloop-served-by": f"{entry.model} ({credential.id})"}
    try:
        if request.method == "DELETE":
            response = await client.delete(path, cast_to=httpx2.Response, options=options)
        elif request.method == "POST":
            # cancel takes no body: none is read from the client (an unbounded read) nor sent
            response = await client.post(path, cast_to=httpx2.Response, options=options)
        else:
            response = await client.get(path, cast_to=httpx2.Response, options=options, stream=stream)
    except Exception as exc:
        failed = getattr(exc, "response", None)
        if failed is None:  # the transport: no answer to pass on
            return _error(502, "api_error", f"{entry.model}: {redact(str(exc))}")
        return Response(redact(failed.text).encode(), failed.status_code, headers=served,
                        media_type=failed.headers.get("content-type", "application/json"))
    kind = response.headers.get("content-type", "application/json")
    if stream and kind.startswith("text/event-stream"):
        return StreamingResponse(_relay(response), 200, headers=served, media_type=kind)
    content = await response.aread() if stream else response.content
    return Response(content, response.status_code, headers=served, media_type=kind)


async def _relay(response: Any) -> Any:
    try:
        async for chunk in response.aiter_bytes():
            yield chunk
    finally:
        await response.aclose()


def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse(error_body(_API, kind, redact(message)), status_code=status)


def stored_routes() -> list[Route]:
    return [
        Route("/v1/responses/{response_id}", retrieve, methods=["GET", "DELETE"]),
        Route("/v1/responses/{response_id}/input_items", retrieve, methods=["GET"]),
        Route("/v1/responses/{response_id}/cancel", retrieve, methods=["POST"]),
    ]
