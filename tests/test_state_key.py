"""State keyed by the key (agent._state_key; issue 11 item 6), over the real SQLite file and redis-server."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from agent._state_key import state_fingerprint
from agent.cli import main
from agent.config import build_loop, load_config
from agent.credential_pool import Credential, CredentialPool, NoCredentialAvailable
from agent.stores import SQLiteStore
from agent.testing.emulator import Emulator, Scenario

THEIRS, OURS = "sk-statekey-theirs-0123456789", "sk-statekey-ours-9876543210"


@pytest.fixture(params=["sqlite", "redis"])
def state(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The [state] section both projects share: one real SQLite file, or one prefix on the real redis-server."""
    if request.param == "sqlite":
        return f'[state]\nbackend = "sqlite"\npath = "{tmp_path / "shared.db"}"\n'
    url = request.getfixturevalue("redis_url")
    return f'[state]\nbackend = "redis"\nurl = "{url}"\nprefix = "sk-{uuid.uuid4().hex[:8]}:"\n'


def _project(tmp_path: Path, name: str, state: str, key: str, emu: Emulator) -> Path:
    """One project's configuration: pool "main" with credential "main", the same ids as every other project."""
    path = tmp_path / f"{name}.toml"
    path.write_text(f'{state}[pools.main]\n[[pools.main.credentials]]\nid = "main"\nkey = "{key}"\n'
                    f'[[chain]]\napi = "openai-chat"\nmodel = "gpt-4o"\npool = "main"\n'
                    f'base_url = "{emu.base_url("openai")}"\n')
    return path


def _rows(config: Path) -> dict[str, dict[str, Any]]:
    out = io.StringIO()
    assert main(["pool", "list", "--json", "--config", str(config)], out=out) == 0
    return {row["id"]: row for row in json.loads(out.getvalue())["credentials"]}


def test_another_projects_healthy_key_under_the_same_id_is_used_and_answers(tmp_path: Path, state: str) -> None:
    """Project A's key is out of quota; project B (same pool and id, its own healthy key) calls and gets its answer."""
    scenario = Scenario.model_validate({"keys": [{"key": THEIRS, "label": "theirs", "exhausted_for": 3600},
                                                 {"key": OURS, "label": "ours"}]})
    with Emulator(scenario) as emu:
        theirs, ours = _project(tmp_path, "a", state, THEIRS, emu), _project(tmp_path, "b", state, OURS, emu)
        assert not build_loop(load_config(theirs)).run("hi").ok
        assert _rows(theirs)["main"]["status"] == "exhausted"
        events: list[Any] = []
        result = build_loop(load_config(ours), hooks=(events.append,)).run("hi")
        assert result.ok and emu.calls(key="ours", status=200) == 1
        assert not build_loop(load_config(theirs)).run("again").ok and emu.calls(key="theirs") == 1  # still cooling
    assert {getattr(e, "credential_id", None) for e in events} - {None} == {"main"}  # labels stay the id
    assert [a.credential_id for a in result.attempts] == ["main"]
    assert _rows(ours)["main"]["status"] == "available" and _rows(theirs)["main"]["status"] == "exhausted"
    assert _rows(ours)["main"]["fingerprint"] != _rows(theirs)["main"]["fingerprint"]


def test_a_replaced_revoked_key_is_not_dead(tmp_path: Path, state: str) -> None:
    """A revoked key makes "main" dead; the user puts a new key under the same id and the next turn answers."""
    scenario = Scenario.model_validate({"rules": [{"match": {"key": THEIRS}, "respond": "error",
                                                   "shape": "openai_account_deactivated"}]})
    with Emulator(scenario) as emu:
        config = _project(tmp_path, "p", state, THEIRS, emu)
        assert not build_loop(load_config(config)).run("hi").ok
        assert _rows(config)["main"]["status"] == "dead"
        config = _project(tmp_path, "p", state, OURS, emu)  # the same file, the key replaced
        assert _rows(config)["main"]["status"] == "available"
        assert build_loop(load_config(config)).run("hi").ok and emu.calls(status=200) == 1


