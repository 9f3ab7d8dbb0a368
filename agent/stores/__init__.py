"""Credential state stores: one interface (``StateStore``), three implementations.

- ``MemoryStore``: one process;
- ``SQLiteStore``: every process on one host (the embedded default);
- ``RedisStore``: a fleet of hosts.

``open_store`` wraps the shared ones in a ``DegradingStore`` so that a corrupt file or an
unreachable server degrades to process memory with a warning instead of crashing.
"""

from __future__ import annotations

from pathlib import Path

from ._base import Candidate, CandidateSet, Order, StateStore, StoreBusyError, StoreError, eligible, ordered
from ._safe_path import UnsafeStatePathError
from .degrade import DegradingStore
from .memory import MemoryStore
from .sqlite import DEFAULT_BUSY_TIMEOUT, SQLiteStore

__all__ = [
    "DEFAULT_BUSY_TIMEOUT",
    "Candidate",
    "CandidateSet",
    "DegradingStore",
    "MemoryStore",
    "Order",
    "SQLiteStore",
    "StateStore",
    "StoreBusyError",
    "StoreError",
    "UnsafeStatePathError",
    "eligible",
    "open_redis",
    "open_sqlite",
    "ordered",
]


def open_sqlite(path: str | Path, *, retry_after: float = 30.0,
                busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> DegradingStore:
    """The SQLite store at ``path``, degrading to memory on failure; raises UnsafeStatePathError for an unsafe path."""
    return DegradingStore(lambda: SQLiteStore(path, busy_timeout=busy_timeout), label=f"sqlite at {path}",
                          retry_after=retry_after)


def open_redis(url: str, *, prefix: str = "steadyloop:", retry_after: float = 30.0) -> DegradingStore:
    """The Redis store at ``url``, degrading to memory on failure; ConfigError (naming ``url``, never its
    password) for a URL that cannot be used."""
    from ._redis_url import check_redis_url, redacted_url, register_password
    from .redis import RedisStore

    check_redis_url(url, "url")
    register_password(url)
    return DegradingStore(lambda: RedisStore(url, prefix=prefix), label=f"redis at {redacted_url(url)}",
                          retry_after=retry_after)
