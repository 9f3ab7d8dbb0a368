"""Behaviour of the remembered validated configurations (agent/_validated.py): digests only, trusted only when safe."""

from __future__ import annotations

import io
import os
import re
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, SecretStr

from agent._validated import KEEP, ValidatedConfigs, _without_secrets, code_identity, config_digest
from agent.cli import main
from agent.config import SteadyConfig

SECRET, PASSWORD = "k-do-not-leak-0123456789", "hunter2-do-not-leak"
CONFIG = (f"[state]\nbackend = 'redis'\nurl = 'redis://:{PASSWORD}@127.0.0.1:1/0'\n"
          f"[pools.p]\n[[pools.p.credentials]]\nid = 'a'\nkey = '{SECRET}'\n")


def _data(**state: Any) -> dict[str, Any]:
    return {"state": {"backend": "memory", **state},
            "pools": {"p": {"credentials": [{"id": "a", "key": SECRET}]}}}


def test_the_cache_holds_digests_and_never_a_secret(tmp_path: Path, _state_dir: Path) -> None:
    """After a listing validated a file with a key and a Redis password, the cache is hex digests, nothing else."""
    config = tmp_path / "steadyloop.toml"
    config.write_text(CONFIG.replace("'redis'", "'memory'"))
    assert main(["pool", "list", "--config", str(config)], out=io.StringIO()) == 0
    text = (_state_dir / "validated-configs").read_text()
    assert re.fullmatch(r"([0-9a-f]{64}\n)+", text) and SECRET not in text and PASSWORD not in text
    assert oct((_state_dir / "validated-configs").stat().st_mode & 0o777) == "0o600"


def test_the_digest_follows_every_value_but_a_secret() -> None:
    """Another key or Redis URL is the same digest (validation checks their type only); any other change is not."""
    base = config_digest(_data(url="redis://a"))
    same = _data(url="redis://:other@b")
    same["pools"]["p"]["credentials"][0]["key"] = "k-another-key"
    assert config_digest(same) == base
    assert config_digest(_data(url="redis://a", prefix="x:")) != base
    assert config_digest(_data(url=7)) != base
    assert config_digest({**_data(url="redis://a"), "loop": {"max_attempts": 3}}) != base


def _secret_fields(annotation: Any, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every ``SecretStr`` field under ``annotation``, by path (a dict's or a list's items as ``*``)."""
    if annotation is SecretStr:
        return {path}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = annotation.model_fields.items()
        return set().union(*(_secret_fields(f.annotation, (*path, name)) for name, f in fields))
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    step = ("*",) if origin in (dict, tuple, list) else ()
    return set().union(*(_secret_fields(arg, (*path, *step)) for arg in (args[1:] if origin is dict else args)))


def test_every_secret_field_of_the_models_is_left_out_of_the_digest() -> None:
    """The digest leaves out exactly the configuration's secret fields: a new one must be added there."""
    assert _secret_fields(SteadyConfig) == {("state", "url"), ("pools", "*", "credentials", "*", "key")}
    data = _data(url="redis://:pw@h")
    assert "pw" not in repr(_without_secrets(data)) and SECRET not in repr(_without_secrets(data))


def test_a_cache_others_could_write_is_not_trusted(_state_dir: Path) -> None:
    """A cache file others can write, or in a directory others can write, is never read."""
    cache = ValidatedConfigs(os.environ)
    cache.remember("ab" * 32)
    assert cache.knows("ab" * 32)
    cache.path.chmod(0o622)
    assert not cache.knows("ab" * 32)
    cache.path.chmod(0o600)
    _state_dir.chmod(0o777)
    try:
        assert not cache.knows("ab" * 32)
        cache.remember("cd" * 32)  # nor written there
        assert "cd" * 32 not in cache.path.read_text()
    finally:
        _state_dir.chmod(0o700)


def test_a_state_directory_that_cannot_be_made_still_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing is remembered where no directory can be made, and the listing goes on (validated each time)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("STEADYLOOP_STATE_DIR", str(blocker / "state"))
    config = tmp_path / "steadyloop.toml"
    config.write_text(CONFIG.replace("'redis'", "'memory'"))
    for _ in range(2):
        assert main(["pool", "list", "--config", str(config), "--json"], out=io.StringIO()) == 0


def test_the_newest_digests_are_kept() -> None:
    """At most KEEP digests, the oldest forgotten first."""
    cache = ValidatedConfigs(os.environ)
    digests = [f"{i:064x}" for i in range(KEEP + 5)]
    for digest in digests:
        cache.remember(digest)
    assert cache.path.read_text().split() == digests[-KEEP:]


def test_an_edit_of_the_code_forgets_every_digest(tmp_path: Path) -> None:
    """Another steadyloop (an upgrade, an edited checkout) validates anew: the identity follows each source file."""
    assert f"{os.sep}agent{os.sep}cooldown.py:" in code_identity()  # the package's own files are stamped
    (tmp_path / "sub").mkdir()
    source = tmp_path / "sub" / "models.py"
    source.write_text("x = 1\n")
    (tmp_path / "notes.txt").write_text("not code")
    before = code_identity(str(tmp_path))
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1_000_000_000))
    touched = code_identity(str(tmp_path))
    assert touched != before
    (tmp_path / "notes.txt").write_text("still not code, longer")  # only source files count
    assert code_identity(str(tmp_path)) == touched
