"""One finished turn's spans, built from its stamped events (the tracing hook's background work).

Span names and attributes follow the GenAI semantic conventions (see ``tracing``). The
OpenTelemetry SDK checks every attribute it is given and allocates a dozen objects per span;
this module keeps its own share small: one pass over the turn's events, each span started once
with its complete attribute dict (never ``set_attribute`` one by one), the attributes that are
the same for every call of one chain entry and credential (provider, model, server, credential,
hop, span name) computed once and copied, and nothing built after the turn span when the sampler
drops the turn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer

from .. import events as ev
from .._redact import redact

__all__ = ["Record", "SpanBuilder"]

_OK = frozenset(("ok", "tool_calls"))
_ERROR = Status(StatusCode.ERROR)
_CLIENT, _INTERNAL = SpanKind.CLIENT, SpanKind.INTERNAL
_CACHE_MAX = 4096  # remembered chain entry x credential combinations (a handful in practice)

_AttemptBase = tuple[str, str, dict[str, Any]]  # span name, provider, the constant attributes


@dataclass(slots=True)
class Record:
    """One turn: its events and the wall clock (ns) at which each arrived, and the caller's context."""

    parent: Any
    times: list[int]
    events: list[ev.Event]


class SpanBuilder:
    """Builds records into spans with ``tracer``. Its caches are dicts read and filled atomically, so the
    loop's threads may share it (``deferred=False``)."""

    def __init__(self, tracer: Tracer, agent_name: str, content_limit: int) -> None:
        self.tracer, self.content_limit = tracer, content_limit
        self.turn_name = f"invoke_agent {agent_name}"
        self._agent = agent_name
        self._turns: dict[str, dict[str, Any]] = {}  # the turn span's constant attributes, by requested model
        self._attempts: dict[tuple[object, ...], _AttemptBase] = {}

    def build(self, record: Record) -> None:
        times, events = record.times, record.events
        first, end = events[0], events[-1]
        if not isinstance(first, ev.TurnStarted) or not isinstance(end, ev.TurnFinished):
            return
        bases = [self._attempt_base(e) for e in events if type(e) is ev.AttemptStarted]
        turn = self.tracer.start_span(self.turn_name, context=record.parent, kind=_INTERNAL,
                                      attributes=self._turn_attributes(first, end, bases), start_time=times[0])
        if not turn.is_recording():
            return  # sampled out: its children would be too, so build nothing more
        self._children(turn, record, first.turn.session, iter(bases).__next__)
        _finish(turn, times[-1], end.status != "ok")

    def _children(self, turn: Span, record: Record, session: str | None, next_base: Any) -> None:
        """The attempt, sleep and tool spans under ``turn``, and its fallback span events."""
        tracer, context, times, events = self.tracer, trace.set_span_in_context(turn), record.times, record.events
        attempt: tuple[int, str, dict[str, Any]] | None = None  # start, name, attributes of the call in flight
        gap: Span | None = None  # a sleep or a tool run: lasts until the turn's next event
        content: ev.AttemptContent | None = None
        for i in range(1, len(events)):
            at, e = times[i], events[i]
            if gap is not None:
                gap.end(end_time=at)
                gap = None
            if isinstance(e, ev.AttemptEnded):
                if attempt is not None:
                    failed = _ended(attempt[2], e, content if content is not None and content.attempt == e.attempt
                                    else None, self.content_limit)
                    _finish(tracer.start_span(attempt[1], context=context, kind=_CLIENT, attributes=attempt[2],
                                              start_time=attempt[0]), at, failed)
                attempt = content = None
            elif isinstance(e, ev.AttemptStarted):
                attempt = (at, *_opened(next_base(), session, e.attempt))
            elif isinstance(e, ev.AttemptContent):
                content = e
            elif isinstance(e, ev.FallbackActivated):
                turn.add_event("steadyloop.fallback", {"steadyloop.from_model": e.from_model,
                                                       "steadyloop.to_model": e.to_model,
                                                       "steadyloop.reason": e.reason}, timestamp=at)
            elif isinstance(e, ev.TurnFinished) and attempt is not None:  # abandoned mid-call
                attempt[2]["error.type"] = "abandoned"
                _finish(tracer.start_span(attempt[1], context=context, kind=_CLIENT, attributes=attempt[2],
                                          start_time=attempt[0]), at, True)
            else:
                gap = _gap(tracer, context, at, e)

    def _attempt_base(self, e: ev.AttemptStarted) -> _AttemptBase:
        """Span name, provider and the attributes every call of this entry with this credential shares."""
        key = (e.api, e.provider, e.model, e.server_address, e.server_port, e.credential_id, e.fallback_hop)
        found = self._attempts.get(key)
        if found is None:
            provider = e.provider.lower() or e.api.split("-")[0]
            attrs: dict[str, Any] = {
                "gen_ai.operation.name": "chat", "gen_ai.provider.name": provider, "gen_ai.request.model": e.model,
                "server.address": e.server_address, "steadyloop.credential": e.credential_id,
                "steadyloop.fallback_hop": e.fallback_hop,
            }
            if e.server_port is not None:
                attrs["server.port"] = e.server_port
            if len(self._attempts) >= _CACHE_MAX:
                self._attempts.clear()
            found = self._attempts[key] = (f"chat {e.model}", provider, attrs)
        return found

    def _turn_attributes(self, e: ev.TurnStarted, end: ev.TurnFinished, bases: list[_AttemptBase]) -> dict[str, Any]:
        """The turn span's attributes, all known at its start: the record already ends with ``TurnFinished``."""
        base = self._turns.get(e.model)
        if base is None:
            if len(self._turns) >= _CACHE_MAX:
                self._turns.clear()
            base = self._turns[e.model] = {"gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": self._agent,
                                           "gen_ai.request.model": e.model}
        attrs = base.copy()
        if e.turn.session:
            attrs["gen_ai.conversation.id"] = e.turn.session
        if e.streaming:
            attrs["steadyloop.stream"] = True
        attrs["steadyloop.turn.status"], attrs["steadyloop.attempts"] = end.status, end.attempts
        attrs["gen_ai.usage.input_tokens"], attrs["gen_ai.usage.output_tokens"] = end.input_tokens, end.output_tokens
        if bases and all(b[1] == bases[0][1] for b in bases):
            attrs["gen_ai.provider.name"] = bases[0][1]
        if end.partial:
            attrs["steadyloop.partial"] = True
        if end.status != "ok":
            attrs["error.type"] = end.reason or end.status
        elif end.model:
            attrs["gen_ai.response.model"] = end.model
        return attrs


