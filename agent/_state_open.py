"""Opening the configured state store from plain settings; no pydantic.

``agent.config.open_state`` (a validated ``[state]`` section) and ``steadyloop pool list``'s quick
path both open stores here, so a bad path or Redis setting is named by the same words on both.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ._config_file import ConfigError
from .stores import MemoryStore, StateStore, UnsafeStatePathError, open_redis, open_sqlite
from .stores._redis_url import check_redis_url, redis_url_problem

__all__ = ["default_state_path", "open_store", "redis_url_problem"]


def default_state_path(env: Mapping[str, str]) -> Path:
    """``$STEADYLOOP_STATE_DIR/state.db``, else ``$XDG_STATE_HOME/steadyloop``, else ``~/.local/state``."""
    if env.get("STEADYLOOP_STATE_DIR"):
        return Path(env["STEADYLOOP_STATE_DIR"]).expanduser() / "state.db"
    base = Path(env["XDG_STATE_HOME"]).expanduser() if env.get("XDG_STATE_HOME") else Path.home() / ".local" / "state"
    return base / "steadyloop" / "state.db"


def open_store(backend: str, path: Path | None, url: str | None, url_env: str | None, prefix: str,
               busy_timeout: float, env: Mapping[str, str]) -> StateStore:
    """The store of a ``[state]`` section's values; shared backends degrade to memory (with a warning)."""
    if backend == "memory":
        return MemoryStore()
    if backend == "sqlite":
        try:
            return open_sqlite(path.expanduser() if path else default_state_path(env), busy_timeout=busy_timeout)
        except UnsafeStatePathError as err:
            raise ConfigError(f"state.path: {err}") from err
    field = "state.url" if url else "state.url_env"
    value = url or env.get(str(url_env), "")
    if not value.strip():
        raise ConfigError(f"state.url_env: environment variable {url_env} is not set; export it with "
                          "your redis:// URL")
    check_redis_url(value, field if url else f"{field} (${url_env})")
    return open_redis(value, prefix=prefix)
