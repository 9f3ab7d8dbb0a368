"""Drills: run the emulator's named scenarios through the real loop and judge the cost.

For each scenario, a fresh emulator and in-memory pools are built from its ``[drill]`` section;
the loop runs the configured turns with the real SDKs over loopback; the verdict compares the
upstream calls made with the minimum the scenario allows, and the final status with the one
expected. Waits are recorded, not slept (``real_time=True`` sleeps them).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import SecretStr

from .conversation import Message
from .conversation_loop import ChainEntry, ConversationLoop
from .credential_pool import Credential, CredentialPool
from .ladder import LadderPolicy
from .results import TurnResult
from .stores import MemoryStore
from .testing.emulator import Emulator, list_scenarios

__all__ = ["DrillReport", "run_drill", "run_drills"]


@dataclass(slots=True)
class DrillReport:
    """What a drill saw."""

    scenario: str
    description: str
    expected_status: str
    status: str
    calls: int
    min_calls: int
    seconds: float
    waited: float
    turns: list[TurnResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.status == self.expected_status and self.calls == self.min_calls

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario, "passed": self.passed, "status": self.status,
            "expected_status": self.expected_status, "calls": self.calls, "min_calls": self.min_calls,
            "seconds": round(self.seconds, 3), "waited": round(self.waited, 3),
            "timeline": [a.model_dump(mode="json") for turn in self.turns for a in turn.attempts],
            "final_response": self.turns[-1].final_response if self.turns else "",
        }


def _pool(name: str, keys: Sequence[str]) -> CredentialPool:
    creds = [Credential(id=f"key{i + 1}", secret=SecretStr(key)) for i, key in enumerate(keys)]
    return CredentialPool(name, creds, store=MemoryStore())


def _loop(drill: dict[str, Any], emu: Emulator, waits: list[float], real_time: bool) -> ConversationLoop:
    api = drill["api"]
    base = emu.base_url("anthropic" if api == "anthropic-messages" else "openai")
    chain = [ChainEntry(api=api, model=drill["model"], pool="primary", base_url=base, timeout=10)]
    pools = {"primary": _pool("primary", drill["keys"])}
    if drill.get("fallback_model"):
        chain.append(ChainEntry(api=api, model=drill["fallback_model"], pool="fallback", base_url=base, timeout=10))
        pools["fallback"] = _pool("fallback", drill.get("fallback_keys", drill["keys"]))

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if real_time:
            time.sleep(seconds)

    return ConversationLoop(chain, pools, policy=LadderPolicy(max_wait_seconds=60), sleep=sleep, hooks=())


def run_drill(name: str, *, real_time: bool = False) -> DrillReport:
    """Run one named scenario through the loop."""
    waits: list[float] = []
    with Emulator(name) as emu:
        drill = emu.scenario.drill
        loop = _loop(drill, emu, waits, real_time)
        history = tuple(Message(role="user" if i % 2 == 0 else "assistant", text=f"earlier message {i} " * 20)
                        for i in range(int(drill.get("history_messages", 0))))
        started, turns = time.monotonic(), []
        for _ in range(int(drill.get("turns", 1))):
            turns.append(loop.run(drill.get("prompt", "Say hello."), history=history))
        seconds = time.monotonic() - started
        return DrillReport(name, emu.scenario.description, drill["expect_status"], turns[-1].status.value,
                           len(emu.log), int(drill["min_calls"]), seconds, sum(waits), turns)


def run_drills(names: Sequence[str] | None = None, *, real_time: bool = False) -> list[DrillReport]:
    """Run the named scenarios (all shipped ones by default)."""
    return [run_drill(n, real_time=real_time) for n in (names or list(list_scenarios()))]
