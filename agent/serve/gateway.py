"""The gateway's parts, built once from the configuration: the shared store, pools, circuits, and
one ``ConversationLoop`` per (route, wire format) whose chain is that route's entries of that format.

Every process serving the same configuration reads and writes the same state (SQLite on one
host, Redis for a fleet) on every pick, exactly as library processes do; nothing is cached here
but the loops themselves.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Literal

from pydantic import SecretStr

from .. import events as ev
from .._aio_sleep import sleep_full
from .._http import async_http_client
from .._http_aio import aiohttp_available, aiohttp_client
from .._redact import fingerprint
from ..adapters import ADAPTERS, Adapter
from ..chain import Api, ChainEntry
from ..circuit import CircuitBreaker
from ..config import SteadyConfig, classifier_rules, open_state, resolve_pool
from ..conversation_loop import ConversationLoop
from ..cooldown import CredentialStatus
from ..credential_pool import Credential, CredentialPool
from ..stores import MemoryStore
from ..stores.circuits import circuits_for
from .walk import record_events

__all__ = ["Gateway", "NotServed"]

_PASS_THROUGH_LOOPS = 64  # client keys whose loops (and per-key cooldowns) are kept, least recently used out


class NotServed(LookupError):  # noqa: N818 - a fact the app turns into a 404/400
    """The request cannot be served: no route of that name (404), none of its entries speaks this wire
    format or the body is not a request (400), the body is too large (413) or compressed in a way it cannot
    decode (415)."""

    def __init__(self, status: Literal[400, 404, 413, 415], message: str) -> None:
        super().__init__(message)
        self.status = status


class Gateway:
    """Routes to loops; owns the store, the pools and the circuits they share."""

    def __init__(self, config: SteadyConfig, *, env: Mapping[str, str] | None = None,
                 hooks: Sequence[ev.Hook] = (ev.log_event,), clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[Any]] = sleep_full,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.store = open_state(config.state, env)
        self.rules = classifier_rules(config.classifier, env)
        # A streamed answer cannot be restarted once the client has its first bytes: stop there, truthfully.
        self.policy = config.loop.model_copy(update={"on_partial_stream": "stop"})
        self.circuits = CircuitBreaker(circuits_for(self.store), failures=self.policy.circuit_failures,
                                       probe_seconds=self.policy.circuit_probe_seconds)
        names = {e.pool for route in config.routes.values() for e in self.entries(route.chain)}
        self.pools = {name: resolve_pool(name, config.pools[name], self.store, env,
                                         lease_ttl=config.state.lease_ttl_seconds, clock=wall_clock)
                      for name in sorted(names)}
        self.hooks, self.clock, self.sleep, self.wall_clock = (record_events, *hooks), clock, sleep, wall_clock
        self._loops: dict[tuple[str, Api], ConversationLoop] = {}
        self._keyed: OrderedDict[tuple[str, Api, str], ConversationLoop] = OrderedDict()
        self._adapters: dict[Api, Adapter] = {}
        # aiohttp under the SDKs when installed (the serve extra): about 0.6 ms less per request than httpx's stack.
        # One client per timeout for every loop (its connections shared), closed with the gateway (``aclose``).
        self._http: dict[float, Any] = {}
        self._http_factory = aiohttp_client if aiohttp_available() else async_http_client
        self.async_http = self._shared_http

    def _shared_http(self, timeout: float) -> Any:
        found = self._http.get(timeout)
        if found is None:
            found = self._http[timeout] = self._http_factory(timeout)
        return found

    async def aclose(self) -> None:
        """Close the upstream HTTP clients (their aiohttp sessions and connections): at the server's shutdown."""
        clients, self._http = list(self._http.values()), {}
        for client in clients:
            await client.aclose()

    def entries(self, models: Sequence[str], api: Api | None = None) -> list[ChainEntry]:
        """The [[chain]] entries with these models, in the route's order (then chain order), of ``api``."""
        return [e for m in models for e in self.config.chain if e.model == m and (api is None or e.api == api)]

    def _chain(self, route: str, api: Api) -> list[ChainEntry]:
        config = self.config.routes.get(route)
        if config is None:
            known = ", ".join(sorted(self.config.routes)) or "none (add [routes.NAME] sections)"
            raise NotServed(404, f"model {route!r} is not served here; models: {known}")
        chain = self.entries(config.chain, api)
        if not chain:
            apis = sorted({e.api for e in self.entries(config.chain)})
            raise NotServed(400, f"model {route!r} has no {api} entry (its entries speak {', '.join(apis)}); "
                                 "call the endpoint of that wire format")
        return chain

    def _loop(self, chain: list[ChainEntry], pools: Mapping[str, CredentialPool]) -> ConversationLoop:
        return ConversationLoop(chain, pools, policy=self.policy, circuits=self.circuits, hooks=self.hooks,
                                clock=self.clock, classifier_rules=self.rules, async_http=self.async_http)

    def loop(self, route: str, api: Api, client_key: tuple[str, bool] | None = None) -> ConversationLoop:
        """The loop serving ``route`` on ``api``: the pools', or (``pass_through_key`` routes) one whose only
        key is the client's own ``(secret, is_bearer)``."""
        found = self._loops.get((route, api))  # built on the first request of each (the configuration is fixed)
        if found is not None:
            return found
        chain = self._chain(route, api)
        if not self.config.routes[route].pass_through_key:
            found = self._loops[(route, api)] = self._loop(chain, self.pools)
            return found
        if client_key is None:
            raise NotServed(400, f"model {route!r} sends the client's own key upstream (pass_through_key); "
                                 "send it as x-api-key or Authorization: Bearer")
        return self._keyed_loop(route, api, chain, *client_key)

    def _keyed_loop(self, route: str, api: Api, chain: list[ChainEntry], secret: str, bearer: bool) -> ConversationLoop:
        slot = (route, api, fingerprint(secret))
        found = self._keyed.get(slot)
        if found is not None:
            self._keyed.move_to_end(slot)
            return found
        kind: Literal["api_key", "oauth"] = "oauth" if bearer and api == "anthropic-messages" else "api_key"
        credential = Credential(secret=SecretStr(secret), kind=kind)
        pools = {e.pool: CredentialPool(e.pool, [credential], store=MemoryStore(), clock=self.wall_clock)
                 for e in chain}
        found = self._keyed[slot] = self._loop(chain, pools)
        while len(self._keyed) > _PASS_THROUGH_LOOPS:
            self._keyed.popitem(last=False)
        return found

    def client(self, entry: ChainEntry, credential: Credential) -> Any:
        """The async SDK client of ``entry`` for ``credential`` (cached by the adapter), for calls outside a turn."""
        adapter = self._adapters.get(entry.api)
        if adapter is None:
            adapter = self._adapters[entry.api] = ADAPTERS[entry.api](async_http=self.async_http)
        return adapter.client(credential, credential.base_url or entry.base_url, entry.timeout, asynchronous=True,
                              options=entry.client_options())

    def ready(self) -> dict[str, Any]:
        """Whether every route has a credential that may serve now, route by route."""
        routes = {}
        for name, route in self.config.routes.items():
            if route.pass_through_key:
                routes[name] = True  # the client brings the key
                continue
            routes[name] = any(self._usable(e) for e in self.entries(route.chain))
        return {"ready": all(routes.values()), "routes": routes}

    def _usable(self, entry: ChainEntry) -> bool:
        blocked = self.pools[entry.pool].unavailable(entry.model).blocked
        return any(b.status is CredentialStatus.available for b in blocked)
