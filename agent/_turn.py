"""The sans-IO turn: every decision of one turn, as a generator of effects.

``TurnLogic._turn`` checks the budget, leases a credential, yields a ``Call``, classifies the
outcome and steps the ladder (repair, rotate, retry, compress, fall back, finish); it yields
``Sleep``, ``RunTools`` and ``Emit`` effects and never performs I/O itself. ``ConversationLoop``
(``agent.conversation_loop``) supplies the drivers that perform those effects.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from dataclasses import replace
from typing import Any

from . import events as ev
from ._deadline import deadline_reached
from ._effects import Answered, Call, Effect, Emit, Outcome, RunTools, Sleep, StreamEvent
from ._hooks import Pending
from ._params import RequestSettings
from ._taxonomy import Action, FailoverReason, Scope
from ._turn_base import _At, _Turn, provider_said
from ._turn_outcomes import TurnOutcomes
from ._turn_waits import TurnWaits
from .adapters import ModelReply, ModelRequest
from .chain import ChainEntry, ClientOptions
from .circuit import Gate
from .conversation import Message, ToolResult, unsendable_text
from .credential_pool import Lease, NoCredentialAvailable
from .error_classifier import ClassifiedError
from .interrupt import TurnInterrupted
from .ladder import Budget, Step, backoff_delay, fallback_or_finish, next_step
from .repairs import Draft, repair
from .results import TurnResult, TurnStatus
from .truth import Verdict, busy_verdict, failure_verdict, interrupted_verdict, still_failing

__all__ = ["Answered", "Call", "ChainEntry", "Effect", "Emit", "Outcome", "RunTools", "Sleep", "StreamEvent",
           "TurnLogic"]

_PORTS = {"https": 443, "http": 80}
# How each API says the output limit cut the answer: Chat finish_reason, Anthropic stop_reason,
# Responses status.
_TRUNCATED = frozenset({"length", "max_tokens", "incomplete"})


class TurnLogic(TurnOutcomes, TurnWaits):
    """The decisions of a turn; ``ConversationLoop`` adds the drivers."""

    def passthrough_turn(self, session: str | None = None, *,
                         pinned: bool = False) -> Generator[Effect, Any, TurnResult]:
        """A turn for a request its caller sends as written (a gateway forwarding a client's body through
        ``agent.passthrough``): the same budget, pools, circuits and ladder, but no repair and no compression
        (the body is not ours to change: those steps fall back or finish). The driver performs each ``Call``
        with its own body, ``Call.request`` giving model and timeouts. Its events reach the hooks only (no
        ``Emit``: the driver has no reader to hand them to), and its result holds no messages: the caller
        forwards the answer as sent, so no history is built for it (a reply with tool calls ends the turn,
        the client runs its tools). Once an answer is judged good it yields ``Answered`` before recording
        anything: the caller may send the answer first, and the bookkeeping runs when it resumes the turn.
        ``pinned``: where a pool remembers the session's key, only that key may serve, and only the chain
        entries of such pools: the turn waits for it as for any cooling key (no fallback that cannot serve it
        keeps a reserve), falls back to another entry that holds it, or gives up with that key's status."""
        return self._turn((), session, asynchronous=True, streaming=True, passthrough=True, pinned=pinned)

    def _turn(self, conversation: tuple[Message, ...], session: str | None, asynchronous: bool = False,
              streaming: bool = False, pending: Pending | None = None,
              passthrough: bool = False, pinned: bool = False) -> Generator[Effect, Any, TurnResult]:
        """The turn's decisions; ``pending`` receives async hooks' calls for the async drivers to await."""
        start = self.clock()
        p = self.policy
        t = _Turn(Budget(p.max_attempts, start + p.deadline_seconds, p.max_wait_seconds, reserve=p.reserve_seconds),
                  Draft(conversation, self._tool_specs, self.chain[0].betas), start,
                  ev.TurnRef(os.urandom(8).hex(), session), streaming=streaming, pending=pending,
                  prompt=conversation[-1] if conversation else None, passthrough=passthrough, pinned=pinned)
        if pinned and session is not None:
            t.serving = self._holders(session)
            if t.serving is not None:
                t.entry_index = min(t.serving)
        t.ctx.has_next = len(self.chain) > 1 if t.serving is None else any(i > t.entry_index for i in t.serving)
        self._emit(t, ev.TurnStarted(t.ref, self.chain[0].api, self.chain[0].model, streaming))
        problem = unsendable_text(conversation)
        if problem is not None:  # a local error: nothing is sent, nor retried
            return self._result(t, Verdict(TurnStatus.invalid_request, "steadyloop did not send the request: "
                                           + problem + "."))
        try:
            return (yield from self._steps(t, session, asynchronous))
        except TurnInterrupted as stop:  # SIGTERM/SIGINT during a wait: the lease is already released
            where = self.chain[t.entry_index]  # the target it was waiting on, for the cron record
            return self._result(t, replace(interrupted_verdict(stop.signum, len(t.attempts)),
                                           provider=where.provider_name, model=where.model))

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
            lease = self._acquire(entry, session, t.pinned)
            if isinstance(lease, NoCredentialAvailable):
                verdict = yield from self._empty_pool(t, entry, lease)
                if verdict is not None:
                    return self._result(t, verdict)
                continue
            t.busy = None
            try:
                outcome = yield self._call(t, entry, lease, asynchronous)
            except BaseException as stop:  # cancelled mid-call (Ctrl-C, task cancel, generator closed): free the key
                lease.release()
                if isinstance(stop, TurnInterrupted):  # the call was sent: it is an attempt of the record
                    self._record(t, entry, lease, "interrupted", "interrupted", None)
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

    def _skipped(self, t: _Turn, entry: ChainEntry) -> bool:
        """Skip an (endpoint, model) whose circuit is open, while a fallback may follow; else call it."""
        key, now = self._circuit(entry)
        gate, t.circuit_dirty = self.circuits.gate(key, now)
        if gate is not Gate.open or not self._keeps(t):
            return False
        self._note(t, entry, "skipped: its circuit is open after repeated endpoint failures", "circuit_open")
        self._fall_back(t, "circuit_open")
        return True

    def _acquire(self, entry: ChainEntry, session: str | None, pinned: bool = False) -> Lease | NoCredentialAvailable:
        try:
            return self.pools[entry.pool].acquire(entry.model, session=session, pinned=pinned)
        except NoCredentialAvailable as empty:
            return empty

    def _call(self, t: _Turn, entry: ChainEntry, lease: Lease, asynchronous: bool) -> Call:
        adapter = self._adapters[entry.api]
        base_url = lease.credential.base_url or entry.base_url
        options, settings = self._parts(entry)
        client = adapter.client(lease.credential, base_url, entry.timeout, asynchronous=asynchronous, options=options)
        # Never let one call outlive the deadline, nor eat the reserve of a fallback that may follow.
        now, keep = self.clock(), self._keeps(t)
        cap = t.budget.call_cap(now, keep=keep)
        timeouts = entry.call_timeouts(cap)
        left = t.budget.time_left(now)
        # The drivers cut the call at ``cap`` (agent._deadline): when that is short of the turn's deadline, the
        # cut keeps the fallback's share, and the ladder takes it as this target's timeout (not the turn's end).
        t.reserve_cut = keep and cap < left
        cap = max(0.0, min(cap, left))
        t.budget.used += 1
        t.tried.add(lease.credential.id)
        url = client.base_url  # the SDK's own: the configured URL, or its default host
        self._emit(t, ev.AttemptStarted(entry.api, entry.model, lease.credential.id, t.budget.used,
                                        entry.provider_name, url.host, url.port or _PORTS.get(url.scheme),
                                        t.entry_index, t.ref))
        request = ModelRequest(entry.model, t.draft.messages, t.draft.tools, settings, t.draft.betas,
                               timeouts, t.draft.completion_tokens or entry.model in self._completion_tokens)
        t.sent = request.messages
        return Call(adapter, client, request, stream=t.streaming, time_left=cap, turn=t.ref, turn_left=left)

    def _parts(self, entry: ChainEntry) -> tuple[ClientOptions, RequestSettings]:
        """``entry.client_options()`` and ``entry.settings()``, built once per entry of this loop (both frozen, from
        a frozen entry): every call of a turn asked for new ones."""
        found = self._entry_parts.get(id(entry))
        if found is None or found[0] is not entry:
            found = self._entry_parts[id(entry)] = (entry, entry.client_options(), entry.settings())
        return found[1], found[2]

    def _handle(self, t: _Turn, entry: ChainEntry, lease: Lease,
                outcome: Outcome) -> Generator[Effect, Any, Verdict | None]:
        if deadline_reached(outcome.error) and not t.reserve_cut:
            return self._cut(t, entry, lease, outcome)
        assessed = (self._assess(t, entry, outcome) if not deadline_reached(outcome.error)
                    else self._endpoint_fault(entry, "fallback_reserve", FailoverReason.timeout,
                                              "no complete answer before the time kept for the fallback; "
                                              "steadyloop cancelled the call"))
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

    def _succeeded(self, t: _Turn, entry: ChainEntry, lease: Lease, outcome: Outcome,
                   reply: ModelReply) -> Generator[Effect, Any, Verdict | None]:
        if t.passthrough:  # the answer is final: its caller may send it before the records below
            yield Answered()
        self.pools[entry.pool].record_success(lease)
        if t.circuit_dirty:  # the endpoint answered: close its circuit (the chain returns to it)
            self.circuits.succeeded(self._circuit(entry)[0])
            t.circuit_dirty = t.circuit_open = False
        t.tokens[0] += reply.usage.input_tokens
        t.tokens[1] += reply.usage.output_tokens
        if t.passthrough:  # the caller forwards the answer's bytes: no history to build, no tools to run here
            t.truncated = not _TRUNCATED.isdisjoint(reply.finish_reasons)
            self._record(t, entry, lease, "ok", "answered", outcome, reply=reply)
            return Verdict(TurnStatus.ok, reply.text)
        assistant = Message(role="assistant", text=reply.text, tool_calls=reply.tool_calls, thinking=reply.thinking)
        t.added.append(assistant)
        t.ctx = replace(t.ctx, retries=0, retried={})
        if not reply.tool_calls or len(self.tools) == 0:
            t.truncated = not _TRUNCATED.isdisjoint(reply.finish_reasons)
            # Handed back in result.history; calls no tool answered would make the next request invalid.
            t.draft = replace(t.draft, messages=(*t.draft.messages, assistant.model_copy(update={"tool_calls": ()})))
            self._record(t, entry, lease, "ok", "answered", outcome, reply=reply)
            return Verdict(TurnStatus.ok, reply.text)
        self._record(t, entry, lease, "tool_calls", "tools", outcome, reply=reply)
        t.iterations += 1
        if t.iterations > self.policy.max_iterations:
            return Verdict(TurnStatus.error, f"Stopped after {self.policy.max_iterations} tool-call rounds without a "
                                             "final answer; raise max_iterations or simplify the task.")
        self._emit(t, ev.ToolCallsRequested(entry.model, tuple(provider_said(c.name) for c in reply.tool_calls), t.ref))
        yield from self._flush(t)
        results: tuple[ToolResult, ...] = yield RunTools(reply.tool_calls, t.budget.time_left(self.clock()))
        tool_message = Message(role="tool", tool_results=results)
        t.added.append(tool_message)
        t.draft = replace(t.draft, messages=(*t.draft.messages, assistant, tool_message))
        return None

    def _step(self, t: _Turn, entry: ChainEntry, lease: Lease, c: ClassifiedError, step: Step,
              outcome: Outcome) -> Generator[Effect, Any, Verdict | None]:
        """Apply the ladder's step; a step that turns out impossible gives way to fallback or finish."""
        at = _At(t, entry, lease, c, outcome)
        if step is Step.repair and not t.passthrough and self._repaired(at):
            return None
        if step is Step.rotate:
            self._record(t, entry, lease, c.reason.value, "rotate", outcome, c)
            self._emit(t, ev.CredentialRotated(entry.model, lease.credential.id, c.reason.value, t.ref))
            return None
        if step is Step.retry:
            wait = c.retry_after if c.retry_after is not None else backoff_delay(c.reason, t.ctx.retries + 1,
                                                                                 self.policy, self.rng)
            if c.action is Action.rotate:  # every key was tried: wait for the soonest one to be back
                wait = max(wait, self._back_in(t, entry))
            # Plan it: the sleep, one more call like the last one, and the fallback's reserve must all fit.
            if t.budget.can_wait(wait, self.clock(), then=max(outcome.duration, 0.05), keep=self._keeps(t, c)):
                self._schedule_retry(at, wait)
                yield from self._flush(t)
                yield Sleep(wait)
                return None
        if step is Step.compress and not t.passthrough and self._compressed(at):
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
