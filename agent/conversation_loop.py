"""The conversation loop: call the model, run tools, and walk one recovery ladder on every failure.

Sans-IO core: ``TurnLogic._turn`` (``agent._turn``) is a generator that makes every decision and
yields effects (``Call``, ``Sleep``, ``RunTools``, ``Emit``); this module's drivers perform them:
``run`` synchronously, ``arun`` with ``await``, ``stream`` showing text as it arrives, ``astream``
for asyncio. Each turn reads top to bottom: check the budget, pick a target, lease a credential,
call, classify, step the ladder (repair, rotate, retry, compress, fall back, finish), emit, wait.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Mapping, Sequence
from typing import Any

from . import _hooks as hooks
from . import events as ev
from ._aio_sleep import sleep_full
from ._deadline import deadline
from ._rules import Rule
from ._turn import Answered, Call, ChainEntry, Effect, Emit, Outcome, RunTools, Sleep, StreamEvent, TurnLogic
from .adapters import ADAPTERS, Adapter, Api, ToolSpec, astream_call, stream_call
from .circuit import CircuitBreaker
from .compress import Compressor, DropMiddle
from .conversation import Message
from .credential_pool import CredentialPool
from .history import to_messages
from .interrupt import TurnInterrupted, await_interruptible, interruptible
from .ladder import LadderPolicy
from .results import TurnResult
from .stores.circuits import circuits_for
from .tools import ToolBox

__all__ = ["ChainEntry", "ConversationLoop", "History"]

History = Sequence[Message | Mapping[str, Any]]
"""Earlier messages: ``Message`` objects, OpenAI Chat or Anthropic Messages dicts (``agent.history``); pass
``result.history`` of the previous turn."""


def _bound(call: Call) -> Any:
    """The turn's deadline as a hard bound on every socket operation of ``call``."""
    return deadline(call.time_left) if call.time_left is not None else contextlib.nullcontext()


