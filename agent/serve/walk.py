"""The driver of a pass-through turn: the library's ``TurnLogic`` decides, this module performs.

``walk`` runs ``TurnLogic.passthrough_turn`` (the very ladder, pools, circuits and classifier of
``ConversationLoop``) and performs its effects for one client request: each ``Call`` sends the
client's body through the SDK (``agent.passthrough.send_raw``), each ``Sleep`` waits. A plain
call hands the ladder the SDK's typed error or the parsed answer. A streamed call holds the
upstream events until the first content event (``sse.Watch``), so a failure before it is an
ordinary failed attempt the ladder walks on; after it, the events flow to the client as they
arrive, and a failure ends the turn (``on_partial_stream`` is ``stop`` for the gateway): the
credential is reported and the attempt recorded as a truncation.

When the turn judges an answer good (``Answered``, before it records the key's success, its events and the
result), ``answered`` hands it to the client: the bookkeeping then runs after the answer left, off the
client's wait, and runs whatever the hand-over raised (that is raised once the turn is over).

The turn's deadline bounds every call up to the commit point; after it the answer is no longer
recoverable, so only the chain entry's idle timeout can cut it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from .. import events as ev
from .._aio_sleep import sleep_full
from .._deadline import deadline
from .._redact import redact
from .._turn import Answered, Call, Emit, Outcome, Sleep, TurnLogic
from ..adapters import MalformedStreamError
from ..adapters._stream import _named as name_stream_failure
from ..error_classifier import classify_soft_failure
from ..passthrough import RawRequest, send_raw
from ..results import TurnResult
from .answers import answer_of
from .sink import ClientGone, StreamSink
from .sse import Event, Watch, batches, decoded

__all__ = ["Walked", "record_events", "walk"]


@dataclass(slots=True)
class Walked:
    """What one client request saw: the events of its turn, the answer, and the result."""

    events: list[ev.Event] = field(default_factory=list)
    result: TurnResult | None = None
    body: bytes = b""  # a plain answer: the upstream's body as sent
    content_type: str = "application/json"
    terminal: bytes = b""  # the upstream's own terminal error event, sent once the turn has recorded it
    # openai-responses, stored: told the id of each answer as soon as it is known (agent.serve.stored.keeper)
    keep: Callable[[str], None] | None = None

    def last(self, kind: type[Any]) -> Any:
        return next((e for e in reversed(self.events) if isinstance(e, kind)), None)


_CURRENT: ContextVar[Walked | None] = ContextVar("steadyloop_serve_walk", default=None)


def record_events(event: ev.Event) -> None:
    """A loop hook: the events of the request being walked in this task, as they happen."""
    walked = _CURRENT.get()
    if walked is not None:
        walked.events.append(event)


async def walk(logic: TurnLogic, raw: RawRequest, *, sink: StreamSink | None = None, session: str | None = None,
               pinned: bool = False, sleep: Callable[[float], Awaitable[Any]] = sleep_full,
               clock: Callable[[], float] = time.monotonic, walked: Walked | None = None,
               answered: Callable[[Walked], Awaitable[None]] | None = None) -> Walked:
    """Run one pass-through turn for ``raw``; streamed answers go to ``sink``; events land in ``walked``
    (a new one unless given: a sink's headers may read it while the turn runs); ``answered(walked)`` is
    awaited once the answer is final, before the turn's records (see the module's docstring)."""
    walked = Walked() if walked is None else walked
    token = _CURRENT.set(walked)
    turn = logic.passthrough_turn(session, pinned=pinned)
    late: BaseException | None = None  # what the hand-over of the answer raised: raised when the turn is over
    try:
        reply: Any = None
        while True:
            try:
                effect = turn.send(reply)
            except StopIteration as done:
                walked.result = done.value
                break
            reply = None
            if late is not None:  # nothing but the records follows an answer (Answered's contract)
                raise late
            if isinstance(effect, Answered):
                if answered is not None:
                    try:
                        await answered(walked)
                    except BaseException as exc:  # the key's success and the turn's events are recorded still
                        late = exc
            elif isinstance(effect, Sleep):
                await sleep(effect.seconds)
            elif isinstance(effect, Call):
                reply = await (_stream(effect, raw, sink, walked, clock) if sink is not None
                               else _plain(effect, raw, walked, clock))
            elif not isinstance(effect, Emit):  # Emit: the hooks already saw it (record_events)
                raise TypeError(f"a pass-through turn has no {type(effect).__name__} effect")
        if late is not None:
            raise late
        return walked
    finally:
        turn.close()  # cancelled or the client left mid-call: the turn releases its key
        _CURRENT.reset(token)


def _bound(effect: Call) -> Any:
    return deadline(effect.time_left) if effect.time_left is not None else contextlib.nullcontext()


async def _plain(effect: Call, raw: RawRequest, walked: Walked, clock: Callable[[], float]) -> Outcome:
    start = clock()
    try:
        with _bound(effect):
            response = await send_raw(effect.client, effect.adapter.api, raw, effect.request)
    except Exception as exc:
        return Outcome(error=exc, duration=clock() - start)
    walked.body = response.content
    walked.content_type = response.headers.get("content-type", "application/json")
    try:
        data = response.json()
    except ValueError:
        data = response.text  # not JSON: the ladder judges it malformed
    if walked.keep is not None and isinstance(data, dict) and isinstance(data.get("id"), str):
        walked.keep(data["id"])  # before the answer leaves: the client may chain it at once
    return Outcome(raw=data, reply=answer_of(effect.adapter.api, data), duration=clock() - start)


def _redacted(frame: bytes) -> bytes:
    """An upstream event as sent, but for the pool's keys (providers echo the key they refused)."""
    text = frame.decode("utf-8", "replace")
    return redact(text, limit=2 * len(text) + 1024).encode()


