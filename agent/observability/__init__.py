"""Observability: traces, metrics and structured logs built on the loop's frozen events.

Each piece is a hook (a callable taking an event) that you add to ``ConversationLoop(hooks=...)``:

    from agent.observability import Metrics, Tracing
    metrics = Metrics()                         # pip install 'steadyloop[metrics]'
    loop = ConversationLoop(chain, pools, hooks=(log_event, metrics, Tracing()))  # Tracing: [otel]
    metrics.serve(9464)                         # opt-in /metrics on 127.0.0.1

Nothing here imports ``opentelemetry`` or ``prometheus_client`` until ``Tracing`` or ``Metrics``
is used, so a loop without them pays nothing. See docs/observability.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .logs import FIELDS, JsonFormatter, LogFormat, TurnFields, configure_logging

if TYPE_CHECKING:
    from .metrics import CredentialStates, Metrics, credential_gauge
    from .tracing import Tracing

__all__ = [
    "FIELDS", "CredentialStates", "JsonFormatter", "LogFormat", "Metrics", "Tracing", "TurnFields",
    "configure_logging", "credential_gauge",
]

_LAZY = {"Tracing": "tracing", "Metrics": "metrics", "CredentialStates": "metrics", "credential_gauge": "metrics"}


def __getattr__(name: str) -> Any:
    """Import the tracing and metrics modules (and their optional dependencies) on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'agent.observability' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)
