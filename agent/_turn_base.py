"""What every part of a turn shares: its mutable state, and the helpers that record, emit and finish.

``TurnBase`` declares the attributes ``ConversationLoop`` sets and holds the bookkeeping every step
uses: the attempt rows (``_record``), result notes (``_note``), events (``_emit``, ``_flush``),
fallback to the next chain entry and the final ``TurnResult``. The decisions live in
``agent._turn`` (the steps), ``agent._turn_outcomes`` (what a call's outcome was) and
``agent._turn_waits`` (an empty pool).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from . import _hooks as hooks
from . import events as ev
from ._construct import constructed
from ._effects import Effect, Emit, Outcome
from ._params import RequestSettings
from ._redact import redact
from ._rules import Rule
from .adapters import Adapter, ModelReply, ToolSpec
from .chain import Api, ChainEntry, ClientOptions
from .circuit import CircuitBreaker
from .compress import Compressor
from .conversation import Message
from .credential_pool import CredentialPool, Lease, NoCredentialAvailable
from .error_classifier import ClassifiedError
from .ladder import Budget, LadderContext, LadderPolicy, fallback_allowed
from .repairs import Draft
from .results import Attempt, Note, TurnResult, TurnStatus, now_utc
from .tools import ToolBox
from .truth import Verdict

__all__ = ["TurnBase", "provider_said"]

# What each action of an attempt row says to users (``Attempt.action``); ``{}`` takes the detail.
_SAYS: dict[ev.AttemptAction, str] = {
    "answered": "answered", "tools": "ran tools", "repair": "repaired: {}", "rotate": "rotated credential",
    "retry": "retried", "compress": "compressed ({} removed)", "fallback": "fell back", "finish": "finished",
    "partial": "stopped: partial answer", "wait": "waited for a credential",
    "cancelled": "cancelled at the deadline", "interrupted": "interrupted by a signal",
}
_PROVIDER_CHARS: Final = 200  # of a model name or finish reason the provider sent (a name; longer is not one)


def provider_said(text: str) -> str:
    """A string the provider sent (the model that answered, a finish reason, a tool's name), redacted: a proxy may
    fill it from the request, key included."""
    return redact(text, _PROVIDER_CHARS) if text else text


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
    sent: tuple[Message, ...] = ()  # the messages of the attempt in flight (for hooks that record contents)
    prompt: Message | None = None  # the turn's question (left out of the history handed back if it was blocked)
    pending: hooks.Pending | None = None  # async hooks' calls the async drivers await (None: sync drivers)
    pinned: bool = False  # only the session's remembered key may serve (CredentialPool.acquire)
    # a pinned turn: the chain entries whose pool remembers the session's key, the only ones that may serve it
    # (None: no pool remembers it, so every entry may; ``TurnBase._holders``)
    serving: frozenset[int] | None = None
    passthrough: bool = False  # the caller sends its own body (agent.passthrough): nothing to repair or compress
    reserve_cut: bool = False  # the call in flight is cut before the fallback's reserve, not at the deadline
    # the pool-clock time of a key's return the turn last slept for, and how many times it slept again for the rest
    # of that same wait (``TurnWaits._empty_pool``)
    waited_for: float | None = None
    rewaits: int = 0


@dataclass(frozen=True, slots=True)
class _At:
    """Where a ladder step happens: the turn, its target and key, the failure and the call's outcome."""

    t: _Turn
    entry: ChainEntry
    lease: Lease
    c: ClassifiedError
    outcome: Outcome



class TurnBase:
    """The attributes a turn reads (set by ``ConversationLoop``) and the bookkeeping shared by its steps."""

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
    _entry_parts: dict[int, tuple[ChainEntry, ClientOptions, RequestSettings]]  # per chain entry (``_parts``)

    def _circuit(self, entry: ChainEntry) -> tuple[str, float]:
        """The circuit key of ``entry`` (its endpoint and model) and the shared clock's now."""
        return self.circuits.key(entry.base_url or entry.api, entry.model), self.pools[entry.pool].clock()

    def _keeps(self, t: _Turn, c: ClassifiedError | None = None) -> bool:
        """Whether a fallback may still follow the current target (so it keeps a reserve for it)."""
        return t.ctx.has_next and fallback_allowed(c if c is not None else t.last, self.policy)

    def _spare(self, t: _Turn, c: ClassifiedError) -> bool:
        """Whether another call of the current target leaves one attempt for a fallback that may follow."""
        return t.budget.attempts_left() >= (2 if self._keeps(t, c) else 1)

    @staticmethod
    def _flush(t: _Turn) -> Generator[Effect, Any, None]:
        """Hand pending events to stream readers now (before a sleep, so a status line can say why)."""
        while t.outbox:
            yield Emit(t.outbox.pop(0))

    def _fall_back(self, t: _Turn, reason: str) -> None:
        previous = self.chain[t.entry_index]
        t.entry_index = self._next_entry(t, reason)
        entry = self.chain[t.entry_index]
        t.tried, t.circuit_dirty, t.circuit_open, t.waited_for = set(), False, False, None
        t.ctx = LadderContext(repaired=set(t.ctx.repaired), has_next=bool(self._later(t, t.entry_index)))
        t.draft = replace(t.draft, betas=entry.betas, completion_tokens=False)
        self._emit(t, ev.FallbackActivated(previous.model, entry.model, entry.api, reason, t.ref))

    def _next_entry(self, t: _Turn, reason: str) -> int:
        """The next chain entry that may serve the turn; after an overflow, the next one with a larger known window
        if there is one."""
        index, later = t.entry_index, self._later(t, t.entry_index)
        if reason in ("context_overflow", "payload_too_large") and self.chain[index].context_window:
            window = self.chain[index].context_window or 0
            for i in later:
                if (self.chain[i].context_window or 0) > window:
                    return i
        return later[0]

    def _later(self, t: _Turn, index: int) -> list[int]:
        """The chain entries after ``index`` that may serve the turn (a pinned turn: those that hold its key)."""
        return [i for i in range(index + 1, len(self.chain)) if t.serving is None or i in t.serving]

    def _holders(self, session: str) -> frozenset[int] | None:
        """The chain entries whose pool remembers ``session``'s key (what only that key can reach, such as a stored
        Responses answer: an entry of another pool would only be refused), or None when no pool does (the session
        was never seen here: any entry may try it)."""
        remembered: dict[str, bool] = {}
        for entry in self.chain:
            if entry.pool not in remembered:
                remembered[entry.pool] = self.pools[entry.pool].remembered(session) is not None
        holders = frozenset(i for i, entry in enumerate(self.chain) if remembered[entry.pool])
        return holders or None

    def _pinned_to(self, t: _Turn) -> str:
        """Why a pinned turn that failed asked no other key: the credentials that hold its session."""
        held = {self.pools[self.chain[i].pool].remembered(t.ref.session or "") for i in sorted(t.serving or ())}
        ids = ", ".join(sorted(c.id for c in held if c is not None)) or "one credential"
        return (f"The request continues a previous response that only {ids} holds (another organisation's key "
                "would be refused it), so no other key was asked.")

    @staticmethod
    def _note(t: _Turn, entry: ChainEntry, action: str, reason: str, wait: float = 0.0) -> None:
        """A step that made no upstream call (a result note, not an attempt)."""
        t.notes.append(constructed(Note, {"model": entry.model, "action": action, "reason": reason, "wait": wait}))

    def _record(self, t: _Turn, entry: ChainEntry, lease: Lease | None, outcome: str, action: ev.AttemptAction,
                result: Outcome | None, failure: ClassifiedError | None = None, wait: float = 0.0, *,
                detail: object = "", reply: ModelReply | None = None) -> None:
        """Write the attempt's row of the result and tell the hooks (``AttemptEnded``)."""
        says = redact(_SAYS[action].format(detail), _PROVIDER_CHARS)  # a repair's detail may quote the provider
        credential = lease.credential.id if lease else None
        duration = result.duration if result else 0.0
        t.attempts.append(constructed(Attempt, {  # every field, in the model's order
            "api": entry.api, "model": entry.model, "credential_id": credential, "outcome": outcome,
            "status_code": failure.status_code if failure else None, "rule": failure.rule if failure else None,
            "action": says, "wait": wait, "duration": duration, "message": failure.message if failure else ""}))
        self._emit_content(t, entry, reply)
        usage = reply.usage if reply else None
        answered = reply.response_model if reply else None
        self._emit(t, ev.AttemptEnded(
            t.ref, t.budget.used, entry.api, entry.provider_name, entry.model, credential, outcome, action, says, wait,
            duration, t.entry_index, failure.status_code if failure else None, failure.rule if failure else None,
            failure.scope.value if failure else None, failure.retry_after if failure else None,
            result.delivered if result else 0, provider_said(answered) if answered else None,
            usage.input_tokens if usage else 0, usage.output_tokens if usage else 0,
            tuple(map(provider_said, reply.finish_reasons)) if reply else ()))

    def _emit_content(self, t: _Turn, entry: ChainEntry, reply: ModelReply | None) -> None:
        """``AttemptContent`` to the hooks that opted in (``records_content``), and to no other hook or stream."""
        takers = [hook for hook in self.hooks if getattr(hook, "records_content", False) is True]
        if not takers:
            return
        output = Message(role="assistant", text=reply.text, tool_calls=reply.tool_calls) if reply else None
        hooks.call(takers, ev.AttemptContent(t.ref, t.budget.used, entry.model, t.sent, output), t.pending)

    def _emit(self, t: _Turn, event: ev.Event) -> None:
        if t.streaming and not t.passthrough:  # a pass-through driver has no stream reader (agent.serve.walk)
            t.outbox.append(event)
        hooks.call(self.hooks, event, t.pending)

    @staticmethod
    def _handed_back(t: _Turn, status: TurnStatus) -> tuple[Message, ...]:
        """The conversation to pass to the next turn: as last sent (compressed, repaired), the answer after it;
        a prompt the provider's safety system blocked is left out, with everything after it."""
        messages = t.draft.messages
        if status is TurnStatus.content_policy_blocked and t.prompt is not None:
            asked = [i for i, m in enumerate(messages) if m == t.prompt]
            if asked:
                return messages[:asked[-1]]
        return messages

    def _result(self, t: _Turn, verdict: Verdict, entry: ChainEntry | None = None,
                lease: Lease | None = None) -> TurnResult:
        answered = verdict.status is TurnStatus.ok
        if t.serving is not None and not answered:
            verdict = replace(verdict, message=f"{verdict.message} {self._pinned_to(t)}")
        result = constructed(TurnResult, {  # built from validated parts, every field in the model's order
            "status": verdict.status, "final_response": verdict.message, "failure_reason": verdict.reason,
            "retry_at": verdict.retry_at, "provider": entry.provider_name if entry and answered else verdict.provider,
            "model": entry.model if entry and answered else verdict.model,
            "credential_id": lease.credential.id if lease and answered else None, "attempts": tuple(t.attempts),
            "notes": tuple(t.notes), "input_tokens": t.tokens[0], "output_tokens": t.tokens[1],
            "elapsed": self.clock() - t.started, "finished_at": now_utc(), "messages": tuple(t.added),
            "history": self._handed_back(t, verdict.status), "partial": t.partial, "truncated": t.truncated})
        self._emit(t, ev.TurnFinished(result.status.value, result.model, len(t.attempts), result.elapsed,
                                      result.failure_reason.value if result.failure_reason else None,
                                      t.tokens[0], t.tokens[1], t.partial, t.ref))
        return result
