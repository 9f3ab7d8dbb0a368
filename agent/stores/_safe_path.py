"""The SQLite state file can never be turned against its owner.

Rules, checked before every connection is opened (facts from ``os.stat``/``os.lstat``):

| what                             | rule                                                          |
| -------------------------------- | ------------------------------------------------------------- |
| the state directory              | a directory owned by this user, not group- or world-writable  |
| the state file                   | missing (then created 0600, never through a link), or a       |
|                                  | regular file owned by this user                               |
| ``-wal``, ``-shm``, ``-journal`` | missing, or regular files (never symbolic links)              |
| modes                            | set only on files steadyloop creates; never on the user's own |

Because nobody else can write in the directory, nobody else can swap a checked name for a
symbolic link between the check and SQLite's open.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

from ._base import StoreError

__all__ = ["UnsafeStatePathError", "directory_problem", "file_problem", "prepare_state_file"]

_SIDE_FILES: Final = ("-wal", "-shm", "-journal")
_FIX: Final = "set [state] path (or $STEADYLOOP_STATE_DIR) to a file in a directory only you can write"


class UnsafeStatePathError(StoreError):
    """The state path is unsafe (a link, not the user's, in a shared directory): refused, never degraded."""


def _euid() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def directory_problem(st: os.stat_result, euid: int | None) -> str | None:
    """Why a state directory is unsafe, or None."""
    if not stat.S_ISDIR(st.st_mode):
        return "is not a directory"
    if euid is not None and st.st_uid != euid:
        return f"is owned by uid {st.st_uid}, not by you (uid {euid})"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"is writable by others (mode {stat.S_IMODE(st.st_mode):o})"
    return None


def file_problem(st: os.stat_result, euid: int | None) -> str | None:
    """Why an existing state file (seen through ``lstat``) is unsafe, or None."""
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link; steadyloop never follows one"
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    if euid is not None and st.st_uid != euid:
        return f"is owned by uid {st.st_uid}, not by you (uid {euid})"
    return None


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def prepare_state_file(path: Path) -> None:
    """Check ``path`` and its directory, creating what is missing (directory 0700, file 0600)."""
    directory, euid = path.parent, _euid()
    try:
        if not directory.exists():
            directory.mkdir(mode=0o700, parents=True)
        problem = directory_problem(os.stat(directory), euid)
        if problem:
            raise UnsafeStatePathError(f"the state directory {directory} {problem}; {_FIX}")
        for name in (Path(f"{path}{suffix}") for suffix in _SIDE_FILES):
            _check(name, _lstat(name), euid)
        _check(path, _lstat(path) or _create(path), euid)
    except OSError as err:
        raise StoreError(f"cannot create the state file {path}: {err.strerror}") from err


def _create(path: Path) -> os.stat_result | None:
    """Create the file exclusively, mode 0600, never through a link; None if it is ours and new."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600))
    except FileExistsError:  # another process created it first (or planted something): check what is there
        return os.lstat(path)
    return None


def _check(name: Path, st: os.stat_result | None, euid: int | None) -> None:
    problem = file_problem(st, euid) if st is not None else None
    if problem:
        raise UnsafeStatePathError(f"the state file {name} {problem}; {_FIX}")
