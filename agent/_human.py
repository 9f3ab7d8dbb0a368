"""Durations and reasons in words people read at a glance."""

from __future__ import annotations

import math

__all__ = ["duration"]

_UNITS = (("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1))


def duration(seconds: float | None) -> str:
    """``12 s``, ``4 min 5 s``, ``3 h 12 min``, ``2 d 4 h``: the two largest units (seconds rounded up).

    None (no end: a dead key waits for a reset) is ``never``; zero or less is ``now``.
    """
    if seconds is None:
        return "never"
    if not math.isfinite(seconds):
        return "never"
    left = math.ceil(seconds)
    if left <= 0:
        return "now"
    parts: list[str] = []
    for name, size in _UNITS:
        count, left = divmod(left, size)
        if count or parts:
            parts.append(f"{count} {name}")
        if len(parts) == 2:
            break
    return " ".join(p for p in parts if not p.startswith("0 "))
