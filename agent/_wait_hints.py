"""Provider wait hints: how long the provider asked us to wait, in seconds.

Precedence, most trusted first: ``retry-after-ms``, ``retry-after`` (seconds or an HTTP date),
rate-limit reset headers (``x-ratelimit-reset-*`` Go-style durations such as ``"6m0s"``,
``anthropic-ratelimit-*-reset`` RFC 3339 times or epoch seconds), a body ``retryDelay`` (Gemini),
then a wait stated in the message ("try again in 20s", "resets in 3h 12m", or a RetryInfo printed as protobuf text).

Every parser returns ``None`` rather than raising, and rejects negative, NaN, infinite and
absurd values (more than ``MAX_HINT_SECONDS``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Final

__all__ = [
    "MAX_HINT_SECONDS",
    "clock_reset",
    "date_reset",
    "parse_duration",
    "parse_reset_time",
    "parse_retry_after",
    "sane_seconds",
    "wait_from_headers",
    "wait_from_text",
    "wait_until_clock",
]

MAX_HINT_SECONDS: Final = 31 * 24 * 3600.0  # a monthly quota is the longest real reset

_UNIT_SECONDS: Final = {
    "ms": 0.001, "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0,
    "m": 60.0, "min": 60.0, "mins": 60.0, "minute": 60.0, "minutes": 60.0,
    "h": 3600.0, "hr": 3600.0, "hrs": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
}
_PART = r"(\d+(?:\.\d+)?)\s*(ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)(?![a-zA-Z])"
# What may follow a part: spaces, a comma, "and". One way only to read any run of spaces: "\s*,?\s*" let each
# space go to either side of the absent comma, and a duration failing at its end ("1s 1s ... 1s x") tried 2**n
# splits of them (67 bytes of a reset header took 5.5 s, with no deadline able to stop it).
_SEP = r"\s*(?:,\s*)?(?:and\s+)?"
_PART_RE: Final = re.compile(_PART, re.IGNORECASE)
_DURATION_RE: Final = re.compile(rf"^\s*(?:{_PART}{_SEP})+$", re.IGNORECASE)
# "wait" may also take its duration directly (Copilot Chat: "Please wait 587 hours 33 minutes before trying again"); a
# duration may be said to be approximate ("Try again in ~227 min.": OpenClaw on a ChatGPT plan's usage window; "resets
# in about 2.7 hours"): the same wait.
_TEXT_RE: Final = re.compile(
    r"(?:(?:try again|retry|resets?|available again|wait)\s+(?:in|after)|(?<![a-z])wait)\s+"
    rf"(?:~\s?|about\s|around\s|approximately\s)?((?:{_PART}{_SEP})+)",
    re.IGNORECASE,
)
_PLAIN_NUMBER_RE: Final = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")


def sane_seconds(value: float | None) -> float | None:
    """Return ``value`` if it is a usable wait (0 <= value <= MAX_HINT_SECONDS), else None."""
    if value is None or math.isnan(value) or value < 0 or value > MAX_HINT_SECONDS:
        return None
    return value


def parse_duration(text: str) -> float | None:
    """Parse ``"6m0s"``, ``"20ms"``, ``"3h 12m"``, ``"37s"`` or a plain number of seconds."""
    if _PLAIN_NUMBER_RE.match(text):
        return sane_seconds(float(text))
    if not _DURATION_RE.match(text):
        return None
    total = sum(float(n) * _UNIT_SECONDS[u.lower()] for n, u in _PART_RE.findall(text))
    return sane_seconds(total)


def parse_retry_after(value: str, now: float) -> float | None:
    """Parse a ``retry-after`` value: delay-seconds, or an HTTP date relative to ``now``."""
    try:
        return sane_seconds(float(value))
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime  # only HTTP dates need it; it costs 10 ms to import

        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return sane_seconds(max(0.0, when.timestamp() - now))


def parse_reset_time(value: str, now: float) -> float | None:
    """Parse an absolute reset time (RFC 3339 or epoch seconds) into seconds from ``now``."""
    try:
        number = float(value)
    except ValueError:
        try:
            number = datetime.fromisoformat(value.strip().replace("Z", "+00:00")).timestamp()
        except ValueError:
            return parse_duration(value)
    if not math.isfinite(number):
        return None
    if number < 1e9:  # too small to be an epoch: treat as seconds from now
        return sane_seconds(number)
    return sane_seconds(max(0.0, number - now))


def _reset_header_wait(name: str, value: str, now: float) -> float | None:
    if name.startswith("x-ratelimit-reset"):
        return parse_duration(value)
    return parse_reset_time(value, now)


def wait_from_headers(items: Iterable[tuple[str, str]], now: float) -> float | None:
    """The wait the response headers ask for; ``items`` are (lower-case name, value) pairs.

    When several reset headers are present, the longest exhausted window wins: waiting less
    would only earn another 429. A header whose ``remaining`` twin is non-zero is ignored.
    """
    direct: dict[str, str] = {}
    resets: dict[str, str] = {}
    remaining: dict[str, str] = {}
    for name, value in items:
        if name in ("retry-after-ms", "retry-after"):
            direct[name] = value
        elif name.endswith("-reset") or name.startswith("x-ratelimit-reset"):
            if name.startswith(("x-ratelimit-", "anthropic-ratelimit-")):
                resets[name] = value
        elif name.startswith(("x-ratelimit-remaining", "anthropic-ratelimit-")) and "remaining" in name:
            remaining[name] = value
    if "retry-after-ms" in direct:
        try:
            ms = sane_seconds(float(direct["retry-after-ms"]) / 1000.0)
        except ValueError:
            ms = None
        if ms is not None:
            return ms
    if "retry-after" in direct:
        seconds = parse_retry_after(direct["retry-after"], now)
        if seconds is not None:
            return seconds
    return _longest_exhausted_reset(resets, remaining, now)


def _twin_remaining(name: str) -> tuple[str, ...]:
    if name.startswith("x-ratelimit-reset-"):
        return ("x-ratelimit-remaining-" + name.removeprefix("x-ratelimit-reset-"),)
    return (name.removesuffix("-reset") + "-remaining",)


def _longest_exhausted_reset(resets: dict[str, str], remaining: dict[str, str], now: float) -> float | None:
    best: float | None = None
    for name, value in resets.items():
        twins = [remaining[t] for t in _twin_remaining(name) if t in remaining]
        if twins and all(t.strip() not in ("0", "0.0") for t in twins):
            continue
        seconds = _reset_header_wait(name, value, now)
        if seconds is not None and (best is None or seconds > best):
            best = seconds
    return best


_TEXT_KEYS: Final = ("try again", "retry", "reset", "available again", "wait")


def _earliest_at_keys(pattern: re.Pattern[str], keys: tuple[str, ...], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern that starts with one of ``keys`` (lower case), found by locating the
    keys with ``str.find`` and matching only there (a case-insensitive alternation scanned over a long message was
    the classifier's slowest step)."""
    lowered = text.lower()
    best: re.Match[str] | None = None
    for key in keys:
        at = lowered.find(key)
        while at >= 0 and (best is None or at < best.start()):
            match = pattern.match(text, at)
            if match is not None:
                best = match
                break
            at = lowered.find(key, at + 1)
    return best