async def _stream(effect: Call, raw: RawRequest, sink: StreamSink, walked: Walked,
                  clock: Callable[[], float]) -> Outcome:
    start, response = clock(), None
    bound = contextlib.ExitStack()
    bound.enter_context(_bound(effect))

    def committed() -> None:  # no fallback can follow now, so the rest of the answer may use the fallback's
        if effect.turn_left is not None:  # reserve too; the turn's deadline still bounds it
            bound.close()
            bound.enter_context(deadline(effect.turn_left - (clock() - start)))

    try:
        response = await send_raw(effect.client, effect.adapter.api, raw, effect.request)
        upstream = _events(effect.client, response)
        if upstream is None:
            return await _not_a_stream(effect, response, clock() - start)
        watch = Watch(effect.adapter.api, effect.client, response)
        held: list[bytes] = []
        idle = effect.request.timeouts.idle if effect.request.timeouts is not None else None
        failure = await _relay(upstream, watch, sink, walked, held, committed, idle)
        if failure is not None:
            return _failed(failure, clock() - start, sink.written)
        reply = watch.reply()
        if not sink.committed and (reply.text or reply.tool_calls or reply.parts):
            if walked.keep is not None and watch.response_id:
                walked.keep(watch.response_id)
            await sink.commit(b"".join(held))
        return Outcome(raw=watch.final, reply=reply, duration=clock() - start, delivered=sink.written)
    except ClientGone:
        raise
    except Exception as exc:
        return Outcome(error=name_stream_failure(exc), duration=clock() - start, delivered=sink.written)
    finally:
        bound.close()
        if response is not None:
            with contextlib.suppress(Exception):
                await response.aclose()


class _Silence:
    """The upstream's silence, watched by one timer: ``pause`` while the client's time runs (a batch being handed
    on), ``resume`` once it is the upstream's again. When ``idle`` seconds of the upstream's own silence have passed,
    ``bound`` (an ``asyncio.timeout`` with no deadline of its own) expires now. Where a timeout rescheduled for every
    batch made and cancelled two timers a batch (about 10 us each), the timer is made again only when it falls due
    early: on a stream that keeps talking, once every ``idle`` seconds."""

    __slots__ = ("_bound", "_idle", "_last", "_loop", "_paused", "_timer")

    def __init__(self, bound: asyncio.Timeout, idle: float) -> None:
        self._bound, self._idle, self._loop = bound, idle, asyncio.get_running_loop()
        self._last, self._paused = self._loop.time(), False
        self._timer = self._loop.call_at(self._last + idle, self._due)

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        self._last, self._paused = self._loop.time(), False

    def stop(self) -> None:
        self._timer.cancel()

    def _due(self) -> None:
        now = self._loop.time()
        if not self._paused and now - self._last >= self._idle:
            self._bound.reschedule(now)  # the task is cancelled on the loop's next turn, as at a timeout's own end
            return
        self._timer = self._loop.call_at((now if self._paused else self._last) + self._idle, self._due)


