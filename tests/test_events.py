"""The events a turn emits: one turn reference on all, one AttemptEnded per attempt row, the facts hooks need."""

from __future__ import annotations

import logging

import pytest

from agent import events as ev
from agent.results import TurnResult
from agent.testing.emulator import Emulator
from tests.drills import KEYS, PROMPT, drill_loop, drill_scenario
from tests.test_conversation_loop import APIS, entry, make_loop, pool


def _drill(session: str | None = "chat-42") -> tuple[list[ev.Event], object, int]:
    got: list[ev.Event] = []
    with drill_scenario() as emu:
        result = drill_loop(emu, [got.append]).run(PROMPT, session=session)
        port = int(emu.base_url("openai").split(":")[2].split("/")[0])
    return got, result, port


def test_every_event_of_a_turn_carries_the_same_turn_and_session() -> None:
    """TurnStarted opens, TurnFinished closes, and every event in between names the same turn and session."""
    got, _, _ = _drill()
    assert isinstance(got[0], ev.TurnStarted) and isinstance(got[-1], ev.TurnFinished)
    assert {e.turn for e in got} == {got[0].turn}
    assert got[0].turn.session == "chat-42" and len(got[0].turn.id) == 16


def test_two_turns_get_different_ids() -> None:
    """Turn ids are unique, so one hook can follow concurrent turns."""
    first, _, _ = _drill()
    second, _, _ = _drill(session=None)
    assert first[0].turn.id != second[0].turn.id and second[0].turn.session is None


def test_attempt_ended_mirrors_each_attempt_row() -> None:
    """One AttemptEnded per TurnResult attempt, in order, with a closed action and the user-facing phrase."""
    got, result, _ = _drill()
    ended = [e for e in got if isinstance(e, ev.AttemptEnded)]
    assert [(e.attempt, e.model, e.outcome, e.action) for e in ended] == [
        (1, "a", "rate_limit", "rotate"), (2, "a", "overloaded", "retry"), (3, "a", "server_error", "fallback"),
        (4, "b", "ok", "answered")]
    assert [e.detail for e in ended] == [a.action for a in result.attempts]  # type: ignore[attr-defined]
    assert [e.fallback_hop for e in ended] == [0, 0, 0, 1]
    assert (ended[0].scope, ended[1].retry_after, ended[1].wait) == ("credential", 2.0, 2.0)


def test_attempt_facts_for_spans() -> None:
    """AttemptStarted names the server; the answering AttemptEnded carries response model, usage, finish reason."""
    got, _, port = _drill()
    started = [e for e in got if isinstance(e, ev.AttemptStarted)]
    assert {(e.server_address, e.server_port, e.provider) for e in started} == {("127.0.0.1", port, "OpenAI")}
    answer = [e for e in got if isinstance(e, ev.AttemptEnded)][-1]
    assert answer.response_model == "b" and answer.finish_reasons == ("stop",)
    assert answer.input_tokens > 0 and answer.output_tokens > 0
    finished = got[-1]
    assert isinstance(finished, ev.TurnFinished)
    assert (finished.status, finished.reason, finished.input_tokens) == ("ok", None, answer.input_tokens)


def test_no_event_carries_a_key_or_the_prompt() -> None:
    """Keys and the conversation's text appear in no event."""
    got, _, _ = _drill()
    dumped = repr(got)
    assert not any(k in dumped for k in KEYS) and "PROMPT-MARKER" not in dumped


def test_default_hook_logs_one_info_line_per_attempt(caplog: pytest.LogCaptureFixture) -> None:
    """log_event: exactly one INFO line per attempt (what failed, what next) plus one for the turn."""
    with caplog.at_level(logging.INFO, logger="steadyloop.loop"), drill_scenario() as emu:
        drill_loop(emu, [ev.log_event]).run(PROMPT, session="s1")
    lines = [r for r in caplog.records if r.name == "steadyloop.loop" and r.levelno == logging.INFO]
    assert [r.getMessage().split(" [")[0].split(" in ")[0] for r in lines] == [
        "attempt 1 a key main-1: rate_limit (429, rule rate_limit_code) -> rotated credential",
        "attempt 2 a key main-2: overloaded (503, rule overloaded_wording) -> retried (2 s)",
        "attempt 3 a key main-2: server_error (500, rule server_error_code) -> fell back",
        "attempt 4 b key alt-1: ok -> answered",
        "turn ok on b after 4 attempt(s)"]
    record = lines[1]
    assert (record.session, record.attempt, record.credential, record.model, record.reason, record.action,  # type: ignore[attr-defined]
            record.wait) == ("s1", 2, "main-2", "a", "overloaded", "retry", 2.0)  # type: ignore[attr-defined]
    assert record.turn_id == lines[0].turn_id  # type: ignore[attr-defined]


