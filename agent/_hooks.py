"""Calling event hooks, sync or async: a hook never breaks a turn, and an async one is awaited in order.

``call(hooks, event, pending)`` calls each hook at once. A hook that returns an awaitable (an
``async def`` hook) is queued on ``pending`` when the turn runs under asyncio: the async drivers
``drain`` it before the turn goes on, so a bot's "retrying in 12 s" is sent before the sleep
starts and events reach a hook in the order they happened. Under the sync drivers (``pending``
is None) it is run to completion at once with ``asyncio.run``. A hook that raises, sync or
async, is logged and ignored.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Sequence
from typing import Any

from . import events as ev

__all__ = ["Pending", "call", "drain"]

log = logging.getLogger("steadyloop.loop")

Pending = list[tuple[ev.Hook, Awaitable[Any]]]
"""Awaitables returned by async hooks, in the order their events happened."""


def call(hooks: Sequence[ev.Hook], event: ev.Event, pending: Pending | None) -> None:
    """Give ``event`` to every hook; queue what async hooks return (or run it now without an event loop)."""
    for hook in hooks:
        try:
            returned = hook(event)
        except Exception:  # a broken hook must never break a turn
            log.exception("steadyloop: event hook %r failed", hook)
            continue
        if returned is None or not inspect.isawaitable(returned):  # None first: isawaitable is an ABC check
            continue
        if pending is not None:
            pending.append((hook, returned))
        else:
            _run_now(hook, returned)


async def drain(pending: Pending) -> None:
    """Await the queued hook calls in order; one that raises is logged and the others still run."""
    while pending:
        hook, awaitable = pending.pop(0)
        try:
            await awaitable
        except Exception:
            log.exception("steadyloop: event hook %r failed", hook)


def _run_now(hook: ev.Hook, awaitable: Awaitable[Any]) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no event loop in this thread: run the hook's coroutine to its end here
        try:
            asyncio.run(_awaited(awaitable))
        except Exception:
            log.exception("steadyloop: event hook %r failed", hook)
        return
    if inspect.iscoroutine(awaitable):
        awaitable.close()  # never "was never awaited": say what happened instead
    log.warning("steadyloop: async event hook %r skipped: run()/stream() were called inside a running event "
                "loop; use arun()/astream() there", hook)


async def _awaited(awaitable: Awaitable[Any]) -> Any:
    return await awaitable
