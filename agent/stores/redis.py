"""RedisStore: shared state for a fleet of hosts.

Keys (under ``prefix``): ``{pool}:s:{id}`` a hash with the credential's state, ``{pool}:l:{id}`` a
sorted set of live leases scored by expiry, ``{pool}:a:{session}`` a session's affinity, and per
candidate set (``CandidateSet.key``) ``{pool}:x:{key}:ids|cap|rr|lu``: the priority order, the
caps, and the keys ordered by last use and by uses (the index an acquire walks). Leases and
affinities carry TTLs, so a crashed worker's leases vanish on their own; state hashes expire after
29 to 30 idle days (their expiry is rewritten once a day at most, not on every call) and indexes 30
days after they were built (an index missing is rebuilt on the next acquire).

Every state change is one Lua script (``_redis_lua``), so a turn is two round trips: ``acquire``
checks and grants, and returns the row it granted on; the outcome (``finish``) applies what the
pure cooldown policy did to that row as merge operations (``_base.merge_ops``: counters add,
cooldowns only lengthen) and releases the lease. No ``WATCH``, no retry: 16 processes on one key
cost the server 16 scripts, not 16 races. ``update`` without a lease reads first (two round trips).
Scripts go as ``EVALSHA``, reloaded on ``NOSCRIPT``.
"""

from __future__ import annotations

import json
import math
import os
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Final, cast
from urllib.parse import urlsplit

from ..cooldown import CredentialState
from . import _redis_lua as lua
from ._base import DEFAULT_AFFINITY_TTL, Candidate, CandidateSet, Order, StoreError, cleared, merge_ops, ordered
from ._rows import decode_state

__all__ = ["RedisStore"]

_STATE_TTL_MS: Final = 30 * 24 * 3600 * 1000
_OBSERVED_LIMIT: Final = 10_000  # rows remembered from acquire for the lease's outcome (oldest dropped)


def _redacted_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port or 6379}{parts.path or ''}"


