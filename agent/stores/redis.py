"""RedisStore: shared state for a fleet of hosts.

Keys (under ``prefix``): ``{pool}:s:{id}`` a hash with the credential's state, ``{pool}:l:{id}`` a
sorted set of live leases scored by expiry, ``{pool}:a:{session}`` a session's affinity, and per
candidate set (``CandidateSet.key``) ``{pool}:x:{key}:ids|cap|rr|lu``: the priority order, the
caps, and the keys ordered by last use and by uses (the index an acquire walks). Leases and
affinities carry TTLs, so a crashed worker's leases vanish on their own; state hashes expire after
29 to 30 idle days (their expiry is rewritten once a day at most, not on every call) and indexes 30
days after they were built (an index missing is rebuilt on the next acquire).

Every state change is one Lua script (``_redis_lua``): ``acquire`` checks and grants, and returns
the row it granted on; the outcome (``finish``) applies what the pure cooldown policy did to that
row as merge operations (``_base.merge_ops``: counters add, cooldowns only lengthen) and releases
the lease. No ``WATCH``, no retry: 16 processes on one key cost the server 16 scripts, not 16
races. ``update`` without a lease reads first (two round trips). Scripts go as ``EVALSHA`` written
straight to the connection, packed by hiredis (reloaded on ``NOSCRIPT``). A success (``finish_later``)
is not a round trip of its own: its script is written in front of this process's next script, in the
same network write (``_flusher``), so a turn costs one round trip; it asks for no row back.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Final, cast

from .._credential_state import CredentialState
from . import _redis_lua as lua
from ._base import DEFAULT_AFFINITY_TTL, Candidate, CandidateSet, Order, StoreError, cleared, merge_ops, ordered
from ._flusher import FLUSHER, Flusher
from ._redis_url import redacted_url, register_password
from ._rows import decode_state

__all__ = ["RedisStore"]

_STATE_TTL_MS: Final = 30 * 24 * 3600 * 1000
_OBSERVED_LIMIT: Final = 10_000  # rows remembered from acquire for the lease's outcome (oldest dropped)
log = logging.getLogger("steadyloop.state")
Command = tuple[Any, ...]
_pack_command: Callable[[Command], bytes] | None
try:  # the C packer of the redis extra's hiredis; redis-py's packer without it
    from hiredis import pack_command as _pack_command
except ImportError:  # pragma: no cover - the redis extra installs hiredis
    _pack_command = None


class RedisStore:
    """Shared state in Redis (``redis://`` or ``rediss://`` URLs, with password)."""

    def __init__(self, url: str, *, prefix: str = "steadyloop:", timeout: float = 2.0,
                 flusher: Flusher = FLUSHER) -> None:
        try:
            import redis
        except ImportError as err:
            raise StoreError("the redis backend needs the redis package: pip install 'steadyloop[redis]'") from err
        self._redis_errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._noscript: type[Exception] = redis.exceptions.NoScriptError
        self._response_error: type[Exception] = redis.ResponseError
        self._observed: OrderedDict[str, dict[str, str]] = OrderedDict()  # lease id -> row granted on
        self._lock = threading.RLock()  # the pending list and the connection, written to directly
        self._flusher = flusher  # applies deferred successes when no operation comes to carry them
        self._pending: list[Command] = []  # deferred successes' FINISH commands, sent before the next script
        self.prefix = prefix
        register_password(url)
        self.description = f"redis at {redacted_url(url)} (prefix {prefix!r})"
        self._url, self._timeout = url, timeout
        self._connect()
        self._call(self._db.ping)

    def _connect(self) -> None:
        import redis

        # One connection per store and process, used under redis-py's own lock: no pool checkout per
        # command. A forked child must not share its parent's socket, so a new pid gets a new client.
        self._pid = os.getpid()
        self._pending = []  # a forked child's copy of its parent's: the parent sends them
        # from_url connects at once for a single-connection client: map its failure like any other.
        self.__db = self._call(redis.Redis.from_url, self._url, socket_timeout=self._timeout,
                               socket_connect_timeout=self._timeout, decode_responses=True,
                               single_connection_client=True)
        self._acquire_list = self.__db.register_script(lua.ACQUIRE_LIST)
        self._acquire_set = self.__db.register_script(lua.ACQUIRE_SET)
        self._register = self.__db.register_script(lua.REGISTER)
        self._finish = self.__db.register_script(lua.FINISH)
        # Loaded now: a deferred FINISH refused as NOSCRIPT would run after the script written behind it
        # (an acquire would still see the lease); after a SCRIPT FLUSH that can happen once, harmlessly.
        self._call(self.__db.script_load, lua.FINISH)
        self._renew = self.__db.register_script(lua.RENEW)

    @property
    def _db(self) -> Any:
        if self._pid != os.getpid():
            self._connect()
        return self.__db

    def _eval(self, script: Any, keys: Sequence[str], args: Sequence[Any]) -> Any:
        """One script's reply, written straight to the connection (no per-command machinery), after every
        deferred FINISH (their replies are read and checked first): one network write, one round trip."""
        with self._lock:
            client = self._db
            pending, self._pending = self._pending, []
            commands = [*pending, ("EVALSHA", script.sha, len(keys), *keys, *args)]
            replies = self._call(self._send, client, commands)
            for command, reply in zip(pending, replies, strict=False):
                self._check_deferred(client, command, reply)
            reply = replies[-1]
            if isinstance(reply, self._noscript):
                reply = self._call(self._send, client, [("EVAL", script.script, len(keys), *keys, *args)])[0]
            if isinstance(reply, Exception):
                raise StoreError(f"{self.description}: {type(reply).__name__}: {reply}")
            return reply

    def _send(self, client: Any, commands: list[Command]) -> list[Any]:
        """Replies to ``commands``, written in one go on the client's connection; an error reply is its exception."""
        with client.single_connection_lock:
            connection = client.connection
            connection.send_packed_command([_packed(commands, connection)], check_health=False)  # one write
            replies: list[Any] = []
            for _ in commands:
                try:
                    replies.append(connection.read_response())
                except self._response_error as err:
                    replies.append(err)
            return replies

    def _check_deferred(self, client: Any, command: Command, reply: Any) -> None:
        """A deferred FINISH's reply: NOSCRIPT is sent again as EVAL; a malformed row (-1) is left for the next
        outcome to replace (a success carries nothing worth overwriting it for); other errors are logged."""
        if isinstance(reply, self._noscript):
            reply = self._call(self._send, client, [("EVAL", lua.FINISH, *command[2:])])[0]
        if isinstance(reply, Exception):
            log.warning("steadyloop: a deferred success was not recorded in %s: %s", self.description,
                        type(reply).__name__)

    def finish_later(self, pool: str, credential_id: str, lease_id: str,
                     change: Callable[[CredentialState], CredentialState]) -> None:
        raw = self._observed.pop(lease_id, None)
        if raw is None:  # no row seen at acquire: the outcome needs a read, so no saving to make
            self.finish(pool, credential_id, lease_id, change)
            return
        old = _decode(self.description, pool, credential_id, raw)
        ops = json.dumps(merge_ops(old, change(old)))
        with self._lock:
            self._pending.append(("EVALSHA", self._finish.sha, 2, self._skey(pool, credential_id),
                                  self._lkey(pool, credential_id), lease_id, _STATE_TTL_MS, "", ops, "1"))
        self._flusher.mark(self)

    def flush(self) -> None:
        with self._lock:
            if not self._pending:
                return
            client = self._db
            pending, self._pending = self._pending, []
            for command, reply in zip(pending, self._call(self._send, client, pending), strict=True):
                self._check_deferred(client, command, reply)

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except self._redis_errors as err:
            # no cause: a server's error may echo the password (Redis before 6 repeats HELLO's arguments), and a
            # traceback prints a cause's text as it is; this message holds its words, redacted
            raise StoreError(f"{self.description}: {type(err).__name__}: {err}") from None

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
        args = [repr(now), lease_id, math.ceil(lease_ttl * 1000), model, _STATE_TTL_MS, f"{self.prefix}{pool}:",
                order.value, *affinity, repr(now + lease_ttl)]
        for _ in range(2):
            found = self._eval(self._acquire_set, keys, args)
            if found != -1:
                return (str(found[0]), found[1]) if found else None
            caps = [str(c.max_concurrency if c.max_concurrency is not None else -1) for c in candidates]
            self._eval(self._register, keys,
                       [f"{self.prefix}{pool}:", _STATE_TTL_MS, *(v for c, cap in zip(candidates, caps,
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
        found = self._eval(self._acquire_list, keys, [repr(now), lease_id, math.ceil(lease_ttl * 1000), model,
                                                     _STATE_TTL_MS, *affinity, f"{self.prefix}{pool}:",
                                                     repr(now + lease_ttl), *caps])
        return (candidates[int(found[0]) - 1].id, found[1]) if found else None

    def release(self, pool: str, credential_id: str, lease_id: str) -> None:
        self._observed.pop(lease_id, None)
        self.flush()
        self._call(self._db.zrem, self._lkey(pool, credential_id), lease_id)

    def renew(self, pool: str, credential_id: str, lease_id: str, *, now: float, lease_ttl: float) -> bool:
        done = self._eval(self._renew, [self._lkey(pool, credential_id)],
                          [lease_id, repr(now), repr(now + lease_ttl), math.ceil(lease_ttl * 1000)])
        return bool(int(done))

    def read(self, pool: str, ids: Sequence[str], now: float) -> dict[str, CredentialState]:
        self.flush()
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
            self.flush()
            raw = cast(dict[str, str], self._call(self._db.hgetall, key))
        old = _decode(self.description, pool, credential_id, raw)
        new = change(old)
        keys, ops = [key, self._lkey(pool, credential_id)], json.dumps(merge_ops(old, new))
        row = self._eval(self._finish, keys, [lease_id, _STATE_TTL_MS, "", ops])
        if row == -1:  # the stored row is malformed: replaced whole by the change (the lease is already released)
            row = self._eval(self._finish, keys, ["", _STATE_TTL_MS, json.dumps(_encode(new)), ops])
        return _decode(self.description, pool, credential_id, _pairs(row))

    def reset(self, pool: str, credential_id: str | None = None, model: str | None = None) -> int:
        if credential_id is not None:
            ids = [credential_id]
        else:
            self.flush()
            head = self._skey(pool, "")
            ids = [k[len(head):] for k in self._call(lambda: list(self._db.scan_iter(match=head + "*")))]
        for one in ids:
            self.update(pool, one, lambda state: cleared(state, model))
        return len(ids)

    def _akey(self, pool: str, session: str) -> str:
        return f"{self.prefix}{pool}:a:{session}"

    def get_affinity(self, pool: str, session: str, now: float) -> str | None:
        self.flush()
        found = self._call(self._db.get, self._akey(pool, session))
        return str(found) if found else None

    def set_affinity(self, pool: str, session: str, credential_id: str, *, now: float, ttl: float) -> None:
        self.flush()
        self._call(self._db.set, self._akey(pool, session), credential_id, px=max(1, math.ceil(ttl * 1000)))

    def close(self) -> None:
        if self._pending:
            try:
                self.flush()
            except StoreError as err:
                log.warning("steadyloop: deferred outcomes not written to %s at close: %s", self.description, err)
        self._db.close()


def _packed(commands: Sequence[Command], connection: Any) -> bytes:
    """``commands`` in the Redis protocol, as one buffer: hiredis's packer in C when it is there (redis-py's
    own walks every argument in Python first), else ``connection``'s."""
    if _pack_command is None:
        return b"".join(connection.pack_commands(commands))
    return b"".join(map(_pack_command, commands))


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
