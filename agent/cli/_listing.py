"""What ``steadyloop pool list`` reads from a configuration: from the models, or without them.

``load_listing`` reads the file; when this same code validated the same data before (its digest is
remembered, see ``agent._validated``), it reads the few values the listing needs straight from the
data, without loading pydantic or the models (``quick_listing``). Otherwise it validates in full,
with the usual errors, and remembers the digest. Both paths read keys and open stores with the same
code (``agent._keys``, ``agent._state_open``), so rows, errors and the reasons of ``unknown`` rows
are the same words. A credential whose checks live only in the models (the cloud kinds, an id equal
to its key) makes the quick path give up, and the models decide.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._config_file import ConfigError, read_config
from .._keys import read_key
from .._redact import fingerprint, register_secret
from .._state_key import state_fingerprint, state_key
from .._state_open import open_store
from .._validated import ValidatedConfigs, config_digest
from ..stores import DEFAULT_BUSY_TIMEOUT

if TYPE_CHECKING:
    from ..config import StateConfig, SteadyConfig
    from ..pool_report import Readable
    from ..stores import StateStore

__all__ = ["Listing", "StateSettings", "load_listing", "quick_listing"]

_KEY_KINDS = ("api_key", "oauth")  # the kinds whose state key the quick path computes: the key's own hash


@dataclass(frozen=True, slots=True)
class StateSettings:
    """The ``[state]`` values that open a store (``url`` may hold a password: never in the repr)."""

    backend: str
    path: Path | None
    url: str | None = field(repr=False)
    url_env: str | None
    prefix: str
    busy_timeout: float

    @classmethod
    def of(cls, state: StateConfig) -> StateSettings:
        """From a validated ``[state]`` section (an empty ``url`` counts as none, as it always has)."""
        return cls(state.backend, state.path, state.url.get_secret_value() if state.url else None, state.url_env,
                   state.prefix, state.busy_timeout_seconds)

    def open(self, env: Mapping[str, str]) -> StateStore:
        """The store; a ``ConfigError`` names the bad field (an unset url_env, a bad URL, an unsafe path)."""
        return open_store(self.backend, self.path, self.url, self.url_env, self.prefix, self.busy_timeout, env)


@dataclass(frozen=True, slots=True)
class QuickCredential:
    """A credential as ``pool list`` shows it: its label and state fingerprint, never its key."""

    id: str
    fingerprint: str

    @property
    def state_key(self) -> str:
        return state_key(self.id, self.fingerprint)


@dataclass(frozen=True, slots=True)
class Listing:
    """The store settings, each pool's credentials (read when called) and each pool's chain models."""

    state: StateSettings
    pools: Mapping[str, Callable[[], Readable]]
    models: Mapping[str, list[str]]

    @classmethod
    def of_config(cls, config: SteadyConfig, env: Mapping[str, str]) -> Listing:
        """From validated models (keys read when a pool is listed, as ``readable_credentials`` reads them)."""
        from ..config import readable_credentials

        pools = {name: functools.partial(readable_credentials, name, pool, env) for name, pool in config.pools.items()}
        return cls(StateSettings.of(config.state), pools,
                   _models(config.pools, [(e.model, e.pool) for e in config.chain]))


def load_listing(path: str, env: Mapping[str, str]) -> Listing:
    """The listing of the configuration file at ``path``; raises ``ConfigError`` as ``load_config`` does."""
    data, origin = read_config(path, env)
    digest, validated = config_digest(data), ValidatedConfigs(env)
    quick = quick_listing(data, env) if validated.knows(digest) else None
    if quick is not None:
        return quick
    from ..config import validate_config

    config = validate_config(data, origin)
    validated.remember(digest)
    return Listing.of_config(config, env)


def quick_listing(data: Mapping[str, Any], env: Mapping[str, str]) -> Listing | None:
    """The listing of configuration data known valid, without the models; None: let the models read it."""
    try:
        state, pools = data.get("state", {}), data.get("pools", {})
        settings = StateSettings(state.get("backend", "sqlite"), Path(state["path"]) if "path" in state else None,
                                 state.get("url") or None, state.get("url_env"), state.get("prefix", "steadyloop:"),
                                 float(state.get("busy_timeout_seconds", DEFAULT_BUSY_TIMEOUT)))
        chain = [(entry["model"], entry["pool"]) for entry in data.get("chain", [])]
        read: dict[str, Readable] = {}
        for name, pool in pools.items():
            creds = _quick_pool(name, pool["credentials"], env)
            if creds is None:
                return None
            read[name] = creds
    except (LookupError, TypeError, ValueError, AttributeError):  # not the shape validation allows: let it say why
        return None
    return Listing(settings, {name: functools.partial(_given, creds) for name, creds in read.items()},
                   _models(pools, chain))


def _given(creds: Readable) -> Readable:
    return creds


def _quick_pool(name: str, creds: list[Mapping[str, Any]], env: Mapping[str, str]) -> Readable | None:
    """A pool's credentials as ``readable_credentials`` reads them, or None when only the models can."""
    readable: list[QuickCredential] = []
    problems: list[tuple[str, str]] = []
    for i, cred in enumerate(creds):
        given_id, identity = cred.get("id", ""), cred.get("state_identity")
        if cred.get("kind", "api_key") not in _KEY_KINDS or (identity is not None and not identity.strip()):
            return None
        key_file = cred.get("key_file")
        try:
            secret = read_key(cred.get("key"), cred.get("key_env"), None if key_file is None else Path(key_file), env,
                              f"pools.{name}.credentials.{i}")
        except ConfigError as err:
            problems.append((given_id or f"credentials.{i}", str(err)))
            continue
        if given_id == secret:  # the models refuse it, in their words
            return None
        register_secret(secret)  # redacted from every output from now on, as ``Credential`` does
        readable.append(QuickCredential(given_id or fingerprint(secret),
                                        state_fingerprint(secret if identity is None else identity)))
    return readable, problems


def _models(pools: Mapping[str, Any], chain: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each pool's chain models, sorted (``[""]`` for a pool no chain entry uses)."""
    return {name: sorted({model for model, pool in chain if pool == name}) or [""] for name in pools}

