"""``sleep_full`` ends at or after its time on asyncio's loop and on uvloop (which keeps whole-millisecond timers)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import pytest
import uvloop

from agent._aio_sleep import sleep_full

_RUNNERS: dict[str, Callable[[Coroutine[Any, Any, float]], float]] = {"asyncio": asyncio.run, "uvloop": uvloop.run}


async def _slept(sleep: Callable[[float], Awaitable[Any]], seconds: float, busy: float) -> float:
    """Monotonic seconds one sleep of ``seconds`` took, started after ``busy`` seconds of work in one loop
    iteration (which a loop that reads its clock once per iteration has not seen)."""
    await asyncio.sleep(0)
    spin = time.monotonic()
    while time.monotonic() - spin < busy:
        pass
    start = time.monotonic()
    await sleep(seconds)
    return time.monotonic() - start


@pytest.mark.parametrize("loop", sorted(_RUNNERS))
@pytest.mark.parametrize("seconds", [0.0002, 0.0004, 0.0009, 0.0015, 0.0025, 0.02])
@pytest.mark.parametrize("busy", [0.0, 0.02])
def test_a_full_sleep_never_ends_early(loop: str, seconds: float, busy: float) -> None:
    """Whatever the loop and however little is left of a wait (the rest of a key's cooling after an early wake is
    often under a millisecond), the sleep lasts at least that long (``asyncio.sleep`` itself, on uvloop, ended early
    in 9 of these 12 cases on the 2-core VM: 0.2 and 0.4 ms at once, 2.5 ms after 1.5 ms, 20 ms after 19.2 ms), and
    is not stretched past its grain (the bound is loose: a busy machine may wake any sleeper late)."""
    took = [_RUNNERS[loop](_slept(sleep_full, seconds, busy)) for _ in range(5)]
    assert min(took) >= seconds
    assert min(took) < seconds + 0.25


def test_zero_yields_once() -> None:
    """A sleep of zero (or less) yields to the loop once and returns, as ``asyncio.sleep(0)`` does."""
    order: list[str] = []

    async def main() -> None:
        async def other() -> None:
            order.append("other")

        task = asyncio.get_running_loop().create_task(other())
        await sleep_full(0)
        order.append("after")
        await task

    asyncio.run(main())
    assert order == ["other", "after"]