def test_pool_reset_of_an_id_clears_only_its_current_key(tmp_path: Path, state: str) -> None:
    """`pool reset main` clears this project's key; another project's key under the same id stays as it was."""
    scenario = Scenario.model_validate({"rules": [{"respond": "error", "shape": "openai_account_deactivated"}]})
    with Emulator(scenario) as emu:
        theirs, ours = _project(tmp_path, "a", state, THEIRS, emu), _project(tmp_path, "b", state, OURS, emu)
        for config in (theirs, ours):
            build_loop(load_config(config)).run("hi")
    assert _rows(theirs)["main"]["status"] == _rows(ours)["main"]["status"] == "dead"
    assert main(["pool", "reset", "main", "--config", str(ours)], out=io.StringIO()) == 0
    assert _rows(ours)["main"]["status"] == "available" and _rows(theirs)["main"]["status"] == "dead"


def test_rows_from_before_the_upgrade_are_ignored_and_pool_reset_clears_them(tmp_path: Path) -> None:
    """A dead row keyed by the bare id (written before state was keyed by fingerprint) does not block the key;
    `pool reset` with no id clears it too."""
    path = tmp_path / "state.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO credential_state (pool, id, dead, reason) VALUES ('main', 'main', 1, 'auth')")
    pool = CredentialPool("main", [Credential(id="main", secret=SecretStr(OURS))], store=SQLiteStore(path))
    with pool.acquire("gpt-4o") as lease:
        assert lease.credential.id == "main"
    config = tmp_path / "p.toml"
    config.write_text(f'[state]\npath = "{path}"\n[pools.main]\n[[pools.main.credentials]]\nid = "main"\n'
                      f'key = "{OURS}"\n')
    assert _rows(config)["main"]["status"] == "available"
    assert main(["pool", "reset", "--config", str(config)], out=io.StringIO()) == 0
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT dead FROM credential_state WHERE id = 'main'").fetchone() == (0,)


@pytest.mark.parametrize("secret", [
    "sk-proj-" + "A1b2" * 12,  # OpenAI-shaped
    "0123456789abcdef0123456789abcdef",  # hex, the fingerprint's own alphabet
    "abc123",  # as short as a registered secret may be
    "k" * 500,  # long
    "AKIAIOSFODNN7EXAMPLE/wJalrXUtnFEMI",  # not sk-shaped
])
def test_the_fingerprint_never_shows_the_secret(secret: str) -> None:
    """12 hex digits of a keyed hash: never the secret or a piece of it, not a plain SHA-256 of it, and it changes
    with the secret."""
    cred = Credential(id="main", secret=SecretStr(secret))
    fp = cred.fingerprint
    assert len(fp) == 12 and set(fp) <= set("0123456789abcdef") and cred.state_key == f"main@{fp}"
    assert fp != secret and secret not in cred.state_key and fp not in secret
    assert not any(secret[i:i + 4] in fp for i in range(len(secret) - 3))
    assert fp not in hashlib.sha256(secret.encode()).hexdigest() and fp not in hashlib.md5(secret.encode()).hexdigest()
    assert fp != Credential(id="main", secret=SecretStr(secret + "x")).fingerprint
    assert fp == state_fingerprint(secret) == Credential(id="other", secret=SecretStr(secret)).fingerprint
    assert secret not in repr(cred) and secret not in str(cred.model_dump())


def test_an_unlabelled_credential_is_named_by_its_state_fingerprint() -> None:
    """One hash of a secret, never two: an unlabelled credential's ``fp-`` name is the start of the fingerprint
    ``pool list`` shows, and no plain SHA-256 of the key is published."""
    secret = "sk-proj-" + "Z9y8" * 12
    cred = Credential(secret=SecretStr(secret))
    assert cred.id == "fp-" + cred.fingerprint[:10]
    assert cred.id[3:] not in hashlib.sha256(secret.encode()).hexdigest()


