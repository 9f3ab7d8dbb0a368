"""Drills: run the emulator's named scenarios through the real loop and judge what happened.

For each scenario, a fresh emulator and in-memory pools are built from its ``[drill]`` section
(a ``DrillSpec``); the loop runs the configured turns with the real SDKs over loopback, streamed
when the spec (or a streamed-only fault of the scenario) says so. A drill passes only when all
of these hold, and each failed one is named in ``DrillReport.problems``:

1. the final status is the one expected;
2. the upstream calls made equal the minimum the scenario allows;
3. the emulator's log shows at least ``expect_faults`` faults served (a drill whose fault never
   fired proves nothing, so it fails);
4. the loop's record accounts for every upstream call, and each call the emulator answered with a
   fault is an attempt the loop recorded as a failure and acted on.

Waits are recorded, not slept (``real_time=True`` sleeps them).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from .chain import Api
from .conversation import Message
from .credential_pool import Credential, CredentialPool
from .ladder import LadderPolicy
from .results import Attempt, TurnResult
from .stores import MemoryStore
from .testing.emulator import Emulator, RequestRecord, Scenario, ScenarioError, list_scenarios, load_scenario

__all__ = ["DrillReport", "DrillSpec", "run_drill", "run_drills"]

_ANSWERED = frozenset({"ok", "tool_calls"})  # attempt outcomes that are not failures


class DrillSpec(BaseModel):
    """A scenario's ``[drill]`` section: how the loop meets it and what counts as a pass."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    api: Api
    model: str
    keys: tuple[str, ...] = Field(min_length=1, description="the primary pool's keys, in order")
    fallback_model: str | None = Field(None, description="a second chain entry on the same API")
    fallback_keys: tuple[str, ...] | None = Field(None, description="its pool's keys (default: keys)")
    prompt: str = "Say hello."
    turns: int = Field(1, ge=1, description="turns run one after another on the same pools")
    history_messages: int = Field(0, ge=0, description="filler messages before the prompt")
    stream: bool | None = Field(None, description="stream the turns (default: when a fault needs streaming)")
    on_partial_stream: Literal["stop", "restart"] = "stop"
    expect_status: str = Field(description="the last turn's status, for example ok or quota_exhausted")
    min_calls: int = Field(ge=1, description="the fewest upstream calls that can reach that status")
    expect_faults: int = Field(1, ge=0, description="faults the emulator must serve (0 only for a healthy run)")


@dataclass(slots=True)
class DrillReport:
    """What a drill saw, and why it passed or failed."""

    scenario: str
    description: str
    expected_status: str
    status: str
    calls: int
    min_calls: int
    seconds: float
    waited: float
    turns: list[TurnResult] = field(default_factory=list)
    faults: int = 0  # calls the emulator answered with a fault
    streamed: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario, "passed": self.passed, "status": self.status,
            "expected_status": self.expected_status, "calls": self.calls, "min_calls": self.min_calls,
            "faults": self.faults, "streamed": self.streamed, "problems": list(self.problems),
            "seconds": round(self.seconds, 3), "waited": round(self.waited, 3),
            "timeline": [a.model_dump(mode="json") for turn in self.turns for a in turn.attempts],
            "final_response": self.turns[-1].final_response if self.turns else "",
        }


