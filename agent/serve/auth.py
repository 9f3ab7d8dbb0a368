"""Who may call the gateway: hashed static client keys, per-key routes, loopback when none is set.

Keys are random 256-bit strings, so one SHA-256 (compared in constant time) is as strong as a
slow hash and costs nothing per request. A client presents its key as ``x-steadyloop-key``,
else ``x-api-key`` (Anthropic SDKs), else ``Authorization: Bearer`` (OpenAI SDKs); on a route
with ``pass_through_key`` the latter two are the upstream key, so ``x-steadyloop-key`` is the
only way in there. With no key configured, only loopback clients are served.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Mapping
from typing import Literal

from .settings import ClientKey, ServeConfig

__all__ = ["Denied", "client_secret", "hash_key", "is_loopback", "management_allowed", "new_key", "who"]


class Denied(Exception):  # noqa: N818 - a fact the app turns into a 401/403
    """The caller may not do this; ``status`` is 401 (who are you) or 403 (not this)."""

    def __init__(self, status: Literal[401, 403], message: str) -> None:
        super().__init__(message)
        self.status = status


def new_key() -> str:
    """A fresh client key."""
    return "sl-" + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    """``sha256:HEX`` of a key, as ``[[serve.keys]] hash`` stores it."""
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


@functools.lru_cache(maxsize=1024)  # asked on every request, for a handful of peer addresses
def is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def client_secret(headers: Mapping[str, str], *, own_header_only: bool = False) -> str | None:
    """The key a client presented (``own_header_only``: only x-steadyloop-key counts)."""
    found = headers.get("x-steadyloop-key")
    if found or own_header_only:
        return found
    bearer = headers.get("authorization", "")
    return headers.get("x-api-key") or (bearer[7:].strip() if bearer.lower().startswith("bearer ") else None)


def _matches(key: str, digest: str) -> bool:
    return hmac.compare_digest(hash_key(key), digest)


def who(config: ServeConfig, headers: Mapping[str, str], host: str | None, route: str | None, *,
        own_header_only: bool = False) -> str:
    """The calling client's key id (``loopback`` when no key is configured); raises Denied."""
    if not config.keys:
        if is_loopback(host):
            return "loopback"
        raise Denied(403, "no client keys are configured, so only loopback clients are served; add [[serve.keys]]")
    presented = client_secret(headers, own_header_only=own_header_only)
    key: ClientKey | None = next((k for k in config.keys if presented and _matches(presented, k.hash)), None)
    if key is None:
        where = "x-steadyloop-key" if own_header_only else "x-steadyloop-key, x-api-key or Authorization: Bearer"
        raise Denied(401, f"a valid steadyloop client key is required in {where}")
    if route is not None and key.models and route not in key.models:
        raise Denied(403, f"client key {key.id!r} may not use model {route!r}; it may use: {', '.join(key.models)}")
    return key.id


def management_allowed(config: ServeConfig, headers: Mapping[str, str], host: str | None) -> None:
    """``/v0/*`` and ``/metrics``: the management key when one is set, else loopback only; raises Denied."""
    digest = config.management.key_hash
    if digest is None:
        if not is_loopback(host):
            raise Denied(403, "management is served to loopback clients only; set [serve.management] key_hash")
        return
    presented = client_secret(headers)
    if not presented or not _matches(presented, digest):
        raise Denied(401, "the management key is required (x-steadyloop-key or Authorization: Bearer)")
