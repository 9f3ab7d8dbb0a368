"""Opening the configured state store from plain settings; no pydantic.

``agent.config.open_state`` (a validated ``[state]`` section) and ``steadyloop pool list``'s quick
path both open stores here, so a bad path or Redis setting is named by the same words on both.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ._config_file import ConfigError
from ._redact import register_secret
from .stores import MemoryStore, StateStore, UnsafeStatePathError, open_redis, open_sqlite

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
    problem = redis_url_problem(value)
    if problem:
        where = field if url else f"{field} (${url_env})"
        raise ConfigError(f"{where}: not a usable Redis URL: {problem}; expected "
                          "redis://[:password@]host[:port][/db], rediss://... or unix:///path/to/socket")
    _register_password(value)
    return open_redis(value, prefix=prefix)


def _register_password(url: str) -> None:
    """The Redis password is a secret like any key: redacted wherever text leaves the process."""
    try:
        password = urlsplit(url).password
    except ValueError:
        return
    if password:
        register_secret(unquote(password))
        register_secret(password)


def redis_url_problem(url: str) -> str | None:
    """What is wrong with a Redis URL, in words that never repeat the URL (it may hold a password)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return "the port is not a number from 0 to 65535"
    if parts.scheme not in ("redis", "rediss", "unix"):
        return f"the scheme must be redis, rediss or unix (got {parts.scheme or 'none'!r})"
    if parts.scheme == "unix":
        return None if parts.path else "a unix:// URL needs a socket path"
    if not parts.hostname:
        return "there is no host name"
    db = parts.path.strip("/")
    if db and not (db.isascii() and db.isdigit()):
        return "the database after the host must be a number, such as /0"
    return None if port is None or port > 0 else "the port must not be 0"