def _ended(attrs: dict[str, Any], e: ev.AttemptEnded, content: ev.AttemptContent | None, limit: int) -> bool:
    """Add what the attempt's end tells to ``attrs``; True when it failed."""
    attrs["steadyloop.action"], attrs["steadyloop.reason"] = e.action, e.outcome
    if e.response_model:
        attrs["gen_ai.response.model"] = e.response_model
    failed = e.outcome not in _OK
    if failed:
        attrs["error.type"] = e.outcome
    else:
        attrs["gen_ai.usage.input_tokens"], attrs["gen_ai.usage.output_tokens"] = e.input_tokens, e.output_tokens
    if e.finish_reasons:
        attrs["gen_ai.response.finish_reasons"] = e.finish_reasons
    if content is not None:
        attrs.update(_content_attributes(content, e.finish_reasons, limit))
    if e.status_code is not None:
        attrs["http.response.status_code"] = e.status_code
    if e.rule is not None:
        attrs["steadyloop.rule"] = e.rule
    if e.scope is not None:
        attrs["steadyloop.scope"] = e.scope
    if e.retry_after is not None:
        attrs["steadyloop.retry_after"] = e.retry_after
    if e.wait:
        attrs["steadyloop.wait"] = e.wait
    return failed


def _opened(base: _AttemptBase, session: str | None, attempt: int) -> tuple[str, dict[str, Any]]:
    """An attempt's span name and its attributes known at its start."""
    name, _, constant = base
    attrs = constant.copy()
    if session:
        attrs["gen_ai.conversation.id"] = session
    if attempt > 1:
        attrs["http.request.resend_count"] = attempt - 1
    return name, attrs


def _finish(span: Span, at: int, failed: bool) -> None:
    if failed:
        span.set_status(_ERROR)
    span.end(end_time=at)


def _gap(tracer: Tracer, context: Any, at: int, e: ev.Event) -> Span | None:
    """A sleep's or a tool run's span, open until the turn's next event; None for other events."""
    if isinstance(e, ev.RetryScheduled):
        return tracer.start_span("steadyloop.wait", context=context, kind=_INTERNAL, start_time=at,
                                 attributes={"steadyloop.wait": e.wait, "steadyloop.reason": e.reason})
    if not isinstance(e, ev.ToolCallsRequested):
        return None
    attrs: dict[str, Any] = {"gen_ai.operation.name": "execute_tool", "steadyloop.tools": e.tools}
    name = "execute_tool"
    if len(e.tools) == 1:
        name, attrs["gen_ai.tool.name"] = f"execute_tool {e.tools[0]}", e.tools[0]
    return tracer.start_span(name, context=context, kind=_INTERNAL, attributes=attrs, start_time=at)


def _content_attributes(e: ev.AttemptContent, finish_reasons: tuple[str, ...], limit: int) -> dict[str, str]:
    """``gen_ai.input.messages`` / ``gen_ai.output.messages`` in the GenAI conventions' JSON, every text redacted."""
    attrs = {"gen_ai.input.messages": json.dumps([_message_json(m, limit) for m in e.input_messages])}
    if e.output is not None:
        output = _message_json(e.output, limit)
        output["finish_reason"] = finish_reasons[0] if finish_reasons else "stop"
        attrs["gen_ai.output.messages"] = json.dumps([output])
    return attrs


def _message_json(message: Any, limit: int) -> dict[str, Any]:
    """One message as ``{"role", "parts"}``: text, tool calls and tool results (images are left out)."""
    parts: list[dict[str, Any]] = []
    if message.text:
        parts.append({"type": "text", "content": redact(message.text, limit)})
    for call in message.tool_calls:
        parts.append({"type": "tool_call", "id": call.id, "name": call.name,
                      "arguments": redact(json.dumps(call.arguments, default=str), limit)})
    for result in message.tool_results:
        parts.append({"type": "tool_call_response", "id": result.call_id, "response": redact(result.content, limit)})
    return {"role": message.role, "parts": parts}
