"""Shared fixtures: a real redis-server for the session, and stores of every kind."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from agent.stores import MemoryStore, SQLiteStore, StateStore


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on a free loopback port, started for this test session."""
    yield from _redis_server(tmp_path_factory)


@pytest.fixture(scope="session")
def redis_before_hello_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server that answers HELLO as Redis before 6 does: an unknown command, its arguments (password
    included) echoed in the error, which redis-py asking for RESP3 (``?protocol=3``; 8.1's default) meets on an older
    server."""
    yield from _redis_server(tmp_path_factory, "--rename-command", "HELLO", "")


def _redis_server(tmp_path_factory: pytest.TempPathFactory, *options: str) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing on CI: .ci/run must install it (apt-get install redis-server)")
        pytest.skip("redis-server is not installed here; the Redis runs need it (.ci/run installs it)")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir), "--protected-mode", "yes", *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        _wait_for_redis(f"{url}?protocol=2", proc)  # RESP2: no HELLO, which one of them refuses
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_for_redis(url: str, proc: subprocess.Popen[bytes]) -> None:
    import redis

    deadline = time.monotonic() + 15
    client = redis.Redis.from_url(url, socket_connect_timeout=0.2)
    while True:
        try:
            client.ping()
            return
        except redis.ConnectionError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start") from None
            time.sleep(0.02)  # polling a starting server, not synchronising a race under test


StoreFactory = Callable[[], StateStore]


@pytest.fixture(params=["memory", "sqlite", "redis"])
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    """Makes stores of one kind that share state (except memory, which is per process by design)."""
    if request.param == "memory":
        shared = MemoryStore()
        return lambda: shared
    if request.param == "sqlite":
        path = tmp_path / "state" / "steadyloop.db"
        return lambda: SQLiteStore(path)
    from agent.stores.redis import RedisStore

    url = request.getfixturevalue("redis_url")
    prefix = f"test-{uuid.uuid4().hex[:8]}:"
    return lambda: RedisStore(url, prefix=prefix)


@pytest.fixture(autouse=True)
def _state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's own state directory: ``pool list`` remembers validated configurations there, never in ~."""
    folder = tmp_path_factory.mktemp("state-dir")
    monkeypatch.setenv("STEADYLOOP_STATE_DIR", str(folder))
    return folder
