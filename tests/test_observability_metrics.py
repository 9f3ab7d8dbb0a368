"""agent.observability.metrics: scrape the hook's registry and its /metrics endpoint after real drills."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from types import MappingProxyType

import pytest
from prometheus_client.parser import text_string_to_metric_families

from agent.cooldown import CredentialState, Suspension
from agent.observability import Metrics
from agent.observability.metrics import multiprocess_registry
from agent.testing.emulator import Emulator, Scenario
from tests.drills import KEYS, PROMPT, drill_loop, drill_scenario
from tests.test_conversation_loop import entry, make_loop, pool

Sample = tuple[str, tuple[tuple[str, str], ...]]


def samples(text: str) -> dict[Sample, float]:
    """Every sample of an exposition, keyed by name and sorted labels."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def _drilled() -> tuple[Metrics, str]:
    with drill_scenario() as emu:
        loop = drill_loop(emu, [])
        metrics = Metrics(pools={"main": (loop.pools["main"], ["a"]), "alt": (loop.pools["alt"], ["b"])})
        loop.hooks = (metrics,)
        assert loop.run(PROMPT, session="s").ok
    return metrics, metrics.exposition().decode()


def test_counters_after_a_rotate_retry_fallback_turn() -> None:
    """One turn: turns, attempts per action, one fallback, one cooldown, one planned wait, one turn duration."""
    _, text = _drilled()
    got = samples(text)
    assert got[("steadyloop_turns_total", (("reason", "none"), ("status", "ok")))] == 1
    attempts = {labels: v for (name, labels), v in got.items() if name == "steadyloop_attempts_total"}
    assert attempts == {
        (("action", "rotate"), ("model", "a"), ("provider", "openai"), ("reason", "rate_limit")): 1,
        (("action", "retry"), ("model", "a"), ("provider", "openai"), ("reason", "overloaded")): 1,
        (("action", "fallback"), ("model", "a"), ("provider", "openai"), ("reason", "server_error")): 1,
        (("action", "answered"), ("model", "b"), ("provider", "openai"), ("reason", "ok")): 1}
    assert got[("steadyloop_fallbacks_total", (("from_model", "a"), ("reason", "server_error"),
                                               ("to_model", "b")))] == 1
    assert got[("steadyloop_cooldowns_total", (("reason", "rate_limit"), ("scope", "credential")))] == 1
    assert (got[("steadyloop_wait_seconds_count", ())], got[("steadyloop_wait_seconds_sum", ())]) == (1, 2.0)
    assert got[("steadyloop_wait_seconds_bucket", (("le", "1.0"),))] == 0
    assert got[("steadyloop_wait_seconds_bucket", (("le", "2.5"),))] == 1
    assert got[("steadyloop_turn_seconds_count", ())] == 1
    assert got[("steadyloop_stream_truncations_total", ())] == 0


def test_credential_state_gauges_read_the_shared_store() -> None:
    """The rate-limited key reads 1 (cooling) for its model; the others 0."""
    _, text = _drilled()
    gauges = {labels: v for (name, labels), v in samples(text).items() if name == "steadyloop_credential_state"}
    assert gauges == {(("credential", "main-1"), ("model", "a"), ("pool", "main")): 1,
                      (("credential", "main-2"), ("model", "a"), ("pool", "main")): 0,
                      (("credential", "alt-1"), ("model", "b"), ("pool", "alt")): 0}


def test_no_key_or_prompt_in_the_exposition() -> None:
    """Label values are ids, models and closed sets: no key and no prompt text anywhere in /metrics."""
    _, text = _drilled()
    assert "main-1" in text and not any(k in text for k in KEYS) and "PROMPT-MARKER" not in text


def test_the_opt_in_endpoint_serves_the_registry() -> None:
    """serve() binds loopback; GET /metrics answers the same samples as the registry."""
    metrics, _ = _drilled()
    port = metrics.serve(0)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
            body = answer.read().decode()
    finally:
        metrics.close()
    assert samples(body)[("steadyloop_turns_total", (("reason", "none"), ("status", "ok")))] == 1