class RedisStore:
    """Shared state in Redis (``redis://`` or ``rediss://`` URLs, with password)."""

    def __init__(self, url: str, *, prefix: str = "steadyloop:", timeout: float = 2.0) -> None:
        try:
            import redis
        except ImportError as err:
            raise StoreError("the redis backend needs the redis package: pip install 'steadyloop[redis]'") from err
        self._redis_errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._observed: OrderedDict[str, dict[str, str]] = OrderedDict()  # lease id -> row granted on
        self.prefix = prefix
        self.description = f"redis at {_redacted_url(url)} (prefix {prefix!r})"
        self._url, self._timeout = url, timeout
        self._connect()
        self._call(self._db.ping)

    def _connect(self) -> None:
        import redis

        # One connection per store and process, used under redis-py's own lock: no pool checkout per
        # command. A forked child must not share its parent's socket, so a new pid gets a new client.
        self._pid = os.getpid()
        # from_url connects at once for a single-connection client: map its failure like any other.
        self.__db = self._call(redis.Redis.from_url, self._url, socket_timeout=self._timeout,
                               socket_connect_timeout=self._timeout, decode_responses=True,
                               single_connection_client=True)
        self._acquire_list = self.__db.register_script(lua.ACQUIRE_LIST)
        self._acquire_set = self.__db.register_script(lua.ACQUIRE_SET)
        self._register = self.__db.register_script(lua.REGISTER)
        self._finish = self.__db.register_script(lua.FINISH)
        self._renew = self.__db.register_script(lua.RENEW)

    @property
    def _db(self) -> Any:
        if self._pid != os.getpid():
            self._connect()
        return self.__db

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except self._redis_errors as err:
            raise StoreError(f"{self.description}: {type(err).__name__}: {err}") from err

    def _skey(self, pool: str, credential_id: str) -> str:
        return f"{self.prefix}{pool}:s:{credential_id}"

    def _lkey(self, pool: str, credential_id: str) -> str:
        return f"{self.prefix}{pool}:l:{credential_id}"

    def acquire(self, pool: str, candidates: Sequence[Candidate], model: str, *, now: float, lease_id: str,
                lease_ttl: float, order: Order, session: str | None = None,
                affinity_ttl: float = DEFAULT_AFFINITY_TTL) -> str | None:
        client = self._db  # (re)connects first in a forked child, so the scripts below are this process's
        affinity = ["" if session is None else self._akey(pool, session), max(1, math.ceil(affinity_ttl * 1000))]
        if isinstance(candidates, CandidateSet):
            found = self._acquire_indexed(client, pool, candidates, model, now, lease_id, lease_ttl, order, affinity)
        else:
            found = self._acquire_listed(client, pool, candidates, model, now, lease_id, lease_ttl, order, affinity)
        if not found:
            return None
        picked, row = found
        self._observed[lease_id] = _pairs(row)
        if len(self._observed) > _OBSERVED_LIMIT:
            self._observed.popitem(last=False)
        return picked

    def _index_keys(self, pool: str, candidates: CandidateSet) -> list[str]:
        head = f"{self.prefix}{pool}:x:{candidates.key}:"
        return [head + part for part in ("ids", "cap", "rr", "lu")]

    def _acquire_indexed(self, client: Any, pool: str, candidates: CandidateSet, model: str, now: float,
                         lease_id: str, lease_ttl: float, order: Order,
                         affinity: list[Any]) -> tuple[str, list[str]] | None:
        keys = self._index_keys(pool, candidates)
        args = [repr(now), lease_id, repr(lease_ttl), model, _STATE_TTL_MS, f"{self.prefix}{pool}:", order.value,
                *affinity]
        for _ in range(2):
            found = self._call(self._acquire_set, keys=keys, client=client, args=args)
            if found != -1:
                return (str(found[0]), found[1]) if found else None
            caps = [str(c.max_concurrency if c.max_concurrency is not None else -1) for c in candidates]
            self._call(self._register, keys=keys, client=client,
                       args=[f"{self.prefix}{pool}:", _STATE_TTL_MS, *(v for c, cap in zip(candidates, caps,
                                                                                           strict=True)
                                                                     for v in (c.id, cap))])
        raise StoreError(f"{self.description}: the index of pool {pool!r} vanished as it was built")

    def _acquire_listed(self, client: Any, pool: str, candidates: Sequence[Candidate], model: str, now: float,
                        lease_id: str, lease_ttl: float, order: Order,
                        affinity: list[Any]) -> tuple[str, list[str]] | None:
        if order is not Order.given:
            candidates = ordered(candidates, self.read(pool, [c.id for c in candidates], now), order)
        keys = [k for c in candidates for k in (self._skey(pool, c.id), self._lkey(pool, c.id))]
        caps = [c.max_concurrency if c.max_concurrency is not None else -1 for c in candidates]
        found = self._call(self._acquire_list, keys=keys, client=client,
                           args=[repr(now), lease_id, repr(lease_ttl), model, _STATE_TTL_MS, *affinity,
                                 f"{self.prefix}{pool}:", *caps])
        return (candidates[int(found[0]) - 1].id, found[1]) if found else None

    def release(self, pool: str, credential_id: str, lease_id: str) -> None:
        self._observed.pop(lease_id, None)
        self._call(self._db.zrem, self._lkey(pool, credential_id), lease_id)

    def renew(self, pool: str, credential_id: str, lease_id: str, *, now: float, lease_ttl: float) -> bool:
        client = self._db
        done = self._call(self._renew, keys=[self._lkey(pool, credential_id)], client=client,
                          args=[lease_id, repr(now), repr(now + lease_ttl), math.ceil(lease_ttl * 1000)])
        return bool(int(done))

    def read(self, pool: str, ids: Sequence[str], now: float) -> dict[str, CredentialState]:
        pipe = self._db.pipeline(transaction=False)
        for credential_id in ids:
            pipe.hgetall(self._skey(pool, credential_id))
            pipe.zcount(self._lkey(pool, credential_id), f"({now!r}", "+inf")
        raw = self._call(pipe.execute)
        return {i: replace(_decode(self.description, pool, i, raw[2 * n]), in_flight=int(raw[2 * n + 1]))
                for n, i in enumerate(ids)}

    def update(self, pool: str, credential_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        return self.finish(pool, credential_id, "", change)

    def finish(self, pool: str, credential_id: str, lease_id: str,
               change: Callable[[CredentialState], CredentialState]) -> CredentialState:
        """One script: the change merged into the stored row, and the lease (if any) released.

        The change runs on the row ``acquire`` granted the lease on (no read), or on a fresh read.
        """
        key = self._skey(pool, credential_id)
        raw = self._observed.pop(lease_id, None) if lease_id else None
        if raw is None:
            raw = cast(dict[str, str], self._call(self._db.hgetall, key))
        old = _decode(self.description, pool, credential_id, raw)
        new = change(old)
        client, keys, ops = self._db, [key, self._lkey(pool, credential_id)], json.dumps(merge_ops(old, new))
        row = self._call(self._finish, keys=keys, client=client, args=[lease_id, _STATE_TTL_MS, "", ops])
        if row == -1:  # the stored row is malformed: replaced whole by the change (the lease is already released)
            row = self._call(self._finish, keys=keys, client=client,
                             args=["", _STATE_TTL_MS, json.dumps(_encode(new)), ops])
        return _decode(self.description, pool, credential_id, _pairs(row))

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        if credential_id is not None:
            ids = [credential_id]
        else:
            head = self._skey(pool, "")
            ids = [k[len(head):] for k in self._call(lambda: list(self._db.scan_iter(match=head + "*")))]
        for one in ids:
            self.update(pool, one, lambda state: cleared(state, model))
        return len(ids)

    def _akey(self, pool: str, session: str) -> str:
        return f"{self.prefix}{pool}:a:{session}"

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        found = self._call(self._db.get, self._akey(pool, session))
        return str(found) if found else None

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        self._call(self._db.set, self._akey(pool, session), credential_id, px=max(1, math.ceil(ttl * 1000)))

    def close(self) -> None:
        self._db.close()


def _encode(state: CredentialState) -> dict[str, str]:
    data = state.to_dict()
    data.pop("in_flight", None)
    data["dead"] = "1" if state.dead else "0"
    data["status_code"] = "" if state.status_code is None else str(state.status_code)
    data["suspensions"] = json.dumps(data["suspensions"])
    return {k: v if isinstance(v, str) else repr(v) for k, v in data.items()}


def _pairs(row: list[str]) -> dict[str, str]:
    """A flat HGETALL reply from a script as a dict."""
    return dict(zip(row[::2], row[1::2], strict=True))


def _decode(where: str, pool: str, credential_id: str, raw: dict[str, str]) -> CredentialState:
    if not raw:
        return CredentialState(id=credential_id)
    return decode_state(where, pool, credential_id, raw) or CredentialState(id=credential_id)