def drill_spec(scenario: Scenario) -> DrillSpec:
    """The scenario's validated ``[drill]`` section; errors name the field."""
    if not scenario.drill:
        raise ScenarioError(f"scenario {scenario.name!r} has no [drill] section (api, model, keys, expect_status, "
                            "min_calls)")
    try:
        return DrillSpec.model_validate(scenario.drill)
    except ValidationError as err:
        problems = "; ".join(f"drill.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors())
        raise ScenarioError(f"scenario {scenario.name!r}: invalid [drill]: {problems}") from err


def _needs_streaming(scenario: Scenario) -> bool:
    """True when some fault of the scenario is served to streamed calls only."""
    return any(rule.match.streamed is True or rule.respond in ("stream_error", "stream_cut")
               for rule in scenario.rules if rule.respond != "reply")


def _pool(name: str, keys: Sequence[str]) -> CredentialPool:
    creds = [Credential(id=f"key{i + 1}", secret=SecretStr(key)) for i, key in enumerate(keys)]
    return CredentialPool(name, creds, store=MemoryStore())


def _loop(spec: DrillSpec, emu: Emulator, waits: list[float], real_time: bool) -> Any:
    from .conversation_loop import ChainEntry, ConversationLoop

    base = emu.base_url("anthropic" if spec.api == "anthropic-messages" else "openai")
    chain = [ChainEntry(api=spec.api, model=spec.model, pool="primary", base_url=base, timeout=10)]
    pools = {"primary": _pool("primary", spec.keys)}
    if spec.fallback_model:
        chain.append(ChainEntry(api=spec.api, model=spec.fallback_model, pool="fallback", base_url=base, timeout=10))
        pools["fallback"] = _pool("fallback", spec.fallback_keys or spec.keys)

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if real_time:
            time.sleep(seconds)

    policy = LadderPolicy(max_wait_seconds=60, on_partial_stream=spec.on_partial_stream)
    return ConversationLoop(chain, pools, policy=policy, sleep=sleep, hooks=())


def _turn(loop: Any, prompt: str, history: tuple[Message, ...], streamed: bool) -> TurnResult:
    if not streamed:
        result: TurnResult = loop.run(prompt, history=history)
        return result
    final = None
    for event in loop.stream(prompt, history=history):
        final = event if isinstance(event, TurnResult) else final
    if final is None:  # pragma: no cover - stream() always ends with the TurnResult
        raise RuntimeError("the streamed turn ended without a result")
    return final


def judge(spec: DrillSpec, status: str, log: Sequence[RequestRecord], attempts: Sequence[Attempt]) -> list[str]:
    """Why a drill fails (empty: it passed): status, cost, the fault served, and the fault handled."""
    problems = []
    if status != spec.expect_status:
        problems.append(f"status {status}, expected {spec.expect_status}")
    if len(log) != spec.min_calls:
        problems.append(f"{len(log)} upstream call(s), the minimum is {spec.min_calls}")
    faults = [r for r in log if r.outcome != "reply"]
    if len(faults) < spec.expect_faults:
        problems.append(f"the emulator served {len(faults)} fault(s), the scenario needs {spec.expect_faults}: "
                        "the drill never met what it rehearses")
    if len(attempts) != len(log):
        problems.append(f"the loop recorded {len(attempts)} attempt(s) for {len(log)} upstream call(s)")
        return problems
    for record, attempt in zip(log, attempts, strict=True):
        failed = attempt.outcome not in _ANSWERED
        if (record.outcome != "reply") != failed:
            problems.append(f"call {record.seq}: the emulator answered {record.outcome} ({record.cause}) but the "
                            f"loop recorded {attempt.outcome} ({attempt.action})")
    return problems


def run_drill(scenario: str | Path | dict[str, Any] | Scenario, *, real_time: bool = False) -> DrillReport:
    """Run one scenario (a shipped name, a file, a dict or a Scenario) through the loop and judge it."""
    loaded = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    spec = drill_spec(loaded)
    streamed = spec.stream if spec.stream is not None else _needs_streaming(loaded)
    waits: list[float] = []
    with Emulator(loaded) as emu:
        loop = _loop(spec, emu, waits, real_time)
        history = tuple(Message(role="user" if i % 2 == 0 else "assistant", text=f"earlier message {i} " * 20)
                        for i in range(spec.history_messages))
        started = time.monotonic()
        turns = [_turn(loop, spec.prompt, history, streamed) for _ in range(spec.turns)]
        seconds, log = time.monotonic() - started, emu.log
    status = turns[-1].status.value
    # records without a credential are decisions without a call (waiting for or skipping an empty pool)
    attempts = [a for turn in turns for a in turn.attempts if a.credential_id is not None]
    return DrillReport(loaded.name, loaded.description, spec.expect_status, status, len(log), spec.min_calls,
                       seconds, sum(waits), turns, faults=sum(r.outcome != "reply" for r in log),
                       streamed=streamed, problems=judge(spec, status, log, attempts))


def run_drills(names: Sequence[str] | None = None, *, real_time: bool = False) -> list[DrillReport]:
    """Run the named scenarios (all shipped ones by default)."""
    return [run_drill(n, real_time=real_time) for n in (names or list(list_scenarios()))]