class ConversationLoop(TurnLogic):
    """Runs turns against an ordered chain of models, each backed by a credential pool."""

    def __init__(
        self,
        chain: Sequence[ChainEntry],
        pools: Mapping[str, CredentialPool],
        *,
        tools: ToolBox | None = None,
        policy: LadderPolicy | None = None,
        compressor: Compressor | None = None,
        circuits: CircuitBreaker | None = None,
        hooks: Sequence[ev.Hook] = (ev.log_event,),
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Any] = sleep_full,
        rng: random.Random | None = None,
        classifier_rules: Sequence[Rule] = (),
        async_http: Callable[[float], Any] | None = None,
    ) -> None:
        if not chain:
            raise ValueError("chain is empty: configure at least one [[chain]] entry (api, model, pool)")
        missing = sorted({e.pool for e in chain} - set(pools))
        if missing:
            raise ValueError(f"chain names pools that are not configured: {missing}; add [pools.NAME] sections")
        self.chain, self.pools = tuple(chain), dict(pools)
        self.tools = tools or ToolBox()
        self.classifier_rules = tuple(classifier_rules)  # operator rules (agent._operator_rules), checked first
        self.policy = policy or LadderPolicy()
        self.compressor: Compressor = compressor or DropMiddle()
        # Shared like cooldowns: the circuits live where the first pool's state does.
        self.circuits = circuits or CircuitBreaker(circuits_for(self.pools[self.chain[0].pool].store),
                                                   failures=self.policy.circuit_failures,
                                                   probe_seconds=self.policy.circuit_probe_seconds)
        self.hooks, self.clock, self._sleep, self._async_sleep = tuple(hooks), clock, sleep, async_sleep
        self.rng = rng or random.Random()
        # async_http: the factory of the HTTP client under the async SDK clients (steadyloop serve passes
        # agent._http_aio's); None: agent._http's.
        self._adapters: dict[Api, Adapter] = {api: ADAPTERS[api](async_http=async_http)
                                              for api in {e.api for e in chain}}
        self._tool_specs = tuple(ToolSpec(t.name, t.description, t.schema()) for t in self.tools)
        self._completion_tokens: set[str] = set()
        self._entry_parts = {}

    # ------------------------------------------------------------------ drivers

    def run(self, prompt: str | Message, *, history: History = (), system: str | None = None,
            session: str | None = None) -> TurnResult:
        """One turn, synchronously."""
        turn = self._turn(self._conversation(prompt, history, system), session)
        reply: Any = None
        stop: TurnInterrupted | None = None
        while True:
            try:
                effect = turn.send(reply) if stop is None else turn.throw(stop)
            except StopIteration as done:
                result: TurnResult = done.value
                return result
            try:
                with interruptible():
                    reply, stop = self._perform(effect), None
            except TurnInterrupted as signalled:  # the turn ends cleanly: it releases its key and says why
                stop = signalled

    async def arun(self, prompt: str | Message, *, history: History = (), system: str | None = None,
                   session: str | None = None) -> TurnResult:
        """One turn, asynchronously: the same decisions; calls, sleeps, async tools and async hooks are awaited,
        sync tools run in worker threads, so many sessions' turns share one event loop without blocking."""
        pending: hooks.Pending = []
        turn = self._turn(self._conversation(prompt, history, system), session, asynchronous=True, pending=pending)
        reply: Any = None
        stop: TurnInterrupted | None = None
        while True:
            try:
                effect = turn.send(reply) if stop is None else turn.throw(stop)
            except StopIteration as done:
                await hooks.drain(pending)
                result: TurnResult = done.value
                return result
            await hooks.drain(pending)
            try:
                reply, stop = await await_interruptible(self._aperform(effect)), None
            except TurnInterrupted as signalled:  # the turn ends cleanly: it releases its key and says why
                reply, stop = None, signalled

    def stream(self, prompt: str | Message, *, history: History = (), system: str | None = None,
               session: str | None = None) -> Iterator[StreamEvent]:
        """One streamed turn: text deltas, recovery events, and the TurnResult last."""
        turn = self._turn(self._conversation(prompt, history, system), session, streaming=True)
        reply: Any = None
        stop: TurnInterrupted | None = None
        while True:
            try:
                effect = turn.send(reply) if stop is None else turn.throw(stop)
            except StopIteration as done:
                yield done.value
                return
            reply, stop = None, None
            if isinstance(effect, Emit):
                yield effect.event
                continue
            try:
                if isinstance(effect, Call) and effect.stream:
                    reply = yield from self._perform_stream(effect)  # interruptible while it reads, not while
                else:                                                # the reader handles a delta
                    with interruptible():
                        reply = self._perform(effect)
            except TurnInterrupted as signalled:
                stop = signalled

    async def astream(self, prompt: str | Message, *, history: History = (), system: str | None = None,
                      session: str | None = None) -> AsyncIterator[StreamEvent]:
        """``stream`` for asyncio, with the async clients: the same turn, the same events (tools and hooks as
        in ``arun``)."""
        pending: hooks.Pending = []
        turn = self._turn(self._conversation(prompt, history, system), session, asynchronous=True,
                          streaming=True, pending=pending)
        reply: Any = None
        stop: TurnInterrupted | None = None
        while True:
            try:
                effect = turn.send(reply) if stop is None else turn.throw(stop)
            except StopIteration as done:
                await hooks.drain(pending)
                yield done.value
                return
            await hooks.drain(pending)
            reply, stop = None, None
            try:
                if isinstance(effect, Emit):
                    yield effect.event
                elif isinstance(effect, Call) and effect.stream:
                    start, delivered, final = self.clock(), 0, None
                    chunks = aiter(astream_call(effect.adapter, effect.client, effect.request))
                    try:
                        with _bound(effect):
                            while (item := await await_interruptible(anext(chunks, None))) is not None:
                                kind, value = item
                                if kind == "text":
                                    delivered += len(value)
                                    yield ev.TextDelta(value, effect.turn)
                                else:
                                    final = value
                        reply = Outcome(raw=final.raw if final else None, reply=final,
                                        duration=self.clock() - start, delivered=delivered)
                    except Exception as exc:
                        reply = Outcome(error=exc, duration=self.clock() - start, delivered=delivered)
                    finally:
                        await chunks.aclose()
                else:
                    reply = await await_interruptible(self._aperform(effect))
            except TurnInterrupted as signalled:
                stop = signalled

    def _perform_stream(self, effect: Call) -> Generator[StreamEvent, None, Outcome]:
        start, delivered, final = self.clock(), 0, None
        try:
            with _bound(effect):
                items = iter(stream_call(effect.adapter, effect.client, effect.request))
                while True:
                    with interruptible():
                        item = next(items, None)
                    if item is None:
                        break
                    kind, value = item
                    if kind == "text":
                        delivered += len(value)
                        yield ev.TextDelta(value, effect.turn)
                    else:
                        final = value
        except Exception as exc:
            return Outcome(error=exc, duration=self.clock() - start, delivered=delivered)
        return Outcome(raw=final.raw if final else None, reply=final, duration=self.clock() - start,
                       delivered=delivered)

    def _perform(self, effect: Effect) -> Any:
        if isinstance(effect, (Emit, Answered)):  # Answered: only a pass-through turn yields it
            return None
        if isinstance(effect, Sleep):
            self._sleep(effect.seconds)
            return None
        if isinstance(effect, RunTools):
            return self._run_tools(effect)
        if effect.stream:
            raise TypeError("stream calls are performed by stream()")
        start = self.clock()
        try:
            with _bound(effect):
                return Outcome(raw=effect.adapter.call(effect.client, effect.request), duration=self.clock() - start)
        except Exception as exc:
            return Outcome(error=exc, duration=self.clock() - start)

    async def _aperform(self, effect: Effect) -> Any:
        if isinstance(effect, (Emit, Answered)):
            return None
        if isinstance(effect, Sleep):
            await self._async_sleep(effect.seconds)
            return None
        if isinstance(effect, RunTools):
            return await self._arun_tools(effect)
        if effect.stream:
            return self._perform(effect)
        start = self.clock()
        try:
            with _bound(effect):
                raw = await effect.adapter.acall(effect.client, effect.request)
            return Outcome(raw=raw, duration=self.clock() - start)
        except Exception as exc:
            return Outcome(error=exc, duration=self.clock() - start)

    def _run_tools(self, effect: RunTools) -> tuple[Any, ...]:
        """Each tool, in order, bounded by the time left to the deadline (shared by all the calls)."""
        if effect.time_left is None:
            return tuple(self.tools.run(c.name, c.arguments, c.id) for c in effect.calls)
        end = time.monotonic() + effect.time_left
        return tuple(self.tools.run(c.name, c.arguments, c.id, timeout=end - time.monotonic()) for c in effect.calls)

    async def _arun_tools(self, effect: RunTools) -> tuple[Any, ...]:
        """``_run_tools`` on the event loop: async tools awaited, sync ones in worker threads, same bounds."""
        results = []
        end = None if effect.time_left is None else time.monotonic() + effect.time_left
        for c in effect.calls:
            left = None if end is None else end - time.monotonic()
            results.append(await self.tools.arun(c.name, c.arguments, c.id, timeout=left))
        return tuple(results)

    @staticmethod
    def _conversation(prompt: str | Message, history: History, system: str | None) -> tuple[Message, ...]:
        """The messages to send: the system prompt unless the history has one, the history, the prompt.

        ``history`` may mix ``Message`` and OpenAI/Anthropic dicts (``agent.history``); a bad item raises
        ``HistoryError`` naming its index and field, before anything is sent."""
        earlier = to_messages(history)
        head = (Message.system(system),) if system and not any(m.role == "system" for m in earlier) else ()
        last = prompt if isinstance(prompt, Message) else Message.user(prompt)
        return (*head, *earlier, last)

    # ------------------------------------------------------------------ the turn
