"""SDKs load only when needed; isinstance checks against them work once they are loaded."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx2
import openai
import pytest

from agent._sdk import HttpxHeaders, SDKConnectionError, SDKStatusError, SDKTimeoutError
from agent.testing.emulator import Emulator

_HEAVY = ("openai", "anthropic", "httpx2", "boto3", "botocore", "google.auth", "requests")  # cloud extras too


def _loaded_after(code: str, cwd: Path, heavy: tuple[str, ...] = _HEAVY) -> list[str]:
    """The heavy modules a fresh interpreter has in sys.modules after running code."""
    probe = code + f"\nimport sys, json; print(json.dumps([m for m in {heavy!r} if m in sys.modules]))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=cwd)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def _config(tmp_path: Path, api: str, base_url: str) -> Path:
    path = tmp_path / "steadyloop.toml"
    path.write_text(textwrap.dedent(f"""
        [state]
        backend = "sqlite"
        path = "{tmp_path / 'state.db'}"
        [pools.main]
        [[pools.main.credentials]]
        id = "work"
        key = "sk-emu-one"
        [[chain]]
        api = "{api}"
        model = "gpt-4o"
        pool = "main"
        base_url = "{base_url}"
    """))
    return path


def test_import_agent_loads_no_sdk(tmp_path: Path) -> None:
    """import agent (the classifier included) loads neither SDK nor their HTTP library."""
    assert _loaded_after("import agent, agent.error_classifier", tmp_path) == []


def test_help_and_pool_list_load_no_sdk(tmp_path: Path) -> None:
    """steadyloop --help and pool list never load an SDK."""
    config = _config(tmp_path, "openai-chat", "http://127.0.0.1:9/v1")
    code = textwrap.dedent(f"""
        import contextlib, io
        from agent.cli import main
        with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
            main(["--help"])
        main(["pool", "list", "--config", {str(config)!r}], out=io.StringIO())
    """)
    assert _loaded_after(code, tmp_path) == []


@pytest.mark.parametrize(("flags", "loaded"), [([], []), (["--json"], []), (["--prometheus"], [])])
def test_pool_list_loads_neither_the_classifier_nor_the_events(tmp_path: Path, flags: list[str],
                                                               loaded: list[str]) -> None:
    """pool list (table, JSON, Prometheus) reads state and never classifies: ``import agent`` and the config
    models leave the classifier's modules unloaded, and the event types too (the metrics module loads them
    only for its hook, which --prometheus does not make) (issue 13: pool list under 0.3 s)."""
    config = _config(tmp_path, "openai-chat", "http://127.0.0.1:9/v1")
    code = textwrap.dedent(f"""
        import io
        from agent.cli import main
        assert main(["pool", "list", *{flags!r}, "--config", {str(config)!r}], out=io.StringIO()) == 0
    """)
    unwanted = ("agent.error_classifier", "agent._rules", "agent._facts", "agent._phrases", "agent.events")
    assert _loaded_after(code, tmp_path, unwanted) == loaded


@pytest.mark.parametrize(("api", "loaded"), [
    ("openai-chat", ["openai", "httpx2"]),
    ("anthropic-messages", ["anthropic", "httpx2"]),
])
def test_a_run_loads_only_its_own_sdk(api: str, loaded: list[str], tmp_path: Path) -> None:
    """A chain with one API loads that API's SDK only, and the turn still answers."""
    with Emulator("healthy") as emu:
        base = emu.base_url("anthropic" if api.startswith("anthropic") else "openai")
        config = _config(tmp_path, api, base)
        code = textwrap.dedent(f"""
            import io
            from agent.cli import main
            out = io.StringIO()
            assert main(["run", "Say hello.", "--config", {str(config)!r}], out=out) == 0, out.getvalue()
        """)
        assert sorted(_loaded_after(code, tmp_path)) == sorted(loaded)
        assert len(emu.log) == 1


@pytest.mark.parametrize(("body", "loaded"), [
    ('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', ["anthropic", "httpx2"]),
    ('{"error":{"message":"slow down","code":"rate_limit_exceeded"}}', ["httpx2", "openai"]),
])
def test_classify_loads_only_the_sdk_of_the_body(body: str, loaded: list[str], tmp_path: Path) -> None:
    """steadyloop classify replays the body through the one SDK it belongs to (an Anthropic error body through
    anthropic, any other through openai) and loads only that one: each SDK costs about a second to import."""
    code = textwrap.dedent(f"""
        import io
        from agent.cli import main
        out = io.StringIO()
        assert main(["classify", "--status", "529", "--json", "--body", {body!r}], out=out) == 0
        assert json.loads(out.getvalue())["reason"] in ("overloaded", "rate_limit"), out.getvalue()
    """)
    assert sorted(_loaded_after("import json\n" + code, tmp_path)) == loaded


def test_the_command_runs_without_the_sdks_aiohttp_transport(tmp_path: Path) -> None:
    """``python -m agent.cli run`` (the process entry, as the steadyloop script) never imports aiohttp: the
    SDK would load it for its own DefaultAioHttpClient, which no command but serve uses, and its import
    alone costs about a quarter of the SDK's (issue 13: run to its first byte under 1 s). The turn
    still answers and an error is still the SDK's typed one."""
    with Emulator("healthy") as emu:
        config = _config(tmp_path, "openai-chat", emu.base_url("openai"))
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "agent.cli", "run", "Say hello.",
                               "--config", str(config)], capture_output=True, text=True, cwd=tmp_path, check=True)
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "openai._client" in imported
    assert not {m for m in imported if m == "aiohttp" or m.startswith("aiohttp.")}
    assert done.stdout.strip() == "Hello from the steadyloop emulator."
    assert len(emu.log) == 1


@pytest.mark.parametrize(("argv", "own_process", "blocked"), [
    (["pool", "list", "--config", "CONFIG"], True, True),
    (["serve", "--hash-key"], True, False),  # the gateway's async clients are aiohttp ones
    (["pool", "list", "--config", "CONFIG"], False, False),  # main() in-process leaves the interpreter alone
])
def test_only_a_process_of_its_own_outside_serve_skips_the_sdk_aiohttp_transports(
        tmp_path: Path, argv: list[str], own_process: bool, blocked: bool) -> None:
    config = _config(tmp_path, "openai-chat", "http://127.0.0.1:9/v1")
    argv = [str(config) if a == "CONFIG" else a for a in argv]
    code = textwrap.dedent(f"""
        import io, sys
        from agent.cli import main
        assert main({argv!r}, out=io.StringIO(), own_process={own_process!r}) == 0
        import anthropic, openai
        print("aiohttp" in sys.modules, openai.DefaultAioHttpClient.__name__)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stdout.split() == (["False", "_MissingAioHttpClient"] if blocked else
                                   ["True", "_InstalledAioHttpClient"])


def test_virtual_classes_match_real_sdk_objects() -> None:
    """Real SDK exceptions and headers match the virtual classes; look-alikes and builtins do not."""
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    response = httpx2.Response(429, request=request, headers={"retry-after": "2"})
    status = openai.RateLimitError("slow down", response=response, body=None)
    assert isinstance(status, SDKStatusError) and not isinstance(status, SDKTimeoutError)
    assert isinstance(openai.APITimeoutError(request=request), SDKTimeoutError)
    assert isinstance(openai.APIConnectionError(request=request), SDKConnectionError)
    assert isinstance(httpx2.ConnectTimeout("x"), SDKTimeoutError)
    assert isinstance(response.headers, HttpxHeaders) and not isinstance({"a": "b"}, HttpxHeaders)
    assert not isinstance(ValueError("x"), SDKStatusError | SDKConnectionError)