def test_a_credential_with_its_own_identity_keeps_its_state_across_secrets(tmp_path: Path) -> None:
    """A rotating token with a stable ``state_identity`` keeps its cooldown when its secret changes; another
    identity starts fresh; a subclass may supply the identity from elsewhere."""
    from agent import classify_api_error
    from agent.testing.error_shapes import SHAPES
    from agent.testing.sdk_errors import exception_for

    class Minted(Credential):
        def identity_material(self) -> str:
            return "tenant-7/client-9"

    store = SQLiteStore(tmp_path / "state.db")

    def pool(secret: str, identity: str | None) -> CredentialPool:
        cred = Credential(id="tok", secret=SecretStr(secret), state_identity=identity)
        return CredentialPool("p", [cred], store=store)

    quota = classify_api_error(exception_for(next(s for s in SHAPES if s.id == "openai_insufficient_quota")))
    first = pool("token-one-0123456789", "acct-1")
    with first.acquire("m") as lease:
        first.report(lease, quota)
    with pytest.raises(NoCredentialAvailable):
        pool("token-two-0123456789", "acct-1").acquire("m")  # refreshed token, same account: still out of quota
    pool("token-two-0123456789", "acct-2").acquire("m").release()
    pool("token-two-0123456789", None).acquire("m").release()  # no identity: the secret's own fingerprint
    minted = [Minted(id="tok", secret=SecretStr(s)) for s in ("token-a-0123456789", "token-b-0123456789")]
    assert minted[0].state_key == minted[1].state_key == f"tok@{state_fingerprint('tenant-7/client-9')}"


def test_state_identity_is_configurable_and_an_empty_one_is_an_error(tmp_path: Path) -> None:
    """[[pools.P.credentials]] state_identity reaches the credential; an empty one names the field."""
    from agent.config import ConfigError, readable_credentials

    one = {"id": "a", "key": "sk-identity-0123", "state_identity": "acct"}
    config = load_config({"pools": {"p": {"credentials": [one]}}})
    cred = readable_credentials("p", config.pools["p"], {})[0][0]
    assert cred.state_key == f"a@{state_fingerprint('acct')}"
    with pytest.raises(ConfigError, match=r"pools\.p\.credentials\.0\.state_identity: state_identity is empty"):
        load_config({"pools": {"p": {"credentials": [{**one, "state_identity": " "}]}}})


def test_a_key_that_cannot_be_read_here_is_listed_as_unknown_and_cannot_be_reset_by_id(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """State is found by the key's fingerprint: without the key, `pool list` says so and `pool reset ID` refuses."""
    monkeypatch.delenv("STATEKEY_TEST_KEY", raising=False)
    config = tmp_path / "p.toml"
    config.write_text(f'[state]\npath = "{tmp_path / "s.db"}"\n[pools.main]\n[[pools.main.credentials]]\n'
                      'id = "main"\nkey_env = "STATEKEY_TEST_KEY"\n')
    row = _rows(config)["main"]
    assert row["status"] == "unknown" and row["fingerprint"] is None and "STATEKEY_TEST_KEY" in row["reason"]
    out = io.StringIO()
    assert main(["pool", "list", "--config", str(config)], out=out) == 0
    assert "unknown" in out.getvalue() and "STATEKEY_TEST_KEY" in out.getvalue()
    assert main(["pool", "reset", "main", "--config", str(config)], out=io.StringIO()) == 2
    assert "cannot be read here" in capsys.readouterr().err


def test_a_cloud_credential_without_a_secret_is_keyed_by_its_cloud_identity() -> None:
    """Entra/Google credentials whose tokens come later: the fingerprint hashes their stable cloud identity, so the
    state survives every token; a different command or file is a different key."""
    from agent.platforms.auth import EntraAuth, GoogleAuth

    az = ("az", "account", "get-access-token")
    entra = Credential(id="azure", kind="entra", auth=EntraAuth(command=az))
    assert entra.state_key == Credential(id="azure", kind="entra", auth=EntraAuth(command=az)).state_key
    assert entra.fingerprint == state_fingerprint(EntraAuth(command=az).identity())
    assert entra.fingerprint != Credential(id="azure", kind="entra", auth=EntraAuth(command=(*az, "-o", "tsv"))
                                           ).fingerprint
    adc, file = (Credential(id="g", kind="google", auth=GoogleAuth(credentials_file=f))
                 for f in (None, Path("/sa.json")))
    assert adc.fingerprint != file.fingerprint and len({adc.state_key, file.state_key, entra.state_key}) == 3