async def _relay(upstream: AsyncIterator[Iterable[Event]], watch: Watch, sink: StreamSink, walked: Walked,
                 held: list[bytes], committed: Callable[[], None], idle: float | None = None) -> Any:
    """The upstream's events to ``sink``: held (in ``held``) until the first content event, then relayed; the
    failure an event announced (None: the stream ended). The events one upstream chunk ended leave in one write
    after the commit point (the bytes and their order as sent, a write and a wake-up of the client instead of
    one an event: an upstream often sends a whole short answer in one segment).

    The upstream may be silent ``idle`` seconds at most, from its headers to its first events and between any
    two chunks (the chain entry's ``idle_timeout``, as the library's streams have it): the read timeout the
    HTTP stack was given is the first-byte one, and it would bound every read of the body instead. The time
    spent handing events to the client is not the upstream's silence (``_Silence``)."""
    bound = asyncio.timeout(None)
    try:
        async with bound:
            silence = _Silence(bound, idle) if idle is not None else None
            try:
                return await _relay_within(upstream, watch, sink, walked, held, committed, silence)
            finally:
                if silence is not None:
                    silence.stop()
    except TimeoutError:
        if not bound.expired():
            raise
        import httpx2

        raise httpx2.ReadTimeout(f"the stream was silent for {idle:g} s (idle_timeout)") from None


async def _relay_within(upstream: AsyncIterator[Iterable[Event]], watch: Watch, sink: StreamSink, walked: Walked,
                        held: list[bytes], committed: Callable[[], None], silence: _Silence | None) -> Any:
    async for batch in upstream:
        out: list[bytes] = []  # past the commit point: written once the batch is read, or when an event fails
        if silence is not None:
            silence.pause()  # the client's time, not the upstream's
        try:
            for event in batch:
                failure = watch.feed(event)
                if failure is not None:
                    if sink.committed:  # the provider's own terminal error: the client gets it as sent (but for
                        walked.terminal = _redacted(event.raw)  # the keys it echoes), after the pool heard of it
                    return failure
                if sink.committed:
                    out.append(event.raw)
                    continue
                held.append(event.raw)
                if watch.content:  # the commit point: sent at once, the rest of the batch after it
                    if walked.keep is not None and watch.response_id:
                        walked.keep(watch.response_id)  # before any of it leaves: the client may chain it
                    await sink.commit(b"".join(held))
                    committed()
        finally:
            if out:
                await sink.write(b"".join(out))
            if silence is not None:
                silence.resume()
    return None


def _events(client: Any, response: Any) -> AsyncIterator[Iterable[Event]] | None:
    """The upstream's events: SSE as sent, or Bedrock's AWS event-stream frames decoded by the SDK's own
    decoder (``_make_sse_decoder``) and written as the SSE events they carry; None when not a stream."""
    kind = response.headers.get("content-type", "")
    if kind.startswith("text/event-stream"):
        return batches(response.aiter_bytes())
    if kind.startswith("application/vnd.amazon.eventstream") and hasattr(client, "_make_sse_decoder"):
        return decoded(client._make_sse_decoder().aiter_bytes(response.aiter_bytes()))
    return None


async def _not_a_stream(effect: Call, response: Any, duration: float) -> Outcome:
    """A JSON body answering a streamed request: a failed 200 (Codex reports quota so) for the soft-failure
    rules, else nothing a streaming client could be given."""
    await response.aread()
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if isinstance(answer, dict) and classify_soft_failure(answer) is not None:
        return Outcome(raw=answer, duration=duration)
    return Outcome(error=MalformedStreamError("a streamed request was answered without an event stream"),
                   duration=duration)


def _failed(failure: Any, duration: float, delivered: int) -> Outcome:
    if isinstance(failure, BaseException):
        return Outcome(error=failure, duration=duration, delivered=delivered)
    return Outcome(raw=failure, duration=duration, delivered=delivered)  # a failed 200: the soft-failure rules