@pytest.mark.parametrize("streamed", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize(("api", "finish"), list(zip(APIS, ["stop", "completed", "end_turn"], strict=True)))
def test_response_model_and_finish_reason_on_every_api(api: str, finish: str, streamed: bool) -> None:
    """Each API's reply, plain or streamed, yields the model that answered and its finish reason."""
    got: list[ev.Event] = []
    with Emulator("healthy") as emu:
        loop = make_loop([entry(emu, api, "m-1")], {"main": pool("main", "k1")}, hooks=[got.append])
        result = list(loop.stream("hi"))[-1] if streamed else loop.run("hi")
    assert isinstance(result, TurnResult) and result.ok
    answer = next(e for e in got if isinstance(e, ev.AttemptEnded))
    assert (answer.response_model, answer.finish_reasons) == ("m-1", (finish,))


class _Formatted:
    """A field value that records every time something formats it into text."""

    def __init__(self) -> None:
        self.times = 0

    def __format__(self, spec: str) -> str:
        self.times += 1
        return "formatted"

    def __deepcopy__(self, memo: object) -> _Formatted:
        return self  # asdict copies field values: keep the one that counts


@pytest.mark.parametrize(("level", "formats"), [(logging.WARNING, 0), (logging.INFO, 0), (logging.DEBUG, 1)])
def test_default_hook_formats_nothing_when_its_level_is_off(caplog: pytest.LogCaptureFixture, level: int,
                                                            formats: int) -> None:
    """log_event builds no text and no fields for a DEBUG event unless DEBUG is enabled (issue 14, item 5)."""
    value = _Formatted()
    event = ev.RetryScheduled(model="m", wait=1.0, reason=value, credential_id="k1")  # type: ignore[arg-type]
    with caplog.at_level(level, logger="steadyloop.loop"):
        ev.log_event(event)
    assert value.times == formats
    assert len([r for r in caplog.records if r.name == "steadyloop.loop"]) == formats


_ECHO_KEY = "sk-proj-ModelEcho4Lx9Tz2Vn7Bm3Kq6Zq81"


def _echoing_answer(api: str) -> dict[str, object]:
    """A 200 answer whose model and finish reason repeat the key (a proxy that fills them from the request)."""
    if api == "anthropic-messages":
        return {"id": "msg_1", "type": "message", "role": "assistant", "model": f"relay/{_ECHO_KEY}",
                "content": [{"type": "text", "text": "hi"}], "stop_reason": f"end_turn {_ECHO_KEY}",
                "stop_sequence": None, "usage": {"input_tokens": 3, "output_tokens": 1}}
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": f"relay/{_ECHO_KEY}",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"},
                         "finish_reason": f"stop {_ECHO_KEY}"}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}}


@pytest.mark.parametrize("api", ["openai-chat", "anthropic-messages"])
def test_provider_strings_in_attempt_ended_are_redacted(api: str, caplog: pytest.LogCaptureFixture) -> None:
    """The response model and finish reasons an answer names come from the provider: a key echoed there (the pool's
    own, registered) is masked in AttemptEnded and in the default hook's log line."""
    from agent.testing.emulator import Scenario

    got: list[ev.Event] = []
    rule = {"respond": "error", "status": 200, "body": _echoing_answer(api)}
    with caplog.at_level(logging.DEBUG, logger="steadyloop.loop"), \
            Emulator(Scenario.model_validate({"rules": [rule]})) as emu:
        loop = make_loop([entry(emu, api, "m")], {"main": pool("main", _ECHO_KEY)}, hooks=[got.append, ev.log_event])
        result = loop.run("hi")
    ended = next(e for e in got if isinstance(e, ev.AttemptEnded))
    assert result.ok and ended.response_model == "relay/[REDACTED]"
    assert [r.split()[0] for r in ended.finish_reasons] == ["stop" if api == "openai-chat" else "end_turn"]
    said = repr(got) + "".join(r.getMessage() for r in caplog.records)
    assert _ECHO_KEY not in said and _ECHO_KEY[-12:] not in said
