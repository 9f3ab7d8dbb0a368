"""Behaviour of agent._wait_hints: provider wait hints, parsed safely."""

from __future__ import annotations

from datetime import datetime

import pytest

from agent._wait_hints import (
    MAX_HINT_SECONDS,
    date_reset,
    parse_duration,
    parse_reset_time,
    parse_retry_after,
    wait_from_headers,
    wait_from_text,
    wait_until_clock,
)

NOW = 2_000_000_000.0  # 2033-05-18T03:33:20Z


@pytest.mark.parametrize(("text", "seconds"), [
    ("6m0s", 360.0), ("1s", 1.0), ("20ms", 0.02), ("1h2m3.5s", 3723.5), ("37s", 37.0), ("0.5", 0.5),
    ("3h 12m", 11520.0), ("2 minutes", 120.0), ("", None), ("soon", None), ("-3s", None), ("1e400", None),
])
def test_parse_duration(text: str, seconds: float | None) -> None:
    """Go-style and spaced durations parse; garbage, negative and overflowing values give None."""
    assert parse_duration(text) == (pytest.approx(seconds) if seconds is not None else None)


@pytest.mark.parametrize(("value", "seconds"), [
    ("20", 20.0), ("0", 0.0), ("1.5", 1.5), ("-1", None), ("nan", None), ("inf", None), ("-inf", None),
    ("315360000", None), ("Wed, 18 May 2033 03:34:20 GMT", 60.0), ("Wed, 18 May 2033 03:30:00 GMT", 0.0),
    ("not a date", None), ("", None),
])
def test_parse_retry_after_hostile_table(value: str, seconds: float | None) -> None:
    """Retry-After as seconds or HTTP date; a date in the past means 0; hostile values are rejected."""
    assert parse_retry_after(value, NOW) == seconds


@pytest.mark.parametrize(("value", "seconds"), [
    ("2033-05-18T03:34:20Z", 60.0), ("2033-05-18T03:34:20+00:00", 60.0), ("2000000030", 30.0),
    ("2033-05-18T03:00:00Z", 0.0), ("garbage", None), ("9999999999999", None),
    ("nan", None), ("inf", None), ("-inf", None),  # not a time: no hint (NaN once became "retry now")
])
def test_parse_reset_time(value: str, seconds: float | None) -> None:
    """Absolute resets (RFC 3339 or epoch seconds) become seconds from now; absurd ones are rejected."""
    assert parse_reset_time(value, NOW) == seconds


@pytest.mark.parametrize(("headers", "seconds"), [
    ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
    ({"retry-after-ms": "nan", "retry-after": "9"}, 9.0),
    ({"retry-after": "-4"}, None),
    ({"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "2s",
      "x-ratelimit-remaining-tokens": "0", "x-ratelimit-reset-tokens": "6m0s"}, 360.0),
    ({"x-ratelimit-remaining-requests": "12", "x-ratelimit-reset-requests": "2s",
      "x-ratelimit-remaining-tokens": "0", "x-ratelimit-reset-tokens": "1m"}, 60.0),
    ({"anthropic-ratelimit-tokens-remaining": "0", "anthropic-ratelimit-tokens-reset": "2033-05-18T03:33:50Z"}, 30.0),
    ({"anthropic-ratelimit-unified-reset": "2000000100"}, 100.0),
    ({"content-type": "application/json"}, None),
])
def test_wait_from_headers(headers: dict[str, str], seconds: float | None) -> None:
    """retry-after-ms beats retry-after beats reset headers; the longest exhausted window wins."""
    assert wait_from_headers(headers.items(), NOW) == (pytest.approx(seconds) if seconds else seconds)


