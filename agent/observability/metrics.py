"""Prometheus metrics: a hook that counts what the loop does, and the credential-state gauges.

| metric                                                        | from                                  |
| ------------------------------------------------------------- | ------------------------------------- |
| ``steadyloop_turns_total{status,reason}``                     | ``TurnFinished`` (reason ``none`` ok) |
| ``steadyloop_attempts_total{provider,model,reason,action}``   | ``AttemptEnded`` (reason = outcome)   |
| ``steadyloop_fallbacks_total{from_model,to_model,reason}``    | ``FallbackActivated``                 |
| ``steadyloop_cooldowns_total{scope,reason}``                  | ``AttemptEnded`` whose scope cools a  |
|                                                               | key (credential, credential_model)    |
| ``steadyloop_stream_truncations_total``                       | ``AttemptEnded`` failed after text    |
| ``steadyloop_wait_seconds`` (histogram)                       | ``RetryScheduled`` (planned sleeps)   |
| ``steadyloop_turn_seconds`` (histogram)                       | ``TurnFinished``                      |
| ``steadyloop_credential_state{pool,credential,model}``        | the shared store, read at scrape time |

Every label value comes from a closed set or from configuration (model names, pool names,
credential ids, which are labels or fingerprints); never a key, a prompt or an error message.
``prometheus_client`` is the optional extra ``metrics``; this module imports it on first use.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._credential_state import CredentialState, CredentialStatus

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry
    from prometheus_client.metrics_core import Metric

    from .. import events as ev
    from ..credential_pool import CredentialPool
    from ..stores import StateStore

__all__ = ["CredentialStates", "Metrics", "credential_gauge", "exposition", "load_prometheus_client",
           "multiprocess_registry"]

WAIT_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)
TURN_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
_COOLING_SCOPES = frozenset({"credential", "credential_model"})  # the cooldown policy's rows that change a key


def load_prometheus_client() -> Any:
    """The ``prometheus_client`` module, or an error that names the extra to install."""
    try:
        import prometheus_client as client
    except ImportError as err:
        raise ImportError("Prometheus metrics need prometheus-client: pip install 'steadyloop[metrics]'") from err
    return client


def credential_gauge(state: CredentialState, model: str, now: float) -> int:
    """``steadyloop_credential_state`` for one key and model: 0 ok, 1 cooling, 2 suspended, 3 dead.

    A quota-exhausted key is cooling (1) until the provider's reset; a key+model suspension
    (model not served on this key) is 2 for that model only.
    """
    status = state.status(now)
    if status is CredentialStatus.dead:
        return 3
    if state.suspended(model, now) is not None:
        return 2
    return 0 if status is CredentialStatus.available else 1


class CredentialStates:
    """A collector that reads each pool's shared state at scrape time (safe with many workers).

    ``pools`` maps a pool name to ``(pool, models)``: the models of the chain that use it.
    """

    def __init__(self, read: Callable[[], Iterable[tuple[str, str, CredentialState, Sequence[str]]]],
                 clock: Callable[[], float] = time.time) -> None:
        self._read, self._clock = read, clock

    @classmethod
    def of_pools(cls, pools: Mapping[str, tuple[CredentialPool, Sequence[str]]]) -> CredentialStates:
        """From live pools (a library user's loop)."""
        def read() -> Iterator[tuple[str, str, CredentialState, Sequence[str]]]:
            for name, (pool, models) in pools.items():
                for credential, state in pool.states():
                    yield name, credential.id, state, models
        return cls(read, next(iter(pools.values()))[0].clock if pools else time.time)

    @classmethod
    def of_store(cls, store: StateStore,
                 pools: Mapping[str, tuple[Mapping[str, str], Sequence[str]]]) -> CredentialStates:
        """From the shared store alone (``pool list --prometheus``, a ``/metrics`` over many workers).

        ``pools`` maps a pool name to ``({state key: credential id}, models)``: rows are read by
        ``Credential.state_key`` and labelled by ``Credential.id``.
        """
        def read() -> Iterator[tuple[str, str, CredentialState, Sequence[str]]]:
            now = time.time()
            for name, (labels, models) in pools.items():
                for key, state in store.read(name, list(labels), now).items():
                    yield name, labels[key], state, models
        return cls(read)

    def describe(self) -> list[Metric]:
        return []  # unchecked: the samples depend on the store

    def collect(self) -> Iterator[Metric]:
        load_prometheus_client()
        from prometheus_client.core import GaugeMetricFamily

        now = self._clock()
        gauge = GaugeMetricFamily(
            "steadyloop_credential_state", "0 ok, 1 cooling, 2 suspended (this model), 3 dead",
            labels=("pool", "credential", "model"))
        for pool, credential, state, models in self._read():
            for model in models:
                gauge.add_metric((pool, credential, model), credential_gauge(state, model, now))
        yield gauge


def exposition(*collectors: Any) -> str:
    """These collectors in the Prometheus text format (a node-exporter textfile)."""
    client = load_prometheus_client()
    registry = client.CollectorRegistry()
    for collector in collectors:
        registry.register(collector)
    text: str = client.generate_latest(registry).decode()
    return text


def multiprocess_registry(path: str | None = None,
                          credentials: CredentialStates | None = None) -> CollectorRegistry:
    """A registry for one ``/metrics`` answer over several worker processes.

    Each worker's ``Metrics`` writes its counters and histograms to files in ``path`` (the
    ``PROMETHEUS_MULTIPROC_DIR`` every worker was started with); this registry sums them at
    scrape time. Credential gauges come from the shared store, so one collector serves all.
    """
    client = load_prometheus_client()
    from prometheus_client.multiprocess import MultiProcessCollector

    registry: CollectorRegistry = client.CollectorRegistry()
    MultiProcessCollector(registry, path=path)  # type: ignore[no-untyped-call]
    if credentials is not None:
        registry.register(credentials)
    return registry


class Metrics:
    """The ``metrics`` hook: add it to a loop's hooks; scrape ``registry`` or ``serve()`` it.

    ``registry`` defaults to a fresh ``CollectorRegistry``; pass ``prometheus_client.REGISTRY``
    to share the process-wide one. With ``PROMETHEUS_MULTIPROC_DIR`` set, the counters and
    histograms are written for ``prometheus_client``'s multiprocess collector (several workers,
    one scrape). ``pools`` adds the credential-state gauges (pool name -> (pool, models)).
    """

    def __init__(self, registry: CollectorRegistry | None = None, *,
                 pools: Mapping[str, tuple[CredentialPool, Sequence[str]]] | None = None) -> None:
        client = load_prometheus_client()
        self.registry = registry if registry is not None else client.CollectorRegistry()
        on = {"registry": self.registry}
        self.turns = client.Counter("steadyloop_turns", "Turns by final status and failure reason",
                                    ("status", "reason"), **on)
        self.attempts = client.Counter("steadyloop_attempts", "Attempt rows by outcome and the loop's next action",
                                       ("provider", "model", "reason", "action"), **on)
        self.fallbacks = client.Counter("steadyloop_fallbacks", "Moves to the next model of the chain",
                                        ("from_model", "to_model", "reason"), **on)
        self.cooldowns = client.Counter("steadyloop_cooldowns", "Failures that cooled or suspended a credential",
                                        ("scope", "reason"), **on)
        self.truncations = client.Counter("steadyloop_stream_truncations",
                                          "Streams that failed after text was shown", **on)
        self.waits = client.Histogram("steadyloop_wait_seconds", "Sleeps the loop scheduled, seconds",
                                      buckets=WAIT_BUCKETS, **on)
        self.turn_seconds = client.Histogram("steadyloop_turn_seconds", "Wall-clock time of a turn, seconds",
                                             buckets=TURN_BUCKETS, **on)
        if pools:
            self.registry.register(CredentialStates.of_pools(pools))
        from .. import events as ev  # the hook's own: ``pool list --prometheus`` reads gauges, never events

        self._handlers: dict[type, Callable[[Any], None]] = {
            ev.AttemptEnded: self._attempt, ev.TurnFinished: self._turn, ev.FallbackActivated: self._fallback,
            ev.RetryScheduled: self._wait,
        }
        self._server: Any = None
        self._lock = threading.Lock()
        self._children: dict[tuple[Any, ...], Callable[[], None]] = {}  # (metric, *labels) -> its child's inc

    def __call__(self, event: ev.Event) -> None:
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(event)

    def _inc(self, key: tuple[Any, ...]) -> None:
        """Increment ``key[0].labels(*key[1:])``, remembered: ``.labels()`` checks and joins its arguments on
        every call, and the label sets are few (closed sets and configuration)."""
        inc = self._children.get(key)
        if inc is None:
            inc = self._children[key] = key[0].labels(*key[1:]).inc
        inc()

    def _attempt(self, e: ev.AttemptEnded) -> None:
        self._inc((self.attempts, e.provider.lower(), e.model, e.outcome, e.action))
        if e.scope in _COOLING_SCOPES:
            self._inc((self.cooldowns, e.scope, e.outcome))
        if e.delivered and e.outcome not in ("ok", "tool_calls"):
            self.truncations.inc()

    def _turn(self, e: ev.TurnFinished) -> None:
        self._inc((self.turns, e.status, e.reason or "none"))
        self.turn_seconds.observe(e.elapsed)

    def _fallback(self, e: ev.FallbackActivated) -> None:
        self._inc((self.fallbacks, e.from_model, e.to_model, e.reason))

    def _wait(self, e: ev.RetryScheduled) -> None:
        self.waits.observe(e.wait)

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format (what ``/metrics`` answers)."""
        data: bytes = load_prometheus_client().generate_latest(self.registry)
        return data

    def serve(self, port: int = 0, addr: str = "127.0.0.1") -> int:
        """Opt-in ``/metrics`` endpoint on ``addr:port`` (loopback unless told); returns the bound port."""
        with self._lock:
            if self._server is None:
                client = load_prometheus_client()
                self._server, _thread = client.start_http_server(port, addr, registry=self.registry)
            bound: int = self._server.server_port
            return bound

    def close(self) -> None:
        """Stop the endpoint, if ``serve`` started one."""
        with self._lock:
            if self._server is not None:
                self._server.shutdown()
                self._server.server_close()
                self._server = None
