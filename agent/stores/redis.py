"""RedisStore: shared state for a fleet of hosts.

Keys (under ``prefix``): ``{pool}:s:{id}`` a hash with the credential's state, ``{pool}:l:{id}`` a
sorted set of live leases scored by expiry, ``{pool}:a:{session}`` a session's affinity.
Leases and affinities carry TTLs, so a crashed worker's leases vanish on their own; state
hashes expire after 30 idle days.

``acquire`` is one Lua script (check and grant atomically, one round trip). ``update`` is an
optimistic ``WATCH``/``MULTI`` transaction around the pure cooldown policy, retried on conflict.
The eligibility test inside the script mirrors ``stores._base.eligible``; a test runs the
same behaviour suite over every store to keep the two in step.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Final, cast
from urllib.parse import urlsplit

from ..cooldown import LATEST_TIME, CredentialState
from ._base import Candidate, Order, StoreError, cleared, ordered
from ._rows import decode_state

__all__ = ["RedisStore"]

_STATE_TTL_MS: Final = 30 * 24 * 3600 * 1000
_UPDATE_TRIES: Final = 100

_ACQUIRE: Final = f"""
local LATEST = {LATEST_TIME!r}
-- mirrors stores._rows: a row that would block is first checked whole; a malformed one never blocks
local function valid(skey)
  local h = redis.call('HGETALL', skey)
  for j = 1, #h, 2 do
    local k, v = h[j], h[j + 1]
    if k == 'dead' then
      if v ~= '0' and v ~= '1' then return false end
    elseif k == 'suspensions' then
      local parsed, t = pcall(cjson.decode, v)
      if not parsed or type(t) ~= 'table' then return false end
      for _, e in pairs(t) do
        local u = type(e) == 'table' and tonumber(e['until'])
        if not u or u ~= u or u < 0 or u > LATEST then return false end
      end
    elseif k == 'status_code' then
      local n = tonumber(v)
      if v ~= '' and not (n and n >= 100 and n <= 599) then return false end
    elseif k ~= 'reason' and k ~= 'error' and k ~= 'id' then
      local n = tonumber(v)
      if not n or n ~= n or n < 0 or n > 1e15 then return false end
      if (k == 'cool_until' or k == 'last_used') and n > LATEST then return false end
      if k ~= 'cool_until' and k ~= 'last_used' and n ~= math.floor(n) then return false end
    end
  end
  return true
end
local now, lease, ttl, model = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), ARGV[4]
for i = 1, #KEYS / 2 do
  local skey, lkey = KEYS[2 * i - 1], KEYS[2 * i]
  local f = redis.call('HMGET', skey, 'dead', 'cool_until', 'suspensions')
  -- a malformed field never blocks (stores._rows reads the row as no state and warns)
  local cool = tonumber(f[2]) or 0
  local ok = f[1] ~= '1' and not (cool == cool and cool > now and cool <= LATEST)
  if ok and f[3] and #f[3] > 2 then
    local parsed, all = pcall(cjson.decode, f[3])
    local s = parsed and type(all) == 'table' and all[model]
    local untl = type(s) == 'table' and tonumber(s['until']) or 0
    if untl == untl and untl > now and untl <= LATEST then ok = false end
  end
  if not ok and not valid(skey) then ok = true end
  if ok then
    redis.call('ZREMRANGEBYSCORE', lkey, '-inf', now)
    local cap = tonumber(ARGV[4 + i])
    if cap < 0 or redis.call('ZCARD', lkey) < cap then
      redis.call('ZADD', lkey, now + ttl, lease)
      if redis.call('PTTL', lkey) < ttl * 1000 then redis.call('PEXPIRE', lkey, math.ceil(ttl * 1000)) end
      if valid(skey) then  -- counting on a malformed row would silently rewrite it
        redis.call('HINCRBY', skey, 'uses', 1)
        redis.call('HSET', skey, 'last_used', ARGV[1])
      end
      redis.call('PEXPIRE', skey, tonumber(ARGV[4 + #KEYS / 2 + 1]))
      return i
    end
  end
end
return 0
"""

# A live lease's new expiry; the key's TTL only ever grows (other leases on it may live longer).
_RENEW: Final = """
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) <= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
local ms = tonumber(ARGV[4])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('PEXPIRE', KEYS[1], ms) end
return 1
"""


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
        self._watch_error = redis.WatchError
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
        self._acquire = self.__db.register_script(_ACQUIRE)
        self._renew = self.__db.register_script(_RENEW)

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
                lease_ttl: float, order: Order) -> str | None:
        if order is not Order.given:
            candidates = ordered(candidates, self.read(pool, [c.id for c in candidates], now), order)
        keys = [k for c in candidates for k in (self._skey(pool, c.id), self._lkey(pool, c.id))]
        caps = [c.max_concurrency if c.max_concurrency is not None else -1 for c in candidates]
        client = self._db  # (re)connects first in a forked child, so the script below is this process's
        picked = int(self._call(self._acquire, keys=keys, client=client,
                                args=[repr(now), lease_id, repr(lease_ttl), model, *caps, _STATE_TTL_MS]))
        return candidates[picked - 1].id if picked else None

    def release(self, pool: str, credential_id: str, lease_id: str) -> None:
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
        """The WATCH/MULTI update; with a lease id, its release goes into the same transaction."""
        key = self._skey(pool, credential_id)
        for _ in range(_UPDATE_TRIES):
            with self._db.pipeline(transaction=True) as pipe:
                try:
                    pipe.watch(key)
                    raw = cast(dict[str, str], pipe.hgetall(key))
                    new = change(_decode(self.description, pool, credential_id, raw))
                    pipe.multi()
                    pipe.hset(key, mapping=cast(dict[Any, Any], _encode(new)))
                    pipe.pexpire(key, _STATE_TTL_MS)
                    if lease_id:
                        pipe.zrem(self._lkey(pool, credential_id), lease_id)
                    pipe.execute()
                    return new
                except self._watch_error:  # must come first: WatchError is a RedisError too
                    continue  # another process changed it first: read again and re-apply
                except self._redis_errors as err:
                    raise StoreError(f"{self.description}: {type(err).__name__}: {err}") from err
        raise StoreError(f"{self.description}: could not update {credential_id!r} after {_UPDATE_TRIES} conflicts")

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        if credential_id is not None:
            ids = [credential_id]
        else:
            head = self._skey(pool, "")
            ids = [k[len(head):] for k in self._call(lambda: list(self._db.scan_iter(match=head + "*")))]
        for one in ids:
            self.update(pool, one, lambda state: cleared(state, model))
        return len(ids)

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        found = self._call(self._db.get, f"{self.prefix}{pool}:a:{session}")
        return str(found) if found else None

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        self._call(self._db.set, f"{self.prefix}{pool}:a:{session}", credential_id, px=max(1, math.ceil(ttl * 1000)))

    def close(self) -> None:
        self._db.close()


def _encode(state: CredentialState) -> dict[str, str]:
    data = state.to_dict()
    data.pop("in_flight", None)
    data["dead"] = "1" if state.dead else "0"
    data["status_code"] = "" if state.status_code is None else str(state.status_code)
    data["suspensions"] = json.dumps(data["suspensions"])
    return {k: v if isinstance(v, str) else repr(v) for k, v in data.items()}


def _decode(where: str, pool: str, credential_id: str, raw: dict[str, str]) -> CredentialState:
    if not raw:
        return CredentialState(id=credential_id)
    return decode_state(where, pool, credential_id, raw) or CredentialState(id=credential_id)