def test_a_stream_cut_after_text_counts_as_a_truncation() -> None:
    """Each stream that fails after text was shown increments steadyloop_stream_truncations_total."""
    metrics = Metrics()
    rule = {"respond": "stream_error", "after_chunks": 2, "error_type": "overloaded_error", "message": "Overloaded"}
    with Emulator(Scenario.model_validate({"rules": [rule]})) as emu:
        loop = make_loop([entry(emu, "anthropic-messages", "m")], {"main": pool("main", "k1")}, hooks=[metrics])
        list(loop.stream("hi"))
        cut = emu.calls()  # every stream of this scenario breaks after two text chunks
    got = samples(metrics.exposition().decode())
    assert cut >= 1 and got[("steadyloop_stream_truncations_total", ())] == cut
    assert got[("steadyloop_turns_total", (("reason", "overloaded"), ("status", "provider_unavailable")))] == 1


NOW = 1_000.0


@pytest.mark.parametrize(("state", "model", "value"), [
    (CredentialState("k"), "m", 0),
    (CredentialState("k", cool_until=NOW + 5, reason="rate_limit"), "m", 1),
    (CredentialState("k", cool_until=NOW + 5, reason="billing"), "m", 1),  # exhausted: cooling until reset
    (CredentialState("k", cool_until=NOW - 5, reason="rate_limit"), "m", 0),  # cooldown over
    (CredentialState("k", suspensions=MappingProxyType({"m": Suspension(NOW + 5, "model_not_found")})), "m", 2),
    (CredentialState("k", suspensions=MappingProxyType({"m": Suspension(NOW + 5, "model_not_found")})), "n", 0),
    (CredentialState("k", dead=True, suspensions=MappingProxyType({"m": Suspension(NOW + 5, "x")})), "m", 3),
])
def test_credential_gauge_values(state: CredentialState, model: str, value: int) -> None:
    """0 ok, 1 cooling (or exhausted), 2 suspended for that model only, 3 dead (wins over the rest)."""
    from agent.observability import credential_gauge

    assert credential_gauge(state, model, NOW) == value


_WORKER = """
from agent.events import TurnFinished
from agent.observability import Metrics
metrics = Metrics()
for _ in range({n}):
    metrics(TurnFinished("ok", "m", 1, 0.2))
"""


def test_workers_in_multiprocess_mode_add_up_in_one_scrape(tmp_path: Path) -> None:
    """Two worker processes with PROMETHEUS_MULTIPROC_DIR: one scrape sums their counters and histograms."""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    for n in (2, 3):
        subprocess.run([sys.executable, "-c", _WORKER.format(n=n)], env=env, check=True)
    from prometheus_client import generate_latest

    got = samples(generate_latest(multiprocess_registry(str(tmp_path))).decode())
    assert got[("steadyloop_turns_total", (("reason", "none"), ("status", "ok")))] == 5
    assert got[("steadyloop_turn_seconds_count", ())] == 5


def test_pool_list_prometheus_prints_the_credential_gauges(tmp_path: Path) -> None:
    """`pool list --prometheus` reads the shared store: the exhausted key is 1 for each chain model; no key shown."""
    import io

    from agent import classify_api_error
    from agent.cli import main
    from agent.config import load_config, open_state, resolve_pool
    from agent.testing.error_shapes import SHAPES
    from agent.testing.sdk_errors import exception_for

    path = tmp_path / "steadyloop.toml"
    path.write_text(f'[state]\nbackend = "sqlite"\npath = "{tmp_path / "s.db"}"\n[pools.anthropic]\n'
                    '[[pools.anthropic.credentials]]\nid = "one"\nkey = "sk-ant-1111111"\n'
                    '[[pools.anthropic.credentials]]\nid = "two"\nkey = "sk-ant-2222222"\n'
                    '[[chain]]\napi = "anthropic-messages"\nmodel = "claude-haiku-4-5"\npool = "anthropic"\n'
                    '[[chain]]\napi = "anthropic-messages"\nmodel = "claude-sonnet-4-5"\npool = "anthropic"\n')
    config = load_config(str(path))
    pool = resolve_pool("anthropic", config.pools["anthropic"], open_state(config.state))
    with pool.acquire("claude-haiku-4-5") as lease:
        shape = next(s for s in SHAPES if s.id == "anthropic_out_of_extra_usage")
        pool.report(lease, classify_api_error(exception_for(shape)))
    out = io.StringIO()
    assert main(["pool", "list", "--prometheus", "--config", str(path)], out=out) == 0
    gauges = {dict(labels)["credential"] + "/" + dict(labels)["model"]: v
              for (name, labels), v in samples(out.getvalue()).items() if name == "steadyloop_credential_state"}
    assert gauges == {"one/claude-haiku-4-5": 1, "one/claude-sonnet-4-5": 1,
                      "two/claude-haiku-4-5": 0, "two/claude-sonnet-4-5": 0}
    assert "sk-ant" not in out.getvalue()
