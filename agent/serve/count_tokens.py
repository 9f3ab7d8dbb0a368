"""``POST /v1/messages/count_tokens``: passed to the route's Anthropic entries, rotating keys.

Counting is free and stateless, so it takes no part in the ladder's attempt budget, but it keeps
the rest of the ladder's promises: the turn's deadline bounds the whole walk (an upstream that
drips cannot hold it), and every failure is reported to the pool and takes the step the ladder's
own table gives its reason (``ClassifiedError.action``): rotate to the pool's next key (401, 429,
quota), stop, or move on to the next Anthropic entry (anything else, a 400 included).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .._deadline import deadline, deadline_reached
from .._taxonomy import Action
from ..adapters import ModelRequest
from ..credential_pool import NoCredentialAvailable
from ..error_classifier import classify_api_error
from ..passthrough import COUNT_TOKENS_PATH, RawRequest, send_raw
from .auth import Denied, who
from .encoding import read_body
from .gateway import NotServed
from .verdict import error_body

__all__ = ["count_tokens"]

def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse(error_body("anthropic-messages", kind, message), status_code=status)


async def count_tokens(request: Request) -> Response:
    gateway = request.app.state.gateway
    try:
        body = json.loads(await read_body(request.headers, request.receive, gateway.config.serve.max_body_bytes))
        model = body.get("model") if isinstance(body, dict) else None
        if not isinstance(model, str):
            raise NotServed(400, "the request body must be a JSON object with a string \"model\"")
        who(gateway.config.serve, request.headers, request.client.host if request.client else None, model)
        loop = gateway.loop(model, "anthropic-messages")
    except (Denied, NotServed) as err:
        return _error(err.status, "invalid_request_error", str(err))
    except ValueError:
        return _error(400, "invalid_request_error", "the body is not JSON")
    raw = RawRequest.of({k: v for k, v in body.items() if k != "stream"}, request.headers, path=COUNT_TOKENS_PATH)
    with deadline(loop.policy.deadline_seconds):
        return await _walk(gateway, loop, raw)


async def _walk(gateway: Any, loop: Any, raw: RawRequest) -> Response:
    last: Response | None = None
    for entry in loop.chain:
        pool = loop.pools[entry.pool]
        for _ in pool.credentials:  # each key at most once: a key that failed is cooling, the next is picked
            try:
                lease = pool.acquire(entry.model)
            except NoCredentialAvailable as empty:
                last = _error(529, "overloaded_error", str(empty))
                break
            try:
                target = ModelRequest(entry.model, (), settings=entry.settings(), betas=entry.betas)
                response = await send_raw(gateway.client(entry, lease.credential), entry.api, raw, target)
            except Exception as exc:
                if deadline_reached(exc):  # not the key's fault: no cooldown
                    lease.release()
                    return _error(504, "api_error", f"no count within the {loop.policy.deadline_seconds:g} s "
                                                    "deadline: steadyloop cancelled the call")
                failure = classify_api_error(exc, provider=entry.provider_name, model=entry.model)
                pool.report(lease, failure, release=True)
                last = _error(failure.status_code or 502, "api_error", failure.message or failure.reason.value)
                if failure.action is Action.stop:
                    return last
                if failure.should_rotate_credential:
                    continue
                break  # the next entry, as the ladder falls back
            lease.release()
            return Response(response.content, 200, media_type="application/json",
                            headers={"x-steadyloop-served-by": f"{entry.model} ({lease.credential.id})"})
    return last or _error(502, "api_error", "no entry answered")
