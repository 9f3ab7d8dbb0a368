"""The sans-IO turn: every decision of one turn, as a generator of effects.

``TurnLogic._turn`` checks the budget, leases a credential, yields a ``Call``, classifies the
outcome and steps the ladder (repair, rotate, retry, compress, fall back, finish); it yields
``Sleep``, ``RunTools`` and ``Emit`` effects and never performs I/O itself. ``ConversationLoop``
(``agent.conversation_loop``) supplies the drivers that perform those effects.
"""

from __future__ import annotations

import logging
import os
import random
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from . import events as ev
from ._deadline import deadline_reached
from ._rules import Rule
from ._taxonomy import Action, FailoverReason, Scope
from ._unknowns import UnknownShapes
from .adapters import Adapter, MalformedStreamError, ModelReply, ModelRequest, StreamIncompleteError, ToolSpec
from .chain import Api, ChainEntry
from .circuit import CircuitBreaker, Gate
from .compress import Compressor, estimate_tokens
from .conversation import Message, ToolCall, ToolResult, unsendable_text
from .cooldown import CredentialStatus
from .credential_pool import CredentialPool, Lease, NoCredentialAvailable
from .error_classifier import ClassifiedError, classify_api_error, classify_soft_failure
from .interrupt import TurnInterrupted
from .ladder import (
    Budget,
    LadderContext,
    LadderPolicy,
    Step,
    backoff_delay,
    fallback_allowed,
    fallback_or_finish,
    may_retry,
    next_step,
)
from .repairs import Draft, repair
from .results import Attempt, Note, TurnResult, TurnStatus, now_utc
from .tools import ToolBox
from .truth import Verdict, busy_verdict, empty_pool_verdict, failure_verdict, interrupted_verdict, still_failing

__all__ = ["Call", "ChainEntry", "Effect", "Emit", "Outcome", "RunTools", "Sleep", "StreamEvent", "TurnLogic"]

_UNKNOWN_SHAPES = UnknownShapes()  # per process: each unknown shape is logged once

log = logging.getLogger("steadyloop.loop")

# What each action of an attempt row says to users (``Attempt.action``); ``{}`` takes the detail.
_SAYS: dict[ev.AttemptAction, str] = {
    "answered": "answered", "tools": "ran tools", "repair": "repaired: {}", "rotate": "rotated credential",
    "retry": "retried", "compress": "compressed ({} removed)", "fallback": "fell back", "finish": "finished",
    "partial": "stopped: partial answer", "wait": "waited for a credential",
    "cancelled": "cancelled at the deadline",
}


@dataclass(frozen=True, slots=True)
class Call:
    adapter: Adapter
    client: Any
    request: ModelRequest
    stream: bool = False  # performed by stream(), which shows text as it arrives
    time_left: float | None = None  # seconds to the turn's deadline: the call is cut there, whatever upstream does


@dataclass(frozen=True, slots=True)
class Sleep:
    seconds: float


@dataclass(frozen=True, slots=True)
class RunTools:
    calls: tuple[ToolCall, ...]
    time_left: float | None = None  # seconds to the turn's deadline: no tool runs past it


@dataclass(frozen=True, slots=True)
class Emit:
    event: ev.Event


@dataclass(frozen=True, slots=True)
class Outcome:
    raw: Any = None
    error: BaseException | None = None
    duration: float = 0.0
    reply: ModelReply | None = None  # already parsed (streams)
    delivered: int = 0  # characters of text shown to the reader before the outcome


Effect = Call | Sleep | RunTools | Emit
StreamEvent = ev.TextDelta | ev.Event | TurnResult


