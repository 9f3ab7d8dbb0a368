"""A stored credential state, validated on read: a malformed row is no state, with one warning.

Rows come from a file or a server other programs (and older versions) can write. Every field is
checked: times and counters are finite numbers in range (times before 2100-01-01, so a huge
cooldown stored by anyone can never crash a date conversion), ``dead`` is 0/1, ``suspensions``
is a JSON object of ``{"until": time, "reason": text}``. A row failing any check is treated as
no state for that credential, a warning names the pool, the credential and the field, and the
row is left as it is: the next recorded outcome replaces it, or ``steadyloop pool reset ID``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from .._credential_state import LATEST_TIME, CredentialState, Suspension

__all__ = ["BadRowError", "decode_state"]

log = logging.getLogger("steadyloop.state")
_warned: set[tuple[str, str, str]] = set()
_warned_lock = threading.Lock()


_PLAIN: Final = (float, int, str)  # not bool, nor a subclass: those take the full check
_LARGEST: Final = 10**15  # the largest number a stored field may hold


class BadRowError(ValueError):
    """A stored field is malformed; the message names the field, never its value."""


def _time(raw: Mapping[str, Any], name: str) -> float:
    value = raw.get(name, 0)
    if value and value.__class__ in _PLAIN:  # the usual value, checked in one step; anything else below
        try:
            number = float(value)
        except ValueError:
            raise BadRowError(f"{name} is not a number") from None
        if 0.0 <= number <= LATEST_TIME:  # false for NaN too
            return number
    number = _number(raw, name)
    if not 0.0 <= number <= LATEST_TIME:
        raise BadRowError(f"{name} is out of range")
    return number


def _count(raw: Mapping[str, Any], name: str) -> int:
    value = raw.get(name, 0)
    kind = value.__class__
    if kind is int and 0 <= value <= _LARGEST:  # an SQLite column
        return int(value)
    if kind is str and len(value) < 16 and value.isascii() and value.isdigit():  # a Redis field
        return int(value)
    number = _number(raw, name)
    if number < 0 or number != int(number):
        raise BadRowError(f"{name} is not a whole number of at least 0")
    return int(number)


def _number(raw: Mapping[str, Any], name: str) -> float:
    value = raw.get(name, 0)
    kind = type(value)
    if kind is float or kind is int:  # what SQLite columns hold: no conversion to try
        number = float(value)
    elif value is None or value == "":
        return 0.0
    elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise BadRowError(f"{name} is not a number")
    else:
        try:
            number = float(value)
        except ValueError:
            raise BadRowError(f"{name} is not a number") from None
    if not -_LARGEST <= number <= _LARGEST:  # also false for NaN; infinities are out of range
        raise BadRowError(f"{name} is not a finite number in range")
    return number


def _suspensions(text: Any) -> dict[str, Suspension]:
    if text == "{}":  # what nearly every row holds
        return {}
    try:
        data = json.loads(text or "{}") if isinstance(text, str) else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise BadRowError("suspensions is not a JSON object")
    found = {}
    for model, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("reason", ""), str):
            raise BadRowError("suspensions has an entry that is not {until, reason}")
        try:
            found[str(model)] = Suspension(_time(entry, "until"), str(entry.get("reason", "")))
        except BadRowError as err:
            raise BadRowError(f"suspensions: {err}") from None
    return found


def _state(credential_id: str, raw: Mapping[str, Any]) -> CredentialState:
    dead = raw.get("dead", 0)
    if str(dead) not in ("0", "1"):
        raise BadRowError("dead is not 0 or 1")
    status = raw.get("status_code")
    code = None if status in (None, "") else _count(raw, "status_code")
    if code is not None and not 100 <= code <= 599:
        raise BadRowError("status_code is not an HTTP status")
    for name in ("reason", "error"):
        if not isinstance(raw.get(name, ""), str):
            raise BadRowError(f"{name} is not text")
    return CredentialState(
        id=credential_id, cool_until=_time(raw, "cool_until"), dead=str(dead) == "1",
        reason=str(raw.get("reason", "")), error=str(raw.get("error", "")), status_code=code,
        backoff=_count(raw, "backoff"), successes=_count(raw, "successes"), failures=_count(raw, "failures"),
        uses=_count(raw, "uses"), last_used=_time(raw, "last_used"),
        suspensions=MappingProxyType(_suspensions(raw.get("suspensions", "{}"))))


def decode_state(where: str, pool: str, credential_id: str, raw: Mapping[str, Any]) -> CredentialState | None:
    """The validated state of a stored row; None (after one warning per row and field) if it is malformed."""
    try:
        return _state(credential_id, raw)
    except BadRowError as err:
        key = (where, f"{pool}/{credential_id}", str(err))
        with _warned_lock:
            first = key not in _warned
            _warned.add(key)
        if first:
            log.warning("steadyloop: the stored state of credential %s in pool %s (%s) is malformed: %s; it is "
                        "treated as no state until the next outcome replaces it or `steadyloop pool reset %s` "
                        "clears it", credential_id, pool, where, err, credential_id)
        return None
