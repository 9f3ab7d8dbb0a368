"""OpenTelemetry traces per the GenAI semantic conventions, built from the loop's events.

Span tree of one turn (``Tracing`` is a hook: add it to the loop's hooks)::

    invoke_agent steadyloop            INTERNAL  TurnStarted .. TurnFinished
    ├── chat gpt-4o                    CLIENT    AttemptStarted .. AttemptEnded (one per upstream call)
    ├── steadyloop.wait                INTERNAL  RetryScheduled .. the turn's next event
    ├── chat gpt-4o                    CLIENT    (the retry: http.request.resend_count = 1)
    ├── execute_tool lookup            INTERNAL  ToolCallsRequested .. the turn's next event
    └── chat claude-haiku-4-5          CLIENT    (after a fallback: steadyloop.fallback_hop = 1)

Conventions: https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/ (inference span
``{gen_ai.operation.name} {gen_ai.request.model}``, kind CLIENT; ``invoke_agent {agent name}``;
``execute_tool {tool name}``). ``error.type`` is the classified reason (a closed set); what the
conventions lack lives under ``steadyloop.*``. Message contents are recorded only when the user
opts in (``record_content=True``): then each attempt span carries ``gen_ai.input.messages`` and
``gen_ai.output.messages`` (the conventions' JSON), every text redacted like any log line.

Cost: on the loop's thread the hook only stamps each event with the time and keeps it. When the
turn finishes, its spans are built with those times, by default on a background thread, so
the SDK's work overlaps the next upstream call instead of adding to the turn (``flush()`` waits
for it; ``deferred=False`` builds at once, on the loop's thread).
"""

from __future__ import annotations

import atexit
import json
import logging
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any

try:
    from opentelemetry import context as otel_context
    from opentelemetry import trace
    from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer
except ImportError as err:  # pragma: no cover - exercised in a subprocess without the extra
    raise ImportError("Tracing needs opentelemetry-api: pip install 'steadyloop[otel]'") from err

from .. import events as ev
from .._redact import redact

__all__ = ["Tracing"]

log = logging.getLogger("steadyloop.observability")

BATCH_SECONDS = 0.05  # the builder's longest sleep: spans reach the span processor this much later at most
WAKE_AT = 256  # finished turns that wake the builder at once
_OK = ("ok", "tool_calls")
_ERROR = Status(StatusCode.ERROR)


@dataclass(slots=True)
class _Record:
    """One turn's events, stamped with the wall clock (ns) when each arrived, and the caller's context."""

    parent: Any
    events: list[tuple[int, ev.Event]] = field(default_factory=list)


