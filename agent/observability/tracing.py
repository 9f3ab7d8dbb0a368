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
import logging
import threading
import time
from collections import OrderedDict, deque

try:
    from opentelemetry import context as otel_context
    from opentelemetry import trace
    from opentelemetry.trace import Tracer
except ImportError as err:  # pragma: no cover - exercised in a subprocess without the extra
    raise ImportError("Tracing needs opentelemetry-api: pip install 'steadyloop[otel]'") from err

from .. import events as ev
from ._spans import Record, SpanBuilder

__all__ = ["Tracing"]

log = logging.getLogger("steadyloop.observability")

BATCH_SECONDS = 0.05  # the builder's longest sleep: spans reach the span processor this much later at most
WAKE_AT = 256  # finished turns that wake the builder at once


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
        self._open: OrderedDict[str, Record] = OrderedDict()
        self._lock = threading.Lock()
        # Finished turns wait here for the builder. It sleeps until the first one arrives, gathers
        # for BATCH_SECONDS (less past WAKE_AT turns or on flush), then builds them all: at most one
        # thread wake-up per batch, and none per turn on the loop's thread.
        self._pending: deque[Record] = deque()
        self._wake = threading.Event()
        self._idle = threading.Condition()
        self._busy = self._parked = self._hurry = False
        self._worker: threading.Thread | None = None
        self._spans = SpanBuilder(self.tracer, agent_name, self.max_content_chars)

    def __call__(self, event: ev.Event) -> None:
        """Stamp and keep the event (the loop's thread does nothing else); a finished turn goes to the builder.

        No lock here: each dict operation is atomic, and of a finished turn and its eviction only the one
        that pops the record hands it on."""
        now = time.time_ns()
        if isinstance(event, ev.TurnStarted):
            self._started(event.turn.id, Record(otel_context.get_current(), [now], [event]))
            return
        record = self._open.get(event.turn.id)
        if record is None:
            return
        record.times.append(now)
        record.events.append(event)
        if isinstance(event, ev.TurnFinished) and self._open.pop(event.turn.id, None) is record:
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

    def _started(self, turn_id: str, record: Record) -> None:
        self._open[turn_id] = record
        if len(self._open) <= self.max_open_turns:
            return
        evicted = []
        with self._lock:  # one evicting thread at a time; the loop's threads still add and pop meanwhile
            while len(self._open) > self.max_open_turns:
                try:
                    evicted.append(self._open.popitem(last=False)[1])
                except KeyError:  # emptied by finishing turns meanwhile
                    break
        for old in evicted:
            old.times.append(time.time_ns())
            old.events.append(ev.TurnFinished("abandoned", None, 0, 0.0, "abandoned"))
            self._submit(old)

    def _submit(self, record: Record) -> None:
        if not self.deferred:
            self._spans.build(record)
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
                    self._spans.build(record)
                except Exception:  # a tracing bug must never take the thread (or the turn) down
                    log.exception("steadyloop: building a turn's spans failed")
            self._busy = self._hurry = False
            with self._idle:
                self._idle.notify_all()
