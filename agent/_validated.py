"""Configurations validated before, remembered by digest, so ``pool list`` can skip the models.

Loading pydantic and the configuration models is most of ``steadyloop pool list``'s start-up. A
file whose data (after ``${NAME}`` expansion) was validated by this same code is valid again;
``pool list`` then reads only what it lists (``agent.cli._listing``). Anything else (a digest not
remembered, a missing, foreign or unreadable cache) means full validation, with its usual errors::

    digest = SHA-256("steadyloop/validated-config/v1", code identity, canonical JSON of the data)

The code identity is the size and modification time of every ``.py`` file of this package and of
pydantic's and pydantic-core's ``__init__.py``: an upgrade or an edit forgets every digest. Secret
values (a credential's ``key``, ``state.url``) enter the digest as their type name only: model
validation checks their type, never their content (the key is read and checked when it is used,
by the same code on both paths).

The cache is ``validated-configs`` next to the default state file (``$STEADYLOOP_STATE_DIR``,
else ``$XDG_STATE_HOME/steadyloop``, else ``~/.local/state/steadyloop``): digests only, one a line,
the newest last, at most ``KEEP``. It is trusted only in a directory only its owner can write, and
only when it is a regular file of this user that nobody else can write.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import sys
from collections.abc import Mapping
from typing import Any, Final

from ._state_open import default_state_path
from .stores._safe_path import directory_problem, file_problem

__all__ = ["KEEP", "ValidatedConfigs", "code_identity", "config_digest"]

log = logging.getLogger("steadyloop.config")

KEEP: Final = 64  # digests remembered: every configuration a user switches between, and more
_NAME: Final = "validated-configs"
_VERSION: Final = b"steadyloop/validated-config/v1"


def config_digest(data: Mapping[str, Any]) -> str:
    """The hex digest of configuration data (as ``read_config`` returns it) and of the code that validates it."""
    digest = hashlib.sha256(_VERSION)
    digest.update(code_identity().encode())
    digest.update(json.dumps(_without_secrets(data), default=_typed, ensure_ascii=False).encode("utf-8", "replace"))
    return digest.hexdigest()


def _typed(value: Any) -> str:
    """TOML's dates and times, which JSON has no type for: the type and the value."""
    return f"{type(value).__name__}:{value.isoformat() if hasattr(value, 'isoformat') else value!r}"


def _without_secrets(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` with ``state.url`` and each credential's ``key`` replaced by the name of its type."""
    out = dict(data)
    if isinstance(out.get("state"), Mapping) and "url" in out["state"]:
        out["state"] = {**out["state"], "url": _secret(out["state"]["url"])}
    if isinstance(out.get("pools"), Mapping):
        out["pools"] = {name: _pool_without_keys(pool) for name, pool in out["pools"].items()}
    return out


def _pool_without_keys(pool: Any) -> Any:
    if not isinstance(pool, Mapping) or not isinstance(pool.get("credentials"), list):
        return pool
    creds = [{**c, "key": _secret(c["key"])} if isinstance(c, Mapping) and "key" in c else c
             for c in pool["credentials"]]
    return {**pool, "credentials": creds}


def _secret(value: Any) -> str:
    return f"<secret {type(value).__name__}>"


def code_identity(package: str = os.path.dirname(__file__)) -> str:
    """Size and modification time of the ``.py`` files under ``package`` (this one) and of pydantic's."""
    stamps: list[str] = []
    _stamp_tree(package, stamps)
    return "\n".join([*stamps, _package_stamp("pydantic"), _package_stamp("pydantic_core")])


def _stamp_tree(folder: str, stamps: list[str]) -> None:
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
            _stamp_tree(entry.path, stamps)
        elif entry.name.endswith(".py"):
            st = entry.stat()
            stamps.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}")


def _package_stamp(name: str) -> str:
    """Where the first ``name/__init__.py`` on ``sys.path`` is, its size and modification time (not importing it)."""
    for entry in sys.path:
        init = os.path.join(entry or ".", name, "__init__.py")
        try:
            st = os.stat(init)
        except OSError:
            continue
        return f"{init}:{st.st_size}:{st.st_mtime_ns}"
    return f"{name}: not found"


def _euid() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


class ValidatedConfigs:
    """The digests of configurations validated before, in the state directory of ``env``."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.path = default_state_path(env).parent / _NAME

    def knows(self, digest: str) -> bool:
        """Whether ``digest`` was remembered, in a cache file nobody else can have written."""
        return digest in self._read()

    def remember(self, digest: str) -> None:
        """Add ``digest`` (newest last, at most ``KEEP``); a directory that cannot be written is skipped."""
        try:
            self._write(digest)
        except OSError as err:
            log.debug("steadyloop: cannot remember the validated configuration in %s: %s", self.path, err.strerror)

    def _read(self) -> list[str]:
        try:
            st, folder = os.lstat(self.path), os.stat(self.path.parent)
        except OSError:
            return []
        euid = _euid()
        if (directory_problem(folder, euid) or file_problem(st, euid)
                or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
            return []
        try:
            return self.path.read_text(encoding="ascii").split()
        except (OSError, UnicodeDecodeError):
            return []

    def _write(self, digest: str) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if directory_problem(os.stat(self.path.parent), _euid()):
            return  # a directory others can write in is never trusted, so never written either
        known = self._read()
        if digest in known:
            return
        kept = [*known, digest][-KEEP:]
        temporary = self.path.with_name(f"{_NAME}.{os.getpid()}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as file:
            file.write("".join(f"{d}\n" for d in kept))
        os.replace(temporary, self.path)
