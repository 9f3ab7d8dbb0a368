"""An empty pool: wait for a key (a planned retry, or a poll while keys are busy), fall back, or finish."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, Final

from . import events as ev
from ._effects import Effect, Sleep
from ._turn_base import TurnBase, _Turn
from .chain import ChainEntry
from .cooldown import CredentialStatus
from .credential_pool import NoCredentialAvailable
from .ladder import may_retry
from .truth import Verdict, empty_pool_verdict

__all__ = ["TurnWaits"]

_REWAITS: Final = 3  # sleeps for the rest of one key's return, after an early wake (TurnWaits._empty_pool)


class TurnWaits(TurnBase):
    """No key may serve now: how long to wait for one, and when to give up on the pool."""

    def _back_in(self, t: _Turn, entry: ChainEntry) -> float:
        """Seconds until a key of ``entry``'s pool may serve its model again (0: one may now); the time of that
        return is what the turn sleeps for (``t.waited_for``)."""
        empty = self.pools[entry.pool].unavailable(entry.model)
        if any(b.status.value == "available" and b.available_at is not None and b.available_at <= empty.now
               for b in empty.blocked):
            return 0.0
        t.waited_for = empty.soonest
        return max(0.0, (empty.soonest or empty.now) - empty.now)

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
        # The turn slept for this very return and woke a hair before it: an event loop's timers may fire early
        # against the pool's wall clock (uvloop's run on a millisecond clock read once per loop iteration; seen
        # 0.3 ms early under ``steadyloop serve``; the default sleeps, ``_aio_sleep.sleep_full``, no longer do, an
        # injected one may). The rest is the same wait, not another retry (at most _REWAITS times, so that a pool clock
        # that does not move cannot hold the turn).
        rest = (t.waited_for is not None and empty.soonest is not None and empty.soonest <= t.waited_for
                and t.rewaits < _REWAITS)
        if rest and wait is not None and t.budget.can_wait(wait, self.clock(), then=0.05, keep=self._keeps(t)):
            t.rewaits += 1
            yield Sleep(wait)
            return None
        here = t.last if t.last_at == t.entry_index else None
        counted = here is None or may_retry(here, self.policy, t.ctx)
        if wait is not None and counted and t.budget.can_wait(wait, self.clock(), then=0.05, keep=self._keeps(t)):
            t.waited_for = empty.soonest
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
