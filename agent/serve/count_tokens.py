"""``POST /v1/messages/count_tokens``: passed to the route's Anthropic entries, one key each.

Counting is free and stateless, so it takes no part in the ladder's budget: each Anthropic
entry of the route is asked once with a key its pool may use now; a failure is reported to the
pool like any other (a dead key found here is a dead key for the next message too).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..adapters import ModelRequest
from ..credential_pool import NoCredentialAvailable
from ..error_classifier import classify_api_error
from ..passthrough import COUNT_TOKENS_PATH, RawRequest, send_raw
from .auth import Denied, who
from .gateway import NotServed
from .verdict import error_body

__all__ = ["count_tokens"]


async def count_tokens(request: Request) -> Response:
    gateway = request.app.state.gateway
    try:
        body = await request.json()
        model = body.get("model") if isinstance(body, dict) else None
        if not isinstance(model, str):
            raise NotServed(400, "the request body must be a JSON object with a string \"model\"")
        who(gateway.config.serve, request.headers, request.client.host if request.client else None, model)
        loop = gateway.loop(model, "anthropic-messages")
    except (Denied, NotServed) as err:
        return JSONResponse(error_body("anthropic-messages", "invalid_request_error", str(err)), status_code=err.status)
    except ValueError:
        return JSONResponse(error_body("anthropic-messages", "invalid_request_error", "the body is not JSON"), 400)
    raw = RawRequest.of({k: v for k, v in body.items() if k != "stream"}, request.headers, path=COUNT_TOKENS_PATH)
    last: Any = None
    for entry in loop.chain:
        pool = loop.pools[entry.pool]
        try:
            lease = pool.acquire(entry.model)
        except NoCredentialAvailable as empty:
            last = JSONResponse(error_body("anthropic-messages", "overloaded_error", str(empty)), status_code=529)
            continue
        client = gateway.client(entry, lease.credential)
        try:
            target = ModelRequest(entry.model, (), settings=entry.settings(), betas=entry.betas)
            response = await send_raw(client, entry.api, raw, target)
        except Exception as exc:
            failure = classify_api_error(exc, provider=entry.provider_name, model=entry.model)
            pool.report(lease, failure, release=True)
            last = JSONResponse(error_body("anthropic-messages", "api_error", failure.message or failure.reason.value),
                                status_code=failure.status_code or 502)
            continue
        lease.release()
        return Response(response.content, 200, media_type="application/json",
                        headers={"x-steadyloop-served-by": f"{entry.model} ({lease.credential.id})"})
    return last or JSONResponse(error_body("anthropic-messages", "api_error", "no entry answered"), status_code=502)