@pytest.mark.parametrize(("text", "seconds"), [
    ("please try again in 20s.", 20.0), ("try again in 7.66s", 7.66), ("your limit resets in 3h 12m", 11520.0),
    ("retry after 30 seconds", 30.0), ("try again in 4 days 3 hours", 356400.0), ("try again later", None),
    ("error in 5s of processing", None), ("try again in 99999 days", None),
    # "wait" with its duration right after it (Copilot Chat: https://github.com/microsoft/vscode-copilot-release/issues/6479)
    ("Sorry, your request was rate-limited. Please wait 587 hours 33 minutes before trying again.", 2_115_180.0),
    ("Please wait 2 minutes before trying again.", 120.0), ("we waited 5 seconds", None), ("await 5 seconds", None),
    ("waiting for network", None),
    # a duration said to be approximate (OpenClaw on a ChatGPT plan's window, a Discord help thread archived at
    # https://doublepost.link; a proxy's "resets in about 2.7 hours"); a tilde with no number is no wait
    ("Summarization failed: You have hit your ChatGPT usage limit (plus plan). Try again in ~227 min.", 13_620.0),
    ("resets in about 2.7 hours", 9_720.0), ("retry in ~ 30 s", 30.0), ("try again in ~ a while", None),
    # google-api-core's RetryInfo printed as protobuf text (https://github.com/cline/cline/issues/2540)
    ('[violations {\n}\n, links {\n  url: "https://ai.google.dev/gemini-api/docs/rate-limits"\n}\n, '
     'retry_delay {\n  seconds: 19\n}\n]', 19.0),
    ("retry_delay {\n  seconds: 2\n  nanos: 500000000\n}", 2.5), ("retry_delay {\n}", None),
    ("retry_delay {\n  seconds: 999999999\n}", None),  # past the month's ceiling: no hint
    # a timedelta printed H:MM:SS (Hugging Face ZeroGPU: https://github.com/levihsu/OOTDiffusion/issues/205); a clock
    # time or a version is no wait
    ("You have exceeded your GPU quota (46s left vs. 60s requested). Sign-up on Hugging Face to get more quotas or "
     "retry in 0:09:48.", 588.0),
    ("retry in 1:00:00", 3600.0), ("retry in 0:9:48", None), ("released 1:02:03 ago", None),
])
def test_wait_from_text(text: str, seconds: float | None) -> None:
    """A wait stated in the message is used only when phrased as a wait, and only when sane."""
    assert wait_from_text(text) == (pytest.approx(seconds) if seconds else seconds)


def test_hint_ceiling_is_a_month() -> None:
    """The absurdity ceiling is about a month: a monthly quota reset is the longest real wait."""
    assert 28 * 86400 <= MAX_HINT_SECONDS <= 32 * 86400


def _timed(call: object, *args: object) -> float:
    import time

    started = time.perf_counter()
    call(*args)  # type: ignore[operator]
    return time.perf_counter() - started


@pytest.mark.parametrize("unit", ["1s ", "1s , ", "2m and  ", "1.5 h\t"])
def test_a_duration_that_does_not_end_well_is_refused_in_linear_time(unit: str) -> None:
    """A duration of many parts that fails at its last character is refused at once, whatever its length.

    The pattern's separator had two adjacent ``\\s*`` (before and after the optional comma), so every space
    could go to either: a failing match tried 2**n splits. "1s " 22 times and an "x" (67 bytes, in an
    ``x-ratelimit-reset-*`` header or a Gemini ``retryDelay``) took 5.5 s; 30 times, hours, with the turn's
    thread spinning and no deadline able to stop it.
    """
    assert _timed(parse_duration, unit * 20 + "x") < 0.25  # before: 1.6 s at 20 parts, x3.5 every two more
    assert _timed(parse_duration, unit * 20_000 + "x") < 0.5
    assert parse_duration(unit * 3) is not None  # the same durations still parse
    assert _timed(wait_from_headers, [("x-ratelimit-reset-requests", unit * 30 + "x")], NOW) < 0.25
    assert _timed(parse_reset_time, unit * 30 + "x", NOW) < 0.25  # a body's retryDelay / reset goes here


def test_a_hostile_reset_hint_cannot_stall_the_classifier() -> None:
    """The same hint in a real SDK error's header or in Gemini's body is classified in a moment."""
    import httpx2
    import openai

    from agent import classify_api_error

    request = httpx2.Request("POST", "https://api.openai.com/v1/chat/completions")
    hostile = "1s " * 40 + "x"
    for headers, body in (({"x-ratelimit-reset-requests": hostile}, {"error": {"message": "slow down"}}),
                          ({}, {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "quota",
                                          "details": [{"retryDelay": hostile}]}})):
        response = httpx2.Response(429, request=request, headers=headers, json=body)
        error = openai.RateLimitError("rate limited", response=response, body=body)
        assert _timed(classify_api_error, error) < 0.25
        assert classify_api_error(error).retry_after is None