class Tracing:
    """The tracing hook. ``tracer`` defaults to ``trace.get_tracer("steadyloop")`` (the global provider).

    ``max_open_turns`` bounds memory when turns are abandoned without ``TurnFinished`` (a
    cancelled stream): the oldest open turn is then traced with ``error.type = abandoned``.
    ``max_pending`` bounds the turns waiting for the background builder; past it, turns are
    dropped and counted in ``dropped``. ``record_content`` (off by default) records the messages each
    attempt sent and the answer on its span, redacted (configured keys and key shapes masked) and each
    text cut to ``max_content_chars``; images are never recorded.
    """

    def __init__(self, tracer: Tracer | None = None, *, agent_name: str = "steadyloop", deferred: bool = True,
                 max_open_turns: int = 1024, max_pending: int = 10_000, record_content: bool = False,
                 max_content_chars: int = 16_384) -> None:
        self.tracer = tracer or trace.get_tracer("steadyloop")
        self.agent_name, self.deferred, self.max_open_turns = agent_name, deferred, max_open_turns
        self.records_content = record_content is True  # the loop sends AttemptContent only to hooks saying so
        self.max_content_chars = max(1, int(max_content_chars))
        self.dropped, self.max_pending = 0, max_pending
        self._open: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()
        # Finished turns wait here for the builder. It sleeps until the first one arrives, gathers
        # for BATCH_SECONDS (less past WAKE_AT turns or on flush), then builds them all: at most one
        # thread wake-up per batch, and none per turn on the loop's thread.
        self._pending: deque[_Record] = deque()
        self._wake = threading.Event()
        self._idle = threading.Condition()
        self._busy = self._parked = self._hurry = False
        self._worker: threading.Thread | None = None

    def __call__(self, event: ev.Event) -> None:
        now = time.time_ns()
        turn_id = event.turn.id
        if isinstance(event, ev.TurnStarted):
            self._started(turn_id, _Record(otel_context.get_current(), [(now, event)]))
            return
        record = self._open.get(turn_id)
        if record is None:
            return
        record.events.append((now, event))
        if isinstance(event, ev.TurnFinished):
            with self._lock:
                self._open.pop(turn_id, None)
            self._submit(record)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every finished turn's spans are built (and handed to the span processors)."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending or self._busy:
                self._hurry = True  # no gathering: build what is there now
                self._wake.set()
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(min(left, 0.05))
        return True

    # ------------------------------------------------------------------ handing turns to the builder

    def _started(self, turn_id: str, record: _Record) -> None:
        with self._lock:
            self._open[turn_id] = record
            evicted = [self._open.popitem(last=False)[1] for _ in range(len(self._open) - self.max_open_turns)]
        for old in evicted:
            old.events.append((time.time_ns(), ev.TurnFinished("abandoned", None, 0, 0.0, "abandoned")))
            self._submit(old)

    def _submit(self, record: _Record) -> None:
        if not self.deferred:
            _Builder(self, record).build()
            return
        if self._worker is None:
            self._start_worker()
        if len(self._pending) >= self.max_pending:
            self.dropped += 1
            return
        self._pending.append(record)  # atomic; appended before _parked is read (the builder does the reverse)
        if self._parked or len(self._pending) >= WAKE_AT:
            self._wake.set()

    def _start_worker(self) -> None:
        with self._lock:
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="steadyloop-tracing", daemon=True)
                self._worker.start()
                atexit.register(self.flush, 1.0)

    def _work(self) -> None:
        while True:
            self._parked = True  # set before looking at the queue: a turn appended after the look sets _wake
            if self._pending:
                self._parked = False
            else:
                self._wake.wait()
                self._parked = False
                self._wake.clear()
                if not self._hurry:
                    self._wake.wait(BATCH_SECONDS)  # gather the turns that finish meanwhile
            self._wake.clear()
            self._busy = True  # before looking at the queue, so flush() cannot see it empty mid-build
            while self._pending:
                record = self._pending.popleft()
                try:
                    _Builder(self, record).build()
                except Exception:  # a tracing bug must never take the thread (or the turn) down
                    log.exception("steadyloop: building a turn's spans failed")
            self._busy = self._hurry = False
            with self._idle:
                self._idle.notify_all()


