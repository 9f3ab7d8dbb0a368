"""The shared credential state as rows: what ``steadyloop pool list --json`` prints and what
``steadyloop serve`` answers on ``GET /v0/status`` (one owner, so the two never disagree)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .config import SteadyConfig
    from .stores import StateStore

__all__ = ["Keyed", "circuit_rows", "credential_rows", "pool_report", "report", "rows"]


class Keyed(Protocol):
    """What a row shows of a credential whose key was read: ``Credential`` and ``pool list``'s quick path's own."""

    @property
    def id(self) -> str: ...

    @property
    def fingerprint(self) -> str: ...

    @property
    def state_key(self) -> str: ...


Readable = tuple[Sequence[Keyed], Sequence[tuple[str, str]]]  # readable credentials, (id, problem) of the others


def credential_rows(config: SteadyConfig, store: StateStore, now: float, *,
                    only: str | None = None) -> list[dict[str, Any]]:
    """One row per configured credential (times left in seconds; ``available_in`` None: never). State is
    keyed by each key's fingerprint, so a credential whose key cannot be read here gets an ``unknown`` row
    (``fingerprint`` None) saying why."""
    return rows(_readable(config, only), store, now)


def _readable(config: SteadyConfig, only: str | None) -> dict[str, Readable]:
    from .config import readable_credentials

    return {name: readable_credentials(name, pool) for name, pool in config.pools.items() if not only or name == only}


def rows(pools: Mapping[str, Readable], store: StateStore, now: float) -> list[dict[str, Any]]:
    """``credential_rows`` of credentials already read: ``{pool: (readable, (id, problem) of the others)}``."""
    found: list[dict[str, Any]] = []
    for name, (creds, unreadable) in pools.items():
        states = store.read(name, [c.state_key for c in creds], now)
        for cred in creds:
            state = states[cred.state_key]
            suspended = {m: {**s, "left": max(0.0, s["until"] - now)}
                         for m, s in state.to_dict()["suspensions"].items() if s["until"] > now}
            found.append({"pool": name, **state.to_dict(), "id": cred.id, "fingerprint": cred.fingerprint,
                          "suspensions": suspended, "status": state.status(now).value,
                          "available_in": None if state.dead else max(0.0, state.cool_until - now)})
        found.extend({"pool": name, "id": cred_id, "fingerprint": None, "status": "unknown",
                      "reason": f"its key cannot be read here, so its state cannot be found: {problem}"}
                     for cred_id, problem in unreadable)
    return found


def circuit_rows(store: StateStore, now: float) -> list[dict[str, Any]]:
    """Each (endpoint, model) with a circuit record: its state, failures in a row, seconds to the next probe."""
    from .circuit import CircuitBreaker
    from .stores.circuits import circuits_for

    return [{"endpoint": key, "state": state, "failures": r.failures, "probe_in": max(0.0, r.open_until - now)}
            for key, (state, r) in sorted(CircuitBreaker(circuits_for(store)).states(now).items())]


def pool_report(config: SteadyConfig, store: StateStore, now: float, *, only: str | None = None) -> dict[str, Any]:
    """``{"store", "credentials", "circuits"}``: the JSON of ``pool list --json`` and ``/v0/status``."""
    return report(_readable(config, only), store, now)


def report(pools: Mapping[str, Readable], store: StateStore, now: float) -> dict[str, Any]:
    """``pool_report`` of credentials already read (``rows``)."""
    return {"store": store.description, "credentials": rows(pools, store, now), "circuits": circuit_rows(store, now)}
