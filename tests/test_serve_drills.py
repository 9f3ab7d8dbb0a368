"""Every drill scenario through steadyloop serve, plain and streamed, on all three routes, with the real SDKs.

Each scenario's ``[drill]`` section gives the keys and the fallback model; the gateway routes one
client model name to the primary and the fallback entry. What the client must see differs from
the library's drill verdict in two honest ways: a stream that fails after its first content event
cannot be restarted by a gateway (the client gets the protocol's error: ``cut``), and a request
the library would repair (an assistant prefill the fallback refuses) is the client's own body, so
the gateway gives up with a status instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import anthropic
import openai
import pytest

from agent.config import load_config
from agent.drill import drill_spec
from agent.serve.testing import Served
from agent.testing.emulator import Emulator, load_scenario

from .test_serve import APIS, FULL, Waits, ask, kind

OK, CUT, CLEAN = "ok", "cut", "clean"  # clean: the fault only exists for streams, a plain request meets none
ANTHROPIC, OPENAI = ["anthropic-messages"], ["openai-chat", "openai-responses"]
# scenario: (apis, plain, streamed); a number is the HTTP status of the give-up
EXPECT: dict[str, tuple[list[str], str | int, str | int]] = {
    "healthy": (APIS, OK, OK),
    "all_keys_exhausted": (APIS, 429, 429),
    "anthropic_out_of_extra_usage": (ANTHROPIC, OK, OK),
    "codex_soft_quota": (OPENAI, OK, OK),
    "content_policy": (APIS, 400, 400),
    "context_overflow": (APIS, 400, 400),  # the library compresses; a client's body is not ours to shrink
    "midstream_overloaded": (ANTHROPIC, CLEAN, CUT),
    "model_support_422": (APIS, OK, OK),
    "outage_429_retry_after": (APIS, OK, OK),
    "outage_429_storm": (APIS, OK, OK),
    "outage_500_once": (APIS, OK, OK),
    "outage_503_persistent": (APIS, OK, OK),
    "outage_content_filter": (APIS, 400, 400),
    "outage_context_length": (APIS, OK, OK),
    "outage_endpoint_down_60s": (APIS, OK, OK),
    "outage_fallback_rejects_prefill": (["anthropic-messages"], 529, 529),
    "outage_first_byte_late": (APIS, OK, OK),
    "outage_malformed_chunk": (APIS, OK, CUT),
    "outage_message_too_big": (APIS, OK, OK),
    "outage_model_support": (APIS, OK, OK),
    "outage_reset_before_headers": (APIS, OK, OK),
    "outage_silent_upstream": (APIS, OK, OK),
    "outage_stall_mid_stream": (APIS, OK, CUT),
    "outage_stream_no_terminal": (APIS, OK, CUT),
    "overloaded_storm": (ANTHROPIC, OK, OK),
    "rate_limit_window": (APIS, OK, OK),
    "transient_400": (APIS, OK, OK),
}
CASES = [(name, api, stream, expected) for name, (apis, plain, streamed) in EXPECT.items() for api in apis
         for stream, expected in ((False, plain), (True, streamed))]


@pytest.fixture(scope="module")
def gateway() -> Iterator[Served]:
    """One gateway server for the module; each case swaps in a fresh gateway (pools, state) for its scenario."""
    with Emulator("healthy") as emu, Served(_config(emu, "healthy", "openai-chat"), sleep=Waits()) as served:
        yield served


def _phase_timeouts(name: str) -> dict[str, float]:
    """A short timeout only for the phase the scenario's fault sits in (a silent or late upstream: the first byte;
    a stall: the silence between chunks), met in 0.8 s, not 30 (drill time's role); every other phase gets 5 s.
    A loaded machine (CI: two cores, every test worker busy) once paused a loopback Responses stream for longer than
    0.4 s before its first content event; the short idle timeout every scenario had then read the pause as the fault,
    and the fallback answered cleanly a stream the case expects cut."""
    rules = load_scenario(name).rules
    late = any(r.delay or r.respond == "hang" for r in rules)
    stalls = any(r.respond == "stream_stall" for r in rules)
    return {"first_token_timeout": SHORT if late else LONG, "idle_timeout": SHORT if stalls else LONG}


SHORT, LONG = 0.8, 5.0


def _config(emu: Emulator, name: str, api: str) -> Any:
    spec = drill_spec(load_scenario(name))
    entry = {"api": api, "base_url": emu.base_url(kind(api)), "timeout": LONG, "connect_timeout": 1,
             **_phase_timeouts(name)}
    chain = [{**entry, "model": spec.model, "pool": "primary"}]
    pools = {"primary": {"credentials": [{"id": f"p{i + 1}", "key": k} for i, k in enumerate(spec.keys)]}}
    if spec.fallback_model:
        chain.append({**entry, "model": spec.fallback_model, "pool": "fallback"})
        keys = spec.fallback_keys or spec.keys
        pools["fallback"] = {"credentials": [{"id": f"f{i + 1}", "key": k} for i, k in enumerate(keys)]}
    return load_config({"state": {"backend": "memory"}, "pools": pools, "chain": chain,
                        "routes": {"drill": {"chain": [e["model"] for e in chain]}}})


def _messages(name: str) -> list[dict[str, Any]]:
    """The drill's conversation: filler history, the prompt, and a prefill when the scenario has one."""
    spec = drill_spec(load_scenario(name))
    history = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"earlier message {i} " * 20}
               for i in range(spec.history_messages)]
    messages = [*history, {"role": "user", "content": " ".join([spec.prompt] * spec.prompt_repeat)}]
    return messages + ([{"role": "assistant", "content": spec.prefill}] if spec.prefill else [])


@pytest.mark.parametrize(("name", "api", "stream", "expected"), CASES,
                         ids=[f"{n}-{a}-{'streamed' if s else 'plain'}" for n, a, s, _ in CASES])
def test_drill_through_the_gateway(gateway: Served, name: str, api: str, stream: bool, expected: str | int) -> None:
    """The client sees a clean answer, the protocol's error after a cut, or the classified give-up status."""
    turns = drill_spec(load_scenario(name)).turns
    with Emulator(name) as emu:
        gateway.use(_config(emu, name, api))
        for _ in range(turns - 1):  # the earlier turns of a stateful scenario (a rate window filling up)
            ask(gateway.url, api, stream=stream, model="drill", messages=_messages(name))
        if expected in (OK, CLEAN):
            text, headers = ask(gateway.url, api, stream=stream, model="drill", messages=_messages(name))
            assert text == FULL and emu.wait_for_calls(int(headers["x-steadyloop-attempts"]))
        elif expected == CUT:
            with pytest.raises((anthropic.APIError, openai.APIError, RuntimeError)):  # never a clean end
                ask(gateway.url, api, stream=True, model="drill", messages=_messages(name))
        else:
            with pytest.raises((anthropic.APIStatusError, openai.APIStatusError)) as caught:
                ask(gateway.url, api, stream=stream, model="drill", messages=_messages(name))
            response = caught.value.response
            assert response.status_code == expected
            assert emu.wait_for_calls(int(response.headers["x-steadyloop-attempts"]))
        faults = [r for r in emu.log if r.outcome != "reply" or r.cause != "success"]
        # a drill whose fault never fired proves nothing
        assert bool(faults) is (name != "healthy" and expected != CLEAN)