@dataclass(slots=True)
class _Turn:
    """Mutable state of one turn."""

    budget: Budget
    draft: Draft
    started: float
    ref: ev.TurnRef
    entry_index: int = 0
    ctx: LadderContext = field(default_factory=LadderContext)
    attempts: list[Attempt] = field(default_factory=list)
    added: list[Message] = field(default_factory=list)
    tokens: list[int] = field(default_factory=lambda: [0, 0])
    iterations: int = 0
    last: ClassifiedError | None = None
    streaming: bool = False
    outbox: list[ev.Event] = field(default_factory=list)
    partial: bool = False
    truncated: bool = False  # the final answer stopped at the output limit
    tried: set[str] = field(default_factory=set)  # keys of the current chain entry called in this turn
    notes: list[Note] = field(default_factory=list)  # steps that made no call: waits, skips, empty pools
    busy: NoCredentialAvailable | None = None  # waiting for a key that other calls hold (one note for the wait)
    restarts: int = 0
    retried: bool = False
    last_at: int = -1  # the chain entry the last failure came from
    capped: bool = False  # a step was refused for want of attempts
    origin: tuple[ClassifiedError, ChainEntry] | None = None  # the turn's first failure, and where
    circuit_dirty: bool = False  # the current target's circuit holds failures a success must clear
    circuit_open: bool = False  # the current target's circuit opened in this turn


@dataclass(frozen=True, slots=True)
class _At:
    """Where a ladder step happens: the turn, its target and key, the failure and the call's outcome."""

    t: _Turn
    entry: ChainEntry
    lease: Lease
    c: ClassifiedError
    outcome: Outcome


_PORTS = {"https": 443, "http": 80}
# How each API says the output limit cut the answer: Chat finish_reason, Anthropic stop_reason,
# Responses status.
_TRUNCATED = frozenset({"length", "max_tokens", "incomplete"})


