"""Two `steadyloop serve` processes on one real Redis: what one learns about a key, the other obeys."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2

from .test_serve import FULL, HI, openai_client, scenario


@contextmanager
def _serve(config: Path, env: dict[str, str]) -> Iterator[str]:
    """`steadyloop serve` as its own process on a free port; yields its URL (printed once it listens)."""
    proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "serve", "--config", str(config), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        assert "listening on " in line, proc.stderr.read() if proc.poll() is not None else line
        yield line.split("listening on ")[1].split()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_a_key_exhausted_through_one_server_is_never_used_through_the_other(redis_url: str, tmp_path: Path) -> None:
    """Server A meets key one's quota error; server B (another process, same Redis) never sends key one again."""
    keys = [{"key": "sk-emu-one", "label": "one", "exhausted_for": 3600}, {"key": "sk-emu-two", "label": "two"}]
    with scenario(keys=keys) as emu:
        config = tmp_path / "steadyloop.toml"
        config.write_text(textwrap.dedent(f"""
            [state]
            backend = "redis"
            url_env = "STEADYLOOP_TEST_REDIS"
            prefix = "serve-fleet-{uuid.uuid4().hex[:8]}:"
            [pools.main]
            strategy = "fill_first"
            [[pools.main.credentials]]
            id = "k1"
            key = "sk-emu-one"
            [[pools.main.credentials]]
            id = "k2"
            key = "sk-emu-two"
            [[chain]]
            api = "openai-chat"
            model = "gpt-4o"
            pool = "main"
            base_url = "{emu.base_url('openai')}"
            [routes.r]
            chain = ["gpt-4o"]
        """))
        env = {**os.environ, "STEADYLOOP_TEST_REDIS": redis_url}
        with _serve(config, env) as a, _serve(config, env) as b:
            first = openai_client(a).chat.completions.with_raw_response.create(model="r", messages=HI)  # type: ignore[arg-type]
            assert first.parse().choices[0].message.content == FULL
            assert first.headers["x-steadyloop-served-by"] == "gpt-4o (k2)"
            for _ in range(3):
                answer = openai_client(b).chat.completions.with_raw_response.create(model="r", messages=HI)  # type: ignore[arg-type]
                assert answer.headers["x-steadyloop-served-by"] == "gpt-4o (k2)"
            seen_by_b = {r["id"]: r["status"] for r in httpx2.get(b + "/v0/status").json()["credentials"]}
        assert [r.key for r in emu.log] == ["one", "two", "two", "two", "two"]
    assert seen_by_b == {"k1": "exhausted", "k2": "available"}
