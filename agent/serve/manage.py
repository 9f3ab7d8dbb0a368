"""Operating the gateway: status, reset, health and metrics.

| endpoint                      | answers                                                        |
| ----------------------------- | -------------------------------------------------------------- |
| ``GET /v0/status``            | ``steadyloop pool list --json``'s data (``agent.pool_report``) |
| ``POST /v0/pool/{id}/reset``  | clears that credential's cooldowns (``?model=`` for one model)  |
| ``GET /health/live``          | 200 while the process serves                                   |
| ``GET /health/ready``         | 200 when every route has a credential that may serve now, else 503 |
| ``GET /metrics``              | Prometheus text (``agent.observability.metrics``)              |

``/v0/*`` and ``/metrics`` need the management key, or come from loopback when none is set.
"""

from __future__ import annotations

import os
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..pool_report import pool_report
from .auth import Denied, management_allowed

__all__ = ["management_routes"]


def _guard(request: Request) -> JSONResponse | None:
    try:
        management_allowed(request.app.state.gateway.config.serve, request.headers,
                           request.client.host if request.client else None)
    except Denied as denied:
        return JSONResponse({"error": str(denied)}, status_code=denied.status)
    return None


async def _status(request: Request) -> Response:
    gateway = request.app.state.gateway
    return _guard(request) or JSONResponse(pool_report(gateway.config, gateway.store, time.time()))


async def _reset(request: Request) -> Response:
    denied = _guard(request)
    if denied is not None:
        return denied
    gateway, credential = request.app.state.gateway, request.path_params["id"]
    model = request.query_params.get("model")
    owners = [p for p in gateway.pools.values() if any(c.id == credential for c in p.credentials)]
    if not owners:
        known = sorted(c.id for p in gateway.pools.values() for c in p.credentials)
        return JSONResponse({"error": f"no credential {credential!r}; configured: {', '.join(known) or 'none'}"},
                            status_code=404)
    total = sum(p.reset(credential, model=model) for p in owners)
    return JSONResponse({"reset": total, "credential": credential, "model": model})


async def _live(request: Request) -> Response:
    return JSONResponse({"live": True})


async def _ready(request: Request) -> Response:
    report = request.app.state.gateway.ready()
    return JSONResponse(report, status_code=200 if report["ready"] else 503)


async def _metrics(request: Request) -> Response:
    denied = _guard(request)
    if denied is not None:
        return denied
    metrics: Any = getattr(request.app.state, "metrics", None)
    if metrics is None:
        return JSONResponse({"error": "metrics need prometheus-client: pip install 'steadyloop[metrics]'"},
                            status_code=501)
    from ..observability.metrics import exposition, load_prometheus_client, multiprocess_registry

    gauges = _credential_states(request.app.state.gateway)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):  # several workers: sum their files at scrape time
        body = load_prometheus_client().generate_latest(multiprocess_registry(credentials=gauges))
    else:
        body = metrics.exposition() + exposition(gauges).encode()
    return Response(body, media_type="text/plain; version=0.0.4; charset=utf-8")


def _credential_states(gateway: Any) -> Any:
    """``steadyloop_credential_state`` for every key of the gateway's pools and each chain model that uses the
    pool, read from the shared store at scrape time: every worker answers the same."""
    from ..observability.metrics import CredentialStates

    chain = gateway.config.chain
    return CredentialStates.of_pools({name: (pool, sorted({e.model for e in chain if e.pool == name}) or [""])
                                      for name, pool in gateway.pools.items()})


def management_routes() -> list[Route]:
    return [
        Route("/v0/status", _status, methods=["GET"]),
        Route("/v0/pool/{id}/reset", _reset, methods=["POST"]),
        Route("/health/live", _live, methods=["GET"]),
        Route("/health/ready", _ready, methods=["GET"]),
        Route("/metrics", _metrics, methods=["GET"]),
    ]