class TurnLogic:
    """The decisions of a turn; ``ConversationLoop`` adds the drivers."""

    chain: tuple[ChainEntry, ...]
    pools: dict[str, CredentialPool]
    tools: ToolBox
    policy: LadderPolicy
    compressor: Compressor
    circuits: CircuitBreaker
    hooks: tuple[ev.Hook, ...]
    clock: Callable[[], float]
    rng: random.Random
    _adapters: Mapping[Api, Adapter]
    _tool_specs: tuple[ToolSpec, ...]
    classifier_rules: tuple[Rule, ...] = ()  # operator rules, checked before the built-in table
    _completion_tokens: set[str]  # Chat models that rejected max_tokens (learned from their 400)

    def _turn(self, conversation: tuple[Message, ...], session: str | None, asynchronous: bool = False,
              streaming: bool = False) -> Generator[Effect, Any, TurnResult]:
        start = self.clock()
        p = self.policy
        t = _Turn(Budget(p.max_attempts, start + p.deadline_seconds, p.max_wait_seconds, reserve=p.reserve_seconds),
                  Draft(conversation, self._tool_specs, self.chain[0].betas), start,
                  ev.TurnRef(os.urandom(8).hex(), session), streaming=streaming)
        t.ctx.has_next = len(self.chain) > 1
        self._emit(t, ev.TurnStarted(t.ref, self.chain[0].api, self.chain[0].model, streaming))
        problem = unsendable_text(conversation)
        if problem is not None:  # a local error: nothing is sent, nor retried
            return self._result(t, Verdict(TurnStatus.invalid_request, "steadyloop did not send the request: "
                                           + problem + "."))
        try:
            return (yield from self._steps(t, session, asynchronous))
        except TurnInterrupted as stop:  # SIGTERM/SIGINT during a wait: the lease is already released
            return self._result(t, interrupted_verdict(stop.signum, len(t.attempts)))

    def _steps(self, t: _Turn, session: str | None, asynchronous: bool) -> Generator[Effect, Any, TurnResult]:
        while True:
            yield from self._flush(t)  # recovery events reach stream readers in order
            verdict = self._out_of_budget(t)
            if verdict is not None:
                return self._result(t, verdict)
            entry = self.chain[t.entry_index]
            if self._keeps(t) and t.budget.call_cap(self.clock(), keep=True) <= 0:
                self._note(t, entry, "fell back: the rest of the deadline is the fallback's reserve", "deadline")
                self._fall_back(t, "deadline")
                continue
            if self._skipped(t, entry):
                continue
            lease = self._acquire(entry, session)
            if isinstance(lease, NoCredentialAvailable):
                verdict = yield from self._empty_pool(t, entry, lease)
                if verdict is not None:
                    return self._result(t, verdict)
                continue
            t.busy = None
            try:
                outcome = yield self._call(t, entry, lease, asynchronous)
            except BaseException:  # cancelled mid-call (Ctrl-C, task cancel, generator closed): free the key
                lease.release()
                raise
            verdict = yield from self._handle(t, entry, lease, outcome)
            if verdict is not None:
                return self._result(t, verdict, entry, lease)

    def _out_of_budget(self, t: _Turn) -> Verdict | None:
        if self.clock() >= t.budget.deadline:
            if t.busy is not None:
                return busy_verdict(t.busy, self.chain[t.entry_index], self.policy, len(t.attempts))
            return failure_verdict(TurnStatus.deadline_exceeded, t.last, self.policy, len(t.attempts))
        if t.budget.attempts_left() <= 0:
            return failure_verdict(None, t.last, self.policy, len(t.attempts), budget_spent=True)
        return None

    def _circuit(self, entry: ChainEntry) -> tuple[str, float]:
        """The circuit key of ``entry`` (its endpoint and model) and the shared clock's now."""
        return self.circuits.key(entry.base_url or entry.api, entry.model), self.pools[entry.pool].clock()

    def _skipped(self, t: _Turn, entry: ChainEntry) -> bool:
        """Skip an (endpoint, model) whose circuit is open, while a fallback may follow; else call it."""
        key, now = self._circuit(entry)
        gate, t.circuit_dirty = self.circuits.gate(key, now)
        if gate is not Gate.open or not self._keeps(t):
            return False
        self._note(t, entry, "skipped: its circuit is open after repeated endpoint failures", "circuit_open")
        self._fall_back(t, "circuit_open")
        return True

    def _keeps(self, t: _Turn, c: ClassifiedError | None = None) -> bool:
        """Whether a fallback may still follow the current target (so it keeps a reserve for it)."""
        return t.ctx.has_next and fallback_allowed(c if c is not None else t.last, self.policy)

    def _spare(self, t: _Turn, c: ClassifiedError) -> bool:
        """Whether another call of the current target leaves one attempt for a fallback that may follow."""
        return t.budget.attempts_left() >= (2 if self._keeps(t, c) else 1)

    def _acquire(self, entry: ChainEntry, session: str | None) -> Lease | NoCredentialAvailable:
        try:
            return self.pools[entry.pool].acquire(entry.model, session=session)
        except NoCredentialAvailable as empty:
            return empty

    def _call(self, t: _Turn, entry: ChainEntry, lease: Lease, asynchronous: bool) -> Call:
        adapter = self._adapters[entry.api]
        base_url = lease.credential.base_url or entry.base_url
        client = adapter.client(lease.credential, base_url, entry.timeout, asynchronous=asynchronous,
                                options=entry.client_options())
        # Never let one call outlive the deadline, nor eat the reserve of a fallback that may follow.
        timeouts = entry.call_timeouts(t.budget.call_cap(self.clock(), keep=self._keeps(t)))
        left = t.budget.time_left(self.clock())  # the drivers cut the call there (agent._deadline)
        t.budget.used += 1
        t.tried.add(lease.credential.id)
        url = client.base_url  # the SDK's own: the configured URL, or its default host
        self._emit(t, ev.AttemptStarted(entry.api, entry.model, lease.credential.id, t.budget.used,
                                        entry.provider_name, url.host, url.port or _PORTS.get(url.scheme),
                                        t.entry_index, t.ref))
        request = ModelRequest(entry.model, t.draft.messages, t.draft.tools, entry.settings(), t.draft.betas,
                               timeouts, t.draft.completion_tokens or entry.model in self._completion_tokens)
        return Call(adapter, client, request, stream=t.streaming, time_left=left)

    # ------------------------------------------------------------------ outcomes

    def _handle(self, t: _Turn, entry: ChainEntry, lease: Lease,
                outcome: Outcome) -> Generator[Effect, Any, Verdict | None]:
        if deadline_reached(outcome.error):
            return self._cut(t, entry, lease, outcome)
        assessed = self._assess(t, entry, outcome)
        if isinstance(assessed, ModelReply):
            return (yield from self._succeeded(t, entry, lease, outcome, assessed))
        failure = assessed
        self.pools[entry.pool].report(lease, failure, release=True)
        if failure.scope is Scope.endpoint:
            t.circuit_dirty = True
            t.circuit_open = self.circuits.failed(*self._circuit(entry))
        t.last, t.last_at = failure, t.entry_index
        t.origin = t.origin or (failure, entry)
        self._emit(t, ev.AttemptFailed(entry.api, entry.model, lease.credential.id, failure.reason.value, failure.rule,
                                    failure.status_code, failure.message, t.ref))
        step = self._decide(t, entry, failure)
        if outcome.delivered:
            if step is Step.finish or not self._restartable(t):
                return self._partial(t, entry, lease, failure, outcome)
            t.restarts += 1
            self._emit(t, ev.StreamRestarted(failure.reason.value, outcome.delivered, t.ref))
            if failure.scope is Scope.endpoint and self._keeps(t, failure):
                step = Step.fallback  # the endpoint cut it: restart on the next chain entry first
        return (yield from self._step(t, entry, lease, failure, step, outcome))

    def _decide(self, t: _Turn, entry: ChainEntry, c: ClassifiedError) -> Step:
        """The ladder's step, given what this turn has left: untried keys, attempts, the fallback's share."""
        t.ctx.can_rotate = any(cred.id not in t.tried for cred in self.pools[entry.pool].credentials)
        step = next_step(c, self.policy, t.ctx)
        if step is Step.retry and t.circuit_open and self._keeps(t, c):
            return Step.fallback  # the endpoint is down: stop paying for it, the fallback is next
        if step is not Step.fallback and step is not Step.finish and not self._spare(t, c):
            t.capped = True  # the attempt budget, not the ladder, ends this target
            return fallback_or_finish(c, self.policy, t.ctx)
        return step

    def _restartable(self, t: _Turn) -> bool:
        return self.policy.on_partial_stream == "restart" and t.restarts < self.policy.max_stream_restarts

    def _cut(self, t: _Turn, entry: ChainEntry, lease: Lease, outcome: Outcome) -> Verdict:
        """The turn's deadline cancelled the call: not the key's fault (no cooldown), and said as it is."""
        lease.release()
        self._emit(t, ev.AttemptFailed(entry.api, entry.model, lease.credential.id, "deadline_exceeded",
                                       "turn_deadline", None, "cancelled when the turn's deadline passed", t.ref))
        self._record(t, entry, lease, "deadline_exceeded", "cancelled", outcome)
        verdict = failure_verdict(TurnStatus.deadline_exceeded, t.last, self.policy, len(t.attempts), entry=entry,
                                  cut=True)
        if not outcome.delivered:
            return verdict
        t.partial = True
        return replace(verdict, message=f"[The answer above was cut off after {outcome.delivered} characters.] "
                                        + verdict.message)

    def _partial(self, t: _Turn, entry: ChainEntry, lease: Lease, c: ClassifiedError,
                 outcome: Outcome) -> Verdict | None:
        """Text was already shown when the stream failed and no restart is possible: never hide it; stop."""
        t.partial = True
        self._record(t, entry, lease, c.reason.value, "partial", outcome, c)
        base = failure_verdict(None, c, self.policy, len(t.attempts), entry=entry, credential=lease.credential.id)
        return replace(base, message=f"[The answer above was cut off after {outcome.delivered} characters.] "
                                     + base.message)

    def _assess(self, t: _Turn, entry: ChainEntry, outcome: Outcome) -> ClassifiedError | ModelReply:
        """The failure, or the parsed reply. Garbage and empty 200s are failures, never crashes."""
        failure = self._classify(t, entry, outcome)
        if failure is not None:
            return failure
        try:
            reply = outcome.reply or self._adapters[entry.api].parse(outcome.raw)
        except Exception as exc:  # a 200 body that is not this API's shape
            return self._endpoint_fault(entry, "malformed_response", FailoverReason.malformed_response,
                                        f"HTTP 200 with a body that is not a {entry.api} response "
                                        f"({type(exc).__name__})")
        if not reply.text and not reply.tool_calls:
            return self._endpoint_fault(entry, "empty_answer", FailoverReason.empty_response,
                                        "the model answered with no text and no tool call")
        return reply

    @staticmethod
    def _endpoint_fault(entry: ChainEntry, rule: str, reason: FailoverReason, message: str) -> ClassifiedError:
        return ClassifiedError(reason=reason, scope=Scope.endpoint, provider=entry.provider_name,
                               model=entry.model, message=message, rule=rule)

    def _classify(self, t: _Turn, entry: ChainEntry, outcome: Outcome) -> ClassifiedError | None:
        provider, model = entry.provider_name, entry.model
        if isinstance(outcome.error, StreamIncompleteError):  # a cut stream is the endpoint's failure
            return self._endpoint_fault(entry, "stream_incomplete", FailoverReason.stream_incomplete,
                                        str(outcome.error))
        if isinstance(outcome.error, MalformedStreamError):
            return self._endpoint_fault(entry, "malformed_response", FailoverReason.malformed_response,
                                        str(outcome.error))
        if outcome.error is not None:
            c: ClassifiedError | None = classify_api_error(
                outcome.error, provider=provider, model=model, approx_tokens=estimate_tokens(t.draft.messages),
                context_length=entry.context_window or 200_000, num_messages=len(t.draft.messages),
                rules=self.classifier_rules)
        else:
            c = classify_soft_failure(outcome.raw, provider=provider, model=model, rules=self.classifier_rules)
        if c is not None:
            _UNKNOWN_SHAPES.note(c)  # once per distinct shape, redacted: material for an operator's rule
        return c

    def _succeeded(self, t: _Turn, entry: ChainEntry, lease: Lease, outcome: Outcome,
                   reply: ModelReply) -> Generator[Effect, Any, Verdict | None]:
        self.pools[entry.pool].report_success(lease, release=True)
        if t.circuit_dirty:  # the endpoint answered: close its circuit (the chain returns to it)
            self.circuits.succeeded(self._circuit(entry)[0])
            t.circuit_dirty = t.circuit_open = False
        t.tokens[0] += reply.usage.input_tokens
        t.tokens[1] += reply.usage.output_tokens
        assistant = Message(role="assistant", text=reply.text, tool_calls=reply.tool_calls, thinking=reply.thinking)
        t.added.append(assistant)
        t.ctx = replace(t.ctx, retries=0, retried={})
        if not reply.tool_calls or len(self.tools) == 0:
            t.truncated = not _TRUNCATED.isdisjoint(reply.finish_reasons)
            self._record(t, entry, lease, "ok", "answered", outcome, reply=reply)
            return Verdict(TurnStatus.ok, reply.text)
        self._record(t, entry, lease, "tool_calls", "tools", outcome, reply=reply)
        t.iterations += 1
        if t.iterations > self.policy.max_iterations:
            return Verdict(TurnStatus.error, f"Stopped after {self.policy.max_iterations} tool-call rounds without a "
                                             "final answer; raise max_iterations or simplify the task.")
        self._emit(t, ev.ToolCallsRequested(entry.model, tuple(c.name for c in reply.tool_calls), t.ref))
        yield from self._flush(t)
        results: tuple[ToolResult, ...] = yield RunTools(reply.tool_calls, t.budget.time_left(self.clock()))
        tool_message = Message(role="tool", tool_results=results)
        t.added.append(tool_message)
        t.draft = replace(t.draft, messages=(*t.draft.messages, assistant, tool_message))
        return None

    def _record(self, t: _Turn, entry: ChainEntry, lease: Lease | None, outcome: str, action: ev.AttemptAction,
                result: Outcome | None, failure: ClassifiedError | None = None, wait: float = 0.0, *,
                detail: object = "", reply: ModelReply | None = None) -> None:
        """Write the attempt's row of the result and tell the hooks (``AttemptEnded``)."""
        says = _SAYS[action].format(detail)
        credential = lease.credential.id if lease else None
        duration = result.duration if result else 0.0
        t.attempts.append(Attempt.model_construct(
            api=entry.api, model=entry.model, credential_id=credential, outcome=outcome,
            status_code=failure.status_code if failure else None, rule=failure.rule if failure else None,
            action=says, wait=wait, duration=duration, message=failure.message if failure else ""))
        usage = reply.usage if reply else None
        self._emit(t, ev.AttemptEnded(
            t.ref, t.budget.used, entry.api, entry.provider_name, entry.model, credential, outcome, action, says, wait,
            duration, t.entry_index, failure.status_code if failure else None, failure.rule if failure else None,
            failure.scope.value if failure else None, failure.retry_after if failure else None,
            result.delivered if result else 0, reply.response_model if reply else None,
            usage.input_tokens if usage else 0, usage.output_tokens if usage else 0,
            reply.finish_reasons if reply else ()))

    # ------------------------------------------------------------------ the ladder, applied

    def _step(self, t: _Turn, entry: ChainEntry, lease: Lease, c: ClassifiedError, step: Step,
              outcome: Outcome) -> Generator[Effect, Any, Verdict | None]:
        """Apply the ladder's step; a step that turns out impossible gives way to fallback or finish."""
        at = _At(t, entry, lease, c, outcome)
        if step is Step.repair and self._repaired(at):
            return None
        if step is Step.rotate:
            self._record(t, entry, lease, c.reason.value, "rotate", outcome, c)
            self._emit(t, ev.CredentialRotated(entry.model, lease.credential.id, c.reason.value, t.ref))
            return None
        if step is Step.retry:
            wait = c.retry_after if c.retry_after is not None else backoff_delay(c.reason, t.ctx.retries + 1,
                                                                                 self.policy, self.rng)
            if c.action is Action.rotate:  # every key was tried: wait for the soonest one to be back
                wait = max(wait, self._back_in(entry))
            # Plan it: the sleep, one more call like the last one, and the fallback's reserve must all fit.
            if t.budget.can_wait(wait, self.clock(), then=max(outcome.duration, 0.05), keep=self._keeps(t, c)):
                self._schedule_retry(at, wait)
                yield from self._flush(t)
                yield Sleep(wait)
                return None
        if step is Step.compress and self._compressed(at):
            return None
        if step in (Step.repair, Step.retry, Step.compress):
            step = fallback_or_finish(c, self.policy, t.ctx)
        if step is Step.fallback:
            self._record(t, entry, lease, c.reason.value, "fallback", outcome, c)
            self._fall_back(t, c.reason.value)
            return None
        self._record(t, entry, lease, c.reason.value, "finish", outcome, c)
        verdict = failure_verdict(None, c, self.policy, len(t.attempts), entry=entry, credential=lease.credential.id,
                                  retried=t.retried, compressed=t.ctx.compressions, budget_spent=t.capped,
                                  fell_back=t.entry_index > 0)
        first, where = t.origin or (c, entry)
        if where is not entry and c.scope is Scope.request and first.scope is not Scope.request:
            # A fallback that refused the request's shape must not mask why the turn left the primary.
            original = failure_verdict(None, first, self.policy, len(t.attempts), entry=where, retried=t.retried)
            return still_failing(original, c, entry.model)
        return verdict

    def _repaired(self, at: _At) -> bool:
        fixed = repair(at.c.reason, at.t.draft)
        at.t.ctx.repaired.add(at.c.reason)
        if fixed is None:
            return False
        at.t.draft = fixed[1]
        if fixed[1].completion_tokens:  # learned for this loop's later turns too
            self._completion_tokens.add(at.entry.model)
        self._record(at.t, at.entry, at.lease, at.c.reason.value, "repair", at.outcome, at.c, detail=fixed[0])
        self._emit(at.t, ev.RequestRepaired(at.entry.model, at.c.reason.value, fixed[0], at.t.ref))
        return True

    def _back_in(self, entry: ChainEntry) -> float:
        """Seconds until a key of ``entry``'s pool may serve its model again (0: one may now)."""
        empty = self.pools[entry.pool].unavailable(entry.model)
        if any(b.status.value == "available" and b.available_at is not None and b.available_at <= empty.now
               for b in empty.blocked):
            return 0.0
        return max(0.0, (empty.soonest or empty.now) - empty.now)

    def _schedule_retry(self, at: _At, wait: float) -> None:
        at.t.ctx.retries += 1
        at.t.ctx.retried[at.c.reason] = at.t.ctx.retried.get(at.c.reason, 0) + 1
        at.t.retried = True
        self._record(at.t, at.entry, at.lease, at.c.reason.value, "retry", at.outcome, at.c, wait)
        self._emit(at.t, ev.RetryScheduled(at.entry.model, wait, at.c.reason.value, at.lease.credential.id, at.t.ref))

    def _compressed(self, at: _At) -> bool:
        smaller = self.compressor.compress(at.t.draft.messages, at.c)
        if smaller is None:
            return False
        at.t.draft, at.t.ctx.compressions = replace(at.t.draft, messages=smaller[0]), at.t.ctx.compressions + 1
        self._record(at.t, at.entry, at.lease, at.c.reason.value, "compress", at.outcome, at.c, detail=smaller[1])
        self._emit(at.t, ev.Compressed(at.entry.model, smaller[1], at.c.reason.value, at.t.ref))
        return True

    @staticmethod
    def _flush(t: _Turn) -> Generator[Effect, Any, None]:
        """Hand pending events to stream readers now (before a sleep, so a status line can say why)."""
        while t.outbox:
            yield Emit(t.outbox.pop(0))

    def _fall_back(self, t: _Turn, reason: str) -> None:
        previous = self.chain[t.entry_index]
        t.entry_index = self._next_entry(t.entry_index, reason)
        entry = self.chain[t.entry_index]
        t.tried, t.circuit_dirty, t.circuit_open = set(), False, False
        t.ctx = LadderContext(repaired=set(t.ctx.repaired), has_next=t.entry_index + 1 < len(self.chain))
        t.draft = replace(t.draft, betas=entry.betas, completion_tokens=False)
        self._emit(t, ev.FallbackActivated(previous.model, entry.model, entry.api, reason, t.ref))

    def _next_entry(self, index: int, reason: str) -> int:
        """The next chain entry; after an overflow, the next one with a larger known window if there is one."""
        if reason in ("context_overflow", "payload_too_large") and self.chain[index].context_window:
            window = self.chain[index].context_window or 0
            for later in range(index + 1, len(self.chain)):
                if (self.chain[later].context_window or 0) > window:
                    return later
        return index + 1

    def _empty_pool(self, t: _Turn, entry: ChainEntry,
                    empty: NoCredentialAvailable) -> Generator[Effect, Any, Verdict | None]:
        """No key may serve now. Waiting for one is a retry of the failure that cooled it (if this target
        failed in this turn), planned like any retry; otherwise fall back, else finish."""
        if any(b.status is CredentialStatus.available for b in empty.blocked):  # held by other calls
            if self._keeps(t):  # a fallback is not held up by this pool's keys
                self._note(t, entry, "fell back: every key is busy", "busy")
                self._fall_back(t, "busy")
                return None
            yield from self._wait_for_busy(t, entry, empty)
            return None
        wait = None if empty.soonest is None else max(0.0, empty.soonest - empty.now)
        here = t.last if t.last_at == t.entry_index else None
        counted = here is None or may_retry(here, self.policy, t.ctx)
        if wait is not None and counted and t.budget.can_wait(wait, self.clock(), then=0.05, keep=self._keeps(t)):
            if here is not None:
                t.ctx.retries += 1
                t.ctx.retried[here.reason] = t.ctx.retried.get(here.reason, 0) + 1
                t.retried = True
            self._note(t, entry, "waited for a credential", "no_credential", wait)
            self._emit(t, ev.RetryScheduled(entry.model, wait, "no_credential", None, t.ref))
            yield from self._flush(t)
            yield Sleep(wait)
            return None
        if self._keeps(t):
            self._note(t, entry, "fell back: no credential may serve it now", "no_credential")
            self._fall_back(t, "no_credential")
            return None
        return empty_pool_verdict(empty, t.last, entry, len(t.attempts))

    def _wait_for_busy(self, t: _Turn, entry: ChainEntry,
                       empty: NoCredentialAvailable) -> Generator[Effect, Any, None]:
        """Keys held by other calls (at ``max_concurrency``) free up when those calls end: poll every
        ``busy_poll_seconds`` (never past the deadline), with one note for the whole wait and no call."""
        wait = min(self.policy.busy_poll_seconds, t.budget.time_left(self.clock()))
        if empty.soonest is not None and empty.soonest > empty.now:
            wait = min(wait, empty.soonest - empty.now)
        if t.busy is None or not t.notes or t.notes[-1].reason != "busy":
            self._note(t, entry, "waited for a credential", "busy", 0.0)
            self._emit(t, ev.RetryScheduled(entry.model, wait, "busy", None, t.ref))
            yield from self._flush(t)
        t.busy = empty
        t.notes[-1] = t.notes[-1].model_copy(update={"wait": t.notes[-1].wait + wait})
        yield Sleep(wait)

    @staticmethod
    def _note(t: _Turn, entry: ChainEntry, action: str, reason: str, wait: float = 0.0) -> None:
        """A step that made no upstream call (a result note, not an attempt)."""
        t.notes.append(Note.model_construct(model=entry.model, action=action, reason=reason, wait=wait))

    # ------------------------------------------------------------------ results

    def _emit(self, t: _Turn, event: ev.Event) -> None:
        if t.streaming:
            t.outbox.append(event)
        for hook in self.hooks:
            try:
                hook(event)
            except Exception:  # a broken hook must never break a turn
                log.exception("steadyloop: event hook %r failed", hook)

    def _result(self, t: _Turn, verdict: Verdict, entry: ChainEntry | None = None,
                lease: Lease | None = None) -> TurnResult:
        answered = verdict.status is TurnStatus.ok
        result = TurnResult.model_construct(  # built from validated parts: skip re-validation on the hot path
            status=verdict.status, final_response=verdict.message, failure_reason=verdict.reason,
            retry_at=verdict.retry_at, provider=entry.provider_name if entry and answered else verdict.provider,
            model=entry.model if entry and answered else verdict.model,
            credential_id=lease.credential.id if lease and answered else None, attempts=tuple(t.attempts),
            input_tokens=t.tokens[0], output_tokens=t.tokens[1], elapsed=self.clock() - t.started,
            finished_at=now_utc(), messages=tuple(t.added), partial=t.partial, notes=tuple(t.notes),
            truncated=t.truncated)
        self._emit(t, ev.TurnFinished(result.status.value, result.model, len(t.attempts), result.elapsed,
                                      result.failure_reason.value if result.failure_reason else None,
                                      t.tokens[0], t.tokens[1], t.partial, t.ref))
        return result