def _first_wait_phrase(text: str) -> re.Match[str] | None:
    """``_TEXT_RE.search(text)``, matched only where its keywords stand."""
    return _earliest_at_keys(_TEXT_RE, _TEXT_KEYS, text)


# google-api-core prints a Google RPC error's RetryInfo detail as protobuf text inside its exception's message
# ("429 You exceeded your current quota ... [violations {...}, retry_delay {\n  seconds: 19\n}\n]"): the same hint a
# JSON body gives as ``"retryDelay": "19s"``. Bounded: digits, then at most nine digits of nanos.
_PROTO_DELAY_RE: Final = re.compile(r"retry_delay\s*\{\s*seconds:\s*(\d{1,9})\b(?:\s*nanos:\s*(\d{1,9})\b)?")
# A wait printed as Python prints a timedelta, H:MM:SS (Hugging Face ZeroGPU's quota: "You have exceeded your GPU
# quota (46s left vs. 60s requested). Sign-up on Hugging Face to get more quotas or retry in 0:09:48.":
# https://github.com/levihsu/OOTDiffusion/issues/205). Bounded: fixed digits, no repetition.
_CLOCK_DURATION_RE: Final = re.compile(r"(?:try again|retry) in (\d{1,3}):([0-5]\d):([0-5]\d)(?!\d)", re.IGNORECASE)

_CLOCK_DURATION_KEYS: Final = ("retry in ", "try again in ")  # where it is matched (``_earliest_at_keys``)


def wait_from_text(text: str) -> float | None:
    """A wait stated in prose: "try again in 7.66s", "resets in 3h 12m", "retry after 30 seconds"; or a RetryInfo
    printed as protobuf text ("retry_delay { seconds: 19 }")."""
    match = _first_wait_phrase(text)
    if match is None:
        if "retry_delay" in text and (proto := _PROTO_DELAY_RE.search(text)) is not None:
            seconds, nanos = proto.groups()
            return sane_seconds(int(seconds) + int(nanos or 0) / 1e9)
        if ":" in text and " in " in text and (clock := _earliest_at_keys(
                _CLOCK_DURATION_RE, _CLOCK_DURATION_KEYS, text)) is not None:
            hours, minutes, seconds = clock.groups()
            return sane_seconds(int(hours) * 3600 + int(minutes) * 60 + int(seconds))
        return None
    total = sum(float(n) * _UNIT_SECONDS[u.lower()] for n, u in _PART_RE.findall(match.group(1)))
    return sane_seconds(total)