@pytest.mark.parametrize(("text", "seconds"), [
    # the next such time in the zone named (NOW is 03:33:20Z)
    ("you've hit your limit · resets 8pm (america/new_york)", 20 * 3600 + 26 * 60 + 40),  # 20:00 EDT is 00:00Z
    ("access resets at 10:57 pm gmt-3.", 22 * 3600 + 23 * 60 + 40),  # 01:57Z tomorrow
    ("resets 3am (utc+8)", 15 * 3600 + 26 * 60 + 40),  # 19:00Z
    ("resets 3:40am utc", 6 * 60 + 40),
    # POSIX's sign: Etc/GMT+5 is five hours behind UTC (Claude Code: "Your limit will reset at 1pm (Etc/GMT+5)":
    # https://github.com/anthropics/claude-code/issues/2087), unlike gemini-cli's "GMT-3" above
    ("claude usage limit reached. your limit will reset at 1pm (etc/gmt+5).", 14 * 3600 + 26 * 60 + 40),
    ("resets 12am (america/port-au-prince)", 26 * 60 + 40),  # 00:00 EDT is 04:00Z
    # a date before the time (days away), a zone this host does not know, no reset, an impossible hour: no wait
    ("weekly limit reached · resets dec 2, 7pm (europe/moscow)", None),
    ("resets 3pm (mars/olympus_mons)", None),
    ("the office opens at 9am (europe/paris)", None),
    ("resets 13pm (europe/paris)", None),
])
def test_wait_until_clock(text: str, seconds: float | None) -> None:
    assert wait_until_clock(text, NOW) == seconds


def test_a_reset_hour_with_no_zone_is_read_on_the_hosts_clock() -> None:
    """Claude Code prints its user's local time ("Session limit reached ∙ resets 8pm"): the host's zone is the best
    reading there is, and the wait is always within a day."""
    wait = wait_until_clock("session limit reached ∙ resets 8pm", NOW)
    assert wait is not None and 0 < wait <= 24 * 3600
    local = datetime.fromtimestamp(NOW + wait).astimezone()
    assert (local.hour, local.minute, local.second) == (20, 0, 0)


def test_zones_this_host_lacks_list_the_zone_database_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A title-cased guess that is no zone falls back to the host's list of zones. Listing it walks the zone database,
    so it is read once, however many unknown zones texts name."""
    import zoneinfo

    from agent import _wait_hints

    calls = []
    real = zoneinfo.available_timezones

    def counted() -> set[str]:
        calls.append(1)
        return real()

    monkeypatch.setattr(zoneinfo, "available_timezones", counted)
    _wait_hints._zone.cache_clear()
    _wait_hints._zone_keys.cache_clear()
    try:
        for n in range(5):
            assert wait_until_clock(f"resets 3pm (mars/crater_{n})", NOW) is None
        assert wait_until_clock("resets 1pm (etc/gmt+5)", NOW) is not None  # found by the list: "Etc/GMT+5"
        assert len(calls) == 1
    finally:
        _wait_hints._zone.cache_clear()
        _wait_hints._zone_keys.cache_clear()


@pytest.mark.parametrize(("text", "on_a_date"), [
    # https://github.com/anthropics/claude-code/issues/8620
    ("Claude usage limit reached. Your limit will reset at Oct 7, 1am.", True),
    # https://github.com/anthropics/claude-code/issues/55876
    ("You've hit your limit · resets May 5 at 9pm (America/New_York)", True),
    # https://github.com/github/copilot-cli/issues/2828
    ("You've reached your weekly rate limit. Please wait for your limit to reset on April 20, 2026 at 2:00 AM or "
     "switch to \nauto model to continue. Learn More (https://docs.github.com/en/copilot/concepts/rate-limits). "
     "(Request ID: \nD0BC:2556F:2EE648C:3A017D8:69E3DE2E)", True),
    # https://github.com/openai/codex/blob/main/codex-rs/core/src/error.rs
    ("You've hit your usage limit. To get more access now, send a request to your admin or try again at Jan 14th, 2026 "
     "9:05 AM.", True),
    # a time of day only (https://github.com/anthropics/claude-code/issues/15064), a wait
    # (https://github.com/Azure/azure-sdk-for-net/issues/47779), an ISO date (the 5-hour window's message in Zhipu's
    # 1308 body): none names a month
    ("Claude usage limit reached. Your limit will reset at 9am (America/Chicago).", False),
    ("HTTP 429 (429)\n\nRate limit is exceeded. Try again in 40 seconds.", False),
    ("Usage limit reached for 5 hour. Your limit will reset at 2026-09-09 05:38:28", False),
])
def test_a_reset_on_a_calendar_date_is_told_from_a_time_of_day(text: str, on_a_date: bool) -> None:
    """A reset whose month is named before its day is days away (billing's reading); an hour of the day, a wait, or an
    ISO timestamp are not read as such a date."""
    assert date_reset(text.lower()) is on_a_date
