"""Behaviour of agent.stores._safe_path: the SQLite state path cannot be turned against its owner."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from agent.cli import main
from agent.config import ConfigError, load_config, open_state
from agent.stores import SQLiteStore, UnsafeStatePathError, open_sqlite
from agent.stores._safe_path import directory_problem, file_problem

USER_TEXT = b"the user's own notes\n"


def _config(tmp_path: Path, state_path: Path) -> Path:
    config = tmp_path / "steadyloop.toml"
    config.write_text(f"[state]\nbackend = 'sqlite'\npath = '{state_path}'\n"
                      "[pools.p]\n[[pools.p.credentials]]\nid = 'a'\nkey = 'k-0123456789abcdef'\n")
    return config


def _pool_list(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["pool", "list", "--config", str(config), "--json"], out=io.StringIO())
    return code, capsys.readouterr().err


@pytest.mark.parametrize("link", ["", "-wal", "-shm", "-journal"])
def test_a_symlink_at_the_db_path_or_beside_it_is_refused(tmp_path: Path, link: str) -> None:
    """Issue 11 item 8: a link at the db path (or its -wal/-shm/-journal) is refused; the user's file is untouched."""
    victim = tmp_path / "victim.txt"
    victim.write_bytes(USER_TEXT)
    victim.chmod(0o644)
    state = tmp_path / "state" / "state.db"
    state.parent.mkdir(mode=0o700)
    if link:
        SQLiteStore(state).close()  # a real database; the link sits beside it
    Path(f"{state}{link}").symlink_to(victim)
    with pytest.raises(UnsafeStatePathError, match="symbolic link"):
        open_sqlite(state)
    with pytest.raises(ConfigError, match=r"^state\.path: .*symbolic link.*set \[state\] path"):
        open_state(load_config(_config(tmp_path, state)).state)
    assert victim.read_bytes() == USER_TEXT and stat.S_IMODE(victim.stat().st_mode) == 0o644


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_state_directory_others_can_write_is_refused(tmp_path: Path, mode: int,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A state directory writable by group or world is refused with one line naming state.path and the fix."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)
    code, err = _pool_list(_config(tmp_path, shared / "state.db"), capsys)
    assert code == 2 and err.count("\n") == 1 and "state.path" in err and "writable by others" in err
    assert "Traceback" not in err and not (shared / "state.db").exists()
    assert stat.S_IMODE(shared.stat().st_mode) == mode


@pytest.mark.parametrize(("kind", "fact", "euid", "expected"), [
    ("dir", stat.S_IFDIR | 0o700, 1000, None),
    ("dir", stat.S_IFDIR | 0o755, 1000, None),
    ("dir", stat.S_IFDIR | 0o700, 0, "owned by uid 1000, not by you"),
    ("dir", stat.S_IFDIR | 0o720, 1000, "writable by others"),
    ("dir", stat.S_IFDIR | 0o702, 1000, "writable by others"),
    ("dir", stat.S_IFREG | 0o600, 1000, "not a directory"),
    ("file", stat.S_IFREG | 0o600, 1000, None),
    ("file", stat.S_IFREG | 0o644, 1000, None),
    ("file", stat.S_IFLNK | 0o777, 1000, "symbolic link"),
    ("file", stat.S_IFDIR | 0o700, 1000, "not a regular file"),
    ("file", stat.S_IFREG | 0o600, 0, "owned by uid 1000, not by you"),
])
def test_path_rules(kind: str, fact: int, euid: int, expected: str | None) -> None:
    """The rule table over stat facts (st_uid 1000): ownership, others' write bits, links, file types."""
    st = os.stat_result((fact, 0, 0, 1, 1000, 1000, 0, 0, 0, 0))
    problem = (directory_problem if kind == "dir" else file_problem)(st, euid)
    assert problem == expected if expected is None else expected in str(problem)


def test_a_directory_named_as_the_state_path_keeps_its_mode(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11 item 10c: `[state] path` naming a directory is refused; the directory keeps its mode and contents."""
    folder = tmp_path / "notes"
    folder.mkdir(mode=0o755)
    (folder / "todo.txt").write_bytes(USER_TEXT)
    code, err = _pool_list(_config(tmp_path, folder), capsys)
    assert code == 2 and "state.path" in err and "not a regular file" in err and "Traceback" not in err
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755 and (folder / "todo.txt").read_bytes() == USER_TEXT


def test_an_existing_user_file_keeps_its_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11 item 10c: a user's existing file named by `[state] path` is never chmod-ed, even by pool list."""
    existing = tmp_path / "mine.db"
    SQLiteStore(existing).close()
    existing.chmod(0o640)
    code, _ = _pool_list(_config(tmp_path, existing), capsys)
    assert code == 0 and stat.S_IMODE(existing.stat().st_mode) == 0o640


def test_files_steadyloop_creates_are_private(tmp_path: Path) -> None:
    """A missing state directory is created 0700 and the file 0600, whatever the umask."""
    old = os.umask(0o000)
    try:
        SQLiteStore(tmp_path / "new" / "state.db").close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new" / "state.db").stat().st_mode) == 0o600
