"""A turn that rotates, retries and falls back, over real HTTP to the emulator (shared by observability tests)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from agent.conversation_loop import ConversationLoop
from agent.events import Hook
from agent.ladder import LadderPolicy
from agent.testing.emulator import Emulator, Scenario
from tests.test_conversation_loop import Sleeper, entry, pool

KEYS = ("sk-drill-secret-one-0123456789", "sk-drill-secret-two-0123456789", "sk-drill-secret-alt-0123456789")
PROMPT = "tell me the launch codes PROMPT-MARKER-7f3a"

# attempt 1: key one rate-limited -> rotate; attempt 2: key two overloaded with retry-after 2 -> retry;
# attempt 3: key two 500 again (retries spent) -> fall back; attempt 4: model b answers.
RULES: list[dict[str, Any]] = [
    {"respond": "error", "shape": "openai_tpm_limit_retry_after", "match": {"key": KEYS[0]}},
    {"respond": "error", "status": 503, "times": 1, "headers": {"retry-after": "2"}, "match": {"model": "a"},
     "body": {"error": {"message": "The engine is currently overloaded", "type": "server_error"}}},
    {"respond": "error", "shape": "openai_500", "match": {"model": "a"}},
]


def drill_scenario() -> Emulator:
    return Emulator(Scenario.model_validate({"rules": RULES}))


def drill_loop(emu: Emulator, hooks: Sequence[Hook], sleeper: Sleeper | None = None,
               api: str = "openai-chat") -> ConversationLoop:
    """Chain a (keys one, two) then b (key alt); at most one same-target retry."""
    sleeper = sleeper or Sleeper()
    chain = [entry(emu, api, "a"), entry(emu, api, "b", "alt")]
    pools = {"main": pool("main", KEYS[0], KEYS[1]), "alt": pool("alt", KEYS[2])}
    return ConversationLoop(chain, pools, sleep=sleeper, clock=sleeper.clock, hooks=hooks,
                            policy=LadderPolicy(max_retries=1))
