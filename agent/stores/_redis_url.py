"""A Redis URL checked, shown and its password registered, in words that never repeat the password.

``open_redis`` and the ``[state]`` section (``agent._state_open``) check a URL here before any connection, so a
malformed one is a configuration error naming the field and the expected form, never urllib's or redis-py's
error (or a traceback) from inside the store; the store shows the URL without its user-info.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import unquote, urlsplit

from .._config_file import ConfigError
from .._redact import register_secret

__all__ = ["check_redis_url", "redacted_url", "redis_url_problem", "register_password"]

_EXPECTED: Final = "redis://[:password@]host[:port][/db], rediss://... or unix:///path/to/socket"


def redis_url_problem(url: str) -> str | None:
    """What is wrong with a Redis URL, in words that never repeat the URL (it may hold a password)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "it cannot be read as a URL (an IPv6 host needs its closing ])"
    try:
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


def check_redis_url(url: str, where: str) -> None:
    """ConfigError naming ``where`` (the field or argument), the problem and the expected form, if ``url`` is not
    usable; the error has no cause to print (urllib's would quote the URL's parts)."""
    problem = redis_url_problem(url)
    if problem:
        raise ConfigError(f"{where}: not a usable Redis URL: {problem}; expected {_EXPECTED}")


def redacted_url(url: str) -> str:
    """``scheme://host:port/db``: the URL as logs and descriptions show it, without its user-info."""
    try:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.hostname}:{parts.port or 6379}{parts.path or ''}"
    except ValueError:
        return "an unreadable URL"


def register_password(url: str) -> None:
    """The Redis password is a secret like any key: redacted wherever text leaves the process (as written in the
    URL and percent-decoded)."""
    try:
        password = urlsplit(url).password
    except ValueError:
        return
    if password:
        register_secret(unquote(password))
        register_secret(password)
