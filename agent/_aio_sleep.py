"""An asyncio sleep that never ends before its time, on any event loop.

uvloop (which uvicorn runs ``steadyloop serve`` on) keeps its timers in whole milliseconds: a sleep
ends up to about a millisecond early, and one under half a millisecond ends at once (0.4 ms ended after
0.006-0.019 ms, 2.5 ms after 1.83-2.09 ms, on the 2-core VM). A turn that slept until a cooling key's
return and woke early sleeps the rest (``agent._turn_waits``, at most three times); a rest under half a
millisecond ended at once each time, and the turn gave up with the key a fraction of a millisecond from
serving (a fresh-clone CI once). This sleep adds what the loop's clock lags the monotonic clock (a loop
that reads it once per iteration) and one timer grain, so it ends at or after its time on asyncio's loop
and uvloop's alike: at most about 1 ms late, where every sleep of the loop is a retry's or a key's wait.
"""

from __future__ import annotations

import asyncio
import time
from typing import Final

__all__ = ["sleep_full"]

_GRAIN: Final = 0.001  # uvloop's timer resolution (milliseconds); asyncio's own loop is exact to the nanosecond


async def sleep_full(seconds: float) -> None:
    """Sleep at least ``seconds`` of the monotonic clock (0 or less: yield once, as ``asyncio.sleep(0)``)."""
    if seconds <= 0:
        await asyncio.sleep(0)
        return
    behind = time.monotonic() - asyncio.get_running_loop().time()  # a loop clock read once per iteration lags
    await asyncio.sleep(seconds + max(0.0, behind) + _GRAIN)