class _Builder:
    """Builds one turn's spans from its stamped events, in order."""

    def __init__(self, tracing: Tracing, record: _Record) -> None:
        self.tracer, self.agent_name, self.record = tracing.tracer, tracing.agent_name, record
        self.content_limit = tracing.max_content_chars
        self.content: ev.AttemptContent | None = None  # the attempt's messages, when recorded
        self.turn: Span | None = None
        self.context: Any = None
        self.attempt: tuple[int, dict[str, Any]] | None = None  # start time and attributes
        self.gap: Span | None = None  # a sleep or a tool run: lasts until the turn's next event

    def build(self) -> None:
        for at, event in self.record.events:
            if self.turn is not None and not self.turn.is_recording():
                return  # sampled out: its children would be too, so build nothing more
            if self.gap is not None:
                self.gap.end(end_time=at)
                self.gap = None
            handler = _HANDLERS.get(type(event))
            if handler is not None:
                handler(self, at, event)

    def _span(self, name: str, at: int, kind: SpanKind, attrs: dict[str, Any]) -> Span:
        return self.tracer.start_span(name, context=self.context, kind=kind, attributes=attrs, start_time=at)

    def _started(self, at: int, e: ev.TurnStarted) -> None:
        """The turn span, with every attribute at once: the record already ends with ``TurnFinished``."""
        end = self.record.events[-1][1]
        attrs: dict[str, Any] = {"gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": self.agent_name,
                                 "gen_ai.request.model": e.model}
        if e.turn.session:
            attrs["gen_ai.conversation.id"] = e.turn.session
        if e.streaming:
            attrs["steadyloop.stream"] = True
        if isinstance(end, ev.TurnFinished):
            attrs.update(_turn_outcome(end, self.record))
        self.turn = self.tracer.start_span(f"invoke_agent {self.agent_name}", context=self.record.parent,
                                           kind=SpanKind.INTERNAL, attributes=attrs, start_time=at)
        self.context = trace.set_span_in_context(self.turn)

    def _finished(self, at: int, e: ev.TurnFinished) -> None:
        span = self.turn
        if span is None:
            return
        if self.attempt is not None:  # abandoned mid-call
            self._attempt_span(at, {"error.type": "abandoned"}, failed=True)
        if e.status != "ok":
            span.set_status(_ERROR)
        span.end(end_time=at)

    def _attempt_started(self, at: int, e: ev.AttemptStarted) -> None:
        provider = _provider(e)
        attrs: dict[str, Any] = {
            "gen_ai.operation.name": "chat", "gen_ai.provider.name": provider, "gen_ai.request.model": e.model,
            "server.address": e.server_address, "steadyloop.credential": e.credential_id,
            "steadyloop.fallback_hop": e.fallback_hop,
        }
        if e.server_port is not None:
            attrs["server.port"] = e.server_port
        if e.attempt > 1:
            attrs["http.request.resend_count"] = e.attempt - 1
        if e.turn.session:
            attrs["gen_ai.conversation.id"] = e.turn.session
        self.attempt = (at, attrs)

    def _attempt_ended(self, at: int, e: ev.AttemptEnded) -> None:
        if self.attempt is None:
            return
        attrs: dict[str, Any] = {"steadyloop.action": e.action, "steadyloop.reason": e.outcome}
        if e.response_model:
            attrs["gen_ai.response.model"] = e.response_model
        if e.outcome in _OK:
            attrs["gen_ai.usage.input_tokens"], attrs["gen_ai.usage.output_tokens"] = e.input_tokens, e.output_tokens
        else:
            attrs["error.type"] = e.outcome
        if e.finish_reasons:
            attrs["gen_ai.response.finish_reasons"] = e.finish_reasons
        if self.content is not None and self.content.attempt == e.attempt:
            attrs.update(_content_attributes(self.content, e.finish_reasons, self.content_limit))
        self.content = None
        for key, value in (("http.response.status_code", e.status_code), ("steadyloop.rule", e.rule),
                           ("steadyloop.scope", e.scope), ("steadyloop.retry_after", e.retry_after),
                           ("steadyloop.wait", e.wait or None)):
            if value is not None:
                attrs[key] = value
        self._attempt_span(at, attrs, failed=e.outcome not in _OK)

    def _content(self, at: int, e: ev.AttemptContent) -> None:
        self.content = e

    def _attempt_span(self, at: int, more: dict[str, Any], *, failed: bool) -> None:
        assert self.attempt is not None
        start, attrs = self.attempt
        self.attempt = None
        span = self._span(f"chat {attrs['gen_ai.request.model']}", start, SpanKind.CLIENT, {**attrs, **more})
        if failed:
            span.set_status(_ERROR)
        span.end(end_time=at)

    def _wait(self, at: int, e: ev.RetryScheduled) -> None:
        self.gap = self._span("steadyloop.wait", at, SpanKind.INTERNAL,
                              {"steadyloop.wait": e.wait, "steadyloop.reason": e.reason})

    def _tools(self, at: int, e: ev.ToolCallsRequested) -> None:
        attrs: dict[str, Any] = {"gen_ai.operation.name": "execute_tool", "steadyloop.tools": e.tools}
        name = "execute_tool"
        if len(e.tools) == 1:
            name, attrs["gen_ai.tool.name"] = f"execute_tool {e.tools[0]}", e.tools[0]
        self.gap = self._span(name, at, SpanKind.INTERNAL, attrs)

    def _fallback(self, at: int, e: ev.FallbackActivated) -> None:
        if self.turn is not None:
            self.turn.add_event("steadyloop.fallback", {"steadyloop.from_model": e.from_model,
                                                        "steadyloop.to_model": e.to_model,
                                                        "steadyloop.reason": e.reason}, timestamp=at)


def _provider(e: ev.AttemptStarted) -> str:
    return e.provider.lower() or e.api.split("-")[0]


def _turn_outcome(e: ev.TurnFinished, record: _Record) -> dict[str, Any]:
    """The turn span's attributes known at its end: status, totals, the answering model, the error."""
    attrs: dict[str, Any] = {"steadyloop.turn.status": e.status, "steadyloop.attempts": e.attempts,
                             "gen_ai.usage.input_tokens": e.input_tokens, "gen_ai.usage.output_tokens": e.output_tokens}
    providers = {_provider(a) for _, a in record.events if isinstance(a, ev.AttemptStarted)}
    if len(providers) == 1:
        attrs["gen_ai.provider.name"] = providers.pop()
    if e.partial:
        attrs["steadyloop.partial"] = True
    if e.status == "ok" and e.model:
        attrs["gen_ai.response.model"] = e.model
    if e.status != "ok":
        attrs["error.type"] = e.reason or e.status
    return attrs


_HANDLERS: dict[type, Any] = {
    ev.TurnStarted: _Builder._started, ev.TurnFinished: _Builder._finished,
    ev.AttemptStarted: _Builder._attempt_started, ev.AttemptEnded: _Builder._attempt_ended,
    ev.RetryScheduled: _Builder._wait, ev.ToolCallsRequested: _Builder._tools, ev.FallbackActivated: _Builder._fallback,
    ev.AttemptContent: _Builder._content,
}


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