# A window's reset stated as a time of day with no date: Claude Code's "You've hit your limit · resets 11pm
# (America/Anchorage)" and "Your limit will reset at 10am (America/Lima).", gemini-cli's "Access resets at 10:57 PM
# GMT-3." (https://github.com/anthropics/claude-code/issues/19472, corpus entries of claude-code and gemini-cli). A date
# before the time ("resets Dec 2, 7pm") does not match: that reset is days away. Codex says the same with "try again
# at" in its same-day form ("You've hit your usage limit. ... try again at 3:51 PM.":
# https://github.com/openai/codex/issues/19215); its other-day form puts the date first ("try again at Jan 14th, 2026
# 9:05 AM") and does not match. ChatGPT's model cap says "after" ("You've reached the current usage cap for GPT-4.
# You can continue with the default model now, or try again after 1:33 AM.": an unofficial client's corpus entry of
# holdout612). Read on lower-case text; bounded (a zone is at most three short parts), so no input
# backtracks.
_CLOCK_RE: Final = re.compile(
    r"\b(?:resets?|try again)\s+(?:at\s+|after\s+)?(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?([ap])\.?m\b\.?"
    r"(?:\s{0,12}\(?\s?(?:(?:utc|gmt)(?:\s?([+-])(1[0-4]|0?\d)(?::?([0-5]\d))?)?\b"
    r"|([a-z]{2,14}(?:/[a-z0-9_+-]{1,30}){1,2})))?"
)


def clock_reset(text: str) -> re.Match[str] | None:
    """The first "resets 11pm (Zone/City)" in lower-case ``text``: a reset at a time of day, so within a day."""
    return _CLOCK_RE.search(text) if "reset" in text or "try again a" in text else None


# A reset on a calendar date, the month by its name: Claude Code's "Your limit will reset at Oct 7, 1am." for a weekly
# cap (https://github.com/anthropics/claude-code/issues/8620), "You've hit your limit · resets May 5 at 9pm", Copilot's
# "Please wait for your limit to reset on April 20, 2026", Codex's "try again at Jan 14th, 2026 9:05 AM": a day or
# more away, never a session window's same-day reset (every such corpus text is labelled billing). The month's name
# before its day, so "reset may take" is no date. Read on lower-case text; bounded.
_DATE_RE: Final = re.compile(
    r"\b(?:resets?|try again|available again)\s+(?:at\s+|on\s+|after\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?\b")


def date_reset(text: str) -> bool:
    """Whether lower-case ``text`` says its limit resets on a calendar date ("resets Oct 7, 1am"): days away."""
    return ("reset" in text or "again" in text) and _DATE_RE.search(text) is not None


@lru_cache(maxsize=64)
def _zone(name: str) -> tzinfo | None:
    """The IANA zone a lower-case name stands for ("america/los_angeles"), or None when this host has no such zone."""
    from zoneinfo import ZoneInfo  # only a clock reset needs the zone database

    def title(part: str) -> str:
        return "_".join(w[:1].upper() + w[1:] for w in part.split("_"))

    guess = "/".join(title(part) for part in name.split("/"))
    try:
        return ZoneInfo(guess)
    except Exception:  # an unknown key, or no zone database here: no wait rather than a wrong one
        pass
    try:
        exact = _zone_keys().get(name)
        return None if exact is None else ZoneInfo(exact)
    except Exception:
        return None


@lru_cache(maxsize=1)
def _zone_keys() -> dict[str, str]:
    """Every zone key this host knows, by its lower-case spelling ("etc/gmt+5": "Etc/GMT+5"). Read once: listing them
    walks the zone database (tens of milliseconds), and a text may name any number of zones this host lacks."""
    from zoneinfo import available_timezones

    return {key.lower(): key for key in available_timezones()}


def wait_until_clock(text: str, now: float) -> float | None:
    """Seconds from ``now`` to the next time of day ``text`` says the limit resets at, in the zone it names (the
    host's own zone when it names none); None when there is no such time or its zone is unknown here."""
    match = clock_reset(text)
    if match is None:
        return None
    hour, minute, half, sign, off_hours, off_minutes, name = match.groups()
    zone: tzinfo | None
    if name is not None:
        zone = _zone(name)
        if zone is None:
            return None
    elif off_hours is not None:
        offset = timedelta(hours=int(off_hours), minutes=int(off_minutes or 0))
        zone = timezone(-offset if sign == "-" else offset)
    elif match.group(0).rstrip(" ().").endswith(("utc", "gmt")):
        zone = UTC
    else:
        zone = None  # no zone named: the host's, as the client that printed it used its own
    try:
        local = datetime.fromtimestamp(now, zone) if zone is not None else datetime.fromtimestamp(now).astimezone()
        target = local.replace(hour=int(hour) % 12 + (12 if half == "p" else 0), minute=int(minute or 0), second=0,
                               microsecond=0)
        if target <= local:
            target += timedelta(days=1)
        return sane_seconds(target.timestamp() - now)
    except (ValueError, OverflowError, OSError):
        return None
