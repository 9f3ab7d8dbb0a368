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

Outage drills (``default_config = true``) run the loop exactly as a new user configures it: the
default ``LadderPolicy`` and default chain-entry timeouts. They run on drill time: the loop, the
pools and the emulator share a clock on which the recorded waits pass at once and real time runs
``1 / TIME_SCALE`` faster, while timeouts and the emulator's delays last ``TIME_SCALE`` times their
configured seconds. So a 30 s first-token timeout costs 1.5 s of real time and 30 s of drill
time; elapsed times are reported in drill seconds, against the scenario's ``optimum_seconds``.
Real overhead is magnified too (a 5 ms call shows as 0.1 s), so drill seconds slightly
overstate; SDK imports and client construction happen before the clock starts.
``real_time=True`` runs at scale 1 and sleeps every wait.
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

__all__ = ["TIME_SCALE", "DrillClock", "DrillReport", "DrillSpec", "run_drill", "run_drills"]

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
    max_calls: int | None = Field(None, ge=1, description="calls allowed (default: exactly min_calls, the optimum)")
    default_config: bool = Field(False, description="the default LadderPolicy and timeouts, on drill time")
    optimum_seconds: float = Field(0.0, ge=0, description="drill seconds a client that knew the fault would need")
    turn_interval: float = Field(0.0, ge=0, description="drill seconds between turns")
    prefill: str | None = Field(None, description="an assistant message after the prompt (a prefill)")
    prompt_repeat: int = Field(1, ge=1, description="the prompt repeated this often (an oversized message)")


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
    optimum_seconds: float = 0.0
    drill_time: bool = False  # seconds are drill seconds (time compressed by TIME_SCALE)

    @property
    def passed(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario, "passed": self.passed, "status": self.status,
            "expected_status": self.expected_status, "calls": self.calls, "min_calls": self.min_calls,
            "faults": self.faults, "streamed": self.streamed, "problems": list(self.problems),
            "seconds": round(self.seconds, 3), "waited": round(self.waited, 3),
            "optimum_seconds": self.optimum_seconds, "drill_time": self.drill_time,
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


TIME_SCALE = 0.05  # outage drills: one drill second lasts 50 ms of real time (timeouts, delays, stalls)


class DrillClock:
    """Drill time: real time ``1 / scale`` faster, plus every recorded wait at once."""

    def __init__(self, scale: float, real_time: bool) -> None:
        self.scale, self.real_time = scale, real_time
        self.waits: list[float] = []
        self._start, self._wall, self._skipped = time.monotonic(), time.time(), 0.0

    def __call__(self) -> float:
        """Monotonic drill seconds (the loop's clock)."""
        return (time.monotonic() - self._start) / self.scale + self._skipped

    def wall(self) -> float:
        """Drill time as epoch seconds (the pools' and the emulator's clock)."""
        return self._wall + self()

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.skip(seconds)

    def skip(self, seconds: float) -> None:
        if self.real_time:
            time.sleep(seconds * self.scale)
        else:
            self._skipped += seconds


def _pool(name: str, keys: Sequence[str], clock: DrillClock | None = None) -> CredentialPool:
    creds = [Credential(id=f"key{i + 1}", secret=SecretStr(key)) for i, key in enumerate(keys)]
    return CredentialPool(name, creds, store=MemoryStore(), clock=clock.wall if clock else time.time)


def _entries(spec: DrillSpec, base: str, scale: float) -> list[Any]:
    from .conversation_loop import ChainEntry

    models = [spec.model] + ([spec.fallback_model] if spec.fallback_model else [])
    if not spec.default_config:
        return [ChainEntry(api=spec.api, model=m, pool=p, base_url=base, timeout=10)
                for m, p in zip(models, ("primary", "fallback"), strict=False)]
    d = ChainEntry(api=spec.api, model=spec.model, pool="primary")  # the defaults, on drill time
    return [ChainEntry(api=spec.api, model=m, pool=p, base_url=base, timeout=d.timeout * scale,
                       connect_timeout=d.connect_timeout * scale, first_token_timeout=d.first_token_timeout * scale,
                       idle_timeout=d.idle_timeout * scale)
            for m, p in zip(models, ("primary", "fallback"), strict=False)]


def _loop(spec: DrillSpec, emu: Emulator, clock: DrillClock) -> Any:
    from .conversation_loop import ConversationLoop

    base = emu.base_url("anthropic" if spec.api == "anthropic-messages" else "openai")
    chain = _entries(spec, base, clock.scale)
    pools = {"primary": _pool("primary", spec.keys, clock if spec.default_config else None)}
    if spec.fallback_model:
        pools["fallback"] = _pool("fallback", spec.fallback_keys or spec.keys, clock if spec.default_config else None)
    if spec.default_config:
        return ConversationLoop(chain, pools, sleep=clock.sleep, clock=clock, hooks=())
    policy = LadderPolicy(max_wait_seconds=60, on_partial_stream=spec.on_partial_stream)
    return ConversationLoop(chain, pools, policy=policy, sleep=clock.sleep, hooks=())


_WARMED: set[tuple[str, bool]] = set()


def _warm(loop: Any, streamed: bool) -> None:
    """Import the SDKs, build the clients and run one call per API against a healthy emulator of its
    own, before the clock starts: on drill time a 1 s first-use import would count as 20 s."""
    from .adapters import ModelRequest, stream_call

    for entry in loop.chain:
        for cred in loop.pools[entry.pool].credentials:
            loop._adapters[entry.api].client(cred, cred.base_url or entry.base_url, entry.timeout)
    for api in {e.api for e in loop.chain} - {a for a, s in _WARMED if s == streamed}:
        adapter, cred = loop._adapters[api], loop.pools[loop.chain[0].pool].credentials[0]
        with Emulator("healthy") as emu:
            client = adapter.client(cred, emu.base_url("anthropic" if api == "anthropic-messages" else "openai"), 10)
            request = ModelRequest("warm-up", (Message.user("hi"),))
            if streamed:
                list(stream_call(adapter, client, request))
            else:
                adapter.call(client, request)
        _WARMED.add((api, streamed))


def _turn(loop: Any, prompt: str | Message, history: tuple[Message, ...], streamed: bool) -> TurnResult:
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
    if spec.max_calls is None and len(log) != spec.min_calls:
        problems.append(f"{len(log)} upstream call(s), the minimum is {spec.min_calls}")
    elif spec.max_calls is not None and not spec.min_calls <= len(log) <= spec.max_calls:
        problems.append(f"{len(log)} upstream call(s), allowed {spec.min_calls} to {spec.max_calls}")
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
    clock = DrillClock(TIME_SCALE if spec.default_config and not real_time else 1.0, real_time)
    with Emulator(loaded, clock=clock.wall if spec.default_config else time.time, time_scale=clock.scale) as emu:
        loop = _loop(spec, emu, clock)
        history = tuple(Message(role="user" if i % 2 == 0 else "assistant", text=f"earlier message {i} " * 20)
                        for i in range(spec.history_messages))
        prompt = " ".join([spec.prompt] * spec.prompt_repeat)
        ask: str | Message = prompt
        if spec.prefill is not None:  # the conversation ends with an assistant prefill
            history, ask = (*history, Message.user(prompt)), Message(role="assistant", text=spec.prefill)
        _warm(loop, streamed)
        started, turns = clock(), []
        for number in range(spec.turns):
            if number and spec.turn_interval:
                clock.skip(spec.turn_interval)
            turns.append(_turn(loop, ask, history, streamed))
        seconds, log = clock() - started, emu.log
    status = turns[-1].status.value
    # records without a credential are decisions without a call (waiting for or skipping an empty pool)
    attempts = [a for turn in turns for a in turn.attempts if a.credential_id is not None]
    return DrillReport(loaded.name, loaded.description, spec.expect_status, status, len(log), spec.min_calls,
                       seconds, sum(clock.waits), turns, faults=sum(r.outcome != "reply" for r in log),
                       streamed=streamed, problems=judge(spec, status, log, attempts),
                       optimum_seconds=spec.optimum_seconds, drill_time=spec.default_config and not real_time)


def run_drills(names: Sequence[str] | None = None, *, real_time: bool = False) -> list[DrillReport]:
    """Run the named scenarios (all shipped ones by default)."""
    return [run_drill(n, real_time=real_time) for n in (names or list(list_scenarios()))]
