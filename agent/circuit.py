"""Memory of a down endpoint: a circuit breaker per (endpoint, model), shared like cooldowns.

| state     | when                                              | a turn                                  |
| --------- | ------------------------------------------------- | --------------------------------------- |
| closed    | fewer than ``failures`` consecutive endpoint      | calls it                                |
|           | failures (5xx, overload, timeouts, refused, cut)  |                                         |
| open      | that many in a row; for ``probe_seconds``         | skips it while a fallback may follow    |
| half-open | the interval has passed: one turn claims the probe | that one turn calls it; others skip it |

A success closes the circuit (the chain returns to the primary); a failed probe opens it for
another interval. Failures of a key or a request (rate limits, auth, a bad request) say nothing
about the endpoint and leave the count alone. The state lives in the credential store's place
(``agent.stores.circuits``), so every process sharing the pools shares it.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import replace
from urllib.parse import urlsplit

from .stores.circuits import CircuitRecord, CircuitStore

__all__ = ["CircuitBreaker", "Gate"]


class Gate(enum.StrEnum):
    """What a turn may do with an (endpoint, model) now."""

    closed = "closed"  # call it
    probe = "probe"  # call it: this turn holds the half-open probe
    open = "open"  # skip it


class CircuitBreaker:
    """Opens after ``failures`` consecutive endpoint failures, probes after ``probe_seconds``."""

    def __init__(self, store: CircuitStore, *, failures: int = 3, probe_seconds: float = 30.0,
                 fresh_seconds: float = 1.0) -> None:
        self.store, self.failures, self.probe_seconds = store, failures, probe_seconds
        # A healthy key is re-read from the shared store at most every fresh_seconds: a turn on a healthy
        # endpoint costs no store round trip; another process's opening is seen within that time.
        self.fresh_seconds = fresh_seconds
        self._healthy: dict[str, float] = {}

    @staticmethod
    @functools.lru_cache(maxsize=256)  # a pure function of two strings, asked once or twice a turn (6 us each)
    def key(endpoint: str, model: str) -> str:
        """``endpoint|model``; a URL loses any user-info and query (where a key could hide) first."""
        if "://" in endpoint:
            parts = urlsplit(endpoint)
            endpoint = f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}{parts.path}"
        return f"{endpoint}|{model}"

    def gate(self, key: str, now: float) -> tuple[Gate, bool]:
        """Whether a call may go to ``key`` now (claiming the single half-open probe when it is due), and
        whether the record holds failures a success must clear."""
        if self.failures <= 0 or now < self._healthy.get(key, -1.0):
            return Gate.closed, False
        record = self.store.read(key)
        if record.failures == 0:
            self._healthy[key] = now + self.fresh_seconds
        if record.failures < self.failures:
            return Gate.closed, record.failures > 0
        return self._half_open(key, record, now), True

    def _half_open(self, key: str, record: CircuitRecord, now: float) -> Gate:
        if now < record.open_until or now < record.probe_until:
            return Gate.open
        claimed = self.store.update(key, lambda r: r if now < r.probe_until or now < r.open_until or
                                    r.failures < self.failures else replace(r, probe_until=now + self.probe_seconds))
        if claimed.failures < self.failures:
            return Gate.closed  # another turn's success closed it meanwhile
        return Gate.probe if claimed.probe_until == now + self.probe_seconds else Gate.open

    def succeeded(self, key: str) -> None:
        """The endpoint answered: close the circuit."""
        self.store.update(key, lambda r: CircuitRecord())

    def failed(self, key: str, now: float) -> bool:
        """An endpoint failure; True when the circuit is (now) open."""
        if self.failures <= 0:
            return False
        self._healthy.pop(key, None)
        record = self.store.update(key, lambda r: self._count(r, now))
        return record.failures >= self.failures

    def _count(self, r: CircuitRecord, now: float) -> CircuitRecord:
        failures = r.failures + 1
        if failures >= self.failures:
            return CircuitRecord(failures, now + self.probe_seconds, 0.0)
        return replace(r, failures=failures)

    def states(self, now: float) -> dict[str, tuple[str, CircuitRecord]]:
        """Every known (endpoint, model) with its state name, for ``steadyloop pool list``."""
        out = {}
        for key, r in self.store.all().items():
            name = ("closed" if r.failures < max(1, self.failures) else "open" if now < r.open_until
                    else "probing" if now < r.probe_until else "half-open")
            out[key] = (name, r)
        return out

